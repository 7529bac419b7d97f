#include "core/dht/hyperdht/Records.h"

#include "core/dht/FixedBytes.h"
#include "core/dht/hyperdht/HyperDhtWire.h"

namespace pluresdb::dht::hyperdht {

using encoding::Decoder;
using encoding::Encoder;

// A peer record is at least a 32-byte key and a one-byte count.
static constexpr int kMinPeerRecordSize = kPublicKeySize + 1;

void encodePeerRecord(Encoder& e, const PeerRecord& peer) {
    writeFixed(e, peer.publicKey, kPublicKeySize);
    writeAddresses(e, peer.relayAddresses);
}

PeerRecord readPeerRecord(Decoder& d) {
    PeerRecord p;
    p.publicKey = d.fixed(kPublicKeySize);
    p.relayAddresses = readAddresses(d);
    return p;
}

QByteArray encodePeerRecord(const PeerRecord& peer) {
    Encoder e;
    encodePeerRecord(e, peer);
    return e.take();
}

Result<PeerRecord> decodePeerRecord(const QByteArray& bytes) {
    Decoder d(bytes);
    PeerRecord p = readPeerRecord(d);
    return d.finish(std::move(p), "peer record");
}

QByteArray encodeLookupReply(const LookupReply& reply) {
    Encoder e;
    e.arrayLength(reply.peers.size());
    for (const auto& p : reply.peers)
        encodePeerRecord(e, p);
    e.uint(reply.bump);
    return e.take();
}

Result<LookupReply> decodeLookupReply(const QByteArray& bytes) {
    Decoder d(bytes);
    LookupReply r;
    const uint64_t n = d.arrayLength(kMinPeerRecordSize);
    for (uint64_t i = 0; i < n && d.ok(); ++i)
        r.peers.push_back(readPeerRecord(d));
    // §4.1: older writers omit the bump; a missing bump is 0.
    if (d.ok() && d.remaining() > 0)
        r.bump = d.uint();
    return d.finish(std::move(r), "lookup reply");
}

QByteArray encodeAnnounceValue(const AnnounceValue& v) {
    uint64_t flags = 0;
    if (v.peer)
        flags |= kAnnounceFlagPeer;
    if (v.refresh)
        flags |= kAnnounceFlagRefresh;
    if (v.signature)
        flags |= kAnnounceFlagSignature;
    if (v.bump != 0)
        flags |= kAnnounceFlagBump;
    Encoder e;
    e.uint(flags);
    if (v.peer)
        encodePeerRecord(e, *v.peer);
    if (v.refresh)
        writeFixed(e, *v.refresh, kRefreshSize);
    if (v.signature)
        writeFixed(e, *v.signature, kSignatureSize);
    if (v.bump != 0)
        e.uint(v.bump);
    return e.take();
}

Result<AnnounceValue> decodeAnnounceValue(const QByteArray& bytes) {
    Decoder d(bytes);
    AnnounceValue v;
    const uint64_t flags = d.uint();
    if (flags & kAnnounceFlagPeer)
        v.peer = readPeerRecord(d);
    if (flags & kAnnounceFlagRefresh)
        v.refresh = d.fixed(kRefreshSize);
    if (flags & kAnnounceFlagSignature)
        v.signature = d.fixed(kSignatureSize);
    if (flags & kAnnounceFlagBump)
        v.bump = d.uint();
    return d.finish(std::move(v), "announce value");
}

QByteArray encodeMutablePutRequest(const MutablePutRequest& r) {
    Encoder e;
    writeFixed(e, r.publicKey, kPublicKeySize);
    e.uint(r.seq);
    e.buffer(r.value);
    writeFixed(e, r.signature, kSignatureSize);
    return e.take();
}

Result<MutablePutRequest> decodeMutablePutRequest(const QByteArray& bytes) {
    Decoder d(bytes);
    MutablePutRequest r;
    r.publicKey = d.fixed(kPublicKeySize);
    r.seq = d.uint();
    r.value = d.buffer();
    r.signature = d.fixed(kSignatureSize);
    return d.finish(std::move(r), "mutable put request");
}

QByteArray encodeMutableGetResponse(const MutableGetResponse& r) {
    Encoder e;
    e.uint(r.seq);
    e.buffer(r.value);
    writeFixed(e, r.signature, kSignatureSize);
    return e.take();
}

Result<MutableGetResponse> decodeMutableGetResponse(const QByteArray& bytes) {
    Decoder d(bytes);
    MutableGetResponse r;
    r.seq = d.uint();
    r.value = d.buffer();
    r.signature = d.fixed(kSignatureSize);
    return d.finish(std::move(r), "mutable get response");
}

QByteArray encodeMutableGetRequest(uint64_t seq) {
    Encoder e;
    e.uint(seq);
    return e.take();
}

Result<uint64_t> decodeMutableGetRequest(const QByteArray& bytes) {
    Decoder d(bytes);
    const uint64_t seq = d.uint();
    return d.finish(seq, "mutable get request");
}

QByteArray encodePluginRequest(const PluginRequest& r) {
    Encoder e;
    e.string(r.plugin);
    e.uint(r.version);
    e.uint(r.command);
    e.uint(r.value ? kPluginFlagValue : 0);
    if (r.value)
        e.buffer(*r.value);
    return e.take();
}

Result<PluginRequest> decodePluginRequest(const QByteArray& bytes) {
    Decoder d(bytes);
    PluginRequest r;
    auto name = d.string();
    if (name)
        r.plugin = *name;
    else
        d.fail(name.errorMessage());
    r.version = d.uint();
    r.command = d.uint();
    const uint64_t flags = d.uint();
    if (flags & kPluginFlagValue)
        r.value = d.buffer();
    return d.finish(std::move(r), "plugin request");
}

}  // namespace pluresdb::dht::hyperdht
