#pragma once

// The WebSocket mesh (issue #7): serve(port) accepts WebSocket connections, connect(url) makes
// them (and remakes them after a drop). Every connection becomes a secret-stream (Noise XX in
// band; we are the initiator when we connected) over binary frames, handed out once its handshake
// is done, or — on the server, when the first frame is text — a JSON text channel for PluresDB 2.x
// peers. The sync layer (SyncNode::attachMesh) decides what to do with them.

#include "core/crypto/Ed25519.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/websocket/WebSocketByteStream.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QWebSocketServer>

#include <functional>
#include <memory>

namespace pluresdb::transport::websocket {

class WebSocketMesh : public QObject {
    Q_OBJECT
public:
    explicit WebSocketMesh(crypto::KeyPair keyPair, QObject* parent = nullptr);
    ~WebSocketMesh() override;

    // Listens on host:port (0 = any free port); the bound port, or an error.
    Result<quint16> serve(const QHostAddress& host, quint16 port);
    // Connects to `url` (ws://host:port), and reconnects after `retryMs` whenever the connection
    // fails or drops, until stopRetrying(url) or the mesh is destroyed.
    void connectTo(const QUrl& url, int retryMs = 1000);
    void stopRetrying(const QUrl& url);
    // After a drop, reconnect only if this says yes for the peer's public key (e.g. not refused).
    void setRetryFilter(std::function<bool(const QByteArray&)> filter) { m_retryFilter = std::move(filter); }

signals:
    // A secret-stream whose handshake is not yet done (connect its signals, then it starts itself).
    void secretStreamReady(pluresdb::transport::secretstream::SecretStream* stream);
    // A server-side connection whose first frame was text: a JSON channel (no handshake).
    void textChannelReady(pluresdb::transport::websocket::WebSocketByteStream* stream);
    void connectionFailed(const QString& url, const QString& error);

private:
    void onNewConnection();
    void dial(const QUrl& url, int retryMs);
    secretstream::SecretStream* wrap(WebSocketByteStream* raw, bool initiator);

    crypto::KeyPair m_keyPair;
    std::unique_ptr<QWebSocketServer> m_server;
    QList<QUrl> m_retrying;
    std::function<bool(const QByteArray&)> m_retryFilter;
};

}  // namespace pluresdb::transport::websocket
