#pragma once

// A UDX stream (spec/connection.md §6): a reliable, ordered, congestion-controlled byte stream
// over a shared UdxSocket, wire-compatible with libudx in npm udx-native 1.21.3. Implements
// ByteStream so secret-stream and the sync protocol run over it like over TCP.
//
// There is no handshake (§6.12): a stream is connected by local configuration (remote id and
// address learned out of band), or learns its remote from the first packet through the firewall
// hook (§4.4, §6.7 step 1). Everything runs on the thread that owns the socket; delete streams
// with deleteLater(), never inside one of their own signals.

#include "core/common/Result.h"
#include "core/transport/ByteStream.h"
#include "core/transport/udx/UdxEndpoint.h"
#include "core/transport/udx/UdxPacket.h"

#include <QByteArray>
#include <QHostAddress>
#include <QPointer>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <vector>

class QTimer;

namespace pluresdb::transport::udx {

class UdxSocket;

struct UdxStreamStats {
    quint64 packetsSent = 0;           // DATA/END transmissions, first and repeated
    quint64 packetsRetransmitted = 0;  // of which repeated
    quint64 packetsReceived = 0;       // every UDX packet for this stream
    quint64 bytesSent = 0;             // payload bytes first sent
    quint64 bytesReceived = 0;         // payload bytes delivered
    quint64 rtoCount = 0;
    quint64 fastRetransmits = 0;  // losses found by RACK (no timeout)
    quint64 tailLossProbes = 0;
    quint64 spuriousRetransmits = 0;  // repeats whose original arrived after all (undo, wider RACK window)
    quint64 acksSent = 0;
    quint64 invalidPackets = 0;
    quint64 endsUnconfirmed = 0;  // clean closes whose last, empty END the peer never acknowledged
    int mtu = 0;
    double cwnd = 0;
    qint64 srttUs = 0;
};

class UdxStream : public ByteStream {
    Q_OBJECT
public:
    // Decides about a packet for this stream arriving on a socket it is not connected to (or
    // before it is connected). Return true to accept; the hook usually calls connectTo() or
    // changeRemote() with the source, as hyperdht does (§4.4).
    using Firewall = std::function<bool(UdxStream& stream, UdxSocket& socket, const UdxEndpoint& from)>;

    // A stream with a fresh random id, unique in the process (§6.15).
    explicit UdxStream(QObject* parent = nullptr);
    // A stream with the chosen id; nullptr-free error if the id is in use.
    static Result<std::unique_ptr<UdxStream>> withId(quint32 id, QObject* parent = nullptr);
    ~UdxStream() override;

    quint32 localId() const { return m_localId; }
    quint32 remoteId() const { return m_remoteId; }
    bool isConnected() const { return m_socket != nullptr; }
    UdxEndpoint remoteEndpoint() const { return m_remote; }
    UdxSocket* socket() const { return m_socket; }

    Result<void> connectTo(UdxSocket* socket, quint32 remoteId, const UdxEndpoint& remote);
    Result<void> connectTo(UdxSocket* socket, quint32 remoteId, const QHostAddress& host, quint16 port);
    void setFirewall(Firewall firewall) { m_firewall = std::move(firewall); }
    // Connects to whoever sends the first packet for this stream on `socket`, with `remoteId`.
    void acceptFirstPacket(UdxSocket* socket, quint32 remoteId);
    // Path change (§6.17): later packets go to the new socket/address/id; PMTU search restarts.
    Result<void> changeRemote(UdxSocket* socket, quint32 remoteId, const UdxEndpoint& remote);

    // §6.14: send a HEARTBEAT whenever nothing has been sent for `ms` (0 = off, the default; hyperdht
    // relies on secret-stream keep-alives instead). Peers older than Feb 2026 do not answer it.
    void setKeepAlive(int ms);
    // Blind relaying (libudx `udx_stream_relay_to`, spec/hyperdht.md §11): from now on every packet
    // for this stream is passed on unchanged to `destination`'s remote, from its socket, with the
    // stream id rewritten to destination's remote id; nothing is processed or acknowledged here.
    // A DESTROY passed on closes both streams.
    void relayTo(UdxStream* destination);

    // One unordered, unreliable MESSAGE datagram (§6.16). False if not connected or too large.
    bool sendMessage(const QByteArray& datagram);
    // Largest MESSAGE payload for the current path MTU.
    int maxMessageSize() const;

    // ByteStream
    bool write(const QByteArray& bytes) override;
    void end() override;
    void destroy(const QString& error = {}) override;
    qint64 bytesToWrite() const override { return m_queuedBytes; }
    bool isOpen() const override { return !m_closed; }
    QString remoteDescription() const override { return m_remote.toString(); }

    UdxStreamStats stats() const;
    qint64 unacknowledgedPackets() const { return qint64(m_inflight.size()); }

    // Diagnostics, on only when the environment sets PLURESDB_UDX_TRACE=1: the stream keeps its
    // last events (packets received, retransmissions, ACKs sent, timer expiries) and prints them
    // with its send/receive state when it closes with an error. traceReport() gives the same text
    // (just the state when tracing is off).
    static bool traceEnabled();
    QString traceReport() const;

    // Called by UdxSocket.
    bool acceptsPackets() const { return !m_closed; }
    void receiveDatagram(UdxSocket* socket, const UdxEndpoint& from, const uint8_t* data, std::size_t size);
    void afterReceiveBatch();
    void socketGone(UdxSocket* socket);

signals:
    void messageReceived(const QByteArray& datagram);

private:
    struct OutPacket {
        QByteArray data;  // shares the writer's buffer when the payload lies in one write
        int offset = 0;
        int length = 0;
        int64_t sentUs = 0;  // last transmission
        uint8_t type = 0;
        uint8_t transmits = 0;
        uint8_t rtoCount = 0;
        uint8_t padding = 0;  // PMTU probe padding, first transmission only (§6.13)
        bool sacked = false;
        bool lost = false;    // queued for retransmission
        bool inPipe = false;  // counted in m_pipe
    };
    struct InPacket {
        QByteArray payload;
        uint8_t type = 0;
    };
    struct TraceEvent {
        int64_t us = 0;
        char what = 0;  // r received, t retransmitted, a ACK sent, R RTO, P tail loss probe, L lost
        uint8_t type = 0;
        uint32_t seq = 0;
        uint32_t ack = 0;
        uint32_t extra = 0;  // SACK block count, inflight size, transmits
    };
    enum class MtuState { Base, Search, Done };

    explicit UdxStream(quint32 id, bool claimed, QObject* parent);
    void init();

    void processPacket(const UdxPacketView& p);
    void relayPacket(const uint8_t* data, std::size_t size, uint8_t type);
    void deliver(const uint8_t* data, std::size_t size);
    void processAck(uint32_t ack, const UdxPacketView& p, int64_t now);
    void onDelivered(OutPacket& pkt, int64_t now, int64_t& newestCleanSend);
    void detectLosses(int64_t now);
    void markLost(uint32_t seq, OutPacket& pkt);
    void enterRecovery();
    void onSpuriousRetransmit(int64_t now);
    int64_t reorderWindow() const;
    void onRto(int64_t now);
    void onTailLossProbe(int64_t now);

    void scheduleSend();
    void trySend();
    bool sendNewPacket(int64_t now, bool ignoreCwnd);
    void transmit(uint32_t seq, OutPacket& pkt, int64_t now);
    void sendControl(uint8_t type);
    void sendAck();
    bool paceAllows(int64_t now, int bytes);
    void armTimer();
    void onTimer();
    void updateRtt(int64_t sampleUs);
    int64_t backedOffRto() const;
    int overhead() const;
    int maxPayload() const { return m_mtu - overhead(); }
    uint32_t receiveWindow() const;
    bool holdingEndAck();
    uint32_t advertisedAck();

    void trace(char what, uint8_t type, uint32_t seq, uint32_t ack, uint32_t extra);

    void checkClosed();
    void closeWith(const QString& error, bool sendDestroy);
    void flushDelivered();

    quint32 m_localId = 0;
    quint32 m_remoteId = 0;
    bool m_idValid = false;
    UdxSocket* m_socket = nullptr;
    UdxEndpoint m_remote;
    Firewall m_firewall;
    QPointer<UdxStream> m_relayTo;
    bool m_relaying = false;
    bool m_closed = false;
    bool m_touched = false;
    QTimer* m_kick = nullptr;   // zero-interval: send after this event-loop pass (§6.8 batching)
    QTimer* m_timer = nullptr;  // earliest of RTO, TLP, RACK reorder, pacing and persist deadlines
    int64_t m_timerArmedAt = 0;

    // Send side.
    std::deque<QByteArray> m_writes;
    qsizetype m_writeOffset = 0;
    qint64 m_queuedBytes = 0;
    bool m_endRequested = false;
    bool m_endQueued = false;  // the END packet is built
    uint32_t m_endSeq = 0;
    bool m_endAcked = false;
    std::deque<OutPacket> m_inflight;  // m_inflight[i] has seq m_sndUna + i
    std::deque<uint32_t> m_retransmit;
    uint32_t m_sndUna = 0;
    uint32_t m_sndNxt = 0;
    int m_pipe = 0;
    uint32_t m_sendRwnd = kDefaultReceiveWindow;
    uint32_t m_wl1 = 0;
    uint32_t m_wl2 = 0;

    // Timing, loss recovery, congestion control.
    int64_t m_srttUs = 0;
    int64_t m_rttvarUs = 0;
    int64_t m_minRttUs = 0;
    int64_t m_rtoUs = 0;
    int64_t m_rtoDeadline = 0;  // 0 = not armed
    int64_t m_tlpDeadline = 0;
    int64_t m_reorderDeadline = 0;
    int64_t m_paceDeadline = 0;
    int64_t m_persistDeadline = 0;
    int64_t m_keepAliveUs = 0;
    int64_t m_keepAliveDeadline = 0;
    int m_rtoBackoff = 0;
    bool m_tlpOutstanding = false;
    int64_t m_rackXmitUs = 0;
    int64_t m_rackRttUs = 0;
    bool m_haveSacked = false;
    uint32_t m_highestSacked = 0;
    double m_cwnd = 0;
    double m_ssthresh = 1e9;
    bool m_inRecovery = false;
    double m_undoCwnd = 0;  // cwnd and ssthresh before the current recovery, for undo
    double m_undoSsthresh = 0;
    int m_reoWndMult = 1;  // RFC 8985 §6.2: grows when a retransmission proves spurious
    int64_t m_reoWndBumpedUs = 0;
    uint32_t m_recoveryPoint = 0;
    double m_paceTokens = 0;
    int64_t m_paceRefillUs = 0;

    // PMTU discovery (§6.13).
    int m_mtu = kBaseMtu;
    int m_maxMtu = kMaxMtu;
    MtuState m_mtuState = MtuState::Base;
    int m_probeSize = 0;
    bool m_probeInFlight = false;
    uint32_t m_probeSeq = 0;
    int m_probeFailures = 0;

    // Receive side.
    uint64_t m_rcvNxt = 0;               // extended to 64 bits so the reorder map sorts across wraps
    std::map<uint64_t, InPacket> m_ooo;  // out-of-order DATA/END packets by extended seq
    int64_t m_oooBytes = 0;
    bool m_ackPending = false;
    bool m_remoteEndSeen = false;
    uint32_t m_remoteEndSeq = 0;
    bool m_remoteEnded = false;
    bool m_remoteEndedSignalled = false;
    int64_t m_remoteEndSeenUs = 0;
    // libudx has no TIME_WAIT: a stream whose END was acknowledged closes as soon as it has sent the
    // ACK that completes our END, and ignores later packets. If that one ACK is lost, our sender
    // retransmits into the void until its dead-peer limit (ETIMEDOUT) although everything arrived.
    // So while end() is requested and our END (and the data before it) is not yet acknowledged, we
    // do not acknowledge the peer's END packet, neither in the ACK field nor by SACK: the peer stays
    // open and answers our retransmissions, and the last ACK is ours, which a closed stream's
    // tombstone repeats (UdxSocket). Bounded by tuning::kMaxEndAckHoldUs, well inside libudx's own
    // give-up (13 s); cleared for good once off. When end() comes after the peer's END was
    // acknowledged (a long half-close, or the hold ran out), our END goes alone after all data is
    // acknowledged instead, and if only it stays unanswered the stream closes cleanly (onRto).
    bool m_holdingEndAck = true;
    bool m_endSentAfterAllAcked = false;  // our END's last transmission found nothing before it unacked
    int m_endHoldAnswers = 0;             // bare ACKs that left that END unacknowledged (an UdxStream)
    QByteArray m_delivered;

    UdxStreamStats m_stats;
    std::vector<TraceEvent> m_trace;  // ring, only with PLURESDB_UDX_TRACE=1
    std::size_t m_traceNext = 0;
};

}  // namespace pluresdb::transport::udx
