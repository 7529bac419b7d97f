#pragma once

// What the network says our address is (nat-sampler 1.0.1, spec/hyperdht.md §2.8): every sample is
// the `to` field of a reply — our address as the replier saw it. The last 16 samples of (host, port)
// and of (host, any port) are kept; the best entry wins once its hits reach a threshold that
// tolerates a few outliers. host+port agreed → a consistent address; only the host → a randomising
// NAT (port 0); neither → unknown. Same arithmetic as Node's, so both decide alike on one network.

#include "core/encoding/CompactEncoding.h"

#include <array>
#include <optional>
#include <vector>

namespace pluresdb::dht::rpc {

class NatSampler {
public:
    // Adds one sample; returns the hits of its (host, port) entry.
    int add(const std::array<uint8_t, 4>& host, uint16_t port);
    int add(const encoding::Ipv4Address& a) { return add(a.host, a.port); }

    // The agreed host, if any; port() is 0 when only the host agrees.
    std::optional<std::array<uint8_t, 4>> host() const { return m_host; }
    uint16_t port() const { return m_port; }
    int size() const { return m_size; }

private:
    struct Entry {
        std::array<uint8_t, 4> host;
        uint16_t port;
        int hits;
    };
    using EntryRef = std::size_t;  // index into m_entries

    EntryRef bump(const std::array<uint8_t, 4>& host, uint16_t port, int inc);

    std::vector<Entry> m_entries;     // every entry ever referenced (small: ≤ 32 live)
    std::vector<EntryRef> m_samples;  // the ring of 32 slots: (host,port), (host,0), ...
    int m_top = 0;
    int m_size = 0;
    int m_threshold = 0;
    std::optional<EntryRef> m_a;
    std::optional<EntryRef> m_b;
    std::optional<std::array<uint8_t, 4>> m_host;
    uint16_t m_port = 0;
};

}  // namespace pluresdb::dht::rpc
