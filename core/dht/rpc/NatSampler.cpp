#include "core/dht/rpc/NatSampler.h"

namespace pluresdb::dht::rpc {

namespace {
constexpr int kSlots = 32;  // 16 samples × (host,port) + (host,0)
}

// Looks for the same (host, port) among the last four samples of its kind (entries alternate
// (host,port), (host,0) in the ring, so the same kind sits every second slot back from `inc`).
NatSampler::EntryRef NatSampler::bump(const std::array<uint8_t, 4>& host, uint16_t port, int inc) {
    for (int i = 0; i < 4; ++i) {
        const int j = (m_top - inc - 2 * i) & (kSlots - 1);
        if (j >= int(m_samples.size()))
            break;
        Entry& s = m_entries[m_samples[std::size_t(j)]];
        if (s.port == port && s.host == host) {
            ++s.hits;
            return m_samples[std::size_t(j)];
        }
    }
    // Entries no longer in the ring and not a current best are garbage; reuse a slot when the
    // vector grows large so a long-lived node's sampler stays bounded.
    if (m_entries.size() > 256) {
        std::vector<bool> live(m_entries.size(), false);
        for (EntryRef r : m_samples)
            live[r] = true;
        if (m_a)
            live[*m_a] = true;
        if (m_b)
            live[*m_b] = true;
        for (std::size_t r = 0; r < m_entries.size(); ++r)
            if (!live[r]) {
                m_entries[r] = Entry{host, port, 1};
                return r;
            }
    }
    m_entries.push_back(Entry{host, port, 1});
    return m_entries.size() - 1;
}

int NatSampler::add(const std::array<uint8_t, 4>& host, uint16_t port) {
    const EntryRef a = bump(host, port, 2);
    const EntryRef b = bump(host, 0, 1);

    if (int(m_samples.size()) < kSlots) {
        ++m_size;
        m_threshold = m_size - (m_size < 4 ? 0 : m_size < 8 ? 1 : m_size < 12 ? 2 : 3);
        m_samples.push_back(a);
        m_samples.push_back(b);
        m_top += 2;
    } else {
        if (m_top == kSlots)
            m_top = 0;
        --m_entries[m_samples[std::size_t(m_top)]].hits;
        m_samples[std::size_t(m_top++)] = a;
        --m_entries[m_samples[std::size_t(m_top)]].hits;
        m_samples[std::size_t(m_top++)] = b;
    }

    if (!m_a || m_entries[*m_a].hits < m_entries[a].hits)
        m_a = a;
    if (!m_b || m_entries[*m_b].hits < m_entries[b].hits)
        m_b = b;

    if (m_entries[*m_a].hits >= m_threshold) {
        m_host = m_entries[*m_a].host;
        m_port = m_entries[*m_a].port;
    } else if (m_entries[*m_b].hits >= m_threshold) {
        m_host = m_entries[*m_b].host;
        m_port = 0;
    } else {
        m_host.reset();
        m_port = 0;
    }
    return m_entries[a].hits;
}

}  // namespace pluresdb::dht::rpc
