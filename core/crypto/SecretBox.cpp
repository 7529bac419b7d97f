#include "core/crypto/SecretBox.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace pluresdb::crypto {

QByteArray secretBoxSeal(const SecureBytes& key, const QByteArray& nonce, const QByteArray& plaintext) {
    ensureSodium();
    if (key.size() != kSecretBoxKeyBytes || nonce.size() != kSecretBoxNonceBytes)
        return {};
    QByteArray out(plaintext.size() + kSecretBoxMacBytes, Qt::Uninitialized);
    crypto_secretbox_easy(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(plaintext.constData()),
                          static_cast<unsigned long long>(plaintext.size()),
                          reinterpret_cast<const unsigned char*>(nonce.constData()), key.data());
    return out;
}

Result<QByteArray> secretBoxOpen(const SecureBytes& key, const QByteArray& nonce, const QByteArray& boxed) {
    ensureSodium();
    if (key.size() != kSecretBoxKeyBytes || nonce.size() != kSecretBoxNonceBytes) {
        return makeError(QStringLiteral("secretbox: bad key or nonce size"));
    }
    if (boxed.size() < kSecretBoxMacBytes)
        return makeError(QStringLiteral("secretbox: shorter than its MAC"));
    QByteArray out(boxed.size() - kSecretBoxMacBytes, Qt::Uninitialized);
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(out.data()),
                                   reinterpret_cast<const unsigned char*>(boxed.constData()),
                                   static_cast<unsigned long long>(boxed.size()),
                                   reinterpret_cast<const unsigned char*>(nonce.constData()),
                                   key.data()) != 0) {
        return makeError(QStringLiteral("secretbox: authentication failed"));
    }
    return out;
}

}  // namespace pluresdb::crypto
