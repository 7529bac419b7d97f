// The data browser as a user drives it: create, edit (removing a field deletes it) and delete a
// record through the editor; invalid JSON is refused before saving; a change made elsewhere (another
// writer through the engine) appears live without losing the selection; the model passes
// QAbstractItemModelTester.

#include "core/api/Database.h"
#include "tests/support/TestSupport.h"
#include "ui/models/RecordsModel.h"
#include "ui/windows/RecordsPanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::ui;

class TestRecordsPanel : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::move(Database::open(m_dir->path())).value();
        m_window = std::make_unique<RecordsPanel>(m_db.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_window->recordsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_window->show();
    }
    void cleanup() {
        m_tester.reset();
        m_window.reset();
        m_db.reset();
        m_dir.reset();
    }

    /// Typing an id and a JSON object and pressing Save creates the record and lists it.
    void createThroughEditor() {
        save("user:1", R"({"name": "Ada", "age": 36})");
        QCOMPARE(**m_db->get("user:1"), obj(R"({"name":"Ada","age":36})"));
        QCOMPARE(m_window->recordsModel()->rowCount(), 1);
        QCOMPARE(m_window->recordsModel()->idAt(0), QString("user:1"));
    }

    /// Editing a loaded record: a changed field is updated, a removed field is deleted.
    void editRemovesDeletedFields() {
        save("user:1", R"({"name": "Ada", "age": 36, "city": "London"})");
        m_window->selectRecord("user:1");
        QCOMPARE(m_window->idEdit()->text(), QString("user:1"));
        save(QString(), R"({"name": "Ada Lovelace", "age": 36})");
        QCOMPARE(**m_db->get("user:1"), obj(R"({"name":"Ada Lovelace","age":36})"));
    }

    /// Delete removes the record from the database and the table.
    void deleteThroughEditor() {
        save("a", R"({"v": 1})");
        save("b", R"({"v": 2})");
        m_window->selectRecord("a");
        QSignalSpy done(m_window.get(), &RecordsPanel::writeFinished);
        m_window->deleteRecord();
        QVERIFY(done.wait(30000));
        QVERIFY(!m_db->get("a")->has_value());
        QCOMPARE(m_window->recordsModel()->rowCount(), 1);
    }

    /// Invalid JSON or a non-object is shown as an error and Save stays disabled.
    void invalidJsonIsRefused() {
        m_window->newRecord();
        m_window->idEdit()->setText("x");
        m_window->jsonEdit()->setPlainText("{\"a\": ");
        QVERIFY(m_window->editorMessage().contains("Invalid JSON"));
        m_window->saveRecord();
        m_window->jsonEdit()->setPlainText("[1, 2]");
        QVERIFY(m_window->editorMessage().contains("JSON object"));
        m_window->saveRecord();
        QTest::qWait(100);
        QVERIFY(!m_db->get("x")->has_value());
    }

    /// A record written by another writer (as a sync peer's ops arrive through the engine) appears
    /// live, and the row the user selected stays selected.
    void remoteChangeAppearsLiveKeepingSelection() {
        save("m", R"({"v": 1})");
        m_window->selectRecord("m");
        QCOMPARE(m_window->recordsView()->currentIndex().row(), 0);
        // Another replica's op, merged through the engine thread.
        QTemporaryDir otherDir;
        auto other = std::move(Database::open(otherDir.path())).value();
        other->put("a", obj(R"({"from":"peer"})")).waitForFinished();
        auto ops = *other->opsSince({}, 100);
        auto merged = m_db->merge(ops);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->recordsModel()->rowCount(), 2, 30000);
        QCOMPARE(merged.result().applied, 1);
        // "a" sorts before "m": the selection followed "m" to row 1.
        const QModelIndex current = m_window->recordsView()->currentIndex();
        QCOMPARE(m_window->recordsModel()->idAt(current.row()), QString("m"));
        QVERIFY(m_window->recordsView()->selectionModel()->isRowSelected(current.row(), {}));
    }

    /// The prefix filter narrows the table.
    void prefixFilter() {
        save("user:1", R"({})");
        save("user:2", R"({})");
        save("note:1", R"({})");
        m_window->filterEdit()->setText("user:");
        QCOMPARE(m_window->recordsModel()->rowCount(), 2);
        m_window->filterEdit()->clear();
        QCOMPARE(m_window->recordsModel()->rowCount(), 3);
    }

private:
    static QJsonObject obj(const char* json) { return QJsonDocument::fromJson(json).object(); }

    void save(const QString& id, const QString& json) {
        if (!id.isEmpty()) {
            m_window->newRecord();
            m_window->idEdit()->setText(id);
        }
        m_window->jsonEdit()->setPlainText(json);
        QSignalSpy done(m_window.get(), &RecordsPanel::writeFinished);
        m_window->saveRecord();
        QVERIFY(done.wait(30000));
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<RecordsPanel> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestRecordsPanel)
#include "test_records_panel.moc"
