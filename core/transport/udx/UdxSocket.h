#pragma once

// A non-blocking UDP socket on the owning thread's Qt event loop, shared by every UDX stream
// bound to it and by the DHT (spec §6.1): datagrams that are UDX packets for a live stream id go
// to that stream; everything else goes to the datagram handler the DHT installs.
//
// Linux fast path: recvmmsg/sendmmsg batches, UDP GSO (one send call carries up to 64 equal-size
// packets) and UDP GRO (one receive returns a run of them). macOS and Windows send and receive one
// datagram per call through core/transport/SocketOs.h. Streams queue packets during an event
// loop pass and the socket flushes them in one go at the end of it, when the batch buffer is full,
// or right after a receive batch.

#include "core/common/Result.h"
#include "core/transport/SocketOs.h"
#include "core/transport/udx/UdxEndpoint.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

class QSocketNotifier;
class QTimer;

namespace pluresdb::transport::udx {

class UdxStream;

struct UdxSocketStats {
    quint64 datagramsSent = 0;
    quint64 datagramsReceived = 0;
    quint64 sendCalls = 0;
    quint64 receiveCalls = 0;
    quint64 sendErrors = 0;
    quint64 nonUdxDatagrams = 0;
    quint64 bytesSent = 0;
    quint64 bytesReceived = 0;
};

// UDP payload bytes of the datagrams that are not UDX stream packets (§9.2 demultiplexing): dht-rpc
// messages and 1-byte holepunch probes, in and out, for the app's traffic graphs (issue #9). The
// sockets of one DHT node (server, client, holepunch sockets) share one (shareNonUdxTraffic), so
// the counts outlive a puncher socket. Owning thread only: plain counters, read with the rest.
struct NonUdxTraffic {
    quint64 dhtBytesIn = 0;  // datagrams of more than 1 byte (dht-rpc; §9.2 step 2)
    quint64 dhtBytesOut = 0;
    quint64 dhtDatagramsIn = 0;
    quint64 dhtDatagramsOut = 0;
    quint64 probeBytesIn = 0;  // datagrams of at most 1 byte (holepunch probes; §7.5, §9.2)
    quint64 probeBytesOut = 0;
    quint64 probeDatagramsIn = 0;
    quint64 probeDatagramsOut = 0;
};

class UdxSocket : public QObject {
    Q_OBJECT
public:
    // Called for every datagram that is not a packet for a live UDX stream (§6.1).
    using DatagramHandler =
        std::function<void(const QByteArray& datagram, const QHostAddress& from, quint16 port)>;

    explicit UdxSocket(QObject* parent = nullptr);
    ~UdxSocket() override;

    // Binds to host:port (port 0 = any). Sets the §6.2 socket options and large buffers.
    Result<void> bind(const QHostAddress& host, quint16 port);
    bool isBound() const { return m_fd != os::kNoSocket; }
    QHostAddress localAddress() const { return m_local.host(); }
    quint16 localPort() const { return m_local.port(); }
    bool isIpv6() const { return m_local.isIpv6(); }
    void close();

    void setDatagramHandler(DatagramHandler handler) { m_handler = std::move(handler); }
    // Sends a non-UDX datagram (DHT RPC, hole-punch probe) right away.
    bool sendDatagram(const QByteArray& datagram, const QHostAddress& host, quint16 port);
    // The same with the IP TTL (hop limit) of this one datagram set to `ttl` (hyperdht's low-TTL
    // "open session" probes, spec/hyperdht.md §7.5 step 1). Queued packets are flushed first.
    bool sendDatagramWithTtl(const QByteArray& datagram, const QHostAddress& host, quint16 port, int ttl);

    // Stream side. reserve() returns room for one datagram of up to `maxSize` bytes (≤ 2048, §6.2)
    // addressed to `to`; commit() queues the first `size` bytes of it.
    uint8_t* reserve(const UdxEndpoint& to, std::size_t maxSize);
    void commit(std::size_t size);
    // Sends everything queued now.
    void flush();
    // True while the kernel send buffer is full; streams hold new data until writable().
    bool isSendBlocked() const { return m_sendBlocked; }

    void attachStream(UdxStream* stream);
    void detachStream(UdxStream* stream);
    // A stream that received packets in the current batch; it gets afterReceiveBatch() once.
    void markTouched(UdxStream* stream);
    // After a clean close (§6.12) the stream is gone, but our final ACK may be lost and the peer
    // then repeats its END. For a while the socket answers repeated DATA/END for `localId` with
    // that final ACK, so the peer closes cleanly instead of timing out (libudx has no such
    // TIME_WAIT; the spec calls it out in §6.12).
    void addTombstone(quint32 localId, quint32 remoteId, const UdxEndpoint& remote, quint32 seq, quint32 ack);

    const UdxSocketStats& stats() const { return m_stats; }
    // The non-UDX byte counters (never null); shareNonUdxTraffic makes this socket add to `shared`.
    const std::shared_ptr<NonUdxTraffic>& nonUdxTraffic() const { return m_nonUdx; }
    void shareNonUdxTraffic(std::shared_ptr<NonUdxTraffic> shared) {
        if (shared)
            m_nonUdx = std::move(shared);
    }
    bool gsoEnabled() const { return m_gso; }
    bool groEnabled() const { return m_gro; }

signals:
    void writable();

private:
    struct Queued {
        UdxEndpoint to;
        std::size_t offset;
        std::size_t size;
    };

    struct Tombstone {
        quint32 remoteId;
        UdxEndpoint remote;
        quint32 seq;
        quint32 ack;
        qint64 expiresMs;
    };

    void onReadable();
    bool answerTombstone(const uint8_t* data, std::size_t size);
    void onWritable();
    void dispatch(const uint8_t* data, std::size_t size, const UdxEndpoint& from);
    void scheduleFlush();
    bool sendQueued();
    void countNonUdxSent(std::size_t size);

    os::NativeSocket m_fd = os::kNoSocket;
    UdxEndpoint m_local;
    QSocketNotifier* m_readNotifier = nullptr;
    QSocketNotifier* m_writeNotifier = nullptr;
    QTimer* m_flushTimer = nullptr;
    DatagramHandler m_handler;
    bool m_gso = false;
    bool m_gro = false;
    bool m_sendBlocked = false;

    std::vector<uint8_t> m_sendBuffer;
    std::size_t m_sendUsed = 0;
    std::vector<Queued> m_queue;
    std::size_t m_queueSent = 0;  // entries of m_queue already sent (after a partial send)
    std::size_t m_reservedOffset = 0;
    UdxEndpoint m_reservedTo;

    std::vector<uint8_t> m_recvBuffer;
    std::vector<UdxStream*> m_streams;
    std::vector<UdxStream*> m_touched;
    std::unordered_map<quint32, Tombstone> m_tombstones;
    UdxSocketStats m_stats;
    std::shared_ptr<NonUdxTraffic> m_nonUdx = std::make_shared<NonUdxTraffic>();
};

}  // namespace pluresdb::transport::udx
