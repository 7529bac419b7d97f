#include "core/transport/udx/UdxPacket.h"

namespace pluresdb::transport::udx {

SackBlock UdxPacketView::sackBlock(std::size_t i) const {
    const uint8_t* p = sackArea + i * kSackBlockSize;
    return SackBlock{readLe32(p), readLe32(p + 4)};
}

bool looksLikeUdx(const uint8_t* data, std::size_t size) {
    return size >= kHeaderSize && data[0] == kMagic && data[1] == kVersion;
}

Result<UdxPacketView> decodeUdxPacket(const uint8_t* data, std::size_t size) {
    if (size < kHeaderSize)
        return makeError(QStringLiteral("UDX packet shorter than the 20-byte header"));
    if (data[0] != kMagic)
        return makeError(QStringLiteral("UDX packet with a wrong magic byte"));
    if (data[1] != kVersion)
        return makeError(QStringLiteral("UDX packet with an unknown version"));
    UdxPacketView v;
    v.header.type = data[2];
    v.header.dataOffset = data[3];
    v.header.id = readLe32(data + 4);
    v.header.rwnd = readLe32(data + 8);
    v.header.seq = readLe32(data + 12);
    v.header.ack = readLe32(data + 16);
    const std::size_t remaining = size - kHeaderSize;
    const uint8_t* body = data + kHeaderSize;
    if (v.header.type & kTypeSack) {
        // §6.5: the SACK area is data_offset bytes when 0 < data_offset < remaining, else the rest.
        const std::size_t area =
            (v.header.dataOffset > 0 && v.header.dataOffset < remaining) ? v.header.dataOffset : remaining;
        v.sackArea = body;
        v.sackCount = area / kSackBlockSize;
        if (area == remaining) {
            v.payload = body + remaining;
            v.payloadSize = 0;
            return v;
        }
    }
    if (v.header.dataOffset > remaining)
        return makeError(QStringLiteral("UDX data_offset runs past the end of the packet"));
    v.payload = body + v.header.dataOffset;
    v.payloadSize = remaining - v.header.dataOffset;
    return v;
}

void encodeUdxHeader(uint8_t* out, const UdxHeader& h) {
    out[0] = kMagic;
    out[1] = kVersion;
    out[2] = h.type;
    out[3] = h.dataOffset;
    writeLe32(out + 4, h.id);
    writeLe32(out + 8, h.rwnd);
    writeLe32(out + 12, h.seq);
    writeLe32(out + 16, h.ack);
}

std::size_t encodeSackBlocks(uint8_t* out, const SackBlock* blocks, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        writeLe32(out + i * kSackBlockSize, blocks[i].start);
        writeLe32(out + i * kSackBlockSize + 4, blocks[i].end);
    }
    return count * kSackBlockSize;
}

}  // namespace pluresdb::transport::udx
