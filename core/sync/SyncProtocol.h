#pragma once

// The PluresDB sync protocol, version 1 (ARCHITECTURE.md §4; README "Sync"). It runs over any
// authenticated, reliable, ordered duplex ByteStream: secret-stream over TCP or UDX today, over the
// swarm's connections and over WebSocket binary frames (the mesh).
//
// Framing (our own, so it does not depend on the transport keeping write boundaries):
//   u8 type || uint24 (little-endian) payload length || payload (compact-encoding, below)
// A frame's first byte is its type, never '{' or whitespace, so a PluresDB 2.x JSON peer is told
// apart from the first byte of the stream (LegacyJson.h).
//
// Messages (payloads; `vv` = array of {fixed32 origin site, uint seq}):
//   Hello    1  uint version, fixed32 proof. The only message accepted before the peer's proof
//               verifies, and the only one we send before that. proof = BLAKE2b-256 keyed with the
//               32-byte sync key over (Noise handshake hash || sender's static public key).
//   Status   2  fixed32 site, vv, fixed32 digest: what the sender has, sent once after the proofs.
//   CatchUp  3  uint opsTotal, uint bytesTotal: the ops the receiver lacks, announced before they
//               flow (bytesTotal is the exact encoded size of those ops).
//   Ops      4  uint batch, array of Op (encodeOp): one batch, catch-up or live. At most
//               kMaxBatchOps ops and kMaxFramePayload bytes (the sender aims at kBatchTargetBytes;
//               big batches mean few commits at the receiver); the sender keeps at most
//               kMaxInFlightBatches / kMaxInFlightBytes unacknowledged.
//   Ack      5  uint batch, uint applied: the batch is merged and committed (durable) at the receiver.
//   Idle     6  fixed32 digest, vv: the sender has nothing unacknowledged for the receiver and this
//               is its state; equal digests at both ends = in sync.
//   Bye      7  string reason: the sender is closing because of a protocol error.
// Op (encodeOp): fixed32 origin, uint seq, uint clock ms, uint clock counter, string record id,
//   u8 kind (1 put, 2 delete), [buffer fields as compact JSON, puts only], uint prev flag
//   (0 = unknown, 1 = known), [buffer prev (store/OpPrev.h), when known].
// An unknown type, a malformed payload, an oversized frame or batch closes the session with an
// error event; ops that are individually unacceptable (clock too far ahead) are skipped with an event.

#include "core/common/Result.h"
#include "core/encoding/CompactEncoding.h"
#include "core/store/Digest.h"
#include "core/store/Op.h"

#include <QByteArray>

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

namespace pluresdb::sync {

inline constexpr uint64_t kProtocolVersion = 1;
inline constexpr int kFrameHeaderBytes = 4;
inline constexpr qsizetype kMaxFramePayload = 8 * 1024 * 1024;  // one 4 MiB put fits with room
inline constexpr uint64_t kMaxBatchOps = 16384;
inline constexpr int kProofBytes = 32;
inline constexpr qsizetype kMaxHelloPayload = 64;
// Sender-side batching and backpressure.
inline constexpr size_t kBatchTargetOps = 16384;
inline constexpr qsizetype kBatchTargetBytes = 4 * 1024 * 1024;
inline constexpr int kMaxInFlightBatches = 8;
inline constexpr qint64 kMaxInFlightBytes = 16 * 1024 * 1024;
// An op whose clock is further ahead of our wall clock than this is refused (its HLC would drag
// every later local write into the future).
inline constexpr int64_t kMaxClockAheadMs = 60LL * 60 * 1000;

enum class MessageType : uint8_t {
    Hello = 1,
    Status = 2,
    CatchUp = 3,
    Ops = 4,
    Ack = 5,
    Idle = 6,
    Bye = 7,
};

struct HelloMsg {
    uint64_t version = kProtocolVersion;
    QByteArray proof;  // kProofBytes
};
struct StatusMsg {
    store::SiteId site{};
    store::VersionVector vv;
    store::Digest digest;
};
struct CatchUpMsg {
    uint64_t opsTotal = 0;
    uint64_t bytesTotal = 0;
};
struct OpsMsg {
    uint64_t batch = 0;
    std::vector<store::Op> ops;
};
struct AckMsg {
    uint64_t batch = 0;
    uint64_t applied = 0;
};
struct IdleMsg {
    store::Digest digest;
    store::VersionVector vv;
};
struct ByeMsg {
    QString reason;
};
using Message = std::variant<HelloMsg, StatusMsg, CatchUpMsg, OpsMsg, AckMsg, IdleMsg, ByeMsg>;

// THE serialisation of an Op (the one place to change when Op gains fields):
//   fixed32 origin, uint seq, uint hlc.ms, uint hlc.counter, string recordId, u8 kind,
//   Put only: buffer fields as compact JSON object text (null = field tombstone).
// The clock's writer is the origin (Store::merge requires it), so it is not sent twice.
void encodeOp(encoding::Encoder& enc, const store::Op& op);
Result<store::Op> decodeOp(encoding::Decoder& dec);
// The encoded size of one op (for progress totals and batching).
qsizetype encodedOpSize(const store::Op& op);

// One whole frame (header + payload) for a message.
QByteArray encodeMessage(const Message& m);
// An Ops frame from already-encoded ops (the sender batches encoded bytes).
QByteArray encodeOpsFrame(uint64_t batch, uint64_t count, const QByteArray& encodedOps);
// Decodes one frame's payload of the given type.
Result<Message> decodeMessage(uint8_t type, const QByteArray& payload);

// Splits a byte stream into frames. Bounds-checked; after an error it stays failed.
class FrameReader {
public:
    struct Frame {
        uint8_t type = 0;
        QByteArray payload;
    };
    void append(const QByteArray& bytes) { m_buf.append(bytes); }
    // The next whole frame, nothing yet (nullopt), or an error (oversized frame).
    Result<std::optional<Frame>> next();
    qsizetype buffered() const { return m_buf.size() - m_pos; }
    // The next frame's type (once 1 byte is buffered) and payload length (once 4 are), before the
    // frame is complete: a peer that has not proved the key must not make us wait for 8 MiB.
    std::optional<uint8_t> peekType() const;
    std::optional<qsizetype> peekLength() const;

private:
    QByteArray m_buf;
    qsizetype m_pos = 0;
};

// Proof of key possession (see Hello above).
QByteArray computeProof(const QByteArray& syncKey32, const QByteArray& handshakeHash,
                        const QByteArray& senderPublicKey);
bool verifyProof(const QByteArray& syncKey32, const QByteArray& handshakeHash,
                 const QByteArray& senderPublicKey, const QByteArray& proof);

void encodeVersionVector(encoding::Encoder& enc, const store::VersionVector& vv);
store::VersionVector decodeVersionVector(encoding::Decoder& dec);

}  // namespace pluresdb::sync
