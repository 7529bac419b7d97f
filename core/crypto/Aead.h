#pragma once

// ChaCha20-Poly1305 IETF (32-byte key, 12-byte nonce, 16-byte tag): the Noise cipher
// (connection.md §2.5).

#include "core/common/Result.h"
#include "core/crypto/SecureBytes.h"

#include <QByteArray>

namespace pluresdb::crypto {

inline constexpr int kAeadKeyBytes = 32;
inline constexpr int kAeadNonceBytes = 12;
inline constexpr int kAeadTagBytes = 16;

QByteArray aeadEncrypt(const SecureBytes& key, const QByteArray& nonce, const QByteArray& ad,
                       const QByteArray& plaintext);
Result<QByteArray> aeadDecrypt(const SecureBytes& key, const QByteArray& nonce, const QByteArray& ad,
                               const QByteArray& ciphertext);

}  // namespace pluresdb::crypto
