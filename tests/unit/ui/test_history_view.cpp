// The data browser's per-field history: a record written concurrently on this device and on another
// replica (ops merged through the engine, as sync delivers them) shows each field's writes with
// writer and time, the concurrent pair marked with both values and the winner, live as the peer's
// ops arrive; the history model passes QAbstractItemModelTester.

#include "core/api/Database.h"
#include "core/store/Store.h"
#include "tests/support/TestSupport.h"
#include "ui/models/FieldHistoryModel.h"
#include "ui/models/RecordsModel.h"
#include "ui/windows/RecordsPanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace pluresdb;
using namespace pluresdb::ui;
using pluresdb::test::FakeWallClock;

namespace {
QJsonObject obj(const char* json) {
    return QJsonDocument::fromJson(json).object();
}
}  // namespace

class TestHistoryView : public QObject {
    Q_OBJECT
private slots:
    /// Concurrent writes of one field on two replicas appear in the history tab, marked with both
    /// values and the winner; a field written once is plain history.
    void concurrentWritesShownWithWinner() {
        QTemporaryDir dir;
        FakeWallClock localClock(1'700'000'000'000), peerClock(1'700'000'000'000);
        Database::Options o;
        o.clock = &localClock;
        auto db = std::move(Database::open(dir.filePath("local"), o)).value();
        store::Store::Options po;
        po.clock = &peerClock;
        auto peer = std::move(store::Store::open(dir.filePath("peer"), po)).value();

        RecordsPanel panel(db.get());
        QAbstractItemModelTester tester(panel.historyModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.resize(900, 500);
        panel.show();

        // A common start, then both sides change the title without seeing each other.
        QVERIFY(db->put("doc", obj(R"({"title":"draft","pages":3})")).result().ok);
        QVERIFY(peer->merge(*db->opsSince({}, 100)));
        localClock.advance(5);
        peerClock.advance(9);  // the peer's write is later: it wins
        QVERIFY(db->put("doc", obj(R"({"title":"mine"})")).result().ok);
        QVERIFY(peer->put("doc", obj(R"({"title":"theirs"})")));

        QTRY_COMPARE_WITH_TIMEOUT(panel.recordsModel()->rowCount(), 1, 30000);
        panel.selectRecord("doc");
        FieldHistoryModel* model = panel.historyModel();
        QCOMPARE(model->rowCount(), 2);  // pages, title
        QCOMPARE(model->conflictCount(), 0);
        QCOMPARE(panel.tabs()->tabText(1), QString("History"));

        // The peer's ops arrive through the engine: the history updates live.
        auto merged = db->merge(*peer->opsSince(*db->versionVector(), 100));
        QTRY_COMPARE_WITH_TIMEOUT(model->conflictCount(), 1, 30000);
        QVERIFY(merged.result().ok);
        // "conflict(s)" without the English catalogue's plural forms, which this test does not load.
        QVERIFY(panel.tabs()->tabText(1).startsWith("History (1 conflict"));

        const QModelIndex title = model->index(1, 0);
        QCOMPARE(model->data(title).toString(), QString(R"(title: "theirs")"));
        QVERIFY(model->data(title, FieldHistoryModel::ConflictRole).toBool());
        QVERIFY(panel.historyView()->isExpanded(title));
        QCOMPARE(model->rowCount(title), 3);
        const auto cell = [&](int row, int column) {
            return model->data(model->index(row, column, title)).toString();
        };
        const QString me = store::siteIdHex(db->siteId()).left(8);
        const QString them = store::siteIdHex(peer->siteId()).left(8);
        QCOMPARE(cell(0, FieldHistoryModel::ValueColumn), QString(R"("draft")"));
        QCOMPARE(cell(0, FieldHistoryModel::WriterColumn), QString("%1 (this device)").arg(me));
        QCOMPARE(cell(0, FieldHistoryModel::NoteColumn), QString());
        QCOMPARE(cell(1, FieldHistoryModel::ValueColumn), QString(R"("mine")"));
        QCOMPARE(cell(1, FieldHistoryModel::NoteColumn),
                 QString(R"(concurrent with "theirs" by %1; "theirs" won)").arg(them));
        QCOMPARE(cell(2, FieldHistoryModel::ValueColumn), QString(R"("theirs")"));
        QCOMPARE(cell(2, FieldHistoryModel::WriterColumn), them);
        QCOMPARE(cell(2, FieldHistoryModel::NoteColumn),
                 QString(R"(current; concurrent with "mine" by %1 (this device); this write won)").arg(me));
        QCOMPARE(cell(2, FieldHistoryModel::TimeColumn),
                 FieldHistoryModel::timeText(store::Hlc{1'700'000'000'009, 0, peer->siteId()}));

        // And in words under the tree.
        QCOMPARE(panel.conflictsText(),
                 QString(R"(title: "mine" by %1 (this device) and "theirs" by %2 were written concurrently; )"
                         R"("theirs" won.)")
                     .arg(me, them));

        const QModelIndex pages = model->index(0, 0);
        QVERIFY(!model->data(pages, FieldHistoryModel::ConflictRole).toBool());
        QCOMPARE(model->rowCount(pages), 1);
        QCOMPARE(model->data(model->index(0, FieldHistoryModel::NoteColumn, pages)).toString(),
                 QString("current"));

        // Starting a new record clears the history.
        panel.newRecord();
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(panel.tabs()->tabText(1), QString("History"));
        QVERIFY(panel.conflictsText().isEmpty());
    }
};

QTEST_MAIN(TestHistoryView)
#include "test_history_view.moc"
