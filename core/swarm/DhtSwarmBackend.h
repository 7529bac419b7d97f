#pragma once

// The swarm's network side in production: a HyperDht (lookup, announce, unannounce) and one
// hyperdht Server on the swarm key pair plus connect() (core/dht/hyperdht/Connect.h). Operations
// asked for before the node finished bootstrapping wait for it.

#include "core/dht/hyperdht/Connect.h"
#include "core/dht/hyperdht/HyperDht.h"
#include "core/swarm/SwarmBackend.h"

#include <map>
#include <memory>
#include <optional>

namespace pluresdb::swarm {

class DhtSwarmBackend final : public SwarmBackend {
public:
    DhtSwarmBackend(dht::hyperdht::HyperDht& dht, crypto::KeyPair keyPair, QByteArray relayThrough = {});
    ~DhtSwarmBackend() override;

    void listen(std::function<void(bool ok)> done) override;
    void announce(const QByteArray& topic, bool clear, std::function<void(bool ok)> done) override;
    void unannounce(const QByteArray& topic, std::function<void()> done) override;
    BackendQueryId lookup(const QByteArray& topic, std::function<void(const DiscoveredPeer&)> onPeer,
                          std::function<void(bool ok)> done) override;
    void cancelLookup(BackendQueryId id) override;
    quint64 connect(const QByteArray& publicKey, const std::vector<encoding::Ipv4Address>& relayAddresses,
                    bool forceRelay, std::function<void(BackendConnectResult)> done) override;
    void cancelConnect(quint64 id) override;
    void close(std::function<void()> done) override;

    // Connect.h's step trace of every attempt (client and server side), for the connection doctor.
    dht::hyperdht::ConnectTrace connectTrace;
    dht::hyperdht::Server* server() const { return m_server.get(); }

private:
    void whenReady(std::function<void()> fn);

    struct Lookup {
        std::optional<dht::rpc::QueryId> query;
        bool cancelled = false;
    };
    struct Attempt {
        std::optional<dht::hyperdht::ConnectId> id;
        std::function<void(BackendConnectResult)> done;
    };

    dht::hyperdht::HyperDht& m_dht;
    crypto::KeyPair m_keyPair;
    QByteArray m_relayThrough;
    std::unique_ptr<dht::hyperdht::Server> m_server;
    bool m_closed = false;
    quint64 m_nextId = 1;
    std::map<BackendQueryId, std::shared_ptr<Lookup>> m_lookups;
    std::map<quint64, std::shared_ptr<Attempt>> m_attempts;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

}  // namespace pluresdb::swarm
