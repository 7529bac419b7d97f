#pragma once

// `noisePayload` (spec/hyperdht.md §6.2): the payload both sides carry inside the Noise IK
// handshake. A version other than 1 stops decoding (Node reports it so the server can answer
// VERSION_MISMATCH); such a payload holds only its version and encodes as that version alone.

#include "core/common/Result.h"
#include "core/encoding/CompactEncoding.h"

#include <QByteArray>

#include <optional>
#include <vector>

namespace pluresdb::dht::hyperdht {

struct RelayInfo {
    encoding::Ipv4Address relayAddress;
    encoding::Ipv4Address peerAddress;
    bool operator==(const RelayInfo&) const = default;
};

struct HolepunchInfo {
    uint64_t id = 0;
    std::vector<RelayInfo> relays;
    bool operator==(const HolepunchInfo&) const = default;
};

struct UdxInfo {
    uint64_t version = 1;
    uint64_t features = 0;  // bit 0: reusableSocket
    uint64_t id = 0;        // the sender's local UDX stream id
    uint64_t seq = 0;
    bool reusableSocket() const;
    bool operator==(const UdxInfo&) const = default;
};

struct SecretStreamInfo {
    uint64_t version = 1;
    bool operator==(const SecretStreamInfo&) const = default;
};

struct RelayThroughInfo {
    uint64_t version = 1;
    uint64_t flags = 0;
    QByteArray publicKey;  // 32
    QByteArray token;      // 32
    bool operator==(const RelayThroughInfo&) const = default;
};

struct NoisePayload {
    uint64_t version = 1;
    uint64_t error = 0;     // kPayloadError*
    uint64_t firewall = 0;  // kFirewall*
    std::optional<HolepunchInfo> holepunch;
    std::vector<encoding::Ipv4Address> addresses4;  // written only when non-empty
    std::vector<encoding::Ipv6Address> addresses6;  // written only when non-empty
    std::optional<UdxInfo> udx;
    std::optional<SecretStreamInfo> secretStream;
    std::optional<RelayThroughInfo> relayThrough;
    std::optional<std::vector<encoding::Ipv4Address>> relayAddresses;  // written when present
    bool operator==(const NoisePayload&) const = default;
};

QByteArray encodeNoisePayload(const NoisePayload& payload);
Result<NoisePayload> decodeNoisePayload(const QByteArray& bytes);

}  // namespace pluresdb::dht::hyperdht
