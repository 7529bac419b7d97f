#include "core/crypto/Aead.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace pluresdb::crypto {

QByteArray aeadEncrypt(const SecureBytes& key, const QByteArray& nonce, const QByteArray& ad,
                       const QByteArray& plaintext) {
    ensureSodium();
    if (key.size() != kAeadKeyBytes || nonce.size() != kAeadNonceBytes)
        return {};
    QByteArray out(plaintext.size() + kAeadTagBytes, Qt::Uninitialized);
    unsigned long long outLen = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char*>(out.data()), &outLen,
        reinterpret_cast<const unsigned char*>(plaintext.constData()),
        static_cast<unsigned long long>(plaintext.size()),
        reinterpret_cast<const unsigned char*>(ad.constData()), static_cast<unsigned long long>(ad.size()),
        nullptr, reinterpret_cast<const unsigned char*>(nonce.constData()), key.data());
    return out;
}

Result<QByteArray> aeadDecrypt(const SecureBytes& key, const QByteArray& nonce, const QByteArray& ad,
                               const QByteArray& ciphertext) {
    ensureSodium();
    if (key.size() != kAeadKeyBytes || nonce.size() != kAeadNonceBytes) {
        return makeError(QStringLiteral("AEAD: bad key or nonce size"));
    }
    if (ciphertext.size() < kAeadTagBytes)
        return makeError(QStringLiteral("AEAD: ciphertext shorter than its tag"));
    QByteArray out(ciphertext.size() - kAeadTagBytes, Qt::Uninitialized);
    unsigned long long outLen = 0;
    if (crypto_aead_chacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(out.data()), &outLen, nullptr,
            reinterpret_cast<const unsigned char*>(ciphertext.constData()),
            static_cast<unsigned long long>(ciphertext.size()),
            reinterpret_cast<const unsigned char*>(ad.constData()),
            static_cast<unsigned long long>(ad.size()),
            reinterpret_cast<const unsigned char*>(nonce.constData()), key.data()) != 0) {
        return makeError(QStringLiteral("AEAD: authentication failed"));
    }
    return out;
}

}  // namespace pluresdb::crypto
