#include "core/dht/hyperdht/NoisePayload.h"

#include "core/dht/FixedBytes.h"
#include "core/dht/hyperdht/HyperDhtWire.h"

namespace pluresdb::dht::hyperdht {

using encoding::Decoder;
using encoding::Encoder;

bool UdxInfo::reusableSocket() const {
    return (features & kUdxFeatureReusableSocket) != 0;
}

QByteArray encodeNoisePayload(const NoisePayload& p) {
    Encoder e;
    e.uint(p.version);
    if (p.version != kNoisePayloadVersion)
        return e.take();
    uint64_t flags = 0;
    if (p.holepunch)
        flags |= kNoiseFlagHolepunch;
    if (!p.addresses4.empty())
        flags |= kNoiseFlagAddresses4;
    if (!p.addresses6.empty())
        flags |= kNoiseFlagAddresses6;
    if (p.udx)
        flags |= kNoiseFlagUdx;
    if (p.secretStream)
        flags |= kNoiseFlagSecretStream;
    if (p.relayThrough)
        flags |= kNoiseFlagRelayThrough;
    if (p.relayAddresses)
        flags |= kNoiseFlagRelayAddresses;
    e.uint(flags);
    e.uint(p.error);
    e.uint(p.firewall);
    if (p.holepunch) {
        e.uint(p.holepunch->id);
        e.arrayLength(p.holepunch->relays.size());
        for (const auto& r : p.holepunch->relays) {
            e.ipv4Address(r.relayAddress);
            e.ipv4Address(r.peerAddress);
        }
    }
    if (!p.addresses4.empty())
        writeAddresses(e, p.addresses4);
    if (!p.addresses6.empty()) {
        e.arrayLength(p.addresses6.size());
        for (const auto& a : p.addresses6)
            e.ipv6Address(a);
    }
    if (p.udx) {
        e.uint(p.udx->version);
        e.uint(p.udx->features);
        e.uint(p.udx->id);
        e.uint(p.udx->seq);
    }
    if (p.secretStream)
        e.uint(p.secretStream->version);
    if (p.relayThrough) {
        e.uint(p.relayThrough->version);
        e.uint(p.relayThrough->flags);
        writeFixed(e, p.relayThrough->publicKey, kPublicKeySize);
        writeFixed(e, p.relayThrough->token, kHashSize);
    }
    if (p.relayAddresses)
        writeAddresses(e, *p.relayAddresses);
    return e.take();
}

Result<NoisePayload> decodeNoisePayload(const QByteArray& bytes) {
    Decoder d(bytes);
    NoisePayload p;
    p.version = d.uint();
    if (!d.ok() || p.version != kNoisePayloadVersion)
        return d.finish(std::move(p), "noise payload");
    const uint64_t flags = d.uint();
    p.error = d.uint();
    p.firewall = d.uint();
    if (flags & kNoiseFlagHolepunch) {
        HolepunchInfo h;
        h.id = d.uint();
        const uint64_t n = d.arrayLength(12);
        for (uint64_t i = 0; i < n && d.ok(); ++i) {
            RelayInfo r;
            r.relayAddress = d.ipv4Address();
            r.peerAddress = d.ipv4Address();
            h.relays.push_back(r);
        }
        p.holepunch = std::move(h);
    }
    if (flags & kNoiseFlagAddresses4)
        p.addresses4 = readAddresses(d);
    if (flags & kNoiseFlagAddresses6) {
        const uint64_t n = d.arrayLength(18);
        for (uint64_t i = 0; i < n && d.ok(); ++i)
            p.addresses6.push_back(d.ipv6Address());
    }
    if (flags & kNoiseFlagUdx) {
        UdxInfo u;
        u.version = d.uint();
        u.features = d.uint();
        u.id = d.uint();
        u.seq = d.uint();
        p.udx = u;
    }
    if (flags & kNoiseFlagSecretStream)
        p.secretStream = SecretStreamInfo{d.uint()};
    if (flags & kNoiseFlagRelayThrough) {
        RelayThroughInfo r;
        r.version = d.uint();
        r.flags = d.uint();
        r.publicKey = d.fixed(kPublicKeySize);
        r.token = d.fixed(kHashSize);
        p.relayThrough = std::move(r);
    }
    if (flags & kNoiseFlagRelayAddresses)
        p.relayAddresses = readAddresses(d);
    return d.finish(std::move(p), "noise payload");
}

}  // namespace pluresdb::dht::hyperdht
