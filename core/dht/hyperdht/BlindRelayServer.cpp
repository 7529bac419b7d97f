// The blind relay server (see BlindRelayServer.h), following npm blind-relay 1.6.1's Server: a
// pairing is keyed by its token; each side is remembered with the UDX stream id it named; once
// both sides are in, one relay stream per side is made, each answered with `pair`, and the two are
// spliced. The relay stream of a side learns that side's address from its first packet (firewall).

#include "core/dht/hyperdht/BlindRelayServer.h"

#include "core/dht/hyperdht/Connect.h"
#include "core/transport/protomux/Protomux.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStream.h"

#include <QTimer>

namespace pluresdb::dht::hyperdht {

using transport::protomux::Protomux;
using transport::protomux::ProtomuxChannel;
using transport::secretstream::SecretStream;
using transport::udx::UdxEndpoint;
using transport::udx::UdxSocket;
using transport::udx::UdxStream;

struct BlindRelayServer::Session {
    QPointer<SecretStream> stream;
    Protomux* mux = nullptr;  // child of the stream
    ProtomuxChannel* channel = nullptr;
    std::set<QByteArray> tokens;  // pairings this session takes part in
    bool closed = false;
};

struct BlindRelayServer::Pairing {
    struct Side {
        Session* session = nullptr;
        quint32 remoteId = 0;  // the peer's own stream id
        QPointer<UdxStream> stream;
    };
    QByteArray token;
    Side sides[2];  // [0] = not initiator, [1] = initiator (blind-relay `links[+isInitiator]`)
    bool active = false;
    std::unique_ptr<QTimer> timeout;
};

BlindRelayServer::BlindRelayServer(HyperDht& dht, crypto::KeyPair keyPair, QObject* parent)
    : QObject(parent), m_dht(&dht), m_keyPair(std::move(keyPair)) {}

BlindRelayServer::~BlindRelayServer() {
    for (auto& [token, p] : m_pairings)
        for (auto& side : p->sides)
            if (side.stream) {
                side.stream->setFirewall({});
                side.stream->destroy();
                side.stream->deleteLater();
            }
    m_pairings.clear();
    for (const auto& s : m_sessions) {
        s->closed = true;
        if (s->stream && s->channel) {  // the channel lives in the stream's mux
            s->channel->onMessage = {};
            s->channel->onClose = {};
        }
        if (s->stream) {
            s->stream->disconnect(this);
            s->stream->destroy();
            s->stream->deleteLater();
        }
    }
}

QByteArray BlindRelayServer::publicKey() const {
    return m_keyPair.publicKey;
}

BlindRelayStats BlindRelayServer::stats() const {
    BlindRelayStats s = m_stats;
    s.pairingsPending = 0;
    s.streamsActive = 0;
    for (const auto& [token, p] : m_pairings) {
        if (!p->active)
            ++s.pairingsPending;
        for (const auto& side : p->sides)
            if (side.stream && side.stream->isOpen())
                ++s.streamsActive;
    }
    return s;
}

void BlindRelayServer::listen(std::function<void(bool, const QString&)> done) {
    if (!m_dht) {
        done(false, QStringLiteral("no DHT node"));
        return;
    }
    ServerOptions o;
    o.keyPair = m_keyPair;
    m_server = std::make_unique<Server>(*m_dht, o);
    m_server->onConnection = [this](Connection c) { onConnection(c); };
    m_server->listen([done](Result<void> r) { done(r.ok(), r.ok() ? QString() : r.errorMessage()); });
}

void BlindRelayServer::close(std::function<void()> done) {
    if (!m_server) {
        done();
        return;
    }
    m_server->close(std::move(done));
}

void BlindRelayServer::onConnection(Connection c) {
    SecretStream* stream = c.stream;
    stream->setParent(this);
    auto owned = std::make_unique<Session>();
    Session* session = owned.get();
    m_sessions.insert(std::move(owned));
    ++m_stats.sessionsAccepted;
    session->stream = stream;
    session->mux = new Protomux(stream, stream);
    // blind-relay accepts with `{ id: socket.remotePublicKey }`: the client opens with its own key.
    session->channel =
        session->mux->createChannel(QString::fromLatin1(kBlindRelayProtocol), c.facts.remotePublicKey);
    if (!session->channel) {
        closeSession(session);
        return;
    }
    session->channel->onMessage = [this, session](uint64_t type, const QByteArray& payload) {
        if (type == kBlindRelayMessagePair) {
            const auto m = decodeBlindRelayPair(payload);
            if (!m) {  // blind-relay's decoder throws, and protomux then destroys the stream
                if (session->stream)
                    session->stream->destroy(m.errorMessage());
                return;
            }
            onPair(session, *m);
        } else if (type == kBlindRelayMessageUnpair) {
            const auto m = decodeBlindRelayUnpair(payload);
            if (!m) {
                if (session->stream)
                    session->stream->destroy(m.errorMessage());
                return;
            }
            onUnpair(session, *m);
        }
    };
    session->channel->onClose = [this, session](bool) { closeSession(session); };
    connect(stream, &transport::ByteStream::closed, this,
            [this, session](const QString&) { closeSession(session); });
    session->channel->open();
}

void BlindRelayServer::onPair(Session* session, const BlindRelayPair& m) {
    if (session->closed || m.token.size() != kBlindRelayTokenSize)
        return;
    auto it = m_pairings.find(m.token);
    if (it == m_pairings.end()) {
        if (int(session->tokens.size()) >= kMaxPairingsPerSession)
            return;  // refused quietly; the peer's own 15 s relay timeout reports it
        auto p = std::make_unique<Pairing>();
        p->token = m.token;
        p->timeout = std::make_unique<QTimer>();
        p->timeout->setSingleShot(true);
        const QByteArray token = m.token;
        QObject::connect(p->timeout.get(), &QTimer::timeout, this, [this, token] {
            auto it = m_pairings.find(token);
            if (it != m_pairings.end() && !it->second->active) {
                ++m_stats.pairingsCancelled;
                destroyLink(token);
            }
        });
        p->timeout->start(kPairingTimeoutMs);
        it = m_pairings.emplace(m.token, std::move(p)).first;
    }
    Pairing& p = *it->second;
    Pairing::Side& side = p.sides[m.isInitiator ? 1 : 0];
    if (p.active || side.session)
        return;  // blind-relay ignores a second request for the same side
    ++m_stats.pairingsRequested;
    side.session = session;
    side.remoteId = m.id;
    session->tokens.insert(m.token);
    if (!p.sides[0].session || !p.sides[1].session)
        return;

    p.active = true;
    p.timeout->stop();
    ++m_stats.pairingsMatched;
    for (auto& s : p.sides) {
        auto* stream = new UdxStream(this);
        const quint32 remoteId = s.remoteId;
        // The side's address is whatever its first packet comes from (blind-relay `_onfirewall`).
        stream->setFirewall([remoteId](UdxStream& st, UdxSocket& socket, const UdxEndpoint& from) {
            if (st.isConnected() || from.port() == 0)
                return false;
            return st.connectTo(&socket, remoteId, from).ok();
        });
        s.stream = stream;
    }
    p.sides[0].stream->relayTo(p.sides[1].stream);
    p.sides[1].stream->relayTo(p.sides[0].stream);
    const QByteArray token = p.token;
    for (auto& s : p.sides)
        connect(s.stream, &transport::ByteStream::closed, this, [this, token](const QString&) {
            QTimer::singleShot(0, this, [this, token] { destroyLink(token); });
        });
    for (int i = 0; i < 2; ++i) {
        Pairing::Side& s = p.sides[i];
        if (s.session && s.session->channel && !s.session->closed)
            s.session->channel->send(kBlindRelayMessagePair, encodeBlindRelayPair(BlindRelayPair{
                                                                 i == 1, token, s.stream->localId(), 0}));
    }
}

void BlindRelayServer::onUnpair(Session* session, const BlindRelayUnpair& m) {
    auto it = m_pairings.find(m.token);
    if (it == m_pairings.end())
        return;
    Pairing& p = *it->second;
    if (p.sides[0].session != session && p.sides[1].session != session)
        return;  // only a party to the pairing may cancel it
    ++m_stats.pairingsCancelled;
    destroyLink(m.token);
}

void BlindRelayServer::destroyLink(const QByteArray& token) {
    auto it = m_pairings.find(token);
    if (it == m_pairings.end())
        return;
    std::unique_ptr<Pairing> p = std::move(it->second);
    m_pairings.erase(it);
    for (auto& side : p->sides) {
        if (side.session)
            side.session->tokens.erase(token);
        if (side.stream) {
            side.stream->disconnect(this);
            side.stream->setFirewall({});
            side.stream->relayTo(nullptr);
            side.stream->destroy();
            side.stream->deleteLater();
        }
    }
}

void BlindRelayServer::closeSession(Session* session) {
    if (session->closed)
        return;
    session->closed = true;
    const auto tokens = session->tokens;
    for (const QByteArray& token : tokens) {
        auto it = m_pairings.find(token);
        if (it != m_pairings.end() && !it->second->active)
            ++m_stats.pairingsCancelled;
        destroyLink(token);
    }
    if (session->stream && session->channel) {
        session->channel->onMessage = {};
        session->channel->onClose = {};
    }
    QPointer<SecretStream> stream = session->stream;
    if (stream) {
        stream->disconnect(this);
        stream->destroy();
        stream->deleteLater();
    }
    // Freed on the next pass: this may run inside one of the session's own callbacks.
    QTimer::singleShot(0, this, [this, session] {
        for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it)
            if (it->get() == session) {
                m_sessions.erase(it);
                return;
            }
    });
}

}  // namespace pluresdb::dht::hyperdht
