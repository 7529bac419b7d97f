// blind-relay message codecs (see BlindRelayWire.h).

#include "core/dht/hyperdht/BlindRelayWire.h"

#include "core/encoding/CompactEncoding.h"

#include <QRandomGenerator>

namespace pluresdb::dht::hyperdht {

using encoding::Decoder;
using encoding::Encoder;

namespace {

// compact-encoding-bitfield: one byte when it is ≤ 0xfc, else a 0xfd/0xfe/0xff marker and a
// uint16/32/64. Returns the low byte of the bits (only bit 0 is defined).
uint8_t decodeFlags(Decoder& d) {
    const uint8_t first = d.uint8();
    if (first <= 0xfc)
        return first;
    if (first == 0xfd)
        return uint8_t(d.uint16());
    if (first == 0xfe)
        return uint8_t(d.uint32());
    return uint8_t(d.uint64());
}

}  // namespace

QByteArray encodeBlindRelayPair(const BlindRelayPair& m) {
    Encoder e;
    e.uint8(m.isInitiator ? 1 : 0);
    e.fixed(m.token.leftJustified(kBlindRelayTokenSize, '\0', true));
    e.uint(m.id);
    e.uint(m.seq);
    return e.take();
}

Result<BlindRelayPair> decodeBlindRelayPair(const QByteArray& bytes) {
    Decoder d(bytes);
    BlindRelayPair m;
    m.isInitiator = decodeFlags(d) & 1;
    m.token = d.fixed(kBlindRelayTokenSize);
    m.id = d.uint32Varint();
    m.seq = d.uint();
    return d.finish(std::move(m), "blind-relay pair");
}

QByteArray encodeBlindRelayUnpair(const BlindRelayUnpair& m) {
    Encoder e;
    e.uint8(0);
    e.fixed(m.token.leftJustified(kBlindRelayTokenSize, '\0', true));
    return e.take();
}

Result<BlindRelayUnpair> decodeBlindRelayUnpair(const QByteArray& bytes) {
    Decoder d(bytes);
    BlindRelayUnpair m;
    decodeFlags(d);
    m.token = d.fixed(kBlindRelayTokenSize);
    return d.finish(std::move(m), "blind-relay unpair");
}

QByteArray blindRelayToken() {
    QByteArray t(kBlindRelayTokenSize, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(t.data()), kBlindRelayTokenSize / 4);
    return t;
}

}  // namespace pluresdb::dht::hyperdht
