#pragma once

// Decoding and encoding of one UDX packet (spec/connection.md §6.3–§6.6). Decoding never copies:
// the view points into the caller's datagram buffer, which must outlive it.

#include "core/common/Result.h"
#include "core/transport/udx/UdxWire.h"

#include <cstddef>
#include <cstdint>

namespace pluresdb::transport::udx {

struct UdxHeader {
    uint8_t type = kTypeAck;
    uint8_t dataOffset = 0;
    uint32_t id = 0;    // the receiver's stream id
    uint32_t rwnd = 0;  // the sender's receive window in bytes
    uint32_t seq = 0;
    uint32_t ack = 0;
};

struct SackBlock {
    uint32_t start = 0;  // first received seq
    uint32_t end = 0;    // one past the last
};

struct UdxPacketView {
    UdxHeader header;
    const uint8_t* payload = nullptr;  // after the header and data_offset bytes
    std::size_t payloadSize = 0;
    const uint8_t* sackArea = nullptr;  // only when type has kTypeSack
    std::size_t sackCount = 0;

    SackBlock sackBlock(std::size_t i) const;
};

// §6.1: length ≥ 20, magic 0xFF, version 1. The id check is the demultiplexer's job.
bool looksLikeUdx(const uint8_t* data, std::size_t size);

// Parses a datagram that looksLikeUdx(). Errors (never crashes) on short input, a wrong magic or
// version, or a data_offset that runs past the end of the datagram (§6.5: such packets are dropped).
Result<UdxPacketView> decodeUdxPacket(const uint8_t* data, std::size_t size);

// Writes the 20-byte header to `out`.
void encodeUdxHeader(uint8_t* out, const UdxHeader& header);

// Writes SACK blocks after a header; returns the bytes written (count × 8).
std::size_t encodeSackBlocks(uint8_t* out, const SackBlock* blocks, std::size_t count);

inline uint32_t readLe32(const uint8_t* p) {
    return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
}
inline void writeLe32(uint8_t* p, uint32_t v) {
    p[0] = uint8_t(v);
    p[1] = uint8_t(v >> 8);
    p[2] = uint8_t(v >> 16);
    p[3] = uint8_t(v >> 24);
}

// §6.4: sequence numbers wrap; compare through a signed 32-bit difference.
inline int32_t seqDiff(uint32_t a, uint32_t b) {
    return int32_t(a - b);
}

}  // namespace pluresdb::transport::udx
