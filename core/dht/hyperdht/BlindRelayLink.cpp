// A peer's link through a blind relay (see BlindRelayLink.h).

#include "core/dht/hyperdht/BlindRelayLink.h"

#include "core/dht/hyperdht/BlindRelayClient.h"
#include "core/dht/hyperdht/Connect.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStream.h"

namespace pluresdb::dht::hyperdht {

using transport::secretstream::SecretStream;
using transport::udx::UdxEndpoint;
using transport::udx::UdxSocket;
using transport::udx::UdxStream;

BlindRelayLink::BlindRelayLink(HyperDht& dht, crypto::KeyPair keyPair, QByteArray relayKey, bool isInitiator,
                               QByteArray token, quint32 streamId, QObject* parent)
    : QObject(parent),
      m_dht(&dht),
      m_keyPair(std::move(keyPair)),
      m_relayKey(std::move(relayKey)),
      m_isInitiator(isInitiator),
      m_token(std::move(token)),
      m_streamId(streamId) {
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("The blind relay did not pair us with the peer within %1 s")
                 .arg(kBlindRelayTimeoutMs / 1000));
    });
}

BlindRelayLink::~BlindRelayLink() {
    m_done = true;
    if (m_connectId && m_dht)
        hyperdht::cancelConnect(*m_dht, m_connectId);
    close();
}

void BlindRelayLink::start() {
    if (!m_dht)
        return;
    m_timeout.start(kBlindRelayTimeoutMs);
    ConnectOptions o;
    o.keyPair = m_keyPair;
    o.timeoutMs = kBlindRelayTimeoutMs;
    QPointer<BlindRelayLink> self(this);
    m_connectId =
        hyperdht::connect(*m_dht, m_relayKey, std::move(o), [self](std::variant<Connection, ConnectError> r) {
            if (!self) {
                if (auto* c = std::get_if<Connection>(&r)) {
                    c->stream->destroy();
                    c->stream->deleteLater();
                }
                return;
            }
            self->m_connectId = 0;
            if (auto* e = std::get_if<ConnectError>(&r)) {
                self->fail(
                    QStringLiteral("Could not reach the blind relay: %1 (%2)").arg(e->message, e->code));
                return;
            }
            SecretStream* stream = std::get<Connection>(r).stream;
            if (self->m_done) {
                stream->destroy();
                stream->deleteLater();
                return;
            }
            stream->setParent(self);
            self->m_relayStream = stream;
            QObject::connect(stream, &transport::ByteStream::closed, self, [self](const QString& error) {
                if (self && !self->m_paired)
                    self->fail(QStringLiteral("The connection to the blind relay closed: %1")
                                   .arg(error.isEmpty() ? QStringLiteral("ended") : error));
            });
            // hyperdht: `relay.Client.from(relaySocket, { id: relaySocket.publicKey })`; the relay opens its
            // side with the id it sees as our key.
            self->m_client = new BlindRelayClient(stream, self->m_keyPair.publicKey, self);
            const bool sent = self->m_client->pair(
                self->m_isInitiator, self->m_token, self->m_streamId,
                [self](quint32 relayStreamId) {
                    if (!self || self->m_done)
                        return;
                    auto* raw = self->m_relayStream
                                    ? qobject_cast<UdxStream*>(self->m_relayStream->rawStream())
                                    : nullptr;
                    if (!raw || !raw->socket()) {
                        self->fail(QStringLiteral("The blind relay connection has no UDX path"));
                        return;
                    }
                    self->m_paired = true;
                    self->m_timeout.stop();
                    if (self->onPaired)
                        self->onPaired(raw->socket(), raw->remoteEndpoint(), relayStreamId);
                },
                [self](const QString& error) {
                    if (self)
                        self->fail(error);
                });
            if (!sent)
                self->fail(QStringLiteral("Could not send the pairing request to the blind relay"));
        });
}

bool BlindRelayLink::isRelayPath(const UdxSocket& socket, const UdxEndpoint& from) const {
    auto* raw = m_relayStream ? qobject_cast<UdxStream*>(m_relayStream->rawStream()) : nullptr;
    return raw && raw->socket() == &socket && raw->remoteEndpoint() == from;
}

void BlindRelayLink::close() {
    m_timeout.stop();
    if (m_relayStream) {
        QPointer<SecretStream> s = m_relayStream;
        m_relayStream = nullptr;
        s->disconnect(this);
        s->end();
        // The relay ends its side in return; give it a moment, then let it go with us.
        QTimer::singleShot(5000, s, [s] {
            if (s)
                s->destroy();
        });
        s->setParent(nullptr);
        QObject::connect(s, &transport::ByteStream::closed, s, &QObject::deleteLater);
    }
}

void BlindRelayLink::fail(const QString& message) {
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    if (m_connectId && m_dht)
        hyperdht::cancelConnect(*m_dht, m_connectId);
    m_connectId = 0;
    auto cb = std::move(onFailed);
    onFailed = {};
    close();
    if (cb)
        cb(message);
}

bool RelayedPath::isRelay(const UdxSocket& s, const UdxEndpoint& from) const {
    return socket && socket.data() == &s && relay == from;
}

bool RelayedPath::onPacket(UdxStream& stream, UdxSocket& s, const UdxEndpoint& from) {
    if (isRelay(s, from))
        return false;  // the relay still forwarding after we moved on (or a reset it sends): dropped
    if (!stream.changeRemote(&s, upgraded ? stream.remoteId() : peerStreamId, from))
        return false;
    if (!upgraded) {
        upgraded = true;
        if (link) {  // a direct path works: the relay is not needed any more
            link->onFailed = {};
            link->close();
            link->deleteLater();
        }
    }
    return true;
}

}  // namespace pluresdb::dht::hyperdht
