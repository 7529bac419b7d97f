#pragma once

// A scripted stand-in for the DHT under the swarm's logic (SwarmBackend): topic records in a map,
// "servers" registered by key, and connections made of in-memory pipe pairs. Only the swarm's own
// decisions (queue, back-off, duplicates, cadence) are under test here; the acceptance tests run
// the same Swarm on the real DHT with real connections (tests/interop/test_swarm_*.cpp).

#include "core/swarm/SwarmBackend.h"
#include "tests/unit/secretstream/MemoryPipe.h"

#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <map>
#include <set>

namespace swarmtest {

using namespace pluresdb;
using namespace pluresdb::swarm;

class FakeBackend;

struct FakeNet {
    std::map<QByteArray, std::vector<QByteArray>> records;  // topic → keys
    std::map<QByteArray, FakeBackend*> servers;             // listening keys
    std::set<QByteArray> unreachable;
    int connectDelayMs = 5;
    int lookupDelayMs = 2;
    int announceDelayMs = 0;                    // the record is stored this long after announce() is called
    std::map<QByteArray, int> connectAttempts;  // by target key
    int lookups = 0;
    QObject context;
};

class FakeBackend final : public SwarmBackend {
public:
    FakeBackend(FakeNet& net, QByteArray key) : m_net(net), m_key(std::move(key)) {}
    ~FakeBackend() override {
        if (m_net.servers[m_key] == this)
            m_net.servers.erase(m_key);
    }

    void listen(std::function<void(bool)> done) override {
        m_net.servers[m_key] = this;
        later(0, [done] { done(true); });
    }
    void announce(const QByteArray& topic, bool, std::function<void(bool)> done) override {
        later(m_net.announceDelayMs, [this, topic, done] {
            auto& keys = m_net.records[topic];
            if (std::find(keys.begin(), keys.end(), m_key) == keys.end())
                keys.push_back(m_key);
            done(true);
        });
    }
    void unannounce(const QByteArray& topic, std::function<void()> done) override {
        auto& keys = m_net.records[topic];
        keys.erase(std::remove(keys.begin(), keys.end(), m_key), keys.end());
        later(0, done);
    }
    BackendQueryId lookup(const QByteArray& topic, std::function<void(const DiscoveredPeer&)> onPeer,
                          std::function<void(bool)> done) override {
        const quint64 id = ++m_nextId;
        m_live.insert(id);
        ++m_net.lookups;
        later(m_net.lookupDelayMs, [this, id, topic, onPeer, done] {
            if (!m_live.erase(id))
                return;
            for (const QByteArray& key : m_net.records[topic])
                onPeer(DiscoveredPeer{key, {}});
            done(true);
        });
        return id;
    }
    void cancelLookup(BackendQueryId id) override { m_live.erase(id); }
    quint64 connect(const QByteArray& publicKey, const std::vector<encoding::Ipv4Address>&, bool,
                    std::function<void(BackendConnectResult)> done) override {
        const quint64 id = ++m_nextId;
        m_live.insert(id);
        ++m_net.connectAttempts[publicKey];
        m_connectDone[id] = done;
        later(m_net.connectDelayMs, [this, id, publicKey] {
            if (!m_live.erase(id))
                return;
            auto done = m_connectDone.take(id);
            auto it = m_net.servers.find(publicKey);
            if (it == m_net.servers.end() || m_net.unreachable.count(publicKey)) {
                done(dht::hyperdht::ConnectError{QString::fromLatin1(dht::hyperdht::kErrPeerNotFound),
                                                 QStringLiteral("no such peer"),
                                                 {}});
                return;
            }
            FakeBackend* server = it->second;
            if (server->firewall && server->firewall(m_key)) {
                done(dht::hyperdht::ConnectError{QString::fromLatin1(dht::hyperdht::kErrPeerConnectionFailed),
                                                 QStringLiteral("refused"),
                                                 {}});
                return;
            }
            auto* a = new test::PipeEnd;
            auto* b = new test::PipeEnd;
            test::PipeEnd::link(a, b);
            BackendConnection serverSide{b, {}};
            serverSide.facts.initiator = false;
            serverSide.facts.remotePublicKey = m_key;
            BackendConnection clientSide{a, {}};
            clientSide.facts.initiator = true;
            clientSide.facts.remotePublicKey = publicKey;
            server->onIncoming(serverSide);
            done(clientSide);
        });
        return id;
    }
    void cancelConnect(quint64 id) override {
        if (!m_live.erase(id))
            return;
        auto done = m_connectDone.take(id);
        later(0, [done] {
            done(dht::hyperdht::ConnectError{QString::fromLatin1(dht::hyperdht::kErrAborted), {}, {}});
        });
    }
    void close(std::function<void()> done) override {
        if (m_net.servers[m_key] == this)
            m_net.servers.erase(m_key);
        m_live.clear();
        later(0, done);
    }

private:
    void later(int ms, std::function<void()> fn) {
        QTimer::singleShot(ms, &m_net.context, [alive = std::weak_ptr<bool>(m_alive), fn] {
            if (!alive.expired())
                fn();
        });
    }
    template <typename K, typename V>
    struct TakeMap : std::map<K, V> {
        V take(const K& k) {
            auto it = this->find(k);
            V v = std::move(it->second);
            this->erase(it);
            return v;
        }
    };

    FakeNet& m_net;
    QByteArray m_key;
    quint64 m_nextId = 0;
    std::set<quint64> m_live;
    TakeMap<quint64, std::function<void(BackendConnectResult)>> m_connectDone;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

}  // namespace swarmtest
