#include "core/transport/noise/SymmetricState.h"

#include "core/crypto/Aead.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Sodium.h"
#include "core/transport/noise/NoiseConstants.h"

#include <sodium.h>

#include <cstring>

namespace pluresdb::transport::noise {

using crypto::SecureBytes;

SecureBytes hmacBlake2b(const SecureBytes& key, const unsigned char* data, std::size_t len) {
    crypto::ensureSodium();
    SecureBytes block(kBlockLen);  // zero-padded key
    if (key.size() > static_cast<std::size_t>(kBlockLen)) {
        crypto_generichash(block.data(), kHashLen, key.data(), key.size(), nullptr, 0);
    } else if (key.size()) {
        std::memcpy(block.data(), key.data(), key.size());
    }
    SecureBytes pad(kBlockLen);
    SecureBytes inner(kHashLen);
    crypto_generichash_state st;
    for (int i = 0; i < kBlockLen; ++i)
        pad.data()[i] = block.data()[i] ^ 0x36;
    crypto_generichash_init(&st, nullptr, 0, kHashLen);
    crypto_generichash_update(&st, pad.data(), kBlockLen);
    crypto_generichash_update(&st, data, len);
    crypto_generichash_final(&st, inner.data(), kHashLen);
    for (int i = 0; i < kBlockLen; ++i)
        pad.data()[i] = block.data()[i] ^ 0x5c;
    SecureBytes out(kHashLen);
    crypto_generichash_init(&st, nullptr, 0, kHashLen);
    crypto_generichash_update(&st, pad.data(), kBlockLen);
    crypto_generichash_update(&st, inner.data(), kHashLen);
    crypto_generichash_final(&st, out.data(), kHashLen);
    sodium_memzero(&st, sizeof st);
    return out;
}

std::pair<SecureBytes, SecureBytes> hkdf(const SecureBytes& ck, const SecureBytes& ikm) {
    const SecureBytes prk = hmacBlake2b(ck, ikm.data(), ikm.size());
    const unsigned char one = 0x01;
    SecureBytes o1 = hmacBlake2b(prk, &one, 1);
    SecureBytes second(kHashLen + 1);  // o1 || 0x02
    std::memcpy(second.data(), o1.data(), kHashLen);
    second.data()[kHashLen] = 0x02;
    SecureBytes o2 = hmacBlake2b(prk, second.data(), second.size());
    return {std::move(o1), std::move(o2)};
}

SymmetricState::SymmetricState(const QByteArray& protocolName) {
    // §2.6: names of at most 64 bytes are zero-padded, not hashed (both names here are 35 bytes).
    m_h = protocolName.size() <= kHashLen ? protocolName + QByteArray(kHashLen - protocolName.size(), '\0')
                                          : crypto::blake2b(protocolName, kHashLen);
    m_ck = SecureBytes::fromByteArray(m_h);
}

void SymmetricState::mixHash(const QByteArray& data) {
    m_h = crypto::blake2bBatch({m_h, data}, kHashLen);
}

void SymmetricState::mixKey(const SecureBytes& ikm) {
    auto [ck, temp] = hkdf(m_ck, ikm);
    m_ck = std::move(ck);
    m_k = SecureBytes::fromBytes(temp.data(), kKeyLen);
    m_n = 0;
}

// §2.5: 12-byte nonce = 4 zero bytes || 64-bit little-endian counter.
QByteArray SymmetricState::nonce() const {
    QByteArray n(crypto::kAeadNonceBytes, '\0');
    for (int i = 0; i < 8; ++i)
        n[4 + i] = static_cast<char>((m_n >> (8 * i)) & 0xff);
    return n;
}

QByteArray SymmetricState::encryptAndHash(const QByteArray& plaintext) {
    QByteArray c = plaintext;
    if (hasKey()) {
        c = crypto::aeadEncrypt(m_k, nonce(), m_h, plaintext);
        ++m_n;
    }
    mixHash(c);
    return c;
}

Result<QByteArray> SymmetricState::decryptAndHash(const QByteArray& ciphertext) {
    QByteArray p = ciphertext;
    if (hasKey()) {
        auto r = crypto::aeadDecrypt(m_k, nonce(), m_h, ciphertext);
        if (!r)
            return r;
        p = std::move(r).value();
        ++m_n;
    }
    mixHash(ciphertext);
    return p;
}

std::pair<SecureBytes, SecureBytes> SymmetricState::split() const {
    auto [o1, o2] = hkdf(m_ck, SecureBytes());
    return {SecureBytes::fromBytes(o1.data(), kKeyLen), SecureBytes::fromBytes(o2.data(), kKeyLen)};
}

}  // namespace pluresdb::transport::noise
