#include "core/engine/TrafficHistory.h"

namespace pluresdb::engine {

void TrafficRing::add(qint64 atMs, const TrafficSample& bytes) {
    const qint64 span = qint64(m_res.bucketSeconds) * 1000;
    const qint64 start = atMs >= 0 ? atMs / span * span : 0;
    if (!m_ring.empty()) {
        const size_t newest = m_ring.size() < size_t(m_res.buckets)
                                  ? m_ring.size() - 1
                                  : (m_head + m_ring.size() - 1) % m_ring.size();
        TrafficBucket& last = m_ring[newest];
        // Same bucket, or a clock that stepped back: add to the newest bucket.
        if (start <= last.startMs) {
            for (int i = 0; i < kTrafficSeriesCount; ++i)
                last.bytes[i] += bytes[i];
            return;
        }
    }
    TrafficBucket b{start, bytes};
    if (m_ring.size() < size_t(m_res.buckets)) {
        m_ring.push_back(b);
        return;
    }
    m_ring[m_head] = b;
    m_head = (m_head + 1) % m_ring.size();
}

std::vector<TrafficBucket> TrafficRing::buckets() const {
    std::vector<TrafficBucket> out;
    out.reserve(m_ring.size());
    const size_t first = m_ring.size() < size_t(m_res.buckets) ? 0 : m_head;
    for (size_t i = 0; i < m_ring.size(); ++i)
        out.push_back(m_ring[(first + i) % m_ring.size()]);
    return out;
}

TrafficHistory::TrafficHistory() {
    for (const auto& r : kTrafficResolutions)
        m_rings.emplace_back(r);
}

void TrafficHistory::add(qint64 atMs, const TrafficSample& bytes) {
    bool any = false;
    for (int i = 0; i < kTrafficSeriesCount; ++i) {
        m_total[i] += bytes[i];
        any = any || bytes[i] != 0;
    }
    if (!any)
        return;
    for (auto& r : m_rings)
        r.add(atMs, bytes);
}

std::vector<TrafficBucket> TrafficHistory::buckets(int resolutionIndex) const {
    if (resolutionIndex < 0 || resolutionIndex >= int(m_rings.size()))
        return {};
    return m_rings[size_t(resolutionIndex)].buckets();
}

}  // namespace pluresdb::engine
