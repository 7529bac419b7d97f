#pragma once

// The socket calls whose spelling differs between POSIX (Linux, macOS) and Winsock, behind one
// small interface so the transports and the DHT hold no platform #ifs of their own. Only what
// differs lives here; sockaddr_storage, bind, getsockname and the option names are the same on
// every platform once the right headers are in.
//
// Linux keeps its own fast paths (recvmmsg/sendmmsg, UDP GSO/GRO in UdxSocket.cpp); this layer
// is what the other platforms share, and what every platform uses to open and close a socket.

#if defined(_WIN32)
#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif

#include <QString>
#include <QtGlobal>

#include <cstddef>

namespace pluresdb::transport::os {

#if defined(_WIN32)
using NativeSocket = SOCKET;
inline constexpr NativeSocket kNoSocket = INVALID_SOCKET;
#else
using NativeSocket = int;
inline constexpr NativeSocket kNoSocket = -1;
#endif

// A UDP socket of `family` (AF_INET, AF_INET6), non-blocking and not inherited by child
// processes; kNoSocket on failure, with lastSocketError() telling why. On Windows the first call
// starts Winsock, and an ICMP "port unreachable" for an earlier datagram no longer fails the next
// receive with WSAECONNRESET (SIO_UDP_CONNRESET off): on UDP that error is noise, as on POSIX.
NativeSocket openUdpSocket(int family);
void closeSocket(NativeSocket s);

int lastSocketError();
// The send buffer is full for now (EAGAIN, EWOULDBLOCK, ENOBUFS; WSAEWOULDBLOCK, WSAENOBUFS).
bool sendWouldBlock(int error);
// A signal interrupted the call (EINTR); never on Windows.
bool interrupted(int error);
QString socketErrorText(int error);

// setsockopt/getsockopt for the int-valued options (Winsock wants char pointers).
bool setIntOption(NativeSocket s, int level, int name, int value);
bool getIntOption(NativeSocket s, int level, int name, int* value);

// sendto; the bytes sent, or -1 with lastSocketError() set. Retries when interrupted.
qint64 sendTo(NativeSocket s, const void* data, std::size_t size, const sockaddr* to, socklen_t toLength);

// One recvfrom on a non-blocking socket.
enum class ReceiveStatus {
    Datagram,   // `*size` bytes from `*from`
    Dropped,    // a datagram was consumed but is unusable (larger than `capacity`, or an error
                // that concerns that one datagram): read on
    NoneReady,  // nothing more to read now (or the socket failed): stop reading
};
ReceiveStatus receiveFrom(NativeSocket s, void* buffer, std::size_t capacity, std::size_t* size,
                          sockaddr_storage* from, socklen_t* fromLength);

// Waits up to `timeoutMs` for `s` to have something to read (poll / WSAPoll).
bool waitReadable(NativeSocket s, int timeoutMs);

}  // namespace pluresdb::transport::os
