#pragma once

// Limits on what a user or peer may store. They keep one op inside one sync frame (secret-stream
// frames carry at most 16 MiB) with room to spare, and make oversized input a clear error.

#include "core/common/Result.h"

#include <QJsonObject>
#include <QString>

namespace pluresdb::store {

inline constexpr int kMaxRecordIdBytes = 1024;              // UTF-8 bytes
inline constexpr int kMaxFieldNameBytes = 1024;             // UTF-8 bytes
inline constexpr qsizetype kMaxPutBytes = 4 * 1024 * 1024;  // the put's fields as compact JSON

Result<void> validateRecordId(const QString& id);
// validateRecordId, and the id's UTF-8 bytes (what the store keys records by) when it is valid.
Result<QByteArray> recordIdUtf8(const QString& id);
// Checks a put's size; `encodedSize` is the size of its fields as compact JSON. (Field names are
// checked where they are encoded, RecordState.h encodeFields.)
Result<void> validatePutSize(qsizetype encodedSize);

}  // namespace pluresdb::store
