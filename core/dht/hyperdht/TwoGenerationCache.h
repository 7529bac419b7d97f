#pragma once

// The two-generation eviction hyperdht uses for every store (spec/hyperdht.md §4.5; npm `xache`):
// entries live in a "fresh" and a "stale" map. Every ⌈2/3·maxAge⌉ the fresh map becomes the stale
// one and the old stale map is dropped, so an entry that is not written again lives between 2/3
// and 4/3 of maxAge. Writing an entry moves it to the fresh map; when the fresh map reaches
// maxSize a rotation happens at once (and the next timed one is skipped, as in xache).
//
// Time comes from a MonotonicClock read on every call, so the cache needs no timer of its own and
// a test can drive it with a fake clock.

#include "core/dht/rpc/MonotonicClock.h"

#include <QByteArray>
#include <QHash>

#include <cstddef>
#include <optional>

namespace pluresdb::dht::hyperdht {

// When the generations turn over, shared by TwoGenerationCache and RecordCache.
class GenerationClock {
public:
    GenerationClock(const rpc::MonotonicClock& clock, qint64 maxAgeMs)
        : m_clock(clock),
          m_periodMs(maxAgeMs > 0 ? (2 * maxAgeMs + 2) / 3 : 0),
          m_nextMs(clock.nowMs() + m_periodMs) {}

    // How many timed rotations are due now (0, 1, or 2 — more than two empties both maps anyway).
    int dueRotations() {
        if (m_periodMs <= 0)
            return 0;
        const qint64 now = m_clock.nowMs();
        int due = 0;
        while (now >= m_nextMs) {
            // xache/record-cache: a timed tick right after a size-triggered rotation is skipped.
            if (!m_rotatedBySize)
                ++due;
            m_rotatedBySize = false;
            m_nextMs += m_periodMs;
        }
        return due > 2 ? 2 : due;
    }
    void noteSizeRotation() { m_rotatedBySize = true; }
    qint64 periodMs() const { return m_periodMs; }

private:
    const rpc::MonotonicClock& m_clock;
    qint64 m_periodMs;
    qint64 m_nextMs;
    bool m_rotatedBySize = false;
};

template <typename V>
class TwoGenerationCache {
public:
    TwoGenerationCache(const rpc::MonotonicClock& clock, int maxSize, qint64 maxAgeMs)
        : m_maxSize(maxSize), m_generations(clock, maxAgeMs) {}

    void set(const QByteArray& key, V value) {
        expire();
        m_stale.remove(key);
        m_fresh.insert(key, std::move(value));
        if (m_fresh.size() >= m_maxSize) {
            rotate();
            m_generations.noteSizeRotation();
        }
    }

    // A read moves a stale entry back to the fresh generation (xache `get`).
    std::optional<V> get(const QByteArray& key) {
        expire();
        if (auto it = m_fresh.constFind(key); it != m_fresh.constEnd())
            return *it;
        if (auto it = m_stale.find(key); it != m_stale.end()) {
            V v = std::move(*it);
            m_stale.erase(it);
            m_fresh.insert(key, v);
            return v;
        }
        return std::nullopt;
    }

    bool remove(const QByteArray& key) {
        expire();
        return m_fresh.remove(key) > 0 || m_stale.remove(key) > 0;
    }

    int size() {
        expire();
        return int(m_fresh.size() + m_stale.size());
    }

    // Runs the timed rotations that are due (every public call does this first).
    void expire() {
        for (int n = m_generations.dueRotations(); n > 0; --n)
            rotate();
    }

    template <typename F>
    void forEach(F&& f) const {
        for (auto it = m_fresh.cbegin(); it != m_fresh.cend(); ++it)
            f(it.key(), it.value());
        for (auto it = m_stale.cbegin(); it != m_stale.cend(); ++it)
            f(it.key(), it.value());
    }

private:
    void rotate() {
        m_stale = std::move(m_fresh);
        m_fresh = QHash<QByteArray, V>();
    }

    int m_maxSize;
    GenerationClock m_generations;
    QHash<QByteArray, V> m_fresh;
    QHash<QByteArray, V> m_stale;
};

}  // namespace pluresdb::dht::hyperdht
