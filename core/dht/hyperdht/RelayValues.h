#pragma once

// The two relayed request values (spec/hyperdht.md §5.1 `handshake`, §7.1 `holepunch`). Both are
// forwarded node to node with a mode saying which hop wrote them; both decoders read network bytes
// and return errors rather than crash.

#include "core/common/Result.h"
#include "core/encoding/CompactEncoding.h"

#include <QByteArray>

#include <optional>

namespace pluresdb::dht::hyperdht {

// §5.1: flags ‖ mode ‖ noise buffer ‖ [peerAddress] ‖ [relayAddress].
struct HandshakeValue {
    uint64_t mode = 0;  // kModeFromClient … kModeReply
    QByteArray noise;   // one Noise IK handshake message (§6)
    std::optional<encoding::Ipv4Address> peerAddress;
    std::optional<encoding::Ipv4Address> relayAddress;
    bool operator==(const HandshakeValue&) const = default;
};

// §7.1: flags ‖ mode ‖ id ‖ payload buffer ‖ [peerAddress].
struct HolepunchValue {
    uint64_t mode = 0;
    uint64_t id = 0;     // the server's holepunch slot (noisePayload.holepunch.id)
    QByteArray payload;  // nonce(24) ‖ secretbox(holepunchPayload), see HolepunchPayload.h
    std::optional<encoding::Ipv4Address> peerAddress;
    bool operator==(const HolepunchValue&) const = default;
};

QByteArray encodeHandshakeValue(const HandshakeValue& value);
Result<HandshakeValue> decodeHandshakeValue(const QByteArray& bytes);
QByteArray encodeHolepunchValue(const HolepunchValue& value);
Result<HolepunchValue> decodeHolepunchValue(const QByteArray& bytes);

}  // namespace pluresdb::dht::hyperdht
