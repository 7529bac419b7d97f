#pragma once

// The peers of one space as a table (issue #9): every peer the engine's monitor has seen, current
// or gone, with how it is connected, its traffic and whether it is in sync. One column enum; a
// compact flags column whose tooltip explains each letter (STYLE.md 6). Fed with snapshots from
// api::SyncMonitorState by the window's sampling timer; it never asks the engine.

#include "core/api/SyncMonitor.h"

#include <QAbstractTableModel>

#include <vector>

namespace pluresdb::ui {

class PeersModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        FlagsColumn,
        PeerColumn,
        AddressColumn,
        ConnectionColumn,
        InSyncColumn,
        NatColumn,
        RttColumn,
        ConnectTimeColumn,
        BytesInColumn,
        BytesOutColumn,
        MessagesInColumn,
        MessagesOutColumn,
        RateInColumn,
        RateOutColumn,
        ConnectedSinceColumn,
        LastErrorColumn,
        ColumnCount
    };
    enum Role { PeerIdRole = Qt::UserRole + 1, InSyncRole };

    explicit PeersModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Rows keep their order (first seen first); rows of new peers are inserted, none removed.
    void setPeers(std::vector<api::MonitoredPeer> peers);
    void clear();
    const api::MonitoredPeer* peerAt(int row) const;
    int rowOfPeer(const QString& peerId) const;

    // Texts shared with the debugger and the doctor.
    static QString connectionText(const api::MonitoredPeer& p);
    static QString natText(int firewall);
    static QString flags(const api::MonitoredPeer& p);
    static QString flagsLegend();  // every letter and what it means
    static QString bytesText(double bytes);

private:
    std::vector<api::MonitoredPeer> m_peers;
};

}  // namespace pluresdb::ui
