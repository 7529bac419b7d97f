#pragma once

// XSalsa20-Poly1305 secretbox (crypto_secretbox_easy): hole-punch payloads (hyperdht.md §7.3, V8) and
// secret-stream's unordered datagrams (connection.md §5.5). Output is MAC(16) || ciphertext.

#include "core/common/Result.h"
#include "core/crypto/SecureBytes.h"

#include <QByteArray>

namespace pluresdb::crypto {

inline constexpr int kSecretBoxKeyBytes = 32;
inline constexpr int kSecretBoxNonceBytes = 24;
inline constexpr int kSecretBoxMacBytes = 16;

QByteArray secretBoxSeal(const SecureBytes& key, const QByteArray& nonce, const QByteArray& plaintext);
Result<QByteArray> secretBoxOpen(const SecureBytes& key, const QByteArray& nonce, const QByteArray& boxed);

}  // namespace pluresdb::crypto
