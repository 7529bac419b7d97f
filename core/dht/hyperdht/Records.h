#pragma once

// hyperdht storage values (spec/hyperdht.md §4.1): the peer (announce) record, LOOKUP replies,
// ANNOUNCE/UNANNOUNCE values, mutable/immutable put/get values and plugin requests. Each decoder
// reads bytes from the network: it is bounds-checked, returns an error instead of crashing, and
// (like Node) ignores trailing bytes. Each encoder writes exactly what hyperdht writes.

#include "core/common/Result.h"
#include "core/encoding/CompactEncoding.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace pluresdb::dht::hyperdht {

using encoding::Ipv4Address;

// `peer`: publicKey fixed32 ‖ relayAddresses array(ipv4Address).
struct PeerRecord {
    QByteArray publicKey;
    std::vector<Ipv4Address> relayAddresses;
    bool operator==(const PeerRecord&) const = default;
};

// `lookupRawReply`: array(peer) ‖ bump uint (a missing bump decodes as 0).
struct LookupReply {
    std::vector<PeerRecord> peers;
    uint64_t bump = 0;
    bool operator==(const LookupReply&) const = default;
};

// `announce`: flags ‖ [peer] ‖ [refresh fixed32] ‖ [signature fixed64] ‖ [bump uint, only if ≠ 0].
struct AnnounceValue {
    std::optional<PeerRecord> peer;
    std::optional<QByteArray> refresh;
    std::optional<QByteArray> signature;
    uint64_t bump = 0;
    bool operator==(const AnnounceValue&) const = default;
};

// `mutablePutRequest`: publicKey fixed32 ‖ seq uint ‖ value buffer ‖ signature fixed64.
struct MutablePutRequest {
    QByteArray publicKey;
    uint64_t seq = 0;
    QByteArray value;
    QByteArray signature;
    bool operator==(const MutablePutRequest&) const = default;
};

// `mutableGetResponse` (also the stored form): seq uint ‖ value buffer ‖ signature fixed64.
struct MutableGetResponse {
    uint64_t seq = 0;
    QByteArray value;
    QByteArray signature;
    bool operator==(const MutableGetResponse&) const = default;
};

// `pluginRequest`: plugin string ‖ version uint ‖ command uint ‖ flags uint ‖ [value buffer].
struct PluginRequest {
    QString plugin;
    uint64_t version = 0;
    uint64_t command = 0;
    std::optional<QByteArray> value;
    bool operator==(const PluginRequest&) const = default;
};

void encodePeerRecord(encoding::Encoder& e, const PeerRecord& peer);
PeerRecord readPeerRecord(encoding::Decoder& d);

QByteArray encodePeerRecord(const PeerRecord& peer);
Result<PeerRecord> decodePeerRecord(const QByteArray& bytes);
QByteArray encodeLookupReply(const LookupReply& reply);
Result<LookupReply> decodeLookupReply(const QByteArray& bytes);
QByteArray encodeAnnounceValue(const AnnounceValue& value);
Result<AnnounceValue> decodeAnnounceValue(const QByteArray& bytes);
QByteArray encodeMutablePutRequest(const MutablePutRequest& request);
Result<MutablePutRequest> decodeMutablePutRequest(const QByteArray& bytes);
QByteArray encodeMutableGetResponse(const MutableGetResponse& response);
Result<MutableGetResponse> decodeMutableGetResponse(const QByteArray& bytes);
// MUTABLE_GET request value: the minimum seq wanted, as a uint.
QByteArray encodeMutableGetRequest(uint64_t seq);
Result<uint64_t> decodeMutableGetRequest(const QByteArray& bytes);
QByteArray encodePluginRequest(const PluginRequest& request);
Result<PluginRequest> decodePluginRequest(const QByteArray& bytes);

}  // namespace pluresdb::dht::hyperdht
