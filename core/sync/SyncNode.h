#pragma once

// The sync engine of one space: one Store, one sync key, and the sessions with its peers. It
// relays between them: whatever a session merges (or a local write adds) is offered to every
// other session, so a node connected to A and C bridges them. Per-peer and total statistics.
// Lives on the engine thread with its store (ARCHITECTURE.md §5); all calls on that thread.
//
// Transports hand it authenticated streams: a SecretStream (over TCP, UDX, the swarm, a WebSocket)
// through addSecretStream(), or any ByteStream with the handshake facts through addStream().

#include "core/common/Result.h"
#include "core/store/Store.h"
#include "core/sync/SyncSession.h"

#include <QObject>
#include <QSet>

#include <memory>
#include <vector>

namespace pluresdb::transport {
class ByteStream;
namespace secretstream {
class SecretStream;
}
namespace websocket {
class WebSocketMesh;
}
}  // namespace pluresdb::transport

namespace pluresdb::sync {

struct PeerInfo {
    QString peerId;         // hex remote public key, or the transport's name for a text channel
    QString remoteAddress;  // "127.0.0.1:4000"
    QByteArray remotePublicKey;
    bool connected = false;  // past the proof (binary) or detected (JSON)
    bool legacyJson = false;
    bool inSync = false;
    PeerLink link;
    SyncStats stats;
    SyncProgress progress;
    qint64 ackRttMs = -1;  // SyncSession::ackRttMs()
};

class SyncNode : public QObject {
    Q_OBJECT
public:
    struct Options {
        bool legacyJson = false;                  // accept PluresDB 2.x JSON peers for this space
        const store::WallClock* clock = nullptr;  // null: the system clock (tests pass a fake one)
        int legacyFirstByteWaitMs = 400;          // initiators wait this long for a 2.x peer to speak first
    };

    // `key`: the space's sync key (64 hex characters; normalised here).
    static Result<std::unique_ptr<SyncNode>> create(store::Store& store, const QString& key,
                                                    const Options& options);
    ~SyncNode() override;

    // An authenticated stream whose handshake is done; the node owns the session (and the stream).
    // `alreadyReceived`: bytes the transport read from it before (WebSocketHub reads the Hello to
    // pick the space); the session takes them first.
    SyncSession* addStream(transport::ByteStream* stream, const PeerAuth& auth,
                           const QByteArray& alreadyReceived = {});
    // A SecretStream (started or not): the session begins once its handshake completes.
    // `link` says how the transport made the connection (the peer list shows it).
    void addSecretStream(transport::secretstream::SecretStream* stream, const PeerLink& link = {},
                         const QByteArray& alreadyReceived = {});
    // Every connection the mesh makes or accepts becomes a session (JSON text channels too, which
    // are refused unless legacy JSON is on); refused peers are not redialled.
    void attachMesh(transport::websocket::WebSocketMesh* mesh);

    // Local writes: committed, then offered to every peer.
    Result<std::vector<store::Op>> write(const std::vector<store::LocalWrite>& batch);

    std::vector<PeerInfo> peers() const;
    SyncStats totals() const;  // summed over current and past sessions
    int connectedPeers() const;
    bool isRefused(const QByteArray& remotePublicKey) const { return m_refused.contains(remotePublicKey); }

    // Trace for the debugger (issue #7): when on, opTraced() fires for every op sent or received.
    void setTracing(bool on) { m_tracing = on; }
    bool tracing() const { return m_tracing; }
    // `encoded`: the op as it went over the wire (encodeOp), for the debugger's byte view.
    void traceOp(const QString& peerId, bool outgoing, const store::Op& op, const QByteArray& encoded = {}) {
        if (m_tracing) {
            emit opTraced(peerId, outgoing, op.origin, op.seq, op.hlc, op.recordId);
            emit opTracedInFull(peerId, outgoing, op, encoded);
        }
    }

    store::Store& store() { return m_store; }
    const Options& options() const { return m_options; }
    QByteArray keyBytes() const { return m_key; }
    int64_t nowMs() const;

    // Used by sessions: merge ops that came from `from` and tell the others.
    Result<store::MergeStats> mergeFrom(SyncSession* from, const std::vector<store::Op>& ops);
    void refuseKey(const QByteArray& remotePublicKey) { m_refused.insert(remotePublicKey); }

signals:
    void peerConnected(const pluresdb::sync::PeerInfo& peer);
    void peerDisconnected(const pluresdb::sync::PeerInfo& peer, const QString& reason);
    void syncComplete(const pluresdb::sync::PeerInfo& peer);
    void peerRefused(const pluresdb::sync::PeerInfo& peer, const QString& reason);
    void error(const QString& peerId, const QString& message);
    void progress(const pluresdb::sync::PeerInfo& peer);
    void recordsChanged(const QStringList& ids, bool remote);
    void opTraced(const QString& peerId, bool outgoing, const pluresdb::store::SiteId& origin, quint64 seq,
                  const pluresdb::store::Hlc& clock, const QString& recordId);
    // The same with the whole op and its encoding (the engine-side monitor, core/api/SyncMonitor.h,
    // connects directly on the engine thread).
    void opTracedInFull(const QString& peerId, bool outgoing, const pluresdb::store::Op& op,
                        const QByteArray& encoded);

private:
    SyncNode(store::Store& store, QByteArray key, const Options& options);
    PeerInfo infoOf(const SyncSession* s) const;
    void notifyChanged(SyncSession* except, const QStringList& ids);

    store::Store& m_store;
    QByteArray m_key;
    Options m_options;
    store::SystemWallClock m_systemClock;
    std::vector<QPointer<SyncSession>> m_sessions;
    QSet<QByteArray> m_refused;
    SyncStats m_pastTotals;
    bool m_tracing = false;
};

}  // namespace pluresdb::sync
