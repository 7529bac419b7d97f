#include "core/transport/udx/UdxStream.h"

#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStreamRegistry.h"
#include "core/transport/udx/UdxTuning.h"

#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstring>

#ifdef __linux__
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace pluresdb::transport::udx {

namespace {

int64_t nowUs() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// §6.13: the search stops at 1500 or at the link MTU of the route to the peer if lower (Linux:
// IP_MTU of a temporary socket connected to the peer; connecting a UDP socket sends nothing).
// A ceiling at or below the base MTU turns probing off.
int pathMtuCeiling(const UdxEndpoint& remote) {
#ifdef __linux__
    const int fd = ::socket(remote.addr.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return kMaxMtu;
    int mtu = 0;
    socklen_t len = sizeof mtu;
    const bool ok = ::connect(fd, reinterpret_cast<const sockaddr*>(&remote.addr), remote.length) == 0 &&
                    (remote.isIpv6() ? ::getsockopt(fd, IPPROTO_IPV6, IPV6_MTU, &mtu, &len)
                                     : ::getsockopt(fd, IPPROTO_IP, IP_MTU, &mtu, &len)) == 0;
    ::close(fd);
    if (ok && mtu > 0)
        return std::min(mtu, kMaxMtu);
#endif
    return kMaxMtu;
}

// RFC 8985 "sent after": later timestamp, or the same timestamp and a later sequence number.
bool sentAfter(int64_t t1, uint32_t seq1, int64_t t2, uint32_t seq2) {
    return t1 > t2 || (t1 == t2 && seqDiff(seq1, seq2) > 0);
}

}  // namespace

UdxStream::UdxStream(QObject* parent) : ByteStream(parent) {
    m_localId = UdxStreamRegistry::instance().allocate(this);
    m_idValid = true;
    init();
}

UdxStream::UdxStream(quint32 id, bool claimed, QObject* parent)
    : ByteStream(parent), m_localId(id), m_idValid(claimed) {
    init();
}

Result<std::unique_ptr<UdxStream>> UdxStream::withId(quint32 id, QObject* parent) {
    std::unique_ptr<UdxStream> s(new UdxStream(id, false, parent));
    if (!UdxStreamRegistry::instance().claim(id, s.get()))
        return makeError(QStringLiteral("UDX stream id %1 is already in use in this process").arg(id));
    s->m_idValid = true;
    return s;
}

void UdxStream::init() {
    if (traceEnabled())
        m_trace.resize(1024);
    m_cwnd = tuning::kInitialCwnd;
    m_rtoUs = tuning::kInitialRtoUs;
    m_paceTokens = 25'000;  // §6.8: libudx's initial token count
    m_kick = new QTimer(this);
    m_kick->setSingleShot(true);
    m_kick->setInterval(0);
    connect(m_kick, &QTimer::timeout, this, &UdxStream::trySend);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &UdxStream::onTimer);
}

UdxStream::~UdxStream() {
    if (m_idValid)
        UdxStreamRegistry::instance().release(m_localId, this);
    if (m_socket)
        m_socket->detachStream(this);
}

Result<void> UdxStream::connectTo(UdxSocket* socket, quint32 remoteId, const QHostAddress& host,
                                  quint16 port) {
    const UdxEndpoint remote = UdxEndpoint::fromHost(host, port);
    if (!remote.isValid())
        return makeError(QStringLiteral("bad UDX remote address %1").arg(host.toString()));
    return connectTo(socket, remoteId, remote);
}

Result<void> UdxStream::connectTo(UdxSocket* socket, quint32 remoteId, const UdxEndpoint& remote) {
    if (m_closed)
        return makeError(QStringLiteral("UDX stream is closed"));
    if (m_socket)
        return makeError(QStringLiteral("UDX stream is already connected"));
    if (!socket || !socket->isBound())
        return makeError(QStringLiteral("UDX socket is not bound"));
    if (!remote.isValid())
        return makeError(QStringLiteral("bad UDX remote address"));
    m_socket = socket;
    m_remoteId = remoteId;
    m_remote = remote;
    m_maxMtu = pathMtuCeiling(remote);
    socket->attachStream(this);
    connect(socket, &UdxSocket::writable, this, &UdxStream::trySend);
    emit connected();
    scheduleSend();
    return {};
}

void UdxStream::acceptFirstPacket(UdxSocket* socket, quint32 remoteId) {
    m_firewall = [socket, remoteId](UdxStream& stream, UdxSocket& on, const UdxEndpoint& from) {
        if (&on != socket)
            return false;
        if (!stream.isConnected())
            return stream.connectTo(socket, remoteId, from).ok();
        return false;
    };
}

Result<void> UdxStream::changeRemote(UdxSocket* socket, quint32 remoteId, const UdxEndpoint& remote) {
    if (m_closed)
        return makeError(QStringLiteral("UDX stream is closed"));
    if (!m_socket)
        return connectTo(socket, remoteId, remote);
    if (!socket || !socket->isBound() || !remote.isValid())
        return makeError(QStringLiteral("bad UDX socket or address for the path change"));
    if (socket != m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->detachStream(this);
        m_socket = socket;
        socket->attachStream(this);
        connect(socket, &UdxSocket::writable, this, &UdxStream::trySend);
    }
    m_remoteId = remoteId;
    m_remote = remote;
    // §6.13: a new path restarts PMTU discovery at the base size.
    m_maxMtu = pathMtuCeiling(remote);
    m_mtu = kBaseMtu;
    m_mtuState = MtuState::Base;
    m_probeInFlight = false;
    m_probeFailures = 0;
    scheduleSend();
    return {};
}

int UdxStream::overhead() const {
    return m_remote.isIpv6() ? kIpv6Overhead : kIpv4Overhead;
}

int UdxStream::maxMessageSize() const {
    return maxPayload();
}

bool UdxStream::holdingEndAck() {
    // See m_holdingEndAck: while our END (or data before it) is unacknowledged, neither the ACK
    // field nor a SACK block covers the peer's END packet, for at most kMaxEndAckHoldUs.
    if (!m_holdingEndAck || !m_remoteEndSeen)
        return false;
    if (m_endAcked || !m_endRequested || nowUs() - m_remoteEndSeenUs > tuning::kMaxEndAckHoldUs) {
        m_holdingEndAck = false;
        return false;
    }
    return true;
}

uint32_t UdxStream::advertisedAck() {
    return m_remoteEnded && holdingEndAck() ? m_remoteEndSeq : uint32_t(m_rcvNxt);
}

uint32_t UdxStream::receiveWindow() const {
    // §6.9: the window shrinks by what we hold; delivered bytes go straight to the reader.
    const int64_t w = int64_t(kDefaultReceiveWindow) - m_oooBytes;
    return uint32_t(std::max<int64_t>(0, w));
}

bool UdxStream::sendMessage(const QByteArray& datagram) {
    if (m_closed || !m_socket || datagram.size() > maxMessageSize())
        return false;
    uint8_t* out = m_socket->reserve(m_remote, kHeaderSize + std::size_t(datagram.size()));
    if (!out)
        return false;
    encodeUdxHeader(out, UdxHeader{kTypeMessage, 0, m_remoteId, receiveWindow(), m_sndNxt, advertisedAck()});
    std::memcpy(out + kHeaderSize, datagram.constData(), std::size_t(datagram.size()));
    m_socket->commit(kHeaderSize + std::size_t(datagram.size()));
    return true;
}

void UdxStream::setKeepAlive(int ms) {
    m_keepAliveUs = int64_t(std::max(0, ms)) * 1000;
    m_keepAliveDeadline = m_keepAliveUs ? nowUs() + m_keepAliveUs : 0;
    armTimer();
}

bool UdxStream::write(const QByteArray& bytes) {
    if (m_closed || m_endRequested)
        return false;
    if (bytes.isEmpty())
        return true;
    m_writes.push_back(bytes);
    m_queuedBytes += bytes.size();
    scheduleSend();
    return true;
}

void UdxStream::end() {
    if (m_closed || m_endRequested)
        return;
    m_endRequested = true;
    scheduleSend();
}

void UdxStream::destroy(const QString& error) {
    closeWith(error, true);
}

UdxStreamStats UdxStream::stats() const {
    UdxStreamStats s = m_stats;
    s.mtu = m_mtu;
    s.cwnd = m_cwnd;
    s.srttUs = m_srttUs;
    return s;
}

// ---- receive ------------------------------------------------------------------------------

void UdxStream::receiveDatagram(UdxSocket* socket, const UdxEndpoint& from, const uint8_t* data,
                                std::size_t size) {
    const auto packet = decodeUdxPacket(data, size);
    if (!packet) {
        ++m_stats.invalidPackets;
        return;
    }
    if (socket != m_socket) {
        // §6.7 step 1: unbound, or arriving on another socket: the firewall decides.
        if (!m_firewall || !m_firewall(*this, *socket, from))
            return;
        if (m_closed || socket != m_socket)
            return;
    }
    if (m_relaying) {
        relayPacket(data, size, packet->header.type);
        return;
    }
    ++m_stats.packetsReceived;
    if (!m_touched) {
        m_touched = true;
        socket->markTouched(this);
    }
    processPacket(*packet);
}

void UdxStream::relayTo(UdxStream* destination) {
    m_relayTo = destination;
    m_relaying = destination != nullptr;
}

void UdxStream::relayPacket(const uint8_t* data, std::size_t size, uint8_t type) {
    ++m_stats.packetsReceived;
    UdxStream* to = m_relayTo.data();
    if (!to || to->m_closed || !to->m_socket)
        return;  // the other end has not sent its first packet yet (or is gone): UDX resends
    if (uint8_t* out = to->m_socket->reserve(to->m_remote, size)) {
        std::memcpy(out, data, size);
        writeLe32(out + 4, to->m_remoteId);
        to->m_socket->commit(size);
    }
    if (type & kTypeDestroy) {
        QPointer<UdxStream> self(this);
        QPointer<UdxStream> other(to);
        to->m_socket->flush();
        if (other)
            other->closeWith({}, false);
        if (self)
            closeWith({}, false);
    }
}

void UdxStream::processPacket(const UdxPacketView& p) {
    const UdxHeader& h = p.header;
    if (!m_trace.empty())
        trace('r', h.type, h.seq, h.ack, uint32_t(p.sackCount));
    if (h.type & kTypeHeartbeat) {  // §6.7 step 3: answer with an ACK, process nothing else
        m_ackPending = true;
        return;
    }
    const int32_t d = seqDiff(h.seq, uint32_t(m_rcvNxt));
    if (d >= 0) {
        if (h.type & (kTypeData | kTypeEnd)) {
            m_ackPending = true;
            if (d == 0 && (h.type & kTypeData) && !(h.type & kTypeEnd) && !m_remoteEnded) {
                deliver(p.payload, p.payloadSize);
                ++m_rcvNxt;
            } else if (uint32_t(d) < tuning::kMaxReorderDistance &&
                       m_oooBytes + int64_t(p.payloadSize) <= tuning::kMaxReorderBytes && !m_remoteEnded) {
                const uint64_t key = m_rcvNxt + uint64_t(d);
                if (m_ooo.find(key) == m_ooo.end()) {
                    InPacket in;
                    in.type = h.type;
                    if (h.type & kTypeData)
                        in.payload =
                            QByteArray(reinterpret_cast<const char*>(p.payload), qsizetype(p.payloadSize));
                    m_oooBytes += in.payload.size();
                    m_ooo.emplace(key, std::move(in));
                }
            }
            if ((h.type & kTypeEnd) && !m_remoteEndSeen) {
                m_remoteEndSeen = true;
                m_remoteEndSeenUs = nowUs();
                m_remoteEndSeq = h.seq;
            }
        }
        if (h.type & kTypeDestroy) {
            closeWith(QStringLiteral("ECONNRESET: the peer destroyed the UDX stream"), false);
            return;
        }
    } else if (h.type & (kTypeData | kTypeEnd)) {
        m_ackPending = true;  // a duplicate: not delivered again, but acknowledged (§6.7)
    }
    if (h.type & kTypeMessage) {
        emit messageReceived(QByteArray(reinterpret_cast<const char*>(p.payload), qsizetype(p.payloadSize)));
        if (m_closed)
            return;
    }
    // §6.7 step 7: drain the reorder buffer.
    while (!m_ooo.empty() && m_ooo.begin()->first == m_rcvNxt) {
        auto node = m_ooo.extract(m_ooo.begin());
        InPacket& in = node.mapped();
        m_oooBytes -= in.payload.size();
        if (in.type & kTypeData)
            deliver(reinterpret_cast<const uint8_t*>(in.payload.constData()), std::size_t(in.payload.size()));
        ++m_rcvNxt;
        if (in.type & kTypeEnd) {
            m_remoteEnded = true;
            m_oooBytes = 0;
            m_ooo.clear();
        }
    }
    if (seqDiff(h.ack, m_sndNxt) > 0)
        return;  // acknowledges what we never sent (step 8)
    if (m_holdingEndAck && m_endSentAfterAllAcked && h.ack == m_endSeq && m_sndUna == m_endSeq &&
        !(h.type & (kTypeData | kTypeEnd | kTypeSack | kTypeMessage))) {
        // A bare ACK that leaves our END unacknowledged although everything before the END had been
        // acknowledged when we last sent it: the answer to that END from a peer that holds back our
        // END's ACK for the same reason we hold back its END's (an UdxStream). libudx never does; it
        // acknowledges an END at once. Stop holding, so that both can close.
        ++m_endHoldAnswers;
        m_holdingEndAck = false;
        m_ackPending = true;
        if (!m_trace.empty())
            trace('H', 0, m_endSeq, uint32_t(m_rcvNxt), uint32_t(m_endHoldAnswers));
    }
    // Step 9: RFC 793 window update.
    if (seqDiff(h.ack, m_sndUna) >= 0 &&
        (seqDiff(m_wl1, h.seq) < 0 || (m_wl1 == h.seq && seqDiff(m_wl2, h.ack) <= 0))) {
        m_sendRwnd = h.rwnd;
        m_wl1 = h.seq;
        m_wl2 = h.ack;
        if (m_sendRwnd > 0)
            m_persistDeadline = 0;
    }
    processAck(h.ack, p, nowUs());
}

void UdxStream::deliver(const uint8_t* data, std::size_t size) {
    if (size == 0)
        return;
    m_delivered.append(reinterpret_cast<const char*>(data), qsizetype(size));
    m_stats.bytesReceived += size;
}

void UdxStream::flushDelivered() {
    if (m_delivered.isEmpty())
        return;
    QByteArray out;
    out.swap(m_delivered);
    emit dataReceived(out);
}

void UdxStream::afterReceiveBatch() {
    m_touched = false;
    if (m_closed)
        return;
    if (m_ackPending && m_socket)
        sendAck();
    flushDelivered();
    if (m_closed)
        return;
    if (m_remoteEnded && !m_remoteEndedSignalled) {
        m_remoteEndedSignalled = true;
        emit remoteEnded();
        if (m_closed)
            return;
    }
    checkClosed();
    if (!m_closed)
        trySend();
}

void UdxStream::sendAck() {
    m_ackPending = false;
    // §6.6: runs of buffered packets beyond the cumulative ack, at most 50 blocks.
    // A held-back END (m_holdingEndAck) is left out: libudx takes a SACK of its END as the ACK.
    const bool holdEnd = holdingEndAck();
    SackBlock blocks[kMaxSackBlocks];
    std::size_t n = 0;
    for (auto it = m_ooo.begin(); it != m_ooo.end() && n <= kMaxSackBlocks;) {
        const uint64_t start = it->first;
        uint64_t end = start + 1;
        for (++it; it != m_ooo.end() && it->first == end; ++it)
            ++end;
        if (holdEnd && uint32_t(end - 1) == m_remoteEndSeq)
            --end;
        if (n == kMaxSackBlocks)
            break;
        if (end > start)
            blocks[n++] = SackBlock{uint32_t(start), uint32_t(end)};
    }
    const std::size_t size = kHeaderSize + n * kSackBlockSize;
    uint8_t* out = m_socket->reserve(m_remote, size);
    if (!out)
        return;
    const uint32_t ack = advertisedAck();
    encodeUdxHeader(out, UdxHeader{n ? kTypeSack : kTypeAck, 0, m_remoteId, receiveWindow(), m_sndNxt, ack});
    encodeSackBlocks(out + kHeaderSize, blocks, n);
    m_socket->commit(size);
    ++m_stats.acksSent;
    if (!m_trace.empty())
        trace('a', n ? kTypeSack : kTypeAck, m_sndNxt, ack, uint32_t(n));
}

void UdxStream::sendControl(uint8_t type) {
    if (!m_socket)
        return;
    if (m_keepAliveUs)
        m_keepAliveDeadline = nowUs() + m_keepAliveUs;
    uint8_t* out = m_socket->reserve(m_remote, kHeaderSize);
    if (!out)
        return;
    encodeUdxHeader(out, UdxHeader{type, 0, m_remoteId, receiveWindow(), m_sndNxt, advertisedAck()});
    m_socket->commit(kHeaderSize);
}

// ---- acknowledgements, RTT, loss ------------------------------------------------------------

void UdxStream::processAck(uint32_t ack, const UdxPacketView& p, int64_t now) {
    int delivered = 0;
    int64_t newestCleanSend = -1;  // for the RTT sample (Karn: never-retransmitted packets only)
    const int32_t n = std::min<int32_t>(seqDiff(ack, m_sndUna), int32_t(m_inflight.size()));
    bool progressed = false;
    for (int32_t i = 0; i < n; ++i) {
        OutPacket& pkt = m_inflight.front();
        if (!pkt.sacked) {
            onDelivered(pkt, now, newestCleanSend);
            ++delivered;
            if (m_probeInFlight && m_sndUna == m_probeSeq) {
                m_probeInFlight = false;
                m_mtu = m_probeSize;
                m_probeFailures = 0;
                if (m_mtu >= m_maxMtu)
                    m_mtuState = MtuState::Done;
                else
                    m_probeSize = std::min(m_mtu + kMtuStep, m_maxMtu);
            }
        }
        if (pkt.inPipe)
            --m_pipe;
        m_inflight.pop_front();
        ++m_sndUna;
        progressed = true;
    }
    if (progressed) {
        if (m_endQueued && seqDiff(m_sndUna, m_endSeq) > 0 && !m_endAcked) {
            m_endAcked = true;
            if (m_holdingEndAck) {  // now the peer may learn that its END arrived
                m_holdingEndAck = false;
                m_ackPending = true;
                if (!m_trace.empty())
                    trace('H', 0, m_endSeq, uint32_t(m_rcvNxt), 0);
            }
        }
        if (m_mtuState == MtuState::Base) {  // §6.13: the first acknowledgement starts the search
            m_mtuState = m_maxMtu > m_mtu ? MtuState::Search : MtuState::Done;
            m_probeSize = std::min(m_mtu + kMtuStep, m_maxMtu);
        }
    }
    if ((p.header.type & kTypeSack) && p.sackCount) {
        const std::size_t count = std::min<std::size_t>(p.sackCount, 2 * kMaxSackBlocks);
        for (std::size_t b = 0; b < count; ++b) {
            const SackBlock blk = p.sackBlock(b);
            // §6.6 validation (snd_una ≤ start < end ≤ snd_nxt); invalid blocks are ignored. Offsets
            // from snd_una, not pairwise wrap-around comparisons, which are not transitive across
            // 2^31 and once let a hostile block index past the window (found by fuzz_udx_stream).
            const uint32_t startOff = blk.start - m_sndUna;
            const uint32_t endOff = blk.end - m_sndUna;
            if (startOff >= endOff || endOff > m_inflight.size())
                continue;
            for (uint32_t s = blk.start; s != blk.end; ++s) {
                OutPacket& pkt = m_inflight[std::size_t(uint32_t(s - m_sndUna))];
                if (pkt.sacked)
                    continue;
                pkt.sacked = true;
                pkt.lost = false;  // a stale retransmit-queue entry is skipped later
                if (pkt.inPipe) {
                    pkt.inPipe = false;
                    --m_pipe;
                }
                onDelivered(pkt, now, newestCleanSend);
                if (m_probeInFlight && s == m_probeSeq) {  // a SACKed probe confirms the size too
                    m_probeInFlight = false;
                    m_mtu = m_probeSize;
                    if (m_mtu >= m_maxMtu)
                        m_mtuState = MtuState::Done;
                    else
                        m_probeSize = std::min(m_mtu + kMtuStep, m_maxMtu);
                }
                ++delivered;
                if (!m_haveSacked || seqDiff(s, m_highestSacked) > 0)
                    m_highestSacked = s;
                m_haveSacked = true;
            }
        }
    }
    if (m_haveSacked && seqDiff(m_highestSacked, m_sndUna) < 0)
        m_haveSacked = false;
    if (newestCleanSend >= 0)
        updateRtt(now - newestCleanSend);
    if (delivered > 0) {
        m_tlpOutstanding = false;
        m_tlpDeadline = 0;
    }
    if (progressed) {
        m_rtoBackoff = 0;
        m_rtoDeadline = m_inflight.empty() ? 0 : now + std::min(m_rtoUs, tuning::kMaxRtoUs);
        if (m_inRecovery && seqDiff(m_sndUna, m_recoveryPoint) >= 0)
            m_inRecovery = false;
    }
    if (delivered > 0 && !m_inRecovery) {
        if (m_cwnd < m_ssthresh)
            m_cwnd += delivered;
        else
            m_cwnd += double(delivered) / m_cwnd;
        // Growing past what the peer's window allows only builds a burst for later.
        const double cap = 2.0 * double(m_sendRwnd) / double(std::max(1, maxPayload())) + 64;
        m_cwnd = std::min(m_cwnd, cap);
    }
    detectLosses(now);
    if (m_inflight.empty()) {
        m_rtoDeadline = m_tlpDeadline = m_reorderDeadline = 0;
        m_haveSacked = false;
    }
}

void UdxStream::onDelivered(OutPacket& pkt, int64_t now, int64_t& newestCleanSend) {
    if (pkt.transmits == 1 && pkt.sentUs > newestCleanSend)
        newestCleanSend = pkt.sentUs;
    // RACK (RFC 8985 §6.2): remember the most recently sent delivered packet, skipping ACKs that
    // may belong to an earlier transmission of a retransmitted packet.
    if (pkt.transmits > 1 && now - pkt.sentUs < m_minRttUs) {
        onSpuriousRetransmit(now);
        return;
    }
    if (pkt.sentUs >= m_rackXmitUs) {
        m_rackXmitUs = pkt.sentUs;
        m_rackRttUs = now - pkt.sentUs;
    }
}

void UdxStream::updateRtt(int64_t sample) {
    sample = std::max<int64_t>(sample, 1);
    if (m_srttUs == 0) {
        m_srttUs = sample;
        m_rttvarUs = sample / 2;
    } else {
        m_rttvarUs = (3 * m_rttvarUs + std::abs(m_srttUs - sample)) / 4;
        m_srttUs = (7 * m_srttUs + sample) / 8;
    }
    m_minRttUs = m_minRttUs == 0 ? sample : std::min(m_minRttUs, sample);
    m_rtoUs = std::clamp(m_srttUs + 4 * m_rttvarUs, tuning::kMinRtoUs, tuning::kMaxRtoUs);
}

void UdxStream::detectLosses(int64_t now) {
    m_reorderDeadline = 0;
    if (!m_haveSacked || m_rackXmitUs == 0)
        return;
    const int64_t reoWnd = reorderWindow();
    const uint32_t limit = uint32_t(m_highestSacked - m_sndUna);
    bool lostAny = false;
    int64_t earliest = 0;
    for (uint32_t i = 0; i < limit && i < m_inflight.size(); ++i) {
        OutPacket& pkt = m_inflight[i];
        if (pkt.sacked || pkt.lost)
            continue;
        const uint32_t seq = m_sndUna + i;
        if (sentAfter(pkt.sentUs, seq, m_rackXmitUs, m_highestSacked))
            continue;
        const int64_t deadline = pkt.sentUs + m_rackRttUs + reoWnd;
        if (now >= deadline) {
            markLost(seq, pkt);
            ++m_stats.fastRetransmits;
            lostAny = true;
        } else if (earliest == 0 || deadline < earliest) {
            earliest = deadline;
        }
    }
    if (lostAny)
        enterRecovery();
    m_reorderDeadline = earliest;
}

// An ACK sooner than any round trip after a retransmission answers the original: the packet was
// reordered, not lost. Like RFC 8985 with DSACK, widen the reordering window, and undo the
// congestion response of this recovery episode (the loss that triggered it was not real).
void UdxStream::onSpuriousRetransmit(int64_t now) {
    ++m_stats.spuriousRetransmits;
    if (now - m_reoWndBumpedUs > m_srttUs && m_reoWndMult < tuning::kMaxReorderWindowMult) {
        ++m_reoWndMult;
        m_reoWndBumpedUs = now;
    }
    if (m_inRecovery && m_undoCwnd > m_cwnd) {
        m_cwnd = m_undoCwnd;
        m_ssthresh = m_undoSsthresh;
    }
}

int64_t UdxStream::reorderWindow() const {
    const int64_t w = std::max(m_minRttUs / 4 * m_reoWndMult, tuning::kMinReorderWindowUs);
    return std::min(w, std::max(m_srttUs, tuning::kMinReorderWindowUs));
}

void UdxStream::markLost(uint32_t seq, OutPacket& pkt) {
    pkt.lost = true;
    if (!m_trace.empty())
        trace('L', pkt.type, seq, 0, pkt.transmits);
    if (pkt.inPipe) {
        pkt.inPipe = false;
        --m_pipe;
    }
    m_retransmit.push_back(seq);
    if (m_probeInFlight && seq == m_probeSeq) {  // §6.13: a lost probe is resent without padding
        m_probeInFlight = false;
        pkt.padding = 0;
        if (++m_probeFailures >= kMtuProbeMaxFailures)
            m_mtuState = MtuState::Done;
        return;  // a too-big probe says nothing about congestion
    }
}

void UdxStream::enterRecovery() {
    if (m_inRecovery)
        return;
    m_inRecovery = true;
    m_recoveryPoint = m_sndNxt;
    m_undoCwnd = m_cwnd;
    m_undoSsthresh = m_ssthresh;
    // Loss while the RTT shows no standing queue is most likely random (radio, a lossy hop), not
    // congestion: back off gently then, fully when the queue has grown.
    const bool queueBuilt =
        m_minRttUs > 0 && m_srttUs > m_minRttUs + std::max(m_minRttUs / 4, tuning::kQueueDelayThresholdUs);
    m_ssthresh =
        std::max(m_cwnd * (queueBuilt ? tuning::kLossBeta : tuning::kRandomLossBeta), tuning::kMinCwnd);
    m_cwnd = m_ssthresh;
}

int64_t UdxStream::backedOffRto() const {
    const int64_t doubled = m_rtoUs << std::min(m_rtoBackoff, 16);
    return std::min(doubled, std::max(m_rtoUs, tuning::kMaxBackedOffRtoUs));
}

void UdxStream::onRto(int64_t now) {
    m_rtoDeadline = 0;
    if (m_inflight.empty())
        return;
    OutPacket& oldest = m_inflight.front();
    if (oldest.rtoCount >= tuning::kMaxRtoTimeouts) {
        if (m_inflight.size() == 1 && (oldest.type & kTypeEnd) && oldest.length == 0 && m_remoteEnded) {
            // All our data is acknowledged and the peer's END delivered; only our empty END is not.
            // A libudx peer closes right after acknowledging it and then ignores the stream, so a
            // lost last ACK looks like this. Nothing is lost either way: a clean close.
            ++m_stats.endsUnconfirmed;
            m_endAcked = true;
            closeWith(QString(), false);
            return;
        }
        closeWith(QStringLiteral("ETIMEDOUT: the UDX peer stopped acknowledging"), false);
        return;
    }
    ++m_stats.rtoCount;
    if (!m_trace.empty())
        trace('R', oldest.type, m_sndUna, oldest.rtoCount, uint32_t(m_inflight.size()));
    // §6.10: the oldest unacknowledged packet and every packet past its RACK deadline are lost.
    const int64_t reoWnd = reorderWindow();
    ++oldest.rtoCount;
    for (std::size_t i = 0; i < m_inflight.size(); ++i) {
        OutPacket& pkt = m_inflight[i];
        if (pkt.sacked || pkt.lost)
            continue;
        const bool overdue = now >= pkt.sentUs + std::max(m_rackRttUs + reoWnd, m_rtoUs);
        if (i == 0 || overdue) {
            if (i > 0 && pkt.rtoCount < 255)
                ++pkt.rtoCount;
            markLost(m_sndUna + uint32_t(i), pkt);
        }
    }
    m_ssthresh = std::max(m_cwnd * tuning::kLossBeta, tuning::kMinCwnd);
    m_cwnd = tuning::kMinCwnd;
    m_inRecovery = true;
    m_recoveryPoint = m_sndNxt;
    m_tlpOutstanding = false;
    m_tlpDeadline = 0;
    ++m_rtoBackoff;
    m_rtoDeadline = now + backedOffRto();
}

void UdxStream::onTailLossProbe(int64_t now) {
    m_tlpDeadline = 0;
    if (m_inflight.empty() || m_tlpOutstanding || m_closed)
        return;
    m_tlpOutstanding = true;
    ++m_stats.tailLossProbes;
    if (!m_trace.empty())
        trace('P', 0, m_sndNxt, m_sndUna, uint32_t(m_inflight.size()));
    // RFC 8985 §7.3: send new data if there is any, else repeat the newest packet.
    if (sendNewPacket(now, true))
        return;
    for (std::size_t i = m_inflight.size(); i-- > 0;) {
        OutPacket& pkt = m_inflight[i];
        if (pkt.sacked)
            continue;
        if (pkt.lost)
            return;  // already queued
        pkt.padding = 0;
        transmit(m_sndUna + uint32_t(i), pkt, now);
        return;
    }
}

// ---- sending --------------------------------------------------------------------------------

void UdxStream::scheduleSend() {
    if (!m_kick->isActive())
        m_kick->start();
}

bool UdxStream::paceAllows(int64_t now, int bytes) {
    if (m_srttUs == 0) {  // no rate estimate yet: spend the initial tokens only
        if (m_paceTokens > 0 || m_inflight.empty()) {
            m_paceTokens -= bytes;
            return true;
        }
        return m_cwnd > m_pipe;
    }
    const double gain = m_cwnd < m_ssthresh ? tuning::kSlowStartPacingGain : tuning::kPacingGain;
    const double rate = gain * m_cwnd * double(m_mtu) / double(m_srttUs);  // bytes per µs
    const double burst =
        std::max(rate * double(tuning::kPacingBurstUs), double(tuning::kMinPacingBurstPackets * m_mtu));
    if (now > m_paceRefillUs) {
        m_paceTokens = std::min(m_paceTokens + double(now - m_paceRefillUs) * rate, burst);
        m_paceRefillUs = now;
    }
    if (m_paceTokens > 0) {
        m_paceTokens -= bytes;
        return true;
    }
    m_paceDeadline = now + int64_t((-m_paceTokens + bytes) / rate) + 1;
    return false;
}

void UdxStream::trySend() {
    if (m_closed || !m_socket || m_socket->isSendBlocked())
        return;
    const int64_t now = nowUs();
    const quint64 sentBefore = m_stats.packetsSent;
    while (!m_retransmit.empty()) {
        const uint32_t seq = m_retransmit.front();
        const int32_t idx = seqDiff(seq, m_sndUna);
        if (idx < 0 || std::size_t(idx) >= m_inflight.size() || !m_inflight[std::size_t(idx)].lost) {
            m_retransmit.pop_front();
            continue;
        }
        OutPacket& pkt = m_inflight[std::size_t(idx)];
        if (m_pipe >= int(m_cwnd) || !paceAllows(now, pkt.length + overhead()))
            break;
        m_retransmit.pop_front();
        pkt.lost = false;
        pkt.padding = 0;
        transmit(seq, pkt, now);
    }
    bool sent = m_stats.packetsSent != sentBefore;
    while (m_retransmit.empty() && (m_queuedBytes > 0 || (m_endRequested && !m_endQueued))) {
        if (m_pipe >= int(m_cwnd) || !paceAllows(now, maxPayload() + overhead()))
            break;
        if (!sendNewPacket(now, false))
            break;
        sent = true;
    }
    // Unlike libudx (TLP only in the open state) we also probe during recovery: a lost
    // retransmission at the tail is then found by RACK within a PTO instead of an RTO.
    if (sent && !m_tlpOutstanding) {
        const int64_t pto = m_srttUs ? std::max(2 * m_srttUs, tuning::kMinPtoUs) : tuning::kInitialRtoUs;
        m_tlpDeadline = now + pto;
        if (m_rtoDeadline && m_tlpDeadline >= m_rtoDeadline)
            m_tlpDeadline = 0;
    }
    armTimer();
    if (m_queuedBytes == 0 && !m_writes.empty())
        m_writes.clear();
}

bool UdxStream::sendNewPacket(int64_t now, bool ignoreCwnd) {
    if (m_queuedBytes == 0 && !(m_endRequested && !m_endQueued))
        return false;
    if (!ignoreCwnd && m_pipe >= int(m_cwnd))
        return false;
    // Once we have acknowledged the peer's END (no longer holding it, m_holdingEndAck), a libudx
    // peer closes as soon as it acknowledges our END. Our END then goes alone, after all our data is
    // acknowledged, so that if that last ACK is lost nothing but the END is unconfirmed (onRto).
    const bool endAlone = m_remoteEnded && !holdingEndAck();
    if (m_queuedBytes == 0 && endAlone && !m_inflight.empty())
        return false;
    const int mp = maxPayload();
    // §6.8 send gate: packets in flight stay under the peer's window (in packets).
    const qint64 rwndPackets = m_sendRwnd == 0 ? 0 : std::max<qint64>(1, qint64(m_sendRwnd) / mp);
    if (qint64(m_inflight.size()) >= rwndPackets) {
        if (m_sendRwnd == 0 && m_persistDeadline == 0) {  // §6.9 zero-window probe
            sendControl(kTypeHeartbeat);
            m_persistDeadline = now + m_rtoUs;
        }
        return false;
    }
    OutPacket pkt;
    const int take = int(std::min<qint64>(m_queuedBytes, mp));
    if (take > 0) {
        QByteArray& front = m_writes.front();
        if (front.size() - m_writeOffset >= take) {
            pkt.data = front;  // shared, no copy
            pkt.offset = int(m_writeOffset);
            m_writeOffset += take;
            if (m_writeOffset == front.size()) {
                m_writes.pop_front();
                m_writeOffset = 0;
            }
        } else {
            pkt.data.reserve(take);
            while (pkt.data.size() < take) {
                QByteArray& w = m_writes.front();
                const qsizetype n = std::min<qsizetype>(take - pkt.data.size(), w.size() - m_writeOffset);
                pkt.data.append(w.constData() + m_writeOffset, n);
                m_writeOffset += n;
                if (m_writeOffset == w.size()) {
                    m_writes.pop_front();
                    m_writeOffset = 0;
                }
            }
        }
        pkt.length = take;
        pkt.type = kTypeData;
        m_queuedBytes -= take;
        m_stats.bytesSent += quint64(take);
    }
    if (m_endRequested && m_queuedBytes == 0 &&
        !(endAlone && take > 0)) {  // §6.8: the last packet carries END
        pkt.type |= kTypeEnd;
        m_endQueued = true;
        m_endSeq = m_sndNxt;
    }
    // §6.13: pad a full packet up to the probe size.
    if (m_mtuState == MtuState::Search && !m_probeInFlight && !ignoreCwnd && take == mp) {
        const int pad = m_probeSize - m_mtu;
        if (pad > 0 && pad <= kMaxPadding && kHeaderSize + std::size_t(pad + take) <= kMaxDatagramSize) {
            pkt.padding = uint8_t(pad);
            m_probeInFlight = true;
            m_probeSeq = m_sndNxt;
        }
    }
    const uint32_t seq = m_sndNxt++;
    m_inflight.push_back(std::move(pkt));
    transmit(seq, m_inflight.back(), now);
    if (m_queuedBytes == 0 && take > 0)
        emit drained();
    return true;
}

void UdxStream::transmit(uint32_t seq, OutPacket& pkt, int64_t now) {
    const std::size_t size = kHeaderSize + pkt.padding + std::size_t(pkt.length);
    if (uint8_t* out = m_socket->reserve(m_remote, size)) {
        encodeUdxHeader(out,
                        UdxHeader{pkt.type, pkt.padding, m_remoteId, receiveWindow(), seq, advertisedAck()});
        if (pkt.padding)
            std::memset(out + kHeaderSize, 0, pkt.padding);
        if (pkt.length)
            std::memcpy(out + kHeaderSize + pkt.padding, pkt.data.constData() + pkt.offset,
                        std::size_t(pkt.length));
        m_socket->commit(size);
    }
    if (m_keepAliveUs)
        m_keepAliveDeadline = now + m_keepAliveUs;
    if (m_endQueued && seq == m_endSeq)
        m_endSentAfterAllAcked = m_sndUna == m_endSeq;
    if (!m_trace.empty() && (pkt.transmits > 0 || (pkt.type & kTypeEnd)))
        trace('t', pkt.type, seq, advertisedAck(), pkt.transmits + 1u);
    // A packet the full kernel buffer refused counts as sent: loss recovery resends it.
    if (pkt.transmits > 0)
        ++m_stats.packetsRetransmitted;
    if (pkt.transmits < 255)
        ++pkt.transmits;
    ++m_stats.packetsSent;
    pkt.sentUs = now;
    if (!pkt.inPipe) {  // a tail loss probe may repeat a packet that is still counted
        pkt.inPipe = true;
        ++m_pipe;
    }
    if (m_rtoDeadline == 0)
        m_rtoDeadline = now + backedOffRto();
}

// ---- timers and lifecycle -------------------------------------------------------------------

void UdxStream::armTimer() {
    if (m_closed)
        return;
    int64_t earliest = 0;
    for (int64_t d : {m_rtoDeadline, m_tlpDeadline, m_reorderDeadline, m_paceDeadline, m_persistDeadline,
                      m_keepAliveDeadline})
        if (d && (earliest == 0 || d < earliest))
            earliest = d;
    if (earliest == 0) {
        m_timer->stop();
        return;
    }
    // The timer may fire early (deadlines only move later on ACKs); onTimer() re-arms.
    if (m_timer->isActive() && m_timerArmedAt <= earliest)
        return;
    const int64_t now = nowUs();
    const int ms = earliest <= now ? 0 : int((earliest - now + 999) / 1000);
    m_timerArmedAt = now + int64_t(ms) * 1000;
    m_timer->start(ms);
}

void UdxStream::onTimer() {
    if (m_closed)
        return;
    const int64_t now = nowUs();
    if (m_paceDeadline && now >= m_paceDeadline)
        m_paceDeadline = 0;
    if (m_reorderDeadline && now >= m_reorderDeadline)
        detectLosses(now);
    if (m_tlpDeadline && now >= m_tlpDeadline)
        onTailLossProbe(now);
    if (m_rtoDeadline && now >= m_rtoDeadline) {
        onRto(now);
        if (m_closed)
            return;
    }
    if (m_persistDeadline && now >= m_persistDeadline) {
        if (m_sendRwnd == 0 && (m_queuedBytes > 0 || (m_endRequested && !m_endQueued))) {
            sendControl(kTypeHeartbeat);
            m_persistDeadline = now + 2 * m_rtoUs;
        } else {
            m_persistDeadline = 0;
        }
    }
    if (m_keepAliveDeadline && now >= m_keepAliveDeadline && m_socket) {
        if (m_inflight.empty())
            sendControl(kTypeHeartbeat);  // idle: keep NAT mappings open
        else
            m_keepAliveDeadline = now + m_keepAliveUs;
    }
    trySend();
}

void UdxStream::checkClosed() {
    // §6.12: both directions ended: our END acknowledged and the peer's END delivered.
    if (!m_closed && m_endAcked && m_remoteEnded)
        closeWith(QString(), false);
}

void UdxStream::closeWith(const QString& error, bool sendDestroy) {
    if (m_closed)
        return;
    if (sendDestroy && m_socket) {
        sendControl(kTypeDestroy);  // §6.12: one DESTROY with the current seq, then seq + 1
        ++m_sndNxt;
        m_socket->flush();
    }
    flushDelivered();
    if (m_closed)
        return;
    if (!error.isEmpty() && !m_trace.empty())
        qWarning("UDX stream %u closing with \"%s\":\n%s", m_localId, qPrintable(error),
                 qPrintable(traceReport()));
    m_closed = true;
    m_kick->stop();
    m_timer->stop();
    m_writes.clear();
    m_queuedBytes = 0;
    m_inflight.clear();
    m_retransmit.clear();
    m_ooo.clear();
    if (m_idValid)
        UdxStreamRegistry::instance().release(m_localId, this);
    m_idValid = false;
    if (m_socket) {
        if (error.isEmpty() && !sendDestroy)
            m_socket->addTombstone(m_localId, m_remoteId, m_remote, m_sndNxt, uint32_t(m_rcvNxt));
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->detachStream(this);
        m_socket = nullptr;  // the socket may be destroyed before this closed stream
    }
    emit closed(error);
}

// ---- diagnostics -----------------------------------------------------------------------------

bool UdxStream::traceEnabled() {
    static const bool on = qEnvironmentVariableIntValue("PLURESDB_UDX_TRACE") == 1;
    return on;
}

void UdxStream::trace(char what, uint8_t type, uint32_t seq, uint32_t ack, uint32_t extra) {
    m_trace[m_traceNext] = TraceEvent{nowUs(), what, type, seq, ack, extra};
    m_traceNext = (m_traceNext + 1) % m_trace.size();
}

QString UdxStream::traceReport() const {
    const int64_t now = nowUs();
    QString out;
    out += QStringLiteral("  id %1 -> %2 at %3, closed %4\n")
               .arg(m_localId)
               .arg(m_remoteId)
               .arg(m_remote.toString())
               .arg(m_closed);
    out += QStringLiteral(
               "  send: una %1 nxt %2 inflight %3 pipe %4 retransmitQ %5 queued %6 B; end requested %7 "
               "queued %8 seq %9 acked %10\n")
               .arg(m_sndUna)
               .arg(m_sndNxt)
               .arg(m_inflight.size())
               .arg(m_pipe)
               .arg(m_retransmit.size())
               .arg(m_queuedBytes)
               .arg(m_endRequested)
               .arg(m_endQueued)
               .arg(m_endSeq)
               .arg(m_endAcked);
    out += QStringLiteral(
               "  cc: cwnd %1 ssthresh %2 recovery %3 srtt %4 us min %5 us rto %6 us backoff %7 "
               "rwnd %8; rto in %9 us, tlp in %10 us\n")
               .arg(m_cwnd, 0, 'f', 1)
               .arg(m_ssthresh, 0, 'g', 4)
               .arg(m_inRecovery)
               .arg(m_srttUs)
               .arg(m_minRttUs)
               .arg(m_rtoUs)
               .arg(m_rtoBackoff)
               .arg(m_sendRwnd)
               .arg(m_rtoDeadline ? m_rtoDeadline - now : -1)
               .arg(m_tlpDeadline ? m_tlpDeadline - now : -1);
    out += QStringLiteral(
               "  receive: rcv_nxt %1 ooo %2 (%3 B); remote END seen %4 seq %5 ended %6; holding its "
               "ACK %7 (bare ACKs short of our END %8)\n")
               .arg(quint64(m_rcvNxt))
               .arg(m_ooo.size())
               .arg(m_oooBytes)
               .arg(m_remoteEndSeen)
               .arg(m_remoteEndSeq)
               .arg(m_remoteEnded)
               .arg(m_holdingEndAck)
               .arg(m_endHoldAnswers);
    out += QStringLiteral(
               "  stats: sent %1 retransmitted %2 rto %3 tlp %4 fast %5 spurious %6 received %7 acks %8\n")
               .arg(m_stats.packetsSent)
               .arg(m_stats.packetsRetransmitted)
               .arg(m_stats.rtoCount)
               .arg(m_stats.tailLossProbes)
               .arg(m_stats.fastRetransmits)
               .arg(m_stats.spuriousRetransmits)
               .arg(m_stats.packetsReceived)
               .arg(m_stats.acksSent);
    for (std::size_t i = 0; i < m_inflight.size() && i < 8; ++i) {
        const OutPacket& p = m_inflight[i];
        out += QStringLiteral(
                   "  unacked seq %1 type %2 len %3 transmits %4 rto %5 sacked %6 lost %7 sent %8 ms ago\n")
                   .arg(m_sndUna + uint32_t(i))
                   .arg(p.type)
                   .arg(p.length)
                   .arg(p.transmits)
                   .arg(p.rtoCount)
                   .arg(p.sacked)
                   .arg(p.lost)
                   .arg(double(now - p.sentUs) / 1000.0, 0, 'f', 1);
    }
    if (m_trace.empty())
        return out;
    out += QStringLiteral(
        "  last events (ms before now; r = received, t = (re)transmitted DATA/END, a = ACK sent, "
        "L = marked lost, P = TLP, R = RTO, H = ACK of the peer's END released):\n");
    for (std::size_t k = 0; k < m_trace.size(); ++k) {
        const TraceEvent& e = m_trace[(m_traceNext + k) % m_trace.size()];
        if (e.what == 0)
            continue;
        out += QStringLiteral("    %1 %2 type 0x%3 seq %4 ack %5 [%6]\n")
                   .arg(double(now - e.us) / 1000.0, 9, 'f', 1)
                   .arg(QLatin1Char(e.what))
                   .arg(e.type, 2, 16, QLatin1Char('0'))
                   .arg(e.seq)
                   .arg(e.ack)
                   .arg(e.extra);
    }
    return out;
}

void UdxStream::socketGone(UdxSocket* socket) {
    if (socket != m_socket)
        return;
    m_socket->detachStream(this);
    m_socket = nullptr;
    closeWith(QStringLiteral("the UDX socket was closed"), false);
}

}  // namespace pluresdb::transport::udx
