#include "core/dht/hyperdht/HolepunchPayload.h"

#include "core/crypto/SecretBox.h"
#include "core/dht/FixedBytes.h"
#include "core/dht/hyperdht/HyperDhtWire.h"

namespace pluresdb::dht::hyperdht {

using encoding::Decoder;
using encoding::Encoder;

QByteArray encodeHolepunchPayload(const HolepunchPayload& p) {
    uint64_t flags = 0;
    if (p.connected)
        flags |= kPunchFlagConnected;
    if (p.punching)
        flags |= kPunchFlagPunching;
    if (p.addresses)
        flags |= kPunchFlagAddresses;
    if (p.remoteAddress)
        flags |= kPunchFlagRemoteAddress;
    if (p.token)
        flags |= kPunchFlagToken;
    if (p.remoteToken)
        flags |= kPunchFlagRemoteToken;
    Encoder e;
    e.uint(flags);
    e.uint(p.error);
    e.uint(p.firewall);
    e.uint(p.round);
    if (p.addresses)
        writeAddresses(e, *p.addresses);
    if (p.remoteAddress)
        e.ipv4Address(*p.remoteAddress);
    if (p.token)
        writeFixed(e, *p.token, kHashSize);
    if (p.remoteToken)
        writeFixed(e, *p.remoteToken, kHashSize);
    return e.take();
}

Result<HolepunchPayload> decodeHolepunchPayload(const QByteArray& bytes) {
    Decoder d(bytes);
    HolepunchPayload p;
    const uint64_t flags = d.uint();
    p.error = d.uint();
    p.firewall = d.uint();
    p.round = d.uint();
    p.connected = (flags & kPunchFlagConnected) != 0;
    p.punching = (flags & kPunchFlagPunching) != 0;
    if (flags & kPunchFlagAddresses)
        p.addresses = readAddresses(d);
    if (flags & kPunchFlagRemoteAddress)
        p.remoteAddress = d.ipv4Address();
    if (flags & kPunchFlagToken)
        p.token = d.fixed(kHashSize);
    if (flags & kPunchFlagRemoteToken)
        p.remoteToken = d.fixed(kHashSize);
    return d.finish(std::move(p), "holepunch payload");
}

QByteArray sealHolepunchPayload(const crypto::SecureBytes& holepunchSecret, const QByteArray& nonce,
                                const QByteArray& plaintext) {
    return nonce + crypto::secretBoxSeal(holepunchSecret, nonce, plaintext);
}

Result<QByteArray> openHolepunchPayload(const crypto::SecureBytes& holepunchSecret, const QByteArray& wire) {
    if (wire.size() < kHolepunchNonceSize + kSecretBoxTagSize)
        return makeError(
            QStringLiteral("holepunch payload: %1 bytes is too short to be sealed").arg(wire.size()));
    return crypto::secretBoxOpen(holepunchSecret, wire.left(kHolepunchNonceSize),
                                 wire.mid(kHolepunchNonceSize));
}

}  // namespace pluresdb::dht::hyperdht
