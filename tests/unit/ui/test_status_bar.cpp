// The status bar's sync part, driven through the SyncStatus interface the sync engine will feed:
// with no engine it says "Sync not running" (no invented numbers); DHT states, peer counts and
// in-sync changes appear as they are reported, for the space on screen only.

#include "core/api/Database.h"
#include "core/api/SyncStatus.h"
#include "ui/windows/MainWindow.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace pluresdb;
using namespace pluresdb::ui;

class TestStatusBar : public QObject {
    Q_OBJECT
private slots:
    /// Without a sync engine the window says so.
    void honestWhenNothingRuns() {
        QTemporaryDir dir;
        auto db = std::move(Database::open(dir.path())).value();
        MainWindow w(db.get());
        QCOMPARE(w.syncStatusText(), QString("Sync not running"));
        QCOMPARE(w.syncStatus()->dhtState(), SyncStatus::DhtState::Stopped);
    }

    /// Each report changes the text: connecting, online with the space off, peers, in sync, offline.
    void followsTheReportedState() {
        QTemporaryDir dir;
        auto db = std::move(Database::open(dir.path())).value();
        MainWindow w(db.get());
        SyncStatus status;
        w.setSyncStatus(&status);
        QSignalSpy changed(&status, &SyncStatus::changed);
        QCOMPARE(w.syncStatusText(), QString("Sync not running"));

        status.setDhtState(SyncStatus::DhtState::Bootstrapping);
        QCOMPARE(w.syncStatusText(), QString("DHT: connecting…  ·  sync off for this space"));
        status.setDhtState(SyncStatus::DhtState::Online);
        // The one-database window's space id is "".
        status.setSpace(QString(), SyncStatus::Space{true, 0, false});
        QCOMPARE(w.syncStatusText(), QString("DHT: online  ·  0 peer(s)"));
        status.setSpace(QString(), SyncStatus::Space{true, 3, false});
        QCOMPARE(w.syncStatusText(), QString("DHT: online  ·  3 peer(s)  ·  not in sync yet"));
        status.setSpace(QString(), SyncStatus::Space{true, 3, true});
        QCOMPARE(w.syncStatusText(), QString("DHT: online  ·  3 peer(s)  ·  in sync"));
        // Another space's figures do not show here.
        status.setSpace(QStringLiteral("other"), SyncStatus::Space{true, 9, false});
        QCOMPARE(w.syncStatusText(), QString("DHT: online  ·  3 peer(s)  ·  in sync"));
        status.setDhtState(SyncStatus::DhtState::Offline);
        QVERIFY(w.syncStatusText().startsWith("DHT: offline"));
        status.clearSpace(QString());
        QCOMPARE(w.syncStatusText(), QString("DHT: offline  ·  sync off for this space"));
        status.setDhtState(SyncStatus::DhtState::Stopped);
        QCOMPARE(w.syncStatusText(), QString("Sync not running"));
        // Repeating a state is not a change.
        const int before = int(changed.count());
        status.setDhtState(SyncStatus::DhtState::Stopped);
        QCOMPARE(int(changed.count()), before);

        // Reports queued from another thread (as the engine sends them) arrive too.
        QThread worker;
        worker.start();
        QObject sender;
        sender.moveToThread(&worker);
        QMetaObject::invokeMethod(&sender, [&status] {
            QMetaObject::invokeMethod(&status,
                                      [&status] { status.setDhtState(SyncStatus::DhtState::Online); });
        });
        QTRY_VERIFY_WITH_TIMEOUT(w.syncStatusText().startsWith("DHT: online"), 30000);
        worker.quit();
        worker.wait();

        // Detaching the engine's status returns to the window's own, honest one.
        w.setSyncStatus(nullptr);
        QCOMPARE(w.syncStatusText(), QString("Sync not running"));
    }
};

QTEST_MAIN(TestStatusBar)
#include "test_status_bar.moc"
