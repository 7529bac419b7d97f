#include "core/transport/tcp/TcpByteStream.h"

#include <QPointer>
#include <QTimer>

#include <cerrno>
#include <cstring>

#if defined(Q_OS_WIN)
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace pluresdb::transport::tcp {

namespace {

// Thin portability layer over the few socket calls used here.
#if defined(Q_OS_WIN)
int lastSocketError() {
    return WSAGetLastError();
}
bool wouldBlock(int e) {
    return e == WSAEWOULDBLOCK;
}
bool inProgress(int e) {
    return e == WSAEWOULDBLOCK || e == WSAEINPROGRESS;
}
bool interrupted(int) {
    return false;
}
void closeFd(qintptr fd) {
    ::closesocket(static_cast<SOCKET>(fd));
}
void setNonBlocking(qintptr fd) {
    u_long on = 1;
    ::ioctlsocket(static_cast<SOCKET>(fd), FIONBIO, &on);
}
constexpr int kShutWrite = SD_SEND;
constexpr int kSendFlags = 0;
QString errorText(int e) {
    return QStringLiteral("socket error %1").arg(e);
}
#else
int lastSocketError() {
    return errno;
}
bool wouldBlock(int e) {
    return e == EAGAIN || e == EWOULDBLOCK;
}
bool inProgress(int e) {
    return e == EINPROGRESS;
}
bool interrupted(int e) {
    return e == EINTR;
}
void closeFd(qintptr fd) {
    ::close(static_cast<int>(fd));
}
void setNonBlocking(qintptr fd) {
    const int flags = ::fcntl(static_cast<int>(fd), F_GETFL, 0);
    ::fcntl(static_cast<int>(fd), F_SETFL, flags | O_NONBLOCK);
}
constexpr int kShutWrite = SHUT_WR;
#if defined(MSG_NOSIGNAL)
constexpr int kSendFlags = MSG_NOSIGNAL;  // a reset peer is an error value, not SIGPIPE
#else
constexpr int kSendFlags = 0;  // macOS has no MSG_NOSIGNAL: SO_NOSIGPIPE on the socket instead
#endif
QString errorText(int e) {
    return QString::fromLocal8Bit(std::strerror(e));
}
#endif

// Per readiness callback: read at most this much before yielding to the event loop (fairness), in
// chunks of kReadChunk.
constexpr qsizetype kReadChunk = 256 * 1024;
constexpr qsizetype kReadBudget = 4 * 1024 * 1024;

// Every connected socket (dialled or accepted): no Nagle delay, and on macOS no SIGPIPE.
void setNoDelay(qintptr fd) {
    int on = 1;
    ::setsockopt(static_cast<int>(fd), IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char*>(&on),
                 sizeof on);
#if defined(SO_NOSIGPIPE)
    ::setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof on);
#endif
}

}  // namespace

TcpByteStream::TcpByteStream(QObject* parent) : ByteStream(parent) {}

TcpByteStream::~TcpByteStream() {
    closeSocket();
}

TcpByteStream* TcpByteStream::adopt(qintptr socketDescriptor, QObject* parent) {
    auto* s = new TcpByteStream(parent);
    s->setUp(socketDescriptor, false);
    return s;
}

TcpByteStream* TcpByteStream::connectTo(const QHostAddress& host, quint16 port, QObject* parent) {
    auto* s = new TcpByteStream(parent);
    s->m_remote = QStringLiteral("%1:%2").arg(host.toString()).arg(port);
    sockaddr_storage addr{};
    socklen_t len = 0;
    bool ok = false;
    if (host.protocol() == QAbstractSocket::IPv4Protocol) {
        auto* a = reinterpret_cast<sockaddr_in*>(&addr);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(host.toIPv4Address());
        len = sizeof(sockaddr_in);
        ok = true;
    } else if (host.protocol() == QAbstractSocket::IPv6Protocol) {
        auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        const Q_IPV6ADDR v6 = host.toIPv6Address();
        std::memcpy(&a->sin6_addr, v6.c, 16);
        len = sizeof(sockaddr_in6);
        ok = true;
    }
    if (!ok) {
        QTimer::singleShot(0, s, [s] { s->fail(QStringLiteral("connect: not an IPv4 or IPv6 address")); });
        return s;
    }
    const auto fd = static_cast<qintptr>(::socket(addr.ss_family, SOCK_STREAM, 0));
    if (fd < 0) {
        const QString why = errorText(lastSocketError());
        QTimer::singleShot(0, s, [s, why] { s->fail(QStringLiteral("socket: %1").arg(why)); });
        return s;
    }
    setNonBlocking(fd);
    setNoDelay(fd);
    if (::connect(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&addr), len) != 0 &&
        !inProgress(lastSocketError())) {
        const QString why = errorText(lastSocketError());
        closeFd(fd);
        QTimer::singleShot(
            0, s, [s, why] { s->fail(QStringLiteral("connect to %1 failed: %2").arg(s->m_remote, why)); });
        return s;
    }
    s->setUp(fd, true);
    return s;
}

void TcpByteStream::setUp(qintptr fd, bool connecting) {
    m_fd = fd;
    m_connecting = connecting;
    setNonBlocking(fd);
    setNoDelay(fd);
    if (m_remote.isEmpty()) {
        sockaddr_storage addr{};
        socklen_t len = sizeof addr;
        if (::getpeername(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
            QHostAddress h(reinterpret_cast<sockaddr*>(&addr));
            const quint16 port = addr.ss_family == AF_INET6
                                     ? ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port)
                                     : ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
            m_remote = QStringLiteral("%1:%2").arg(h.toString()).arg(port);
        }
    }
    m_readNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
    m_writeNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Write);
    connect(m_readNotifier.get(), &QSocketNotifier::activated, this, &TcpByteStream::onReadable);
    connect(m_writeNotifier.get(), &QSocketNotifier::activated, this, &TcpByteStream::onWritable);
    m_readNotifier->setEnabled(!connecting);
    m_writeNotifier->setEnabled(connecting);  // connect completion is signalled as writability
}

void TcpByteStream::onConnectFinished() {
    int err = 0;
    socklen_t len = sizeof err;
    ::getsockopt(static_cast<int>(m_fd), SOL_SOCKET, SO_ERROR, reinterpret_cast<char*>(&err), &len);
    if (err != 0) {
        fail(QStringLiteral("connect to %1 failed: %2").arg(m_remote, errorText(err)));
        return;
    }
    m_connecting = false;
    m_readNotifier->setEnabled(true);
    m_writeNotifier->setEnabled(false);
    QPointer<TcpByteStream> self(this);
    emit connected();
    if (!self || m_closed)
        return;
    if (!flush())
        return;
    maybeShutdownWrite();
}

void TcpByteStream::onReadable() {
    if (m_closed || m_readEnded)
        return;
    QPointer<TcpByteStream> self(this);
    qsizetype total = 0;
    while (self && !m_closed && total < kReadBudget) {
        QByteArray buf(kReadChunk, Qt::Uninitialized);
        const auto n = ::recv(static_cast<int>(m_fd), buf.data(), static_cast<size_t>(kReadChunk), 0);
        if (n > 0) {
            buf.truncate(n);
            total += n;
            emit dataReceived(buf);
            continue;
        }
        if (n == 0) {  // the peer's FIN: only our read side ends
            m_readEnded = true;
            m_readNotifier->setEnabled(false);
            emit remoteEnded();
            if (self)
                maybeFinish();
            return;
        }
        const int e = lastSocketError();
        if (interrupted(e))
            continue;
        if (wouldBlock(e))
            return;
        fail(QStringLiteral("read from %1 failed: %2").arg(m_remote, errorText(e)));
        return;
    }
}

void TcpByteStream::onWritable() {
    if (m_closed)
        return;
    if (m_connecting) {
        onConnectFinished();
        return;
    }
    if (!flush())
        return;
    if (m_queue.empty()) {
        QPointer<TcpByteStream> self(this);
        emit drained();
        if (!self)
            return;
        maybeShutdownWrite();
    }
}

bool TcpByteStream::flush() {
    while (!m_queue.empty()) {
        const QByteArray& head = m_queue.front();
        const auto n = ::send(static_cast<int>(m_fd), head.constData() + m_headOffset,
                              static_cast<size_t>(head.size() - m_headOffset), kSendFlags);
        if (n < 0) {
            const int e = lastSocketError();
            if (interrupted(e))
                continue;
            if (wouldBlock(e)) {
                m_writeNotifier->setEnabled(true);
                return true;
            }
            fail(QStringLiteral("write to %1 failed: %2").arg(m_remote, errorText(e)));
            return false;
        }
        m_headOffset += n;
        m_queuedBytes -= n;
        if (m_headOffset == head.size()) {
            m_queue.pop_front();
            m_headOffset = 0;
        }
    }
    m_writeNotifier->setEnabled(false);
    return true;
}

bool TcpByteStream::write(const QByteArray& bytes) {
    if (m_closed || m_endRequested)
        return false;
    if (bytes.isEmpty())
        return true;
    m_queue.push_back(bytes);
    m_queuedBytes += bytes.size();
    if (m_connecting)
        return true;
    // Only try the socket directly when nothing is waiting for writability already.
    if (m_queue.size() == 1)
        return flush();
    return true;
}

void TcpByteStream::end() {
    if (m_closed || m_endRequested)
        return;
    m_endRequested = true;
    maybeShutdownWrite();
}

void TcpByteStream::maybeShutdownWrite() {
    if (!m_endRequested || m_writeShut || m_connecting || m_closed || !m_queue.empty())
        return;
    m_writeShut = true;
    ::shutdown(static_cast<int>(m_fd), kShutWrite);
    maybeFinish();
}

void TcpByteStream::maybeFinish() {
    if (m_closed || !m_writeShut || !m_readEnded)
        return;
    closeSocket();
    emit closed(QString());
}

void TcpByteStream::destroy(const QString& error) {
    if (m_closed)
        return;
    closeSocket();
    emit closed(error);
}

void TcpByteStream::fail(const QString& error) {
    destroy(error);
}

void TcpByteStream::closeSocket() {
    m_closed = true;
    m_readNotifier.reset();
    m_writeNotifier.reset();
    m_queue.clear();
    m_queuedBytes = 0;
    if (m_fd >= 0)
        closeFd(m_fd);
    m_fd = -1;
}

void TcpListener::incomingConnection(qintptr socketDescriptor) {
    emit streamAccepted(TcpByteStream::adopt(socketDescriptor, this));
}

}  // namespace pluresdb::transport::tcp
