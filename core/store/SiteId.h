#pragma once

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>

namespace pluresdb::store {

// A replica's identity: 32 random bytes chosen when the database is created.
inline constexpr int kSiteIdSize = 32;
using SiteId = std::array<uint8_t, kSiteIdSize>;

SiteId randomSiteId();
QByteArray siteIdBytes(const SiteId& id);
std::optional<SiteId> siteIdFromBytes(const QByteArray& bytes);
QString siteIdHex(const SiteId& id);
std::optional<SiteId> siteIdFromHex(const QString& hex);

}  // namespace pluresdb::store
