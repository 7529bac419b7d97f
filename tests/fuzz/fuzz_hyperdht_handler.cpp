// Fuzzes the hyperdht storing node (spec/hyperdht.md §4.2–§4.5) with sequences of requests, the
// way a hostile peer would send them: the input is a series of records [control u8][length u16 LE]
// [dht-rpc datagram]; each datagram that decodes as a request goes to one persistent handler.
// control bit 0 = the token counts as valid, bit 1 = the node is ephemeral for this request,
// bits 2–7 = minutes the fake clock advances first (so records age and rotate). Whatever arrives,
// the handler must not crash, must answer or relay each request at most once (a relayed value
// must decode), and must keep its stores within their limits. The node id and token match vectors V6, so
// seeds can carry valid signatures and reach the stores.

#include "core/dht/hyperdht/HyperDhtHandler.h"
#include "core/dht/hyperdht/HyperDhtWire.h"
#include "core/dht/hyperdht/RelayValues.h"
#include "core/dht/rpc/NodeId.h"
#include "core/dht/rpc/RpcMessage.h"

#include <cstdint>
#include <cstdlib>

using namespace pluresdb;
using namespace pluresdb::dht;

namespace {

class FuzzClock final : public rpc::MonotonicClock {
public:
    qint64 nowMs() const override { return now; }
    qint64 now = 1'000'000;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FuzzClock clock;
    bool ephemeral = false;
    encoding::Ipv4Address self;
    self.host = {127, 0, 0, 1};
    self.port = 49738;
    const QByteArray id = rpc::nodeIdFor(self);
    hyperdht::StorageLimits limits;
    limits.maxRecords = 16;
    limits.maxRouterEntries = 16;
    limits.maxMutables = 8;
    limits.maxImmutables = 8;
    limits.maxRefreshes = 8;
    limits.maxBumps = 8;
    limits.maxValueSize = 512;
    hyperdht::HyperDhtHandler handler(
        clock, [&] { return ephemeral ? QByteArray() : id; }, limits,
        [] { return qint64(1'700'000'000'000); });

    size_t pos = 0;
    while (pos + 3 <= size) {
        const uint8_t control = data[pos];
        const size_t len = size_t(data[pos + 1]) | (size_t(data[pos + 2]) << 8);
        pos += 3;
        if (len > size - pos)
            break;
        const QByteArray datagram(reinterpret_cast<const char*>(data + pos), qsizetype(len));
        pos += len;
        clock.now += qint64(control >> 2) * 60'000;
        ephemeral = (control & 2) != 0;
        auto message = rpc::decodeMessage(datagram);
        if (!message || !std::holds_alternative<rpc::RpcRequest>(*message))
            continue;
        rpc::IncomingRequest in;
        in.request = std::get<rpc::RpcRequest>(*message);
        in.from.host = {127, 0, 0, 1};
        in.from.port = 40000;
        in.tokenValid = (control & 1) != 0 && in.request.token.has_value();
        int replies = 0;
        in.relay = [&](const QByteArray& value, const encoding::Ipv4Address&) {
            ++replies;
            const bool decodes = in.request.command == hyperdht::kCommandPeerHandshake
                                     ? bool(hyperdht::decodeHandshakeValue(value))
                                     : bool(hyperdht::decodeHolepunchValue(value));
            if (!decodes)
                std::abort();
        };
        handler.handle(in, [&](const rpc::HandlerReply&) { ++replies; });
        if (replies > 1)
            std::abort();
        // Two generations of at most maxSize (+1 for the entry that triggers the rotation).
        if (handler.recordCount() > 2 * limits.maxRecords + 1 ||
            handler.mutableCount() > 2 * limits.maxMutables ||
            handler.immutableCount() > 2 * limits.maxImmutables ||
            handler.routerCount() > 2 * limits.maxRouterEntries)
            std::abort();
    }
    return 0;
}
