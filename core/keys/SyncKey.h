#pragma once

// The sync key of a space (ARCHITECTURE.md §1, §4): 32 random bytes written as 64 hex characters.
// Its canonical form is lowercase, because the swarm topic is SHA-256 of those 64 characters:
// "AB…" and "ab…" must name the same space. Every key that enters the app (typed, pasted, from an
// invite or a QR code) goes through normaliseSyncKey() first.

#include "core/common/Result.h"

#include <QString>
#include <QStringView>

namespace pluresdb::keys {

inline constexpr int kSyncKeyBytes = 32;
inline constexpr int kSyncKeyHexLength = 2 * kSyncKeyBytes;

// Trims surrounding whitespace, checks for exactly 64 hex digits and returns them in lowercase.
// Errors name the problem a user can fix: the length that was found, or the 1-based position of
// the first character that is not a hex digit. The message never repeats the key itself.
Result<QString> normaliseSyncKey(QStringView text);

bool isNormalisedSyncKey(QStringView text);

// 32 bytes from libsodium's randombytes_buf, as 64 lowercase hex characters.
QString generateSyncKey();

}  // namespace pluresdb::keys
