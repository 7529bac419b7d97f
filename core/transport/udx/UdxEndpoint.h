#pragma once

// A UDP peer address in the form the socket calls take, converted once from QHostAddress so
// the per-packet path never touches QHostAddress.

#include "core/transport/SocketOs.h"

#include <QHostAddress>
#include <QString>

#include <cstring>

namespace pluresdb::transport::udx {

struct UdxEndpoint {
    sockaddr_storage addr{};
    socklen_t length = 0;

    bool isValid() const { return length != 0; }
    bool isIpv6() const { return addr.ss_family == AF_INET6; }
    bool operator==(const UdxEndpoint& o) const {
        return length == o.length && std::memcmp(&addr, &o.addr, length) == 0;
    }
    bool operator!=(const UdxEndpoint& o) const { return !(*this == o); }

    static UdxEndpoint fromHost(const QHostAddress& host, quint16 port);
    static UdxEndpoint fromSockaddr(const sockaddr* sa, socklen_t len);
    QHostAddress host() const;
    quint16 port() const;
    QString toString() const;  // "127.0.0.1:4000", "[::1]:4000"
};

}  // namespace pluresdb::transport::udx
