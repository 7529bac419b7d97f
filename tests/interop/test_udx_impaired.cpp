// C++↔udx-native through the in-process impairing relay (loss 1/5/10 %, reordering, duplication,
// added latency): 64 MiB each way at once arrive intact (SHA-256) and both ends close cleanly.
// Only the combined case (udx-native needs over a minute for it) waits for PLURESDB_TEST_LONG=1
// (scripts/test.sh --long).
// Issue #4: with loss, a C++ stream used to end with ETIMEDOUT about once in 15 runs: libudx closes
// right after the ACK that completes our END (no TIME_WAIT), and when the relay dropped that ACK our
// retransmissions went unanswered. UdxStream now holds back the ACK of the peer's END until its own
// END is acknowledged (UdxStream::m_holdingEndAck). Set PLURESDB_UDX_TRACE=1 to have a failing row
// print the C++ stream's state and the relay's last datagrams. One row alone:
//   interop_udx_impaired "transferThroughRelay:loss 1%"
// `tc netem` is missing from this kernel, so no network-namespace variant exists.

#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStream.h"
#include "tests/interop/UdxNodePeer.h"
#include "tests/unit/udx/ImpairingRelay.h"
#include "tests/unit/udx/UdxTestHelpers.h"

#include <QJsonObject>
#include <QTest>

using namespace pluresdb::transport::udx;
using namespace pluresdb::test::udx;

Q_DECLARE_METATYPE(pluresdb::test::udx::Impairment)

class TestUdxImpairedInterop : public QObject {
    Q_OBJECT
private slots:
    void transferThroughRelay_data() {
        QTest::addColumn<Impairment>("imp");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<bool>("longOnly");
        const qint64 big = 64 << 20;
        QTest::newRow("loss 1%") << Impairment{0.01, 0, 0, 3, 0} << big << false;
        QTest::newRow("loss 5%") << Impairment{0.05, 0, 0, 3, 0} << big << false;
        QTest::newRow("loss 10%") << Impairment{0.10, 0, 0, 3, 0} << big << false;
        QTest::newRow("reorder 5% by 3 ms") << Impairment{0, 0, 0.05, 3, 0} << big << false;
        QTest::newRow("duplicate 5%") << Impairment{0, 0.05, 0, 3, 0} << big << false;
        QTest::newRow("latency 10 ms") << Impairment{0, 0, 0, 3, 10} << big << false;
        QTest::newRow("latency 5 ms, 2% loss, reorder, dup")
            << Impairment{0.02, 0.02, 0.02, 4, 5} << big << true;
        QTest::newRow("fast: 10% loss, 4 MiB") << Impairment{0.10, 0, 0, 3, 0} << qint64(4 << 20) << false;
        QTest::newRow("fast: 10 ms, 1% loss/dup/reorder, 4 MiB")
            << Impairment{0.01, 0.01, 0.01, 3, 10} << qint64(4 << 20) << false;
        QTest::newRow("fast: reorder 5% by 3 ms, 4 MiB")
            << Impairment{0, 0, 0.05, 3, 0} << qint64(4 << 20) << false;
    }
    /// Our stream and udx-native's both recover from the relay's impairments without corruption.
    void transferThroughRelay() {
        QFETCH(Impairment, imp);
        QFETCH(qint64, size);
        QFETCH(bool, longOnly);
        if (longOnly && qEnvironmentVariableIntValue("PLURESDB_TEST_LONG") != 1)
            QSKIP("long case: runs with PLURESDB_TEST_LONG=1 (scripts/test.sh --long)");
        UdxSocket a;
        QVERIFY(a.bind(QHostAddress::LocalHost, 0).ok());
        UdxStream s;
        Sink k;
        k.attach(&s);
        const quint32 nodeId = 0x5151;
        QJsonObject cfg{
            {"mode", "transfer"},   {"id", double(nodeId)},       {"remoteId", double(s.localId())},
            {"size", double(size)}, {"remotePort", QJsonValue()}, {"timeoutMs", 280000}};
        NodeUdxPeer node(cfg);
        const quint16 nodePort = node.waitReady();
        QVERIFY(nodePort);
        ImpairingRelay relay(imp, imp, nodePort, 7);
        // With PLURESDB_UDX_TRACE=1, a failure prints the stream's state and what the relay saw.
        struct TraceOnFailure {
            const UdxStream& s;
            const ImpairingRelay& relay;
            ~TraceOnFailure() {
                if (QTest::currentTestFailed() && UdxStream::traceEnabled())
                    qWarning("C++ stream:\n%s\nrelay (A = C++, B = Node), last datagrams:\n%s",
                             qPrintable(s.traceReport()), qPrintable(relay.trace()));
            }
        } traceOnFailure{s, relay};
        QVERIFY(s.connectTo(&a, nodeId, QHostAddress::LocalHost, relay.frontPort()).ok());
        const QByteArray data = payload(size, 9);
        for (qint64 off = 0; off < size; off += 1 << 20)
            s.write(data.mid(off, 1 << 20));
        s.end();
        QElapsedTimer t;
        t.start();
        const QJsonObject r = node.waitResult(290000);
        QVERIFY2(!r.isEmpty(), node.stderrText().constData());
        QVERIFY(waitFor([&] { return k.closed; }, 20000));
        QCOMPARE(r.value("error").toString(), QString());
        QCOMPARE(k.closeError, QString());
        QCOMPARE(r.value("recvHash").toString().toLatin1(), sha256(data));
        QCOMPARE(k.digest(), r.value("sentHash").toString().toLatin1());
        const auto st = s.stats();
        qInfo("%.1f s, relay dropped %llu of %llu; C++ sent %llu packets, %llu retransmitted",
              t.elapsed() / 1000.0, relay.dropped(), relay.dropped() + relay.forwarded(), st.packetsSent,
              st.packetsRetransmitted);
    }
};

QTEST_GUILESS_MAIN(TestUdxImpairedInterop)
#include "test_udx_impaired.moc"
