#pragma once

// One peer's side of a relayed connection (spec/hyperdht.md §11; hyperdht connect.js/server.js
// `relayConnection`): a hyperdht connection to the relay's key, a blind-relay pair request for our
// peer-connection UDX stream under the shared token, and, once the relay answers, the socket and
// address our stream must send to (the relay connection's own) and the relay's stream id for us.
// The relay connection lives as long as the link (the relay drops the splice when it closes).

#include "core/crypto/Ed25519.h"
#include "core/transport/udx/UdxEndpoint.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace pluresdb::transport::secretstream {
class SecretStream;
}
namespace pluresdb::transport::udx {
class UdxSocket;
class UdxStream;
}  // namespace pluresdb::transport::udx

namespace pluresdb::dht::hyperdht {

class HyperDht;
class BlindRelayClient;

class BlindRelayLink : public QObject {
public:
    BlindRelayLink(HyperDht& dht, crypto::KeyPair keyPair, QByteArray relayKey, bool isInitiator,
                   QByteArray token, quint32 streamId, QObject* parent = nullptr);
    ~BlindRelayLink() override;

    // Connects to the relay and asks for the pairing; one of the callbacks follows (within 15 s).
    void start();
    // Ends the relay connection (after the peer stream closed, or when a direct path won).
    void close();

    // The relay paired us: connect the peer stream from `socket` to `relay` with remote id `relayStreamId`.
    std::function<void(transport::udx::UdxSocket* socket, const transport::udx::UdxEndpoint& relay,
                       quint32 relayStreamId)>
        onPaired;
    std::function<void(const QString& message)> onFailed;

    // True for a packet that came over the relay connection's path (the relay forwarding the
    // peer's packets before we were told we are paired).
    bool isRelayPath(const transport::udx::UdxSocket& socket, const transport::udx::UdxEndpoint& from) const;
    const QByteArray& relayKey() const { return m_relayKey; }
    bool isPaired() const { return m_paired; }

private:
    void fail(const QString& message);

    QPointer<HyperDht> m_dht;
    crypto::KeyPair m_keyPair;
    QByteArray m_relayKey;
    bool m_isInitiator;
    QByteArray m_token;
    quint32 m_streamId;
    quint64 m_connectId = 0;
    QPointer<transport::secretstream::SecretStream> m_relayStream;
    BlindRelayClient* m_client = nullptr;
    QTimer m_timeout;
    bool m_paired = false;
    bool m_done = false;
};

// The path state a relayed peer stream's firewall hook keeps after the connection was handed over
// (hyperdht: `isRelay` in the firewall, `changeRemote` + `confirmDirectUpgrade` in onsocket). A
// packet from another path moves the stream there with the peer's own stream id (the relay's id
// only holds on the relay path), and the relay connection is then ended; late packets the relay
// still forwards are dropped.
struct RelayedPath {
    QPointer<transport::udx::UdxSocket> socket;  // the relay connection's socket
    transport::udx::UdxEndpoint relay;           // the relay's address on it
    quint32 peerStreamId = 0;                    // the peer's own UDX stream id (its noisePayload.udx.id)
    QPointer<BlindRelayLink> link;
    bool upgraded = false;

    bool isRelay(const transport::udx::UdxSocket& s, const transport::udx::UdxEndpoint& from) const;
    // The firewall decision for a packet arriving on a path the stream is not connected to.
    bool onPacket(transport::udx::UdxStream& stream, transport::udx::UdxSocket& s,
                  const transport::udx::UdxEndpoint& from);
};

}  // namespace pluresdb::dht::hyperdht
