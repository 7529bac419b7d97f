#include "core/store/Hlc.h"

#include <sodium.h>

#include <QDateTime>

#include <algorithm>

namespace pluresdb::store {

QByteArray Hlc::encode() const {
    QByteArray out(kEncodedSize, Qt::Uninitialized);
    auto* p = reinterpret_cast<uint8_t*>(out.data());
    const auto ums = static_cast<uint64_t>(ms);
    for (int i = 0; i < 8; ++i)
        p[i] = static_cast<uint8_t>(ums >> (56 - 8 * i));
    for (int i = 0; i < 4; ++i)
        p[8 + i] = static_cast<uint8_t>(counter >> (24 - 8 * i));
    std::copy(site.begin(), site.end(), p + 12);
    return out;
}

std::optional<Hlc> Hlc::decode(const QByteArray& bytes) {
    if (bytes.size() != kEncodedSize)
        return std::nullopt;
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.constData());
    uint64_t ums = 0;
    for (int i = 0; i < 8; ++i)
        ums = (ums << 8) | p[i];
    uint32_t c = 0;
    for (int i = 0; i < 4; ++i)
        c = (c << 8) | p[8 + i];
    if (ums > static_cast<uint64_t>(INT64_MAX))
        return std::nullopt;
    Hlc h;
    h.ms = static_cast<int64_t>(ums);
    h.counter = c;
    std::copy(p + 12, p + kEncodedSize, h.site.begin());
    return h;
}

QString Hlc::toString() const {
    return QStringLiteral("%1.%2@%3").arg(ms).arg(counter).arg(siteIdHex(site).left(8));
}

int64_t SystemWallClock::nowMs() const {
    return QDateTime::currentMSecsSinceEpoch();
}

Hlc HlcClock::tick(int64_t wallMs) {
    if (wallMs > m_last.ms) {
        m_last = Hlc{wallMs, 0, m_site};
    } else {
        m_last = Hlc{m_last.ms, m_last.counter + 1, m_site};
    }
    return m_last;
}

void HlcClock::observe(const Hlc& remote) {
    // Only time and counter carry over; our own writes keep our site id.
    if (remote.ms > m_last.ms || (remote.ms == m_last.ms && remote.counter > m_last.counter)) {
        m_last = Hlc{remote.ms, remote.counter, m_site};
    }
}

SiteId randomSiteId() {
    if (sodium_init() < 0)
        qFatal("libsodium failed to initialise");
    SiteId id;
    randombytes_buf(id.data(), id.size());
    return id;
}

QByteArray siteIdBytes(const SiteId& id) {
    return QByteArray(reinterpret_cast<const char*>(id.data()), kSiteIdSize);
}

std::optional<SiteId> siteIdFromBytes(const QByteArray& bytes) {
    if (bytes.size() != kSiteIdSize)
        return std::nullopt;
    SiteId id;
    std::copy(bytes.begin(), bytes.end(), id.begin());
    return id;
}

QString siteIdHex(const SiteId& id) {
    return QString::fromLatin1(siteIdBytes(id).toHex());
}

std::optional<SiteId> siteIdFromHex(const QString& hex) {
    if (hex.size() != 2 * kSiteIdSize)
        return std::nullopt;
    for (QChar c : hex) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'))) {
            return std::nullopt;
        }
    }
    return siteIdFromBytes(QByteArray::fromHex(hex.toLatin1()));
}

}  // namespace pluresdb::store
