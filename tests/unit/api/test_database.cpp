// The Database facade: writes run on the engine thread (never the caller's), complete through
// futures, are visible to reads once finished, and are announced by recordsChanged; several
// databases share one engine thread; closing waits for queued writes.

#include "core/api/Database.h"
#include "tests/support/TestSupport.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace pluresdb;

class TestDatabase : public QObject {
    Q_OBJECT
private slots:
    /// put/get/remove/list through the facade, with the change signal for each commit.
    void putGetRemove() {
        QTemporaryDir dir;
        auto db = std::move(Database::open(dir.path())).value();
        QSignalSpy changed(db.get(), &Database::recordsChanged);
        auto f = db->put("k", QJsonObject{{"a", 1}});
        f.waitForFinished();
        QVERIFY(f.result().ok);
        QCOMPARE(f.result().lastSeq, uint64_t(1));
        QCOMPARE(**db->get("k"), (QJsonObject{{"a", 1}}));
        QVERIFY(changed.wait(30000));
        QCOMPARE(changed.at(0).at(0).toStringList(), QStringList{"k"});
        QCOMPARE(changed.at(0).at(1).toBool(), false);
        db->remove("k").waitForFinished();
        QVERIFY(!db->get("k")->has_value());
        QCOMPARE(db->list()->size(), size_t(0));
    }

    /// fieldHistory through the facade: a peer's concurrent write merged by the engine is in the
    /// history on the caller's thread, marked concurrent with ours, and the newer clock is current.
    void fieldHistoryThroughFacade() {
        QTemporaryDir dir;
        test::FakeWallClock mine(1'700'000'000'000), theirs(1'700'000'000'000);
        Database::Options o;
        o.clock = &mine;
        auto db = std::move(Database::open(dir.filePath("a"), o)).value();
        o.clock = &theirs;
        auto peer = std::move(Database::open(dir.filePath("b"), o)).value();
        QVERIFY(db->put("r", QJsonObject{{"f", "base"}}).result().ok);
        QVERIFY(peer->merge(*db->opsSince({}, 10)).result().ok);
        mine.advance(3);
        theirs.advance(7);
        QVERIFY(db->put("r", QJsonObject{{"f", "ours"}}).result().ok);
        QVERIFY(peer->put("r", QJsonObject{{"f", "theirs"}}).result().ok);
        QVERIFY(db->merge(*peer->opsSince(*db->versionVector(), 10)).result().ok);
        auto h = db->fieldHistory("r");
        QVERIFY(h);
        QCOMPARE(h->fields.size(), size_t(1));
        const auto& w = h->fields[0].writes;
        QCOMPARE(w.size(), size_t(3));
        QCOMPARE(w[1].value.toString(), QString("ours"));
        QCOMPARE(w[1].hlc.site, db->siteId());
        QCOMPARE(w[1].concurrentWith, std::vector<size_t>{2});
        QCOMPARE(w[2].value.toString(), QString("theirs"));
        QCOMPARE(w[2].hlc.site, peer->siteId());
        QVERIFY(w[2].current);
    }

    /// A failed write reports its error through the future and changes nothing.
    void writeErrorsComeBack() {
        QTemporaryDir dir;
        auto db = std::move(Database::open(dir.path())).value();
        auto f = db->put("", QJsonObject{});
        f.waitForFinished();
        QVERIFY(!f.result().ok);
        QVERIFY(f.result().error.contains("empty"));
    }

    /// Writes run on the one named engine thread, shared by every open database, never on the
    /// caller's thread: waiting on a write's future without running an event loop completes.
    void writesRunOnSharedEngineThread() {
        QTemporaryDir dir;
        auto a = std::move(Database::open(dir.path() + "/a")).value();
        auto b = std::move(Database::open(dir.path() + "/b")).value();
        QVERIFY(a->engineThread() != QThread::currentThread());
        QCOMPARE(a->engineThread()->objectName(), QString("pluresdb-engine"));
        QCOMPARE(a->engineThread(), b->engineThread());
        auto f = a->put("k", {});
        f.waitForFinished();  // would deadlock if the write were queued to this thread
        QVERIFY(f.result().ok);
    }

    /// Destroying the facade completes every write queued before it; nothing queued is lost.
    void closeWaitsForQueuedWrites() {
        QTemporaryDir dir;
        {
            auto db = std::move(Database::open(dir.path())).value();
            for (int i = 0; i < 200; ++i)
                (void)db->put(QString("k%1").arg(i), QJsonObject{{"i", i}});
        }
        auto db = std::move(Database::open(dir.path())).value();
        QCOMPARE(db->list()->size(), size_t(200));
    }

    /// Sync keys: 64 lowercase hex from libsodium; validation normalises case and explains errors.
    void syncKeys() {
        const QString k = Database::generateSyncKey();
        QCOMPARE(k.size(), 64);
        QCOMPARE(k, k.toLower());
        QVERIFY(Database::validateSyncKey(k));
        QVERIFY(Database::generateSyncKey() != k);
        QCOMPARE(*Database::validateSyncKey(k.toUpper()), k);
        auto shortKey = Database::validateSyncKey(k.left(63));
        QVERIFY(!shortKey);
        QVERIFY2(shortKey.errorMessage().contains("64"), qPrintable(shortKey.errorMessage()));
        auto badChar = Database::validateSyncKey(k.left(10) + "g" + k.mid(11));
        QVERIFY(!badChar);
        QVERIFY2(badChar.errorMessage().contains("position 11"), qPrintable(badChar.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "test_database.moc"
