// Sync over the swarm (issue #7) on a Node hyperdht testnet on 127.0.0.1: `pluresdb-cli sync --key K
// --bootstrap …` nodes find each other on topic SHA-256(hex key) and converge (2, 3 and 8 nodes,
// conflicting writes, deletes, a node offline during writes that rejoins); a node with another key
// sees nothing; a Node hyperswarm peer on the topic without the key is refused and learns nothing;
// a WebSocket-only node converges with swarm nodes through a node that has both.

#include "HyperDhtNodePeer.h"
#include "SwarmTestSupport.h"
#include "core/sync/SwarmSync.h"
#include "tests/unit/sync/SyncCliNode.h"

#include <QJsonArray>

using namespace pluresdb;
using namespace pluresdb::test;
using pluresdb::test::hyperdht::NodeDhtPeer;

namespace {
const QString kKey = QStringLiteral("5b7e1f0a9c3d2e4f6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f");
const QString kOtherKey = QStringLiteral("0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0");
}  // namespace

class TestSyncSwarm : public QObject {
    Q_OBJECT

    std::unique_ptr<NodeDhtPeer> m_node;
    QStringList m_bootstrap;
    QTemporaryDir m_dir;

    QString db(const QString& name) { return m_dir.filePath(name); }
    QStringList swarmArgs() { return {QStringLiteral("--bootstrap"), m_bootstrap.join(QLatin1Char(','))}; }

    // On a failure: each node's events and swarm trace (PLURESDB_SWARM_TRACE) for the log.
    static void dumpNodes(const std::vector<SyncCliNode*>& nodes) {
        for (SyncCliNode* n : nodes)
            qWarning().noquote() << "node: events" << n->eventNames().join(',') << "\n"
                                 << QString::fromUtf8(n->stderrText().right(20000));
    }

    static bool converged(std::vector<std::unique_ptr<SyncCliNode>>& nodes, int records) {
        QString first;
        for (auto& n : nodes) {
            if (n->count() != records)
                return false;
            const QString d = n->digest();
            if (first.isEmpty())
                first = d;
            else if (d != first)
                return false;
        }
        return true;
    }

    void convergeN(int n, const QString& tag) {
        std::vector<std::unique_ptr<SyncCliNode>> nodes;
        for (int i = 0; i < n; ++i) {
            nodes.push_back(std::make_unique<SyncCliNode>());
            QVERIFY(nodes.back()->startCli(db(tag + QString::number(i)), kKey, swarmArgs()));
            QVERIFY(nodes.back()->waitEventNamed(QStringLiteral("swarm"), 30'000));
        }
        for (int i = 0; i < n; ++i)
            QVERIFY(nodes[i]->put(QStringLiteral("%1-%2").arg(tag).arg(i), {{"from", i}}).isObject());
        // Concurrent conflicting writes to one record.
        for (int i = 0; i < n; ++i)
            QVERIFY(
                nodes[i]
                    ->put(QStringLiteral("%1-shared").arg(tag), {{"v", i}, {"k" + QString::number(i), true}})
                    .isObject());
        const bool ok = SyncCliNode::waitUntil([&] { return converged(nodes, n + 1); }, 120'000);
        QString why;
        if (!ok) {
            std::vector<SyncCliNode*> raw;
            for (auto& node : nodes)
                raw.push_back(node.get());
            dumpNodes(raw);
        }
        if (!ok)
            for (auto& node : nodes)
                why += QStringLiteral("[%1 records, events %2] ")
                           .arg(node->count())
                           .arg(node->eventNames().join(','));
        QVERIFY2(ok, qPrintable(why));
        // A delete spreads too.
        QVERIFY(nodes[0]->command({{"op", "delete"}, {"id", tag + "-0"}}).isObject() || true);
        QVERIFY(SyncCliNode::waitUntil([&] { return converged(nodes, n); }, 60'000));
        for (auto& node : nodes)
            node->stop();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        qputenv("PLURESDB_SWARM_TRACE", "1");  // the nodes' swarm decisions, printed on a failure
        m_node = std::make_unique<NodeDhtPeer>(QStringLiteral("hyperswarm_peer.js"));
        const QJsonObject t = m_node->call(swarmtest::op("testnet", {{"size", 5}}));
        QVERIFY2(t.value("ok").toBool(), qPrintable(t.value("error").toString()));
        m_bootstrap = NodeDhtPeer::strings(t.value("bootstrap"));
    }

    void topicIsSha256OfTheHexKey() {
        QCOMPARE(sync::swarmTopicForKey(kKey), crypto::sha256(kKey.toLatin1()));
    }

    void twoNodesConverge() { convergeN(2, QStringLiteral("two")); }

    /// Three nodes converge; one goes offline, writes happen, it rejoins and catches up. A node with
    /// another key on the same DHT sees none of it.
    void threeNodesWithOfflineRejoinAndOtherKey() {
        std::vector<std::unique_ptr<SyncCliNode>> nodes;
        for (int i = 0; i < 3; ++i) {
            nodes.push_back(std::make_unique<SyncCliNode>());
            QVERIFY(nodes.back()->startCli(db(QStringLiteral("three%1").arg(i)), kKey, swarmArgs()));
        }
        SyncCliNode other;
        QVERIFY(other.startCli(db(QStringLiteral("other")), kOtherKey, swarmArgs()));
        for (int i = 0; i < 3; ++i)
            QVERIFY(nodes[i]->put(QStringLiteral("t%1").arg(i), {{"i", i}}).isObject());
        QVERIFY(SyncCliNode::waitUntil([&] { return converged(nodes, 3); }, 120'000));
        nodes[2]->stop();
        QVERIFY(nodes[0]->put(QStringLiteral("while-offline-a"), {{"x", 1}}).isObject());
        QVERIFY(nodes[1]->put(QStringLiteral("while-offline-b"), {{"x", 2}}).isObject());
        const bool pairConverged = SyncCliNode::waitUntil(
            [&] {
                return nodes[0]->count() == 5 && nodes[1]->count() == 5 &&
                       nodes[0]->digest() == nodes[1]->digest();
            },
            60'000);
        if (!pairConverged)
            dumpNodes({nodes[0].get(), nodes[1].get()});
        QVERIFY(pairConverged);
        nodes[2] = std::make_unique<SyncCliNode>();
        QVERIFY(nodes[2]->startCli(db(QStringLiteral("three2")), kKey, swarmArgs()));
        QVERIFY(SyncCliNode::waitUntil([&] { return converged(nodes, 5); }, 120'000));
        QCOMPARE(other.count(), 0);
        QVERIFY(!other.eventNames().contains(QStringLiteral("peer:connected")));
        other.stop();
        for (auto& node : nodes)
            node->stop();
    }

    void eightNodesConverge() { convergeN(8, QStringLiteral("eight")); }

    /// A Node hyperswarm peer that joins the topic without the key: refused, nothing it sends is
    /// applied, none of the data reaches it, and an event says so.
    void nodePeerWithoutKeyIsRefused() {
        SyncCliNode a;
        QVERIFY(a.startCli(db(QStringLiteral("refuse")), kKey, swarmArgs()));
        QVERIFY(a.waitEventNamed(QStringLiteral("swarm"), 30'000));
        QVERIFY(a.put(QStringLiteral("secret-record"), {{"secret", "the-secret-value-123"}}).isObject());
        const QJsonObject s = m_node->call(
            swarmtest::op("swarm", {{"bootstrap", QJsonArray::fromStringList(m_bootstrap)},
                                    {"topic", QString::fromLatin1(sync::swarmTopicForKey(kKey).toHex())},
                                    {"bytes", 4096}}));
        QVERIFY2(s.value("ok").toBool(), qPrintable(s.value("error").toString()));
        const QString nodeKey = s.value("publicKey").toString();
        QVERIFY2(a.waitEvent(
                     [&](const QJsonObject& e) {
                         return e.value("event") == "error" && e.value("peer").toString().contains(nodeKey);
                     },
                     60'000),
                 qPrintable(a.eventNames().join(',')));
        QTest::qWait(1000);
        QCOMPARE(a.count(), 1);  // nothing applied
        const QJsonObject st = m_node->call(swarmtest::op("status", {{"swarm", s.value("swarm").toInt()}}));
        const QByteArray received = QByteArray::fromBase64(st.value("received").toString().toLatin1());
        QVERIFY(!received.contains("the-secret-value-123"));
        QVERIFY(!received.contains("secret-record"));
        (void)m_node->call(swarmtest::op("destroy", {{"swarm", s.value("swarm").toInt()}}));
        a.stop();
    }

    /// A PluresDB 2.x peer (tests/interop/legacy_json_peer.js) that joins the key's topic with Node
    /// hyperswarm, as 2.x does, syncs both ways with a node that has --legacy-json; a node without
    /// the option refuses it and nothing of its data reaches it.
    void legacyJsonPeerOverTheSwarm() {
        const QString topic = QString::fromLatin1(sync::swarmTopicForKey(kKey).toHex());
        const QString script = qEnvironmentVariable("PLURESDB_INTEROP_DIR") + "/legacy_json_peer.js";
        {
            SyncCliNode c, legacy;
            QVERIFY(c.startCli(db(QStringLiteral("legacy-on")), kKey,
                               swarmArgs() + QStringList{"--legacy-json"}));
            QVERIFY(c.put(QStringLiteral("from-cpp"), {{"name", "C++"}}).isObject());
            QVERIFY(legacy.start("node", {script, "swarm", topic, m_bootstrap.join(QLatin1Char(','))}));
            QVERIFY(legacy.put(QStringLiteral("from-2x"), {{"name", "2.x"}}).isObject());
            QVERIFY2(
                SyncCliNode::waitUntil(
                    [&] {
                        return c.command({{"op", "get"}, {"id", "from-2x"}}).toObject().value("name") ==
                                   "2.x" &&
                               legacy.command({{"op", "get"}, {"id", "from-cpp"}}).toObject().value("name") ==
                                   "C++";
                    },
                    120'000),
                qPrintable(c.eventNames().join(',') + " / " + legacy.eventNames().join(',')));
            QVERIFY(c.waitEvent([](const QJsonObject& e) {
                return e.value("event") == "peer:connected" && e.value("legacyJson").toBool();
            }));
            // Live writes after the snapshot, both ways.
            QVERIFY(c.put(QStringLiteral("live-cpp"), {{"v", 1}}).isObject());
            QVERIFY(legacy.put(QStringLiteral("live-2x"), {{"v", 2}}).isObject());
            QVERIFY(SyncCliNode::waitUntil([&] {
                return c.command({{"op", "get"}, {"id", "live-2x"}}).toObject().value("v").toInt() == 2 &&
                       legacy.command({{"op", "get"}, {"id", "live-cpp"}}).toObject().value("v").toInt() == 1;
            }));
            legacy.stop();
            c.stop();
        }
        {
            SyncCliNode c, legacy;
            QVERIFY(c.startCli(db(QStringLiteral("legacy-off")), kKey, swarmArgs()));
            QVERIFY(c.put(QStringLiteral("private"), {{"secret", "not-for-2x"}}).isObject());
            QVERIFY(legacy.start("node", {script, "swarm", topic, m_bootstrap.join(QLatin1Char(','))}));
            QVERIFY(legacy.put(QStringLiteral("pushed"), {{"v", 1}}).isObject());
            QVERIFY2(c.waitEvent(
                         [](const QJsonObject& e) {
                             return e.value("event") == "error" &&
                                    e.value("message").toString().contains("legacy JSON is off");
                         },
                         60'000),
                     qPrintable(c.eventNames().join(',')));
            QTest::qWait(1000);
            QVERIFY(c.command({{"op", "get"}, {"id", "pushed"}}).isNull());
            QVERIFY(legacy.command({{"op", "get"}, {"id", "private"}}).isNull());
            legacy.stop();
            c.stop();
        }
    }

    /// A node reachable only over the WebSocket mesh converges with a swarm-only node through a
    /// node that has both.
    void webSocketOnlyNodeBridgedToSwarm() {
        SyncCliNode bridge, swarmOnly, wsOnly;
        QVERIFY(bridge.startCli(db(QStringLiteral("bridge")), kKey,
                                swarmArgs() + QStringList{"--serve-ws", "127.0.0.1:0"}));
        const QString url = bridge.listening(QStringLiteral("ws"));
        QVERIFY(!url.isEmpty());
        QVERIFY(swarmOnly.startCli(db(QStringLiteral("swarm-only")), kKey, swarmArgs()));
        QVERIFY(wsOnly.startCli(db(QStringLiteral("ws-only")), kKey, {"--connect-ws", url}));
        QVERIFY(wsOnly.put(QStringLiteral("from-ws"), {{"w", 1}}).isObject());
        QVERIFY(swarmOnly.put(QStringLiteral("from-swarm"), {{"s", 1}}).isObject());
        QVERIFY(SyncCliNode::waitUntil(
            [&] {
                return wsOnly.count() == 2 && swarmOnly.count() == 2 && bridge.count() == 2 &&
                       wsOnly.digest() == swarmOnly.digest();
            },
            120'000));
        wsOnly.stop();
        swarmOnly.stop();
        bridge.stop();
    }

    void cleanupTestCase() { m_node.reset(); }
};

QTEST_GUILESS_MAIN(TestSyncSwarm)
#include "test_sync_swarm.moc"
