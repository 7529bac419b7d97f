#pragma once

// The blind-relay protocol messages (spec/hyperdht.md §11; npm blind-relay 1.6.1, the version
// hyperdht 6.34 uses). They travel on a protomux channel named "blind-relay" whose id is the
// client's public key on the relay connection; message 0 is `pair`, message 1 is `unpair`.
//
//   pair   = flags (compact-encoding-bitfield(7): one byte, bit 0 = isInitiator) ‖ token fixed32 ‖
//            id uint (the sender's UDX stream id: the peer's own stream, or the relay's stream for
//            that peer in the answer) ‖ seq uint (0)
//   unpair = flags (0) ‖ token fixed32

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace pluresdb::dht::hyperdht {

inline constexpr const char* kBlindRelayProtocol = "blind-relay";
inline constexpr uint64_t kBlindRelayMessagePair = 0;
inline constexpr uint64_t kBlindRelayMessageUnpair = 1;
inline constexpr int kBlindRelayTokenSize = 32;
// hyperdht's relay attempt timeout and relay connection keep-alive (§11).
inline constexpr int kBlindRelayTimeoutMs = 15'000;
inline constexpr int kBlindRelayKeepAliveMs = 5000;

struct BlindRelayPair {
    bool isInitiator = false;
    QByteArray token;  // 32 bytes
    uint32_t id = 0;   // UDX stream id
    uint64_t seq = 0;
    bool operator==(const BlindRelayPair&) const = default;
};

struct BlindRelayUnpair {
    QByteArray token;  // 32 bytes
    bool operator==(const BlindRelayUnpair&) const = default;
};

QByteArray encodeBlindRelayPair(const BlindRelayPair& m);
Result<BlindRelayPair> decodeBlindRelayPair(const QByteArray& bytes);
QByteArray encodeBlindRelayUnpair(const BlindRelayUnpair& m);
Result<BlindRelayUnpair> decodeBlindRelayUnpair(const QByteArray& bytes);

// 32 random bytes (blind-relay `token()`).
QByteArray blindRelayToken();

}  // namespace pluresdb::dht::hyperdht
