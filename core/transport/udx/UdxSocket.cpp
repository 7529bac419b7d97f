#include "core/transport/udx/UdxSocket.h"

#include "core/transport/udx/UdxPacket.h"
#include "core/transport/udx/UdxStream.h"
#include "core/transport/udx/UdxStreamRegistry.h"
#include "core/transport/udx/UdxTuning.h"

#include <QDateTime>

#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cstring>

#ifdef __linux__
#include <netinet/in.h>
#include <netinet/udp.h>
#include <sys/socket.h>

#ifndef UDP_SEGMENT
#define UDP_SEGMENT 103
#endif
#ifndef UDP_GRO
#define UDP_GRO 104
#endif
#endif

namespace pluresdb::transport::udx {

namespace {

// Batch sizes: the send buffer holds one event-loop pass worth of packets (about 350 full ones);
// a receive call takes up to kRecvSlots datagrams, each up to 64 KiB when GRO coalesces a run.
constexpr std::size_t kSendBufferSize = 512 * 1024;
constexpr std::size_t kRecvSlots = 16;
constexpr std::size_t kRecvSlotSize = 65536;
constexpr int kMaxGsoSegments = 64;
constexpr std::size_t kMaxGsoBytes = 65000;
constexpr int kRecvBudget = 64;  // receive calls per readable event before yielding to timers
// We ask for more than libudx (§6.2: 1 MiB) so a burst at full window never overruns the kernel
// buffer; the kernel caps the request at net.core.rmem_max.
constexpr int kWantedReceiveBuffer = 32 * 1024 * 1024;
constexpr int kWantedSendBuffer = 4 * 1024 * 1024;

}  // namespace

UdxSocket::UdxSocket(QObject* parent) : QObject(parent) {
    m_flushTimer = new QTimer(this);
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(0);
    connect(m_flushTimer, &QTimer::timeout, this, &UdxSocket::flush);
}

UdxSocket::~UdxSocket() {
    close();
    const auto streams = m_streams;  // socketGone() detaches, which edits m_streams
    for (UdxStream* s : streams)
        s->socketGone(this);
}

Result<void> UdxSocket::bind(const QHostAddress& host, quint16 port) {
    if (m_fd != os::kNoSocket)
        return makeError(QStringLiteral("UDX socket already bound"));
    const UdxEndpoint local = UdxEndpoint::fromHost(host, port);
    if (!local.isValid())
        return makeError(QStringLiteral("cannot bind UDX socket: bad address %1").arg(host.toString()));
    const os::NativeSocket fd = os::openUdpSocket(local.addr.ss_family);
    if (fd == os::kNoSocket)
        return makeError(
            QStringLiteral("cannot create UDP socket: %1").arg(os::socketErrorText(os::lastSocketError())));
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&local.addr), local.length) != 0) {
        const int e = os::lastSocketError();
        os::closeSocket(fd);
        return makeError(
            QStringLiteral("cannot bind UDP %1: %2").arg(local.toString(), os::socketErrorText(e)));
    }
#ifdef SO_RCVBUFFORCE  // Linux: past rmem_max when we may (CAP_NET_ADMIN)
    if (!os::setIntOption(fd, SOL_SOCKET, SO_RCVBUFFORCE, kWantedReceiveBuffer))
#endif
        os::setIntOption(fd, SOL_SOCKET, SO_RCVBUF, kWantedReceiveBuffer);
#ifdef SO_SNDBUFFORCE
    if (!os::setIntOption(fd, SOL_SOCKET, SO_SNDBUFFORCE, kWantedSendBuffer))
#endif
        os::setIntOption(fd, SOL_SOCKET, SO_SNDBUF, kWantedSendBuffer);
#ifdef __linux__
    // §6.2: DF set, kernel PMTU cache ignored; our own probing finds the path MTU (§6.13).
    if (local.isIpv6())
        os::setIntOption(fd, IPPROTO_IPV6, IPV6_MTU_DISCOVER, IPV6_PMTUDISC_PROBE);
    else
        os::setIntOption(fd, IPPROTO_IP, IP_MTU_DISCOVER, IP_PMTUDISC_PROBE);
    m_gro = os::setIntOption(fd, IPPROTO_UDP, UDP_GRO, 1);
    m_gso = true;  // switched off on the first send that the kernel refuses with GSO
#endif
    if (local.isIpv6())
        os::setIntOption(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, kUdpTtl);
    else
        os::setIntOption(fd, IPPROTO_IP, IP_TTL, kUdpTtl);

    sockaddr_storage bound{};
    socklen_t len = sizeof bound;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &len);
    m_local = UdxEndpoint::fromSockaddr(reinterpret_cast<sockaddr*>(&bound), len);
    m_fd = fd;
    m_sendBuffer.resize(kSendBufferSize);
    m_recvBuffer.resize(m_gro ? kRecvSlots * kRecvSlotSize : kRecvSlots * kMaxDatagramSize * 4);
    m_readNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &UdxSocket::onReadable);
    m_writeNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &UdxSocket::onWritable);
    return {};
}

void UdxSocket::close() {
    if (m_fd == os::kNoSocket)
        return;
    flush();
    delete m_readNotifier;
    delete m_writeNotifier;
    m_readNotifier = m_writeNotifier = nullptr;
    os::closeSocket(m_fd);
    m_fd = os::kNoSocket;
    m_queue.clear();
    m_sendUsed = 0;
    m_queueSent = 0;
}

bool UdxSocket::sendDatagram(const QByteArray& datagram, const QHostAddress& host, quint16 port) {
    const UdxEndpoint to = UdxEndpoint::fromHost(host, port);
    if (m_fd == os::kNoSocket || !to.isValid() || std::size_t(datagram.size()) > kMaxDatagramSize)
        return false;
    uint8_t* p = reserve(to, std::size_t(datagram.size()));
    if (!p)
        return false;
    std::memcpy(p, datagram.constData(), std::size_t(datagram.size()));
    commit(std::size_t(datagram.size()));
    countNonUdxSent(std::size_t(datagram.size()));
    flush();
    return true;
}

void UdxSocket::countNonUdxSent(std::size_t size) {
    if (size <= 1) {
        m_nonUdx->probeBytesOut += size;
        ++m_nonUdx->probeDatagramsOut;
    } else {
        m_nonUdx->dhtBytesOut += size;
        ++m_nonUdx->dhtDatagramsOut;
    }
}

bool UdxSocket::sendDatagramWithTtl(const QByteArray& datagram, const QHostAddress& host, quint16 port,
                                    int ttl) {
    const UdxEndpoint to = UdxEndpoint::fromHost(host, port);
    if (m_fd == os::kNoSocket || !to.isValid() || std::size_t(datagram.size()) > kMaxDatagramSize ||
        ttl < 1 || ttl > 255)
        return false;
    flush();
    const int level = to.isIpv6() ? IPPROTO_IPV6 : IPPROTO_IP;
    const int option = to.isIpv6() ? IPV6_UNICAST_HOPS : IP_TTL;
    int previous = 64;
    if (!os::getIntOption(m_fd, level, option, &previous))
        previous = 64;
    if (!os::setIntOption(m_fd, level, option, ttl))
        return false;
    const qint64 sent = os::sendTo(m_fd, datagram.constData(), std::size_t(datagram.size()),
                                   reinterpret_cast<const sockaddr*>(&to.addr), to.length);
    os::setIntOption(m_fd, level, option, previous);
    if (sent < 0) {
        ++m_stats.sendErrors;
        return false;
    }
    ++m_stats.datagramsSent;
    ++m_stats.sendCalls;
    m_stats.bytesSent += quint64(sent);
    countNonUdxSent(std::size_t(sent));
    return true;
}

uint8_t* UdxSocket::reserve(const UdxEndpoint& to, std::size_t maxSize) {
    if (m_fd == os::kNoSocket)
        return nullptr;
    if (m_sendUsed + maxSize > m_sendBuffer.size()) {
        flush();
        // Still full: the kernel is refusing; the packet is dropped like on a congested link and
        // loss recovery resends it.
        if (m_sendUsed + maxSize > m_sendBuffer.size())
            return nullptr;
    }
    m_reservedOffset = m_sendUsed;
    m_reservedTo = to;
    return m_sendBuffer.data() + m_sendUsed;
}

void UdxSocket::commit(std::size_t size) {
    m_queue.push_back(Queued{m_reservedTo, m_reservedOffset, size});
    m_sendUsed = m_reservedOffset + size;
    scheduleFlush();
}

void UdxSocket::scheduleFlush() {
    if (!m_flushTimer->isActive() && !m_sendBlocked)
        m_flushTimer->start();
}

void UdxSocket::flush() {
    if (m_fd == os::kNoSocket || m_queueSent >= m_queue.size())
        return;
    if (sendQueued()) {
        m_queue.clear();
        m_queueSent = 0;
        m_sendUsed = 0;
        m_sendBlocked = false;
    } else {
        m_sendBlocked = true;
        m_writeNotifier->setEnabled(true);
    }
}

// Sends m_queue from m_queueSent on; false if the kernel buffer filled up before the end.
bool UdxSocket::sendQueued() {
#ifdef __linux__
    constexpr std::size_t kMaxMsgs = 64;
    mmsghdr msgs[kMaxMsgs];
    iovec iovs[kMaxMsgs];
    alignas(cmsghdr) char control[kMaxMsgs][CMSG_SPACE(sizeof(uint16_t))];
    std::size_t groupStart[kMaxMsgs + 1];
    while (m_queueSent < m_queue.size()) {
        // Group runs of equal-size datagrams to one destination, contiguous in the buffer, into one
        // GSO send; the last of a run may be shorter.
        std::size_t n = 0;
        std::size_t i = m_queueSent;
        while (i < m_queue.size() && n < kMaxMsgs) {
            const Queued& first = m_queue[i];
            std::size_t j = i + 1;
            std::size_t total = first.size;
            if (m_gso) {
                while (j < m_queue.size() && int(j - i) < kMaxGsoSegments && m_queue[j].to == first.to &&
                       m_queue[j].size <= first.size && m_queue[j].offset == first.offset + total &&
                       total + m_queue[j].size <= kMaxGsoBytes && m_queue[j - 1].size == first.size) {
                    total += m_queue[j].size;
                    ++j;
                }
            }
            std::memset(&msgs[n], 0, sizeof(mmsghdr));
            iovs[n].iov_base = m_sendBuffer.data() + first.offset;
            iovs[n].iov_len = total;
            msgs[n].msg_hdr.msg_name = const_cast<sockaddr_storage*>(&first.to.addr);
            msgs[n].msg_hdr.msg_namelen = first.to.length;
            msgs[n].msg_hdr.msg_iov = &iovs[n];
            msgs[n].msg_hdr.msg_iovlen = 1;
            if (j - i > 1) {
                msgs[n].msg_hdr.msg_control = control[n];
                msgs[n].msg_hdr.msg_controllen = sizeof control[n];
                cmsghdr* cm = CMSG_FIRSTHDR(&msgs[n].msg_hdr);
                cm->cmsg_level = SOL_UDP;
                cm->cmsg_type = UDP_SEGMENT;
                cm->cmsg_len = CMSG_LEN(sizeof(uint16_t));
                const uint16_t seg = uint16_t(first.size);
                std::memcpy(CMSG_DATA(cm), &seg, sizeof seg);
            }
            groupStart[n] = i;
            ++n;
            i = j;
        }
        groupStart[n] = i;
        const int sent = ::sendmmsg(m_fd, msgs, unsigned(n), MSG_DONTWAIT);
        ++m_stats.sendCalls;
        if (sent < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == ENOBUFS)
                return false;
            if (errno == EINTR)
                continue;
            if ((errno == EIO || errno == EINVAL) && m_gso && msgs[0].msg_hdr.msg_controllen) {
                m_gso = false;  // the route or device cannot segment: fall back to one datagram each
                continue;
            }
            // Anything else (unreachable, too big) concerns the first message only: drop it, as
            // the network would, and go on.
            ++m_stats.sendErrors;
            m_queueSent = groupStart[1];
            continue;
        }
        for (int k = 0; k < sent; ++k) {
            m_stats.datagramsSent += groupStart[k + 1] - groupStart[k];
            m_stats.bytesSent += iovs[k].iov_len;
        }
        m_queueSent = groupStart[sent];
    }
    return true;
#else
    while (m_queueSent < m_queue.size()) {
        const Queued& q = m_queue[m_queueSent];
        const qint64 r = os::sendTo(m_fd, m_sendBuffer.data() + q.offset, q.size,
                                    reinterpret_cast<const sockaddr*>(&q.to.addr), q.to.length);
        ++m_stats.sendCalls;
        if (r < 0 && os::sendWouldBlock(os::lastSocketError()))
            return false;
        if (r < 0)
            ++m_stats.sendErrors;  // unreachable, too big: dropped, as the network would
        else {
            ++m_stats.datagramsSent;
            m_stats.bytesSent += q.size;
        }
        ++m_queueSent;
    }
    return true;
#endif
}

void UdxSocket::onWritable() {
    m_writeNotifier->setEnabled(false);
    flush();
    if (!m_sendBlocked)
        emit writable();
}

void UdxSocket::onReadable() {
    if (m_fd == os::kNoSocket)
        return;
#ifdef __linux__
    const std::size_t slotSize = m_gro ? kRecvSlotSize : kMaxDatagramSize * 4;
    mmsghdr msgs[kRecvSlots];
    iovec iovs[kRecvSlots];
    sockaddr_storage from[kRecvSlots];
    alignas(cmsghdr) char control[kRecvSlots][CMSG_SPACE(sizeof(int))];
    for (int round = 0; round < kRecvBudget && m_fd != os::kNoSocket; ++round) {
        for (std::size_t k = 0; k < kRecvSlots; ++k) {
            std::memset(&msgs[k], 0, sizeof(mmsghdr));
            iovs[k].iov_base = m_recvBuffer.data() + k * slotSize;
            iovs[k].iov_len = slotSize;
            msgs[k].msg_hdr.msg_name = &from[k];
            msgs[k].msg_hdr.msg_namelen = sizeof from[k];
            msgs[k].msg_hdr.msg_iov = &iovs[k];
            msgs[k].msg_hdr.msg_iovlen = 1;
            msgs[k].msg_hdr.msg_control = control[k];
            msgs[k].msg_hdr.msg_controllen = sizeof control[k];
        }
        const int n = ::recvmmsg(m_fd, msgs, kRecvSlots, MSG_DONTWAIT, nullptr);
        ++m_stats.receiveCalls;
        if (n <= 0)
            break;
        for (int k = 0; k < n && m_fd != os::kNoSocket; ++k) {
            const auto* base = static_cast<const uint8_t*>(iovs[k].iov_base);
            std::size_t len = msgs[k].msg_len;
            if (msgs[k].msg_hdr.msg_flags & MSG_TRUNC)
                continue;  // longer than any peer may send
            std::size_t segment = len;
            for (cmsghdr* cm = CMSG_FIRSTHDR(&msgs[k].msg_hdr); cm; cm = CMSG_NXTHDR(&msgs[k].msg_hdr, cm)) {
                if (cm->cmsg_level == SOL_UDP && cm->cmsg_type == UDP_GRO) {
                    int seg = 0;
                    std::memcpy(&seg, CMSG_DATA(cm), sizeof seg);
                    if (seg > 0)
                        segment = std::size_t(seg);
                }
            }
            const UdxEndpoint source =
                UdxEndpoint::fromSockaddr(reinterpret_cast<sockaddr*>(&from[k]), msgs[k].msg_hdr.msg_namelen);
            for (std::size_t off = 0; off < len && m_fd != os::kNoSocket; off += segment)
                dispatch(base + off, std::min(segment, len - off), source);
        }
        if (std::size_t(n) < kRecvSlots)
            break;
    }
#else
    for (int round = 0; round < kRecvBudget * 16 && m_fd != os::kNoSocket; ++round) {
        sockaddr_storage from{};
        socklen_t fromLen = sizeof from;
        std::size_t size = 0;
        const os::ReceiveStatus r =
            os::receiveFrom(m_fd, m_recvBuffer.data(), kMaxDatagramSize, &size, &from, &fromLen);
        ++m_stats.receiveCalls;
        if (r == os::ReceiveStatus::NoneReady)
            break;
        if (r == os::ReceiveStatus::Datagram)
            dispatch(m_recvBuffer.data(), size,
                     UdxEndpoint::fromSockaddr(reinterpret_cast<sockaddr*>(&from), fromLen));
    }
#endif
    // One ACK and one delivery per stream per batch instead of one per packet.
    while (!m_touched.empty()) {
        UdxStream* s = m_touched.back();
        m_touched.pop_back();
        s->afterReceiveBatch();
    }
    flush();
}

void UdxSocket::dispatch(const uint8_t* data, std::size_t size, const UdxEndpoint& from) {
    ++m_stats.datagramsReceived;
    m_stats.bytesReceived += size;
    if (looksLikeUdx(data, size)) {
        UdxStream* stream = UdxStreamRegistry::instance().find(readLe32(data + 4));
        if (stream && stream->acceptsPackets()) {
            stream->receiveDatagram(this, from, data, size);
            return;
        }
        if (!m_tombstones.empty() && answerTombstone(data, size))
            return;
    } else if (size <= 1) {
        m_nonUdx->probeBytesIn += size;
        ++m_nonUdx->probeDatagramsIn;
    } else {
        m_nonUdx->dhtBytesIn += size;
        ++m_nonUdx->dhtDatagramsIn;
    }
    ++m_stats.nonUdxDatagrams;
    if (m_handler)
        m_handler(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)), from.host(), from.port());
}

void UdxSocket::addTombstone(quint32 localId, quint32 remoteId, const UdxEndpoint& remote, quint32 seq,
                             quint32 ack) {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_tombstones.size() > 4096) {  // prune expired ones now and then
        for (auto it = m_tombstones.begin(); it != m_tombstones.end();)
            it = it->second.expiresMs < now ? m_tombstones.erase(it) : std::next(it);
    }
    m_tombstones[localId] = Tombstone{remoteId, remote, seq, ack, now + tuning::kTombstoneLifetimeMs};
}

bool UdxSocket::answerTombstone(const uint8_t* data, std::size_t size) {
    const auto it = m_tombstones.find(readLe32(data + 4));
    if (it == m_tombstones.end())
        return false;
    const Tombstone& t = it->second;
    if (t.expiresMs < QDateTime::currentMSecsSinceEpoch()) {
        m_tombstones.erase(it);
        return false;
    }
    const auto p = decodeUdxPacket(data, size);
    // Only repeats of what we already acknowledged get the final ACK again.
    if (!p || !(p->header.type & (kTypeData | kTypeEnd)) || seqDiff(p->header.seq, t.ack) >= 0)
        return true;
    if (uint8_t* out = reserve(t.remote, kHeaderSize)) {
        encodeUdxHeader(out, UdxHeader{kTypeAck, 0, t.remoteId, kDefaultReceiveWindow, t.seq, t.ack});
        commit(kHeaderSize);
    }
    return true;
}

void UdxSocket::attachStream(UdxStream* stream) {
    if (std::find(m_streams.begin(), m_streams.end(), stream) == m_streams.end())
        m_streams.push_back(stream);
}

void UdxSocket::detachStream(UdxStream* stream) {
    m_streams.erase(std::remove(m_streams.begin(), m_streams.end(), stream), m_streams.end());
    m_touched.erase(std::remove(m_touched.begin(), m_touched.end(), stream), m_touched.end());
}

void UdxSocket::markTouched(UdxStream* stream) {
    m_touched.push_back(stream);
}

}  // namespace pluresdb::transport::udx
