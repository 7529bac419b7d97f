#include "core/store/Limits.h"

namespace pluresdb::store {

Result<void> validateRecordId(const QString& id) {
    if (id.isEmpty())
        return makeError(QStringLiteral("record id is empty"));
    if (!id.isValidUtf16())
        return makeError(QStringLiteral("record id is not valid Unicode text"));
    if (id.contains(QChar(0)))
        return makeError(QStringLiteral("record id contains a NUL character"));
    const auto bytes = id.toUtf8().size();
    if (bytes > kMaxRecordIdBytes) {
        return makeError(
            QStringLiteral("record id is %1 bytes long; the limit is %2").arg(bytes).arg(kMaxRecordIdBytes));
    }
    return {};
}

Result<void> validatePutSize(qsizetype encodedSize) {
    if (encodedSize > kMaxPutBytes) {
        return makeError(QStringLiteral("value is %1 bytes; the limit for one put is %2 bytes (%3 MiB)")
                             .arg(encodedSize)
                             .arg(kMaxPutBytes)
                             .arg(kMaxPutBytes / (1024 * 1024)));
    }
    return {};
}

}  // namespace pluresdb::store
