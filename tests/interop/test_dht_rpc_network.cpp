// A private DHT made of C++ nodes only — `pluresdb-cli bootstrap` plus C++ persistent nodes —
// that Node dht-rpc and hyperdht nodes join (spec/hyperdht.md §2.8, §2.9): the Node nodes become
// persistent through our NAT samples and PING_NAT replies, put our persistent nodes in their
// routing tables (so the ids we write on server-socket messages are right), find each other through
// us, and their FIND_NODE queries succeed. 127.0.0.1 only.

#include "core/dht/rpc/DhtNode.h"
#include "core/dht/rpc/NodeId.h"
#include "core/dht/rpc/RpcWire.h"
#include "tests/interop/DhtRpcPeer.h"
#include "tests/support/TestSupport.h"

#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace pluresdb;
using namespace pluresdb::dht::rpc;
using pluresdb::test::dhtrpc::NodeDhtPeer;
using pluresdb::test::dhtrpc::waitFor;

namespace {

quint16 freeUdpPort() {
    QUdpSocket s;
    s.bind(QHostAddress(QStringLiteral("127.0.0.1")), 0);
    return s.localPort();
}

QSet<QString> stringSet(const QJsonValue& v) {
    QSet<QString> out;
    for (const auto& e : v.toArray())
        out.insert(e.toString());
    return out;
}

QString local(quint16 port) {
    return QStringLiteral("127.0.0.1:%1").arg(port);
}

}  // namespace

class TestDhtRpcNetwork : public QObject {
    Q_OBJECT
private slots:
    /// Node nodes (dht-rpc and hyperdht, forced persistent) bootstrap from our CLI bootstrap node
    /// and three C++ persistent nodes; every Node node turns persistent, has ≥ 2 of our persistent
    /// nodes and ≥ 1 other Node node in its table, and its FIND_NODE query gets replies; our nodes
    /// have the Node nodes in theirs.
    void nodeNodesJoinOurNetwork() {
        const quint16 bootPort = freeUdpPort();
        QProcess boot;
        boot.start(test::cliPath(),
                   {QStringLiteral("bootstrap"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                    QStringLiteral("--port"), QString::number(bootPort)});
        QVERIFY(waitFor([&] { return boot.canReadLine(); }, 30000));
        QCOMPARE(boot.readLine().trimmed(),
                 QStringLiteral("BOOTSTRAP 127.0.0.1:%1").arg(bootPort).toLatin1());

        std::vector<std::unique_ptr<DhtNode>> ours;
        for (int i = 0; i < 3; ++i) {
            DhtNodeOptions o;
            o.host = QStringLiteral("127.0.0.1");
            o.bootstrap = {local(bootPort)};
            o.useDefaultBootstrap = false;
            o.ephemeral = false;
            ours.push_back(std::make_unique<DhtNode>(o));
            QVERIFY(ours.back()->start());
            QVERIFY2(waitFor([&] { return ours.back()->isBootstrapped(); }, 60000),
                     "C++ node did not bootstrap");
            QVERIFY2(!ours.back()->isEphemeral(), "C++ node did not become persistent");
            QVERIFY(!ours.back()->isFirewalled());
            QCOMPARE(ours.back()->id(), nodeIdFor(ours.back()->localServerAddress()));
        }
        QSet<QString> ourAddresses;
        for (const auto& n : ours)
            ourAddresses.insert(n->localServerAddress().toString());

        NodeDhtPeer rpcNodes(QJsonObject{{QStringLiteral("bootstrap"), QJsonArray{local(bootPort)}},
                                         {QStringLiteral("nodes"), 3},
                                         {QStringLiteral("ephemeral"), false},
                                         {QStringLiteral("kind"), QStringLiteral("dht-rpc")}});
        QVERIFY2(rpcNodes.waitReady().value(QStringLiteral("ready")).toBool(),
                 rpcNodes.stderrText().constData());
        NodeDhtPeer hyperNodes(QJsonObject{{QStringLiteral("bootstrap"), QJsonArray{local(bootPort)}},
                                           {QStringLiteral("nodes"), 2},
                                           {QStringLiteral("ephemeral"), false},
                                           {QStringLiteral("kind"), QStringLiteral("hyperdht")}});
        QVERIFY2(hyperNodes.waitReady().value(QStringLiteral("ready")).toBool(),
                 hyperNodes.stderrText().constData());

        // Tables settle as the nodes talk; poll until every Node node sees ours and another Node node.
        QJsonArray tables;
        QSet<QString> nodeAddresses;
        auto settled = [&] {
            tables = rpcNodes.command("tables").value(QStringLiteral("tables")).toArray();
            for (const auto& t : hyperNodes.command("tables").value(QStringLiteral("tables")).toArray())
                tables.append(t);
            nodeAddresses.clear();
            for (const auto& t : tables)
                nodeAddresses.insert(local(quint16(t.toObject().value(QStringLiteral("port")).toInt())));
            for (const auto& t : tables) {
                const QJsonObject o = t.toObject();
                const QSet<QString> table = stringSet(o.value(QStringLiteral("table")));
                if (o.value(QStringLiteral("ephemeral")).toBool() || (table & ourAddresses).size() < 2 ||
                    (table & nodeAddresses).isEmpty())
                    return false;
            }
            return tables.size() == 5;
        };
        bool ok = false;
        for (int i = 0; i < 30 && !(ok = settled()); ++i)
            QTest::qWait(1000);
        QVERIFY2(ok, QJsonDocument(tables).toJson().constData());

        // Our persistent nodes hold Node nodes too.
        for (const auto& n : ours) {
            int nodeNodes = 0;
            for (const auto& a : n->routingTableNodes())
                nodeNodes += nodeAddresses.contains(a.toString());
            QVERIFY(nodeNodes >= 1);
        }

        // Every Node node's FIND_NODE query succeeds through this network.
        QByteArray target(32, '\0');
        for (auto& c : target)
            c = char(QRandomGenerator::global()->bounded(256));
        for (NodeDhtPeer* peer : {&rpcNodes, &hyperNodes}) {
            const QJsonArray results =
                peer->command("findnode " + target.toHex()).value(QStringLiteral("findnode")).toArray();
            QVERIFY(!results.isEmpty());
            for (const auto& r : results) {
                const QJsonObject o = r.toObject();
                QVERIFY2(!o.contains(QStringLiteral("error")),
                         qPrintable(o.value(QStringLiteral("error")).toString()));
                QVERIFY(o.value(QStringLiteral("replies")).toInt() >= 3);
                QVERIFY(o.value(QStringLiteral("closest")).toArray().size() >= 3);
            }
        }
        for (const auto& n : ours)
            QCOMPARE(n->stats().undecodable, quint64(0));

        boot.terminate();
        QVERIFY(boot.waitForFinished(10000));
        QCOMPARE(boot.exitStatus(), QProcess::NormalExit);
        QCOMPARE(boot.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDhtRpcNetwork)
#include "test_dht_rpc_network.moc"
