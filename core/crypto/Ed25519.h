#pragma once

// Ed25519 identity and ephemeral key pairs, signatures, and the Edwards-curve Diffie-Hellman that
// noise-curve-ed uses (connection.md §2.2–§2.3). There is no conversion to X25519 anywhere.

#include "core/common/Result.h"
#include "core/crypto/SecureBytes.h"

#include <QByteArray>

namespace pluresdb::crypto {

inline constexpr int kEd25519PublicKeyBytes = 32;
inline constexpr int kEd25519SecretKeyBytes = 64;  // seed(32) || publicKey(32)
inline constexpr int kEd25519SeedBytes = 32;
inline constexpr int kEd25519SignatureBytes = 64;
inline constexpr int kDhOutputBytes = 32;

struct KeyPair {
    QByteArray publicKey;   // 32 bytes
    SecureBytes secretKey;  // 64 bytes, libsodium layout seed || publicKey
    bool isValid() const { return publicKey.size() == kEd25519PublicKeyBytes && secretKey.size() == 64; }
};

KeyPair generateKeyPair();
Result<KeyPair> keyPairFromSeed(const SecureBytes& seed);
Result<KeyPair> keyPairFromSecretKey(const SecureBytes& secretKey64);

QByteArray sign(const QByteArray& message, const KeyPair& keyPair);
bool verify(const QByteArray& signature, const QByteArray& message, const QByteArray& publicKey);

// noise-curve-ed DH (connection.md §2.3): scalar = clamp(SHA-512(seed)[0..32]), output =
// crypto_scalarmult_ed25519_noclamp(scalar, remotePublic). Fails (as libsodium does) on a
// non-canonical or small-order point or an identity result: a fatal handshake error.
Result<SecureBytes> ed25519Dh(const KeyPair& local, const QByteArray& remotePublicKey);

}  // namespace pluresdb::crypto
