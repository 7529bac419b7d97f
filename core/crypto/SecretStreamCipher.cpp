#include "core/crypto/SecretStreamCipher.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace pluresdb::crypto {

namespace {
crypto_secretstream_xchacha20poly1305_state* stateOf(SecureBytes& s) {
    return reinterpret_cast<crypto_secretstream_xchacha20poly1305_state*>(s.data());
}
}  // namespace

SecretStreamPush::SecretStreamPush() : m_state(sizeof(crypto_secretstream_xchacha20poly1305_state)) {}

QByteArray SecretStreamPush::init(const SecureBytes& key) {
    ensureSodium();
    QByteArray header(kSecretStreamHeaderBytes, Qt::Uninitialized);
    if (key.size() != kSecretStreamKeyBytes)
        return {};
    crypto_secretstream_xchacha20poly1305_init_push(
        stateOf(m_state), reinterpret_cast<unsigned char*>(header.data()), key.data());
    return header;
}

bool SecretStreamPush::initWithHeader(const SecureBytes& key, const QByteArray& header) {
    ensureSodium();
    if (key.size() != kSecretStreamKeyBytes || header.size() != kSecretStreamHeaderBytes)
        return false;
    return crypto_secretstream_xchacha20poly1305_init_pull(
               stateOf(m_state), reinterpret_cast<const unsigned char*>(header.constData()), key.data()) == 0;
}

void SecretStreamPush::push(const char* in, qsizetype len, char* out) {
    crypto_secretstream_xchacha20poly1305_push(stateOf(m_state), reinterpret_cast<unsigned char*>(out),
                                               nullptr, reinterpret_cast<const unsigned char*>(in),
                                               static_cast<unsigned long long>(len), nullptr, 0,
                                               crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
}

QByteArray SecretStreamPush::push(const QByteArray& plaintext) {
    QByteArray out(plaintext.size() + kSecretStreamABytes, Qt::Uninitialized);
    push(plaintext.constData(), plaintext.size(), out.data());
    return out;
}

SecretStreamPull::SecretStreamPull() : m_state(sizeof(crypto_secretstream_xchacha20poly1305_state)) {}

bool SecretStreamPull::init(const SecureBytes& key, const QByteArray& header) {
    ensureSodium();
    if (key.size() != kSecretStreamKeyBytes || header.size() != kSecretStreamHeaderBytes)
        return false;
    return crypto_secretstream_xchacha20poly1305_init_pull(
               stateOf(m_state), reinterpret_cast<const unsigned char*>(header.constData()), key.data()) == 0;
}

bool SecretStreamPull::pull(const char* in, qsizetype len, char* out) {
    if (len < kSecretStreamABytes)
        return false;
    unsigned char tag = 0;
    return crypto_secretstream_xchacha20poly1305_pull(stateOf(m_state), reinterpret_cast<unsigned char*>(out),
                                                      nullptr, &tag,
                                                      reinterpret_cast<const unsigned char*>(in),
                                                      static_cast<unsigned long long>(len), nullptr, 0) == 0;
}

Result<QByteArray> SecretStreamPull::pull(const QByteArray& ciphertext) {
    if (ciphertext.size() < kSecretStreamABytes)
        return makeError(QStringLiteral("record shorter than 17 bytes"));
    QByteArray out(ciphertext.size() - kSecretStreamABytes, Qt::Uninitialized);
    if (!pull(ciphertext.constData(), ciphertext.size(), out.data())) {
        return makeError(QStringLiteral("record failed authentication"));
    }
    return out;
}

}  // namespace pluresdb::crypto
