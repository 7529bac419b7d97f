#pragma once

// UDX wire constants, as spoken by libudx in npm udx-native 1.21.3 (spec/connection.md §6).
// The one place these numbers live (STYLE.md §12). Sender-local tuning (congestion control,
// pacing, timers) is ours and lives in UdxTuning.h.

#include <cstddef>
#include <cstdint>

namespace pluresdb::transport::udx {

// §6.3 header: magic, version, type, data_offset, id, rwnd, seq, ack; integers little-endian.
inline constexpr uint8_t kMagic = 0xFF;
inline constexpr uint8_t kVersion = 0x01;
inline constexpr std::size_t kHeaderSize = 20;

// §6.4 type flags (0 = pure ACK).
inline constexpr uint8_t kTypeAck = 0x00;
inline constexpr uint8_t kTypeData = 0x01;
inline constexpr uint8_t kTypeEnd = 0x02;
inline constexpr uint8_t kTypeSack = 0x04;
inline constexpr uint8_t kTypeMessage = 0x08;
inline constexpr uint8_t kTypeDestroy = 0x10;
inline constexpr uint8_t kTypeHeartbeat = 0x20;

// §6.6 SACK blocks: start u32 ‖ end u32 (end exclusive); libudx sends at most 50.
inline constexpr std::size_t kSackBlockSize = 8;
inline constexpr std::size_t kMaxSackBlocks = 50;

// §6.2: libudx receives into 2048-byte buffers, so no datagram may be longer.
inline constexpr std::size_t kMaxDatagramSize = 2048;

// §6.8: IPv4 20 + UDP 8 + UDX 20 bytes of overhead per packet (IPv6: 40 + 8 + 20).
inline constexpr int kIpv4Overhead = 48;
inline constexpr int kIpv6Overhead = 68;

// §6.9: default receive window advertised by libudx, and the sender's window before any ACK.
inline constexpr uint32_t kDefaultReceiveWindow = 4 * 1024 * 1024;

// §6.13 PMTU discovery: IP packet sizes.
inline constexpr int kBaseMtu = 1200;
inline constexpr int kMaxMtu = 1500;
inline constexpr int kMtuStep = 32;
inline constexpr int kMtuProbeMaxFailures = 3;
inline constexpr int kMaxPadding = 255;  // data_offset is one byte (§6.5)

// §6.2 socket options libudx uses.
inline constexpr int kSocketSendBuffer = 212'992;
inline constexpr int kUdpTtl = 64;

}  // namespace pluresdb::transport::udx
