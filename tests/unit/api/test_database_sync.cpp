// The Database facade's sync API (issue #7): two databases on the shared engine thread sync over
// the WebSocket mesh on 127.0.0.1. A put on one appears on the other and raises recordsChanged
// there (remote); both ends' stats add up; the peers list names the other end; disableSync stops
// it; a wrong key is refused with an error signal; the swarm reports itself unavailable.

#include "core/api/Database.h"
#include "core/api/SyncStatus.h"
#include "tests/support/TestSupport.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace pluresdb;

namespace {

bool waitUntil(const std::function<bool()>& f, int timeoutMs = 60000) {
    QDeadlineTimer dl(timeoutMs);
    while (!dl.hasExpired()) {
        if (f())
            return true;
        QTest::qWait(50);
    }
    return f();
}

SyncOptions serving(const QString& key) {
    SyncOptions o;
    o.key = key;
    o.useSwarm = false;
    o.serveWsHost = QHostAddress::LocalHost;
    o.serveWsPort = 0;
    return o;
}

SyncOptions dialing(const QString& key, quint16 port) {
    SyncOptions o;
    o.key = key;
    o.useSwarm = false;
    o.connectWs << QStringLiteral("ws://127.0.0.1:%1").arg(port);
    return o;
}

}  // namespace

class TestDatabaseSync : public QObject {
    Q_OBJECT
private slots:
    /// Before the first enable there are no stats; a missing key is generated and reported.
    void statsNullBeforeEnableAndKeyGenerated() {
        QTemporaryDir dir;
        auto db = std::move(Database::open(dir.path())).value();
        QVERIFY(!db->isSyncEnabled());
        QVERIFY(!db->getSyncStats().has_value());
        QVERIFY(db->getSyncPeers().empty());
        QVERIFY(db->getSyncKey().isEmpty());
        SyncOptions o;
        o.useSwarm = false;
        QVERIFY(db->enableSync(o));
        QVERIFY(db->isSyncEnabled());
        QVERIFY(Database::validateSyncKey(db->getSyncKey()));
        QCOMPARE(db->getSyncStats()->peersConnected, 0);
        db->disableSync();
        QVERIFY(!db->isSyncEnabled());
        QVERIFY(db->getSyncStats().has_value());  // the figures at the stop, not null again
        // Bad input is refused with a clear error, and nothing runs.
        SyncOptions bad;
        bad.key = "not a key";
        QVERIFY(!db->enableSync(bad));
        QVERIFY(!db->isSyncEnabled());
        SyncOptions badUrl;
        badUrl.useSwarm = false;
        badUrl.connectWs << "http://127.0.0.1:1";
        QVERIFY(!db->enableSync(badUrl));
        QVERIFY(!db->isSyncEnabled());
    }

    /// A swarm that cannot start (here: no bootstrap nodes while the public DHT is off for tests) is
    /// one clear error, and the mesh still runs.
    void swarmUnavailableIsReported() {
        qputenv("PLURESDB_NO_PUBLIC_DHT", "1");  // also when run outside ctest: never the public DHT
        QTemporaryDir dir;
        auto db = std::move(Database::open(dir.path())).value();
        QSignalSpy errors(db.get(), &Database::error);
        SyncOptions o;
        o.useSwarm = true;
        o.serveWsHost = QHostAddress::LocalHost;
        o.serveWsPort = 0;
        QVERIFY(db->enableSync(o));
        QVERIFY(db->syncWebSocketPort() != 0);
        QVERIFY(errors.wait(30000));
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.at(0).at(1).toString().contains("swarm discovery could not start"));
    }

    /// Two databases converge over the mesh both ways, with signals, peers and stats that add up;
    /// disableSync stops it.
    void twoDatabasesSync() {
        QTemporaryDir dir;
        auto a = std::move(Database::open(dir.filePath("a"))).value();
        auto b = std::move(Database::open(dir.filePath("b"))).value();
        const QString key = Database::generateSyncKey();
        QVERIFY(a->put("before", QJsonObject{{"v", 1}}).result().ok);  // written before sync

        QSignalSpy aConnected(a.get(), &Database::peerConnected);
        QSignalSpy bConnected(b.get(), &Database::peerConnected);
        QSignalSpy bComplete(b.get(), &Database::syncComplete);
        QSignalSpy bChanged(b.get(), &Database::recordsChanged);
        QSignalSpy aErrors(a.get(), &Database::error);
        QSignalSpy bErrors(b.get(), &Database::error);
        QVERIFY(a->enableSync(serving(key)));
        SyncOptions bo = dialing(key, a->syncWebSocketPort());
        bo.periodicCompleteMs = 300;
        QVERIFY(b->enableSync(bo));

        QVERIFY(waitUntil([&] { return aConnected.size() == 1 && bConnected.size() == 1; }));
        QVERIFY(waitUntil([&] { return b->get("before")->has_value(); }));
        QVERIFY(waitUntil([&] { return bComplete.size() >= 1; }));
        QVERIFY(bComplete.at(0).at(1).value<SyncStatsSnapshot>().messagesReceived > 0);

        // A put on one appears on the other, announced there as remote.
        QVERIFY(a->put("live", QJsonObject{{"x", "from a"}}).result().ok);
        QVERIFY(waitUntil([&] {
            auto r = b->get("live");
            return r && r->has_value() && (**r).value("x").toString() == "from a";
        }));
        QVERIFY(waitUntil([&] {
            for (const auto& s : bChanged)
                if (s.at(0).toStringList().contains("live") && s.at(1).toBool())
                    return true;
            return false;
        }));
        // And the other way.
        QVERIFY(b->put("back", QJsonObject{{"y", 2}}).result().ok);
        QVERIFY(waitUntil([&] { return a->get("back")->has_value(); }));
        QVERIFY(waitUntil([&] { return *a->digest() == *b->digest(); }));

        // Peers: each lists the other, connected, with the other's mesh key, in sync.
        QVERIFY(waitUntil([&] {
            auto pa = a->getSyncPeers();
            auto pb = b->getSyncPeers();
            return pa.size() == 1 && pb.size() == 1 && pa[0].connected && pb[0].connected && pa[0].inSync &&
                   pb[0].inSync;
        }));
        const auto pa = a->getSyncPeers();
        QCOMPARE(pa[0].remotePublicKey.size(), 32);
        QCOMPARE(pa[0].peerId, QString::fromLatin1(pa[0].remotePublicKey.toHex()));
        QVERIFY(waitUntil([&] { return a->syncSummary().peers == 1 && a->syncSummary().inSync; }));

        // Stats add up: what one sent the other received (checked once both are quiet).
        QVERIFY(waitUntil([&] {
            auto sa = a->getSyncStats();
            auto sb = b->getSyncStats();
            return sa && sb && sa->peersConnected == 1 && sb->peersConnected == 1 &&
                   sa->messagesSent == sb->messagesReceived && sb->messagesSent == sa->messagesReceived &&
                   sa->bytesTransmitted == sb->bytesReceived && sb->bytesTransmitted == sa->bytesReceived &&
                   sa->totals.opsApplied >= 1 && sb->totals.opsApplied >= 2;
        }));
        const auto sa = *a->getSyncStats();
        QVERIFY(sa.messagesSent > 0 && sa.bytesTransmitted > 0);
        QCOMPARE(sa.peers.size(), size_t(1));
        QCOMPARE(sa.peers[0].stats.bytesSent, sa.bytesTransmitted);
        QVERIFY(aErrors.isEmpty());
        QVERIFY(bErrors.isEmpty());
        // syncComplete also comes periodically while in sync (b asked for every 300 ms), no writes needed.
        const qsizetype completes = bComplete.size();
        QVERIFY(waitUntil([&] { return bComplete.size() >= completes + 2; }, 30000));
        QVERIFY(bComplete.last().at(0).value<SyncPeer>().inSync);

        // disableSync stops it: the other end sees the peer go, and writes no longer travel.
        QSignalSpy aGone(a.get(), &Database::peerDisconnected);
        b->disableSync();
        QVERIFY(!b->isSyncEnabled());
        QVERIFY(b->getSyncPeers().empty());
        QVERIFY(waitUntil([&] { return aGone.size() >= 1; }));
        QVERIFY(b->put("offline", QJsonObject{{"z", 3}}).result().ok);
        QVERIFY(a->put("while-off", QJsonObject{{"z", 4}}).result().ok);
        QTest::qWait(1500);  // a chance to (wrongly) travel
        QVERIFY(!a->get("offline")->has_value());
        QVERIFY(!b->get("while-off")->has_value());
        QVERIFY(b->getSyncStats().has_value());

        // Enabling again catches up both ways.
        QVERIFY(b->enableSync(dialing(key, a->syncWebSocketPort())));
        QVERIFY(
            waitUntil([&] { return a->get("offline")->has_value() && b->get("while-off")->has_value(); }));
    }

    /// A peer with another key is refused: an error signal at both ends, nothing crosses.
    void wrongKeyRefused() {
        QTemporaryDir dir;
        auto a = std::move(Database::open(dir.filePath("a"))).value();
        auto b = std::move(Database::open(dir.filePath("b"))).value();
        QVERIFY(a->put("secret", QJsonObject{{"s", 1}}).result().ok);
        QVERIFY(b->put("other", QJsonObject{{"o", 1}}).result().ok);
        QSignalSpy aErrors(a.get(), &Database::error);
        QSignalSpy bErrors(b.get(), &Database::error);
        QSignalSpy aConnected(a.get(), &Database::peerConnected);
        QVERIFY(a->enableSync(serving(Database::generateSyncKey())));
        QVERIFY(b->enableSync(dialing(Database::generateSyncKey(), a->syncWebSocketPort())));
        auto saysRefused = [](const QSignalSpy& spy) {
            for (const auto& e : spy)
                if (e.at(1).toString().contains("refused"))
                    return true;
            return false;
        };
        QVERIFY(waitUntil([&] { return saysRefused(aErrors) && saysRefused(bErrors); }));
        QTest::qWait(500);
        QVERIFY(aConnected.isEmpty());
        QVERIFY(!b->get("secret")->has_value());
        QVERIFY(!a->get("other")->has_value());
        QCOMPARE(a->getSyncStats()->peersConnected, 0);
    }

    /// Several spaces at once: two pairs with two keys on one engine thread, each converging on
    /// its own data only. SyncStatus follows each space.
    void twoSpacesAtOnce() {
        QTemporaryDir dir;
        auto a1 = std::move(Database::open(dir.filePath("a1"))).value();
        auto b1 = std::move(Database::open(dir.filePath("b1"))).value();
        auto a2 = std::move(Database::open(dir.filePath("a2"))).value();
        auto b2 = std::move(Database::open(dir.filePath("b2"))).value();
        SyncStatus status;
        a1->reportSyncStatusTo(&status, "one");
        a2->reportSyncStatusTo(&status, "two");
        QVERIFY(!status.space("one").enabled);
        const QString k1 = Database::generateSyncKey(), k2 = Database::generateSyncKey();
        QVERIFY(a1->enableSync(serving(k1)));
        QVERIFY(a2->enableSync(serving(k2)));
        QVERIFY(status.space("one").enabled);
        QVERIFY(b1->enableSync(dialing(k1, a1->syncWebSocketPort())));
        QVERIFY(b2->enableSync(dialing(k2, a2->syncWebSocketPort())));
        QVERIFY(a1->put("r1", QJsonObject{{"space", 1}}).result().ok);
        QVERIFY(a2->put("r2", QJsonObject{{"space", 2}}).result().ok);
        QVERIFY(waitUntil([&] { return b1->get("r1")->has_value() && b2->get("r2")->has_value(); }));
        QVERIFY(waitUntil([&] {
            return status.space("one").peers == 1 && status.space("one").inSync &&
                   status.space("two").peers == 1;
        }));
        QVERIFY(!b1->get("r2")->has_value());
        QVERIFY(!b2->get("r1")->has_value());
        a1->disableSync();
        QVERIFY(!status.space("one").enabled);
        QVERIFY(status.space("two").enabled);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseSync)
#include "test_database_sync.moc"
