#pragma once

// Topic records on a storing node (spec/hyperdht.md §4.2, §4.5; npm `record-cache`): for each
// target, at most one `peer` record per public key, in two generations (TwoGenerationCache.h).
// A record is kept as its wire encoding (publicKey ‖ relayAddresses), which is what LOOKUP
// replies carry, so the public key is the record's first 32 bytes and is not stored twice.

#include "core/dht/hyperdht/TwoGenerationCache.h"

#include <QByteArray>
#include <QHash>

#include <random>
#include <vector>

namespace pluresdb::dht::hyperdht {

class RecordCache {
public:
    RecordCache(const rpc::MonotonicClock& clock, int maxSize, qint64 maxAgeMs);

    // Adds or replaces the record of `record`'s public key under target, in the fresh generation.
    // (record-cache keeps the first value while it stays fresh; we keep the newest, so a peer's
    // changed relay addresses show at once.)
    void add(const QByteArray& target, const QByteArray& record);
    void remove(const QByteArray& target, const QByteArray& publicKey);
    // Up to n records for target, a random subset when there are more (§4.2 LOOKUP).
    std::vector<QByteArray> get(const QByteArray& target, int n);
    int size();
    void expire();

private:
    using RecordList = std::vector<QByteArray>;
    struct Generation {
        QHash<QByteArray, RecordList> byTarget;
        int size = 0;
        bool add(const QByteArray& target, const QByteArray& record);  // true if new
        bool remove(const QByteArray& target, const QByteArray& publicKey);
    };
    void rotate();

    int m_maxSize;
    GenerationClock m_generations;
    Generation m_fresh;
    Generation m_stale;
    std::minstd_rand m_random;
};

}  // namespace pluresdb::dht::hyperdht
