#pragma once

// The history of one record as a tree: one row per field (its current value, and whether it has had
// conflicting concurrent writes), under it one row per write, oldest first: the value, the writer
// (site id, short; "this device" for our own) and the time from the write's clock. A write that was
// concurrent with another is marked with a warning and says which values met and which one won.

#include "core/store/History.h"

#include <QAbstractItemModel>

namespace pluresdb::ui {

class FieldHistoryModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { ValueColumn, WriterColumn, TimeColumn, NoteColumn, ColumnCount };
    enum Role { ConflictRole = Qt::UserRole + 1 };  // bool: the row (field or write) is in a conflict

    explicit FieldHistoryModel(QObject* parent = nullptr);

    void setHistory(store::RecordHistory history, const store::SiteId& self);
    void clear();
    const store::RecordHistory& history() const { return m_history; }
    int conflictCount() const;  // fields with a conflict

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The texts the rows show, for tests and tooltips.
    QString valueText(const store::FieldWrite& w) const;
    QString writerText(const store::SiteId& site) const;
    static QString timeText(const store::Hlc& hlc);
    QString conflictText(const store::FieldHistory& field, size_t write) const;
    // Every concurrent pair of the record, one line each: the field, both values and writers, the winner.
    QStringList conflictSummary() const;

private:
    QVariant fieldData(const store::FieldHistory& f, int column, int role) const;
    QVariant writeData(const store::FieldHistory& f, size_t i, int column, int role) const;

    store::RecordHistory m_history;
    store::SiteId m_self{};
};

}  // namespace pluresdb::ui
