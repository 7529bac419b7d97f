#pragma once

// The fallback key store: one file (VaultFormat.h) sealed with crypto_secretbox under a key derived
// from the user's passphrase with Argon2id (libsodium crypto_pwhash). Used only where no OS keychain
// works (KeyStore decides). The salt is fixed for the file's life, so the passphrase is stretched
// once per session; every write uses a fresh random nonce and replaces the file atomically
// (QSaveFile) with owner-only permissions.
//
// The derived key sits in sodium_malloc'd, mlocked memory; the entries are in ordinary memory
// while the vault is open (as they would be after reading them from the OS keychain).

#include "core/common/Result.h"
#include "core/keys/VaultFormat.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace pluresdb::keys {

inline constexpr qsizetype kMinPassphraseLength = 8;

class EncryptedFileVault {
public:
    struct KdfCost {
        uint32_t opsLimit;
        uint32_t memLimitKiB;
        static KdfCost interactive();  // libsodium INTERACTIVE: 2 passes, 64 MiB (~0.1–0.5 s)
        static KdfCost moderate();     // libsodium MODERATE: 3 passes, 256 MiB — the app's default
        static KdfCost minimum();      // for tests only: instant, and weak
    };

    static constexpr const char* kFileName = "keys.vault";

    static bool exists(const QString& path);
    // Opens an existing file with `passphrase`, or creates a new empty one (with `costForNewFile`).
    // A wrong passphrase and a damaged file give the same error: secretbox cannot tell them apart.
    static Result<std::unique_ptr<EncryptedFileVault>> open(const QString& path, const QString& passphrase,
                                                            KdfCost costForNewFile);
    ~EncryptedFileVault();
    EncryptedFileVault(const EncryptedFileVault&) = delete;
    EncryptedFileVault& operator=(const EncryptedFileVault&) = delete;

    std::optional<QByteArray> read(const QString& entry) const;
    Result<void> write(const QString& entry, const QByteArray& secret);
    Result<void> remove(const QString& entry);

    const QString& path() const { return m_path; }

private:
    EncryptedFileVault(QString path, VaultHeader header, unsigned char* key, VaultEntries entries);
    Result<void> save();

    QString m_path;
    VaultHeader m_header;
    unsigned char* m_key;  // crypto_secretbox_KEYBYTES, sodium_malloc
    VaultEntries m_entries;
};

}  // namespace pluresdb::keys
