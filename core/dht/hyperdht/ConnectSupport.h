#pragma once

// Internal helpers shared by the hyperdht Server and Connector (spec/hyperdht.md §6.2, §8): address
// classes as the npm `bogon` package draws them, our local addresses as hyperdht lists them in the
// Noise payload, address matching for the LAN shortcut, and the socket the DHT node sends from.

#include "core/encoding/CompactEncoding.h"

#include <QHostAddress>

#include <optional>
#include <vector>

namespace pluresdb::dht::rpc {
class DhtNode;
}
namespace pluresdb::transport::udx {
class UdxSocket;
struct UdxEndpoint;
}  // namespace pluresdb::transport::udx

namespace pluresdb::dht::hyperdht::detail {

bool isPrivateIpv4(
    const encoding::Ipv4Address& a);  // 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.168/16
bool isReservedIpv4(
    const encoding::Ipv4Address& a);  // 0/8, 192.0.0/24, TEST-NETs, 198.18/15, multicast, 240/4
inline bool isBogonIpv4(const encoding::Ipv4Address& a) {
    return isPrivateIpv4(a) || isReservedIpv4(a);
}

// hyperdht `localAddresses(serverSocket)`: 127.0.0.1 alone when bound there, else every
// non-internal IPv4 interface address (or 127.0.0.1 if there is none), with the socket's port.
std::vector<encoding::Ipv4Address> localAddresses(const transport::udx::UdxSocket& socket);
// hyperdht `validateLocalAddresses`: keeps the addresses a socket can bind and reach itself on
// (1-byte datagram to itself, 500 ms); results are cached per host for the process.
std::vector<encoding::Ipv4Address> validateLocalAddresses(
    const std::vector<encoding::Ipv4Address>& addresses);
// hyperdht `matchAddress`: the remote address sharing the most leading octets (≥ 1) with one of
// ours; nullopt when none shares the first octet.
std::optional<encoding::Ipv4Address> matchAddress(const std::vector<encoding::Ipv4Address>& mine,
                                                  const std::vector<encoding::Ipv4Address>& remote);

// The socket the DHT node sends requests from (client socket while firewalled, §2.1).
transport::udx::UdxSocket* dhtSocket(rpc::DhtNode& node);

QHostAddress toHost(const encoding::Ipv4Address& a);
std::optional<encoding::Ipv4Address> toIpv4(const QHostAddress& host, quint16 port);
transport::udx::UdxEndpoint toEndpoint(const encoding::Ipv4Address& a);
std::optional<encoding::Ipv4Address> fromEndpoint(const transport::udx::UdxEndpoint& e);

}  // namespace pluresdb::dht::hyperdht::detail
