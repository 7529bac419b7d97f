#pragma once

// The k-bucket routing table of dht-rpc (kademlia-routing-table 1.0.6, spec/hyperdht.md §2.7): 256
// rows, the row of a node being the number of leading bits its id shares with ours; a row holds at
// most k nodes sorted by id; closest() walks from the target's row towards row 0 and then upwards,
// which is the (approximate) order Node answers closerNodes in. The table decides nothing about
// liveness: when a row is full, add() says so and the node runs the ping-and-evict of §2.7 with
// evictionCandidate().

#include "core/encoding/CompactEncoding.h"

#include <QByteArray>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace pluresdb::dht::rpc {

// One routing-table entry, shared (like Node's node objects) so a ping in flight can still refer
// to an entry the table dropped meanwhile. Ticks are the node's 5 s maintenance ticks.
struct TableNode {
    QByteArray id;  // BLAKE2b-256 of `address` (§2.3)
    encoding::Ipv4Address address;
    std::optional<encoding::Ipv4Address> to;  // how it last saw us (a NAT sample)
    int sampled = 0;                          // tick when `to` was last sampled (0 = never)
    int added = 0;
    int pinged = 0;  // last interaction
    int seen = 0;    // last time we heard from it
    int downHints = 0;
    quint64 recency = 0;  // larger = more recently heard from (Node's time-ordered set)
};

using TableNodePtr = std::shared_ptr<TableNode>;

class RoutingTable {
public:
    explicit RoutingTable(QByteArray id, int k = 20);

    const QByteArray& id() const { return m_id; }
    int k() const { return m_k; }
    int size() const { return m_size; }

    // Row for an id: 8·i + clz8(id[i] ^ ours[i]) at the first differing byte; our own id → 255.
    int rowIndex(const QByteArray& id) const;

    enum class AddResult { Added, Replaced, RowFull };
    // Inserts (or replaces the entry with the same id). RowFull: nothing changed.
    AddResult add(const TableNodePtr& node);
    bool remove(const QByteArray& id);
    TableNodePtr get(const QByteArray& id) const;
    bool has(const QByteArray& id) const { return get(id) != nullptr; }

    // Up to k nodes: the target's row, then rows below it down to 0, then the rows above (§2.7).
    std::vector<TableNodePtr> closest(const QByteArray& target, int k) const;
    // Every node, in closest(ourId) order.
    std::vector<TableNodePtr> toArray() const;
    const std::vector<TableNodePtr>& row(int index) const { return m_rows[std::size_t(index)]; }
    // A uniformly random entry, or nullptr when empty.
    TableNodePtr random() const;

    // §2.7 full-row rule: the member with the oldest `pinged` (ties: oldest `added`) not pinged this
    // tick, unless it was pinged < recentTicks ago while older than oldTicks; nullptr = do nothing.
    TableNodePtr evictionCandidate(int rowIndex, int tick, int recentTicks = 12, int oldTicks = 360) const;

private:
    int compareFrom(int byteOffset, const QByteArray& a, const QByteArray& b) const;
    void pushRow(int index, int k, std::vector<TableNodePtr>& out) const;

    QByteArray m_id;
    int m_k;
    int m_size = 0;
    std::array<std::vector<TableNodePtr>, 256> m_rows;
};

}  // namespace pluresdb::dht::rpc
