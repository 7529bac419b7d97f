// The k=20 routing table (spec/hyperdht.md §2.7): row index from the shared prefix, sorted rows of
// at most k, replace-by-id, closest() walking from the target's row down and then up, and the
// full-row eviction choice. (Decisions identical to kademlia-routing-table are checked against the
// npm module itself in interop_dht_rpc_table.)

#include "core/dht/rpc/NodeId.h"
#include "core/dht/rpc/RoutingTable.h"

#include <QTest>

using namespace pluresdb::dht::rpc;

namespace {

// An id equal to `base` in its first `bits` bits and different in bit `bits`.
QByteArray idInRow(const QByteArray& base, int bits, uint8_t tail) {
    QByteArray id = base;
    const int byte = bits / 8;
    id[byte] = char(uint8_t(id[byte]) ^ uint8_t(0x80 >> (bits % 8)));
    for (int i = byte + 1; i < id.size(); ++i)
        id[i] = char(tail + i);
    return id;
}

TableNodePtr node(const QByteArray& id) {
    auto n = std::make_shared<TableNode>();
    n->id = id;
    return n;
}

}  // namespace

class TestRoutingTable : public QObject {
    Q_OBJECT
private slots:
    /// Row index = number of leading bits shared with our id; our own id maps to the last row.
    void rowIndex() {
        const QByteArray self(32, '\x5a');
        RoutingTable t(self);
        QCOMPARE(t.rowIndex(self), 255);
        for (int bits : {0, 1, 7, 8, 13, 100, 254})
            QCOMPARE(t.rowIndex(idInRow(self, bits, 0)), bits);
    }

    /// A row takes 20 nodes, then refuses (RowFull) without changing; the same id replaces.
    void fullRowAndReplace() {
        const QByteArray self(32, '\0');
        RoutingTable t(self);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(t.add(node(idInRow(self, 3, uint8_t(i * 7)))), RoutingTable::AddResult::Added);
        QCOMPARE(t.add(node(idInRow(self, 3, 200))), RoutingTable::AddResult::RowFull);
        QCOMPARE(t.size(), 20);
        auto again = node(idInRow(self, 3, 7));
        QCOMPARE(t.add(again), RoutingTable::AddResult::Replaced);
        QCOMPARE(t.get(again->id), again);
        QCOMPARE(t.size(), 20);
        // Rows are kept sorted by id.
        const auto& row = t.row(3);
        for (std::size_t i = 1; i < row.size(); ++i)
            QVERIFY(row[i - 1]->id < row[i]->id);
        QVERIFY(t.remove(again->id));
        QVERIFY(!t.remove(again->id));
        QCOMPARE(t.size(), 19);
    }

    /// closest(target): the target's row first, then lower rows towards 0, then higher rows.
    void closestOrder() {
        const QByteArray self(32, '\0');
        RoutingTable t(self);
        const auto r1 = node(idInRow(self, 1, 1));
        const auto r5 = node(idInRow(self, 5, 1));
        const auto r9 = node(idInRow(self, 9, 1));
        const auto r0 = node(idInRow(self, 0, 1));
        for (const auto& n : {r1, r5, r9, r0})
            t.add(n);
        // A target in row 5: row 5, then 4..0 (r1, r0), then 6.. (r9).
        const auto got = t.closest(idInRow(self, 5, 99), 20);
        QCOMPARE(int(got.size()), 4);
        QCOMPARE(got[0], r5);
        QCOMPARE(got[1], r1);
        QCOMPARE(got[2], r0);
        QCOMPARE(got[3], r9);
        QCOMPARE(int(t.closest(idInRow(self, 5, 99), 2).size()), 2);
        QCOMPARE(int(t.toArray().size()), 4);
    }

    /// Full row: the member pinged longest ago (ties: added first) is the candidate, skipping one
    /// pinged this tick; an old node pinged recently is left alone.
    void evictionCandidate() {
        const QByteArray self(32, '\0');
        RoutingTable t(self);
        std::vector<TableNodePtr> nodes;
        for (int i = 0; i < 3; ++i) {
            nodes.push_back(node(idInRow(self, 2, uint8_t(i))));
            t.add(nodes.back());
        }
        nodes[0]->pinged = 50, nodes[0]->added = 10;
        nodes[1]->pinged = 40, nodes[1]->added = 20;
        nodes[2]->pinged = 40, nodes[2]->added = 5;
        QCOMPARE(t.evictionCandidate(2, 100), nodes[2]);
        nodes[2]->pinged = 100;  // pinged this tick: skipped
        QCOMPARE(t.evictionCandidate(2, 100), nodes[1]);
        // Pinged 5 ticks ago (< 12) and in the table for more than 360 ticks: keep it.
        for (auto& n : nodes)
            n->pinged = 995, n->added = 100;
        QVERIFY(!t.evictionCandidate(2, 1000));
        QVERIFY(!t.evictionCandidate(7, 1000));  // an empty row
    }
};

QTEST_GUILESS_MAIN(TestRoutingTable)
#include "test_routing_table.moc"
