#pragma once

// The sync debugger's trace (issue #9): what happened, when, with which peer. Events come from the
// sync node (connects, disconnects, admission failures, errors, every op sent and received) and,
// once the swarm runs, from its connection attempts (DHT lookups and announces, relay handshakes,
// NAT classes, punch rounds; core/dht/hyperdht/Connect.h ConnectStep kinds are used as they are).

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace pluresdb::api {

namespace trace {
// Sync node events.
inline constexpr char kConnected[] = "connected";               // past the key proof
inline constexpr char kDisconnected[] = "disconnected";         // detail: the reason
inline constexpr char kAdmissionFailed[] = "admission-failed";  // the peer could not prove the key
inline constexpr char kError[] = "error";                       // a connection or protocol error
inline constexpr char kInSync[] = "in-sync";                    // state digests equal
inline constexpr char kOpSent[] = "op-sent";
inline constexpr char kOpReceived[] = "op-received";
// Swarm and DHT events (ConnectStep kinds, and the swarm's own).
inline constexpr char kFindPeer[] = "find-peer";
inline constexpr char kHandshake[] = "handshake";
inline constexpr char kNat[] = "nat";
inline constexpr char kPunchRound[] = "punch-round";
inline constexpr char kLanPing[] = "lan-ping";
inline constexpr char kPath[] = "path";
inline constexpr char kDhtLookup[] = "dht-lookup";
inline constexpr char kDhtAnnounce[] = "dht-announce";
}  // namespace trace

struct TraceEvent {
    quint64 seq = 0;  // 1, 2, ... in the order the engine saw them
    qint64 atMs = 0;  // wall clock, ms since the epoch
    QString kind;     // trace::k*
    QString peerId;   // hex public key (or a URL when no peer was reached); empty: not about a peer
    QString detail;   // plain words (a reason, an address, a step's result)
    // Ops only:
    QString recordId;
    QStringList fields;  // the field names a put sets (empty for a delete)
    QString clock;       // "ms.counter" of the op's HLC
    QString origin;      // the writer's site id (hex)
    quint64 opSeq = 0;   // the op's seq at its origin
    QByteArray bytes;    // the op as encoded on the wire
    QByteArray values;   // the put's fields as compact JSON (what hashing hides)

    bool isOp() const { return !origin.isEmpty(); }
};

// A non-op event: kind, the peer it is about (may be empty) and plain words.
inline TraceEvent traceEvent(QString kind, QString peerId = {}, QString detail = {}) {
    TraceEvent e;
    e.kind = std::move(kind);
    e.peerId = std::move(peerId);
    e.detail = std::move(detail);
    return e;
}

// The trace as JSON lines, one object per event. With `hashValues`, record ids, field values, op
// bytes and free text are replaced by BLAKE2b-256 hashes (hex, first 16 characters), so a trace
// can be shared without the data: equal values still hash equal, so the flow stays readable.
QByteArray exportTrace(const std::vector<TraceEvent>& events, bool hashValues);

}  // namespace pluresdb::api
