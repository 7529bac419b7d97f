#pragma once

// Wire constants of @hyperswarm/secret-stream 6.9.2 (connection.md §5).

#include <cstdint>

namespace pluresdb::transport::secretstream {

inline constexpr int kFrameLengthBytes = 3;              // uint24 LE prefix (§5.1)
inline constexpr int64_t kMaxFrameBody = (1 << 24) - 1;  // 16 777 215 (§5.1)
inline constexpr int kRecordOverhead = 17;               // secretstream ABYTES (§5.4)
inline constexpr int64_t kMaxRecordPlaintext = kMaxFrameBody - kRecordOverhead;  // 16 777 198 (§5.1)
inline constexpr int kStreamIdBytes = 32;                                        // §5.3
inline constexpr int kHeaderRecordBody = 56;       // stream id(32) || secretstream header(24) (§5.3)
inline constexpr int kMaxHandshakeFrame = 65535;   // a Noise message never exceeds this (§2.5)
inline constexpr int kDatagramCounterBytes = 8;    // §5.5
inline constexpr int kDatagramOverhead = 8 + 16;   // counter || MAC (§5.5)
inline constexpr int kHyperdhtKeepAliveMs = 5000;  // hyperdht connectionKeepAlive (§5.6)
// Not a wire value: how long an in-band handshake may take before the stream gives up, so that a
// silent or garbage-sending peer cannot hold a connection open forever. hyperdht uses 10 s for its
// own handshake phases (connection.md §9).
inline constexpr int kDefaultHandshakeTimeoutMs = 10000;

}  // namespace pluresdb::transport::secretstream
