#pragma once

// The protomux 3 wire format (npm protomux 3.12.1, as hyperswarm apps and blind-relay use it). One
// protomux frame is one secret-stream message; it starts with a compact-encoding uint channel id,
// the sender's own local id of the channel (1-based), or 0 for the control session:
//
//   control (id 0) | type uint | body
//     type 0 batch : uint channel id, then repeated { uint length, length bytes } where a length of 0
//                    switches to the channel id that follows; each entry is one frame without its
//                    leading channel id (for the control channel: type ‖ body).
//     type 1 open  : uint sender's local channel id ‖ string protocol ‖ optionalBuffer id ‖ handshake
//                    (the rest; empty unless the protocol declares a handshake encoding)
//     type 2 reject: uint the receiver's channel id being refused
//     type 3 close : uint the sender's local channel id
//   channel (id>0)  | type uint (message index, in the order the protocol adds them) | payload (rest)
//
// Empty frames are ignored (Protomux._ondata). Decoding is bounds-checked and never throws.

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

namespace pluresdb::transport::protomux {

inline constexpr uint64_t kControlChannel = 0;
inline constexpr uint64_t kControlBatch = 0;
inline constexpr uint64_t kControlOpen = 1;
inline constexpr uint64_t kControlReject = 2;
inline constexpr uint64_t kControlClose = 3;

// Limits on what a peer may make us hold (protomux itself has none but a 32 KiB pause threshold).
inline constexpr int kMaxProtocolNameBytes = 1024;
inline constexpr int kMaxChannelIdBytes = 1024;
inline constexpr int kMaxBatchEntries = 4096;

struct OpenFrame {
    uint64_t channel = 0;  // the sender's local id (≥ 1)
    QString protocol;
    QByteArray id;  // empty = no id (optionalBuffer null; protomux treats an empty id as none)
    QByteArray handshake;
};
struct RejectFrame {
    uint64_t channel = 0;  // the receiver's local id
};
struct CloseFrame {
    uint64_t channel = 0;  // the sender's local id
};
struct MessageFrame {
    uint64_t channel = 0;  // the sender's local id (≥ 1)
    uint64_t type = 0;
    QByteArray payload;
};
using Frame = std::variant<OpenFrame, RejectFrame, CloseFrame, MessageFrame>;

// Decodes one secret-stream message into the frames it carries (a batch yields several, in order).
// An empty message yields none. Unknown control types are skipped, as protomux does.
Result<std::vector<Frame>> decodeFrames(const QByteArray& message);

QByteArray encodeOpen(const OpenFrame& f);
QByteArray encodeReject(uint64_t channel);
QByteArray encodeClose(uint64_t channel);
QByteArray encodeMessage(uint64_t channel, uint64_t type, const QByteArray& payload);
// A batch frame of (channel, frame-without-channel-id) entries, as protomux writes when corked.
QByteArray encodeBatch(const std::vector<std::pair<uint64_t, QByteArray>>& entries);

}  // namespace pluresdb::transport::protomux
