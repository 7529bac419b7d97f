// The records model over a large space: it loads a page at a time in id order, fetches more as a
// view scrolls, and applies committed changes row by row (inside the loaded range) instead of
// reloading, so it stays fast with a million records. QAbstractItemModelTester watches every step.

#include "core/api/Database.h"
#include "ui/models/RecordsModel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::ui;

class TestRecordsModel : public QObject {
    Q_OBJECT
private slots:
    /// 1000 records: the first page only at first, then page by page to the end, in id order.
    void pagesInIdOrder() {
        QTemporaryDir dir;
        auto db = std::move(Database::open(dir.path())).value();
        fill(*db, 1000);
        RecordsModel model(db.get());
        QCOMPARE(model.rowCount(), RecordsModel::kPageSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * RecordsModel::kPageSize);
        // The tester fetches the rest itself and checks every signal on the way.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 1000);
        for (int i = 1; i < model.rowCount(); ++i)
            QVERIFY(model.idAt(i - 1).toUtf8() < model.idAt(i).toUtf8());
    }

    /// Changes inside the loaded range insert, update and remove single rows; a new record beyond
    /// the loaded range waits for its page.
    void changesTouchOnlyTheirRows() {
        QTemporaryDir dir;
        auto db = std::move(Database::open(dir.path())).value();
        fill(*db, 1000);                 // k0000 .. k0999; the first page ends at k0255
        RecordsModel model(db.get());    // one page loaded
        RecordsModel checked(db.get());  // all loaded by the tester, which checks every change's signals
        QAbstractItemModelTester tester(&checked, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        db->put("k0010", QJsonObject{{"changed", true}}).waitForFinished();
        db->put("k0010a", QJsonObject{{"new", 1}}).waitForFinished();
        db->remove("k0020").waitForFinished();
        db->put("k0999z", QJsonObject{{"late", 1}}).waitForFinished();  // beyond the loaded page
        QTRY_COMPARE_WITH_TIMEOUT(model.rowOfId("k0010a"), 11, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowOfId("k0020"), -1, 30000);
        QCOMPARE(model.data(model.index(10, RecordsModel::DataColumn)).toString(),
                 QString("{\"changed\":true,\"i\":10}"));
        QCOMPARE(model.rowCount(), RecordsModel::kPageSize);  // +1 inserted, -1 removed
        QCOMPARE(model.rowOfId("k0999z"), -1);
        QCOMPARE(resets.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(checked.rowOfId("k0999z"), 1000, 30000);
        QCOMPARE(checked.rowCount(), 1001);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 1001);
        QCOMPARE(model.idAt(1000), QString("k0999z"));
    }

private:
    static void fill(Database& db, int n) {
        std::vector<store::LocalWrite> batch;
        for (int i = 0; i < n; ++i) {
            batch.push_back(
                {QString("k%1").arg(i, 4, 10, QChar('0')), store::OpKind::Put, QJsonObject{{"i", i}}});
        }
        auto f = db.write(batch);
        f.waitForFinished();
        QVERIFY(f.result().ok);
    }
};

QTEST_MAIN(TestRecordsModel)
#include "test_records_model.moc"
