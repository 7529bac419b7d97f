#pragma once

// One peer of a SyncNode over one authenticated ByteStream: the state machine of the sync protocol
// (SyncProtocol.h) or, when the space allows it and the peer's first byte says so, of the
// PluresDB 2.x JSON protocol (LegacyJson.h). Lives on the engine thread with its node and store.
//
// Binary mode: Hello (proof) both ways -> Status both ways -> catch-up batches (bounded in flight,
// acknowledged after the merge committed) -> live batches -> Idle (digest) whenever the sender has
// nothing unacknowledged; "in sync" = the peer's last Idle digest equals ours while we are idle.
// Nothing but Hello is sent or accepted before the peer's proof verifies.

#include "core/store/Digest.h"
#include "core/store/Op.h"
#include "core/sync/LegacyJson.h"
#include "core/sync/SyncProtocol.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <deque>
#include <set>

namespace pluresdb::transport {
class ByteStream;
}

namespace pluresdb::sync {

class SyncNode;

// What the transport authenticated: Noise handshake hash and both static public keys. Empty keys
// (a WebSocket text channel) allow only the JSON protocol.
// How a peer's connection was made, for the peer list and the connection doctor (issue #9). The
// transport fills it in; the sync layer only carries it.
struct PeerLink {
    QString kind;  // "swarm", "websocket", "tcp" (empty: unknown)
    // Swarm connections (core/dht/hyperdht/Connect.h ConnectionFacts): "direct", "lan", "holepunched",
    // "relayed"; the holepunch strategy ("consistent", "random-probe", "birthday"); the DHT node that
    // relayed the handshake ("host:port", empty if none); both NAT classes (kFirewall*: 0 unknown,
    // 1 open, 2 consistent, 3 random); the time the connection took.
    QString path;
    QString punchStrategy;
    QString handshakeRelay;
    int localFirewall = 0;
    int remoteFirewall = 0;
    qint64 connectMs = 0;
    bool initiator = false;
    bool operator==(const PeerLink&) const = default;
};

struct PeerAuth {
    QByteArray handshakeHash;
    QByteArray localPublicKey;
    QByteArray remotePublicKey;
    bool initiator = false;
    PeerLink link;
};

struct SyncStats {
    quint64 messagesSent = 0;
    quint64 messagesReceived = 0;
    quint64 bytesSent = 0;      // protocol bytes (frames or JSON lines) handed to the stream
    quint64 bytesReceived = 0;  // protocol bytes read from the stream
    quint64 opsSent = 0;
    quint64 opsReceived = 0;
    // Of bytesSent/bytesReceived, the encoded ops themselves (the sync payload; the rest is protocol
    // overhead: framing, proofs, version vectors, acks, digests). For a 2.x JSON peer: put/delete lines.
    quint64 payloadBytesSent = 0;
    quint64 payloadBytesReceived = 0;
    quint64 opsApplied = 0;   // received ops new to this replica
    quint64 opsRejected = 0;  // received ops refused (clock too far ahead, invalid)
    quint64 syncRounds = 0;   // times the session reached "in sync"

    SyncStats& operator+=(const SyncStats& o) {
        messagesSent += o.messagesSent;
        messagesReceived += o.messagesReceived;
        bytesSent += o.bytesSent;
        bytesReceived += o.bytesReceived;
        opsSent += o.opsSent;
        opsReceived += o.opsReceived;
        payloadBytesSent += o.payloadBytesSent;
        payloadBytesReceived += o.payloadBytesReceived;
        opsApplied += o.opsApplied;
        opsRejected += o.opsRejected;
        syncRounds += o.syncRounds;
        return *this;
    }
};

struct SyncProgress {
    quint64 opsDone = 0;
    quint64 opsTotal = 0;
    quint64 bytesDone = 0;
    quint64 bytesTotal = 0;
};

class SyncSession : public QObject {
    Q_OBJECT
public:
    enum class Mode { Unknown, Binary, Json };
    enum class State { Starting, AwaitingProof, Open, Closed };

    SyncSession(SyncNode* node, transport::ByteStream* stream, PeerAuth auth, QObject* parent = nullptr);
    ~SyncSession() override;

    void start();
    void close(const QString& reason = {});

    QString peerId() const { return m_peerId; }  // hex remote public key (or the transport's name)
    QString remoteAddress() const;
    QByteArray remotePublicKey() const { return m_auth.remotePublicKey; }
    const PeerLink& link() const { return m_auth.link; }
    Mode mode() const { return m_mode; }
    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Open; }
    bool isInSync() const { return m_inSync; }
    const SyncStats& stats() const { return m_stats; }
    SyncProgress progress() const { return m_progress; }
    // The time from sending the last acknowledged ops batch to its acknowledgement (network round
    // trip plus the peer's write); -1 until a batch was acknowledged.
    qint64 ackRttMs() const { return m_ackRttMs; }
    store::SiteId peerSite() const { return m_peerSite; }

    // Bytes the transport read from the stream before this session existed (after start()).
    void deliver(const QByteArray& bytes) { onData(bytes); }

    // The node's store changed (`ids`; from another session, or a local write): send what is new.
    void storeChanged(const QStringList& ids);

signals:
    void peerConnected();
    void peerDisconnected(const QString& reason);
    void syncComplete(const pluresdb::sync::SyncStats& stats);
    void refused(const QString& reason);
    void errorOccurred(const QString& message);
    void progressed(const pluresdb::sync::SyncProgress& progress);
    void finished();  // the stream is gone; the node drops the session

private:
    void onData(const QByteArray& bytes);
    void onClosed(const QString& error);
    void decideMode(char firstByte);
    void sendHello();
    void sendFrame(const QByteArray& frame);
    void handleFrames();
    void handleMessage(Message&& m);
    void handleOps(OpsMsg&& m);
    void pump();
    void maybeIdle();
    void checkInSync();
    void refuse(const QString& reason);
    void protocolError(const QString& message);
    int64_t nowMs() const;

    // JSON mode.
    void startJson();
    void handleJsonLines();
    void handleJsonMessage(const LegacyMessage& m);
    void sendJson(const QByteArray& line);
    void continueSnapshot();
    void sendJsonRecord(const QString& id);

    SyncNode* m_node;
    QPointer<transport::ByteStream> m_stream;
    PeerAuth m_auth;
    QString m_peerId;
    Mode m_mode = Mode::Unknown;
    State m_state = State::Starting;
    bool m_helloSent = false;
    bool m_statusReceived = false;
    bool m_disconnectedEmitted = false;
    bool m_firstByteSeen = false;
    bool m_finished = false;
    QTimer m_firstByteTimer;
    FrameReader m_frames;
    store::SiteId m_peerSite{};

    // Outgoing ops: what the peer has (per origin, contiguous) and what is unacknowledged.
    store::VersionVector m_cursor;
    std::set<store::SiteId> m_skipOrigins;  // origins whose next ops lie beyond a gap of ours
    struct InFlight {
        uint64_t batch;
        qint64 bytes;
        uint64_t ops;
        qint64 sentAtMs = 0;  // steady clock
    };
    std::deque<InFlight> m_inFlight;
    qint64 m_ackRttMs = -1;
    qint64 m_inFlightBytes = 0;
    uint64_t m_nextBatch = 1;
    bool m_drained = false;
    bool m_pumping = false;

    // Digest comparison.
    bool m_haveLastIdle = false;
    store::Digest m_lastIdleDigest;
    bool m_peerIdle = false;
    store::Digest m_peerDigest;
    bool m_inSync = false;

    SyncStats m_stats;
    SyncProgress m_progress;
    bool m_catchingUp = false;

    // JSON mode.
    LineReader m_lines;
    store::SiteId m_legacySite{};
    QString m_localOriginId;
    bool m_snapshotActive = false;
    QString m_snapshotAfter;
    bool m_snapshotDone = false;
    QSet<QString> m_changedDuringSnapshot;
};

}  // namespace pluresdb::sync
