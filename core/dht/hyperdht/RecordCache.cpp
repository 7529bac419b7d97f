#include "core/dht/hyperdht/RecordCache.h"

#include "core/dht/hyperdht/HyperDhtWire.h"

#include <QRandomGenerator>

#include <cstring>

namespace pluresdb::dht::hyperdht {

namespace {

bool hasPublicKey(const QByteArray& record, const QByteArray& publicKey) {
    return record.size() >= kPublicKeySize && publicKey.size() == kPublicKeySize &&
           std::memcmp(record.constData(), publicKey.constData(), kPublicKeySize) == 0;
}

}  // namespace

bool RecordCache::Generation::add(const QByteArray& target, const QByteArray& record) {
    RecordList& list = byTarget[target];
    const QByteArray publicKey = record.left(kPublicKeySize);
    for (QByteArray& r : list) {
        if (hasPublicKey(r, publicKey)) {
            r = record;
            return false;
        }
    }
    list.push_back(record);
    ++size;
    return true;
}

bool RecordCache::Generation::remove(const QByteArray& target, const QByteArray& publicKey) {
    auto it = byTarget.find(target);
    if (it == byTarget.end())
        return false;
    RecordList& list = *it;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (hasPublicKey(list[i], publicKey)) {
            list[i] = std::move(list.back());
            list.pop_back();
            --size;
            if (list.empty())
                byTarget.erase(it);
            return true;
        }
    }
    return false;
}

RecordCache::RecordCache(const rpc::MonotonicClock& clock, int maxSize, qint64 maxAgeMs)
    : m_maxSize(maxSize), m_generations(clock, maxAgeMs), m_random(QRandomGenerator::global()->generate()) {}

void RecordCache::add(const QByteArray& target, const QByteArray& record) {
    expire();
    m_stale.remove(target, record.left(kPublicKeySize));
    if (m_fresh.add(target, record) && m_fresh.size > m_maxSize) {
        rotate();
        m_generations.noteSizeRotation();
    }
}

void RecordCache::remove(const QByteArray& target, const QByteArray& publicKey) {
    expire();
    m_fresh.remove(target, publicKey);
    m_stale.remove(target, publicKey);
}

std::vector<QByteArray> RecordCache::get(const QByteArray& target, int n) {
    expire();
    std::vector<const QByteArray*> all;
    for (const Generation* g : {&m_fresh, &m_stale}) {
        auto it = g->byTarget.constFind(target);
        if (it != g->byTarget.constEnd())
            for (const QByteArray& r : *it)
                all.push_back(&r);
    }
    // A partial Fisher-Yates shuffle: the first n entries are a uniform random subset.
    const std::size_t take = std::min<std::size_t>(all.size(), std::size_t(std::max(n, 0)));
    std::vector<QByteArray> out;
    out.reserve(take);
    for (std::size_t i = 0; i < take; ++i) {
        std::uniform_int_distribution<std::size_t> pick(i, all.size() - 1);
        std::swap(all[i], all[pick(m_random)]);
        out.push_back(*all[i]);
    }
    return out;
}

int RecordCache::size() {
    expire();
    return m_fresh.size + m_stale.size;
}

void RecordCache::expire() {
    for (int n = m_generations.dueRotations(); n > 0; --n)
        rotate();
}

void RecordCache::rotate() {
    m_stale = std::move(m_fresh);
    m_fresh = Generation();
}

}  // namespace pluresdb::dht::hyperdht
