#pragma once

// Traffic counters for the app's graphs (ARCHITECTURE.md §5, STYLE.md 5): a ring buffer per
// resolution, from 1 s buckets for the last 5 minutes to 144 s buckets for the last 24 hours, each
// bucket holding one byte count per series. The engine adds the bytes that moved since its last
// sample; the graphs only read. Plain data, no Qt objects: the caller guards it (SyncMonitor's mutex).

#include <QtGlobal>

#include <array>
#include <vector>

namespace pluresdb::engine {

enum class TrafficSeries : int {
    PayloadIn,  // encoded ops received (sync payload)
    PayloadOut,
    OverheadIn,  // every other sync-protocol byte: framing, proofs, version vectors, acks, digests
    OverheadOut,
    // The swarm's DHT node (UDP payloads of its sockets' non-UDX datagrams, UdxSocket.h NonUdxTraffic):
    DhtIn,  // dht-rpc messages, also the handshake and holepunch messages relayed through DHT nodes
    DhtOut,
    HolepunchIn,  // 1-byte holepunch probes (spec/hyperdht.md §7.5)
    HolepunchOut,
    Count
};
inline constexpr int kTrafficSeriesCount = static_cast<int>(TrafficSeries::Count);
using TrafficSample = std::array<quint64, kTrafficSeriesCount>;

struct TrafficResolution {
    int bucketSeconds;
    int buckets;
};
// 5 min, 1 h, 6 h, 24 h.
inline constexpr std::array<TrafficResolution, 4> kTrafficResolutions{
    {{1, 300}, {10, 360}, {60, 360}, {144, 600}}};

struct TrafficBucket {
    qint64 startMs = 0;  // the bucket covers [startMs, startMs + bucketSeconds s)
    TrafficSample bytes{};
};

// One resolution: at most `buckets` buckets, oldest dropped first. Buckets with no traffic are
// not stored (a gap in time is a gap in the ring), so a quiet peer costs nothing.
class TrafficRing {
public:
    explicit TrafficRing(TrafficResolution r) : m_res(r) {}
    void add(qint64 atMs, const TrafficSample& bytes);
    std::vector<TrafficBucket> buckets() const;  // oldest first
    TrafficResolution resolution() const { return m_res; }

private:
    TrafficResolution m_res;
    std::vector<TrafficBucket> m_ring;
    size_t m_head = 0;  // index of the oldest bucket once the ring is full
};

// All resolutions of one stream of traffic (the total, or one peer's).
class TrafficHistory {
public:
    TrafficHistory();
    void add(qint64 atMs, const TrafficSample& bytes);
    std::vector<TrafficBucket> buckets(int resolutionIndex) const;
    const TrafficSample& total() const { return m_total; }  // everything ever added

private:
    std::vector<TrafficRing> m_rings;
    TrafficSample m_total{};
};

}  // namespace pluresdb::engine
