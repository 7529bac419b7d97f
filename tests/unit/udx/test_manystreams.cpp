// 1000 concurrent UDX streams multiplexed on one socket pair (spec §6.15), 1 MiB each, all sent at
// once: every stream's bytes arrive intact (compared byte for byte) and every stream closes cleanly.

#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStream.h"
#include "tests/unit/udx/UdxTestHelpers.h"

#include <QTest>

#include <memory>
#include <vector>

using namespace pluresdb::transport::udx;
using namespace pluresdb::test::udx;

class TestUdxManyStreams : public QObject {
    Q_OBJECT
private slots:
    /// 1000 streams × 1 MiB from one socket to another all complete intact, none cross-wired.
    void thousandStreams() {
        constexpr int kStreams = 1000;
        constexpr qint64 kSize = 1 << 20;
        UdxSocket a, b;
        QVERIFY(a.bind(QHostAddress::LocalHost, 0).ok());
        QVERIFY(b.bind(QHostAddress::LocalHost, 0).ok());
        std::vector<std::unique_ptr<UdxStream>> sa, sb;
        std::vector<std::unique_ptr<Sink>> ka, kb;
        // Each stream gets its own data so a cross-wired demux would show up as a hash mismatch.
        std::vector<QByteArray> da;
        da.reserve(kStreams);  // Sink::expect points into it
        for (int i = 0; i < kStreams; ++i) {
            sa.push_back(std::make_unique<UdxStream>());
            sb.push_back(std::make_unique<UdxStream>());
            ka.push_back(std::make_unique<Sink>());
            kb.push_back(std::make_unique<Sink>());
            ka.back()->attach(sa.back().get());
            kb.back()->attach(sb.back().get());
            QVERIFY(sa[i]->connectTo(&a, sb[i]->localId(), QHostAddress::LocalHost, b.localPort()).ok());
            QVERIFY(sb[i]->connectTo(&b, sa[i]->localId(), QHostAddress::LocalHost, a.localPort()).ok());
            da.push_back(payload(kSize, quint32(2 * i + 1)));
            sa[i]->write(da.back());
            kb.back()->expect = &da.back();
            sa[i]->end();
            sb[i]->end();
        }
        QElapsedTimer t;
        t.start();
        auto allClosed = [&] {
            for (int i = 0; i < kStreams; ++i)
                if (!ka[i]->closed || !kb[i]->closed)
                    return false;
            return true;
        };
        QVERIFY(waitFor(allClosed, 240000));
        quint64 sent = 0, retransmitted = 0, rtos = 0, tlps = 0;
        for (int i = 0; i < kStreams; ++i) {
            QCOMPARE(ka[i]->closeError, QString());
            QCOMPARE(kb[i]->closeError, QString());
            QVERIFY(!kb[i]->mismatch);
            QCOMPARE(kb[i]->bytes, kSize);
            QCOMPARE(ka[i]->bytes, qint64(0));
            sent += sa[i]->stats().packetsSent + sb[i]->stats().packetsSent;
            retransmitted += sa[i]->stats().packetsRetransmitted + sb[i]->stats().packetsRetransmitted;
            rtos += sa[i]->stats().rtoCount;
            tlps += sa[i]->stats().tailLossProbes;
        }
        qInfo("%d × 1 MiB in %.1f s; %llu packets, %llu retransmitted, %llu RTOs, %llu TLPs", kStreams,
              t.elapsed() / 1000.0, sent, retransmitted, rtos, tlps);
    }
};

QTEST_GUILESS_MAIN(TestUdxManyStreams)
#include "test_manystreams.moc"
