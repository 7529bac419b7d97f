#pragma once

// The data browser of one database: its records in a table, filtered by id prefix, and a JSON
// editor to create, edit and delete records. The main window shows one per open space.

#include "core/api/Database.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTreeView;

namespace pluresdb::ui {

class FieldHistoryModel;
class RecordsModel;

class RecordsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RecordsPanel(Database* db, QWidget* parent = nullptr);
    Database* database() const { return m_db; }
    QString summary() const;  // "N records · path", for the status bar

    // For tests and scripts: the widgets a user works with.
    QTableView* recordsView() const { return m_view; }
    RecordsModel* recordsModel() const { return m_model; }
    QLineEdit* idEdit() const { return m_idEdit; }
    QLineEdit* filterEdit() const { return m_filter; }
    QPlainTextEdit* jsonEdit() const { return m_json; }
    FieldHistoryModel* historyModel() const { return m_historyModel; }
    QTreeView* historyView() const { return m_historyView; }
    QTabWidget* tabs() const { return m_tabs; }
    QString historyNote() const;
    QString conflictsText() const;  // the conflicts in words, under the history
    QString editorMessage() const;

public slots:
    void newRecord();
    void saveRecord();
    void deleteRecord();
    void selectRecord(const QString& id);

    void focusFilter();

signals:
    void writeFinished(bool ok, const QString& message);
    void statusMessage(const QString& text, int timeoutMs);
    void summaryChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showRecord(const QString& id);
    void loadHistory(const QString& id);
    void updateHistoryTab();
    void validateEditor();
    void setEditorMessage(const QString& text, bool error);
    void whenWritten(QFuture<WriteResult> future, std::function<void(const WriteResult&)> done);

    Database* m_db;
    RecordsModel* m_model;
    QTableView* m_view;
    QLineEdit* m_filter;
    QLineEdit* m_idEdit;
    QPlainTextEdit* m_json;
    QLabel* m_message;
    QPushButton* m_new;
    QPushButton* m_save;
    QPushButton* m_delete;
    QLabel* m_idLabel;
    QLabel* m_fieldsLabel;
    QTabWidget* m_tabs;
    FieldHistoryModel* m_historyModel;
    QTreeView* m_historyView;
    QLabel* m_historyNote;
    QLabel* m_conflicts;
    bool m_historyError = false;
    QJsonObject m_loaded;  // the record as it was when loaded into the editor
    QString m_loadedId;
};

}  // namespace pluresdb::ui
