// A PluresDB 2.x JSON peer (tests/interop/legacy_json_peer.js: the real @hyperswarm/secret-stream
// over TCP on 127.0.0.1, newline-delimited sync_request/put/delete) against `pluresdb-cli sync`:
// with --legacy-json they sync both ways (snapshot, live puts, deletes), the C++ node relays
// between two JSON peers and bridges them to a binary (WebSocket) peer, and invalid JSON gives an
// event without harm; without --legacy-json the peer is refused and nothing crosses either way.

#include "core/store/Store.h"
#include "tests/unit/sync/SyncCliNode.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pluresdb::test;

namespace {
const QString kKey = QStringLiteral("1e9ac71e9ac71e9ac71e9ac71e9ac71e9ac71e9ac71e9ac71e9ac71e9ac71e9a");

QString peerScript() {
    return qEnvironmentVariable("PLURESDB_INTEROP_DIR") + "/legacy_json_peer.js";
}
bool startPeer(SyncCliNode& p, const QString& tcp) {
    return p.start("node", {peerScript(), "connect", tcp});
}
QJsonValue get(SyncCliNode& n, const QString& id) {
    return n.command({{"op", "get"}, {"id", id}});
}
}  // namespace

class TestSyncLegacyJson : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp{fastTempRoot()};

private slots:
    /// Both ways, live, deletes, relay between JSON peers, and a bridge to a binary peer.
    void syncsBothWaysWithLegacyJson() {
        SyncCliNode c, b, p1, p2;
        QVERIFY(c.startCli(m_tmp.path() + "/c", kKey,
                           {"--legacy-json", "--listen-tcp", "127.0.0.1:0", "--serve-ws", "127.0.0.1:0"}));
        const QString tcp = c.listening("tcp");
        QVERIFY(!tcp.isEmpty());
        c.put("c1", {{"name", "from C++"}, {"n", 1}});
        c.put("c2", {{"name", "second"}});
        QVERIFY(startPeer(p1, tcp));
        QVERIFY(p1.put("n1", {{"name", "from Node"}}).isObject());
        QVERIFY(p1.waitEventNamed("connected"));
        QVERIFY(c.waitEvent([](const QJsonObject& e) {
            return e.value("event") == "peer:connected" && e.value("legacyJson").toBool();
        }));
        // Snapshot both ways.
        QVERIFY(SyncCliNode::waitUntil([&] {
            return p1.command({{"op", "count"}}).toInt() == 3 && c.count() == 3;
        }));
        QCOMPARE(get(p1, "c1").toObject().value("name").toString(), QStringLiteral("from C++"));
        QCOMPARE(get(c, "n1").toObject().value("name").toString(), QStringLiteral("from Node"));
        // Live both ways, and a field overlay that keeps the other fields.
        c.put("c1", {{"n", 2}});
        p1.put("n2", {{"v", true}});
        QVERIFY(SyncCliNode::waitUntil([&] {
            return get(p1, "c1").toObject().value("n").toInt() == 2 &&
                   get(c, "n2").toObject().value("v").toBool();
        }));
        QCOMPARE(get(p1, "c1").toObject().value("name").toString(), QStringLiteral("from C++"));
        // Deletes both ways.
        p1.command({{"op", "delete"}, {"id", "c2"}});
        c.command({{"op", "delete"}, {"id", "n1"}});
        QVERIFY(SyncCliNode::waitUntil([&] { return get(c, "c2").isNull() && get(p1, "n1").isNull(); }));
        // A second JSON peer gets everything, and the first one's live writes through the C++ relay.
        QVERIFY(startPeer(p2, tcp));
        QVERIFY(SyncCliNode::waitUntil([&] { return p2.command({{"op", "count"}}).toInt() == 2; }));
        p1.put("relayed", {{"by", "p1"}});
        QVERIFY(SyncCliNode::waitUntil([&] { return get(p2, "relayed").toObject().value("by") == "p1"; }));
        // A binary peer over the WebSocket mesh sees the JSON peers' data through the bridge, and back.
        QVERIFY(b.startCli(m_tmp.path() + "/b", kKey, {"--connect-ws", c.listening("ws")}));
        QVERIFY(SyncCliNode::waitUntil([&] { return get(b, "relayed").toObject().value("by") == "p1"; }));
        b.put("fromBinary", {{"v", 7}});
        QVERIFY(
            SyncCliNode::waitUntil([&] { return get(p1, "fromBinary").toObject().value("v").toInt() == 7; }));
        // Invalid JSON on the compat path: an event, and the session goes on.
        p1.command(
            {{"op", "raw"}, {"line", "this is not json\n{\"type\":\"put\",\"node\":{\"id\":\"x\"}}\n"}});
        QVERIFY(c.waitEvent([](const QJsonObject& e) {
            return e.value("event") == "error" && e.value("message").toString().contains("bad JSON message");
        }));
        p1.put("after", {{"ok", 1}});
        QVERIFY(SyncCliNode::waitUntil([&] { return get(c, "after").toObject().value("ok").toInt() == 1; }));
        QVERIFY(c.running());
    }

    /// A large snapshot (20k records) reaches a 2.x peer whole: the reply to sync_request is paced
    /// by the stream's backpressure, and the session stays live afterwards.
    void largeSnapshot() {
        const QString dir = m_tmp.path() + "/big";
        {
            auto st = pluresdb::store::Store::open(dir);
            QVERIFY(st);
            std::vector<pluresdb::store::LocalWrite> batch;
            for (int i = 0; i < 20000; ++i)
                batch.push_back({QStringLiteral("big%1").arg(i),
                                 pluresdb::store::OpKind::Put,
                                 {{"payload", QString(150, 'b')}, {"i", i}}});
            QVERIFY((*st)->write(batch));
        }
        SyncCliNode c, p;
        QVERIFY(c.startCli(dir, kKey, {"--legacy-json", "--listen-tcp", "127.0.0.1:0"}));
        QVERIFY(startPeer(p, c.listening("tcp")));
        QVERIFY(SyncCliNode::waitUntil(
            [&] {
                return p.command({{"op", "count"}}).toInt() == 20000;
            },
            120000));
        c.put("after", {{"v", 1}});
        QVERIFY(SyncCliNode::waitUntil([&] { return get(p, "after").toObject().value("v").toInt() == 1; }));
    }

    /// Without --legacy-json the JSON peer is refused: an error event, nothing applied, nothing sent.
    void refusedWithoutTheOption() {
        SyncCliNode c, p;
        QVERIFY(c.startCli(m_tmp.path() + "/r", kKey, {"--listen-tcp", "127.0.0.1:0"}));
        c.put("private", {{"v", 1}});
        QVERIFY(startPeer(p, c.listening("tcp")));
        p.put("pushed", {{"v", 2}});
        QVERIFY(c.waitEvent([](const QJsonObject& e) {
            return e.value("event") == "error" && e.value("kind") == "refused" &&
                   e.value("message").toString().contains("2.x JSON");
        }));
        QVERIFY(p.waitEventNamed("closed"));
        QCOMPARE(c.count(), 1);
        QVERIFY(get(c, "pushed").isNull());
        QCOMPARE(p.command({{"op", "count"}}).toInt(), 1);
        QVERIFY(get(p, "private").isNull());
        QVERIFY(!c.eventNames().contains("peer:connected"));
    }
};

QTEST_GUILESS_MAIN(TestSyncLegacyJson)
#include "test_sync_legacy_json.moc"
