#pragma once

// The RPC layer on a real socket: dht-rpc shares its UDP sockets with UDX streams (spec/hyperdht.md
// §2.1, §9.2), so requests and replies go out through UdxSocket::sendDatagram() and come back
// through the socket's datagram handler (every datagram that is not for a live UDX stream).

#include "core/dht/rpc/DatagramSender.h"
#include "core/transport/udx/UdxSocket.h"

#include <QHostAddress>

#include <optional>

namespace pluresdb::dht::rpc {

// dht-rpc speaks IPv4 only (§1 ipv4Address); IPv4-mapped IPv6 sources are unwrapped.
std::optional<encoding::Ipv4Address> toIpv4Address(const QHostAddress& host, quint16 port);
QHostAddress toHostAddress(const encoding::Ipv4Address& address);

class UdxDatagramSender final : public DatagramSender {
public:
    explicit UdxDatagramSender(transport::udx::UdxSocket& socket) : m_socket(socket) {}
    void sendDatagram(const QByteArray& datagram, const encoding::Ipv4Address& to) override;

private:
    transport::udx::UdxSocket& m_socket;
};

}  // namespace pluresdb::dht::rpc
