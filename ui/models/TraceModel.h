#pragma once

// The sync debugger's events as a table (issue #9), appended as the window samples the engine's
// trace ring, and a filter over it by peer, kind and record id. Bounded like the engine's ring.

#include "core/api/SyncTrace.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <deque>

namespace pluresdb::ui {

class TraceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        PeerColumn,
        KindColumn,
        RecordColumn,
        FieldsColumn,
        ClockColumn,
        SizeColumn,
        DetailColumn,
        ColumnCount
    };
    enum Role { SeqRole = Qt::UserRole + 1, KindRole, PeerIdRole, RecordIdRole };
    static constexpr size_t kMaxRows = 20000;

    explicit TraceModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void append(const std::vector<api::TraceEvent>& events);
    void clear();
    quint64 lastSeq() const { return m_events.empty() ? 0 : m_events.back().seq; }
    const api::TraceEvent* eventAt(int row) const;
    const std::deque<api::TraceEvent>& events() const { return m_events; }

    static QString kindText(const QString& kind);

private:
    std::deque<api::TraceEvent> m_events;
};

class TraceFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setPeer(const QString& peerId);          // empty: all
    void setKind(const QString& kind);            // empty: all; "ops": sent and received ops
    void setRecordPrefix(const QString& prefix);  // empty: all

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

private:
    QString m_peer;
    QString m_kind;
    QString m_record;
};

}  // namespace pluresdb::ui
