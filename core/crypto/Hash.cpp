#include "core/crypto/Hash.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace pluresdb::crypto {

QByteArray blake2bBatch(const QByteArrayList& parts, int outLen, const QByteArray& key) {
    ensureSodium();
    crypto_generichash_state state;
    QByteArray out(outLen, Qt::Uninitialized);
    crypto_generichash_init(&state,
                            key.isEmpty() ? nullptr : reinterpret_cast<const unsigned char*>(key.constData()),
                            static_cast<size_t>(key.size()), static_cast<size_t>(outLen));
    for (const QByteArray& p : parts) {
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(p.constData()),
                                  static_cast<unsigned long long>(p.size()));
    }
    crypto_generichash_final(&state, reinterpret_cast<unsigned char*>(out.data()),
                             static_cast<size_t>(outLen));
    sodium_memzero(&state, sizeof state);
    return out;
}

QByteArray blake2b(const QByteArray& data, int outLen, const QByteArray& key) {
    ensureSodium();
    QByteArray out(outLen, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), static_cast<size_t>(outLen),
                       reinterpret_cast<const unsigned char*>(data.constData()),
                       static_cast<unsigned long long>(data.size()),
                       key.isEmpty() ? nullptr : reinterpret_cast<const unsigned char*>(key.constData()),
                       static_cast<size_t>(key.size()));
    return out;
}

QByteArray sha256(const QByteArray& data) {
    ensureSodium();
    QByteArray out(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(out.data()),
                       reinterpret_cast<const unsigned char*>(data.constData()),
                       static_cast<unsigned long long>(data.size()));
    return out;
}

QByteArray sha512(const QByteArray& data) {
    ensureSodium();
    QByteArray out(crypto_hash_sha512_BYTES, Qt::Uninitialized);
    crypto_hash_sha512(reinterpret_cast<unsigned char*>(out.data()),
                       reinterpret_cast<const unsigned char*>(data.constData()),
                       static_cast<unsigned long long>(data.size()));
    return out;
}

}  // namespace pluresdb::crypto
