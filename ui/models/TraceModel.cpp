#include "ui/models/TraceModel.h"

#include <QDateTime>
#include <QLocale>

namespace pluresdb::ui {

TraceModel::TraceModel(QObject* parent) : QAbstractTableModel(parent) {}

int TraceModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_events.size());
}

int TraceModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const api::TraceEvent* TraceModel::eventAt(int row) const {
    return row >= 0 && row < int(m_events.size()) ? &m_events[size_t(row)] : nullptr;
}

void TraceModel::append(const std::vector<api::TraceEvent>& events) {
    if (events.empty())
        return;
    const size_t incoming = std::min(events.size(), kMaxRows);
    const size_t overflow = m_events.size() + incoming > kMaxRows ? m_events.size() + incoming - kMaxRows : 0;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow) - 1);
        m_events.erase(m_events.begin(), m_events.begin() + qsizetype(overflow));
        endRemoveRows();
    }
    beginInsertRows({}, int(m_events.size()), int(m_events.size() + incoming) - 1);
    for (size_t i = events.size() - incoming; i < events.size(); ++i)
        m_events.push_back(events[i]);
    endInsertRows();
}

void TraceModel::clear() {
    beginResetModel();
    m_events.clear();
    endResetModel();
}

QString TraceModel::kindText(const QString& kind) {
    using namespace api::trace;
    if (kind == QLatin1String(kConnected))
        return tr("connected");
    if (kind == QLatin1String(kDisconnected))
        return tr("disconnected");
    if (kind == QLatin1String(kAdmissionFailed))
        return tr("admission failed");
    if (kind == QLatin1String(kError))
        return tr("error");
    if (kind == QLatin1String(kInSync))
        return tr("in sync");
    if (kind == QLatin1String(kOpSent))
        return tr("op sent");
    if (kind == QLatin1String(kOpReceived))
        return tr("op received");
    if (kind == QLatin1String(kFindPeer))
        return tr("DHT lookup");
    if (kind == QLatin1String(kDhtLookup))
        return tr("DHT lookup");
    if (kind == QLatin1String(kDhtAnnounce))
        return tr("DHT announce");
    if (kind == QLatin1String(kHandshake))
        return tr("handshake");
    if (kind == QLatin1String(kNat))
        return tr("NAT classes");
    if (kind == QLatin1String(kPunchRound))
        return tr("punch round");
    if (kind == QLatin1String(kLanPing))
        return tr("LAN ping");
    if (kind == QLatin1String(kPath))
        return tr("path");
    return kind;
}

QVariant TraceModel::data(const QModelIndex& index, int role) const {
    const api::TraceEvent* e = index.isValid() ? eventAt(index.row()) : nullptr;
    if (!e)
        return {};
    switch (role) {
        case SeqRole:
            return e->seq;
        case KindRole:
            return e->kind;
        case PeerIdRole:
            return e->peerId;
        case RecordIdRole:
            return e->recordId;
        case Qt::ToolTipRole:
            if (index.column() == PeerColumn)
                return e->peerId;
            if (index.column() == DetailColumn)
                return e->detail;
            return {};
        case Qt::DisplayRole:
            break;
        default:
            return {};
    }
    switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(e->atMs).toString(QStringLiteral("HH:mm:ss.zzz"));
        case PeerColumn:
            return e->peerId.left(12);
        case KindColumn:
            return kindText(e->kind);
        case RecordColumn:
            return e->recordId;
        case FieldsColumn:
            return e->fields.join(QStringLiteral(", "));
        case ClockColumn:
            return e->clock;
        case SizeColumn:
            return e->isOp() ? QVariant(e->bytes.size()) : QVariant();
        case DetailColumn:
            return e->detail;
        default:
            return {};
    }
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
        case TimeColumn:
            return tr("Time");
        case PeerColumn:
            return tr("Peer");
        case KindColumn:
            return tr("Event");
        case RecordColumn:
            return tr("Record");
        case FieldsColumn:
            return tr("Fields");
        case ClockColumn:
            return tr("Clock");
        case SizeColumn:
            return tr("Bytes");
        case DetailColumn:
            return tr("Detail");
        default:
            return {};
    }
}

void TraceFilterModel::setPeer(const QString& peerId) {
    m_peer = peerId;
    invalidateRowsFilter();
}

void TraceFilterModel::setKind(const QString& kind) {
    m_kind = kind;
    invalidateRowsFilter();
}

void TraceFilterModel::setRecordPrefix(const QString& prefix) {
    m_record = prefix;
    invalidateRowsFilter();
}

bool TraceFilterModel::filterAcceptsRow(int row, const QModelIndex& parent) const {
    const QModelIndex i = sourceModel()->index(row, 0, parent);
    if (!m_peer.isEmpty() && i.data(TraceModel::PeerIdRole).toString() != m_peer)
        return false;
    if (!m_kind.isEmpty()) {
        const QString kind = i.data(TraceModel::KindRole).toString();
        if (m_kind == QLatin1String("ops")) {
            if (kind != QLatin1String(api::trace::kOpSent) && kind != QLatin1String(api::trace::kOpReceived))
                return false;
        } else if (kind != m_kind) {
            return false;
        }
    }
    if (!m_record.isEmpty() && !i.data(TraceModel::RecordIdRole).toString().startsWith(m_record))
        return false;
    return true;
}

}  // namespace pluresdb::ui
