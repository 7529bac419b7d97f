#pragma once

// Hyperswarm 4's topic layer (spec/hyperdht.md §10), byte-compatible with the npm `hyperswarm`:
// join/leave/flush by 32-byte topic as server and/or client, discovery refresh, the connection
// queue (shuffled priority queue, attempt-count priorities, S/M/L/X back-off, proven peers, the
// 15 s reset), maxPeers/maxParallel, ban on firewall rejection, self-skip, explicit peers
// (joinPeer) and duplicate-connection resolution exactly as hyperswarm does it, so a C++ and a
// Node peer that dial each other keep one connection on each side.
//
// Our improvement, no extra wire format: hyperswarm looks a topic up again only every 10–12 min,
// so two peers joining an empty topic at the same moment often miss each other for that long. Here
// a client lookup is repeated after 1, 2, 4, 8 … s (lookup only, no re-announce); a lookup that
// finds no new peer doubles the delay, one that does keeps it, and past `fastLookupMaxMs` the
// normal cadence takes over. join() and networkChanged() start the fast series again.
//
// Lives on one thread (the engine thread in the app), like its HyperDht.

#include "core/common/Result.h"
#include "core/crypto/Ed25519.h"
#include "core/dht/hyperdht/Connect.h"
#include "core/swarm/SwarmBackend.h"
#include "core/transport/udx/UdxSocket.h"

#include <QObject>
#include <QTimer>

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <vector>

namespace pluresdb::dht::hyperdht {
class HyperDht;
}

namespace pluresdb::swarm {

struct SwarmOptions {
    crypto::KeyPair keyPair;                   // invalid = a fresh one
    std::vector<QString> bootstrap;            // for createWithDht(); tests always pass a list
    QString host = QStringLiteral("0.0.0.0");  // for createWithDht()
    int maxPeers = 64;
    int maxParallel = 3;
    // true = refuse the peer (it is then banned); consulted for incoming and outgoing connections.
    std::function<bool(const QByteArray& remotePublicKey)> firewall;
    QByteArray relayThrough;  // blind relay public key, passed to connect when a punch cannot work
    // Discovery cadence (hyperswarm: 10 min + 0–2 min).
    int refreshIntervalMs = 10 * 60 * 1000;
    int refreshJitterMs = 2 * 60 * 1000;
    // Our fast re-lookup series (0 = off, like hyperswarm).
    int fastLookupInitialMs = 1000;
    int fastLookupMaxMs = 256 * 1000;
    // Retry back-off bases S, M, L, X and the jitter added to each (hyperswarm RetryTimer); each
    // timer also gets a random 0..jitter once, at construction.
    std::array<int, 4> backoffs = {-1, -1, -1, -1};  // -1 = hyperswarm's randomised defaults
    int backoffJitterMs = 500;
    // A connection that lived this long resets the attempt counter.
    int minConnectionTimeMs = 15000;
    uint32_t randomSeed = 0;  // 0 = from the system
};

// What the swarm knows about a connected peer (hyperswarm PeerInfo).
struct SwarmPeer {
    QByteArray publicKey;
    std::vector<QByteArray> topics;  // topics under which this peer was found (empty for incoming)
    bool client = false;             // we dialled
    bool explicitPeer = false;       // joinPeer
    dht::hyperdht::ConnectionFacts facts;
};

struct JoinOptions {
    bool server = true;
    bool client = true;
};

struct SwarmStats {
    int clientAttempted = 0;
    int clientOpened = 0;
    int clientClosed = 0;
    int serverOpened = 0;
    int serverClosed = 0;
    int bannedPeers = 0;
    int lookups = 0;
    int announces = 0;
    int duplicatesDropped = 0;
};

class Swarm : public QObject {
    Q_OBJECT
public:
    Swarm(SwarmOptions options, std::unique_ptr<SwarmBackend> backend, QObject* parent = nullptr);
    ~Swarm() override;

    // A swarm on its own HyperDht (bootstrap/host from the options), with DhtSwarmBackend.
    static Result<std::unique_ptr<Swarm>> createWithDht(SwarmOptions options, QObject* parent = nullptr);
    // The HyperDht of createWithDht(), else null.
    dht::hyperdht::HyperDht* dht() const { return m_dht.get(); }
    // The bytes of DHT messages and holepunch probes through the swarm's DHT node so far, over all
    // its sockets (transport/udx/UdxSocket.h NonUdxTraffic); zero without a DHT. For the graphs.
    transport::udx::NonUdxTraffic dhtTraffic() const;

    const crypto::KeyPair& keyPair() const { return m_options.keyPair; }

    // topic = 32 bytes. Joining again changes the roles of the topic.
    Result<void> join(const QByteArray& topic, JoinOptions options = {});
    // Stops discovery (and unannounces); done() afterwards. Connections stay, but peers found only
    // under this topic are not redialled.
    void leave(const QByteArray& topic, std::function<void()> done = {});
    // After every discovery's current announce/lookup, until every peer queued so far was attempted
    // (or the limits are reached). done(false) if the swarm is destroyed first.
    void flush(std::function<void(bool)> done);
    void joinPeer(const QByteArray& publicKey);
    void leavePeer(const QByteArray& publicKey);
    // Keep-alive on every connection and a refresh of every topic (the network changed).
    void networkChanged();
    // Leaves every topic, stops the server, closes the DHT; connections handed out stay with their
    // owners. done() afterwards.
    void destroy(std::function<void()> done = {});

    // Open connections (keys, hex) and the ones being made.
    int connectionCount() const { return int(m_open.size()); }
    int connectingCount() const { return m_connecting; }
    std::vector<QByteArray> topics() const;
    bool isBanned(const QByteArray& publicKey) const;
    const SwarmStats& stats() const { return m_stats; }
    // Next refresh delay chosen for a topic (for tests and the debugger); -1 when none is armed.
    int nextRefreshMs(const QByteArray& topic) const;

signals:
    // A connection was opened; the receiver owns the stream (a SecretStream in production;
    // qobject_cast it). The swarm keeps watching it for close.
    void connection(pluresdb::transport::ByteStream* stream, const pluresdb::swarm::SwarmPeer& peer);
    void update();
    void banned(const QByteArray& publicKey, const QString& reason);
    // DHT activity for the debugger: kind "lookup" / "announce" / "unannounce" / "listen" / "connect"
    // / "connect-failed" / "duplicate".
    void trace(const QString& kind, const QByteArray& key, const QString& detail);

private:
    struct Peer;
    struct Discovery;
    struct Conn;
    class RetryTimer;
    class Queue;

    Peer* upsertPeer(const QByteArray& publicKey, const std::vector<encoding::Ipv4Address>* relays);
    void handlePeer(const DiscoveredPeer& peer, const QByteArray& topic);
    void enqueue(Peer* peer);
    void requeue(const std::vector<QByteArray>& keys);
    void attemptClientConnections();
    bool withinMaxPeers() const;
    bool shouldConnect() const;
    bool shouldConnectExplicit() const;
    bool shouldRequeue(const Peer& peer) const;
    void connectPeer(Peer* peer, bool queued);
    void connectDone();
    void flushMaybe(const Peer& peer);
    bool flushAllMaybe();
    bool handleFirewall(const QByteArray& remotePublicKey);
    void handleServerConnection(BackendConnection conn);
    void watchConnection(const std::shared_ptr<Conn>& conn);
    void clientClosed(const std::shared_ptr<Conn>& conn, Peer* peer, bool queued);
    void serverClosed(const std::shared_ptr<Conn>& conn);
    void banPeer(Peer* peer, const QString& reason);
    void maybeDeletePeer(const QByteArray& key);
    void destroyConn(const std::shared_ptr<Conn>& conn, const QString& error);
    SwarmPeer peerInfo(const Peer& peer, const Conn& conn) const;

    void refresh(Discovery* d, bool fast);
    void discoveryDone(Discovery* d, bool announcing, bool looked);
    Discovery* liveDiscovery(const QByteArray& topic, quint64 uid, int clock) const;
    void ensureListening(std::function<void(bool)> done);

    int randomInt(int maxInclusive);

    SwarmOptions m_options;
    std::unique_ptr<dht::hyperdht::HyperDht> m_dht;  // createWithDht only; outlives the backend
    std::unique_ptr<SwarmBackend> m_backend;
    std::mt19937 m_rng;
    bool m_destroyed = false;

    std::map<QByteArray, std::unique_ptr<Peer>> m_peers;  // by public key
    std::vector<QByteArray> m_explicit;                   // explicit peers, in join order
    std::map<QByteArray, std::shared_ptr<Conn>> m_all;    // open + connecting, by remote key
    std::map<QByteArray, std::shared_ptr<Conn>> m_open;
    std::map<QByteArray, std::shared_ptr<Discovery>> m_discovery;  // by topic
    quint64 m_nextDiscoveryUid = 1;
    std::unique_ptr<Queue> m_queue;
    std::unique_ptr<RetryTimer> m_retry;
    int m_connecting = 0;
    int m_clientConnections = 0;
    int m_serverConnections = 0;
    bool m_draining = false;

    enum class ListenState { Idle, Listening, Listened, Failed };
    ListenState m_listen = ListenState::Idle;
    std::vector<std::function<void(bool)>> m_listenWaiters;

    struct PendingFlush {
        std::function<void(bool)> done;
        int missing = 0;
        int tick = 0;
    };
    std::vector<PendingFlush> m_pendingFlushes;
    int m_flushTick = 0;
    SwarmStats m_stats;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

}  // namespace pluresdb::swarm

Q_DECLARE_METATYPE(pluresdb::swarm::SwarmPeer)
