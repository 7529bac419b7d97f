#pragma once

// dht-rpc 6.27 wire constants (spec/hyperdht.md §2). Every number the RPC layer puts on or reads
// from the wire is named here, with the section that defines it.

#include <cstdint>

namespace pluresdb::dht::rpc {

// §2.2: first byte = (type << 4) | version, version 3.
inline constexpr uint8_t kVersion = 3;
inline constexpr uint8_t kRequestByte = 0x03;
inline constexpr uint8_t kResponseByte = 0x13;
// §2.2: datagrams shorter than this are dropped before decoding.
inline constexpr int kMinDatagramSize = 2;

// §2.2 request flags.
inline constexpr uint64_t kRequestFlagId = 0x01;
inline constexpr uint64_t kRequestFlagToken = 0x02;
inline constexpr uint64_t kRequestFlagInternal = 0x04;
inline constexpr uint64_t kRequestFlagTarget = 0x08;
inline constexpr uint64_t kRequestFlagValue = 0x10;

// §2.2 response flags.
inline constexpr uint64_t kResponseFlagId = 0x01;
inline constexpr uint64_t kResponseFlagToken = 0x02;
inline constexpr uint64_t kResponseFlagCloserNodes = 0x04;
inline constexpr uint64_t kResponseFlagError = 0x08;
inline constexpr uint64_t kResponseFlagValue = 0x10;

// §2.2 error codes carried in responses.
inline constexpr uint64_t kErrorOk = 0;
inline constexpr uint64_t kErrorUnknownCommand = 1;
inline constexpr uint64_t kErrorInvalidToken = 2;
inline constexpr uint64_t kErrorSeqReused = 16;   // hyperdht MUTABLE_PUT (§4.4)
inline constexpr uint64_t kErrorSeqTooLow = 17;   // hyperdht MUTABLE_PUT (§4.4)

// §2.6 internal commands (request flag 0x04 set).
inline constexpr uint64_t kCommandPing = 0;
inline constexpr uint64_t kCommandPingNat = 1;
inline constexpr uint64_t kCommandFindNode = 2;
inline constexpr uint64_t kCommandDownHint = 3;
inline constexpr uint64_t kCommandDelayedPing = 4;

// §2.3 / §2.4: ids, targets and tokens are 32 bytes.
inline constexpr int kIdSize = 32;
inline constexpr int kTokenSize = 32;
inline constexpr int kTargetSize = 32;

// §2.4 token rotation: a 750 ms tick; the secrets rotate on every 10th tick (7.5 s).
inline constexpr int kTickMs = 750;
inline constexpr int kTicksPerTokenRotation = 10;

// §2.5 timeouts, retries and the send window.
inline constexpr int kDefaultTimeoutMs = 1000;
inline constexpr int kDefaultRetries = 3;           // request()/ping(): up to 4 transmissions
inline constexpr int kQueryRetries = 5;             // requests issued by a query
inline constexpr int kDownHintRetries = 3;
inline constexpr int kMaxWindowPerSlot = 80;        // new requests per 750 ms slot
inline constexpr int kMaxWindowTotal = 160;         // across the last kWindowSlots slots
inline constexpr int kWindowSlots = 4;

// §2.7: k, the bucket size and the number of closer nodes in a response.
inline constexpr int kK = 20;

}  // namespace pluresdb::dht::rpc
