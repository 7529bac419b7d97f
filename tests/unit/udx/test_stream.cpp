// UDX streams C++↔C++ over real UDP sockets on 127.0.0.1: data both ways at once, half-close,
// destroy, messages, learning the remote from the first packet, the DHT demux hook.

#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStream.h"
#include "core/transport/udx/UdxStreamRegistry.h"
#include "tests/unit/udx/UdxTestHelpers.h"

#include <QTest>

using namespace pluresdb::transport::udx;
using namespace pluresdb::test::udx;

namespace {

struct Pair {
    UdxSocket a, b;
    std::unique_ptr<UdxStream> sa, sb;
    Sink ka, kb;

    // `learn`: b learns its remote from a's first packet instead of being connected up front.
    explicit Pair(bool learn = false) {
        QVERIFY(a.bind(QHostAddress::LocalHost, 0).ok());
        QVERIFY(b.bind(QHostAddress::LocalHost, 0).ok());
        sa = std::make_unique<UdxStream>();
        sb = std::make_unique<UdxStream>();
        ka.attach(sa.get());
        kb.attach(sb.get());
        QVERIFY(sa->connectTo(&a, sb->localId(), QHostAddress::LocalHost, b.localPort()).ok());
        if (learn)
            sb->acceptFirstPacket(&b, sa->localId());
        else
            QVERIFY(sb->connectTo(&b, sa->localId(), QHostAddress::LocalHost, a.localPort()).ok());
    }
};

}  // namespace

class TestUdxStream : public QObject {
    Q_OBJECT
private slots:
    void transferBothWays_data() {
        QTest::addColumn<qint64>("size");
        QTest::newRow("0 B") << qint64(0);
        QTest::newRow("1 B") << qint64(1);
        QTest::newRow("1151 B") << qint64(1151);
        QTest::newRow("100 KiB") << qint64(100 * 1024);
        QTest::newRow("8 MiB") << qint64(8 << 20);
    }
    /// Both ends write and end at once; each receives exactly the other's bytes, and both
    /// streams close cleanly once both ENDs are acknowledged (§6.12).
    void transferBothWays() {
        QFETCH(qint64, size);
        Pair p;
        const QByteArray da = payload(size, 1), db = payload(size, 2);
        for (qint64 off = 0; off < size; off += 65536) {
            p.sa->write(da.mid(off, 65536));
            p.sb->write(db.mid(off, 65536));
        }
        p.sa->end();
        p.sb->end();
        QVERIFY(waitFor([&] { return p.ka.closed && p.kb.closed; }, 30000));
        QCOMPARE(p.ka.closeError, QString());
        QCOMPARE(p.kb.closeError, QString());
        QCOMPARE(p.kb.bytes, size);
        QCOMPARE(p.ka.bytes, size);
        QCOMPARE(p.kb.digest(), sha256(da));
        QCOMPARE(p.ka.digest(), sha256(db));
        QVERIFY(p.ka.remoteEnded && p.kb.remoteEnded);
        QVERIFY(p.sa->stats().mtu > kBaseMtu || size < (1 << 20));  // PMTU search ran (§6.13)
    }

    /// After a clean close a repeated END (our final ACK was lost) still gets the final ACK, so
    /// the peer closes cleanly instead of timing out (§6.12 has no TIME_WAIT; we add one).
    void repeatedEndAfterCloseIsAcknowledged() {
        UdxSocket peer;
        QVERIFY(peer.bind(QHostAddress::LocalHost, 0).ok());
        UdxSocket mine;
        QVERIFY(mine.bind(QHostAddress::LocalHost, 0).ok());
        UdxStream s;
        Sink k;
        k.attach(&s);
        const quint32 peerId = 0x7e570001;
        QVERIFY(s.connectTo(&mine, peerId, QHostAddress::LocalHost, peer.localPort()).ok());
        QList<QByteArray> got;
        peer.setDatagramHandler([&](const QByteArray& d, const QHostAddress&, quint16) { got << d; });
        auto packet = [&](uint8_t type, uint32_t seq, uint32_t ack) {
            QByteArray b(int(kHeaderSize), '\0');
            encodeUdxHeader(reinterpret_cast<uint8_t*>(b.data()),
                            UdxHeader{type, 0, s.localId(), kDefaultReceiveWindow, seq, ack});
            return b;
        };
        s.end();  // our END is seq 0
        QVERIFY(waitFor([&] { return !got.isEmpty(); }, 5000));
        const quint32 id = s.localId();
        // The peer acknowledges our END and sends its own END (seq 0): both sides ended.
        QVERIFY(peer.sendDatagram(packet(kTypeEnd, 0, 1), QHostAddress::LocalHost, mine.localPort()));
        QVERIFY(waitFor([&] { return k.closed; }, 5000));
        QCOMPARE(k.closeError, QString());
        got.clear();
        // The peer did not get our ACK and repeats its END.
        QByteArray again = packet(kTypeEnd, 0, 1);
        writeLe32(reinterpret_cast<uint8_t*>(again.data()) + 4, id);
        QVERIFY(peer.sendDatagram(again, QHostAddress::LocalHost, mine.localPort()));
        QVERIFY(waitFor([&] { return !got.isEmpty(); }, 5000));
        const auto ack = decodeUdxPacket(reinterpret_cast<const uint8_t*>(got.last().constData()),
                                         std::size_t(got.last().size()));
        QVERIFY(ack.ok());
        QCOMPARE(ack->header.type, kTypeAck);
        QCOMPARE(ack->header.id, peerId);
        QCOMPARE(ack->header.ack, 1u);
    }

    /// Issue #4: libudx closes as soon as it has sent the ACK that completes our END (no TIME_WAIT).
    /// So while our END is unacknowledged we must not acknowledge the peer's END, neither in the
    /// ACK field nor by SACK; the full ACK goes out once our END is acknowledged.
    void peerEndAckHeldUntilOurEndIsAcknowledged() {
        UdxSocket peer, mine;
        QVERIFY(peer.bind(QHostAddress::LocalHost, 0).ok());
        QVERIFY(mine.bind(QHostAddress::LocalHost, 0).ok());
        UdxStream s;
        Sink k;
        k.attach(&s);
        QVERIFY(s.connectTo(&mine, 0x7e570003, QHostAddress::LocalHost, peer.localPort()).ok());
        QList<UdxPacketView> got;
        QList<QByteArray> raw;
        peer.setDatagramHandler([&](const QByteArray& d, const QHostAddress&, quint16) {
            raw << d;
            const auto p = decodeUdxPacket(reinterpret_cast<const uint8_t*>(raw.last().constData()),
                                           std::size_t(d.size()));
            if (p)
                got << *p;
        });
        auto send = [&](uint8_t type, uint32_t seq, uint32_t ack, const QByteArray& payload = {}) {
            QByteArray b(int(kHeaderSize), '\0');
            encodeUdxHeader(reinterpret_cast<uint8_t*>(b.data()),
                            UdxHeader{type, 0, s.localId(), kDefaultReceiveWindow, seq, ack});
            QVERIFY(peer.sendDatagram(b + payload, QHostAddress::LocalHost, mine.localPort()));
        };
        auto lastAck = [&]() -> const UdxPacketView* {
            for (qsizetype i = got.size(); i-- > 0;)
                if (!(got[i].header.type & (kTypeData | kTypeEnd)))
                    return &got[i];
            return nullptr;
        };
        s.write("abc");
        s.end();  // DATA+END, seq 0
        QVERIFY(waitFor([&] { return !got.isEmpty(); }, 5000));
        QCOMPARE(got.first().header.type, uint8_t(kTypeData | kTypeEnd));
        // The peer's END (seq 1) arrives before its seq 0: it may be buffered, but not SACKed.
        send(kTypeEnd, 1, 0);
        QVERIFY(waitFor([&] { return lastAck() != nullptr; }, 5000));
        QCOMPARE(lastAck()->header.ack, 0u);
        QCOMPARE(lastAck()->header.type, kTypeAck);  // no SACK block for the END
        // Its data (seq 0) fills the gap: both delivered, EOF signalled, but the ACK stops at 1.
        got.clear();
        send(kTypeData, 0, 0, "xy");
        QVERIFY(waitFor([&] { return k.remoteEnded && lastAck() != nullptr; }, 5000));
        QCOMPARE(k.bytes, qint64(2));
        QCOMPARE(lastAck()->header.ack, 1u);
        QVERIFY(!k.closed);
        // Our retransmissions carry the same held-back ACK.
        got.clear();
        QVERIFY(waitFor([&] { return !got.isEmpty() && (got.last().header.type & kTypeEnd); }, 5000));
        QCOMPARE(got.last().header.ack, 1u);
        // The peer acknowledges our END: now the full ACK goes out and the stream closes cleanly.
        got.clear();
        send(kTypeAck, 2, 1);
        QVERIFY(waitFor([&] { return k.closed; }, 5000));
        QCOMPARE(k.closeError, QString());
        QVERIFY(waitFor([&] { return lastAck() != nullptr; }, 5000));
        QCOMPARE(lastAck()->header.ack, 2u);
    }

    /// Issue #4, half-close: once we have acknowledged the peer's END, a libudx peer closes right
    /// after acknowledging ours. So our END goes alone, after all data is acknowledged, and if its
    /// ACK never comes the stream still closes cleanly: nothing of ours is unconfirmed but EOF.
    void endAfterPeerEndedGoesAloneAndClosesCleanly() {
        UdxSocket peer, mine;
        QVERIFY(peer.bind(QHostAddress::LocalHost, 0).ok());
        QVERIFY(mine.bind(QHostAddress::LocalHost, 0).ok());
        UdxStream s;
        Sink k;
        k.attach(&s);
        QVERIFY(s.connectTo(&mine, 0x7e570004, QHostAddress::LocalHost, peer.localPort()).ok());
        QList<UdxHeader> got;
        peer.setDatagramHandler([&](const QByteArray& d, const QHostAddress&, quint16) {
            const auto p =
                decodeUdxPacket(reinterpret_cast<const uint8_t*>(d.constData()), std::size_t(d.size()));
            if (p)
                got << p->header;
        });
        auto send = [&](uint8_t type, uint32_t seq, uint32_t ack) {
            QByteArray b(int(kHeaderSize), '\0');
            encodeUdxHeader(reinterpret_cast<uint8_t*>(b.data()),
                            UdxHeader{type, 0, s.localId(), kDefaultReceiveWindow, seq, ack});
            QVERIFY(peer.sendDatagram(b, QHostAddress::LocalHost, mine.localPort()));
        };
        send(kTypeEnd, 0, 0);  // the peer ends first; we have not called end(): acknowledged at once
        QVERIFY(waitFor([&] { return k.remoteEnded && !got.isEmpty(); }, 5000));
        QCOMPARE(got.last().ack, 1u);
        got.clear();
        s.write("abc");
        s.end();
        QVERIFY(waitFor([&] { return !got.isEmpty(); }, 5000));
        QCOMPARE(got.first().type, kTypeData);  // no END on the data packet
        QTest::qWait(50);
        for (const UdxHeader& h : got)
            QVERIFY(!(h.type & kTypeEnd));  // nor alone while the data is unacknowledged
        send(kTypeAck, 1, 1);
        QVERIFY(waitFor([&] { return !got.isEmpty() && got.last().type == kTypeEnd; }, 5000));
        QCOMPARE(got.last().seq, 1u);
        // The peer "closes" without its ACK arriving: after the retransmissions, a clean close.
        QVERIFY(waitFor([&] { return k.closed; }, 30000));
        QCOMPARE(k.closeError, QString());
        QCOMPARE(s.stats().endsUnconfirmed, quint64(1));
    }

    /// The sender keeps its packets in flight within the peer's advertised window, probes a zero
    /// window with HEARTBEATs and resumes when the window reopens (§6.8, §6.9).
    void flowControlHonoursWindow() {
        UdxSocket peer, mine;
        QVERIFY(peer.bind(QHostAddress::LocalHost, 0).ok());
        QVERIFY(mine.bind(QHostAddress::LocalHost, 0).ok());
        UdxStream s;
        QVERIFY(s.connectTo(&mine, 0x7e570002, QHostAddress::LocalHost, peer.localPort()).ok());
        QList<UdxHeader> got;
        peer.setDatagramHandler([&](const QByteArray& d, const QHostAddress&, quint16) {
            const auto p =
                decodeUdxPacket(reinterpret_cast<const uint8_t*>(d.constData()), std::size_t(d.size()));
            if (p)
                got << p->header;
        });
        auto ack = [&](uint32_t upTo, uint32_t rwnd) {
            QByteArray b(int(kHeaderSize), '\0');
            encodeUdxHeader(reinterpret_cast<uint8_t*>(b.data()),
                            UdxHeader{kTypeAck, 0, s.localId(), rwnd, 0, upTo});
            QVERIFY(peer.sendDatagram(b, QHostAddress::LocalHost, mine.localPort()));
        };
        auto maxDataSeq = [&] {
            int64_t m = -1;
            for (const UdxHeader& h : got)
                if (h.type & kTypeData)
                    m = std::max<int64_t>(m, h.seq);
            return m;
        };
        s.write(QByteArray(200'000, 'w'));
        QVERIFY(waitFor([&] { return maxDataSeq() == 9; }, 5000));  // the initial window of 10
        QTest::qWait(30);
        QCOMPARE(maxDataSeq(), int64_t(9));
        ack(10, 2400);  // room for two 1152-byte packets
        QTest::qWait(150);
        QCOMPARE(maxDataSeq(), int64_t(11));
        ack(12, 0);  // zero window
        QVERIFY(waitFor(
            [&] {
                return std::any_of(got.begin(), got.end(),
                                   [](const UdxHeader& h) { return h.type == kTypeHeartbeat; });
            },
            3000));
        QCOMPARE(maxDataSeq(), int64_t(11));
        ack(12, kDefaultReceiveWindow);  // reopened
        QVERIFY(waitFor([&] { return maxDataSeq() >= 21; }, 3000));
    }

    /// Path change (§6.17, §4.4): a packet on another socket goes through the firewall hook, which
    /// moves the stream there with changeRemote(); the transfer continues intact on the new path.
    void pathChangeThroughFirewall() {
        Pair p;
        UdxSocket a2;
        QVERIFY(a2.bind(QHostAddress::LocalHost, 0).ok());
        int hookCalls = 0;
        p.sb->setFirewall([&](UdxStream& st, UdxSocket& on, const UdxEndpoint& from) {
            ++hookCalls;
            return st.changeRemote(&on, p.sa->localId(), from).ok();
        });
        const QByteArray d1 = payload(300'000, 21), d2 = payload(300'000, 22);
        p.sa->write(d1);
        QVERIFY(waitFor([&] { return p.kb.bytes == d1.size(); }, 5000));
        QCOMPARE(hookCalls, 0);
        // A moves to a new local socket; B, told out of band (as hyperdht does), follows.
        QVERIFY(p.sa->changeRemote(&a2, p.sb->localId(),
                                   UdxEndpoint::fromHost(QHostAddress::LocalHost, p.b.localPort()))
                    .ok());
        QVERIFY(p.sb->changeRemote(&p.b, p.sa->localId(),
                                   UdxEndpoint::fromHost(QHostAddress::LocalHost, a2.localPort()))
                    .ok());
        p.sa->write(d2);
        p.sa->end();
        p.sb->end();
        QVERIFY(waitFor([&] { return p.ka.closed && p.kb.closed; }, 10000));
        QCOMPARE(p.kb.closeError, QString());
        QCOMPARE(p.kb.digest(), sha256(d1 + d2));
        QVERIFY(hookCalls == 0);  // same receiving socket at B: no hook, as in libudx
        QCOMPARE(p.sb->remoteDescription(), QStringLiteral("127.0.0.1:%1").arg(a2.localPort()));

        // Now B receives on a socket it is not bound to: the hook decides and moves B there.
        Pair q;
        UdxSocket b2;
        QVERIFY(b2.bind(QHostAddress::LocalHost, 0).ok());
        int hook2 = 0;
        q.sb->setFirewall([&](UdxStream& st, UdxSocket& on, const UdxEndpoint& from) {
            ++hook2;
            return st.changeRemote(&on, q.sa->localId(), from).ok();
        });
        QVERIFY(q.sa->changeRemote(&q.a, q.sb->localId(),
                                   UdxEndpoint::fromHost(QHostAddress::LocalHost, b2.localPort()))
                    .ok());
        q.sa->write(d1);
        q.sa->end();
        q.sb->end();
        QVERIFY(waitFor([&] { return q.ka.closed && q.kb.closed; }, 10000));
        QCOMPARE(q.kb.digest(), sha256(d1));
        QCOMPARE(hook2, 1);
    }

    /// A listening stream learns its remote from the first packet (firewall hook, §4.4) and
    /// answers to that address.
    void learnsRemoteFromFirstPacket() {
        Pair p(/*learn=*/true);
        QVERIFY(!p.sb->isConnected());
        p.sa->write("hello");
        QVERIFY(waitFor([&] { return p.kb.bytes == 5; }, 5000));
        QVERIFY(p.sb->isConnected());
        QCOMPARE(p.sb->remoteDescription(), QStringLiteral("127.0.0.1:%1").arg(p.a.localPort()));
        p.sb->write("world!");
        QVERIFY(waitFor([&] { return p.ka.bytes == 6; }, 5000));
    }

    /// destroy() sends DESTROY; the peer closes with ECONNRESET (§6.12); the id is released.
    void destroyResetsPeer() {
        Pair p;
        p.sa->write("abc");
        QVERIFY(waitFor([&] { return p.kb.bytes == 3; }, 5000));
        const quint32 idB = p.sb->localId();
        p.sa->destroy();
        QVERIFY(p.ka.closed);
        QVERIFY(waitFor([&] { return p.kb.closed; }, 5000));
        QVERIFY(p.kb.closeError.contains(QStringLiteral("ECONNRESET")));
        QVERIFY(UdxStreamRegistry::instance().find(idB) == nullptr);
        QVERIFY(!p.sb->write("x"));
    }

    /// MESSAGE datagrams go both ways, unacknowledged, beside the stream (§6.16).
    void messagesBothWays() {
        Pair p;
        QVERIFY(p.sa->sendMessage("ping"));
        QVERIFY(waitFor([&] { return p.kb.messages.size() == 1; }, 5000));
        QCOMPARE(p.kb.messages.first(), QByteArray("ping"));
        QVERIFY(p.sb->sendMessage("pong"));
        QVERIFY(waitFor([&] { return p.ka.messages.size() == 1; }, 5000));
        QCOMPARE(p.ka.messages.first(), QByteArray("pong"));
        QVERIFY(!p.sa->sendMessage(QByteArray(p.sa->maxMessageSize() + 1, 'x')));
    }

    /// Datagrams that are not for a live stream reach the DHT's handler unchanged (§6.1).
    void nonUdxDatagramsGoToHandler() {
        UdxSocket s, t;
        QVERIFY(s.bind(QHostAddress::LocalHost, 0).ok());
        QVERIFY(t.bind(QHostAddress::LocalHost, 0).ok());
        QList<QByteArray> got;
        s.setDatagramHandler([&](const QByteArray& d, const QHostAddress& from, quint16 port) {
            QCOMPARE(port, t.localPort());
            QCOMPARE(from, QHostAddress(QHostAddress::LocalHost));
            got << d;
        });
        const QByteArray rpc = QByteArray::fromHex("13") + QByteArray(30, 'r');
        QByteArray unknownStream = QByteArray::fromHex("ff010100 11223344 00004000 00000000 00000000");
        unknownStream.replace(4, 4, QByteArray::fromHex("efbeadde"));
        while (UdxStreamRegistry::instance().find(0xdeadbeef))
            QSKIP("id collision");
        QVERIFY(t.sendDatagram(rpc, QHostAddress::LocalHost, s.localPort()));
        QVERIFY(t.sendDatagram(unknownStream, QHostAddress::LocalHost, s.localPort()));
        QVERIFY(t.sendDatagram("x", QHostAddress::LocalHost, s.localPort()));
        QVERIFY(waitFor([&] { return got.size() == 3; }, 5000));
        QCOMPARE(got[0], rpc);
        QCOMPARE(got[1], unknownStream);
        QCOMPARE(got[2], QByteArray("x"));
    }

    /// A peer that never answers makes the stream fail with ETIMEDOUT instead of hanging (§6.10).
    void deadPeerTimesOut() {
        UdxSocket a, silent;
        QVERIFY(a.bind(QHostAddress::LocalHost, 0).ok());
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0).ok());
        UdxStream s;
        Sink k;
        k.attach(&s);
        QVERIFY(s.connectTo(&a, 12345, QHostAddress::LocalHost, silent.localPort()).ok());
        s.write("hi");
        const bool timedOut = waitFor([&] { return k.closed; }, 40000);
        qInfo("rto %llu tlp %llu sent %llu", s.stats().rtoCount, s.stats().tailLossProbes,
              s.stats().packetsSent);
        QVERIFY(timedOut);
        QVERIFY(k.closeError.contains(QStringLiteral("ETIMEDOUT")));
        QVERIFY(s.stats().rtoCount >= 6);
    }

    /// An idle stream with keep-alive on sends HEARTBEATs, which the peer answers with ACKs (§6.14).
    void keepAliveSendsHeartbeats() {
        Pair p;
        p.sa->setKeepAlive(20);
        QTest::qWait(150);
        QVERIFY(p.sa->stats().packetsReceived >= 3);  // the ACKs answering the heartbeats
        QCOMPARE(p.kb.bytes, qint64(0));
        p.sa->setKeepAlive(0);
    }

    /// Streams work over IPv6 loopback too (68-byte overhead, §6.8).
    void ipv6Loopback() {
        UdxSocket a, b;
        if (!a.bind(QHostAddress::LocalHostIPv6, 0).ok() || !b.bind(QHostAddress::LocalHostIPv6, 0).ok())
            QSKIP("no IPv6 loopback in this sandbox");
        UdxStream sa, sb;
        Sink kb;
        kb.attach(&sb);
        QVERIFY(sa.connectTo(&a, sb.localId(), QHostAddress::LocalHostIPv6, b.localPort()).ok());
        QVERIFY(sb.connectTo(&b, sa.localId(), QHostAddress::LocalHostIPv6, a.localPort()).ok());
        const QByteArray d = payload(1 << 20, 5);
        sa.write(d);
        QVERIFY(waitFor([&] { return kb.bytes == d.size(); }, 10000));
        QCOMPARE(kb.digest(), sha256(d));
        QCOMPARE(sa.remoteDescription(), QStringLiteral("[::1]:%1").arg(b.localPort()));
    }

    /// Chosen ids are unique in the process.
    void idsAreUnique() {
        auto first = UdxStream::withId(777);
        QVERIFY(first.ok());
        QVERIFY(!UdxStream::withId(777).ok());
    }
};

QTEST_GUILESS_MAIN(TestUdxStream)
#include "test_stream.moc"
