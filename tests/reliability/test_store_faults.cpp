// Disk full and I/O errors under the store and the sync session (issue #11 "Faults"), through an
// SQLite VFS shim (FaultyVfs.h) that fails writes, truncates and syncs on demand with SQLITE_FULL or
// SQLITE_IOERR_*. For every point where a commit can fail, the caller gets a clear error, the file
// passes integrity_check, the in-memory replica state (digest, version vector) still matches the
// disk, a write reported done survives a reopen and a failed one left nothing behind; when space
// returns, writing works again. A sync session whose store cannot commit a received batch closes
// with an error instead of acknowledging it, and the peers converge once the disk is healthy.

#include "tests/reliability/FaultyVfs.h"
#include "tests/unit/sync/SyncTestHarness.h"

#include "core/store/Store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::store;
using namespace pluresdb::test;

namespace {

QString integrity(const QString& dir) {
    auto c = Connection::open(Store::databasePath(dir), Connection::Mode::ReadOnly);
    if (!c)
        return c.errorMessage();
    auto q = (*c)->prepare("PRAGMA integrity_check");
    if (!q)
        return q.errorMessage();
    auto r = q->step();
    if (!r || !*r)
        return QStringLiteral("no result");
    return q->columnText(0);
}

std::unique_ptr<Store> openStore(const QString& dir) {
    auto s = Store::open(dir);
    if (!s)
        qFatal("open: %s", qPrintable(s.errorMessage()));
    return std::move(s).value();
}

std::vector<LocalWrite> batch(int n, int round) {
    std::vector<LocalWrite> w;
    for (int i = 0; i < n; ++i)
        w.push_back(LocalWrite{QStringLiteral("r%1-%2").arg(round).arg(i), OpKind::Put,
                               QJsonObject{{"round", round}, {"i", i}, {"pad", QString(200, QChar('x'))}}});
    return w;
}

}  // namespace

class TestStoreFaults : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp{fastTempRoot()};

private slots:
    void initTestCase() {
        FaultyVfs::install();
        FaultyVfs::setPrefix(m_tmp.path());
    }
    void cleanup() { FaultyVfs::heal(); }

    /// A full disk: the write fails with a message that says so, nothing half-done is visible,
    /// reads keep working, and writing works again once there is space.
    void diskFullClearErrorAndRecovery() {
        const QString dir = m_tmp.path() + "/full";
        auto s = openStore(dir);
        QVERIFY(s->write(batch(20, 0)));
        const Digest before = s->digest();
        const auto vvBefore = s->versionVector();

        FaultyVfs::failAfter(0, SQLITE_FULL);
        auto w = s->write(batch(20, 1));
        QVERIFY(!w);
        QVERIFY2(w.errorMessage().contains("full", Qt::CaseInsensitive), qPrintable(w.errorMessage()));
        auto p = s->put("single", {{"v", 1}});
        QVERIFY(!p);
        QVERIFY2(p.errorMessage().contains("full", Qt::CaseInsensitive), qPrintable(p.errorMessage()));
        QVERIFY(FaultyVfs::faultsInjected() > 0);
        // Reads still work and show the state before the failed writes.
        QCOMPARE(s->digest(), before);
        QVERIFY(s->versionVector() == vvBefore);
        auto got = s->get("r0-19");
        QVERIFY(got && got->has_value());
        auto missing = s->get("r1-0");
        QVERIFY(missing && !missing->has_value());

        // Remote ops fail the same way, without a partial merge.
        FaultyVfs::heal();
        auto other = openStore(m_tmp.path() + "/full-other");
        QVERIFY(other->write(batch(5, 7)));
        auto ops = other->opsSince({}, 100);
        QVERIFY(ops);
        FaultyVfs::failAfter(0, SQLITE_FULL);
        auto m = s->merge(*ops);
        QVERIFY(!m);
        QCOMPARE(s->digest(), before);

        // Space returns.
        FaultyVfs::heal();
        QVERIFY(s->write(batch(20, 2)));
        QVERIFY(s->merge(*ops));
        QCOMPARE(integrity(dir), QStringLiteral("ok"));
        QCOMPARE(s->digest(), *s->recomputeDigest());
        s.reset();
        auto again = openStore(dir);
        QCOMPARE(again->digest(), *again->recomputeDigest());
        QCOMPARE(again->list()->size(), size_t(20 + 20 + 5));
        QVERIFY(!again->get("r1-0")->has_value());
        QVERIFY(!again->get("single")->has_value());
    }

    /// Every point of a commit: the n-th write/sync/truncate fails (n = 0, 1, 2, ...), with a full
    /// disk and with an I/O error. After each failure: clear error, integrity ok, memory == disk,
    /// and after a reopen exactly the batches reported committed are there.
    void failureAtEveryPointOfACommit() {
        for (int code : {SQLITE_FULL, SQLITE_IOERR}) {
            const QString dir = m_tmp.path() + QStringLiteral("/points-%1").arg(code);
            auto s = openStore(dir);
            QVERIFY(s->write(batch(3, 0)));
            std::vector<int> committed{0};
            int failures = 0;
            int round = 1;
            for (long n = 0; n < 40; ++n, ++round) {
                const long injected = FaultyVfs::faultsInjected();
                FaultyVfs::failAfter(n, code);
                auto w = s->write(batch(30, round));
                const bool hit = FaultyVfs::faultsInjected() > injected;
                FaultyVfs::heal();
                if (w) {
                    committed.push_back(round);
                } else {
                    ++failures;
                    QVERIFY2(!w.errorMessage().isEmpty(), "an error without a message");
                }
                QVERIFY2(hit || w, "a write failed although no fault was injected");
                QCOMPARE(integrity(dir), QStringLiteral("ok"));
                QCOMPARE(s->digest(), *s->recomputeDigest());
                // The same store keeps working after the failure.
                QVERIFY2(s->put(QStringLiteral("after%1").arg(round), {{"n", int(n)}}),
                         "the store did not recover after the fault");
                if (!hit)
                    break;  // the batch needed fewer than n writes: every point was covered
            }
            QVERIFY2(failures >= 3, qPrintable(QStringLiteral("only %1 failure points").arg(failures)));
            s.reset();
            auto again = openStore(dir);
            QCOMPARE(integrity(dir), QStringLiteral("ok"));
            QCOMPARE(again->digest(), *again->recomputeDigest());
            for (int r = 0; r < round; ++r) {
                const bool want = std::find(committed.begin(), committed.end(), r) != committed.end();
                auto first = again->get(QStringLiteral("r%1-0").arg(r));
                auto last = again->get(QStringLiteral("r%1-%2").arg(r).arg(r == 0 ? 2 : 29));
                QVERIFY(first && last);
                QCOMPARE(first->has_value(), want);
                QCOMPARE(last->has_value(), want);
            }
            qInfo("code %d: %d failure points, %zu batches committed", code, failures, committed.size());
        }
    }

    /// A received batch that cannot be stored is not acknowledged: the session ends with an error,
    /// and once the disk is healthy the peers converge with nothing lost.
    void syncSessionDoesNotAckUnstoredOps() {
        const QString key =
            QStringLiteral("a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5");
        QTemporaryDir healthy(fastTempRoot());  // outside the faulty prefix
        auto a = makePeer(healthy.path() + "/A", key);
        auto b = makePeer(m_tmp.path() + "/B", key);
        for (int i = 0; i < 40; ++i)
            QVERIFY(a->put(QStringLiteral("k%1").arg(i), {{"i", i}}));
        QVERIFY(b->put("fromB", {{"v", 1}}));
        const Digest bBefore = b->store->digest();

        FaultyVfs::failAfter(0, SQLITE_IOERR);
        Link link = linkPeers(*a, *b);
        QTRY_VERIFY_WITH_TIMEOUT(b->events.filter("not acknowledged").size() > 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(b->events.contains("disconnected") && a->events.contains("disconnected"),
                                 30000);
        QVERIFY2(!a->events.contains("complete"), qPrintable(a->events.join('|')));
        QCOMPARE(b->store->digest(), bBefore);
        QCOMPARE(b->store->digest(), *b->store->recomputeDigest());
        QCOMPARE(integrity(b->dir), QStringLiteral("ok"));

        FaultyVfs::heal();
        Link again = linkPeers(*a, *b);
        QTRY_VERIFY_WITH_TIMEOUT(a->digest() == b->digest(), 60000);
        QCOMPARE(b->store->list()->size(), size_t(41));
        QCOMPARE(a->store->list()->size(), size_t(41));
        again.cut();
    }
};

QTEST_GUILESS_MAIN(TestStoreFaults)
#include "test_store_faults.moc"
