#include "core/keys/KeyStore.h"

#include "core/keys/SyncKey.h"

#include <QCoreApplication>
#include <QDir>

#include <sodium.h>

namespace pluresdb::keys {

namespace {

// The translation context of this file's messages (Q_DECLARE_TR_FUNCTIONS is what lupdate reads).
struct Messages {
    Q_DECLARE_TR_FUNCTIONS(pluresdb::keys::KeyStore)
};

// The entry probed to learn whether the keychain answers; it is only ever read.
constexpr char kProbeEntry[] = "probe";
constexpr qsizetype kMaxSpaceIdLength = 256;

}  // namespace

KeyStore::KeyStore(Options options)
    : m_options(std::move(options)), m_keychain(m_options.service, m_options.timeout) {}

KeyStore::~KeyStore() = default;

QString KeyStore::syncKeyEntry(const QString& spaceId) { return QStringLiteral("sync-key/") + spaceId; }
QString KeyStore::deviceSeedEntry() { return QStringLiteral("device-identity-seed"); }

QString KeyStore::fallbackPath() const {
    return QDir(m_options.dataDir).filePath(QLatin1String(EncryptedFileVault::kFileName));
}

bool KeyStore::fallbackFileExists() const { return EncryptedFileVault::exists(fallbackPath()); }

KeyStore::Backend KeyStore::probe() {
    if (m_backend != Backend::Undecided) return m_backend;
    if (fallbackFileExists()) {
        m_backend = Backend::EncryptedFile;
        m_fallbackReason = Messages::tr(
                               "Your keys are in the encrypted key file %1, created when no system keychain "
                               "was available. Enter its passphrase to unlock them.")
                               .arg(QDir::toNativeSeparators(fallbackPath()));
        return m_backend;
    }
    const KeychainReply reply = m_keychain.read(QLatin1String(kProbeEntry));
    if (reply.status == KeychainStatus::Ok || reply.status == KeychainStatus::NotFound) {
        m_backend = Backend::SystemKeychain;
        return m_backend;
    }
    m_backend = Backend::EncryptedFile;
    m_fallbackReason =
        Messages::tr(
            "No system keychain could be used. %1\nYour keys will be kept in an encrypted file "
            "protected by a passphrase that you choose.")
            .arg(reply.message);
    return m_backend;
}

Result<void> KeyStore::unlockFallback(const QString& passphrase) {
    probe();
    if (!usingFallback())
        return makeError(Messages::tr("The system keychain is in use; there is no key file to unlock."));
    if (m_vault) return {};
    if (m_options.dataDir.isEmpty()) {
        return makeError(Messages::tr("No data directory is set for the key file."));
    }
    if (!QDir().mkpath(m_options.dataDir)) {
        return makeError(Messages::tr("Cannot create the data directory %1.").arg(m_options.dataDir));
    }
    auto vault = EncryptedFileVault::open(fallbackPath(), passphrase, m_options.kdfCost);
    if (!vault) return vault.error();
    m_vault = std::move(*vault);
    return {};
}

Result<void> KeyStore::ready() {
    probe();
    if (needsPassphrase())
        return makeError(Messages::tr("The encrypted key file is locked: enter its passphrase first."));
    return {};
}

Result<void> KeyStore::write(const QString& entry, const QByteArray& secret) {
    if (Result<void> r = ready(); !r) return r;
    if (m_vault) return m_vault->write(entry, secret);
    const KeychainReply reply = m_keychain.write(entry, secret);
    if (reply.status != KeychainStatus::Ok) return makeError(reply.message);
    return {};
}

Result<std::optional<QByteArray>> KeyStore::read(const QString& entry) {
    if (Result<void> r = ready(); !r) return r.error();
    if (m_vault) return m_vault->read(entry);
    KeychainReply reply = m_keychain.read(entry);
    if (reply.status == KeychainStatus::NotFound) return std::optional<QByteArray>();
    if (reply.status != KeychainStatus::Ok) return makeError(reply.message);
    return std::optional<QByteArray>(std::move(reply.data));
}

Result<void> KeyStore::remove(const QString& entry) {
    if (Result<void> r = ready(); !r) return r;
    if (m_vault) return m_vault->remove(entry);
    const KeychainReply reply = m_keychain.remove(entry);
    if (reply.status != KeychainStatus::Ok) return makeError(reply.message);
    return {};
}

static Result<void> checkSpaceId(const QString& spaceId) {
    if (spaceId.isEmpty() || spaceId.size() > kMaxSpaceIdLength) {
        return makeError(Messages::tr("A space id must have 1 to %1 characters.").arg(kMaxSpaceIdLength));
    }
    return {};
}

Result<void> KeyStore::storeSyncKey(const QString& spaceId, const QString& syncKey) {
    if (Result<void> r = checkSpaceId(spaceId); !r) return r;
    const Result<QString> key = normaliseSyncKey(syncKey);
    if (!key) return key.error();
    QByteArray raw(kSyncKeyBytes, Qt::Uninitialized);
    const QByteArray hex = key->toLatin1();
    sodium_hex2bin(reinterpret_cast<unsigned char*>(raw.data()), kSyncKeyBytes, hex.constData(),
                   static_cast<size_t>(hex.size()), nullptr, nullptr, nullptr);
    Result<void> written = write(syncKeyEntry(spaceId), raw);
    sodium_memzero(raw.data(), kSyncKeyBytes);
    return written;
}

Result<std::optional<QString>> KeyStore::syncKey(const QString& spaceId) {
    if (Result<void> r = checkSpaceId(spaceId); !r) return r.error();
    Result<std::optional<QByteArray>> raw = read(syncKeyEntry(spaceId));
    if (!raw) return raw.error();
    if (!raw->has_value()) return std::optional<QString>();
    QByteArray& bytes = **raw;
    if (bytes.size() != kSyncKeyBytes) {
        return makeError(Messages::tr("The stored sync key of space %1 is damaged (%2 bytes).")
                             .arg(spaceId)
                             .arg(bytes.size()));
    }
    char hex[2 * kSyncKeyBytes + 1];
    sodium_bin2hex(hex, sizeof hex, reinterpret_cast<const unsigned char*>(bytes.constData()), kSyncKeyBytes);
    QString key = QString::fromLatin1(hex, 2 * kSyncKeyBytes);
    sodium_memzero(hex, sizeof hex);
    sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
    return std::optional<QString>(std::move(key));
}

Result<void> KeyStore::removeSyncKey(const QString& spaceId) {
    if (Result<void> r = checkSpaceId(spaceId); !r) return r;
    return remove(syncKeyEntry(spaceId));
}

Result<void> KeyStore::storeDeviceSeed(const QByteArray& seed) {
    if (seed.size() != kDeviceSeedBytes) {
        return makeError(Messages::tr("A device identity seed has %1 bytes, not %2.")
                             .arg(kDeviceSeedBytes)
                             .arg(seed.size()));
    }
    return write(deviceSeedEntry(), seed);
}

Result<std::optional<QByteArray>> KeyStore::deviceSeed() {
    Result<std::optional<QByteArray>> seed = read(deviceSeedEntry());
    if (seed && seed->has_value() && (*seed)->size() != kDeviceSeedBytes) {
        return makeError(Messages::tr("The stored device identity seed is damaged."));
    }
    return seed;
}

Result<void> KeyStore::removeDeviceSeed() { return remove(deviceSeedEntry()); }

Result<QByteArray> KeyStore::deviceSeedOrCreate() {
    Result<std::optional<QByteArray>> existing = deviceSeed();
    if (!existing) return existing.error();
    if (existing->has_value()) return **existing;
    if (sodium_init() < 0) return makeError(Messages::tr("libsodium failed to initialise."));
    QByteArray seed(kDeviceSeedBytes, Qt::Uninitialized);
    randombytes_buf(seed.data(), kDeviceSeedBytes);
    if (Result<void> stored = storeDeviceSeed(seed); !stored) return stored.error();
    return seed;
}

}  // namespace pluresdb::keys
