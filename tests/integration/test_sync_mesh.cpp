// `pluresdb-cli sync` nodes over the WebSocket mesh on 127.0.0.1 (secret-stream over binary
// frames), driven exactly as other tools drive them: a chain A - B - C where B bridges (writes,
// concurrent conflicting writes, field and record deletes), C offline during writes and rejoining,
// a node with another key refused and seeing nothing, stats that add up at both ends, 8 nodes
// converging, and --bootstrap reported as unavailable rather than faked.

#include "tests/unit/sync/SyncCliNode.h"

#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace pluresdb::test;

namespace {
const QString kKey = QStringLiteral("5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e");
const QString kOtherKey = QStringLiteral("0badc0de0badc0de0badc0de0badc0de0badc0de0badc0de0badc0de0badc0de");

bool allEqual(const QList<SyncCliNode*>& nodes) {
    const QString d = nodes.first()->digest();
    if (d.isEmpty())
        return false;
    for (auto* n : nodes)
        if (n->digest() != d)
            return false;
    return true;
}
}  // namespace

class TestSyncMesh : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp{fastTempRoot()};
    QString db(const QString& name) { return m_tmp.path() + "/" + name; }

private slots:
    /// A - B - C over WebSocket: writes anywhere reach everyone through B; conflicting writes and
    /// deletes settle the same everywhere; C misses writes while offline and catches up on rejoin.
    void chainBridgesAndOfflineRejoin() {
        SyncCliNode a, b, c;
        QVERIFY(a.startCli(db("A"), kKey, {"--serve-ws", "127.0.0.1:0"}));
        const QString urlA = a.listening("ws");
        QVERIFY(!urlA.isEmpty());
        QVERIFY(b.startCli(db("B"), kKey, {"--serve-ws", "127.0.0.1:0", "--connect-ws", urlA}));
        const QString urlB = b.listening("ws");
        QVERIFY(c.startCli(db("C"), kKey, {"--connect-ws", urlB}));
        QVERIFY(a.waitEventNamed("peer:connected"));
        QVERIFY(c.waitEventNamed("peer:connected"));
        QVERIFY(c.waitEventNamed("sync:complete"));

        QVERIFY(a.put("fromA", {{"v", "a"}, {"shared", "a"}}).isObject());
        QVERIFY(c.put("fromC", {{"v", "c"}, {"shared", "c"}}).isObject());
        QVERIFY(c.put("doomed", {{"v", 1}, {"field", "x"}}).isObject());
        QVERIFY(SyncCliNode::waitUntil([&] { return allEqual({&a, &b, &c}) && a.count() == 3; }));
        QCOMPARE(c.command({{"op", "get"}, {"id", "fromA"}}).toObject().value("v").toString(),
                 QStringLiteral("a"));
        // Concurrent conflicting writes of one field at both ends of the chain.
        a.put("conflict", {{"f", "from-a"}});
        c.put("conflict", {{"f", "from-c"}});
        // A field delete and a record delete.
        a.put("doomed", {{"field", QJsonValue::Null}});
        c.command({{"op", "delete"}, {"id", "fromA"}});
        QVERIFY(SyncCliNode::waitUntil([&] { return allEqual({&a, &b, &c}); }));
        const QJsonValue winnerA = a.command({{"op", "get"}, {"id", "conflict"}});
        QCOMPARE(c.command({{"op", "get"}, {"id", "conflict"}}), winnerA);
        QVERIFY(a.command({{"op", "get"}, {"id", "fromA"}}).isNull());
        QVERIFY(!c.command({{"op", "get"}, {"id", "doomed"}}).toObject().contains("field"));

        // C goes offline; A writes; C comes back with its database and catches up through B.
        c.stop();
        QVERIFY(b.waitEventNamed("peer:disconnected"));
        for (int i = 0; i < 20; ++i)
            a.put(QStringLiteral("offline%1").arg(i), {{"i", i}});
        SyncCliNode c2;
        QVERIFY(c2.startCli(db("C"), kKey, {"--connect-ws", urlB}));
        QVERIFY(SyncCliNode::waitUntil([&] { return allEqual({&a, &b, &c2}); }));
        QCOMPARE(c2.count(), a.count());
        QVERIFY(c2.waitEventNamed("sync:complete"));
    }

    /// A node with another key: refused with an error event at both ends, sees none of the data,
    /// and none of its data is applied.
    void otherKeyRefused() {
        SyncCliNode a, x;
        QVERIFY(a.startCli(db("K1"), kKey, {"--serve-ws", "127.0.0.1:0"}));
        a.put("secret", {{"v", 1}});
        QVERIFY(x.startCli(db("K2"), kOtherKey, {"--connect-ws", a.listening("ws")}));
        x.put("intruder", {{"v", 2}});
        auto refused = [](const QJsonObject& e) {
            return e.value("event") == "error" && e.value("kind") == "refused";
        };
        QVERIFY(a.waitEvent(refused));
        QVERIFY(x.waitEvent(refused));
        QVERIFY(!a.eventNames().contains("peer:connected"));
        QVERIFY(!x.eventNames().contains("peer:connected"));
        QCOMPARE(x.count(), 1);
        QCOMPARE(a.count(), 1);
        QVERIFY(x.command({{"op", "get"}, {"id", "secret"}}).isNull());
        QCOMPARE(a.command({{"op", "stats"}}).toObject().value("opsSent").toInt(), 0);
    }

    /// Events in order and stats that add up: what one end sent is what the other received.
    void statsAddUpAtBothEnds() {
        SyncCliNode a, b;
        QVERIFY(a.startCli(db("S1"), kKey, {"--serve-ws", "127.0.0.1:0"}));
        for (int i = 0; i < 100; ++i)
            a.put(QStringLiteral("r%1").arg(i), {{"i", i}});
        QVERIFY(b.startCli(db("S2"), kKey, {"--connect-ws", a.listening("ws")}));
        b.put("fromB", {{"v", 1}});
        QVERIFY(b.waitEventNamed("sync:complete"));
        QVERIFY(a.waitEventNamed("sync:complete"));
        const QStringList names = b.eventNames();
        QVERIFY(names.indexOf("peer:connected") < names.indexOf("sync:complete"));
        auto peerStats = [](SyncCliNode& n) {
            return n.command({{"op", "peers"}}).toArray().first().toObject().value("stats").toObject();
        };
        QVERIFY(SyncCliNode::waitUntil([&] {
            const auto sa = peerStats(a), sb = peerStats(b);
            return sa.value("messagesSent") == sb.value("messagesReceived") &&
                   sb.value("messagesSent") == sa.value("messagesReceived") &&
                   sa.value("bytesTransmitted") == sb.value("bytesReceived") &&
                   sb.value("bytesTransmitted") == sa.value("bytesReceived");
        }));
        const auto sa = peerStats(a), sb = peerStats(b);
        QCOMPARE(sa.value("opsSent").toInt(), 100);
        QCOMPARE(sb.value("opsReceived").toInt(), 100);
        QCOMPARE(sb.value("opsSent").toInt(), 1);
        QCOMPARE(sa.value("opsReceived").toInt(), 1);
        // Both ends stop: peer:disconnected at the one that stays.
        b.stop();
        QVERIFY(a.waitEventNamed("peer:disconnected"));
        const QStringList an = a.eventNames();
        QVERIFY(an.indexOf("peer:connected") < an.indexOf("peer:disconnected"));
    }

    /// Eight nodes (one hub, seven spokes, two of them also chained) converge on every write.
    void eightNodesConverge() {
        std::vector<std::unique_ptr<SyncCliNode>> nodes;
        nodes.push_back(std::make_unique<SyncCliNode>());
        QVERIFY(nodes[0]->startCli(db("E0"), kKey, {"--serve-ws", "127.0.0.1:0"}));
        const QString hub = nodes[0]->listening("ws");
        for (int i = 1; i < 8; ++i) {
            nodes.push_back(std::make_unique<SyncCliNode>());
            QVERIFY(nodes.back()->startCli(db(QStringLiteral("E%1").arg(i)), kKey, {"--connect-ws", hub}));
        }
        for (int i = 0; i < 8; ++i)
            nodes[i]->put(QStringLiteral("from%1").arg(i), {{"i", i}});
        QList<SyncCliNode*> all;
        for (auto& n : nodes)
            all << n.get();
        QVERIFY(SyncCliNode::waitUntil([&] { return allEqual(all) && nodes[7]->count() == 8; }, 120000));
    }

    /// PluresDB 2.x JSON over WebSocket text frames: with --legacy-json a text client gets our
    /// records as puts and its put lands; without the option it is refused with an event.
    void jsonOverTextFrames() {
        for (bool legacy : {true, false}) {
            SyncCliNode a;
            QStringList args{"--serve-ws", "127.0.0.1:0"};
            if (legacy)
                args << "--legacy-json";
            QVERIFY(a.startCli(db(legacy ? "T1" : "T2"), kKey, args));
            a.put("ours", {{"v", 1}});
            QWebSocket ws;
            QStringList received;
            connect(&ws, &QWebSocket::textMessageReceived, this, [&](const QString& t) { received << t; });
            ws.open(QUrl(a.listening("ws")));
            QTRY_VERIFY_WITH_TIMEOUT(ws.state() == QAbstractSocket::ConnectedState, 30000);
            ws.sendTextMessage(R"({"type":"sync_request","originId":"textpeer"})");
            ws.sendTextMessage(R"({"type":"put","originId":"textpeer","node":{"id":"theirs","data":{"w":2},)"
                               R"("timestamp":1700000000000,"state":{"w":1700000000000},"vectorClock":{}}})");
            if (legacy) {
                QTRY_VERIFY_WITH_TIMEOUT(!received.filter("\"ours\"").isEmpty(), 30000);
                QVERIFY(SyncCliNode::waitUntil([&] {
                    return a.command({{"op", "get"}, {"id", "theirs"}}).toObject().value("w").toInt() == 2;
                }));
            } else {
                QVERIFY2(
                    a.waitEvent([](const QJsonObject& e) { return e.value("kind") == "refused"; }, 10000),
                    qPrintable(a.eventNames().join(",")));
                QTRY_VERIFY_WITH_TIMEOUT(ws.state() == QAbstractSocket::UnconnectedState, 30000);
                QVERIFY(received.isEmpty());
                QVERIFY(a.command({{"op", "get"}, {"id", "theirs"}}).isNull());
            }
        }
    }

    /// --bootstrap joins the key's swarm topic (interop_sync_swarm covers it on a real testnet); with
    /// unreachable bootstrap nodes the node still says so and keeps working locally.
    void bootstrapReportedUnavailable() {
        SyncCliNode a;
        QVERIFY(a.startCli(db("BS"), kKey, {"--bootstrap", "127.0.0.1:1,127.0.0.1:2"}));
        QVERIFY(a.waitEventNamed(QStringLiteral("swarm")));
        QCOMPARE(a.put("x", {{"v", 1}}).toObject().value("id").toString(), QStringLiteral("x"));
    }

    /// Bad commands get one {"result":null,"error":...} each, in order; the node keeps going.
    void badCommands() {
        SyncCliNode a;
        QVERIFY(a.startCli(db("BC"), kKey, {}));
        QVERIFY(a.command({{"op", "nope"}}).isNull());
        QVERIFY(a.command({{"op", "put"}, {"id", 5}}).isNull());
        QVERIFY(a.command({{"op", "put"}, {"id", "x"}, {"data", 3}}).isNull());
        QVERIFY(a.put("ok", {{"v", 1}}).isObject());
        QCOMPARE(a.command({{"op", "get"}, {"id", "ok"}}).toObject().value("v").toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncMesh)
#include "test_sync_mesh.moc"
