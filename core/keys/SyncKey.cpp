#include "core/keys/SyncKey.h"

#include <QCoreApplication>

#include <sodium.h>

namespace pluresdb::keys {

namespace {

bool isHexDigit(QChar c) {
    const char16_t u = c.unicode();
    return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F');
}

// The translation context of this file's messages (Q_DECLARE_TR_FUNCTIONS is what lupdate reads).
struct Messages {
    Q_DECLARE_TR_FUNCTIONS(pluresdb::keys::SyncKey)
};

}  // namespace

Result<QString> normaliseSyncKey(QStringView text) {
    const QStringView key = text.trimmed();
    if (key.isEmpty()) return makeError(Messages::tr("The sync key is empty."));
    // Check the characters before the length: "non-hex at 12" is the more useful message when both
    // are wrong (a pasted sentence is long and full of non-hex characters).
    for (qsizetype i = 0; i < key.size() && i < kSyncKeyHexLength + 1; ++i) {
        if (!isHexDigit(key[i])) {
            return makeError(
                Messages::tr("The sync key has a character that is not a hex digit (0-9, a-f) at position "
                             "%1.")
                    .arg(i + 1));
        }
    }
    if (key.size() < kSyncKeyHexLength) {
        return makeError(
            Messages::tr("The sync key has %1 characters but needs exactly %2: it looks cut off.")
                .arg(key.size())
                .arg(kSyncKeyHexLength));
    }
    if (key.size() > kSyncKeyHexLength) {
        return makeError(Messages::tr("The sync key has %1 characters but needs exactly %2.")
                             .arg(key.size())
                             .arg(kSyncKeyHexLength));
    }
    return key.toString().toLower();
}

bool isNormalisedSyncKey(QStringView text) {
    if (text.size() != kSyncKeyHexLength) return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= '0' && u <= '9') || (u >= 'a' && u <= 'f'))) return false;
    }
    return true;
}

QString generateSyncKey() {
    if (sodium_init() < 0) qFatal("libsodium failed to initialise");  // no safe randomness: cannot go on
    unsigned char raw[kSyncKeyBytes];
    randombytes_buf(raw, sizeof raw);
    char hex[kSyncKeyHexLength + 1];
    sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
    QString key = QString::fromLatin1(hex, kSyncKeyHexLength);
    sodium_memzero(raw, sizeof raw);
    sodium_memzero(hex, sizeof hex);
    return key;
}

}  // namespace pluresdb::keys
