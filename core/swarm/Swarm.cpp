#include "core/swarm/Swarm.h"

#include "core/dht/hyperdht/HyperDht.h"
#include "core/transport/secretstream/SecretStream.h"

#include <QElapsedTimer>
#include <QPointer>

#include <algorithm>
#include <cstring>

namespace pluresdb::swarm {

namespace {

constexpr int kVeryLowPriority = 0;
constexpr int kLowPriority = 1;
constexpr int kNormalPriority = 2;
constexpr int kHighPriority = 3;
constexpr int kVeryHighPriority = 4;
constexpr int kDelayGraceMs = 30 * 1000;  // a refresh timer this late: the machine slept
constexpr int kListenRetryMs = 5000;
// A connection that lost a duplicate decision while still connecting is allowed this long to open
// (then destroyed, so the remote hears it) before the attempt is abandoned.
constexpr int kDropConnectingAfterMs = 5000;
// A server-side connection on which the client never sent a byte (its header comes at once) is a
// leftover of an abandoned attempt: dropped after this long.
constexpr int kFirstBytesDeadlineMs = 10000;
const QString kErrDuplicate = QStringLiteral("Duplicate connection");

qint64 nowMs() {
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

bool shouldForceRelaying(const QString& code) {
    return code == QLatin1String(dht::hyperdht::kErrHolepunchAborted) ||
           code == QLatin1String(dht::hyperdht::kErrDoubleRandomizedNats) ||
           code == QLatin1String(dht::hyperdht::kErrCannotHolepunch) ||
           code == QLatin1String(dht::hyperdht::kErrRemoteNotHolepunchable);
}

}  // namespace

// ---- bookkeeping types ----

struct Swarm::Peer {
    QByteArray publicKey;
    std::vector<encoding::Ipv4Address> relayAddresses;
    bool reconnecting = true;
    bool proven = false;
    qint64 connectedTime = -1;
    qint64 disconnectedTime = 0;
    bool banned = false;
    bool tried = false;
    bool explicitPeer = false;
    bool waiting = false;
    bool forceRelaying = false;
    bool queued = false;
    bool client = false;
    std::vector<QByteArray> topics;
    int attempts = 0;
    int priority = kNormalPriority;
    int flushTick = 0;

    bool server() const { return !client; }
    bool prioritized() const { return priority >= kNormalPriority; }
    int computePriority() const {
        const bool stale = tried && !proven;
        if (stale || attempts > 3)
            return kVeryLowPriority;
        if (attempts == 3)
            return kLowPriority;
        if (attempts == 2)
            return kHighPriority;
        if (attempts == 1)
            return kVeryHighPriority;
        return kNormalPriority;
    }
    void connected() {
        proven = true;
        connectedTime = nowMs();
    }
    void disconnected(int minConnectionTimeMs) {
        disconnectedTime = nowMs();
        if (connectedTime > -1) {
            if (disconnectedTime - connectedTime >= minConnectionTimeMs)
                attempts = 0;  // it lived long enough: fast retry
            connectedTime = -1;
        }
        ++attempts;
    }
    void reset() {
        client = false;
        proven = false;
        tried = false;
        attempts = 0;
    }
    bool updatePriority() {
        if (explicitPeer && attempts > 3)
            attempts = 3;  // deprioritize
        if (banned || queued || attempts > 3)
            return false;
        priority = computePriority();
        return true;
    }
    bool shouldGC() const { return !(banned || queued || explicitPeer || waiting); }
    void addTopic(const QByteArray& topic) {
        if (std::find(topics.begin(), topics.end(), topic) == topics.end())
            topics.push_back(topic);
    }
};

struct Swarm::Conn {
    QByteArray key;
    bool client = false;
    bool opened = false;
    bool closed = false;
    quint64 connectId = 0;
    QPointer<transport::ByteStream> stream;
    dht::hyperdht::ConnectionFacts facts;
    qint64 rawBytesRead = 0;
    bool dropWhenOpen = false;  // lost a duplicate decision while connecting: destroy once it opens
    std::vector<std::function<void()>> onClose;
};

struct Swarm::Discovery {
    QByteArray topic;
    quint64 uid = 0;
    bool isServer = false;
    bool isClient = false;
    bool firstAnnounce = true;
    bool needsUnannounce = false;
    int clock = 0;
    bool running = false;
    int parts = 0;
    int newPeers = 0;
    std::optional<BackendQueryId> activeLookup;
    QTimer refreshTimer;  // the normal cadence (announce + lookup)
    qint64 refreshArmedAt = 0;
    int refreshDelay = -1;
    QTimer fastTimer;  // our re-lookup series
    int fastDelay = 0;
    std::vector<QByteArray> seen;  // keys found under this topic so far
    std::vector<std::function<void()>> waiters;
};

// hyperswarm's shuffled priority queue: the highest non-empty priority first, a random member of it.
class Swarm::Queue {
public:
    explicit Queue(std::mt19937& rng) : m_rng(rng) {}
    void add(const QByteArray& key, int priority) { m_buckets[std::clamp(priority, 0, 4)].push_back(key); }
    int size() const {
        int n = 0;
        for (const auto& b : m_buckets)
            n += int(b.size());
        return n;
    }
    QByteArray shift() {
        for (int p = 4; p >= 0; --p) {
            auto& b = m_buckets[p];
            if (b.empty())
                continue;
            std::uniform_int_distribution<size_t> pick(0, b.size() - 1);
            const size_t i = pick(m_rng);
            QByteArray key = b[i];
            b[i] = b.back();
            b.pop_back();
            return key;
        }
        return {};
    }
    void clear() {
        for (auto& b : m_buckets)
            b.clear();
    }

private:
    std::mt19937& m_rng;
    std::array<std::vector<QByteArray>, 5> m_buckets;
};

// hyperswarm's RetryTimer: four bulk timers (S, M, L, X); a peer added to one fires on the tick
// after the next, the ticks being 0.66 × the timer's delay apart.
class Swarm::RetryTimer {
public:
    RetryTimer(const std::array<int, 4>& delays, std::function<void(const std::vector<QByteArray>&)> push)
        : m_push(std::move(push)) {
        for (int i = 0; i < 4; ++i) {
            auto& t = m_timers[i];
            t.timer.setInterval(std::max(1, int(delays[i] * 0.66)));
            QObject::connect(&t.timer, &QTimer::timeout, [this, i] { tick(i); });
        }
    }
    // S, M, L, X by the peer's attempts and whether it was ever connected; -1 = no retry.
    static int select(const Peer& peer) {
        if (peer.banned || !peer.reconnecting)
            return -1;
        if (peer.attempts > 3)
            return peer.explicitPeer ? 3 : -1;
        if (peer.attempts == 0)
            return 0;
        if (peer.proven)
            return peer.attempts - 1;       // 1→S, 2→M, 3→L
        return peer.attempts == 1 ? 1 : 2;  // 1→M, 2→L, 3→L
    }
    bool add(const Peer& peer) {
        const int i = select(peer);
        if (i < 0)
            return false;
        auto& t = m_timers[i];
        t.pending.push_back(peer.publicKey);
        if (!t.timer.isActive())
            t.timer.start();
        return true;
    }
    void stop() {
        for (auto& t : m_timers) {
            t.timer.stop();
            t.next.clear();
            t.pending.clear();
        }
    }

private:
    struct Bulk {
        QTimer timer;
        std::vector<QByteArray> next;
        std::vector<QByteArray> pending;
    };
    void tick(int i) {
        auto& t = m_timers[i];
        if (t.next.empty() && t.pending.empty()) {
            t.timer.stop();
            return;
        }
        std::vector<QByteArray> batch = std::move(t.next);
        t.next = std::move(t.pending);
        t.pending.clear();
        if (!batch.empty())
            m_push(batch);
    }
    std::array<Bulk, 4> m_timers;
    std::function<void(const std::vector<QByteArray>&)> m_push;
};

// ---- Swarm ----

Swarm::Swarm(SwarmOptions options, std::unique_ptr<SwarmBackend> backend, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_backend(std::move(backend)) {
    qRegisterMetaType<SwarmPeer>();
    if (!m_options.keyPair.isValid())
        m_options.keyPair = crypto::generateKeyPair();
    m_rng.seed(m_options.randomSeed ? m_options.randomSeed : std::random_device{}());
    m_options.maxPeers = std::max(1, m_options.maxPeers);
    m_options.maxParallel = std::max(1, m_options.maxParallel);
    std::array<int, 4> delays = m_options.backoffs;
    const int j = std::max(0, m_options.backoffJitterMs);
    if (delays[0] < 0)
        delays[0] = 1000 + randomInt(j);
    if (delays[1] < 0)
        delays[1] = 5000 + randomInt(2 * j);
    if (delays[2] < 0)
        delays[2] = 15000 + randomInt(4 * j);
    if (delays[3] < 0)
        delays[3] = 10 * 60 * 1000 + randomInt(240 * j);
    for (int& d : delays)
        d += randomInt(j);
    m_queue = std::make_unique<Queue>(m_rng);
    m_retry = std::make_unique<RetryTimer>(delays,
                                           [this](const std::vector<QByteArray>& batch) { requeue(batch); });
    m_backend->firewall = [this](const QByteArray& key) { return handleFirewall(key); };
    m_backend->onIncoming = [this](BackendConnection conn) { handleServerConnection(std::move(conn)); };
    m_backend->onTrace = [this](const QString& kind, const QByteArray& key, const QString& detail) {
        emit trace(kind, key, detail);
    };
}

Swarm::~Swarm() {
    *m_alive = false;
    m_retry->stop();
    m_discovery.clear();
    // Connections being made are abandoned with the backend; open streams stay with their owners.
    m_backend.reset();
    if (m_dht)
        m_dht->destroy();
}

int Swarm::randomInt(int maxInclusive) {
    if (maxInclusive <= 0)
        return 0;
    std::uniform_int_distribution<int> d(0, maxInclusive);
    return d(m_rng);
}

std::vector<QByteArray> Swarm::topics() const {
    std::vector<QByteArray> out;
    for (const auto& [topic, d] : m_discovery)
        out.push_back(topic);
    return out;
}

bool Swarm::isBanned(const QByteArray& publicKey) const {
    auto it = m_peers.find(publicKey);
    return it != m_peers.end() && it->second->banned;
}

int Swarm::nextRefreshMs(const QByteArray& topic) const {
    auto it = m_discovery.find(topic);
    if (it == m_discovery.end())
        return -1;
    const Discovery& d = *it->second;
    if (d.fastTimer.isActive())
        return d.fastTimer.interval();
    if (d.refreshTimer.isActive())
        return d.refreshTimer.interval();
    return -1;
}

SwarmPeer Swarm::peerInfo(const Peer& peer, const Conn& conn) const {
    SwarmPeer out;
    out.publicKey = peer.publicKey;
    out.topics = peer.topics;
    out.client = conn.client;
    out.explicitPeer = peer.explicitPeer;
    out.facts = conn.facts;
    return out;
}

Swarm::Peer* Swarm::upsertPeer(const QByteArray& publicKey,
                               const std::vector<encoding::Ipv4Address>* relays) {
    if (publicKey == m_options.keyPair.publicKey)
        return nullptr;
    auto it = m_peers.find(publicKey);
    if (it != m_peers.end()) {
        if (relays)
            it->second->relayAddresses = *relays;  // newer is always better
        return it->second.get();
    }
    auto peer = std::make_unique<Peer>();
    peer->publicKey = publicKey;
    if (relays)
        peer->relayAddresses = *relays;
    Peer* raw = peer.get();
    m_peers.emplace(publicKey, std::move(peer));
    return raw;
}

void Swarm::maybeDeletePeer(const QByteArray& key) {
    auto it = m_peers.find(key);
    if (it == m_peers.end() || !it->second->shouldGC() || m_all.count(key))
        return;
    m_peers.erase(it);
}

void Swarm::banPeer(Peer* peer, const QString& reason) {
    peer->banned = true;
    ++m_stats.bannedPeers;
    emit banned(peer->publicKey, reason);
}

bool Swarm::handleFirewall(const QByteArray& remotePublicKey) {
    if (remotePublicKey == m_options.keyPair.publicKey)
        return true;
    auto it = m_peers.find(remotePublicKey);
    if (it != m_peers.end() && it->second->banned)
        return true;
    const bool refused = m_options.firewall && m_options.firewall(remotePublicKey);
    if (refused) {
        Peer* peer = upsertPeer(remotePublicKey, nullptr);
        if (peer)
            banPeer(peer, QStringLiteral("Peer is firewalled"));
    }
    return refused;
}

// ---- topics ----

Result<void> Swarm::join(const QByteArray& topic, JoinOptions options) {
    if (m_destroyed)
        return makeError(QStringLiteral("Swarm has been destroyed"));
    if (topic.size() != 32)
        return makeError(QStringLiteral("Topic is required and must be a 32-byte buffer"));
    if (!options.server && !options.client)
        return makeError(QStringLiteral("Cannot join with neither client nor server option"));
    auto& slot = m_discovery[topic];
    if (!slot) {
        slot = std::make_shared<Discovery>();
        slot->topic = topic;
        slot->uid = m_nextDiscoveryUid++;
        slot->refreshTimer.setSingleShot(true);
        slot->fastTimer.setSingleShot(true);
        Discovery* d = slot.get();
        QObject::connect(&d->refreshTimer, &QTimer::timeout, this, [this, d] {
            // Fired much later than armed: the machine slept; only the random part once more.
            if (nowMs() - d->refreshArmedAt > d->refreshDelay + kDelayGraceMs) {
                d->refreshDelay = randomInt(m_options.refreshJitterMs);
                d->refreshArmedAt = nowMs();
                d->refreshTimer.start(d->refreshDelay);
                return;
            }
            refresh(d, false);
        });
        QObject::connect(&d->fastTimer, &QTimer::timeout, this, [this, d] { refresh(d, true); });
    }
    Discovery* d = slot.get();
    d->isServer = options.server;
    d->isClient = options.client;
    d->fastDelay = m_options.fastLookupInitialMs;
    refresh(d, false);
    return {};
}

Swarm::Discovery* Swarm::liveDiscovery(const QByteArray& topic, quint64 uid, int clock) const {
    auto it = m_discovery.find(topic);
    if (it == m_discovery.end() || it->second->uid != uid || it->second->clock != clock)
        return nullptr;
    return it->second.get();
}

void Swarm::ensureListening(std::function<void(bool)> done) {
    if (m_listen == ListenState::Listened) {
        done(true);
        return;
    }
    m_listenWaiters.push_back(std::move(done));
    if (m_listen == ListenState::Listening)
        return;
    m_listen = ListenState::Listening;
    std::weak_ptr<bool> alive = m_alive;
    m_backend->listen([this, alive](bool ok) {
        if (alive.expired())
            return;
        m_listen = ok ? ListenState::Listened : ListenState::Failed;
        auto waiters = std::move(m_listenWaiters);
        m_listenWaiters.clear();
        for (auto& w : waiters)
            w(ok);
    });
}

void Swarm::refresh(Discovery* d, bool fast) {
    if (m_destroyed)
        return;
    if (d->activeLookup) {
        m_backend->cancelLookup(*d->activeLookup);
        d->activeLookup.reset();
    }
    const int clock = ++d->clock;
    const QByteArray topic = d->topic;
    const quint64 uid = d->uid;
    const bool announcing = d->isServer && !fast;
    const bool looking = d->isClient;
    d->running = true;
    d->newPeers = 0;
    d->parts = (announcing ? 1 : 0) + (looking ? 1 : 0);
    if (!fast)
        d->refreshTimer.stop();
    d->fastTimer.stop();
    if (d->parts == 0) {
        discoveryDone(d, false, false);
        return;
    }
    std::weak_ptr<bool> alive = m_alive;
    auto partDone = [this, alive, topic, uid, clock, announcing, looking] {
        if (alive.expired())
            return;
        Discovery* live = liveDiscovery(topic, uid, clock);
        if (!live || --live->parts > 0)
            return;
        discoveryDone(live, announcing, looking);
    };
    auto startLookup = [this, alive, topic, uid, clock, partDone] {
        if (alive.expired())
            return;
        Discovery* live = liveDiscovery(topic, uid, clock);
        if (!live)
            return;
        ++m_stats.lookups;
        emit trace(QStringLiteral("lookup"), topic, QString());
        live->activeLookup = m_backend->lookup(
            topic,
            [this, alive, topic, uid, clock](const DiscoveredPeer& peer) {
                if (alive.expired())
                    return;
                Discovery* l = liveDiscovery(topic, uid, clock);
                if (!l || !l->isClient)
                    return;
                if (peer.publicKey.size() != 32)
                    return;
                if (peer.publicKey != m_options.keyPair.publicKey &&
                    std::find(l->seen.begin(), l->seen.end(), peer.publicKey) == l->seen.end()) {
                    l->seen.push_back(peer.publicKey);
                    if (!m_all.count(peer.publicKey))
                        ++l->newPeers;
                }
                handlePeer(peer, topic);
            },
            [this, alive, topic, uid, clock, partDone](bool) {
                if (alive.expired())
                    return;
                if (Discovery* l = liveDiscovery(topic, uid, clock))
                    l->activeLookup.reset();
                partDone();
            });
    };
    if (announcing) {
        ensureListening([this, alive, topic, uid, clock, partDone](bool ok) {
            if (alive.expired())
                return;
            Discovery* live = liveDiscovery(topic, uid, clock);
            if (!live)
                return;
            if (!ok) {
                emit trace(QStringLiteral("listen"), m_options.keyPair.publicKey, QStringLiteral("failed"));
                m_listen = ListenState::Idle;  // tried again on the next refresh
                partDone();
                return;
            }
            live->needsUnannounce = true;
            const bool clear = live->firstAnnounce;
            live->firstAnnounce = false;
            ++m_stats.announces;
            emit trace(QStringLiteral("announce"), topic, clear ? QStringLiteral("clear") : QString());
            m_backend->announce(topic, clear, [partDone](bool) { partDone(); });
        });
    }
    if (looking) {
        if (!d->isServer && d->needsUnannounce) {
            // We announced before and are a client only now: remove our record first.
            emit trace(QStringLiteral("unannounce"), topic, QString());
            m_backend->unannounce(topic, [this, alive, topic, uid, clock, startLookup] {
                if (alive.expired())
                    return;
                if (Discovery* live = liveDiscovery(topic, uid, clock))
                    live->needsUnannounce = false;
                startLookup();
            });
        } else {
            startLookup();
        }
    }
}

void Swarm::discoveryDone(Discovery* d, bool announcing, bool looked) {
    d->running = false;
    if (!m_destroyed) {
        // The normal cadence is armed after every full refresh (refresh() stopped it).
        if (!d->refreshTimer.isActive()) {
            const bool listenFailed = announcing && m_listen != ListenState::Listened;
            d->refreshDelay = listenFailed
                                  ? kListenRetryMs
                                  : m_options.refreshIntervalMs + randomInt(m_options.refreshJitterMs);
            d->refreshArmedAt = nowMs();
            d->refreshTimer.start(d->refreshDelay);
        }
        // Our fast re-lookup series: a lookup that found nobody new doubles the delay.
        if (looked && d->isClient && m_options.fastLookupInitialMs > 0 && d->fastDelay > 0 &&
            d->fastDelay <= m_options.fastLookupMaxMs) {
            const int delay = d->fastDelay;
            if (d->newPeers == 0)
                d->fastDelay = d->fastDelay > m_options.fastLookupMaxMs / 2 ? m_options.fastLookupMaxMs + 1
                                                                            : d->fastDelay * 2;
            d->fastTimer.start(delay);
        }
    }
    auto waiters = std::move(d->waiters);
    d->waiters.clear();
    for (auto& w : waiters)
        w();
}

void Swarm::leave(const QByteArray& topic, std::function<void()> done) {
    auto it = m_discovery.find(topic);
    if (it == m_discovery.end()) {
        if (done)
            done();
        return;
    }
    std::shared_ptr<Discovery> d = it->second;
    m_discovery.erase(it);
    d->refreshTimer.stop();
    d->fastTimer.stop();
    if (d->activeLookup) {
        m_backend->cancelLookup(*d->activeLookup);
        d->activeLookup.reset();
    }
    d->running = false;
    auto waiters = std::move(d->waiters);
    d->waiters.clear();
    for (auto& w : waiters)
        w();
    if (d->needsUnannounce) {
        d->needsUnannounce = false;
        emit trace(QStringLiteral("unannounce"), topic, QString());
        std::weak_ptr<bool> alive = m_alive;
        m_backend->unannounce(topic, [d, done] {
            if (done)
                done();
        });
        return;
    }
    if (done)
        done();
}

void Swarm::flush(std::function<void(bool)> done) {
    if (m_destroyed) {
        done(false);
        return;
    }
    auto remaining = std::make_shared<int>(1);
    std::weak_ptr<bool> alive = m_alive;
    auto afterDiscoveries = [this, alive, remaining, done] {
        if (alive.expired() || --*remaining > 0)
            return;
        if (m_destroyed) {
            done(false);
            return;
        }
        if (flushAllMaybe()) {
            done(true);
            return;
        }
        const int pendingSize = int(m_all.size() - m_open.size());
        if (m_queue->size() == 0 && pendingSize == 0) {
            done(true);
            return;
        }
        m_pendingFlushes.push_back({done, m_queue->size() + pendingSize, m_flushTick++});
    };
    for (auto& [topic, d] : m_discovery) {
        if (d->running) {
            ++*remaining;
            d->waiters.push_back(afterDiscoveries);
        }
    }
    if (m_listen == ListenState::Listening) {
        ++*remaining;
        m_listenWaiters.push_back([afterDiscoveries](bool) { afterDiscoveries(); });
    }
    afterDiscoveries();
}

void Swarm::networkChanged() {
    if (m_destroyed)
        return;
    for (auto& [key, conn] : m_all)
        if (auto* s = qobject_cast<transport::secretstream::SecretStream*>(conn->stream.data()))
            s->sendKeepAlive();
    for (auto& [topic, d] : m_discovery) {
        d->fastDelay = m_options.fastLookupInitialMs;
        refresh(d.get(), false);
    }
}

void Swarm::destroy(std::function<void()> done) {
    if (m_destroyed) {
        if (done)
            done();
        return;
    }
    m_destroyed = true;
    m_retry->stop();
    m_queue->clear();
    auto pending = std::move(m_pendingFlushes);
    m_pendingFlushes.clear();
    for (auto& f : pending)
        f.done(false);
    auto remaining = std::make_shared<int>(1);
    std::weak_ptr<bool> alive = m_alive;
    auto finish = [this, alive, remaining, done] {
        if (--*remaining > 0)
            return;
        if (alive.expired()) {
            if (done)
                done();
            return;
        }
        m_backend->close([this, alive, done] {
            if (!alive.expired()) {
                // Attempts still in flight were aborted by the backend's close.
                if (m_dht)
                    m_dht->destroy();
            }
            if (done)
                done();
        });
    };
    std::vector<QByteArray> topicsToLeave = topics();
    for (const QByteArray& topic : topicsToLeave) {
        ++*remaining;
        leave(topic, finish);
    }
    finish();
}

// ---- the connection queue ----

void Swarm::handlePeer(const DiscoveredPeer& found, const QByteArray& topic) {
    Peer* peer = upsertPeer(found.publicKey, &found.relayAddresses);
    if (!peer)
        return;
    peer->addTopic(topic);
    if (m_all.count(found.publicKey))
        return;
    if (!peer->prioritized() || peer->server())
        peer->reset();
    if (peer->updatePriority())
        enqueue(peer);
}

void Swarm::enqueue(Peer* peer) {
    if (peer->queued)
        return;
    peer->queued = true;
    peer->flushTick = m_flushTick;
    m_queue->add(peer->publicKey, peer->priority);
    attemptClientConnections();
}

void Swarm::requeue(const std::vector<QByteArray>& keys) {
    if (m_destroyed)
        return;
    for (const QByteArray& key : keys) {
        auto it = m_peers.find(key);
        if (it == m_peers.end())
            continue;
        Peer* peer = it->second.get();
        peer->waiting = false;
        if (!peer->updatePriority() || m_all.count(key) || peer->queued) {
            maybeDeletePeer(key);
            continue;
        }
        peer->queued = true;
        peer->flushTick = m_flushTick;
        m_queue->add(key, peer->priority);
    }
    attemptClientConnections();
}

bool Swarm::withinMaxPeers() const {
    const size_t e = m_explicit.size();
    const int factor = e == 0 ? 1 : e < 2 ? 2 : e < 4 ? 3 : 4;
    return factor * int(m_all.size()) < m_options.maxPeers;
}

bool Swarm::shouldConnectExplicit() const {
    return !m_destroyed && m_connecting < m_options.maxParallel;
}

bool Swarm::shouldConnect() const {
    return !m_destroyed && m_connecting < m_options.maxParallel && withinMaxPeers();
}

bool Swarm::shouldRequeue(const Peer& peer) const {
    if (m_destroyed)
        return false;
    if (peer.explicitPeer)
        return true;
    for (const QByteArray& topic : peer.topics)
        if (m_discovery.count(topic))
            return true;
    return false;
}

void Swarm::flushMaybe(const Peer& peer) {
    for (size_t i = 0; i < m_pendingFlushes.size();) {
        PendingFlush& f = m_pendingFlushes[i];
        if (peer.flushTick > f.tick || --f.missing > 0) {
            ++i;
            continue;
        }
        auto done = std::move(f.done);
        m_pendingFlushes.erase(m_pendingFlushes.begin() + i);
        done(true);
    }
}

bool Swarm::flushAllMaybe() {
    if (m_connecting > 0 || withinMaxPeers())
        return false;
    auto pending = std::move(m_pendingFlushes);
    m_pendingFlushes.clear();
    for (auto it = pending.rbegin(); it != pending.rend(); ++it)
        it->done(true);
    return true;
}

void Swarm::attemptClientConnections() {
    if (m_draining)
        return;
    m_draining = true;
    const std::vector<QByteArray> explicitKeys = m_explicit;
    for (const QByteArray& key : explicitKeys) {
        if (!shouldConnectExplicit())
            break;
        auto it = m_peers.find(key);
        if (it == m_peers.end())
            continue;
        Peer* peer = it->second.get();
        if (peer->attempts >= 5 || nowMs() - peer->disconnectedTime < qint64(peer->attempts) * 1000)
            continue;
        connectPeer(peer, false);
    }
    while (m_queue->size() > 0 && shouldConnect()) {
        const QByteArray key = m_queue->shift();
        auto it = m_peers.find(key);
        if (it == m_peers.end())
            continue;
        it->second->queued = false;
        connectPeer(it->second.get(), true);
    }
    m_draining = false;
    if (m_connecting == 0)
        flushAllMaybe();
}

void Swarm::connectPeer(Peer* peer, bool queued) {
    if (peer->banned || m_all.count(peer->publicKey)) {
        if (queued)
            flushMaybe(*peer);
        return;
    }
    if (handleFirewall(peer->publicKey)) {
        if (queued)
            flushMaybe(*peer);
        return;
    }
    auto conn = std::make_shared<Conn>();
    conn->key = peer->publicKey;
    conn->client = true;
    m_all[conn->key] = conn;
    ++m_stats.clientAttempted;
    ++m_connecting;
    ++m_clientConnections;
    emit trace(QStringLiteral("connect"), conn->key, QString());
    const bool forceRelay = peer->forceRelaying && !m_options.relayThrough.isEmpty();
    std::weak_ptr<bool> alive = m_alive;
    const QByteArray key = conn->key;
    conn->connectId = m_backend->connect(
        key, peer->relayAddresses, forceRelay, [this, alive, conn, key, queued](BackendConnectResult result) {
            if (alive.expired()) {
                if (auto* c = std::get_if<BackendConnection>(&result); c && c->stream) {
                    c->stream->destroy(QStringLiteral("Swarm has been destroyed"));
                    c->stream->deleteLater();
                }
                return;
            }
            auto peerIt = m_peers.find(key);
            Peer* peer = peerIt == m_peers.end() ? nullptr : peerIt->second.get();
            if (auto* c = std::get_if<BackendConnection>(&result)) {
                if (conn->closed || m_destroyed || !peer || conn->dropWhenOpen) {
                    if (c->stream) {
                        // Destroyed once started, so that its DESTROY reaches the remote.
                        QPointer<transport::ByteStream> s = c->stream;
                        QTimer::singleShot(0, this, [s] {
                            if (s) {
                                s->destroy(kErrDuplicate);
                                s->deleteLater();
                            }
                        });
                    }
                    if (!conn->closed) {
                        conn->closed = true;
                        if (peer)
                            clientClosed(conn, peer, queued);
                    }
                    return;
                }
                if (!c->stream || !c->stream->isOpen()) {
                    // Closed before it reached us (e.g. the remote dropped it as a duplicate): it
                    // never counts as open.
                    if (c->stream)
                        c->stream->deleteLater();
                    conn->closed = true;
                    clientClosed(conn, peer, queued);
                    return;
                }
                conn->stream = c->stream;
                conn->facts = c->facts;
                conn->facts.initiator = true;
                conn->opened = true;
                ++m_stats.clientOpened;
                connectDone();
                m_open[key] = conn;
                peer->connected();
                peer->client = true;
                watchConnection(conn);
                emit connection(c->stream, peerInfo(*peer, *conn));
                if (queued)
                    flushMaybe(*peer);
                emit update();
                return;
            }
            const auto& error = std::get<dht::hyperdht::ConnectError>(result);
            emit trace(QStringLiteral("connect-failed"), key,
                       error.code + QStringLiteral(": ") + error.message);
            if (peer && !m_options.relayThrough.isEmpty() && shouldForceRelaying(error.code)) {
                peer->forceRelaying = true;
                peer->attempts = 0;  // fast connect through the relay
            }
            if (conn->closed)
                return;
            conn->closed = true;
            if (peer)
                clientClosed(conn, peer, queued);
        });
    emit update();
}

void Swarm::connectDone() {
    --m_connecting;
    if (m_connecting < m_options.maxParallel)
        attemptClientConnections();
    if (m_connecting == 0)
        flushAllMaybe();
}

void Swarm::clientClosed(const std::shared_ptr<Conn>& conn, Peer* peer, bool queued) {
    if (!conn->opened)
        connectDone();
    ++m_stats.clientClosed;
    if (auto it = m_open.find(conn->key); it != m_open.end() && it->second == conn)
        m_open.erase(it);
    if (auto it = m_all.find(conn->key); it != m_all.end() && it->second == conn)
        m_all.erase(it);
    --m_clientConnections;
    peer->disconnected(m_options.minConnectionTimeMs);
    peer->waiting = shouldRequeue(*peer) && m_retry->add(*peer);
    const QByteArray key = conn->key;
    const bool opened = conn->opened;
    maybeDeletePeer(key);
    auto it = m_peers.find(key);
    if (!opened && queued && it != m_peers.end())
        flushMaybe(*it->second);
    auto onClose = std::move(conn->onClose);
    conn->onClose.clear();
    for (auto& f : onClose)
        f();
    attemptClientConnections();
    emit update();
}

void Swarm::serverClosed(const std::shared_ptr<Conn>& conn) {
    if (auto it = m_open.find(conn->key); it != m_open.end() && it->second == conn)
        m_open.erase(it);
    if (auto it = m_all.find(conn->key); it != m_all.end() && it->second == conn)
        m_all.erase(it);
    --m_serverConnections;
    ++m_stats.serverClosed;
    maybeDeletePeer(conn->key);
    auto onClose = std::move(conn->onClose);
    conn->onClose.clear();
    for (auto& f : onClose)
        f();
    attemptClientConnections();
    emit update();
}

void Swarm::watchConnection(const std::shared_ptr<Conn>& conn) {
    transport::ByteStream* stream = conn->stream;
    // hyperswarm's duplicate rule looks at the raw bytes read: count them on the transport under a
    // secret-stream (its direct ByteStream child), or on the stream itself.
    transport::ByteStream* raw =
        stream->findChild<transport::ByteStream*>(QString(), Qt::FindDirectChildrenOnly);
    std::weak_ptr<Conn> weak = conn;
    QObject::connect(raw ? raw : stream, &transport::ByteStream::dataReceived, this,
                     [weak](const QByteArray& bytes) {
                         if (auto c = weak.lock())
                             c->rawBytesRead += bytes.size();
                     });
    auto onGone = [this, weak] {
        auto c = weak.lock();
        if (!c || c->closed)
            return;
        c->closed = true;
        if (c->client) {
            auto it = m_peers.find(c->key);
            if (it != m_peers.end())
                clientClosed(c, it->second.get(), false);
        } else {
            serverClosed(c);
        }
    };
    QObject::connect(stream, &transport::ByteStream::closed, this, onGone);
    QObject::connect(stream, &QObject::destroyed, this, onGone);
}

void Swarm::destroyConn(const std::shared_ptr<Conn>& conn, const QString& error) {
    if (conn->closed)
        return;
    if (conn->stream) {
        if (!conn->stream->isOpen()) {
            // Closed without our hearing it: close the bookkeeping now.
            conn->closed = true;
            if (!conn->client) {
                serverClosed(conn);
            } else if (auto it = m_peers.find(conn->key); it != m_peers.end()) {
                clientClosed(conn, it->second.get(), false);
            }
            return;
        }
        conn->stream->destroy(error);
        return;
    }
    if (!conn->opened && conn->client && !conn->dropWhenOpen) {
        // Let the attempt finish and destroy it then: cancelling it half-way can leave the remote
        // with a server-side stream that never hears of it.
        conn->dropWhenOpen = true;
        std::weak_ptr<Conn> weak = conn;
        std::weak_ptr<bool> alive = m_alive;
        QTimer::singleShot(kDropConnectingAfterMs, this, [this, alive, weak] {
            auto c = weak.lock();
            if (!alive.expired() && c && !c->closed && !c->opened)
                m_backend->cancelConnect(c->connectId);  // its done() reports ABORTED and closes it
        });
    }
}

void Swarm::handleServerConnection(BackendConnection incoming) {
    transport::ByteStream* stream = incoming.stream;
    if (!stream)
        return;
    if (m_destroyed) {
        stream->destroy(QStringLiteral("Swarm has been destroyed"));
        stream->deleteLater();
        return;
    }
    if (!stream->isOpen()) {  // closed before it reached us
        stream->deleteLater();
        return;
    }
    const QByteArray key = incoming.facts.remotePublicKey;
    auto existingIt = m_all.find(key);
    if (existingIt != m_all.end()) {
        std::shared_ptr<Conn> existing = existingIt->second;
        // Both connections are from the same peer. The new one wins when the existing one has
        // already read and written bytes (the remote must have lost it and is reconnecting), or when
        // its direction matches the tie-break: the larger public key is the initiator.
        const bool existingWritten = existing->opened;  // a secret-stream sends its header at once
        const bool existingIsOutdated = existing->rawBytesRead > 0 && existingWritten;
        const bool expectedInitiator =
            std::memcmp(m_options.keyPair.publicKey.constData(), key.constData(),
                        size_t(std::min(key.size(), m_options.keyPair.publicKey.size()))) > 0;
        const bool keepNew = existingIsOutdated || expectedInitiator == incoming.facts.initiator;
        ++m_stats.duplicatesDropped;
        emit trace(
            QStringLiteral("duplicate"), key,
            QStringLiteral("%1 (existing: %2, %3, %4 raw bytes read%5)")
                .arg(keepNew ? QStringLiteral("keep new") : QStringLiteral("keep existing"),
                     existing->client ? QStringLiteral("outgoing") : QStringLiteral("incoming"),
                     existing->opened ? QStringLiteral("open") : QStringLiteral("connecting"))
                .arg(existing->rawBytesRead)
                .arg(existing->stream && !existing->stream->isOpen() ? QStringLiteral(", stream closed")
                                                                     : QString()));
        if (!keepNew) {
            if (auto* s = qobject_cast<transport::secretstream::SecretStream*>(existing->stream.data()))
                s->sendKeepAlive();
            stream->destroy(kErrDuplicate);
            stream->deleteLater();
            return;
        }
        // Surface the new one only after the old one closed (unless the new one dies first). Its
        // start is held until then, so that what the peer sends meanwhile (its header, the sync
        // Hello with the key proof) stays buffered for whoever takes the stream.
        if (auto* secure = qobject_cast<transport::secretstream::SecretStream*>(stream))
            secure->holdStart();
        QPointer<transport::ByteStream> guard = stream;
        auto newClosed = std::make_shared<bool>(false);
        QObject::connect(stream, &transport::ByteStream::closed, this, [newClosed] { *newClosed = true; });
        std::weak_ptr<bool> alive = m_alive;
        existing->onClose.push_back([this, alive, guard, newClosed, incoming] {
            if (alive.expired())
                return;
            if (!guard || *newClosed) {
                if (guard)
                    guard->deleteLater();
                return;
            }
            QObject::disconnect(guard, &transport::ByteStream::closed, this, nullptr);
            QTimer::singleShot(0, this, [this, guard, incoming] {
                if (guard)
                    handleServerConnection(incoming);
            });
        });
        destroyConn(existing, kErrDuplicate);
        return;
    }
    ++m_stats.serverOpened;
    Peer* peer = upsertPeer(key, nullptr);
    if (!peer) {  // our own key (the firewall refuses it before this; be safe)
        stream->destroy(QStringLiteral("Peer is firewalled"));
        stream->deleteLater();
        return;
    }
    auto conn = std::make_shared<Conn>();
    conn->key = key;
    conn->client = false;
    conn->opened = true;
    conn->stream = stream;
    conn->facts = incoming.facts;
    m_all[key] = conn;
    m_open[key] = conn;
    ++m_serverConnections;
    peer->client = false;
    watchConnection(conn);
    {
        std::weak_ptr<Conn> weak = conn;
        QTimer::singleShot(kFirstBytesDeadlineMs, this, [weak] {
            auto c = weak.lock();
            if (c && !c->closed && c->rawBytesRead == 0 && c->stream &&
                c->stream->findChild<transport::ByteStream*>(QString(), Qt::FindDirectChildrenOnly))
                c->stream->destroy(QStringLiteral("no data from the peer"));
        });
    }
    QPointer<transport::ByteStream> surfaced = stream;
    emit connection(stream, peerInfo(*peer, *conn));
    if (auto* secure = qobject_cast<transport::secretstream::SecretStream*>(surfaced.data()))
        secure->releaseStart();  // held while it waited behind a duplicate (no-op otherwise)
    emit update();
}

void Swarm::joinPeer(const QByteArray& publicKey) {
    Peer* peer = upsertPeer(publicKey, nullptr);
    if (!peer)
        return;
    if (!peer->explicitPeer) {
        peer->explicitPeer = true;
        m_explicit.push_back(publicKey);
    }
    if (m_all.count(publicKey))
        return;
    if (peer->updatePriority())
        enqueue(peer);
}

void Swarm::leavePeer(const QByteArray& publicKey) {
    auto it = m_peers.find(publicKey);
    if (it == m_peers.end())
        return;
    it->second->explicitPeer = false;
    m_explicit.erase(std::remove(m_explicit.begin(), m_explicit.end(), publicKey), m_explicit.end());
    maybeDeletePeer(publicKey);
}

}  // namespace pluresdb::swarm
