#include "core/store/Digest.h"

#include <sodium.h>

#include <algorithm>

namespace pluresdb::store {

void Digest::toggle(const QByteArray& rowHash) {
    const size_t n = std::min(bytes.size(), static_cast<size_t>(rowHash.size()));
    const auto* h = reinterpret_cast<const uint8_t*>(rowHash.constData());
    for (size_t i = 0; i < n; ++i)
        bytes[i] ^= h[i];
}

QByteArray Digest::toBytes() const {
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<int>(bytes.size()));
}

QString Digest::toHex() const {
    return QString::fromLatin1(toBytes().toHex());
}

Digest Digest::fromBytes(const QByteArray& b) {
    Digest d;
    if (b.size() == static_cast<int>(d.bytes.size()))
        std::copy(b.begin(), b.end(), d.bytes.begin());
    return d;
}

}  // namespace pluresdb::store
