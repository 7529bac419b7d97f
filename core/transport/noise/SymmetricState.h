#pragma once

// The Noise SymmetricState with BLAKE2b-512 HMAC/HKDF and ChaCha20-Poly1305 (connection.md §2.4–§2.6):
// the running hash h, chaining key ck, and the current cipher key with its nonce counter.

#include "core/common/Result.h"
#include "core/crypto/SecureBytes.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <utility>

namespace pluresdb::transport::noise {

// HMAC over BLAKE2b-512 with a 128-byte block (§2.4).
crypto::SecureBytes hmacBlake2b(const crypto::SecureBytes& key, const unsigned char* data, std::size_t len);
// Noise HKDF with empty info: (o1, o2), 64 bytes each (§2.4).
std::pair<crypto::SecureBytes, crypto::SecureBytes> hkdf(const crypto::SecureBytes& ck,
                                                         const crypto::SecureBytes& ikm);

class SymmetricState {
public:
    explicit SymmetricState(const QByteArray& protocolName);

    void mixHash(const QByteArray& data);
    void mixKey(const crypto::SecureBytes& ikm);
    QByteArray encryptAndHash(const QByteArray& plaintext);
    Result<QByteArray> decryptAndHash(const QByteArray& ciphertext);
    bool hasKey() const { return !m_k.isEmpty(); }
    // Split (§2.8): both 32-byte halves of HKDF(ck, empty).
    std::pair<crypto::SecureBytes, crypto::SecureBytes> split() const;

    const QByteArray& handshakeHash() const { return m_h; }
    QByteArray chainingKeyForTesting() const { return m_ck.toByteArray(); }
    QByteArray cipherKeyForTesting() const { return m_k.toByteArray(); }

private:
    QByteArray nonce() const;

    QByteArray m_h;
    crypto::SecureBytes m_ck;
    crypto::SecureBytes m_k;
    uint64_t m_n = 0;
};

}  // namespace pluresdb::transport::noise
