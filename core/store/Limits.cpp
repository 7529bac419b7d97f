#include "core/store/Limits.h"

namespace pluresdb::store {

Result<void> validateRecordId(const QString& id) {
    if (auto r = recordIdUtf8(id); !r)
        return r.error();
    return {};
}

Result<QByteArray> recordIdUtf8(const QString& id) {
    if (id.isEmpty())
        return makeError(QStringLiteral("record id is empty"));
    if (!id.isValidUtf16())
        return makeError(QStringLiteral("record id is not valid Unicode text"));
    if (id.contains(QChar(0)))
        return makeError(QStringLiteral("record id contains a NUL character"));
    QByteArray utf8 = id.toUtf8();
    if (utf8.size() > kMaxRecordIdBytes) {
        return makeError(QStringLiteral("record id is %1 bytes long; the limit is %2")
                             .arg(utf8.size())
                             .arg(kMaxRecordIdBytes));
    }
    return utf8;
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
