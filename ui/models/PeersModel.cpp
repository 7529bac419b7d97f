#include "ui/models/PeersModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace pluresdb::ui {

PeersModel::PeersModel(QObject* parent) : QAbstractTableModel(parent) {}

int PeersModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_peers.size());
}

int PeersModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const api::MonitoredPeer* PeersModel::peerAt(int row) const {
    return row >= 0 && row < int(m_peers.size()) ? &m_peers[size_t(row)] : nullptr;
}

int PeersModel::rowOfPeer(const QString& peerId) const {
    for (size_t i = 0; i < m_peers.size(); ++i)
        if (m_peers[i].peer.peerId == peerId)
            return int(i);
    return -1;
}

void PeersModel::setPeers(std::vector<api::MonitoredPeer> peers) {
    std::stable_sort(peers.begin(), peers.end(),
                     [](const auto& a, const auto& b) { return a.firstSeenMs < b.firstSeenMs; });
    // Known peers are updated in place; new ones appended (the monitor never forgets a current one).
    std::vector<api::MonitoredPeer> fresh;
    for (auto& p : peers) {
        const int row = rowOfPeer(p.peer.peerId);
        if (row >= 0)
            m_peers[size_t(row)] = std::move(p);
        else
            fresh.push_back(std::move(p));
    }
    if (!m_peers.empty())
        emit dataChanged(index(0, 0), index(int(m_peers.size()) - 1, ColumnCount - 1));
    if (!fresh.empty()) {
        beginInsertRows({}, int(m_peers.size()), int(m_peers.size() + fresh.size()) - 1);
        for (auto& p : fresh)
            m_peers.push_back(std::move(p));
        endInsertRows();
    }
}

void PeersModel::clear() {
    beginResetModel();
    m_peers.clear();
    endResetModel();
}

QString PeersModel::natText(int firewall) {
    switch (firewall) {
        case 1:
            return tr("open");
        case 2:
            return tr("consistent");
        case 3:
            return tr("random");
        default:
            return tr("unknown");
    }
}

QString PeersModel::connectionText(const api::MonitoredPeer& p) {
    const auto& l = p.peer.link;
    if (p.peer.legacyJson)
        return tr("PluresDB 2.x JSON");
    if (l.kind == QLatin1String("websocket"))
        return tr("WebSocket");
    if (l.kind == QLatin1String("tcp"))
        return tr("TCP");
    if (l.kind == QLatin1String("swarm")) {
        if (l.path == QLatin1String("direct"))
            return tr("Direct");
        if (l.path == QLatin1String("lan"))
            return tr("LAN");
        if (l.path == QLatin1String("holepunched"))
            return l.punchStrategy.isEmpty() ? tr("Holepunched")
                                             : tr("Holepunched (%1)").arg(l.punchStrategy);
        if (l.path == QLatin1String("relayed"))
            return tr("Relayed via %1").arg(l.handshakeRelay.isEmpty() ? tr("a relay") : l.handshakeRelay);
        return tr("Swarm");
    }
    return tr("Unknown");
}

QString PeersModel::flags(const api::MonitoredPeer& p) {
    const auto& l = p.peer.link;
    QString f;
    if (l.kind == QLatin1String("swarm"))
        f += QLatin1Char('S');
    if (l.kind == QLatin1String("websocket"))
        f += QLatin1Char('W');
    if (l.kind == QLatin1String("tcp"))
        f += QLatin1Char('T');
    if (l.path == QLatin1String("lan"))
        f += QLatin1Char('L');
    if (l.path == QLatin1String("holepunched"))
        f += QLatin1Char('H');
    if (l.path == QLatin1String("relayed"))
        f += QLatin1Char('R');
    if (p.peer.legacyJson)
        f += QLatin1Char('J');
    else if (!p.peer.remotePublicKey.isEmpty())
        f += QLatin1Char('E');
    f += l.initiator ? QLatin1Char('O') : QLatin1Char('I');
    if (!p.admissionFailure.isEmpty())
        f += QLatin1Char('X');
    return f;
}

QString PeersModel::flagsLegend() {
    return tr(
        "S: found through the swarm (Hyperswarm DHT)\n"
        "W: WebSocket mesh\n"
        "T: TCP\n"
        "L: on the local network\n"
        "H: holepunched through NAT\n"
        "R: relayed (no direct path)\n"
        "J: PluresDB 2.x JSON (cannot prove the key)\n"
        "E: encrypted and authenticated (Noise)\n"
        "O: outgoing (we dialled)\n"
        "I: incoming (they dialled)\n"
        "X: refused: could not prove the space's key");
}

QString PeersModel::bytesText(double bytes) {
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeSIFormat);
}

QVariant PeersModel::data(const QModelIndex& index, int role) const {
    const api::MonitoredPeer* p = index.isValid() ? peerAt(index.row()) : nullptr;
    if (!p)
        return {};
    const SyncPeer& s = p->peer;
    const bool green = p->current && s.connected && s.inSync;
    if (role == PeerIdRole)
        return s.peerId;
    if (role == InSyncRole)
        return green;
    if (role == Qt::BackgroundRole && index.column() == InSyncColumn && green)
        return QBrush(QColor(0x2e, 0x7d, 0x32));
    if (role == Qt::ForegroundRole && index.column() == InSyncColumn && green)
        return QBrush(Qt::white);
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
            case BytesInColumn:
            case BytesOutColumn:
            case MessagesInColumn:
            case MessagesOutColumn:
            case RateInColumn:
            case RateOutColumn:
            case RttColumn:
            case ConnectTimeColumn:
                return int(Qt::AlignRight | Qt::AlignVCenter);
            default:
                return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
            case FlagsColumn:
                return flagsLegend();
            case PeerColumn:
                return s.peerId;
            case LastErrorColumn:
                return p->lastError;
            case InSyncColumn:
                return tr("Green only when both sides' state digests are equal");
            case RttColumn:
                return tr(
                    "From sending the last batch of ops to its acknowledgement: the network round "
                    "trip plus the peer's write (shown once ops have flowed)");
            case ConnectTimeColumn:
                return tr("How long the swarm took to make the connection");
            default:
                return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
        case FlagsColumn:
            return flags(*p);
        case PeerColumn:
            return s.peerId.left(12);
        case AddressColumn:
            // An IPv4 peer on a dual-stack socket: show the IPv4 address.
            return s.remoteAddress.startsWith(QLatin1String("::ffff:")) ? s.remoteAddress.mid(7)
                                                                        : s.remoteAddress;
        case ConnectionColumn:
            return connectionText(*p);
        case NatColumn:
            if (s.link.kind != QLatin1String("swarm"))
                return QStringLiteral("—");
            return tr("%1 / %2").arg(natText(s.link.localFirewall), natText(s.link.remoteFirewall));
        case RttColumn:
            return s.ackRttMs >= 0 ? tr("%1 ms").arg(s.ackRttMs) : QStringLiteral("—");
        case ConnectTimeColumn:
            return s.link.connectMs > 0 ? tr("%1 ms").arg(s.link.connectMs) : QStringLiteral("—");
        case BytesInColumn:
            return bytesText(double(s.stats.bytesReceived));
        case BytesOutColumn:
            return bytesText(double(s.stats.bytesSent));
        case MessagesInColumn:
            return QLocale().toString(s.stats.messagesReceived);
        case MessagesOutColumn:
            return QLocale().toString(s.stats.messagesSent);
        case RateInColumn:
            return tr("%1/s").arg(bytesText(p->bytesInPerSec));
        case RateOutColumn:
            return tr("%1/s").arg(bytesText(p->bytesOutPerSec));
        case ConnectedSinceColumn:
            return p->connectedSinceMs > 0
                       ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(p->connectedSinceMs).time(),
                                            QLocale::ShortFormat)
                       : QStringLiteral("—");
        case LastErrorColumn:
            return p->lastError;
        case InSyncColumn:
            if (!p->current || !s.connected)
                return p->admissionFailure.isEmpty() ? tr("Not connected") : tr("Refused");
            return s.inSync ? tr("In sync") : tr("Syncing…");
        default:
            return {};
    }
}

QVariant PeersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == FlagsColumn)
        return flagsLegend();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
        case FlagsColumn:
            return tr("Flags");
        case PeerColumn:
            return tr("Peer");
        case AddressColumn:
            return tr("Address");
        case ConnectionColumn:
            return tr("Connection");
        case NatColumn:
            return tr("NAT (ours / theirs)");
        case RttColumn:
            return tr("RTT");
        case ConnectTimeColumn:
            return tr("Connect time");
        case BytesInColumn:
            return tr("Received");
        case BytesOutColumn:
            return tr("Sent");
        case MessagesInColumn:
            return tr("Messages in");
        case MessagesOutColumn:
            return tr("Messages out");
        case RateInColumn:
            return tr("Rate in");
        case RateOutColumn:
            return tr("Rate out");
        case ConnectedSinceColumn:
            return tr("Connected since");
        case LastErrorColumn:
            return tr("Last error");
        case InSyncColumn:
            return tr("In sync");
        default:
            return {};
    }
}

}  // namespace pluresdb::ui
