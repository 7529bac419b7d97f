#pragma once

// The client end of the blind-relay protocol (spec/hyperdht.md §11, npm blind-relay Client) on
// one connection to a relay: a protomux channel "blind-relay" (id = our public key on that
// connection) carrying pair/unpair. A pair request names our UDX stream id and the shared token;
// the relay answers, once the other peer paired with the same token, with the id of the stream it
// made for us, and from then on splices our stream to the other peer's.

#include "core/dht/hyperdht/BlindRelayWire.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <functional>
#include <map>

namespace pluresdb::transport {
class ByteStream;
}
namespace pluresdb::transport::protomux {
class Protomux;
class ProtomuxChannel;
}  // namespace pluresdb::transport::protomux

namespace pluresdb::dht::hyperdht {

class BlindRelayClient : public QObject {
public:
    // Opens the channel on `stream` (a SecretStream to the relay; not owned). `channelId` is the
    // protomux channel id (hyperdht passes its public key on the relay connection).
    BlindRelayClient(transport::ByteStream* stream, const QByteArray& channelId, QObject* parent = nullptr);
    ~BlindRelayClient() override;

    // Asks the relay to pair our UDX stream `streamId` under `token`. `paired` gets the relay's
    // stream id for us; `failed` an error (channel closed). One request per token.
    bool pair(bool isInitiator, const QByteArray& token, quint32 streamId,
              std::function<void(quint32 relayStreamId)> paired, std::function<void(const QString&)> failed);
    // Cancels a pairing (also tells the relay).
    void unpair(const QByteArray& token);
    bool isClosed() const;

private:
    struct Request {
        bool isInitiator = false;
        std::function<void(quint32)> paired;
        std::function<void(const QString&)> failed;
    };
    void onPairMessage(const QByteArray& payload);
    void failAll(const QString& error);

    transport::protomux::Protomux* m_mux = nullptr;
    transport::protomux::ProtomuxChannel* m_channel = nullptr;
    std::map<QByteArray, Request> m_requests;
    bool m_closed = false;
};

}  // namespace pluresdb::dht::hyperdht
