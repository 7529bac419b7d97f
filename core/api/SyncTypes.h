#pragma once

// The values the Database facade's sync API takes and gives (issue #7, README "Sync API").

#include "core/sync/SyncSession.h"

#include <QHostAddress>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace pluresdb {

struct SyncOptions {
    QString key;              // 64 hex characters; empty: a new key is generated (getSyncKey() says which)
    bool useSwarm = true;     // discover peers through the Hyperswarm DHT (topic = SHA-256 of the hex key)
    QStringList bootstrap;    // HOST:PORT of DHT bootstrap nodes; empty: the public ones
    bool legacyJson = false;  // accept PluresDB 2.x JSON peers (they cannot prove the key)
    std::optional<quint16> serveWsPort;            // serve the WebSocket mesh on this port (0: any free one)
    QHostAddress serveWsHost = QHostAddress::Any;  // where to serve it (tests: 127.0.0.1)
    QStringList connectWs;                         // ws:// URLs of mesh peers (redialled after a drop)
    // syncComplete is also repeated this often for every peer that is in sync (0: only after catch-ups).
    int periodicCompleteMs = 30000;
    const store::WallClock* clock = nullptr;  // tests
};

// One peer, as getSyncPeers() lists it.
struct SyncPeer {
    QString peerId;          // the hex remote public key (or the transport's name for a 2.x peer)
    bool connected = false;  // past the key proof (or, for a 2.x peer, detected)
    QByteArray remotePublicKey;
    QString remoteAddress;
    bool legacyJson = false;
    bool inSync = false;    // state digests equal
    sync::PeerLink link;    // how the connection was made (kind, path, NAT classes)
    sync::SyncStats stats;  // this peer's messages, bytes and ops
    sync::SyncProgress progress;
    qint64 ackRttMs = -1;  // ops batch to its acknowledgement, last one (-1: none yet)
};

// getSyncStats(): the seed's five figures, the op counts, and each current peer's.
struct SyncStatsSnapshot {
    int peersConnected = 0;
    quint64 messagesSent = 0;
    quint64 messagesReceived = 0;
    quint64 bytesTransmitted = 0;
    quint64 bytesReceived = 0;
    sync::SyncStats totals;  // the same and the op counts, over current and past peers
    std::vector<SyncPeer> peers;
    // The space's swarm DHT node so far, over all its sockets (UDP payload bytes; zero without a
    // swarm): dht-rpc messages, and 1-byte holepunch probes.
    quint64 dhtBytesReceived = 0;
    quint64 dhtBytesSent = 0;
    quint64 holepunchBytesReceived = 0;
    quint64 holepunchBytesSent = 0;
};

// What a status bar needs.
struct SyncSummary {
    // The space's DHT (its swarm): none without swarm discovery; bootstrapping until the first
    // bootstrap finished; online with nodes in the routing table; offline when none answered.
    enum class Dht { None, Bootstrapping, Online, Offline };
    int peers = 0;        // connected peers
    bool inSync = false;  // every connected peer is in sync (false with none)
    Dht dht = Dht::None;
    bool operator==(const SyncSummary&) const = default;
};

}  // namespace pluresdb

Q_DECLARE_METATYPE(pluresdb::SyncPeer)
Q_DECLARE_METATYPE(pluresdb::SyncStatsSnapshot)
Q_DECLARE_METATYPE(pluresdb::SyncSummary)
