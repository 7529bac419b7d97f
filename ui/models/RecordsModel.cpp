#include "ui/models/RecordsModel.h"

#include <QJsonDocument>

#include <algorithm>

namespace pluresdb::ui {

RecordsModel::RecordsModel(Database* db, QObject* parent) : QAbstractTableModel(parent), m_db(db) {
    connect(m_db, &Database::recordsChanged, this, [this](const QStringList& ids, bool) { refresh(ids); });
    reload();
}

int RecordsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int RecordsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const store::Record& r = m_records[static_cast<size_t>(index.row())];
    if (role == JsonRole)
        return QString::fromUtf8(QJsonDocument(r.data).toJson(QJsonDocument::Indented));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
        case IdColumn:
            return r.id;
        case FieldsColumn:
            return static_cast<int>(r.data.size());
        case DataColumn: {
            QString json = QString::fromUtf8(QJsonDocument(r.data).toJson(QJsonDocument::Compact));
            if (role == Qt::DisplayRole && json.size() > 200)
                json = json.left(200) + QChar(0x2026);
            return json;
        }
        default:
            return {};
    }
}

QVariant RecordsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
        case IdColumn:
            return tr("Id");
        case FieldsColumn:
            return tr("Fields");
        case DataColumn:
            return tr("Data");
        default:
            return {};
    }
}

bool RecordsModel::loadPage(std::vector<store::Record>* out) {
    const QString after = m_records.empty() ? QString() : m_records.back().id;
    auto page = m_db->listPage(m_prefix, after, kPageSize);
    if (!page) {
        m_lastError = page.errorMessage();
        emit loadFailed(m_lastError);
        return false;
    }
    m_lastError.clear();
    *out = std::move(page).value();
    return true;
}

bool RecordsModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_complete;
}

void RecordsModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid() || m_complete)
        return;
    if (m_resetting) {
        // A view asks for more while it handles modelReset: insert rows after the reset is over.
        QMetaObject::invokeMethod(
            this, [this] { fetchMore({}); }, Qt::QueuedConnection);
        return;
    }
    std::vector<store::Record> page;
    if (!loadPage(&page)) {
        m_complete = true;  // stop asking until the next reload
        return;
    }
    if (static_cast<int>(page.size()) < kPageSize)
        m_complete = true;
    if (page.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    for (auto& r : page) {
        m_keys.push_back(r.id.toUtf8());
        m_records.push_back(std::move(r));
    }
    endInsertRows();
}

void RecordsModel::setPrefix(const QString& prefix) {
    if (prefix == m_prefix)
        return;
    m_prefix = prefix;
    reload();
}

void RecordsModel::reload() {
    beginResetModel();
    m_records.clear();
    m_keys.clear();
    m_complete = false;
    std::vector<store::Record> page;
    if (loadPage(&page)) {
        if (static_cast<int>(page.size()) < kPageSize)
            m_complete = true;
        for (auto& r : page) {
            m_keys.push_back(r.id.toUtf8());
            m_records.push_back(std::move(r));
        }
    } else {
        m_complete = true;
    }
    m_resetting = true;
    endResetModel();
    m_resetting = false;
}

int RecordsModel::lowerBound(const QString& id) const {
    const QByteArray key = id.toUtf8();
    return static_cast<int>(std::lower_bound(m_keys.begin(), m_keys.end(), key) - m_keys.begin());
}

int RecordsModel::rowOfId(const QString& id) const {
    const int row = lowerBound(id);
    if (row >= rowCount() || m_records[static_cast<size_t>(row)].id != id)
        return -1;
    return row;
}

QString RecordsModel::idAt(int row) const {
    if (row < 0 || row >= rowCount())
        return {};
    return m_records[static_cast<size_t>(row)].id;
}

void RecordsModel::refresh(const QStringList& ids) {
    for (const QString& id : ids) {
        if (!id.startsWith(m_prefix))
            continue;
        const int row = lowerBound(id);
        const bool loaded = row < rowCount() && m_records[static_cast<size_t>(row)].id == id;
        // Past the end of what is loaded, and more to come: the record arrives with its page.
        if (!loaded && row == rowCount() && !m_complete)
            continue;
        auto now = m_db->get(id);
        if (!now) {
            emit loadFailed(now.errorMessage());
            continue;
        }
        if (now->has_value()) {
            if (loaded) {
                m_records[static_cast<size_t>(row)].data = **now;
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            } else {
                beginInsertRows({}, row, row);
                m_records.insert(m_records.begin() + row, store::Record{id, **now});
                m_keys.insert(m_keys.begin() + row, id.toUtf8());
                endInsertRows();
            }
        } else if (loaded) {
            beginRemoveRows({}, row, row);
            m_records.erase(m_records.begin() + row);
            m_keys.erase(m_keys.begin() + row);
            endRemoveRows();
        }
    }
}

}  // namespace pluresdb::ui
