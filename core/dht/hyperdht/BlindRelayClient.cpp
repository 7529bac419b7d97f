// blind-relay client session (see BlindRelayClient.h).

#include "core/dht/hyperdht/BlindRelayClient.h"

#include "core/transport/ByteStream.h"
#include "core/transport/protomux/Protomux.h"

namespace pluresdb::dht::hyperdht {

using transport::protomux::Protomux;

BlindRelayClient::BlindRelayClient(transport::ByteStream* stream, const QByteArray& channelId,
                                   QObject* parent)
    : QObject(parent) {
    m_mux = new Protomux(stream, this);
    m_channel = m_mux->createChannel(QString::fromLatin1(kBlindRelayProtocol), channelId);
    if (!m_channel) {
        m_closed = true;
        return;
    }
    m_channel->onMessage = [this](uint64_t type, const QByteArray& payload) {
        if (type == kBlindRelayMessagePair)
            onPairMessage(payload);
        // unpair is never sent to a client; other indexes are unknown to this version: ignored
    };
    m_channel->onClose = [this](bool) {
        m_closed = true;
        failAll(QStringLiteral("The blind relay closed the channel"));
    };
    m_channel->open();
}

BlindRelayClient::~BlindRelayClient() {
    if (m_channel) {
        m_channel->onMessage = {};
        m_channel->onClose = {};
    }
}

bool BlindRelayClient::isClosed() const {
    return m_closed;
}

bool BlindRelayClient::pair(bool isInitiator, const QByteArray& token, quint32 streamId,
                            std::function<void(quint32)> paired, std::function<void(const QString&)> failed) {
    if (m_closed || token.size() != kBlindRelayTokenSize || m_requests.count(token))
        return false;
    m_requests[token] = Request{isInitiator, std::move(paired), std::move(failed)};
    return m_channel->send(kBlindRelayMessagePair,
                           encodeBlindRelayPair(BlindRelayPair{isInitiator, token, streamId, 0}));
}

void BlindRelayClient::unpair(const QByteArray& token) {
    m_requests.erase(token);
    if (!m_closed)
        m_channel->send(kBlindRelayMessageUnpair, encodeBlindRelayUnpair(BlindRelayUnpair{token}));
}

void BlindRelayClient::onPairMessage(const QByteArray& payload) {
    const auto m = decodeBlindRelayPair(payload);
    if (!m)
        return;  // blind-relay would destroy the stream on a decode error; an unusable answer is ignored
    auto it = m_requests.find(m->token);
    if (it == m_requests.end() || it->second.isInitiator != m->isInitiator)
        return;
    auto paired = std::move(it->second.paired);
    m_requests.erase(it);
    if (paired)
        paired(m->id);
}

void BlindRelayClient::failAll(const QString& error) {
    auto requests = std::move(m_requests);
    m_requests.clear();
    QPointer<BlindRelayClient> guard(this);
    for (auto& [token, r] : requests) {
        if (!guard)
            return;
        if (r.failed)
            r.failed(error);
    }
}

}  // namespace pluresdb::dht::hyperdht
