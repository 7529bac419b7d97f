// The UDX socket's non-UDX byte counters (issue #9: the traffic graph's DHT and holepunch series):
// dht-rpc datagrams and 1-byte holepunch probes are counted in and out by kind, UDX stream packets
// (live or stray) are not, and sockets that share one counter (a DHT node's sockets) add up.

#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStream.h"
#include "core/transport/udx/UdxStreamRegistry.h"
#include "tests/unit/udx/UdxTestHelpers.h"

#include <QTest>

using namespace pluresdb::transport::udx;
using namespace pluresdb::test::udx;

class TestUdxNonUdxTraffic : public QObject {
    Q_OBJECT

private slots:
    /// Each kind lands in its own counter on both ends; a stray UDX packet counts as neither; two
    /// sockets that share the counters report the sum of what both sent.
    void countsDhtAndProbeBytesByKind() {
        UdxSocket s, t, u;
        QVERIFY(s.bind(QHostAddress::LocalHost, 0).ok());
        QVERIFY(t.bind(QHostAddress::LocalHost, 0).ok());
        QVERIFY(u.bind(QHostAddress::LocalHost, 0).ok());
        u.shareNonUdxTraffic(t.nonUdxTraffic());
        QCOMPARE(u.nonUdxTraffic().get(), t.nonUdxTraffic().get());
        int got = 0;
        s.setDatagramHandler([&](const QByteArray&, const QHostAddress&, quint16) { ++got; });

        const QByteArray rpc = QByteArray::fromHex("13") + QByteArray(30, 'r');   // 31 bytes
        const QByteArray rpc2 = QByteArray::fromHex("03") + QByteArray(99, 'q');  // 100 bytes
        QByteArray stray = QByteArray::fromHex("ff010100 efbeadde 00004000 00000000 00000000");
        if (UdxStreamRegistry::instance().find(0xdeadbeef))
            QSKIP("id collision");
        QVERIFY(t.sendDatagram(rpc, QHostAddress::LocalHost, s.localPort()));
        QVERIFY(u.sendDatagram(rpc2, QHostAddress::LocalHost, s.localPort()));
        QVERIFY(t.sendDatagram(QByteArray(1, '\0'), QHostAddress::LocalHost, s.localPort()));
        QVERIFY(u.sendDatagramWithTtl(QByteArray(1, '\0'), QHostAddress::LocalHost, s.localPort(), 5));
        QVERIFY(t.sendDatagram(stray, QHostAddress::LocalHost, s.localPort()));
        QVERIFY(waitFor([&] { return got == 5; }, 10000));

        const NonUdxTraffic& in = *s.nonUdxTraffic();
        QCOMPARE(in.dhtBytesIn, quint64(131));
        QCOMPARE(in.dhtDatagramsIn, quint64(2));
        QCOMPARE(in.probeBytesIn, quint64(2));
        QCOMPARE(in.probeDatagramsIn, quint64(2));
        QCOMPARE(in.dhtBytesOut + in.probeBytesOut, quint64(0));

        const NonUdxTraffic& out = *t.nonUdxTraffic();  // t and u together
        // The stray packet was sent with sendDatagram too: on the way out a socket cannot tell, so
        // it counts as DHT bytes there (20 bytes).
        QCOMPARE(out.dhtBytesOut, quint64(31 + 100 + 20));
        QCOMPARE(out.dhtDatagramsOut, quint64(3));
        QCOMPARE(out.probeBytesOut, quint64(2));
        QCOMPARE(out.probeDatagramsOut, quint64(2));
        QCOMPARE(out.dhtBytesIn + out.probeBytesIn, quint64(0));
    }

    /// Stream traffic is not DHT traffic: a transfer between two streams leaves the counters at zero.
    void streamPacketsAreNotCounted() {
        UdxSocket a, b;
        QVERIFY(a.bind(QHostAddress::LocalHost, 0).ok());
        QVERIFY(b.bind(QHostAddress::LocalHost, 0).ok());
        UdxStream sa, sb;
        Sink kb;
        kb.attach(&sb);
        QVERIFY(sa.connectTo(&a, sb.localId(), QHostAddress::LocalHost, b.localPort()).ok());
        QVERIFY(sb.connectTo(&b, sa.localId(), QHostAddress::LocalHost, a.localPort()).ok());
        const QByteArray data = payload(200'000, 7);
        sa.write(data);
        QVERIFY(waitFor([&] { return kb.bytes == data.size(); }, 20000));
        for (const UdxSocket* s : {&a, &b}) {
            const NonUdxTraffic& n = *s->nonUdxTraffic();
            QCOMPARE(n.dhtBytesIn + n.dhtBytesOut + n.probeBytesIn + n.probeBytesOut, quint64(0));
        }
        QVERIFY(a.stats().bytesSent >= quint64(data.size()));
    }
};

QTEST_GUILESS_MAIN(TestUdxNonUdxTraffic)
#include "test_nonudx_traffic.moc"
