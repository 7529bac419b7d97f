// The sync-status interface the engine feeds and the status bar reads: it starts honest (Stopped,
// no space enabled), signals only real changes, keeps spaces apart, and takes reports queued from
// another thread (the engine's).

#include "core/api/SyncStatus.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

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

    /// The engine thread reports through queued calls; the GUI thread sees them in order.
    void queuedFromAnotherThread() {
        SyncStatus s;
        QThread engine;
        engine.start();
        const auto stop = qScopeGuard([&engine] {
            engine.quit();
            engine.wait();
        });
        QObject onEngine;
        onEngine.moveToThread(&engine);
        QMetaObject::invokeMethod(&onEngine, [&s] {
            QMetaObject::invokeMethod(
                &s, "setDhtState", Qt::QueuedConnection,
                Q_ARG(pluresdb::SyncStatus::DhtState, SyncStatus::DhtState::Bootstrapping));
            QMetaObject::invokeMethod(
                &s, "setSpace", Qt::QueuedConnection, Q_ARG(QString, "x"),
                Q_ARG(pluresdb::SyncStatus::Space, (SyncStatus::Space{true, 5, false})));
        });
        QTRY_COMPARE_WITH_TIMEOUT(s.space("x").peers, 5, 30000);
        QCOMPARE(s.dhtState(), SyncStatus::DhtState::Bootstrapping);
    }
};

QTEST_GUILESS_MAIN(TestSyncStatus)
#include "test_sync_status.moc"
