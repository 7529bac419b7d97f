#include "core/keys/EncryptedFileVault.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sodium.h>

namespace pluresdb::keys {

namespace {

static_assert(kVaultSaltBytes == crypto_pwhash_SALTBYTES);
static_assert(kVaultNonceBytes == crypto_secretbox_NONCEBYTES);
static_assert(kVaultMacBytes == crypto_secretbox_MACBYTES);

// The translation context of this file's messages (Q_DECLARE_TR_FUNCTIONS is what lupdate reads).
struct Messages {
    Q_DECLARE_TR_FUNCTIONS(pluresdb::keys::EncryptedFileVault)
};

QByteArray randomBytes(qsizetype n) {
    QByteArray out(n, Qt::Uninitialized);
    randombytes_buf(out.data(), static_cast<size_t>(n));
    return out;
}

// Derives the secretbox key into sodium_malloc'd memory; null when Argon2 fails (out of memory).
unsigned char* deriveKey(const QString& passphrase, const VaultHeader& header) {
    auto* key = static_cast<unsigned char*>(sodium_malloc(crypto_secretbox_KEYBYTES));
    if (!key) return nullptr;
    QByteArray utf8 = passphrase.toUtf8();
    const int rc = crypto_pwhash(
        key, crypto_secretbox_KEYBYTES, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
        reinterpret_cast<const unsigned char*>(header.salt.constData()), header.opsLimit,
        static_cast<size_t>(header.memLimitKiB) * 1024, crypto_pwhash_ALG_ARGON2ID13);
    sodium_memzero(utf8.data(), static_cast<size_t>(utf8.size()));
    if (rc != 0) {
        sodium_free(key);
        return nullptr;
    }
    return key;
}

}  // namespace

EncryptedFileVault::KdfCost EncryptedFileVault::KdfCost::interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024};
}
EncryptedFileVault::KdfCost EncryptedFileVault::KdfCost::moderate() {
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE / 1024};
}
EncryptedFileVault::KdfCost EncryptedFileVault::KdfCost::minimum() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN / 1024};
}

bool EncryptedFileVault::exists(const QString& path) { return QFileInfo::exists(path); }

Result<std::unique_ptr<EncryptedFileVault>> EncryptedFileVault::open(const QString& path,
                                                                     const QString& passphrase,
                                                                     KdfCost costForNewFile) {
    if (sodium_init() < 0) return makeError(Messages::tr("libsodium failed to initialise."));
    if (passphrase.size() < kMinPassphraseLength) {
        return makeError(
            Messages::tr("The passphrase must have at least %1 characters.").arg(kMinPassphraseLength));
    }
    if (!exists(path)) {
        VaultHeader header;
        header.opsLimit = costForNewFile.opsLimit;
        header.memLimitKiB = costForNewFile.memLimitKiB;
        header.salt = randomBytes(kVaultSaltBytes);
        unsigned char* key = deriveKey(passphrase, header);
        if (!key) return makeError(Messages::tr("Not enough memory to derive the key from the passphrase."));
        std::unique_ptr<EncryptedFileVault> vault(new EncryptedFileVault(path, header, key, {}));
        if (Result<void> saved = vault->save(); !saved) return saved.error();
        return vault;
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(Messages::tr("Cannot read the key file %1: %2").arg(path, file.errorString()));
    }
    const QByteArray bytes = file.read(kMaxVaultFileBytes + 1);
    QByteArray sealed;
    Result<VaultHeader> header = parseVaultHeader(bytes, &sealed);
    if (!header) return header.error();
    unsigned char* key = deriveKey(passphrase, *header);
    if (!key) return makeError(Messages::tr("Not enough memory to derive the key from the passphrase."));
    QByteArray plain(sealed.size() - kVaultMacBytes, Qt::Uninitialized);
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                   reinterpret_cast<const unsigned char*>(sealed.constData()),
                                   static_cast<unsigned long long>(sealed.size()),
                                   reinterpret_cast<const unsigned char*>(header->nonce.constData()),
                                   key) != 0) {
        sodium_free(key);
        return makeError(Messages::tr("The passphrase is wrong, or the key file is damaged."));
    }
    Result<VaultEntries> entries = parseVaultEntries(plain);
    sodium_memzero(plain.data(), static_cast<size_t>(plain.size()));
    if (!entries) {
        sodium_free(key);
        return entries.error();
    }
    return std::unique_ptr<EncryptedFileVault>(
        new EncryptedFileVault(path, std::move(*header), key, std::move(*entries)));
}

EncryptedFileVault::EncryptedFileVault(QString path, VaultHeader header, unsigned char* key,
                                       VaultEntries entries)
    : m_path(std::move(path)), m_header(std::move(header)), m_key(key), m_entries(std::move(entries)) {}

EncryptedFileVault::~EncryptedFileVault() {
    sodium_free(m_key);  // zeroes before freeing
    for (auto& [name, value] : m_entries) sodium_memzero(value.data(), static_cast<size_t>(value.size()));
}

std::optional<QByteArray> EncryptedFileVault::read(const QString& entry) const {
    const auto it = m_entries.find(entry);
    if (it == m_entries.end()) return std::nullopt;
    return it->second;
}

Result<void> EncryptedFileVault::write(const QString& entry, const QByteArray& secret) {
    if (entry.isEmpty() || entry.toUtf8().size() > 0xFFFF || secret.size() > 0xFFFF) {
        return makeError(Messages::tr("The key file cannot hold this entry."));
    }
    const std::optional<QByteArray> previous = read(entry);
    m_entries[entry] = secret;
    Result<void> saved = save();
    if (!saved) {  // keep memory and disk in step
        if (previous)
            m_entries[entry] = *previous;
        else
            m_entries.erase(entry);
    }
    return saved;
}

Result<void> EncryptedFileVault::remove(const QString& entry) {
    const auto it = m_entries.find(entry);
    if (it == m_entries.end()) return {};
    const QByteArray previous = it->second;
    m_entries.erase(it);
    Result<void> saved = save();
    if (!saved) m_entries[entry] = previous;
    return saved;
}

Result<void> EncryptedFileVault::save() {
    m_header.nonce = randomBytes(kVaultNonceBytes);  // never reuse a nonce under the same key
    QByteArray plain = serializeVaultEntries(m_entries);
    QByteArray sealed(plain.size() + kVaultMacBytes, Qt::Uninitialized);
    crypto_secretbox_easy(reinterpret_cast<unsigned char*>(sealed.data()),
                          reinterpret_cast<const unsigned char*>(plain.constData()),
                          static_cast<unsigned long long>(plain.size()),
                          reinterpret_cast<const unsigned char*>(m_header.nonce.constData()), m_key);
    sodium_memzero(plain.data(), static_cast<size_t>(plain.size()));

    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        return makeError(Messages::tr("Cannot write the key file %1: %2").arg(m_path, file.errorString()));
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(serializeVaultHeader(m_header));
    file.write(sealed);
    if (!file.commit()) {
        return makeError(Messages::tr("Cannot write the key file %1: %2").arg(m_path, file.errorString()));
    }
    return {};
}

}  // namespace pluresdb::keys
