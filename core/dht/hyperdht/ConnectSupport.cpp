#include "core/dht/hyperdht/ConnectSupport.h"

#include "core/dht/rpc/DhtNode.h"
#include "core/transport/SocketOs.h"
#include "core/transport/udx/UdxEndpoint.h"
#include "core/transport/udx/UdxSocket.h"

#include <QNetworkInterface>

#include <cstring>
#include <map>
#include <mutex>

namespace pluresdb::dht::hyperdht::detail {

using encoding::Ipv4Address;

bool isPrivateIpv4(const Ipv4Address& a) {
    const auto& h = a.host;
    return h[0] == 10 || (h[0] == 100 && h[1] >= 64 && h[1] <= 127) || h[0] == 127 ||
           (h[0] == 169 && h[1] == 254) || (h[0] == 172 && h[1] >= 16 && h[1] <= 31) ||
           (h[0] == 192 && h[1] == 168);
}

bool isReservedIpv4(const Ipv4Address& a) {
    const auto& h = a.host;
    return h[0] == 0 || (h[0] == 192 && h[1] == 0 && h[2] == 0) || (h[0] == 192 && h[1] == 0 && h[2] == 2) ||
           (h[0] == 198 && h[1] >= 18 && h[1] <= 19) || (h[0] == 198 && h[1] == 51 && h[2] == 100) ||
           (h[0] == 203 && h[1] == 0 && h[2] == 113) || (h[0] >= 224 && h[0] <= 239) || h[0] >= 240;
}

QHostAddress toHost(const Ipv4Address& a) {
    return QHostAddress(quint32(a.host[0]) << 24 | quint32(a.host[1]) << 16 | quint32(a.host[2]) << 8 |
                        quint32(a.host[3]));
}

std::optional<Ipv4Address> toIpv4(const QHostAddress& host, quint16 port) {
    bool ok = false;
    const quint32 v = host.toIPv4Address(&ok);
    if (!ok)
        return std::nullopt;
    return Ipv4Address{{uint8_t(v >> 24), uint8_t(v >> 16), uint8_t(v >> 8), uint8_t(v)}, port};
}

transport::udx::UdxEndpoint toEndpoint(const Ipv4Address& a) {
    return transport::udx::UdxEndpoint::fromHost(toHost(a), a.port);
}

std::optional<Ipv4Address> fromEndpoint(const transport::udx::UdxEndpoint& e) {
    return toIpv4(e.host(), e.port());
}

std::vector<Ipv4Address> localAddresses(const transport::udx::UdxSocket& socket) {
    std::vector<Ipv4Address> out;
    const quint16 port = socket.localPort();
    const QHostAddress bound = socket.localAddress();
    if (bound == QHostAddress(QHostAddress::LocalHost))
        return {Ipv4Address{{127, 0, 0, 1}, port}};
    for (const QNetworkInterface& iface : QNetworkInterface::allInterfaces()) {
        if (iface.flags() & QNetworkInterface::IsLoopBack)
            continue;
        for (const QNetworkAddressEntry& entry : iface.addressEntries())
            if (auto a = toIpv4(entry.ip(), port);
                a && entry.ip().protocol() == QAbstractSocket::IPv4Protocol)
                out.push_back(*a);
    }
    if (out.empty())
        out.push_back(Ipv4Address{{127, 0, 0, 1}, port});
    return out;
}

namespace {

// Binds a UDP socket to the host and sends itself one byte; true when it arrives within 500 ms.
bool reachesItself(const Ipv4Address& a) {
    namespace os = transport::os;
    const os::NativeSocket fd = os::openUdpSocket(AF_INET);
    if (fd == os::kNoSocket)
        return false;
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    std::memcpy(&sa.sin_addr, a.host.data(), 4);
    bool ok = false;
    socklen_t len = sizeof sa;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&sa), &len) == 0) {
        const char byte = 0;
        if (os::sendTo(fd, &byte, 1, reinterpret_cast<sockaddr*>(&sa), sizeof sa) == 1 &&
            os::waitReadable(fd, 500)) {
            char buf[4];
            std::size_t size = 0;
            sockaddr_storage from{};
            socklen_t fromLength = sizeof from;
            ok = os::receiveFrom(fd, buf, sizeof buf, &size, &from, &fromLength) ==
                 os::ReceiveStatus::Datagram;
        }
    }
    os::closeSocket(fd);
    return ok;
}

}  // namespace

std::vector<Ipv4Address> validateLocalAddresses(const std::vector<Ipv4Address>& addresses) {
    static std::mutex mutex;
    static std::map<std::array<uint8_t, 4>, bool> cache;
    std::vector<Ipv4Address> out;
    for (const Ipv4Address& a : addresses) {
        bool ok = false;
        {
            std::lock_guard lock(mutex);
            auto it = cache.find(a.host);
            if (it != cache.end()) {
                if (it->second)
                    out.push_back(a);
                continue;
            }
        }
        ok = reachesItself(a);
        std::lock_guard lock(mutex);
        cache[a.host] = ok;
        if (ok)
            out.push_back(a);
    }
    return out;
}

std::optional<Ipv4Address> matchAddress(const std::vector<Ipv4Address>& mine,
                                        const std::vector<Ipv4Address>& remote) {
    if (remote.empty())
        return std::nullopt;
    int bestSegment = 1;
    std::optional<Ipv4Address> best;
    for (const Ipv4Address& a : mine) {
        for (const Ipv4Address& b : remote) {
            if (a.host[0] != b.host[0])
                continue;
            if (bestSegment == 1) {
                bestSegment = 2;
                best = b;
            }
            if (a.host[1] != b.host[1])
                continue;
            if (bestSegment == 2) {
                bestSegment = 3;
                best = b;
            }
            if (a.host[2] == b.host[2])
                return b;
        }
    }
    return best;
}

transport::udx::UdxSocket* dhtSocket(rpc::DhtNode& node) {
    return node.isFirewalled() ? node.clientSocket() : node.serverSocket();
}

}  // namespace pluresdb::dht::hyperdht::detail
