#include "core/dht/hyperdht/RelayValues.h"

#include "core/dht/hyperdht/HyperDhtWire.h"

namespace pluresdb::dht::hyperdht {

using encoding::Decoder;
using encoding::Encoder;

QByteArray encodeHandshakeValue(const HandshakeValue& v) {
    uint64_t flags = 0;
    if (v.peerAddress)
        flags |= kHandshakeFlagPeerAddress;
    if (v.relayAddress)
        flags |= kHandshakeFlagRelayAddress;
    Encoder e;
    e.uint(flags);
    e.uint(v.mode);
    e.buffer(v.noise);
    if (v.peerAddress)
        e.ipv4Address(*v.peerAddress);
    if (v.relayAddress)
        e.ipv4Address(*v.relayAddress);
    return e.take();
}

Result<HandshakeValue> decodeHandshakeValue(const QByteArray& bytes) {
    Decoder d(bytes);
    HandshakeValue v;
    const uint64_t flags = d.uint();
    v.mode = d.uint();
    v.noise = d.buffer();
    if (flags & kHandshakeFlagPeerAddress)
        v.peerAddress = d.ipv4Address();
    if (flags & kHandshakeFlagRelayAddress)
        v.relayAddress = d.ipv4Address();
    return d.finish(std::move(v), "handshake value");
}

QByteArray encodeHolepunchValue(const HolepunchValue& v) {
    Encoder e;
    e.uint(v.peerAddress ? kHolepunchFlagPeerAddress : 0);
    e.uint(v.mode);
    e.uint(v.id);
    e.buffer(v.payload);
    if (v.peerAddress)
        e.ipv4Address(*v.peerAddress);
    return e.take();
}

Result<HolepunchValue> decodeHolepunchValue(const QByteArray& bytes) {
    Decoder d(bytes);
    HolepunchValue v;
    const uint64_t flags = d.uint();
    v.mode = d.uint();
    v.id = d.uint();
    v.payload = d.buffer();
    if (flags & kHolepunchFlagPeerAddress)
        v.peerAddress = d.ipv4Address();
    return d.finish(std::move(v), "holepunch value");
}

}  // namespace pluresdb::dht::hyperdht
