#include "core/dht/rpc/UdxDatagramSender.h"

namespace pluresdb::dht::rpc {

std::optional<encoding::Ipv4Address> toIpv4Address(const QHostAddress& host, quint16 port) {
    bool ok = false;
    const quint32 v4 = host.toIPv4Address(&ok);  // also unwraps ::ffff:a.b.c.d
    if (!ok)
        return std::nullopt;
    encoding::Ipv4Address a;
    a.host = {uint8_t(v4 >> 24), uint8_t(v4 >> 16), uint8_t(v4 >> 8), uint8_t(v4)};
    a.port = port;
    return a;
}

QHostAddress toHostAddress(const encoding::Ipv4Address& a) {
    return QHostAddress(quint32(a.host[0]) << 24 | quint32(a.host[1]) << 16 | quint32(a.host[2]) << 8 |
                        quint32(a.host[3]));
}

void UdxDatagramSender::sendDatagram(const QByteArray& datagram, const encoding::Ipv4Address& to) {
    // A failed send is a lost datagram: the request engine's retry covers it, as for loss en route.
    m_socket.sendDatagram(datagram, toHostAddress(to), to.port);
}

}  // namespace pluresdb::dht::rpc
