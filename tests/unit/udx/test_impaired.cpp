// C++↔C++ UDX through the in-process impairing relay (loss 1/5/10 %, reordering, duplication,
// added latency): 64 MiB each way at once arrive intact and both streams close cleanly.
// The slow cases run only with PLURESDB_TEST_LONG=1 (scripts/test.sh --long); a fast subset always.

#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStream.h"
#include "tests/unit/udx/ImpairingRelay.h"
#include "tests/unit/udx/UdxTestHelpers.h"

#include <QTest>

using namespace pluresdb::transport::udx;
using namespace pluresdb::test::udx;

Q_DECLARE_METATYPE(pluresdb::test::udx::Impairment)

class TestUdxImpaired : public QObject {
    Q_OBJECT
private slots:
    void transferThroughRelay_data() {
        QTest::addColumn<Impairment>("imp");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<bool>("longOnly");
        const qint64 big = 64 << 20;
        QTest::newRow("loss 1%") << Impairment{0.01, 0, 0, 3, 0} << big << false;
        QTest::newRow("loss 5%") << Impairment{0.05, 0, 0, 3, 0} << big << false;
        QTest::newRow("loss 10%") << Impairment{0.10, 0, 0, 3, 0} << big << true;
        QTest::newRow("reorder 5% by 3 ms") << Impairment{0, 0, 0.05, 3, 0} << big << false;
        QTest::newRow("duplicate 5%") << Impairment{0, 0.05, 0, 3, 0} << big << false;
        QTest::newRow("latency 10 ms") << Impairment{0, 0, 0, 3, 10} << big << true;
        QTest::newRow("latency 5 ms, 2% loss, reorder, dup")
            << Impairment{0.02, 0.02, 0.02, 4, 5} << big << true;
        QTest::newRow("fast: 10% loss, 4 MiB") << Impairment{0.10, 0, 0, 3, 0} << qint64(4 << 20) << false;
        QTest::newRow("fast: latency 10 ms + 1% loss, 4 MiB")
            << Impairment{0.01, 0.01, 0.01, 3, 10} << qint64(4 << 20) << false;
    }
    /// Data survives loss, reordering, duplication and delay; nothing is lost or repeated.
    void transferThroughRelay() {
        QFETCH(Impairment, imp);
        QFETCH(qint64, size);
        QFETCH(bool, longOnly);
        if (longOnly && qEnvironmentVariableIntValue("PLURESDB_TEST_LONG") != 1)
            QSKIP("long case: runs with PLURESDB_TEST_LONG=1 (scripts/test.sh --long)");
        UdxSocket a, b;
        QVERIFY(a.bind(QHostAddress::LocalHost, 0).ok());
        QVERIFY(b.bind(QHostAddress::LocalHost, 0).ok());
        ImpairingRelay relay(imp, imp, b.localPort(), 42);
        UdxStream sa, sb;
        Sink ka, kb;
        ka.attach(&sa);
        kb.attach(&sb);
        QVERIFY(sa.connectTo(&a, sb.localId(), QHostAddress::LocalHost, relay.frontPort()).ok());
        QVERIFY(sb.connectTo(&b, sa.localId(), QHostAddress::LocalHost, relay.backPort()).ok());
        const QByteArray da = payload(size, 3), db = payload(size, 4);
        for (qint64 off = 0; off < size; off += 1 << 20) {
            sa.write(da.mid(off, 1 << 20));
            sb.write(db.mid(off, 1 << 20));
        }
        sa.end();
        sb.end();
        QElapsedTimer t;
        t.start();
        QVERIFY(waitFor([&] { return ka.closed && kb.closed; }, 240000));
        QCOMPARE(ka.closeError, QString());
        QCOMPARE(kb.closeError, QString());
        QCOMPARE(kb.digest(), sha256(da));
        QCOMPARE(ka.digest(), sha256(db));
        const auto s = sa.stats();
        qInfo(
            "%.1f s, relay dropped %llu of %llu; A sent %llu packets, %llu retransmitted (%llu RTO, %llu "
            "TLP)",
            t.elapsed() / 1000.0, relay.dropped(), relay.forwarded() + relay.dropped(), s.packetsSent,
            s.packetsRetransmitted, s.rtoCount, s.tailLossProbes);
    }
};

QTEST_GUILESS_MAIN(TestUdxImpaired)
#include "test_impaired.moc"
