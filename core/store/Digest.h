#pragma once

// An order-independent digest of a replica's whole CRDT state: the XOR of a BLAKE2b-256 hash of
// every stored register (field registers, tombstones included, and record registers). Two replicas
// that hold the same ops have byte-identical state and so the same digest, whatever order the ops
// arrived in. It is kept up to date incrementally on every write.

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>

namespace pluresdb::store {

struct Digest {
    std::array<uint8_t, 32> bytes{};

    void toggle(const QByteArray& rowHash);  // XOR in (or out) one register's hash
    QByteArray toBytes() const;
    QString toHex() const;
    static Digest fromBytes(const QByteArray& b);
    bool operator==(const Digest&) const = default;
};

}  // namespace pluresdb::store
