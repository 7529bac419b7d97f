// The sync-status interface the engine feeds and the status bar reads: it starts honest (Stopped,
// no space enabled), signals only real changes, keeps spaces apart, and takes reports queued from
// another thread (the engine's).

#include "core/api/SyncStatus.h"
#include "core/engine/TaskQueue.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace pluresdb;

class TestSyncStatus : public QObject {
    Q_OBJECT
private slots:
    /// Defaults: no engine, nothing enabled, zero peers, not in sync.
    void startsStopped() {
        SyncStatus s;
        QCOMPARE(s.dhtState(), SyncStatus::DhtState::Stopped);
        QCOMPARE(s.space("any"), SyncStatus::Space{});
        QVERIFY(!s.space("any").enabled);
    }

    /// changed() fires once per real change; spaces are separate; clearing forgets a space.
    void signalsRealChangesOnly() {
        SyncStatus s;
        QSignalSpy changed(&s, &SyncStatus::changed);
        s.setDhtState(SyncStatus::DhtState::Online);
        s.setDhtState(SyncStatus::DhtState::Online);
        QCOMPARE(changed.count(), 1);
        s.setSpace("a", {true, 2, true});
        s.setSpace("a", {true, 2, true});
        QCOMPARE(changed.count(), 2);
        s.setSpace("b", {true, 1, false});
        QCOMPARE(s.space("a").peers, 2);
        QCOMPARE(s.space("b").peers, 1);
        s.clearSpace("a");
        s.clearSpace("a");
        QCOMPARE(changed.count(), 4);
        QVERIFY(!s.space("a").enabled);
    }

    /// The engine thread reports through the GUI thread's task queue (engine::TaskQueue, the
    /// facade's way back); the GUI thread sees the reports in order.
    void queuedFromAnotherThread() {
        SyncStatus s;
        engine::TaskQueue gui;
        std::unique_ptr<QThread> engine(QThread::create([&s, &gui] {
            gui.post([&s] { s.setDhtState(SyncStatus::DhtState::Bootstrapping); });
            gui.post([&s] { s.setSpace(QStringLiteral("x"), SyncStatus::Space{true, 5, false}); });
            gui.post([&s] { s.setSpace(QStringLiteral("x"), SyncStatus::Space{true, 6, true}); });
        }));
        QSignalSpy changed(&s, &SyncStatus::changed);
        engine->start();
        QTRY_COMPARE_WITH_TIMEOUT(s.space("x").peers, 6, 30000);
        QVERIFY(s.space("x").inSync);
        QCOMPARE(s.dhtState(), SyncStatus::DhtState::Bootstrapping);
        QCOMPARE(changed.count(), 3);
        engine->wait();
    }
};

QTEST_GUILESS_MAIN(TestSyncStatus)
#include "test_sync_status.moc"
