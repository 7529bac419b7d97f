// The iterative query (spec/hyperdht.md §2.10) on a simulated network under a fake clock: virtual
// nodes answer FIND_NODE with the true k closest nodes they know, or stay silent. The query must
// converge on the true k closest live nodes in XOR order, never exceed its concurrency (plus one
// slot per slow request), send DOWN_HINTs to whoever referred a dead node, re-seed from the table
// when the caller's nodes fail, and finish exactly once — also when cancelled.

#include "core/dht/rpc/NodeId.h"
#include "core/dht/rpc/Query.h"
#include "core/dht/rpc/RpcWire.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>

using namespace pluresdb;
using namespace pluresdb::dht::rpc;

namespace {

class FakeClock final : public MonotonicClock {
public:
    qint64 nowMs() const override { return m_now; }
    void set(qint64 t) { m_now = t; }

private:
    qint64 m_now = 1000;
};

quint64 key(const Ipv4Address& a) {
    return quint64(a.host[0]) << 40 | quint64(a.host[1]) << 32 | quint64(a.host[2]) << 24 |
           quint64(a.host[3]) << 16 | a.port;
}

// A network of virtual dht-rpc nodes plus the QueryHost the query runs on.
class SimNetwork final : public QueryHost, public DatagramSender {
public:
    explicit SimNetwork(int size, quint32 seed) : m_rng(seed), m_table(randomBytes()) {
        for (int i = 0; i < size; ++i) {
            Ipv4Address a;
            a.host = {10, uint8_t(m_rng.bounded(256)), uint8_t(m_rng.bounded(256)),
                      uint8_t(1 + m_rng.bounded(254))};
            a.port = quint16(1024 + m_rng.bounded(60000));
            if (m_alive.count(key(a)))
                continue;
            m_alive[key(a)] = true;
            m_all.push_back(a);
        }
    }

    QByteArray randomBytes() {
        QByteArray b(32, '\0');
        for (auto& c : b)
            c = char(m_rng.bounded(256));
        return b;
    }
    void kill(const Ipv4Address& a) { m_alive[key(a)] = false; }
    bool alive(const Ipv4Address& a) const { return m_alive.at(key(a)); }
    const std::vector<Ipv4Address>& all() const { return m_all; }
    void addToTable(const Ipv4Address& a) {
        auto n = std::make_shared<TableNode>();
        n->id = nodeIdFor(a);
        n->address = a;
        m_table.add(n);
    }
    void setBootstrap(std::vector<Ipv4Address> b) { m_bootstrap = std::move(b); }

    // The true closest nodes to target among `among`, by XOR distance.
    static std::vector<Ipv4Address> trueClosest(const QByteArray& target, std::vector<Ipv4Address> among,
                                                int k) {
        std::sort(among.begin(), among.end(), [&](const Ipv4Address& a, const Ipv4Address& b) {
            return compareDistance(target, nodeIdFor(a), nodeIdFor(b)) < 0;
        });
        if (int(among.size()) > k)
            among.resize(std::size_t(k));
        return among;
    }
    std::vector<Ipv4Address> liveNodes() const {
        std::vector<Ipv4Address> out;
        for (const auto& a : m_all)
            if (alive(a))
                out.push_back(a);
        return out;
    }

    // Answers every datagram sent so far; when nothing is on the wire, moves the clock to the next
    // engine deadline. Returns false when there is nothing left to do.
    bool step() {
        maxInflight = std::max(maxInflight, engine.inflight());
        if (!m_outbox.empty()) {
            auto [datagram, to] = m_outbox.front();
            m_outbox.erase(m_outbox.begin());
            auto m = decodeMessage(datagram);
            const auto& req = std::get<RpcRequest>(*m);
            ++m_transmissions[key(to)];
            if (!m_alive.count(key(to)) || !alive(to))
                return true;  // a dead node: no answer
            RpcResponse res;
            res.tid = req.tid;
            res.id = nodeIdFor(to);
            if (req.target)
                res.closerNodes = trueClosest(*req.target, m_all, kK);
            for (const auto& n : res.closerNodes)
                m_referred[key(n)].insert(key(to));
            engine.onResponse(res, to);
            return true;
        }
        // Time moves to the next attempt timer or the next 750 ms window tick, whichever is first.
        const auto deadline = engine.nextDeadline();
        if (!deadline && engine.queued() == 0)
            return false;
        if (deadline && *deadline < m_nextTick) {
            clock.set(std::max(clock.nowMs(), *deadline));
            engine.processTimers();
        } else {
            clock.set(m_nextTick);
            m_nextTick += kTickMs;
            engine.tick();
        }
        return true;
    }
    void runUntil(const std::function<bool()>& done) {
        for (int i = 0; i < 200000 && !done() && step(); ++i) {
        }
    }

    // QueryHost
    const RoutingTable& routingTable() const override { return m_table; }
    std::vector<Ipv4Address> bootstrapNodes() const override { return m_bootstrap; }
    RequestId sendQueryRequest(RpcRequest request, const Ipv4Address& to, RequestOptions options,
                               RequestCompletion done) override {
        request.to = to;
        return engine.request(std::move(request), to, std::move(options), std::move(done));
    }
    void sendDownHint(const Ipv4Address& to, const Ipv4Address& down) override {
        downHints.emplace_back(to, down);
    }
    // DatagramSender
    void sendDatagram(const QByteArray& datagram, const Ipv4Address& to) override {
        m_outbox.emplace_back(datagram, to);
    }

    FakeClock clock;
    RequestEngine engine{*this, clock, 1};
    int maxInflight = 0;
    std::vector<std::pair<Ipv4Address, Ipv4Address>> downHints;
    std::map<quint64, std::set<quint64>> m_referred;  // node -> who listed it in closerNodes
    std::map<quint64, int> m_transmissions;

private:
    QRandomGenerator m_rng;
    RoutingTable m_table;
    std::map<quint64, bool> m_alive;
    std::vector<Ipv4Address> m_all;
    std::vector<Ipv4Address> m_bootstrap;
    std::vector<std::pair<QByteArray, Ipv4Address>> m_outbox;
    qint64 m_nextTick = 1000 + kTickMs;
};

QueryOptions findNode(const QByteArray& target, int concurrency = 10) {
    QueryOptions o;
    o.target = target;
    o.internal = true;
    o.command = kCommandFindNode;
    o.concurrency = concurrency;
    return o;
}

struct Outcome {
    int doneCalls = 0;
    int replies = 0;
    QueryResult result;
};

std::shared_ptr<Query> makeQuery(SimNetwork& net, QueryOptions o, Outcome& out) {
    return std::make_shared<Query>(
        net, std::move(o), [&out](const QueryReply&) { ++out.replies; },
        [&out](const QueryResult& r) {
            ++out.doneCalls;
            out.result = r;
        });
}

void verifyClosest(const QueryResult& r, const QByteArray& target, const std::vector<Ipv4Address>& live) {
    const auto want = SimNetwork::trueClosest(target, live, kK);
    QCOMPARE(int(r.closestReplies.size()), int(want.size()));
    for (std::size_t i = 0; i < want.size(); ++i) {
        QCOMPARE(r.closestReplies[i].from, want[i]);
        QCOMPARE(*r.closestReplies[i].response.id, nodeIdFor(want[i]));
    }
}

}  // namespace

class TestQuery : public QObject {
    Q_OBJECT
private slots:
    /// From 3 bootstrap nodes, a query in a 300-node network ends with exactly the 20 nodes closest
    /// to the target, closest first, with at most `concurrency` requests in flight.
    void convergesOnTrueClosest() {
        SimNetwork net(300, 1);
        net.setBootstrap({net.all()[0], net.all()[1], net.all()[2]});
        const QByteArray target = net.randomBytes();
        Outcome out;
        auto q = makeQuery(net, findNode(target), out);
        q->start();
        net.runUntil([&] { return out.doneCalls > 0; });
        QCOMPARE(out.doneCalls, 1);
        QVERIFY(out.result.ok);
        verifyClosest(out.result, target, net.liveNodes());
        QVERIFY(net.maxInflight <= 10);
        QCOMPARE(out.result.timeouts, 0);
        QCOMPARE(out.replies, out.result.replies);
        // Nothing left behind, and no second completion however long we go on.
        net.runUntil([] { return false; });
        QCOMPARE(out.doneCalls, 1);
        QCOMPARE(net.engine.inflight(), 0);
    }

    /// A third of the network is dead: the query still finds the 20 closest live nodes; every dead
    /// node it tried timed out after 6 transmissions (5 retries) and got DOWN_HINTs sent to the nodes
    /// that referred us to it; slow requests opened extra slots beyond the concurrency.
    void deadNodesTimeOutAndAreHinted() {
        SimNetwork net(300, 2);
        std::vector<Ipv4Address> dead;
        for (std::size_t i = 3; i < net.all().size(); i += 3) {
            net.kill(net.all()[i]);
            dead.push_back(net.all()[i]);
        }
        net.setBootstrap({net.all()[0], net.all()[1], net.all()[2]});
        const QByteArray target = net.randomBytes();
        Outcome out;
        auto q = makeQuery(net, findNode(target, 4), out);
        q->start();
        net.runUntil([&] { return out.doneCalls > 0; });
        QCOMPARE(out.doneCalls, 1);
        QVERIFY(out.result.ok);
        // Every node refers to the same global top 20, so the answer is the closest of its live
        // part and the bootstrap nodes (the only other nodes that replied).
        std::vector<Ipv4Address> reachable = {net.all()[0], net.all()[1], net.all()[2]};
        for (const auto& a : SimNetwork::trueClosest(target, net.all(), kK))
            if (net.alive(a))
                reachable.push_back(a);
        verifyClosest(out.result, target, reachable);
        QVERIFY(out.result.timeouts > 0);
        QVERIFY2(net.maxInflight > 4, "slow requests never got extra slots");
        QVERIFY(!net.downHints.empty());
        for (const auto& [to, down] : net.downHints) {
            QVERIFY(!net.alive(down));
            QVERIFY(net.m_referred[key(down)].count(key(to)));
        }
        for (const auto& d : dead)
            if (net.m_transmissions.count(key(d)))
                QVERIFY(net.m_transmissions[key(d)] <= kQueryRetries + 1);
    }

    /// A query seeded with 20 caller nodes that are all dead falls back to the routing table
    /// (§2.10 step 6) and still finds the closest nodes.
    void reseedsFromTableWhenCallerNodesFail() {
        SimNetwork net(200, 3);
        std::vector<Ipv4Address> callerNodes;
        for (std::size_t i = 0; i < 20; ++i) {
            net.kill(net.all()[i]);
            callerNodes.push_back(net.all()[i]);
        }
        for (std::size_t i = 20; i < 30; ++i)
            net.addToTable(net.all()[i]);
        const QByteArray target = net.randomBytes();
        QueryOptions o = findNode(target);
        o.nodes = callerNodes;
        Outcome out;
        auto q = makeQuery(net, o, out);
        q->start();
        // The first batch goes to the caller's nodes only (the table is not consulted yet).
        QCOMPARE(net.engine.inflight(), 10);
        net.runUntil([&] { return out.doneCalls > 0; });
        QCOMPARE(out.doneCalls, 1);
        QVERIFY(out.result.ok);
        verifyClosest(out.result, target, net.liveNodes());
    }

    /// With nobody to ask the query fails at once with "Too few nodes responded"; with only dead
    /// nodes it fails after their timeouts. onDone runs once either way.
    void failsWithoutReplies() {
        SimNetwork net(10, 4);
        Outcome empty;
        auto q1 = makeQuery(net, findNode(net.randomBytes()), empty);
        q1->start();
        QCOMPARE(empty.doneCalls, 1);
        QVERIFY(!empty.result.ok);
        QCOMPARE(empty.result.error, QStringLiteral("Too few nodes responded"));

        for (const auto& a : net.all())
            net.kill(a);
        net.setBootstrap({net.all()[0], net.all()[1]});
        Outcome allDead;
        auto q2 = makeQuery(net, findNode(net.randomBytes()), allDead);
        q2->start();
        net.runUntil([&] { return allDead.doneCalls > 0; });
        QCOMPARE(allDead.doneCalls, 1);
        QVERIFY(!allDead.result.ok);
        QCOMPARE(allDead.result.timeouts, 2);
    }

    /// cancel() finishes the query once; replies still arriving afterwards change nothing, and a
    /// query dropped by its owner ignores them safely.
    void cancelFinishesOnce() {
        SimNetwork net(100, 5);
        net.setBootstrap({net.all()[0], net.all()[1], net.all()[2]});
        Outcome out;
        auto q = makeQuery(net, findNode(net.randomBytes()), out);
        q->start();
        net.step();
        q->cancel();
        QCOMPARE(out.doneCalls, 1);
        QVERIFY(!out.result.ok);
        net.runUntil([] { return false; });
        QCOMPARE(out.doneCalls, 1);

        Outcome dropped;
        auto q2 = makeQuery(net, findNode(net.randomBytes()), dropped);
        q2->start();
        q2.reset();  // the owner lets go: in-flight completions must not touch it
        net.runUntil([] { return false; });
        QCOMPARE(net.engine.inflight(), 0);
    }
};

QTEST_GUILESS_MAIN(TestQuery)
#include "test_query.moc"
