#include "core/dht/rpc/RoutingTable.h"

#include <QRandomGenerator>

#include <algorithm>
#include <bit>

namespace pluresdb::dht::rpc {

RoutingTable::RoutingTable(QByteArray id, int k) : m_id(std::move(id)), m_k(k) {}

int RoutingTable::rowIndex(const QByteArray& id) const {
    const qsizetype n = std::min(id.size(), m_id.size());
    for (qsizetype i = 0; i < n; ++i) {
        const uint8_t x = uint8_t(id[i]) ^ uint8_t(m_id[i]);
        if (x != 0)
            return int(i) * 8 + std::countl_zero(x);
    }
    return int(m_rows.size()) - 1;
}

// Rows compare ids from the row's first byte on: bytes before it are equal to ours in every member.
int RoutingTable::compareFrom(int byteOffset, const QByteArray& a, const QByteArray& b) const {
    for (qsizetype i = byteOffset; i < a.size() && i < b.size(); ++i) {
        const uint8_t x = uint8_t(a[i]);
        const uint8_t y = uint8_t(b[i]);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

RoutingTable::AddResult RoutingTable::add(const TableNodePtr& node) {
    const int index = rowIndex(node->id);
    auto& row = m_rows[std::size_t(index)];
    const int offset = index >> 3;
    auto it = std::lower_bound(
        row.begin(), row.end(), node->id,
        [&](const TableNodePtr& n, const QByteArray& id) { return compareFrom(offset, n->id, id) < 0; });
    if (it != row.end() && compareFrom(offset, (*it)->id, node->id) == 0) {
        *it = node;
        return AddResult::Replaced;
    }
    if (int(row.size()) >= m_k)
        return AddResult::RowFull;
    row.insert(it, node);
    ++m_size;
    return AddResult::Added;
}

bool RoutingTable::remove(const QByteArray& id) {
    const int index = rowIndex(id);
    auto& row = m_rows[std::size_t(index)];
    const auto it = std::find_if(row.begin(), row.end(), [&](const TableNodePtr& n) { return n->id == id; });
    if (it == row.end())
        return false;
    row.erase(it);
    --m_size;
    return true;
}

TableNodePtr RoutingTable::get(const QByteArray& id) const {
    if (id.size() != m_id.size())
        return nullptr;
    const auto& row = m_rows[std::size_t(rowIndex(id))];
    for (const auto& n : row)
        if (n->id == id)
            return n;
    return nullptr;
}

void RoutingTable::pushRow(int index, int k, std::vector<TableNodePtr>& out) const {
    const auto& row = m_rows[std::size_t(index)];
    for (std::size_t j = 0; j < row.size() && int(out.size()) < k; ++j)
        out.push_back(row[j]);
}

std::vector<TableNodePtr> RoutingTable::closest(const QByteArray& target, int k) const {
    std::vector<TableNodePtr> out;
    if (k <= 0)
        return out;
    const int d = rowIndex(target);
    for (int i = d; i >= 0 && int(out.size()) < k; --i)
        pushRow(i, k, out);
    for (int i = d + 1; i < int(m_rows.size()) && int(out.size()) < k; ++i)
        pushRow(i, k, out);
    return out;
}

std::vector<TableNodePtr> RoutingTable::toArray() const {
    return closest(m_id, std::max(m_size, 1));
}

TableNodePtr RoutingTable::random() const {
    if (m_size == 0)
        return nullptr;
    int n = int(QRandomGenerator::global()->bounded(m_size));
    for (const auto& row : m_rows) {
        if (n < int(row.size()))
            return row[std::size_t(n)];
        n -= int(row.size());
    }
    return nullptr;
}

TableNodePtr RoutingTable::evictionCandidate(int index, int tick, int recentTicks, int oldTicks) const {
    TableNodePtr oldest;
    for (const auto& n : m_rows[std::size_t(index)]) {
        if (n->pinged == tick)
            continue;
        if (!oldest || oldest->pinged > n->pinged ||
            (oldest->pinged == n->pinged && oldest->added > n->added))
            oldest = n;
    }
    if (!oldest)
        return nullptr;
    if (tick - oldest->pinged < recentTicks && tick - oldest->added > oldTicks)
        return nullptr;
    return oldest;
}

}  // namespace pluresdb::dht::rpc
