#include "core/swarm/DhtSwarmBackend.h"

#include "core/swarm/Swarm.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/udx/UdxSocket.h"

#include <QTimer>

namespace pluresdb::swarm {

using namespace dht::hyperdht;

DhtSwarmBackend::DhtSwarmBackend(HyperDht& dht, crypto::KeyPair keyPair, QByteArray relayThrough)
    : m_dht(dht), m_keyPair(std::move(keyPair)), m_relayThrough(std::move(relayThrough)) {}

DhtSwarmBackend::~DhtSwarmBackend() {
    *m_alive = false;
    for (auto& [id, attempt] : m_attempts)
        if (attempt->id)
            cancelConnect(*attempt->id);
    for (auto& [id, lookup] : m_lookups)
        if (lookup->query)
            m_dht.cancelQuery(*lookup->query);
}

void DhtSwarmBackend::whenReady(std::function<void()> fn) {
    if (m_dht.node().isBootstrapped()) {
        fn();
        return;
    }
    std::weak_ptr<bool> alive = m_alive;
    QObject::connect(
        &m_dht.node(), &dht::rpc::DhtNode::ready, &m_dht,
        [alive, fn = std::move(fn)] {
            if (!alive.expired())
                fn();
        },
        Qt::SingleShotConnection);
}

void DhtSwarmBackend::listen(std::function<void(bool)> done) {
    if (m_closed) {
        done(false);
        return;
    }
    if (!m_server) {
        ServerOptions options;
        options.keyPair = m_keyPair;
        options.firewall = [this](const QByteArray& remotePublicKey, const NoisePayload&,
                                  const encoding::Ipv4Address&) {
            return firewall && firewall(remotePublicKey);
        };
        options.trace = [this](const QByteArray& key, const ConnectStep& step) {
            if (connectTrace)
                connectTrace(key, step);
        };
        m_server = std::make_unique<Server>(m_dht, std::move(options));
        m_server->onConnection = [this](Connection conn) {
            BackendConnection out{conn.stream, conn.facts};
            if (onIncoming)
                onIncoming(out);
            else if (conn.stream)
                conn.stream->deleteLater();
        };
        m_server->onRefused = [this](const QByteArray& key, const ConnectError& error) {
            if (onTrace)
                onTrace(QStringLiteral("refused"), key, error.code + QStringLiteral(": ") + error.message);
        };
    }
    if (m_server->isListening()) {
        done(true);
        return;
    }
    std::weak_ptr<bool> alive = m_alive;
    whenReady([this, alive, done] {
        m_server->listen([this, alive, done](Result<void> r) {
            if (alive.expired())
                return;
            if (onTrace)
                onTrace(QStringLiteral("listen"), m_keyPair.publicKey,
                        r ? QStringLiteral("relays %1").arg(m_server->relayAddresses().size())
                          : r.errorMessage());
            done(bool(r));
        });
    });
}

void DhtSwarmBackend::announce(const QByteArray& topic, bool clear, std::function<void(bool)> done) {
    std::weak_ptr<bool> alive = m_alive;
    auto doAnnounce = [this, alive, topic, done] {
        if (alive.expired())
            return;
        if (m_closed) {
            done(false);
            return;
        }
        std::vector<encoding::Ipv4Address> relays;
        if (m_server)
            relays = m_server->relayAddresses();
        m_dht.announce(topic, m_keyPair, relays, [this, alive, topic, done](const CommitResult& r) {
            if (alive.expired())
                return;
            if (onTrace)
                onTrace(QStringLiteral("announce"), topic,
                        QStringLiteral("stored by %1 of %2 node(s)").arg(r.committed).arg(r.attempted));
            done(r.ok);
        });
    };
    whenReady([this, alive, topic, clear, doAnnounce] {
        if (!clear) {
            doAnnounce();
            return;
        }
        m_dht.unannounce(topic, m_keyPair, [alive, doAnnounce](const CommitResult&) {
            if (!alive.expired())
                doAnnounce();
        });
    });
}

void DhtSwarmBackend::unannounce(const QByteArray& topic, std::function<void()> done) {
    std::weak_ptr<bool> alive = m_alive;
    if (!m_dht.node().isBootstrapped()) {
        done();  // nothing can have been stored yet
        return;
    }
    m_dht.unannounce(topic, m_keyPair, [this, alive, topic, done](const CommitResult& r) {
        if (alive.expired())
            return;
        if (onTrace)
            onTrace(QStringLiteral("unannounce"), topic, QStringLiteral("%1 node(s)").arg(r.committed));
        done();
    });
}

BackendQueryId DhtSwarmBackend::lookup(const QByteArray& topic,
                                       std::function<void(const DiscoveredPeer&)> onPeer,
                                       std::function<void(bool)> done) {
    const BackendQueryId id = m_nextId++;
    auto state = std::make_shared<Lookup>();
    m_lookups[id] = state;
    std::weak_ptr<bool> alive = m_alive;
    whenReady([this, alive, id, state, topic, onPeer, done] {
        if (state->cancelled)
            return;
        auto found = std::make_shared<int>(0);
        state->query = m_dht.lookup(
            topic,
            [state, onPeer, found](const LookupPeers& reply) {
                if (state->cancelled)
                    return;
                for (const PeerRecord& record : reply.peers) {
                    ++*found;
                    onPeer(DiscoveredPeer{record.publicKey, record.relayAddresses});
                    if (state->cancelled)
                        return;
                }
            },
            [this, alive, id, state, topic, done, found](const dht::rpc::QueryResult& result) {
                if (alive.expired() || state->cancelled)
                    return;
                m_lookups.erase(id);
                if (onTrace)
                    onTrace(QStringLiteral("lookup"), topic,
                            result.ok ? QStringLiteral("%1 record(s)").arg(*found) : result.error);
                done(result.ok);
            });
    });
    return id;
}

void DhtSwarmBackend::cancelLookup(BackendQueryId id) {
    auto it = m_lookups.find(id);
    if (it == m_lookups.end())
        return;
    auto state = it->second;
    m_lookups.erase(it);
    state->cancelled = true;
    if (state->query)
        m_dht.cancelQuery(*state->query);
}

quint64 DhtSwarmBackend::connect(const QByteArray& publicKey,
                                 const std::vector<encoding::Ipv4Address>& relayAddresses, bool forceRelay,
                                 std::function<void(BackendConnectResult)> done) {
    const quint64 id = m_nextId++;
    auto attempt = std::make_shared<Attempt>();
    attempt->done = std::move(done);
    m_attempts[id] = attempt;
    if (m_closed) {
        QTimer::singleShot(0, &m_dht, [this, alive = std::weak_ptr<bool>(m_alive), id] {
            if (!alive.expired())
                cancelConnect(id);
        });
        return id;
    }
    std::weak_ptr<bool> alive = m_alive;
    whenReady([this, alive, id, attempt, publicKey, relayAddresses, forceRelay] {
        if (!attempt->done)
            return;  // cancelled while waiting
        ConnectOptions options;
        options.keyPair = m_keyPair;
        options.relayAddresses = relayAddresses;
        if (forceRelay)
            options.relayThrough = m_relayThrough;
        options.trace = [this, alive](const QByteArray& key, const ConnectStep& step) {
            if (!alive.expired() && connectTrace)
                connectTrace(key, step);
        };
        attempt->id =
            dht::hyperdht::connect(m_dht, publicKey, std::move(options),
                                   [this, alive, id, attempt](std::variant<Connection, ConnectError> r) {
                                       if (alive.expired()) {
                                           if (auto* c = std::get_if<Connection>(&r); c && c->stream) {
                                               c->stream->destroy();
                                               c->stream->deleteLater();
                                           }
                                           return;
                                       }
                                       m_attempts.erase(id);
                                       auto done = std::move(attempt->done);
                                       attempt->done = nullptr;
                                       if (!done)
                                           return;
                                       if (auto* c = std::get_if<Connection>(&r))
                                           done(BackendConnection{c->stream, c->facts});
                                       else
                                           done(std::get<ConnectError>(r));
                                   });
    });
    return id;
}

void DhtSwarmBackend::cancelConnect(quint64 id) {
    auto it = m_attempts.find(id);
    if (it == m_attempts.end())
        return;
    auto attempt = it->second;
    if (attempt->id) {
        dht::hyperdht::cancelConnect(m_dht, *attempt->id);  // its done reports ABORTED
        return;
    }
    m_attempts.erase(it);
    auto done = std::move(attempt->done);
    attempt->done = nullptr;
    if (done)
        done(ConnectError{QString::fromLatin1(kErrAborted), QStringLiteral("the attempt was abandoned"), {}});
}

void DhtSwarmBackend::close(std::function<void()> done) {
    m_closed = true;
    std::vector<quint64> ids;
    for (auto& [id, attempt] : m_attempts)
        ids.push_back(id);
    for (quint64 id : ids)
        cancelConnect(id);
    std::vector<BackendQueryId> lookups;
    for (auto& [id, l] : m_lookups)
        lookups.push_back(id);
    for (BackendQueryId id : lookups)
        cancelLookup(id);
    if (m_server) {
        std::weak_ptr<bool> alive = m_alive;
        m_server->close([done] { done(); });
        return;
    }
    done();
}

transport::udx::NonUdxTraffic Swarm::dhtTraffic() const {
    if (!m_dht)
        return {};
    const transport::udx::UdxSocket* socket = m_dht->node().serverSocket();
    return socket ? *socket->nonUdxTraffic() : transport::udx::NonUdxTraffic{};
}

// Defined here (as dhtTraffic above) so that unit tests of the swarm's logic do not link the DHT
// connection layer.
Result<std::unique_ptr<Swarm>> Swarm::createWithDht(SwarmOptions options, QObject* parent) {
    if (!options.keyPair.isValid())
        options.keyPair = crypto::generateKeyPair();
    // Tests run with PLURESDB_NO_PUBLIC_DHT set, so that no test can reach the public bootstrap nodes.
    if (options.bootstrap.empty() && !qEnvironmentVariableIsEmpty("PLURESDB_NO_PUBLIC_DHT"))
        return makeError(
            QStringLiteral("no bootstrap nodes given, and the public DHT is disabled here "
                           "(PLURESDB_NO_PUBLIC_DHT)"));
    dht::rpc::DhtNodeOptions nodeOptions;
    nodeOptions.host = options.host;
    nodeOptions.bootstrap = options.bootstrap;
    nodeOptions.useDefaultBootstrap = options.bootstrap.empty();
    auto dht = std::make_unique<HyperDht>(nodeOptions);
    if (auto r = dht->start(); !r)
        return makeError(r.errorMessage());
    auto backend = std::make_unique<DhtSwarmBackend>(*dht, options.keyPair, options.relayThrough);
    auto swarm = std::make_unique<Swarm>(std::move(options), std::move(backend), parent);
    auto* backendRaw = static_cast<DhtSwarmBackend*>(swarm->m_backend.get());
    Swarm* swarmRaw = swarm.get();
    backendRaw->connectTrace = [swarmRaw](const QByteArray& key, const ConnectStep& step) {
        emit swarmRaw->trace(QStringLiteral("step:") + step.kind, key,
                             QStringLiteral("%1 (+%2 ms)").arg(step.detail).arg(step.atMs));
    };
    swarm->m_dht = std::move(dht);
    return swarm;
}

}  // namespace pluresdb::swarm
