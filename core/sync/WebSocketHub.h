#pragma once

// One WebSocket port for every syncing space of the process (issue #7): a user expects each space
// with a key to be reachable on the app's one port. The hub serves the mesh (WebSocketMesh) on
// host:port and gives each accepted connection to the space whose key it proves:
//
// - Binary (secret-stream): after the Noise XX handshake the hub reads the client's first sync
//   frame, its Hello, whose proof is keyed BLAKE2b with the sync key over the handshake hash and the
//   client's public key (SyncProtocol.h). The hub tries each space's key; the space that verifies it
//   gets the stream together with the bytes read so far, and answers with its own Hello (proof).
//   Waiting for the client's proof first cannot deadlock: a dialling session always sends its Hello
//   without waiting for ours (SyncSession::start; with legacy JSON on it first waits 400 ms for a
//   2.x peer to speak, then sends it). Nothing but the client's Hello is read before routing, and
//   nothing is sent: the admission rule (nothing before the peer's proof) holds.
// - A client whose first frame is not a Hello, whose Hello is malformed or proves no space's key,
//   or that speaks JSON over the secret-stream, goes to the first space (the one that opened the
//   port), whose session refuses it with the usual reason (the connection doctor shows it); JSON
//   goes to the first space that accepts PluresDB 2.x peers, if any.
// - Text frames (PluresDB 2.x JSON, which carries no key): the first space that accepts 2.x peers,
//   else the first space (which refuses them).
//
// Hubs are shared per (host, bound port) on the engine thread: acquire() with a port a hub already
// serves joins it; the port closes when the last space lets go. Engine thread only.

#include "core/common/Result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

namespace pluresdb::transport {
namespace secretstream {
class SecretStream;
}
namespace websocket {
class WebSocketByteStream;
class WebSocketMesh;
}  // namespace websocket
}  // namespace pluresdb::transport

namespace pluresdb::sync {

class SyncNode;

// What a client's first bytes on a secret-stream say about where it belongs: more are needed, a
// whole Hello (with its proof), JSON (a PluresDB 2.x peer), or anything else. Bounded: a frame
// longer than a Hello is "other" from its header on. Outside bytes (fuzz_websocket_hub_route).
struct HubFirstBytes {
    enum class Kind { NeedMore, Hello, Json, Other };
    Kind kind = Kind::NeedMore;
    QByteArray proof;  // Hello only
};
HubFirstBytes classifyFirstBytes(const QByteArray& received);

class WebSocketHub : public QObject {
    Q_OBJECT
public:
    // The hub serving host:port, or a new one listening there (port 0: always a new one on a free
    // port). An error when the port cannot be served.
    static Result<std::shared_ptr<WebSocketHub>> acquire(const QHostAddress& host, quint16 port);
    ~WebSocketHub() override;

    quint16 port() const { return m_port; }
    // A space joins (in this order they are tried; the first is the fallback) or leaves. A node
    // destroyed without leaving is skipped.
    void addNode(SyncNode* node);
    void removeNode(SyncNode* node);
    int nodeCount() const;

    // How long a client may take to send its Hello after the handshake.
    static constexpr int kHelloTimeoutMs = 30000;

private:
    WebSocketHub() = default;
    void onSecretStream(transport::secretstream::SecretStream* stream);
    void onTextChannel(transport::websocket::WebSocketByteStream* stream);
    void route(transport::secretstream::SecretStream* stream, const QByteArray& received);
    SyncNode* fallbackNode(bool wantsLegacyJson) const;
    void prune();

    std::unique_ptr<transport::websocket::WebSocketMesh> m_mesh;
    std::vector<QPointer<SyncNode>> m_nodes;
    QHostAddress m_host;
    quint16 m_port = 0;
};

}  // namespace pluresdb::sync
