#pragma once

// The records of one database as a table: id, number of fields, and the fields as compact JSON.
// It loads lazily, a page at a time in id order as the view scrolls (canFetchMore/fetchMore), so a
// space of a million records opens at once. Committed changes (local or from peers) update only
// the rows they touch, so views keep their selection and scroll position.

#include "core/api/Database.h"

#include <QAbstractTableModel>

#include <vector>

namespace pluresdb::ui {

class RecordsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, FieldsColumn, DataColumn, ColumnCount };
    enum Role { JsonRole = Qt::UserRole + 1 };
    static constexpr int kPageSize = 256;

    explicit RecordsModel(Database* db, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    void setPrefix(const QString& prefix);
    QString prefix() const { return m_prefix; }
    int rowOfId(const QString& id) const;
    QString idAt(int row) const;
    bool complete() const { return m_complete; }
    QString lastError() const { return m_lastError; }

public slots:
    // Drops what is loaded and loads the first page again.
    void reload();
    // Brings these records up to date (inserted, changed or removed rows) where they fall inside
    // the loaded range; records beyond it arrive with later pages.
    void refresh(const QStringList& ids);

signals:
    void loadFailed(const QString& message);

private:
    bool loadPage(std::vector<store::Record>* out);
    int lowerBound(const QString& id) const;

    Database* m_db;
    QString m_prefix;
    std::vector<store::Record> m_records;  // sorted by UTF-8 id
    std::vector<QByteArray> m_keys;        // the ids as UTF-8, for ordering like SQLite
    bool m_complete = false;
    bool m_resetting = false;
    QString m_lastError;
};

}  // namespace pluresdb::ui
