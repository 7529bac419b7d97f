#pragma once

// The dht-rpc send window (spec/hyperdht.md §2.5): at most kMaxWindowPerSlot transmissions in the
// current 750 ms slot and kMaxWindowTotal across the last kWindowSlots slots. Each transmission
// (first send or retry) takes a unit; a response, a timeout or a cancellation gives one back;
// drain() at every 750 ms tick forgets the oldest slot. Same arithmetic as dht-rpc's, so a C++ node
// is exactly as polite to the network as a Node one.

#include "core/dht/rpc/RpcWire.h"

#include <array>

namespace pluresdb::dht::rpc {

static_assert(kMaxWindowTotal == 2 * kMaxWindowPerSlot, "dht-rpc caps the four slots at twice one slot");

class CongestionWindow {
public:
    explicit CongestionWindow(int maxPerSlot = kMaxWindowPerSlot) : m_maxPerSlot(maxPerSlot) {}

    bool isFull() const { return m_total >= 2 * m_maxPerSlot || m_window[m_slot] >= m_maxPerSlot; }
    void send() {
        ++m_total;
        ++m_window[m_slot];
    }
    // Only the current slot can give units back (as in dht-rpc); older units expire with drain().
    void recv() {
        if (m_window[m_slot] > 0) {
            --m_window[m_slot];
            --m_total;
        }
    }
    void drain() {
        m_slot = (m_slot + 1) % kWindowSlots;
        m_total -= m_window[m_slot];
        m_window[m_slot] = 0;
    }
    void clear() {
        m_window.fill(0);
        m_total = 0;
        m_slot = 0;
    }
    int total() const { return m_total; }

private:
    int m_maxPerSlot;
    std::array<int, kWindowSlots> m_window{};
    int m_total = 0;
    int m_slot = 0;
};

}  // namespace pluresdb::dht::rpc
