#include "core/transport/SocketOs.h"

#include <cerrno>
#include <cstring>

#if defined(_WIN32)
#include <mutex>
// mstcpip.h's value; not every SDK's headers declare it for user mode.
#ifndef SIO_UDP_CONNRESET
#define SIO_UDP_CONNRESET _WSAIOW(IOC_VENDOR, 12)
#endif
#else
#include <fcntl.h>
#include <poll.h>
#include <sys/uio.h>
#include <unistd.h>
#endif

namespace pluresdb::transport::os {

#if defined(_WIN32)

namespace {

// Winsock counts WSAStartup calls; one per process that is never undone is what Qt does too.
void startWinsock() {
    static std::once_flag once;
    std::call_once(once, [] {
        WSADATA data;
        ::WSAStartup(MAKEWORD(2, 2), &data);
    });
}

}  // namespace

NativeSocket openUdpSocket(int family) {
    startWinsock();
    // WSA_FLAG_NO_HANDLE_INHERIT: the Windows spelling of close-on-exec.
    const SOCKET s = ::WSASocketW(family, SOCK_DGRAM, IPPROTO_UDP, nullptr, 0,
                                  WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    if (s == INVALID_SOCKET)
        return kNoSocket;
    u_long on = 1;
    BOOL reportReset = FALSE;
    DWORD unused = 0;
    if (::ioctlsocket(s, FIONBIO, &on) != 0) {
        const int e = ::WSAGetLastError();
        ::closesocket(s);
        ::WSASetLastError(e);
        return kNoSocket;
    }
    ::WSAIoctl(s, SIO_UDP_CONNRESET, &reportReset, sizeof reportReset, nullptr, 0, &unused, nullptr, nullptr);
    return s;
}

void closeSocket(NativeSocket s) {
    if (s != kNoSocket)
        ::closesocket(s);
}

int lastSocketError() {
    return ::WSAGetLastError();
}

bool sendWouldBlock(int error) {
    return error == WSAEWOULDBLOCK || error == WSAENOBUFS;
}

bool interrupted(int) {
    return false;
}

QString socketErrorText(int error) {
    wchar_t* text = nullptr;
    const DWORD n = ::FormatMessageW(
        FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
        DWORD(error), 0, reinterpret_cast<wchar_t*>(&text), 0, nullptr);
    QString out = n && text ? QString::fromWCharArray(text, int(n)).trimmed()
                            : QStringLiteral("socket error %1").arg(error);
    if (text)
        ::LocalFree(text);
    return out;
}

bool setIntOption(NativeSocket s, int level, int name, int value) {
    return ::setsockopt(s, level, name, reinterpret_cast<const char*>(&value), sizeof value) == 0;
}

bool getIntOption(NativeSocket s, int level, int name, int* value) {
    int len = sizeof *value;
    return ::getsockopt(s, level, name, reinterpret_cast<char*>(value), &len) == 0;
}

qint64 sendTo(NativeSocket s, const void* data, std::size_t size, const sockaddr* to, socklen_t toLength) {
    const int r = ::sendto(s, static_cast<const char*>(data), int(size), 0, to, toLength);
    return r == SOCKET_ERROR ? -1 : qint64(r);
}

ReceiveStatus receiveFrom(NativeSocket s, void* buffer, std::size_t capacity, std::size_t* size,
                          sockaddr_storage* from, socklen_t* fromLength) {
    *fromLength = sizeof *from;
    const int r = ::recvfrom(s, static_cast<char*>(buffer), int(capacity), 0,
                             reinterpret_cast<sockaddr*>(from), fromLength);
    if (r != SOCKET_ERROR) {
        *size = std::size_t(r);
        return ReceiveStatus::Datagram;
    }
    switch (::WSAGetLastError()) {
        case WSAEMSGSIZE:    // longer than any peer may send; Winsock has dropped the rest
        case WSAECONNRESET:  // an ICMP error for an earlier send (if SIO_UDP_CONNRESET was refused)
        case WSAENETRESET:
            return ReceiveStatus::Dropped;
        default:
            return ReceiveStatus::NoneReady;
    }
}

bool waitReadable(NativeSocket s, int timeoutMs) {
    WSAPOLLFD p{};
    p.fd = s;
    p.events = POLLRDNORM;
    return ::WSAPoll(&p, 1, timeoutMs) == 1;
}

#else

NativeSocket openUdpSocket(int family) {
#if defined(SOCK_NONBLOCK) && defined(SOCK_CLOEXEC)
    return ::socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
#else
    // macOS and the BSDs before 2023 have neither flag: set both after the fact.
    const int fd = ::socket(family, SOCK_DGRAM, 0);
    if (fd < 0)
        return kNoSocket;
    const int flags = ::fcntl(fd, F_GETFL, 0);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0 || ::fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
        const int e = errno;
        ::close(fd);
        errno = e;
        return kNoSocket;
    }
    return fd;
#endif
}

void closeSocket(NativeSocket s) {
    if (s != kNoSocket)
        ::close(s);
}

int lastSocketError() {
    return errno;
}

bool sendWouldBlock(int error) {
    return error == EAGAIN || error == EWOULDBLOCK || error == ENOBUFS;
}

bool interrupted(int error) {
    return error == EINTR;
}

QString socketErrorText(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

bool setIntOption(NativeSocket s, int level, int name, int value) {
    return ::setsockopt(s, level, name, &value, sizeof value) == 0;
}

bool getIntOption(NativeSocket s, int level, int name, int* value) {
    socklen_t len = sizeof *value;
    return ::getsockopt(s, level, name, value, &len) == 0;
}

qint64 sendTo(NativeSocket s, const void* data, std::size_t size, const sockaddr* to, socklen_t toLength) {
    ssize_t r = 0;
    do {
        r = ::sendto(s, data, size, 0, to, toLength);
    } while (r < 0 && errno == EINTR);
    return qint64(r);
}

ReceiveStatus receiveFrom(NativeSocket s, void* buffer, std::size_t capacity, std::size_t* size,
                          sockaddr_storage* from, socklen_t* fromLength) {
    iovec iov{buffer, capacity};
    msghdr msg{};
    msg.msg_name = from;
    msg.msg_namelen = sizeof *from;
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    const ssize_t r = ::recvmsg(s, &msg, 0);
    if (r < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return ReceiveStatus::NoneReady;
        // EINTR, or an ICMP error queued for an earlier send: that datagram only.
        return errno == EINTR || errno == ECONNREFUSED || errno == EHOSTUNREACH || errno == ENETUNREACH
                   ? ReceiveStatus::Dropped
                   : ReceiveStatus::NoneReady;
    }
    *fromLength = msg.msg_namelen;
    if (msg.msg_flags & MSG_TRUNC)
        return ReceiveStatus::Dropped;  // longer than any peer may send
    *size = std::size_t(r);
    return ReceiveStatus::Datagram;
}

bool waitReadable(NativeSocket s, int timeoutMs) {
    pollfd p{s, POLLIN, 0};
    int r = 0;
    do {
        r = ::poll(&p, 1, timeoutMs);
    } while (r < 0 && errno == EINTR);
    return r == 1;
}

#endif

}  // namespace pluresdb::transport::os
