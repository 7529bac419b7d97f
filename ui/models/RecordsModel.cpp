#include "ui/models/RecordsModel.h"

#include <QJsonDocument>

#include <algorithm>

namespace pluresdb::ui {

RecordsModel::RecordsModel(Database* db, QObject* parent) : QAbstractTableModel(parent), m_db(db) {
    connect(m_db, &Database::recordsChanged, this, &RecordsModel::reload);
    reload();
}

int RecordsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int RecordsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : DataColumn + 1; }

QVariant RecordsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const store::Record& r = m_records[static_cast<size_t>(index.row())];
    if (role == JsonRole) return QString::fromUtf8(QJsonDocument(r.data).toJson(QJsonDocument::Indented));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    switch (index.column()) {
        case IdColumn: return r.id;
        case FieldsColumn: return static_cast<int>(r.data.size());
        case DataColumn: {
            QString json = QString::fromUtf8(QJsonDocument(r.data).toJson(QJsonDocument::Compact));
            if (role == Qt::DisplayRole && json.size() > 200) json = json.left(200) + QChar(0x2026);
            return json;
        }
        default: return {};
    }
}

QVariant RecordsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case IdColumn: return tr("Id");
        case FieldsColumn: return tr("Fields");
        case DataColumn: return tr("Data");
        default: return {};
    }
}

void RecordsModel::setPrefix(const QString& prefix) {
    if (prefix == m_prefix) return;
    m_prefix = prefix;
    reload();
}

int RecordsModel::rowOfId(const QString& id) const {
    auto it = std::lower_bound(m_records.begin(), m_records.end(), id,
                               [](const store::Record& r, const QString& v) { return r.id.toUtf8() < v.toUtf8(); });
    if (it == m_records.end() || it->id != id) return -1;
    return static_cast<int>(it - m_records.begin());
}

QString RecordsModel::idAt(int row) const {
    if (row < 0 || row >= rowCount()) return {};
    return m_records[static_cast<size_t>(row)].id;
}

void RecordsModel::reload() {
    auto r = m_db->list(m_prefix);
    if (!r) {
        m_lastError = r.errorMessage();
        emit loadFailed(m_lastError);
        return;
    }
    m_lastError.clear();
    // A layout change with persistent indexes remapped by id keeps the views' selection and
    // current row on the same record while rows come and go.
    emit layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QStringList ids;
    for (const auto& idx : before) ids << m_records[static_cast<size_t>(idx.row())].id;
    m_records = std::move(r).value();
    QModelIndexList after;
    for (int i = 0; i < before.size(); ++i) {
        const int row = rowOfId(ids[i]);
        after << (row < 0 ? QModelIndex() : index(row, before[i].column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged();
}

}  // namespace pluresdb::ui
