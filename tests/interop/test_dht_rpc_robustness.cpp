// A C++ dht-rpc node under a misbehaving Node sender (spec/hyperdht.md §2.2, §2.4, §2.6):
// garbage and truncated datagrams are dropped and counted, unknown commands get UNKNOWN_COMMAND
// (+closerNodes), a forged token gets INVALID_TOKEN with a fresh token, a response forged from an
// address the request did not go to is ignored and counted while the genuine one completes the
// request — and the node keeps answering throughout. 127.0.0.1 only; the sender is dht_rpc_attacker.js.

#include "core/dht/rpc/DhtNode.h"
#include "core/dht/rpc/RpcWire.h"
#include "core/transport/udx/UdxSocket.h"
#include "tests/interop/DhtRpcPeer.h"

#include <QTest>

using namespace pluresdb;
using namespace pluresdb::dht::rpc;
using pluresdb::test::dhtrpc::NodeDhtPeer;
using pluresdb::test::dhtrpc::waitFor;

class TestDhtRpcRobustness : public QObject {
    Q_OBJECT
private slots:
    void rejectsAndCountsBadInput() {
        DhtNodeOptions o;
        o.host = QStringLiteral("127.0.0.1");
        o.useDefaultBootstrap = false;  // alone: no bootstrap nodes at all
        DhtNode node(o);
        QVERIFY(node.start());
        QVERIFY(waitFor([&] { return node.isBootstrapped(); }, 30000));
        Ipv4Address neighbour;
        neighbour.host = {127, 0, 0, 1};
        neighbour.port = 9;  // discard port: a table entry so that closerNodes are non-empty
        node.addNode(neighbour);
        QCOMPARE(node.routingTableSize(), 1);

        NodeDhtPeer attacker(QJsonObject{{QStringLiteral("node"), node.localServerAddress().toString()}},
                             QStringLiteral("dht_rpc_attacker.js"));
        const QJsonObject ready = attacker.waitReady();
        QVERIFY2(ready.value(QStringLiteral("ready")).toBool(), attacker.stderrText().constData());

        Ipv4Address genuine;
        genuine.host = {127, 0, 0, 1};
        genuine.port = quint16(ready.value(QStringLiteral("genuine")).toInt());
        std::optional<RequestResult> ping;
        RpcRequest p;
        p.internal = true;
        p.command = kCommandPing;
        node.request(p, genuine, RequestOptions{}, [&](const RequestResult& r) { ping = r; });

        const QJsonObject summary = attacker.waitReady(60000);
        QVERIFY2(summary.value(QStringLiteral("forged")).toBool(), attacker.stderrText().constData());
        const QJsonObject replies = summary.value(QStringLiteral("replies")).toObject();

        // The forged response was ignored; the genuine one completed the request.
        QVERIFY(waitFor([&] { return ping.has_value(); }, 10000));
        QCOMPARE(int(ping->status), int(RequestStatus::Response));
        QCOMPARE(ping->response->to.toString(),
                 QStringLiteral("127.0.0.1:%1")
                     .arg(node.clientSocket()->localPort()));  // not the forger's 6.6.6.6
        QCOMPARE(node.stats().wrongAddress, quint64(1));

        // Truncated datagrams got no answer, and were counted.
        QVERIFY(!replies.contains(QStringLiteral("4")));
        QCOMPARE(node.stats().undecodable, quint64(1 + 1 + 1 + 20));
        QCOMPARE(node.stats().ignored, quint64(1));

        const QJsonObject unknownInternal = replies.value(QStringLiteral("5")).toObject();
        QCOMPARE(unknownInternal.value(QStringLiteral("error")).toInt(), int(kErrorUnknownCommand));
        QCOMPARE(unknownInternal.value(QStringLiteral("closerNodes")).toInt(), 1);
        const QJsonObject unknownApp = replies.value(QStringLiteral("6")).toObject();
        QCOMPARE(unknownApp.value(QStringLiteral("error")).toInt(), int(kErrorUnknownCommand));
        QCOMPARE(unknownApp.value(QStringLiteral("closerNodes")).toInt(), 1);
        QCOMPARE(node.stats().unknownCommands, quint64(2));

        const QJsonObject badToken = replies.value(QStringLiteral("7")).toObject();
        QCOMPARE(badToken.value(QStringLiteral("error")).toInt(), int(kErrorInvalidToken));
        QVERIFY(badToken.value(QStringLiteral("token")).toBool());
        QCOMPARE(node.stats().invalidTokens, quint64(1));

        // Still serving: the PING after all that was answered (ephemeral: no id).
        const QJsonObject pong = replies.value(QStringLiteral("8")).toObject();
        QCOMPARE(pong.value(QStringLiteral("error")).toInt(), 0);
        QVERIFY(!pong.value(QStringLiteral("id")).toBool());
    }
};

QTEST_GUILESS_MAIN(TestDhtRpcRobustness)
#include "test_dht_rpc_robustness.moc"
