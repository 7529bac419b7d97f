// Fuzzes the UDX packet decoder (spec/connection.md §6.3–§6.6): any bytes must decode to a view
// inside the input or to an error, never crash or read out of bounds.

#include "core/transport/udx/UdxPacket.h"

#include <cstdint>
#include <cstdlib>

using namespace pluresdb::transport::udx;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (!looksLikeUdx(data, size) && size >= kHeaderSize && data[0] == kMagic && data[1] == kVersion)
        std::abort();
    auto r = decodeUdxPacket(data, size);
    if (!r)
        return 0;
    const UdxPacketView& v = *r;
    if (v.payload < data || v.payload + v.payloadSize > data + size)
        std::abort();
    unsigned sum = 0;
    for (std::size_t i = 0; i < v.payloadSize; ++i)
        sum += v.payload[i];
    for (std::size_t i = 0; i < v.sackCount; ++i) {
        if (v.sackArea + (i + 1) * kSackBlockSize > data + size)
            std::abort();
        const SackBlock b = v.sackBlock(i);
        sum += b.start ^ b.end;
    }
    // Re-encoding the header reproduces the first 20 bytes.
    uint8_t out[kHeaderSize];
    encodeUdxHeader(out, v.header);
    for (std::size_t i = 0; i < kHeaderSize; ++i)
        if (out[i] != data[i])
            std::abort();
    return int(sum & 0);
}
