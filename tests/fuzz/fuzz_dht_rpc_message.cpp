// Fuzzes the dht-rpc message decoder (spec/hyperdht.md §2.2): any datagram must decode or fail
// with an error, never crash, hang or read out of bounds; whatever decodes must re-encode to bytes
// that decode to the same message (so a node can relay or retransmit what it parsed).

#include "core/dht/rpc/RpcMessage.h"

#include <cstdint>
#include <cstdlib>

using namespace pluresdb::dht::rpc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray datagram = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    const bool rpc = looksLikeRpc(datagram);
    auto m = decodeMessage(datagram);
    if (!m)
        return 0;
    if (!rpc)
        std::abort();  // decoded something the demultiplexer would not hand to the RPC layer
    const QByteArray again = encodeMessage(*m);
    auto back = decodeMessage(again);
    if (!back || !(*back == *m) || encodeMessage(*back) != again)
        std::abort();
    return 0;
}
