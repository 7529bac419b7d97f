#pragma once

// Where the app keeps its secrets: each space's sync key (by space id) and the device identity
// seed. The OS keychain (SystemKeychain) is the home for them; where none works — no D-Bus
// session, no Secret Service, a keychain that does not answer in time — they go to an encrypted
// file in the data directory (EncryptedFileVault) unlocked with a passphrase the user chooses, and
// fallbackReason() tells the UI why so it can say so.
//
// The backend is chosen once, by the first call (or by probe()), and then kept for the session:
//   - a key file already in the data directory: the file (the keys are there);
//   - else the OS keychain answers (an entry found or "no such entry"): the OS keychain;
//   - else: the file, which needs unlockFallback(passphrase) before the first read or write.
// A keychain that stops answering later gives an error for that call; it does not silently move
// keys to another place.
//
// Secrets never reach a log, and never touch the disk in plain text: in the keychain they are the
// keychain's business, in the file they are sealed. Sync keys are stored as their 32 raw bytes.
//
// A KeyStore belongs to one thread (the GUI thread in the app: its calls may show a keychain
// prompt) and is not safe to share; calls block that thread's caller for at most the timeout while
// a local event loop keeps the thread's events flowing (see SystemKeychain.h).

#include "core/common/Result.h"
#include "core/keys/EncryptedFileVault.h"
#include "core/keys/SystemKeychain.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

namespace pluresdb::keys {

inline constexpr int kDeviceSeedBytes = 32;

class KeyStore {
public:
    enum class Backend { Undecided, SystemKeychain, EncryptedFile };

    struct Options {
        QString dataDir;                               // where the fallback file lives
        QString service = QStringLiteral("PluresDB");  // the keychain's service name
        std::chrono::milliseconds timeout = SystemKeychain::kDefaultTimeout;
        EncryptedFileVault::KdfCost kdfCost = EncryptedFileVault::KdfCost::moderate();
    };

    explicit KeyStore(Options options);
    ~KeyStore();

    Backend probe();
    Backend backend() const { return m_backend; }
    bool usingFallback() const { return m_backend == Backend::EncryptedFile; }
    QString fallbackReason() const { return m_fallbackReason; }  // translated; empty unless usingFallback()
    bool fallbackFileExists() const;
    bool needsPassphrase() const { return usingFallback() && !m_vault; }
    QString fallbackPath() const;
    // Opens (or creates) the encrypted file. Only meaningful when usingFallback().
    Result<void> unlockFallback(const QString& passphrase);

    Result<void> storeSyncKey(const QString& spaceId, const QString& syncKey);
    Result<std::optional<QString>> syncKey(const QString& spaceId);  // normalised hex, or none
    Result<void> removeSyncKey(const QString& spaceId);

    Result<void> storeDeviceSeed(const QByteArray& seed);
    Result<std::optional<QByteArray>> deviceSeed();
    Result<void> removeDeviceSeed();
    // The device identity seed, made (32 random bytes) and stored on first use.
    Result<QByteArray> deviceSeedOrCreate();

    static QString syncKeyEntry(const QString& spaceId);  // the entry name in keychain and file
    static QString deviceSeedEntry();

private:
    Result<void> ready();
    Result<void> write(const QString& entry, const QByteArray& secret);
    Result<std::optional<QByteArray>> read(const QString& entry);
    Result<void> remove(const QString& entry);

    Options m_options;
    SystemKeychain m_keychain;
    Backend m_backend = Backend::Undecided;
    QString m_fallbackReason;
    std::unique_ptr<EncryptedFileVault> m_vault;
};

}  // namespace pluresdb::keys
