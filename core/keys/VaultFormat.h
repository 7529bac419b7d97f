#pragma once

// The bytes of the encrypted key file (the fallback when no OS keychain works). Parsing here is of
// outside bytes (a file anyone may have edited): bounded, errors as values, fuzzed by
// tests/fuzz/fuzz_vault.cpp. Encryption itself lives in EncryptedFileVault.
//
// Layout, version 1 (integers little-endian):
//   0   8  magic "PDBVAULT"
//   8   1  format version (1)
//   9   1  KDF id (1 = Argon2id v1.3, libsodium crypto_pwhash_ALG_ARGON2ID13)
//  10   2  zero
//  12   4  Argon2 opslimit
//  16   4  Argon2 memlimit in KiB
//  20  16  salt (crypto_pwhash_SALTBYTES)
//  36  24  nonce (crypto_secretbox_NONCEBYTES), fresh for every write
//  60   …  crypto_secretbox_easy(entries): 16-byte MAC, then the encrypted entries
// Entries (the plaintext): u32 count, then per entry u16 name length, UTF-8 name, u16 value
// length, value bytes, in strictly increasing name order. Names are the keychain entry names.

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <map>

namespace pluresdb::keys {

inline constexpr char kVaultMagic[8] = {'P', 'D', 'B', 'V', 'A', 'U', 'L', 'T'};
inline constexpr uint8_t kVaultFormatVersion = 1;
inline constexpr uint8_t kVaultKdfArgon2id13 = 1;
inline constexpr int kVaultSaltBytes = 16;
inline constexpr int kVaultNonceBytes = 24;
inline constexpr int kVaultMacBytes = 16;
inline constexpr int kVaultHeaderBytes = 60;
inline constexpr qsizetype kMaxVaultFileBytes = 4 * 1024 * 1024;
inline constexpr uint32_t kMaxVaultEntries = 10'000;
// Limits on KDF parameters read from a file, so an edited header cannot make us spend minutes or
// gigabytes deriving a key: at most libsodium's SENSITIVE cost (4 passes, 1 GiB) and at least its minimum.
inline constexpr uint32_t kMinVaultOpsLimit = 1;
inline constexpr uint32_t kMaxVaultOpsLimit = 4;
inline constexpr uint32_t kMinVaultMemLimitKiB = 8;
inline constexpr uint32_t kMaxVaultMemLimitKiB = 1024 * 1024;

struct VaultHeader {
    uint32_t opsLimit = 0;
    uint32_t memLimitKiB = 0;
    QByteArray salt;   // kVaultSaltBytes
    QByteArray nonce;  // kVaultNonceBytes
};

using VaultEntries = std::map<QString, QByteArray>;

QByteArray serializeVaultHeader(const VaultHeader& header);
// Splits a file into its header and the sealed box that follows it.
Result<VaultHeader> parseVaultHeader(const QByteArray& file, QByteArray* sealed = nullptr);

QByteArray serializeVaultEntries(const VaultEntries& entries);
Result<VaultEntries> parseVaultEntries(const QByteArray& plaintext);

}  // namespace pluresdb::keys
