// Crash safety: a child process writing batches through the app's write path is killed with SIGKILL
// many times at random moments. Every time, the database reopens, passes SQLite's integrity check,
// its incremental digest equals a full recomputation, and every batch the child reported committed
// is there, complete.

#include "core/store/Store.h"
#include "tests/support/TestSupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <random>

using namespace pluresdb::store;

class TestCrash : public QObject {
    Q_OBJECT
private slots:
    void killedWriterLosesNothingCommitted() {
        const QString writer = qEnvironmentVariable("PLURESDB_CRASH_WRITER");
        QVERIFY2(!writer.isEmpty(), "PLURESDB_CRASH_WRITER is not set");
        QTemporaryDir dir;  // on the real disk: the point is what survives in the files
        const int kills = qEnvironmentVariableIntValue("PLURESDB_CRASH_KILLS") > 0
                              ? qEnvironmentVariableIntValue("PLURESDB_CRASH_KILLS")
                              : 40;
        const int batchSize = 25;
        std::mt19937 rng(20261129);
        long nextBatch = 0;
        long totalCommitted = 0;
        for (int k = 0; k < kills; ++k) {
            QProcess p;
            p.start(writer, {dir.path(), QString::number(nextBatch), QString::number(batchSize)});
            QVERIFY(p.waitForStarted(10'000));
            // Let it write for a random while: sometimes it dies opening, sometimes mid-batch.
            QTest::qWait(static_cast<int>(rng() % 400));
            ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
            QVERIFY(p.waitForFinished(10'000));
            const QByteArray out = p.readAllStandardOutput();
            const QByteArray err = p.readAllStandardError();
            QVERIFY2(err.isEmpty(), err.constData());
            long lastCommitted = nextBatch - 1;
            for (const QByteArray& line : out.split('\n')) {
                if (line.startsWith("COMMITTED "))
                    lastCommitted = line.mid(10).toLong();
            }
            totalCommitted += lastCommitted - (nextBatch - 1);

            auto s = Store::open(dir.path());
            QVERIFY2(s, qPrintable(s.ok() ? QString() : s.errorMessage()));
            auto check = Connection::open(Store::databasePath(dir.path()), Connection::Mode::ReadOnly);
            QVERIFY(check);
            auto ic = (*check)->prepare("PRAGMA integrity_check");
            QVERIFY(ic && *ic->step());
            QCOMPARE(ic->columnText(0), QString("ok"));
            QCOMPARE((*s)->digest(), *(*s)->recomputeDigest());
            for (long b = 0; b <= lastCommitted; ++b) {
                for (int i : {0, batchSize - 1}) {  // first and last write of every committed batch
                    auto r = (*s)->get(QString("b%1-%2").arg(b).arg(i));
                    QVERIFY2(r && r->has_value(),
                             qPrintable(QString("batch %1 lost after kill %2").arg(b).arg(k)));
                    QCOMPARE((*r)->data.value("batch").toInteger(), static_cast<qint64>(b));
                }
            }
            // A batch is a transaction: the one that was in flight is either all there or absent.
            auto partial = (*s)->list(QString("b%1-").arg(lastCommitted + 1));
            QVERIFY(partial->empty() || partial->size() == static_cast<size_t>(batchSize));
            nextBatch = lastCommitted + 1 + (partial->empty() ? 0 : 1);
        }
        qInfo("%d kills, %ld batches (%ld records) reported committed, none lost", kills, totalCommitted,
              totalCommitted * batchSize);
        QVERIFY2(totalCommitted > kills / 2, "the writer hardly committed anything: the test proved little");
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "test_crash.moc"
