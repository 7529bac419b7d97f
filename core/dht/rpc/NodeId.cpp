#include "core/dht/rpc/NodeId.h"

#include "core/crypto/Hash.h"
#include "core/dht/rpc/RpcWire.h"

#include <algorithm>

namespace pluresdb::dht::rpc {

QByteArray nodeIdFor(const encoding::Ipv4Address& address) {
    encoding::Encoder e;
    e.ipv4Address(address);
    return crypto::blake2b(e.bytes());
}

QByteArray validatedId(const QByteArray& claimedId, const encoding::Ipv4Address& from) {
    if (claimedId.size() != kIdSize)
        return {};
    const QByteArray expected = nodeIdFor(from);
    return expected == claimedId ? expected : QByteArray();
}

int compareDistance(const QByteArray& target, const QByteArray& a, const QByteArray& b) {
    const qsizetype n = std::min({target.size(), a.size(), b.size()});
    for (qsizetype i = 0; i < n; ++i) {
        const uint8_t da = uint8_t(a[i]) ^ uint8_t(target[i]);
        const uint8_t db = uint8_t(b[i]) ^ uint8_t(target[i]);
        if (da != db)
            return da < db ? -1 : 1;
    }
    return 0;
}

}  // namespace pluresdb::dht::rpc
