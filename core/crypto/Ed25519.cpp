#include "core/crypto/Ed25519.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace pluresdb::crypto {

KeyPair generateKeyPair() {
    ensureSodium();
    KeyPair kp;
    kp.publicKey.resize(kEd25519PublicKeyBytes);
    kp.secretKey = SecureBytes(kEd25519SecretKeyBytes);
    crypto_sign_keypair(reinterpret_cast<unsigned char*>(kp.publicKey.data()), kp.secretKey.data());
    return kp;
}

Result<KeyPair> keyPairFromSeed(const SecureBytes& seed) {
    ensureSodium();
    if (seed.size() != kEd25519SeedBytes) {
        return makeError(QStringLiteral("an Ed25519 seed is 32 bytes, got %1").arg(seed.size()));
    }
    KeyPair kp;
    kp.publicKey.resize(kEd25519PublicKeyBytes);
    kp.secretKey = SecureBytes(kEd25519SecretKeyBytes);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(kp.publicKey.data()), kp.secretKey.data(),
                             seed.data());
    return kp;
}

Result<KeyPair> keyPairFromSecretKey(const SecureBytes& secretKey64) {
    if (secretKey64.size() != kEd25519SecretKeyBytes) {
        return makeError(QStringLiteral("an Ed25519 secret key is 64 bytes, got %1").arg(secretKey64.size()));
    }
    auto kp = keyPairFromSeed(SecureBytes::fromBytes(secretKey64.data(), kEd25519SeedBytes));
    if (!kp)
        return kp;
    // The stored public half must match the seed, or the key is corrupt.
    if (sodium_memcmp(kp->publicKey.constData(), secretKey64.data() + 32, 32) != 0) {
        return makeError(QStringLiteral("Ed25519 secret key: public half does not match the seed"));
    }
    return kp;
}

QByteArray sign(const QByteArray& message, const KeyPair& keyPair) {
    ensureSodium();
    QByteArray sig(kEd25519SignatureBytes, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char*>(sig.data()), nullptr,
                         reinterpret_cast<const unsigned char*>(message.constData()),
                         static_cast<unsigned long long>(message.size()), keyPair.secretKey.data());
    return sig;
}

bool verify(const QByteArray& signature, const QByteArray& message, const QByteArray& publicKey) {
    ensureSodium();
    if (signature.size() != kEd25519SignatureBytes || publicKey.size() != kEd25519PublicKeyBytes)
        return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.constData()),
                                       reinterpret_cast<const unsigned char*>(message.constData()),
                                       static_cast<unsigned long long>(message.size()),
                                       reinterpret_cast<const unsigned char*>(publicKey.constData())) == 0;
}

Result<SecureBytes> ed25519Dh(const KeyPair& local, const QByteArray& remotePublicKey) {
    ensureSodium();
    if (local.secretKey.size() != kEd25519SecretKeyBytes)
        return makeError(QStringLiteral("DH: no local secret key"));
    if (remotePublicKey.size() != kEd25519PublicKeyBytes) {
        return makeError(
            QStringLiteral("DH: remote public key is %1 bytes, not 32").arg(remotePublicKey.size()));
    }
    SecureBytes digest(crypto_hash_sha512_BYTES);
    crypto_hash_sha512(digest.data(), local.secretKey.data(), kEd25519SeedBytes);
    // Ed25519 signing-scalar clamp (connection.md §2.3 step 2).
    digest.data()[0] &= 0xf8;
    digest.data()[31] &= 0x7f;
    digest.data()[31] |= 0x40;
    SecureBytes out(kDhOutputBytes);
    if (crypto_scalarmult_ed25519_noclamp(
            out.data(), digest.data(), reinterpret_cast<const unsigned char*>(remotePublicKey.constData())) !=
        0) {
        return makeError(QStringLiteral("DH: remote key is not a valid Ed25519 point"));
    }
    return out;
}

}  // namespace pluresdb::crypto
