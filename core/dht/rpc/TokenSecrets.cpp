#include "core/dht/rpc/TokenSecrets.h"

#include "core/crypto/Sodium.h"
#include "core/dht/rpc/RpcWire.h"

#include <sodium.h>

namespace pluresdb::dht::rpc {

namespace {
crypto::SecureBytes randomSecret() {
    crypto::ensureSodium();
    crypto::SecureBytes s(kTokenSize);
    randombytes_buf(s.data(), s.size());
    return s;
}
}  // namespace

TokenSecrets::TokenSecrets() : m_secrets{randomSecret(), randomSecret()} {}

TokenSecrets::TokenSecrets(const crypto::SecureBytes& older, const crypto::SecureBytes& newer)
    : m_secrets{older, newer} {}

QByteArray TokenSecrets::tokenWith(const crypto::SecureBytes& secret, const QString& host) const {
    const QByteArray input = host.toLatin1();
    QByteArray out(kTokenSize, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                       reinterpret_cast<const unsigned char*>(input.constData()), input.size(),
                       secret.data(), secret.size());
    return out;
}

QByteArray TokenSecrets::issue(const QString& host) const {
    return tokenWith(m_secrets[1], host);
}

bool TokenSecrets::validate(const QString& host, const QByteArray& token) const {
    if (token.size() != kTokenSize)
        return false;
    bool ok = false;
    for (const auto& secret : m_secrets) {
        const QByteArray expected = tokenWith(secret, host);
        ok |= sodium_memcmp(expected.constData(), token.constData(), kTokenSize) == 0;
    }
    return ok;
}

void TokenSecrets::tick() {
    if (++m_ticks % kTicksPerTokenRotation == 0)
        rotate();
}

void TokenSecrets::rotate() {
    crypto::SecureBytes next(kTokenSize);
    crypto_generichash(next.data(), next.size(), m_secrets[0].data(), m_secrets[0].size(), nullptr, 0);
    m_secrets[0] = m_secrets[1];
    m_secrets[1] = std::move(next);
}

}  // namespace pluresdb::dht::rpc
