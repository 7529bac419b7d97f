// The NAT sampler (spec/hyperdht.md §2.8): agreeing samples give a consistent host+port, agreeing
// hosts with scattered ports a randomising NAT (port 0), disagreement nothing; the thresholds
// tolerate outliers, and old samples leave the 16-sample window. (Verdicts identical to npm
// nat-sampler after every sample are checked in interop_dht_rpc_table.)

#include "core/dht/rpc/NatSampler.h"

#include <QTest>

using namespace pluresdb::dht::rpc;

namespace {
const std::array<uint8_t, 4> kA{1, 2, 3, 4};
const std::array<uint8_t, 4> kB{5, 6, 7, 8};
}  // namespace

class TestNatSampler : public QObject {
    Q_OBJECT
private slots:
    void consistentAddress() {
        NatSampler s;
        QVERIFY(!s.host());
        s.add(kA, 1000);
        QCOMPARE(*s.host(), kA);  // one sample, threshold 1
        QCOMPARE(int(s.port()), 1000);
        s.add(kA, 1000);
        s.add(kA, 1000);
        QCOMPARE(int(s.port()), 1000);
    }

    void randomisingNat() {
        NatSampler s;
        for (uint16_t p : {1000, 2000, 3000, 4000})
            s.add(kA, p);
        QCOMPARE(*s.host(), kA);
        QCOMPARE(int(s.port()), 0);
    }

    void disagreementIsUnknown() {
        NatSampler s;
        s.add(kA, 1000);
        s.add(kB, 1000);
        QVERIFY(!s.host());
        QCOMPARE(int(s.port()), 0);
    }

    /// 5 samples need 4 agreeing (threshold n−1): one outlier is tolerated, two are not.
    void toleratesAnOutlier() {
        NatSampler s;
        for (int i = 0; i < 4; ++i)
            s.add(kA, 1000);
        s.add(kB, 9);
        QCOMPARE(*s.host(), kA);
        QCOMPARE(int(s.port()), 1000);
        NatSampler t;
        for (int i = 0; i < 3; ++i)
            t.add(kA, 1000);
        t.add(kB, 9);
        t.add(kB, 9);
        QVERIFY(!t.host());
    }

    /// After the address changes, 16 new samples push the old ones out of the window.
    void forgetsOldSamples() {
        NatSampler s;
        for (int i = 0; i < 16; ++i)
            s.add(kA, 1000);
        for (int i = 0; i < 16; ++i)
            s.add(kB, 2000);
        QCOMPARE(*s.host(), kB);
        QCOMPARE(int(s.port()), 2000);
        QCOMPARE(s.size(), 16);
    }
};

QTEST_GUILESS_MAIN(TestNatSampler)
#include "test_nat_sampler.moc"
