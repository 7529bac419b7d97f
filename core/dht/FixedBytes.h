#pragma once

// Writing a fixed-size field (fixed32/fixed64, spec/hyperdht.md §1). A caller-supplied array of
// the wrong size would shift every later field of the datagram, so it is zero-padded or cut to
// exactly `size` bytes instead; decoders always produce the exact size.

#include "core/encoding/CompactEncoding.h"

#include <QByteArray>

namespace pluresdb::dht {

inline void writeFixed(encoding::Encoder& e, const QByteArray& bytes, int size) {
    QByteArray b = bytes.left(size);
    if (b.size() < size)
        b.append(QByteArray(size - b.size(), '\0'));
    e.fixed(b);
}

inline void writeAddresses(encoding::Encoder& e, const std::vector<encoding::Ipv4Address>& list) {
    e.arrayLength(list.size());
    for (const auto& a : list)
        e.ipv4Address(a);
}

// Reads array(ipv4Address); the count is checked against the bytes left (6 per element).
inline std::vector<encoding::Ipv4Address> readAddresses(encoding::Decoder& d) {
    std::vector<encoding::Ipv4Address> out;
    const uint64_t n = d.arrayLength(6);
    for (uint64_t i = 0; i < n && d.ok(); ++i)
        out.push_back(d.ipv4Address());
    return out;
}

}  // namespace pluresdb::dht
