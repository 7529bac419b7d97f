#include "core/transport/udx/UdxEndpoint.h"

namespace pluresdb::transport::udx {

UdxEndpoint UdxEndpoint::fromHost(const QHostAddress& host, quint16 port) {
    UdxEndpoint e;
    bool isV4 = false;
    const quint32 v4 = host.toIPv4Address(&isV4);
    if (isV4 && host.protocol() == QAbstractSocket::IPv4Protocol) {
        auto* sin = reinterpret_cast<sockaddr_in*>(&e.addr);
        sin->sin_family = AF_INET;
        sin->sin_port = htons(port);
        sin->sin_addr.s_addr = htonl(v4);
        e.length = sizeof(sockaddr_in);
    } else if (host.protocol() == QAbstractSocket::IPv6Protocol) {
        auto* sin6 = reinterpret_cast<sockaddr_in6*>(&e.addr);
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(port);
        const Q_IPV6ADDR a = host.toIPv6Address();
        std::memcpy(&sin6->sin6_addr, a.c, 16);
        e.length = sizeof(sockaddr_in6);
    }
    return e;
}

UdxEndpoint UdxEndpoint::fromSockaddr(const sockaddr* sa, socklen_t len) {
    UdxEndpoint e;
    if (len > 0 && len <= socklen_t(sizeof(e.addr))) {
        std::memcpy(&e.addr, sa, len);
        e.length = len;
    }
    return e;
}

QHostAddress UdxEndpoint::host() const {
    if (!isValid())
        return {};
    return QHostAddress(reinterpret_cast<const sockaddr*>(&addr));
}

quint16 UdxEndpoint::port() const {
    if (addr.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in*>(&addr)->sin_port);
    if (addr.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_port);
    return 0;
}

QString UdxEndpoint::toString() const {
    if (!isValid())
        return QStringLiteral("(unconnected)");
    if (isIpv6())
        return QStringLiteral("[%1]:%2").arg(host().toString()).arg(port());
    return QStringLiteral("%1:%2").arg(host().toString()).arg(port());
}

}  // namespace pluresdb::transport::udx
