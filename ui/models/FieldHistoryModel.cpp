#include "ui/models/FieldHistoryModel.h"

#include <QApplication>
#include <QDateTime>
#include <QFont>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QStyle>

namespace pluresdb::ui {

namespace {
// internalId of a field row; a write row stores its field's row + 1.
constexpr quintptr kFieldRow = 0;
constexpr int kMaxValueChars = 120;
}  // namespace

FieldHistoryModel::FieldHistoryModel(QObject* parent) : QAbstractItemModel(parent) {}

void FieldHistoryModel::setHistory(store::RecordHistory history, const store::SiteId& self) {
    beginResetModel();
    m_history = std::move(history);
    m_self = self;
    endResetModel();
}

void FieldHistoryModel::clear() {
    beginResetModel();
    m_history = {};
    endResetModel();
}

int FieldHistoryModel::conflictCount() const {
    int n = 0;
    for (const auto& f : m_history.fields)
        n += f.hasConflict() ? 1 : 0;
    return n;
}

QModelIndex FieldHistoryModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kFieldRow);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex FieldHistoryModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kFieldRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kFieldRow);
}

int FieldHistoryModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return int(m_history.fields.size());
    if (parent.internalId() != kFieldRow || parent.column() != 0)
        return 0;
    return int(m_history.fields[size_t(parent.row())].writes.size());
}

int FieldHistoryModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QString FieldHistoryModel::valueText(const store::FieldWrite& w) const {
    switch (w.kind) {
        case store::FieldWrite::Kind::FieldDeleted:
            return tr("(field deleted)");
        case store::FieldWrite::Kind::RecordDeleted:
            return tr("(record deleted)");
        case store::FieldWrite::Kind::Value:
            break;
    }
    // One value as compact JSON: wrap it in an array and strip the brackets.
    QString json = QString::fromUtf8(QJsonDocument(QJsonArray{w.value}).toJson(QJsonDocument::Compact));
    json = json.mid(1, json.size() - 2);
    if (json.size() > kMaxValueChars)
        json = json.left(kMaxValueChars) + QChar(0x2026);
    return json;
}

QString FieldHistoryModel::writerText(const store::SiteId& site) const {
    const QString shortId = store::siteIdHex(site).left(8);
    return site == m_self ? tr("%1 (this device)").arg(shortId) : shortId;
}

QString FieldHistoryModel::timeText(const store::Hlc& hlc) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(hlc.ms);
    return QLocale().toString(t, QStringLiteral("yyyy-MM-dd HH:mm:ss"));  // ms and counter: tooltip
}

QString FieldHistoryModel::conflictText(const store::FieldHistory& field, size_t write) const {
    const store::FieldWrite& w = field.writes[write];
    QStringList parts;
    for (size_t other : w.concurrentWith) {
        const store::FieldWrite& o = field.writes[other];
        const store::FieldWrite& winner = other > write ? o : w;  // later in clock order
        parts << tr("concurrent with %1 by %2; %3 won")
                     .arg(valueText(o), writerText(o.hlc.site),
                          &winner == &w ? tr("this write") : valueText(winner));
    }
    return parts.join(QStringLiteral("; "));
}

QStringList FieldHistoryModel::conflictSummary() const {
    QStringList lines;
    for (const auto& f : m_history.fields) {
        for (size_t j = 0; j < f.writes.size(); ++j) {
            for (size_t i : f.writes[j].concurrentWith) {
                if (i >= j)
                    continue;  // each pair once, from its later write (the winner of the pair)
                const auto& a = f.writes[i];
                const auto& b = f.writes[j];
                lines << tr("%1: %2 by %3 and %4 by %5 were written concurrently; %4 won.")
                             .arg(f.name, valueText(a), writerText(a.hlc.site), valueText(b),
                                  writerText(b.hlc.site));
            }
        }
    }
    return lines;
}

QVariant FieldHistoryModel::fieldData(const store::FieldHistory& f, int column, int role) const {
    const store::FieldWrite* current = f.writes.empty() ? nullptr : &f.writes.back();
    if (role == ConflictRole)
        return f.hasConflict();
    if (role == Qt::DecorationRole && column == ValueColumn && f.hasConflict())
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    if (role == Qt::FontRole) {
        QFont bold;
        bold.setBold(true);
        return column == ValueColumn ? QVariant(bold) : QVariant();
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
        case ValueColumn:
            return current ? QStringLiteral("%1: %2").arg(f.name, valueText(*current)) : f.name;
        case WriterColumn:
            return current ? writerText(current->hlc.site) : QString();
        case TimeColumn:
            return current ? timeText(current->hlc) : QString();
        case NoteColumn: {
            int conflicts = 0;
            for (const auto& w : f.writes)
                conflicts += w.concurrentWith.empty() ? 0 : 1;
            if (conflicts > 0)
                return tr("conflict: %n concurrent write(s)", nullptr, conflicts);
            return tr("%n write(s)", nullptr, int(f.writes.size()));
        }
        default:
            return {};
    }
}

QVariant FieldHistoryModel::writeData(const store::FieldHistory& f, size_t i, int column, int role) const {
    const store::FieldWrite& w = f.writes[i];
    const bool conflict = !w.concurrentWith.empty();
    if (role == ConflictRole)
        return conflict;
    if (role == Qt::DecorationRole && column == ValueColumn && conflict)
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    if (role == Qt::FontRole && w.current && column == ValueColumn) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && column == TimeColumn)
        return tr("clock %1").arg(w.hlc.toString());  // ms since 1970, counter, writer
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
        case ValueColumn:
            return valueText(w);
        case WriterColumn:
            return writerText(w.hlc.site);
        case TimeColumn:
            return timeText(w.hlc);
        case NoteColumn: {
            QStringList notes;
            if (w.current)
                notes << tr("current");
            if (conflict)
                notes << conflictText(f, i);
            if (!w.causalityKnown)
                notes << tr("written before history was kept: conflicts unknown");
            return notes.join(QStringLiteral("; "));
        }
        default:
            return {};
    }
}

QVariant FieldHistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kFieldRow)
        return fieldData(m_history.fields[size_t(index.row())], index.column(), role);
    const auto& f = m_history.fields[size_t(index.internalId() - 1)];
    return writeData(f, size_t(index.row()), index.column(), role);
}

QVariant FieldHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
        case ValueColumn:
            return tr("Field / value");
        case WriterColumn:
            return tr("Writer");
        case TimeColumn:
            return tr("Time");
        case NoteColumn:
            return tr("Notes");
        default:
            return {};
    }
}

}  // namespace pluresdb::ui
