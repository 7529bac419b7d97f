// One WebSocket port for every syncing space (issue #7, core/sync/WebSocketHub.h): two spaces of
// one process serve the same port; two `pluresdb-cli sync` nodes, each with one space's key, dial
// that port, and each converges with its own space only. A client with neither key is refused, and
// the port outlives a space that stops while another still serves it.

#include "core/api/Database.h"
#include "tests/support/TestSupport.h"
#include "tests/unit/sync/SyncCliNode.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <functional>

using namespace pluresdb;
using test::SyncCliNode;

namespace {

bool waitUntil(const std::function<bool()>& f, int timeoutMs = 90000) {
    return SyncCliNode::waitUntil(f, timeoutMs);
}

SyncOptions serving(const QString& key, quint16 port) {
    SyncOptions o;
    o.key = key;
    o.useSwarm = false;
    o.serveWsHost = QHostAddress::LocalHost;
    o.serveWsPort = port;
    return o;
}

bool has(Database& db, const QString& id) {
    auto r = db.get(id);
    return r && r->has_value();
}

bool cliHas(SyncCliNode& cli, const QString& id) {
    const QJsonValue v = cli.command({{"op", "get"}, {"id", id}});
    return v.isObject();
}

int connectedPeers(Database& db) {
    const auto s = db.getSyncStats();
    return s ? s->peersConnected : -1;
}

}  // namespace

class TestSharedWsPort : public QObject {
    Q_OBJECT
private slots:
    /// Two spaces on one port, two CLI nodes with one key each: each pair converges (records both
    /// ways, equal digests) and nothing crosses between the spaces.
    void twoSpacesOnePort() {
        QTemporaryDir dir;
        auto a = std::move(Database::open(dir.filePath("space-a"))).value();
        auto b = std::move(Database::open(dir.filePath("space-b"))).value();
        const QString keyA = Database::generateSyncKey(), keyB = Database::generateSyncKey();
        QVERIFY(a->put("from-a", QJsonObject{{"space", "a"}}).result().ok);
        QVERIFY(b->put("from-b", QJsonObject{{"space", "b"}}).result().ok);
        QVERIFY(a->enableSync(serving(keyA, 0)));
        const quint16 port = a->syncWebSocketPort();
        QVERIFY(port != 0);
        auto r = b->enableSync(serving(keyB, port));  // the same port: joins, no "address in use"
        QVERIFY2(r, qPrintable(r ? QString() : r.errorMessage()));
        QCOMPARE(b->syncWebSocketPort(), port);
        QSignalSpy aErrors(a.get(), &Database::error);
        QSignalSpy bErrors(b.get(), &Database::error);

        const QString url = QStringLiteral("ws://127.0.0.1:%1").arg(port);
        QTemporaryDir d1, d2;
        SyncCliNode c1, c2;
        QVERIFY(c1.startCli(d1.path(), keyA, {"--connect-ws", url}));
        QVERIFY(c2.startCli(d2.path(), keyB, {"--connect-ws", url}));
        QVERIFY(!c1.put("from-c1", QJsonObject{{"space", "a"}}).isUndefined());
        QVERIFY(!c2.put("from-c2", QJsonObject{{"space", "b"}}).isUndefined());

        QVERIFY(waitUntil([&] { return has(*a, "from-c1") && has(*b, "from-c2"); }));
        QVERIFY(waitUntil([&] { return cliHas(c1, "from-a") && cliHas(c2, "from-b"); }));
        QVERIFY(waitUntil(
            [&] { return c1.digest() == a->digest()->toHex() && c2.digest() == b->digest()->toHex(); }));
        QVERIFY(waitUntil([&] { return connectedPeers(*a) == 1 && connectedPeers(*b) == 1; }));
        // Each space's peer is its own CLI node (the CLI's mesh key is its peer id there).
        const auto pa = a->getSyncPeers();
        const auto pb = b->getSyncPeers();
        QCOMPARE(pa.size(), size_t(1));
        QCOMPARE(pb.size(), size_t(1));
        QVERIFY(pa[0].peerId != pb[0].peerId);
        QCOMPARE(pa[0].link.kind, QStringLiteral("websocket"));

        // Nothing crossed: each side holds exactly its space's two records.
        QVERIFY(!has(*a, "from-b") && !has(*a, "from-c2"));
        QVERIFY(!has(*b, "from-a") && !has(*b, "from-c1"));
        QCOMPARE(c1.count(), 2);
        QCOMPARE(c2.count(), 2);
        QVERIFY(!cliHas(c1, "from-b") && !cliHas(c2, "from-a"));
        for (const auto& e : aErrors)
            QVERIFY2(!e.at(1).toString().contains("refused"), qPrintable(e.at(1).toString()));
        for (const auto& e : bErrors)
            QVERIFY2(!e.at(1).toString().contains("refused"), qPrintable(e.at(1).toString()));

        // Live writes keep flowing, per space.
        QVERIFY(a->put("live-a", QJsonObject{{"n", 1}}).result().ok);
        QVERIFY(b->put("live-b", QJsonObject{{"n", 2}}).result().ok);
        QVERIFY(waitUntil([&] { return cliHas(c1, "live-a") && cliHas(c2, "live-b"); }));
        QVERIFY(!cliHas(c1, "live-b") && !cliHas(c2, "live-a"));

        // A client with a third key proves neither: refused (reported by the space that opened
        // the port), and it receives nothing.
        QTemporaryDir d3;
        SyncCliNode c3;
        QVERIFY(c3.startCli(d3.path(), Database::generateSyncKey(), {"--connect-ws", url}));
        QVERIFY(waitUntil([&] {
            for (const auto& e : aErrors)
                if (e.at(1).toString().contains("refused"))
                    return true;
            return false;
        }));
        QVERIFY(c3.waitEvent([](const QJsonObject& e) { return e.value("event") == "error"; }));
        QCOMPARE(c3.count(), 0);

        // Space A stops: the port stays open for space B, whose peer still syncs.
        a->disableSync();
        QVERIFY(waitUntil([&] { return connectedPeers(*b) == 1; }));
        QVERIFY(!c2.put("after-a-stopped", QJsonObject{{"n", 3}}).isUndefined());
        QVERIFY(waitUntil([&] { return has(*b, "after-a-stopped"); }));
        // And A serving the same port again joins it; its CLI node redials and catches up.
        QVERIFY(a->put("while-off", QJsonObject{{"n", 4}}).result().ok);
        r = a->enableSync(serving(keyA, port));
        QVERIFY2(r, qPrintable(r ? QString() : r.errorMessage()));
        QVERIFY(waitUntil([&] { return cliHas(c1, "while-off"); }));
        c1.stop();
        c2.stop();
        c3.stop();
    }

    /// A PluresDB 2.x JSON client (text frames, no key to prove) on the shared port goes to the
    /// space that accepts 2.x peers, even when another space opened the port: it gets that space's
    /// records and its put lands there, not in the other space.
    void jsonClientGoesToTheSpaceThatAcceptsIt() {
        QTemporaryDir dir;
        auto a = std::move(Database::open(dir.filePath("strict"))).value();
        auto b = std::move(Database::open(dir.filePath("legacy"))).value();
        QVERIFY(a->put("strict-record", QJsonObject{{"v", 1}}).result().ok);
        QVERIFY(b->put("legacy-record", QJsonObject{{"v", 2}}).result().ok);
        QVERIFY(a->enableSync(serving(Database::generateSyncKey(), 0)));
        const quint16 port = a->syncWebSocketPort();
        SyncOptions legacy = serving(Database::generateSyncKey(), port);
        legacy.legacyJson = true;
        QVERIFY(b->enableSync(legacy));
        QCOMPARE(b->syncWebSocketPort(), port);

        QWebSocket ws;
        QStringList received;
        connect(&ws, &QWebSocket::textMessageReceived, this, [&](const QString& t) { received << t; });
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port)));
        QVERIFY(waitUntil([&] { return ws.state() == QAbstractSocket::ConnectedState; }, 30000));
        ws.sendTextMessage(R"({"type":"sync_request","originId":"textpeer"})");
        ws.sendTextMessage(R"({"type":"put","originId":"textpeer","node":{"id":"theirs","data":{"w":2},)"
                           R"("timestamp":1700000000000,"state":{"w":1700000000000},"vectorClock":{}}})");
        QVERIFY(waitUntil([&] { return !received.filter("\"legacy-record\"").isEmpty(); }, 30000));
        QVERIFY(waitUntil([&] { return has(*b, "theirs"); }, 30000));
        QVERIFY(received.filter("strict-record").isEmpty());
        QVERIFY(!has(*a, "theirs"));
        ws.close();
    }
};

QTEST_GUILESS_MAIN(TestSharedWsPort)
#include "test_shared_ws_port.moc"
