#pragma once

// dht-rpc message framing (spec/hyperdht.md §2.2): one request or response per UDP datagram.
// Optional fields are std::optional so that "absent" and "present but empty" stay distinct, as they
// are on the wire (an empty value buffer is still flagged and written, like Node's truthy Buffer).
// Decoding is bounds-checked and returns an error for anything malformed; like Node, bytes after the
// last field are ignored. Encoding picks flags from the fields present, so decode → encode
// reproduces every datagram Node writes, byte for byte.

#include "core/common/Result.h"
#include "core/encoding/CompactEncoding.h"

#include <QByteArray>

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

namespace pluresdb::dht::rpc {

using encoding::Ipv4Address;

struct RpcRequest {
    uint16_t tid = 0;
    Ipv4Address to;                     // the receiver's address as the sender addresses it
    std::optional<QByteArray> id;       // 32 bytes: the sender's node id (persistent, server socket)
    std::optional<QByteArray> token;    // 32 bytes: echoed write token (§2.4)
    bool internal = false;              // command is a dht-rpc built-in (§2.6), else hyperdht (§4)
    uint64_t command = 0;
    std::optional<QByteArray> target;   // 32 bytes
    std::optional<QByteArray> value;

    bool operator==(const RpcRequest&) const = default;
};

struct RpcResponse {
    uint16_t tid = 0;
    Ipv4Address to;                     // the requester's address as the responder saw it
    std::optional<QByteArray> id;
    std::optional<QByteArray> token;
    std::vector<Ipv4Address> closerNodes;  // written only when non-empty (as Node does)
    uint64_t error = 0;                    // written only when non-zero
    std::optional<QByteArray> value;

    bool operator==(const RpcResponse&) const = default;
};

using RpcMessage = std::variant<RpcRequest, RpcResponse>;

QByteArray encodeRequest(const RpcRequest& request);
QByteArray encodeResponse(const RpcResponse& response);
QByteArray encodeMessage(const RpcMessage& message);

// Decodes one datagram. Fails (never crashes) on a first byte that is not 0x03/0x13, a datagram
// shorter than two bytes, truncated fields or fields of the wrong size.
Result<RpcMessage> decodeMessage(const QByteArray& datagram);
// True if the datagram's first byte marks it as dht-rpc (§2.2); anything else belongs to UDX or
// holepunch probes (§9.2).
bool looksLikeRpc(const QByteArray& datagram);

}  // namespace pluresdb::dht::rpc
