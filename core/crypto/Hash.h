#pragma once

// BLAKE2b (plain, keyed, and over several parts) and SHA-2, as libsodium computes them.

#include <QByteArray>
#include <QByteArrayList>

namespace pluresdb::crypto {

inline constexpr int kBlake2b256Bytes = 32;
inline constexpr int kBlake2b512Bytes = 64;

// BLAKE2b with `outLen` bytes (16..64) over `data`, keyed with `key` when it is not empty (16..64 bytes).
QByteArray blake2b(const QByteArray& data, int outLen = kBlake2b256Bytes, const QByteArray& key = {});
// BLAKE2b over the concatenation of `parts` (crypto_generichash_batch in sodium-native).
QByteArray blake2bBatch(const QByteArrayList& parts, int outLen = kBlake2b256Bytes,
                        const QByteArray& key = {});
QByteArray sha256(const QByteArray& data);
QByteArray sha512(const QByteArray& data);

}  // namespace pluresdb::crypto
