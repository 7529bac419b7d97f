#pragma once

// The first window: the records of the open database in a table, filtered by id prefix, and a
// JSON editor to create, edit and delete records. (Spaces, peers, graphs and the debugger come in
// the desktop-app issues.)

#include "core/api/Database.h"

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace pluresdb::ui {

class RecordsModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Database* db, QWidget* parent = nullptr);

    // For tests and scripts: the widgets a user works with.
    QTableView* recordsView() const { return m_view; }
    RecordsModel* recordsModel() const { return m_model; }
    QLineEdit* idEdit() const { return m_idEdit; }
    QLineEdit* filterEdit() const { return m_filter; }
    QPlainTextEdit* jsonEdit() const { return m_json; }
    QString editorMessage() const;

public slots:
    void newRecord();
    void saveRecord();
    void deleteRecord();
    void selectRecord(const QString& id);

signals:
    void writeFinished(bool ok, const QString& message);

private:
    void showRecord(const QString& id);
    void validateEditor();
    void updateStatus();
    void setEditorMessage(const QString& text, bool error);

    Database* m_db;
    RecordsModel* m_model;
    QTableView* m_view;
    QLineEdit* m_filter;
    QLineEdit* m_idEdit;
    QPlainTextEdit* m_json;
    QLabel* m_message;
    QLabel* m_count;
    QPushButton* m_save;
    QPushButton* m_delete;
    QJsonObject m_loaded;  // the record as it was when loaded into the editor
    QString m_loadedId;
};

}  // namespace pluresdb::ui
