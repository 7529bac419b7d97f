#include "core/sync/SwarmSync.h"

#include "core/crypto/Hash.h"
#include "core/sync/SyncNode.h"
#include "core/transport/secretstream/SecretStream.h"

#include <QPointer>

namespace pluresdb::sync {

QByteArray swarmTopicForKey(const QString& normalisedKey) {
    return crypto::sha256(normalisedKey.toLower().toLatin1());
}

namespace {

PeerLink linkFor(const dht::hyperdht::ConnectionFacts& facts) {
    PeerLink link;
    link.kind = QStringLiteral("swarm");
    link.path = dht::hyperdht::connectionPathName(facts.path);
    link.punchStrategy = dht::hyperdht::punchStrategyName(facts.strategy);
    if (facts.handshakeRelay)
        link.handshakeRelay = facts.handshakeRelay->toString();
    link.localFirewall = int(facts.localFirewall);
    link.remoteFirewall = int(facts.remoteFirewall);
    link.connectMs = facts.connectMs;
    link.initiator = facts.initiator;
    return link;
}

}  // namespace

Result<std::unique_ptr<SwarmSync>> SwarmSync::start(SyncNode& node, const QString& normalisedKey,
                                                    const Options& options) {
    std::unique_ptr<SwarmSync> self(new SwarmSync());
    self->m_topic = swarmTopicForKey(normalisedKey);
    swarm::SwarmOptions so;
    so.bootstrap = options.bootstrap;
    so.host = options.host;
    QPointer<SyncNode> nodeGuard = &node;
    // A peer that failed the key proof is banned: never redialled, refused when it dials us.
    so.firewall = [nodeGuard](const QByteArray& remoteKey) {
        return nodeGuard && nodeGuard->isRefused(remoteKey);
    };
    auto made = swarm::Swarm::createWithDht(so);
    if (!made)
        return made.error();
    self->m_swarm = std::move(made).value();
    SwarmSync* raw = self.get();
    connect(self->m_swarm.get(), &swarm::Swarm::trace, raw,
            [raw](const QString& kind, const QByteArray& key, const QString& detail) {
                emit raw->trace(kind, QString::fromLatin1(key.toHex()), detail);
            });
    connect(self->m_swarm.get(), &swarm::Swarm::banned, raw,
            [raw](const QByteArray& key, const QString& why) {
                emit raw->trace(QStringLiteral("banned"), QString::fromLatin1(key.toHex()), why);
            });
    connect(self->m_swarm.get(), &swarm::Swarm::connection, raw,
            [nodeGuard](transport::ByteStream* stream, const swarm::SwarmPeer& peer) {
                auto* secure = qobject_cast<transport::secretstream::SecretStream*>(stream);
                if (!nodeGuard || !secure) {
                    stream->destroy(QStringLiteral("not a secret-stream"));
                    stream->deleteLater();
                    return;
                }
                nodeGuard->addSecretStream(secure, linkFor(peer.facts));
            });
    if (auto r = self->m_swarm->join(self->m_topic, {true, true}); !r)
        return r.error();
    return self;
}

SwarmSync::~SwarmSync() = default;

void SwarmSync::stop(std::function<void()> done) {
    m_swarm->destroy(std::move(done));
}

}  // namespace pluresdb::sync
