#pragma once

// `holepunchPayload` (spec/hyperdht.md §7.3) and its encryption (§7.1, V8): the plaintext both
// sides exchange during holepunch rounds, sealed with XSalsa20-Poly1305 under the holepunchSecret
// derived from the Noise handshake hash. Opening and decoding take network bytes: wrong keys,
// truncation or garbage give errors, never crashes.

#include "core/common/Result.h"
#include "core/crypto/SecureBytes.h"
#include "core/encoding/CompactEncoding.h"

#include <QByteArray>

#include <optional>
#include <vector>

namespace pluresdb::dht::hyperdht {

struct HolepunchPayload {
    bool connected = false;
    bool punching = false;
    uint64_t error = 0;     // 0 NONE, 1 ABORTED, 3 TRY_LATER
    uint64_t firewall = 0;  // the sender's classification of its puncher socket (§7.4)
    uint64_t round = 0;
    std::optional<std::vector<encoding::Ipv4Address>> addresses;  // flagged even when empty
    std::optional<encoding::Ipv4Address> remoteAddress;
    std::optional<QByteArray> token;        // 32
    std::optional<QByteArray> remoteToken;  // 32
    bool operator==(const HolepunchPayload&) const = default;
};

QByteArray encodeHolepunchPayload(const HolepunchPayload& payload);
Result<HolepunchPayload> decodeHolepunchPayload(const QByteArray& bytes);

// nonce(24) ‖ crypto_secretbox_easy(plaintext, nonce, secret). `nonce` must be 24 random bytes.
QByteArray sealHolepunchPayload(const crypto::SecureBytes& holepunchSecret, const QByteArray& nonce,
                                const QByteArray& plaintext);
// Splits the nonce, authenticates and decrypts; fails on short input or a wrong key/tampering.
Result<QByteArray> openHolepunchPayload(const crypto::SecureBytes& holepunchSecret, const QByteArray& wire);

}  // namespace pluresdb::dht::hyperdht
