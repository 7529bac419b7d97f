#include "core/dht/rpc/RpcMessage.h"

#include "core/dht/FixedBytes.h"
#include "core/dht/rpc/RpcWire.h"

namespace pluresdb::dht::rpc {

using encoding::Decoder;
using encoding::Encoder;

namespace {
void writeFixed32(Encoder& e, const QByteArray& bytes) {
    writeFixed(e, bytes, kIdSize);
}
}  // namespace

QByteArray encodeRequest(const RpcRequest& r) {
    uint64_t flags = 0;
    if (r.id)
        flags |= kRequestFlagId;
    if (r.token)
        flags |= kRequestFlagToken;
    if (r.internal)
        flags |= kRequestFlagInternal;
    if (r.target)
        flags |= kRequestFlagTarget;
    if (r.value)
        flags |= kRequestFlagValue;
    Encoder e;
    e.uint8(kRequestByte);
    e.uint(flags);
    e.uint16(r.tid);
    e.ipv4Address(r.to);
    if (r.id)
        writeFixed32(e, *r.id);
    if (r.token)
        writeFixed32(e, *r.token);
    e.uint(r.command);
    if (r.target)
        writeFixed32(e, *r.target);
    if (r.value)
        e.buffer(*r.value);
    return e.take();
}

QByteArray encodeResponse(const RpcResponse& r) {
    uint64_t flags = 0;
    if (r.id)
        flags |= kResponseFlagId;
    if (r.token)
        flags |= kResponseFlagToken;
    if (!r.closerNodes.empty())
        flags |= kResponseFlagCloserNodes;
    if (r.error != kErrorOk)
        flags |= kResponseFlagError;
    if (r.value)
        flags |= kResponseFlagValue;
    Encoder e;
    e.uint8(kResponseByte);
    e.uint(flags);
    e.uint16(r.tid);
    e.ipv4Address(r.to);
    if (r.id)
        writeFixed32(e, *r.id);
    if (r.token)
        writeFixed32(e, *r.token);
    if (!r.closerNodes.empty())
        writeAddresses(e, r.closerNodes);
    if (r.error != kErrorOk)
        e.uint(r.error);
    if (r.value)
        e.buffer(*r.value);
    return e.take();
}

QByteArray encodeMessage(const RpcMessage& message) {
    if (const auto* req = std::get_if<RpcRequest>(&message))
        return encodeRequest(*req);
    return encodeResponse(std::get<RpcResponse>(message));
}

bool looksLikeRpc(const QByteArray& datagram) {
    return datagram.size() >= kMinDatagramSize &&
           (uint8_t(datagram[0]) == kRequestByte || uint8_t(datagram[0]) == kResponseByte);
}

namespace {

std::optional<QByteArray> readFixedIf(Decoder& d, bool present, int size) {
    if (!present)
        return std::nullopt;
    return d.fixed(size);
}

Result<RpcMessage> decodeRequest(Decoder& d) {
    RpcRequest r;
    const uint64_t flags = d.uint();
    r.tid = d.uint16();
    r.to = d.ipv4Address();
    r.id = readFixedIf(d, flags & kRequestFlagId, kIdSize);
    r.token = readFixedIf(d, flags & kRequestFlagToken, kTokenSize);
    r.internal = (flags & kRequestFlagInternal) != 0;
    r.command = d.uint();
    r.target = readFixedIf(d, flags & kRequestFlagTarget, kTargetSize);
    if (flags & kRequestFlagValue)
        r.value = d.buffer();
    if (!d.ok())
        return makeError(QStringLiteral("dht-rpc request: %1").arg(d.error()));
    return RpcMessage(std::move(r));
}

Result<RpcMessage> decodeResponse(Decoder& d) {
    RpcResponse r;
    const uint64_t flags = d.uint();
    r.tid = d.uint16();
    r.to = d.ipv4Address();
    r.id = readFixedIf(d, flags & kResponseFlagId, kIdSize);
    r.token = readFixedIf(d, flags & kResponseFlagToken, kTokenSize);
    if (flags & kResponseFlagCloserNodes) {
        r.closerNodes = readAddresses(d);
    }
    if (flags & kResponseFlagError)
        r.error = d.uint();
    if (flags & kResponseFlagValue)
        r.value = d.buffer();
    if (!d.ok())
        return makeError(QStringLiteral("dht-rpc response: %1").arg(d.error()));
    return RpcMessage(std::move(r));
}

}  // namespace

Result<RpcMessage> decodeMessage(const QByteArray& datagram) {
    if (datagram.size() < kMinDatagramSize)
        return makeError(QStringLiteral("dht-rpc: datagram of %1 bytes is too short").arg(datagram.size()));
    Decoder d(datagram.constData() + 1, datagram.size() - 1);
    const uint8_t first = uint8_t(datagram[0]);
    if (first == kRequestByte)
        return decodeRequest(d);
    if (first == kResponseByte)
        return decodeResponse(d);
    return makeError(QStringLiteral("dht-rpc: first byte 0x%1 is not a request or response")
                         .arg(first, 2, 16, QLatin1Char('0')));
}

}  // namespace pluresdb::dht::rpc
