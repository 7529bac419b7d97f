#pragma once

// The records of one database as a table: id and the record's fields as compact JSON.
// Reads through the Database's read-only connection; reloads when the engine reports a committed
// change, keeping rows stable by id so a view keeps its selection.

#include "core/api/Database.h"

#include <QAbstractTableModel>

#include <vector>

namespace pluresdb::ui {

class RecordsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, FieldsColumn, DataColumn, ColumnCount };
    enum Role { JsonRole = Qt::UserRole + 1 };

    explicit RecordsModel(Database* db, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setPrefix(const QString& prefix);
    QString prefix() const { return m_prefix; }
    int rowOfId(const QString& id) const;
    QString idAt(int row) const;
    QString lastError() const { return m_lastError; }

public slots:
    void reload();

signals:
    void loadFailed(const QString& message);

private:
    Database* m_db;
    QString m_prefix;
    std::vector<store::Record> m_records;
    QString m_lastError;
};

}  // namespace pluresdb::ui
