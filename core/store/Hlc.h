#pragma once

// Hybrid logical clock (ARCHITECTURE.md §4): millisecond wall time, a counter for events in the
// same millisecond (or while the wall clock lags a clock already seen), and the writer's site id.
// Ordering is (ms, counter, site): ties between writers break on the site id, so two writes of one
// field are always ordered the same way on every replica.

#include "core/store/SiteId.h"

#include <QByteArray>

#include <compare>
#include <cstdint>
#include <optional>

namespace pluresdb::store {

struct Hlc {
    int64_t ms = 0;
    uint32_t counter = 0;
    SiteId site{};

    auto operator<=>(const Hlc&) const = default;
    bool operator==(const Hlc&) const = default;

    // 44 bytes, big-endian ms and counter then the site: byte order == clock order, so SQLite's
    // memcmp comparison of the BLOB column orders clocks correctly.
    static constexpr int kEncodedSize = 8 + 4 + kSiteIdSize;
    QByteArray encode() const;
    static std::optional<Hlc> decode(const QByteArray& bytes);
    QString toString() const;  // "ms.counter@sitehex8", for logs and the UI
};

// The source of wall time. The store takes one so tests can run with a fake clock.
class WallClock {
public:
    virtual ~WallClock() = default;
    virtual int64_t nowMs() const = 0;
};

class SystemWallClock final : public WallClock {
public:
    int64_t nowMs() const override;
};

// Issues local timestamps and keeps them ahead of every timestamp seen (local or remote), so a
// local write made after seeing a remote one always wins over it, whatever the wall clocks say.
class HlcClock {
public:
    explicit HlcClock(SiteId site) : m_last{0, 0, site}, m_site(site) {}

    Hlc tick(int64_t wallMs);
    void observe(const Hlc& remote);
    Hlc last() const { return m_last; }

private:
    Hlc m_last;
    SiteId m_site;
};

}  // namespace pluresdb::store
