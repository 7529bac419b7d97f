// DhtNode upkeep over time (spec/hyperdht.md §2.7, §2.8), with the 5 s maintenance tick shortened
// so that tick counts pass in seconds: dead nodes are pinged out of tables, an adaptive node becomes
// persistent after its 240 stable ticks, and a full row pings its oldest member and swaps in the
// newcomer when that ping fails. C++ nodes on 127.0.0.1 only.

#include "core/dht/rpc/DhtNode.h"
#include "core/dht/rpc/NodeId.h"

#include <QDeadlineTimer>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace pluresdb;
using namespace pluresdb::dht::rpc;

namespace {

bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return done();
}

quint16 freeUdpPort() {
    QUdpSocket s;
    s.bind(QHostAddress(QStringLiteral("127.0.0.1")), 0);
    return s.localPort();
}

bool contains(const std::vector<Ipv4Address>& v, const Ipv4Address& a) {
    return std::find(v.begin(), v.end(), a) != v.end();
}

DhtNodeOptions options(const QString& bootstrap, int tickMs, std::optional<bool> ephemeral = false) {
    DhtNodeOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.bootstrap = {bootstrap};
    o.useDefaultBootstrap = false;
    o.ephemeral = ephemeral;
    o.maintenanceTickMs = tickMs;
    return o;
}

std::unique_ptr<DhtNode> startBootstrapper(int tickMs, QString* address) {
    DhtNodeOptions b;
    b.host = QStringLiteral("127.0.0.1");
    b.port = freeUdpPort();
    b.bootstrapper = true;
    b.useDefaultBootstrap = false;
    b.maintenanceTickMs = tickMs;
    auto node = std::make_unique<DhtNode>(b);
    if (!node->start() || !waitFor([&] { return node->isBootstrapped(); }, 20000))
        return nullptr;
    *address = QStringLiteral("127.0.0.1:%1").arg(b.port);
    return node;
}

}  // namespace

class TestDhtNodeMaintenance : public QObject {
    Q_OBJECT
private slots:
    /// A node that goes away leaves the others' tables through the periodic pings (every 8 ticks,
    /// §2.7), while live nodes stay.
    void deadNodesArePingedOut() {
        QString boot;
        auto bootstrapper = startBootstrapper(50, &boot);
        QVERIFY(bootstrapper);
        std::vector<std::unique_ptr<DhtNode>> nodes;
        for (int i = 0; i < 3; ++i) {
            nodes.push_back(std::make_unique<DhtNode>(options(boot, 50)));
            QVERIFY(nodes.back()->start());
            QVERIFY(waitFor([&] { return nodes.back()->isBootstrapped(); }, 30000));
        }
        const Ipv4Address gone = nodes[2]->localServerAddress();
        QVERIFY(waitFor([&] { return contains(bootstrapper->routingTableNodes(), gone); }, 10000));
        nodes[2]->destroy();
        QVERIFY(waitFor(
            [&] {
                return !contains(bootstrapper->routingTableNodes(), gone) &&
                       !contains(nodes[0]->routingTableNodes(), gone);
            },
            40000));
        QVERIFY(waitFor(
            [&] { return contains(bootstrapper->routingTableNodes(), nodes[0]->localServerAddress()); },
            20000));
    }

    /// An adaptive node (ephemeral not given) stays ephemeral through bootstrap and turns
    /// persistent once 240 ticks have passed without trouble (§2.8), with the id of its server
    /// address; other nodes then take it into their tables.
    void adaptiveNodeBecomesPersistent() {
        QString boot;
        auto bootstrapper = startBootstrapper(5000, &boot);
        QVERIFY(bootstrapper);
        DhtNode other(options(boot, 5000));
        QVERIFY(other.start());
        QVERIFY(waitFor([&] { return other.isBootstrapped(); }, 30000));

        DhtNode adaptive(options(boot, 20, std::nullopt));
        bool persistentSignal = false;
        connect(&adaptive, &DhtNode::persistent, this, [&] { persistentSignal = true; });
        QVERIFY(adaptive.start());
        QVERIFY(waitFor([&] { return adaptive.isBootstrapped(); }, 30000));
        QVERIFY(adaptive.isEphemeral());
        QVERIFY(!adaptive.isFirewalled());  // the quick PING_NAT check passed on loopback
        QVERIFY(waitFor([&] { return persistentSignal; }, 60000));
        QVERIFY(!adaptive.isEphemeral());
        QCOMPARE(adaptive.id(), nodeIdFor(adaptive.localServerAddress()));
        // Its next messages carry the id: the others add it.
        adaptive.refresh();
        QVERIFY(waitFor(
            [&] { return contains(bootstrapper->routingTableNodes(), adaptive.localServerAddress()); },
            20000));
    }

    /// A full row: the newcomer is not inserted; the oldest member (not pinged this tick) is
    /// pinged, and as it does not answer it is evicted and the newcomer takes its place (§2.7).
    void fullRowEvictsUnresponsiveOldest() {
        QString boot;
        auto node = startBootstrapper(200, &boot);
        QVERIFY(node);
        // Addresses whose ids land in row 0 (first bit differs from ours); nobody listens there.
        std::vector<Ipv4Address> row0;
        for (quint16 port = 20000; row0.size() < 21 && port < 60000; ++port) {
            Ipv4Address a;
            a.host = {127, 0, 0, 1};
            a.port = port;
            if ((uint8_t(nodeIdFor(a)[0]) ^ uint8_t(node->id()[0])) & 0x80)
                row0.push_back(a);
        }
        QCOMPARE(int(row0.size()), 21);
        for (int i = 0; i < 20; ++i)
            node->addNode(row0[std::size_t(i)]);
        QCOMPARE(node->routingTableSize(), 20);
        node->addNode(row0[20]);
        QCOMPARE(node->routingTableSize(), 20);
        QVERIFY(!contains(node->routingTableNodes(), row0[20]));
        QTest::qWait(500);  // the members were all pinged (added) in the tick they arrived: wait a tick
        node->addNode(row0[20]);
        QVERIFY(waitFor([&] { return contains(node->routingTableNodes(), row0[20]); }, 20000));
        QVERIFY(node->routingTableSize() <= 20);
    }
};

QTEST_GUILESS_MAIN(TestDhtNodeMaintenance)
#include "test_dht_node_maintenance.moc"
