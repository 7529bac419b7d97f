#include "core/dht/rpc/DhtNode.h"

#include "core/dht/rpc/MonotonicClock.h"
#include "core/dht/rpc/NatSampler.h"
#include "core/dht/rpc/NodeId.h"
#include "core/dht/rpc/Query.h"
#include "core/dht/rpc/RoutingTable.h"
#include "core/dht/rpc/RpcWire.h"
#include "core/dht/rpc/TokenSecrets.h"
#include "core/dht/rpc/UdxDatagramSender.h"
#include "core/transport/udx/UdxSocket.h"

#include <QDateTime>
#include <QHostAddress>
#include <QHostInfo>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <sodium.h>

#include <algorithm>
#include <map>

namespace pluresdb::dht::rpc {

namespace {

// dht-rpc index.js timing, in 5 s maintenance ticks (§2.7, §2.8). A wall-clock gap of three
// default ticks between two ticks means the machine slept.
constexpr qint64 kSleepingIntervalMs = 3 * 5000;
constexpr int kStableTicks = 240;
constexpr int kMoreStableTicks = 3 * kStableTicks;
constexpr int kRefreshTicks = 60;
constexpr int kRecentNode = 12;
constexpr int kOldNode = 360;
constexpr int kMaxPingDelayMs = 10'000;
constexpr int kMaxPendingDelayedPings = 256;  // DELAYED_PING replies waiting at once
constexpr int kDefaultConcurrency = 10;
constexpr int kDownHintsPerTick = 10 * 5;
constexpr int kMaxChecks = 10;
constexpr int kMaxRepinging = 3;

// hyperdht's public bootstrap nodes (§2.9). Never used by tests.
const char* const kDefaultBootstrap[] = {"88.99.3.86@node1.hyperdht.org:49737",
                                         "142.93.90.113@node2.hyperdht.org:49737",
                                         "138.68.147.8@node3.hyperdht.org:49737"};

int randomOffset(int n) {
    return n - int(QRandomGenerator::global()->generateDouble() * 0.5 * n);
}

QString hostString(const Ipv4Address& a) {
    return QStringLiteral("%1.%2.%3.%4").arg(a.host[0]).arg(a.host[1]).arg(a.host[2]).arg(a.host[3]);
}

std::optional<std::array<uint8_t, 4>> parseIpv4(const QString& s) {
    QHostAddress h;
    if (!h.setAddress(s) || h.protocol() != QAbstractSocket::IPv4Protocol)
        return std::nullopt;
    const quint32 v = h.toIPv4Address();
    return std::array<uint8_t, 4>{uint8_t(v >> 24), uint8_t(v >> 16), uint8_t(v >> 8), uint8_t(v)};
}

QByteArray randomId() {
    QByteArray id(kIdSize, '\0');
    randombytes_buf(id.data(), std::size_t(id.size()));
    return id;
}

uint16_t readLe16(const QByteArray& b) {
    return uint16_t(uint8_t(b[0]) | uint8_t(b[1]) << 8);
}

uint32_t readLe32(const QByteArray& b) {
    return uint32_t(uint8_t(b[0])) | uint32_t(uint8_t(b[1])) << 8 | uint32_t(uint8_t(b[2])) << 16 |
           uint32_t(uint8_t(b[3])) << 24;
}

QByteArray le16(uint16_t v) {
    QByteArray b(2, '\0');
    b[0] = char(v & 0xff);
    b[1] = char(v >> 8);
    return b;
}

}  // namespace

struct DhtNode::Impl final : public QueryHost, public DatagramSender {
    // A request completion that also learns which socket the response came in on.
    using NetCompletion = std::function<void(const RequestResult&, bool onServerSocket)>;

    DhtNode* q;
    DhtNodeOptions opts;
    std::unique_ptr<transport::udx::UdxSocket> server;
    std::unique_ptr<transport::udx::UdxSocket> client;
    SteadyClock clock;
    std::unique_ptr<RequestEngine> engine;
    TokenSecrets tokens;
    std::unique_ptr<RoutingTable> table;
    NatSampler nat;
    QTimer engineTimer;
    QTimer drainTimer;
    QTimer tickTimer;

    bool started = false;
    bool destroyed = false;
    bool bootstrapped = false;
    bool ephemeral = true;
    bool firewalled = true;
    bool adaptive = true;
    bool forcePersistent = false;
    bool quickFirewall = true;
    int tick = randomOffset(100);
    int refreshTicks = randomOffset(kRefreshTicks);
    int stableTicks = 0;
    qint64 lastTickWallMs = 0;
    std::optional<std::array<uint8_t, 4>> lastHost;
    int repinging = 0;
    int checks = 0;
    int downHintsSentPerTick = 0;
    quint64 recencyCounter = 0;
    std::vector<quint64> nonePersistentSamples;

    std::vector<Ipv4Address> bootstrapResolved;
    std::map<QueryId, std::shared_ptr<Query>> queries;
    QueryId nextQueryId = 1;
    CommandHandler* handler = nullptr;
    RawDatagramHandler rawHandler;
    DhtNodeStats stats;
    int pendingDelayedPings = 0;
    RequestEngineStats emptyEngineStats;
    // While a response is being matched: the socket it came in on, and whether that is the
    // socket the node expects replies on (only those are NAT samples, §2.8).
    bool responseOnServer = false;
    bool responseExternal = false;
    // requestFrom(): the socket for the next first transmission, and per tid for retries.
    transport::udx::UdxSocket* sendOverride = nullptr;
    std::optional<uint16_t> boundTid;
    std::map<uint16_t, QPointer<transport::udx::UdxSocket>> tidSockets;

    Impl(DhtNode* owner, DhtNodeOptions o)
        : q(owner), opts(std::move(o)), table(new RoutingTable(randomId())) {
        firewalled = opts.bootstrapper ? false : opts.firewalled;
        adaptive = !opts.ephemeral.has_value() && !opts.bootstrapper;
        forcePersistent = opts.bootstrapper || (opts.ephemeral.has_value() && !*opts.ephemeral);
        quickFirewall = opts.quickFirewall;
        stableTicks = adaptive ? kStableTicks : 0;
        engineTimer.setSingleShot(true);
        drainTimer.setInterval(kTickMs);
        tickTimer.setInterval(std::max(1, opts.maintenanceTickMs));
    }

    ~Impl() override = default;

    // ---- QueryHost / DatagramSender ----

    const RoutingTable& routingTable() const override { return *table; }
    std::vector<Ipv4Address> bootstrapNodes() const override { return bootstrapResolved; }

    RequestId sendQueryRequest(RpcRequest request, const Ipv4Address& to, RequestOptions options,
                               RequestCompletion done) override {
        return send(
            std::move(request), to, std::move(options),
            [done = std::move(done)](const RequestResult& r, bool) {
                if (done)
                    done(r);
            },
            true);
    }

    void sendDownHint(const Ipv4Address& to, const Ipv4Address& down) override {
        if (downHintsSentPerTick >= kDownHintsPerTick)
            return;
        ++downHintsSentPerTick;
        encoding::Encoder e;
        e.ipv4Address(down);
        RpcRequest r;
        r.internal = true;
        r.command = kCommandDownHint;
        r.value = e.take();
        RequestOptions o;
        o.retries = kDownHintRetries;
        send(std::move(r), to, o, nullptr, false);
    }

    // The node's socket (§2.1): the client socket while firewalled, else the server socket.
    void sendDatagram(const QByteArray& datagram, const Ipv4Address& to) override {
        transport::udx::UdxSocket* s = firewalled ? client.get() : server.get();
        if (datagram.size() >= 4 && (sendOverride || !tidSockets.empty())) {
            const uint16_t tid = uint16_t(uint8_t(datagram[2]) | uint8_t(datagram[3]) << 8);
            if (sendOverride) {
                tidSockets[tid] = sendOverride;
                boundTid = tid;
                sendOverride = nullptr;
            }
            if (auto it = tidSockets.find(tid); it != tidSockets.end()) {
                if (it->second && it->second->isBound())
                    it->second->sendDatagram(datagram, toHostAddress(to), to.port);
                return;
            }
        }
        if (s && s->isBound())
            s->sendDatagram(datagram, toHostAddress(to), to.port);
    }

    // ---- requests ----

    void armEngineTimer() {
        if (!engine || destroyed)
            return;
        const auto deadline = engine->nextDeadline();
        if (!deadline) {
            engineTimer.stop();
            return;
        }
        const qint64 wait = std::max<qint64>(0, *deadline - clock.nowMs());
        if (!engineTimer.isActive() || engineTimer.remainingTime() > wait)
            engineTimer.start(int(std::min<qint64>(wait, 60'000)));
    }

    // Sends a request from the node's socket. `toHasId`: the target is a table/query node whose id is
    // derived from its address — a timeout then drops it from the table (§2.5 last row).
    RequestId send(RpcRequest request, const Ipv4Address& to, RequestOptions options, NetCompletion done,
                   bool toHasId) {
        request.to = to;
        if (!ephemeral && !firewalled)
            request.id = table->id();
        else
            request.id.reset();
        if (!engine || destroyed) {
            RequestResult r;
            r.status = RequestStatus::Destroyed;
            r.to = to;
            if (done)
                done(r, false);
            return 0;
        }
        QPointer<DhtNode> guard(q);
        const RequestId id = engine->request(
            std::move(request), to, std::move(options),
            [this, guard, to, toHasId, done = std::move(done)](const RequestResult& r) {
                bool onServer = false;
                if (guard && !destroyed) {
                    if (r.status == RequestStatus::Response || r.status == RequestStatus::ErrorResponse) {
                        onServer = responseOnServer;
                        addNodeFromNetwork(!responseExternal, to, r.response->id.value_or(QByteArray()),
                                           r.response->to);
                    } else if (r.status == RequestStatus::Timeout && toHasId) {
                        if (auto n = table->get(nodeIdFor(to)))
                            removeNode(n);
                    }
                }
                if (done)
                    done(r, onServer);
            });
        armEngineTimer();
        return id;
    }

    RequestId ping(const Ipv4Address& to, NetCompletion done) {
        RpcRequest r;
        r.internal = true;
        r.command = kCommandPing;
        return send(std::move(r), to, RequestOptions{}, std::move(done), false);
    }

    // ---- incoming datagrams ----

    void onDatagram(const QByteArray& data, const QHostAddress& host, quint16 port, bool onServer) {
        if (destroyed)
            return;
        const auto from = toIpv4Address(host, port);
        if (!from || port == 0) {
            ++stats.ignored;
            return;
        }
        if (!looksLikeRpc(data)) {
            ++stats.ignored;
            if (rawHandler)
                rawHandler(data, *from, onServer);
            return;
        }
        auto message = decodeMessage(data);
        if (!message) {
            ++stats.undecodable;
            return;
        }
        const bool external = onServer == firewalled;  // expected: client while firewalled, else server
        if (auto* req = std::get_if<RpcRequest>(&*message)) {
            handleRequest(std::move(*req), *from, onServer, external);
            return;
        }
        RpcResponse res = std::get<RpcResponse>(std::move(*message));
        if (res.id) {
            const QByteArray valid = validatedId(*res.id, *from);
            if (valid.isEmpty())
                res.id.reset();
        }
        responseOnServer = onServer;
        responseExternal = external;
        switch (engine->onResponse(res, *from)) {
            case ResponseDisposition::Accepted:
                ++stats.responsesReceived;
                break;
            case ResponseDisposition::WrongAddress:
                ++stats.wrongAddress;
                break;
            case ResponseDisposition::UnknownTid:
                ++stats.unknownTid;
                break;
        }
        armEngineTimer();
    }

    void sendReply(bool onServer, uint16_t tid, const Ipv4Address& to,
                   const std::optional<QByteArray>& target, uint64_t error,
                   const std::optional<QByteArray>& value, bool withToken, bool withCloserNodes) {
        transport::udx::UdxSocket* s = onServer ? server.get() : client.get();
        if (destroyed || !s || !s->isBound())
            return;
        RpcResponse r;
        r.tid = tid;
        r.to = to;
        if (!ephemeral && onServer)
            r.id = table->id();
        if (withToken)
            r.token = tokens.issue(hostString(to));
        if (target && withCloserNodes)
            for (const auto& n : table->closest(*target, table->k()))
                r.closerNodes.push_back(n->address);
        r.error = error;
        r.value = value;
        s->sendDatagram(encodeResponse(r), toHostAddress(to), to.port);
    }

    void relayRequest(bool onServer, const RpcRequest& original, const QByteArray& value,
                      const Ipv4Address& to, transport::udx::UdxSocket* via = nullptr) {
        transport::udx::UdxSocket* s = via ? via : onServer ? server.get() : client.get();
        if (via)
            onServer = via == server.get();
        if (destroyed || !s || !s->isBound() || to.port == 0)
            return;
        RpcRequest r;
        r.tid = original.tid;
        r.to = to;
        if (!ephemeral && onServer)
            r.id = table->id();
        r.internal = original.internal;
        r.command = original.command;
        r.target = original.target;
        if (!value.isEmpty())
            r.value = value;
        ++stats.relayed;
        s->sendDatagram(encodeRequest(r), toHostAddress(to), to.port);
    }

    void handleRequest(RpcRequest req, const Ipv4Address& from, bool onServer, bool external) {
        ++stats.requestsReceived;
        QByteArray id;
        if (req.id) {
            id = validatedId(*req.id, from);
            if (id.isEmpty())
                req.id.reset();  // a claimed id that does not match the source: treated as id-less
        }
        if (req.token && !tokens.validate(hostString(from), *req.token)) {
            ++stats.invalidTokens;
            sendReply(onServer, req.tid, from, req.target, kErrorInvalidToken, std::nullopt, true, true);
            return;
        }
        if (!id.isEmpty())
            addNodeFromNetwork(!external, from, id, req.to);

        if (!req.internal) {
            if (!handler) {
                ++stats.unknownCommands;
                sendReply(onServer, req.tid, from, req.target, kErrorUnknownCommand, std::nullopt, false,
                          true);
                return;
            }
            QPointer<DhtNode> guard(q);
            IncomingRequest in{req, from, req.token.has_value(), onServer, {}, {}};
            in.relay = [this, guard, req, onServer](const QByteArray& value, const Ipv4Address& to) {
                if (guard)
                    relayRequest(onServer, req, value, to);
            };
            in.relayFrom = [this, guard, req, onServer](const QByteArray& value, const Ipv4Address& to,
                                                        transport::udx::UdxSocket* socket) {
                if (guard)
                    relayRequest(onServer, req, value, to, socket);
            };
            auto once = std::make_shared<bool>(false);
            const uint16_t tid = req.tid;
            const auto target = req.target;
            handler->handle(in, [this, guard, once, tid, target, from, onServer](const HandlerReply& reply) {
                if (*once || !guard)
                    return;
                *once = true;
                sendReply(onServer, tid, reply.to.value_or(from), target, reply.error, reply.value,
                          reply.withToken, reply.withCloserNodes);
            });
            return;
        }

        switch (req.command) {
            case kCommandPing:
                sendReply(onServer, req.tid, from, std::nullopt, kErrorOk, std::nullopt, false, false);
                return;
            case kCommandPingNat: {
                if (!req.value || req.value->size() < 2)
                    return;
                const uint16_t port = readLe16(*req.value);
                if (port == 0)
                    return;
                Ipv4Address to = from;
                to.port = port;
                sendReply(onServer, req.tid, to, std::nullopt, kErrorOk, std::nullopt, false, false);
                return;
            }
            case kCommandFindNode:
                if (!req.target)
                    return;
                sendReply(onServer, req.tid, from, req.target, kErrorOk, std::nullopt, false, true);
                return;
            case kCommandDownHint: {
                if (!req.value || req.value->size() < 6)
                    return;
                if (checks < kMaxChecks) {
                    encoding::Decoder d(req.value->left(6));
                    const Ipv4Address down = d.ipv4Address();
                    auto node = table->get(nodeIdFor(down));
                    if (node && (node->pinged < tick || node->downHints == 0)) {
                        ++node->downHints;
                        check(node);
                    }
                }
                sendReply(onServer, req.tid, from, std::nullopt, kErrorOk, std::nullopt, false, false);
                return;
            }
            case kCommandDelayedPing: {
                if (!req.value || req.value->size() < 4)
                    return;
                const uint32_t delay = readLe32(*req.value);
                if (delay > uint32_t(kMaxPingDelayMs))
                    return;
                // Node keeps one timer per request with no cap; a flood must not pile up timers.
                if (pendingDelayedPings >= kMaxPendingDelayedPings) {
                    ++stats.rejected;
                    return;
                }
                ++pendingDelayedPings;
                const uint16_t tid = req.tid;
                QTimer::singleShot(int(delay), q, [this, tid, from, onServer] {
                    --pendingDelayedPings;
                    sendReply(onServer, tid, from, std::nullopt, kErrorOk, std::nullopt, false, false);
                });
                return;
            }
            default:
                ++stats.unknownCommands;
                sendReply(onServer, req.tid, from, req.target, kErrorUnknownCommand, std::nullopt, false,
                          true);
                return;
        }
    }

    // ---- routing table upkeep (§2.7) ----

    void touch(const TableNodePtr& n) { n->recency = ++recencyCounter; }

    std::vector<TableNodePtr> byRecency() const {
        auto nodes = table->toArray();
        std::sort(nodes.begin(), nodes.end(),
                  [](const TableNodePtr& a, const TableNodePtr& b) { return a->recency < b->recency; });
        return nodes;
    }

    void natAdd(const Ipv4Address& to) { nat.add(to); }

    void sampleBootstrapMaybe(const Ipv4Address& from, const Ipv4Address& to) {
        if (nonePersistentSamples.size() >= std::max<std::size_t>(1, bootstrapResolved.size()))
            return;
        const quint64 key = quint64(from.host[0]) << 40 | quint64(from.host[1]) << 32 |
                            quint64(from.host[2]) << 24 | quint64(from.host[3]) << 16 | from.port;
        if (std::find(nonePersistentSamples.begin(), nonePersistentSamples.end(), key) !=
            nonePersistentSamples.end())
            return;
        nonePersistentSamples.push_back(key);
        natAdd(to);
    }

    void addNodeFromNetwork(bool sample, const Ipv4Address& from, const QByteArray& id,
                            const Ipv4Address& to) {
        // As dht-rpc: an id-less responder (a bootstrap node) is sampled whichever socket the
        // reply used, but only the first max(1, bootstrap nodes) of them.
        if (id.isEmpty()) {
            sampleBootstrapMaybe(from, to);
            return;
        }
        if (auto old = table->get(id)) {
            if (sample && (old->sampled == 0 || tick - old->sampled >= kOldNode)) {
                old->to = to;
                old->sampled = tick;
                natAdd(to);
            }
            old->pinged = old->seen = tick;
            touch(old);
            return;
        }
        auto n = std::make_shared<TableNode>();
        n->id = id;
        n->address = from;
        n->to = to;
        addNode(n);
    }

    void addNode(const TableNodePtr& n) {
        if (n->id == table->id())
            return;
        n->added = n->pinged = n->seen = tick;
        const auto result = table->add(n);
        if (result == RoutingTable::AddResult::RowFull) {
            onFullRow(n, table->rowIndex(n->id));
            return;
        }
        touch(n);
        if (n->to && n->sampled == 0) {
            n->sampled = tick;
            natAdd(*n->to);
        }
        emit q->nodeAdded(table->size());
    }

    void removeNode(const TableNodePtr& n) {
        if (table->get(n->id) == n)
            table->remove(n->id);
    }

    void onFullRow(const TableNodePtr& newNode, int row) {
        if (!bootstrapped || repinging >= kMaxRepinging)
            return;
        auto oldest = table->evictionCandidate(row, tick, kRecentNode, kOldNode);
        if (!oldest)
            return;
        const int lastSeen = oldest->seen;
        oldest->pinged = tick;
        ++repinging;
        QPointer<DhtNode> guard(q);
        ping(oldest->address, [this, guard, oldest, newNode, lastSeen](const RequestResult& r, bool) {
            if (!guard || destroyed)
                return;
            --repinging;
            if (r.status == RequestStatus::Response && oldest->seen > lastSeen)
                return;
            removeNode(oldest);
            addNode(newNode);
        });
    }

    void check(const TableNodePtr& node) {
        node->pinged = tick;
        const int lastSeen = node->seen;
        ++checks;
        QPointer<DhtNode> guard(q);
        ping(node->address, [this, guard, node, lastSeen](const RequestResult& r, bool) {
            if (!guard || destroyed)
                return;
            --checks;
            if (r.status == RequestStatus::Response || r.status == RequestStatus::ErrorResponse) {
                if (node->seen <= lastSeen)
                    removeNode(node);
            } else {
                removeNode(node);
            }
        });
    }

    void pingSome() {
        const auto nodes = byRecency();
        if (nodes.empty()) {
            refresh();
            return;
        }
        int cnt = engine->inflight() > 2 ? 3 : 5;
        if (tick - nodes.front()->pinged < kRecentNode)
            cnt = 2;
        std::size_t i = 0;
        while (cnt-- > 0) {
            if (i >= nodes.size() || tick == nodes[i]->pinged)
                continue;
            check(nodes[i]);
            ++i;
        }
    }

    void onTick() {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - lastTickWallMs > kSleepingIntervalMs)
            onWakeup();
        else
            ++tick;
        lastTickWallMs = now;
        if (!bootstrapped || destroyed)
            return;
        if (adaptive && ephemeral && --stableTicks <= 0) {
            if (lastHost == nat.host())
                stableTicks = kMoreStableTicks;
            else
                updateNetworkState(false, nullptr);
        }
        if ((tick & 7) == 0)
            pingSome();
        if (((tick & 63) == 0 && table->size() < table->k()) || --refreshTicks <= 0)
            refresh();
        downHintsSentPerTick = 0;
    }

    void onWakeup() {
        tick += 2 * kOldNode;
        tick += 8 - (tick & 7) - 2;
        stableTicks = kMoreStableTicks;
        refreshTicks = 1;
        lastHost.reset();
        if (adaptive && !ephemeral)
            ephemeral = true;
    }

    // ---- queries ----

    QueryId startQuery(QueryOptions o, std::function<void(const QueryReply&)> onReply,
                       std::function<void(const QueryResult&)> onDone) {
        refreshTicks = kRefreshTicks;
        ++stats.queries;
        const QueryId id = nextQueryId++;
        QPointer<DhtNode> guard(q);
        auto query =
            std::make_shared<Query>(*this, std::move(o), std::move(onReply),
                                    [this, guard, id, onDone = std::move(onDone)](const QueryResult& r) {
                                        if (guard)
                                            queries.erase(id);
                                        if (onDone)
                                            onDone(r);
                                    });
        queries[id] = query;
        if (destroyed || !engine) {
            query->cancel(QStringLiteral("Node destroyed"));
            return id;
        }
        query->start();
        return id;
    }

    QueryId backgroundQuery(const QByteArray& target, std::function<void(const QueryReply&)> onReply,
                            std::function<void(const QueryResult&)> onDone) {
        const int background = std::min(kDefaultConcurrency, std::max(2, kDefaultConcurrency / 8));
        QueryOptions o;
        o.target = target;
        o.internal = true;
        o.command = kCommandFindNode;
        o.concurrency = background;
        auto queryId = std::make_shared<QueryId>(0);
        *queryId = startQuery(
            std::move(o),
            [this, queryId, background, onReply = std::move(onReply)](const QueryReply& r) {
                // Yield to other traffic (dht-rpc _backgroundQuery).
                auto it = queries.find(*queryId);
                if (it != queries.end())
                    it->second->setConcurrency(engine->inflight() < 3 ? kDefaultConcurrency : background);
                if (onReply)
                    onReply(r);
            },
            std::move(onDone));
        return *queryId;
    }

    void refresh() {
        if (destroyed || !engine)
            return;
        auto n = table->random();
        backgroundQuery(n ? n->id : table->id(), nullptr, nullptr);
    }

    // ---- bootstrap (§2.9) ----

    void resolveBootstrap(std::size_t index, std::vector<QString> entries, std::function<void()> done) {
        if (destroyed)
            return;
        if (index >= entries.size()) {
            done();
            return;
        }
        const QString entry = entries[index];
        auto next = [this, index, entries, done](std::optional<Ipv4Address> a) {
            if (a)
                bootstrapResolved.push_back(*a);
            resolveBootstrap(index + 1, entries, done);
        };
        const int colon = entry.lastIndexOf(QLatin1Char(':'));
        bool portOk = false;
        const uint port = colon > 0 ? entry.mid(colon + 1).toUInt(&portOk) : 0;
        if (!portOk || port == 0 || port > 65535) {
            qWarning("dht: ignoring bootstrap entry %s (want host:port or ip@host:port)", qPrintable(entry));
            next(std::nullopt);
            return;
        }
        QString host = entry.left(colon);
        QString suggested;
        const int at = host.indexOf(QLatin1Char('@'));
        if (at >= 0) {
            suggested = host.left(at);
            host = host.mid(at + 1);
        }
        auto lookup = [this, host, port, next] {
            if (const auto ip = parseIpv4(host)) {
                next(Ipv4Address{*ip, uint16_t(port)});
                return;
            }
            QPointer<DhtNode> guard(q);
            QHostInfo::lookupHost(host, q, [guard, port, next](const QHostInfo& info) {
                if (!guard)
                    return;
                for (const QHostAddress& a : info.addresses())
                    if (a.protocol() == QAbstractSocket::IPv4Protocol)
                        if (const auto v = toIpv4Address(a, quint16(port))) {
                            next(*v);
                            return;
                        }
                next(std::nullopt);
            });
        };
        if (suggested.isEmpty()) {
            lookup();
            return;
        }
        const auto ip = parseIpv4(suggested);
        if (!ip) {
            lookup();
            return;
        }
        const Ipv4Address a{*ip, uint16_t(port)};
        QPointer<DhtNode> guard(q);
        ping(a, [guard, a, lookup, next](const RequestResult& r, bool) {
            if (!guard)
                return;
            if (r.status == RequestStatus::Response)
                next(a);
            else
                lookup();
        });
    }

    void runBootstrap() {
        auto testNat = std::make_shared<bool>(false);
        auto first = std::make_shared<bool>(firewalled && quickFirewall && !forcePersistent);
        bootstrapIteration(0, first, testNat);
    }

    void bootstrapIteration(int i, std::shared_ptr<bool> first, std::shared_ptr<bool> testNat) {
        QPointer<DhtNode> guard(q);
        backgroundQuery(
            table->id(),
            [this, guard, first, testNat](const QueryReply& reply) {
                // Quick firewall heuristic: one PING_NAT to the first responder (§2.9 step 3).
                if (!*first || !guard)
                    return;
                *first = false;
                RpcRequest r;
                r.internal = true;
                r.command = kCommandPingNat;
                r.value = le16(server->localPort());
                send(
                    std::move(r), reply.from, RequestOptions{},
                    [testNat](const RequestResult& res, bool) {
                        if (res.status == RequestStatus::Response)
                            *testNat = true;
                    },
                    false);
            },
            [this, guard, i, first, testNat](const QueryResult&) {
                if (!guard || destroyed)
                    return;
                if (bootstrapped || (!*testNat && !forcePersistent)) {
                    finishBootstrap();
                    return;
                }
                updateNetworkState(!forcePersistent, [this, guard, i, first, testNat](bool ok) {
                    if (!guard || destroyed)
                        return;
                    if (ok && i == 0)
                        bootstrapIteration(1, first, testNat);
                    else
                        finishBootstrap();
                });
            });
    }

    void finishBootstrap() {
        if (bootstrapped)
            return;
        bootstrapped = true;
        emit q->ready();
    }

    // ---- network state (§2.8) ----

    void checkIfFirewalled(std::shared_ptr<NatSampler> sampler, std::function<void(bool firewalled)> done) {
        std::vector<Ipv4Address> nodes;
        const auto recent = byRecency();
        for (auto it = recent.rbegin(); it != recent.rend() && nodes.size() < 5; ++it)
            nodes.push_back((*it)->address);
        if (nodes.size() < 5)
            for (const auto& b : bootstrapResolved)
                nodes.push_back(b);
        if (nodes.empty()) {
            done(true);
            return;
        }
        struct State {
            int missing = 0;
            int count = 0;
        };
        auto state = std::make_shared<State>();
        state->missing = int(nodes.size());
        const int total = int(nodes.size());
        const quint16 serverPort = server->localPort();
        QPointer<DhtNode> guard(q);
        auto finished = [this, guard, state, sampler, total, serverPort, done] {
            if (!guard || destroyed)
                return;
            if (state->count < (total >= 5 ? 3 : 1)) {
                done(true);
                return;
            }
            if (!sampler->host() || nat.host() != sampler->host()) {
                done(true);
                return;
            }
            done(sampler->port() == 0 || sampler->port() != serverPort);
        };
        for (const auto& n : nodes) {
            RpcRequest r;
            r.internal = true;
            r.command = kCommandPingNat;
            r.value = le16(serverPort);
            send(
                std::move(r), n, RequestOptions{},
                [state, sampler, finished](const RequestResult& res, bool onServer) {
                    // Only a reply that reached the server socket unsolicited proves it open.
                    if (res.status == RequestStatus::Response && onServer) {
                        ++state->count;
                        sampler->add(res.response->to);
                    }
                    if (--state->missing == 0)
                        finished();
                },
                false);
        }
    }

    void updateNetworkState(bool onlyFirewall, std::function<void(bool)> done) {
        auto finish = [done](bool ok) {
            if (done)
                done(ok);
        };
        if (!ephemeral || (onlyFirewall && !firewalled)) {
            finish(false);
            return;
        }
        const auto host = nat.host();
        const uint16_t port = nat.port();
        if (!onlyFirewall) {
            stableTicks = kMoreStableTicks;
            lastHost = host;
        }
        if (!host || port == 0) {
            finish(false);
            return;
        }
        QPointer<DhtNode> guard(q);
        auto proceed = [this, guard, host, port, onlyFirewall, finish](std::shared_ptr<NatSampler> fresh) {
            if (!guard || destroyed) {
                finish(false);
                return;
            }
            firewalled = false;
            if (!ephemeral || host != nat.host() || port != nat.port()) {
                finish(false);
                return;
            }
            const NatSampler& s = fresh ? *fresh : nat;
            if (s.host() != host || s.port() == 0) {
                finish(false);
                return;
            }
            const QByteArray id = nodeIdFor(Ipv4Address{*s.host(), s.port()});
            if (!onlyFirewall)
                ephemeral = false;
            if (fresh) {
                nonePersistentSamples.clear();
                nat = *fresh;
            }
            if (table->id() != id) {
                const auto nodes = table->toArray();
                table = std::make_unique<RoutingTable>(id);
                for (const auto& n : nodes)
                    if (n->id != id)
                        table->add(n);
                if (bootstrapped)
                    refresh();
            }
            if (!ephemeral)
                emit q->persistent();
            finish(true);
        };
        if (!firewalled) {
            proceed(nullptr);
            return;
        }
        auto fresh = std::make_shared<NatSampler>();
        checkIfFirewalled(fresh, [proceed, fresh, finish](bool stillFirewalled) {
            if (stillFirewalled)
                finish(false);
            else
                proceed(fresh);
        });
    }

    // ---- lifecycle ----

    Result<void> bindSockets() {
        QHostAddress host;
        if (!host.setAddress(opts.host) || host.protocol() != QAbstractSocket::IPv4Protocol)
            return makeError(QStringLiteral("DHT host must be an IPv4 address: %1").arg(opts.host));
        server = std::make_unique<transport::udx::UdxSocket>();
        client = std::make_unique<transport::udx::UdxSocket>();
        client->shareNonUdxTraffic(server->nonUdxTraffic());  // one DHT/probe byte count per node
        bool bound = false;
        QString lastError;
        if (opts.port != 0) {
            // hyperdht tries the port and the next four, then any port (unless it must be exact).
            const int tries = opts.bootstrapper ? 1 : 5;
            for (int i = 0; i < tries && !bound && int(opts.port) + i <= 65535; ++i) {
                auto r = server->bind(host, quint16(opts.port + i));
                bound = r.ok();
                if (!bound)
                    lastError = r.errorMessage();
            }
            if (!bound && opts.bootstrapper)
                return makeError(lastError);
        }
        if (!bound) {
            auto r = server->bind(host, 0);
            if (!r)
                return r;
        }
        if (auto r = client->bind(host, 0); !r)
            return r;
        server->setDatagramHandler(
            [this](const QByteArray& d, const QHostAddress& h, quint16 p) { onDatagram(d, h, p, true); });
        client->setDatagramHandler(
            [this](const QByteArray& d, const QHostAddress& h, quint16 p) { onDatagram(d, h, p, false); });
        return {};
    }

    void destroyNode() {
        if (destroyed)
            return;
        destroyed = true;
        engineTimer.stop();
        drainTimer.stop();
        tickTimer.stop();
        if (engine)
            engine->destroyAll();
        auto remaining = queries;
        for (auto& [id, query] : remaining)
            query->cancel(QStringLiteral("Node destroyed"));
        queries.clear();
        if (server)
            server->close();
        if (client)
            client->close();
    }
};

DhtNode::DhtNode(DhtNodeOptions options, QObject* parent)
    : QObject(parent), d(new Impl(this, std::move(options))) {
    connect(&d->engineTimer, &QTimer::timeout, this, [this] {
        if (!d->engine || d->destroyed)
            return;
        d->engine->processTimers();
        d->armEngineTimer();
    });
    connect(&d->drainTimer, &QTimer::timeout, this, [this] {
        if (!d->engine || d->destroyed)
            return;
        d->tokens.tick();
        d->engine->tick();
        d->armEngineTimer();
    });
    connect(&d->tickTimer, &QTimer::timeout, this, [this] { d->onTick(); });
}

DhtNode::~DhtNode() {
    d->destroyNode();
}

Result<void> DhtNode::start() {
    if (d->started)
        return makeError(QStringLiteral("DHT node already started"));
    const QString publicHost = d->opts.publicHost.isEmpty() ? d->opts.host : d->opts.publicHost;
    if (d->opts.bootstrapper) {
        const auto ip = parseIpv4(publicHost);
        if (!ip || *ip == std::array<uint8_t, 4>{0, 0, 0, 0} || d->opts.port == 0)
            return makeError(QStringLiteral("a bootstrapper needs its public IPv4 host and a port"));
    }
    if (auto r = d->bindSockets(); !r)
        return r;
    d->started = true;
    d->engine =
        std::make_unique<RequestEngine>(*d, d->clock, uint16_t(QRandomGenerator::global()->bounded(65536)));
    d->lastTickWallMs = QDateTime::currentMSecsSinceEpoch();
    d->drainTimer.start();
    d->tickTimer.start();
    if (d->opts.bootstrapper) {
        // DHT.bootstrapper(port, host): the given address is our public one (§2.8).
        d->nat.add(Ipv4Address{*parseIpv4(publicHost), d->opts.port});
    }
    std::vector<QString> entries = d->opts.bootstrap;
    if (entries.empty() && d->opts.useDefaultBootstrap && !d->opts.bootstrapper)
        for (const char* e : kDefaultBootstrap)
            entries.push_back(QString::fromLatin1(e));
    // Start from the event loop, so that callers can connect to ready() after start().
    QPointer<DhtNode> guard(this);
    QTimer::singleShot(0, this, [this, guard, entries] {
        if (!guard || d->destroyed)
            return;
        d->resolveBootstrap(0, entries, [this] { d->runBootstrap(); });
    });
    return {};
}

void DhtNode::destroy() {
    d->destroyNode();
}

void DhtNode::setCommandHandler(CommandHandler* handler) {
    d->handler = handler;
}

void DhtNode::setRawDatagramHandler(RawDatagramHandler handler) {
    d->rawHandler = std::move(handler);
}

RequestId DhtNode::request(RpcRequest request, const Ipv4Address& to, RequestOptions options,
                           RequestCompletion done) {
    return d->send(
        std::move(request), to, std::move(options),
        [done = std::move(done)](const RequestResult& r, bool) {
            if (done)
                done(r);
        },
        false);
}

RequestId DhtNode::requestFrom(transport::udx::UdxSocket* socket, RpcRequest request, const Ipv4Address& to,
                               RequestOptions options, RequestCompletion done) {
    if (!socket)
        return this->request(std::move(request), to, std::move(options), std::move(done));
    // The engine sends the first attempt inside send() (forced past the congestion window), and
    // sendDatagram() binds its tid to `socket` for the retries; the binding ends with the request.
    options.force = true;
    d->sendOverride = socket;
    d->boundTid.reset();
    auto tid = std::make_shared<std::optional<uint16_t>>();
    QPointer<DhtNode> guard(this);
    QPointer<transport::udx::UdxSocket> via(socket);
    const RequestId id = d->send(
        std::move(request), to, std::move(options),
        [this, guard, tid, via, done = std::move(done)](const RequestResult& r, bool) {
            if (guard && *tid)
                if (auto it = d->tidSockets.find(**tid); it != d->tidSockets.end() && it->second == via)
                    d->tidSockets.erase(it);
            if (done)
                done(r);
        },
        false);
    d->sendOverride = nullptr;
    *tid = d->boundTid;
    return id;
}

bool DhtNode::handleResponseFrom(const QByteArray& datagram, const Ipv4Address& from) {
    if (!d->started || d->destroyed || !looksLikeRpc(datagram))
        return false;
    auto message = decodeMessage(datagram);
    if (!message)
        return false;
    if (auto* req = std::get_if<RpcRequest>(&*message)) {
        // A request that reached a puncher socket (a relay forwarding PEER_HOLEPUNCH to the address
        // our puncher announced itself from): served like one on our client socket, no NAT sample.
        d->handleRequest(std::move(*req), from, false, true);
        return true;
    }
    RpcResponse res = std::get<RpcResponse>(std::move(*message));
    if (res.id && validatedId(*res.id, from).isEmpty())
        res.id.reset();
    d->responseOnServer = false;
    d->responseExternal = true;  // no NAT sample for our own sockets
    if (d->engine->onResponse(res, from) == ResponseDisposition::Accepted)
        ++d->stats.responsesReceived;
    d->armEngineTimer();
    return true;
}

bool DhtNode::cancel(RequestId id) {
    if (!d->engine)
        return false;
    const bool ok = d->engine->cancel(id);
    d->armEngineTimer();
    return ok;
}

QueryId DhtNode::query(QueryOptions options, std::function<void(const QueryReply&)> onReply,
                       std::function<void(const QueryResult&)> onDone) {
    return d->startQuery(std::move(options), std::move(onReply), std::move(onDone));
}

void DhtNode::cancelQuery(QueryId id) {
    const auto it = d->queries.find(id);
    if (it == d->queries.end())
        return;
    auto query = it->second;  // keep it alive through its onDone, which erases it
    query->cancel();
}

void DhtNode::refresh() {
    d->refresh();
}

void DhtNode::addNode(const Ipv4Address& address) {
    auto n = std::make_shared<TableNode>();
    n->id = nodeIdFor(address);
    n->address = address;
    d->addNode(n);
}

void DhtNode::injectDatagram(const QByteArray& datagram, const Ipv4Address& from, bool onServerSocket) {
    if (d->started)
        d->onDatagram(datagram, toHostAddress(from), from.port, onServerSocket);
}

bool DhtNode::isBootstrapped() const {
    return d->bootstrapped;
}

bool DhtNode::isEphemeral() const {
    return d->ephemeral;
}

bool DhtNode::isFirewalled() const {
    return d->firewalled;
}

QByteArray DhtNode::id() const {
    return d->table->id();
}

std::optional<Ipv4Address> DhtNode::publicAddress() const {
    const auto host = d->nat.host();
    if (!host)
        return std::nullopt;
    return Ipv4Address{*host, d->nat.port()};
}

Ipv4Address DhtNode::localServerAddress() const {
    if (!d->server || !d->server->isBound())
        return {};
    return toIpv4Address(d->server->localAddress(), d->server->localPort()).value_or(Ipv4Address{});
}

std::vector<Ipv4Address> DhtNode::routingTableNodes() const {
    std::vector<Ipv4Address> out;
    for (const auto& n : d->table->toArray())
        out.push_back(n->address);
    return out;
}

int DhtNode::routingTableSize() const {
    return d->table->size();
}

std::vector<Ipv4Address> DhtNode::closestNodes(const QByteArray& target, int k) const {
    std::vector<Ipv4Address> out;
    if (target.size() != kTargetSize)
        return out;
    for (const auto& n : d->table->closest(target, k))
        out.push_back(n->address);
    return out;
}

const DhtNodeStats& DhtNode::stats() const {
    return d->stats;
}

DhtNodeStats& DhtNode::mutableStats() {
    return d->stats;
}

const RequestEngineStats& DhtNode::engineStats() const {
    return d->engine ? d->engine->stats() : d->emptyEngineStats;
}

transport::udx::UdxSocket* DhtNode::serverSocket() const {
    return d->server.get();
}

transport::udx::UdxSocket* DhtNode::clientSocket() const {
    return d->client.get();
}

}  // namespace pluresdb::dht::rpc
