#pragma once

// Where the RPC layer's datagrams go. In the node this is core/transport/udx/UdxSocket::
// sendDatagram() (the DHT shares its UDP sockets with UDX streams, spec/hyperdht.md §2.1, §9.2);
// tests use a recording fake. Fire-and-forget like a UDP send: loss is handled by retries.

#include "core/encoding/CompactEncoding.h"

#include <QByteArray>

namespace pluresdb::dht::rpc {

class DatagramSender {
public:
    virtual ~DatagramSender() = default;
    virtual void sendDatagram(const QByteArray& datagram, const encoding::Ipv4Address& to) = 0;
};

}  // namespace pluresdb::dht::rpc
