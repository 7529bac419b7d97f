// The traffic ring buffers behind the graphs (issue #9, STYLE.md 5): bytes land in the bucket of
// their time at every resolution, each ring keeps at most its number of buckets (oldest dropped),
// quiet seconds cost nothing, and a clock that steps back adds to the newest bucket. Fake times.

#include "core/engine/TrafficHistory.h"

#include <QTest>

using namespace pluresdb::engine;

namespace {

TrafficSample bytes(quint64 payloadIn, quint64 overheadOut = 0) {
    TrafficSample s{};
    s[int(TrafficSeries::PayloadIn)] = payloadIn;
    s[int(TrafficSeries::OverheadOut)] = overheadOut;
    return s;
}

quint64 sum(const std::vector<TrafficBucket>& b, TrafficSeries s) {
    quint64 n = 0;
    for (const auto& x : b)
        n += x.bytes[int(s)];
    return n;
}

}  // namespace

class TestTrafficHistory : public QObject {
    Q_OBJECT
private slots:
    /// 1 s, 10 s, 60 s and 144 s buckets: 5 min … 24 h.
    void resolutionsCoverFiveMinutesToADay() {
        QCOMPARE(kTrafficResolutions.front().bucketSeconds * kTrafficResolutions.front().buckets, 300);
        QCOMPARE(kTrafficResolutions.back().bucketSeconds * kTrafficResolutions.back().buckets, 24 * 3600);
    }

    /// Samples within one bucket add up; every resolution sees every byte.
    void samplesLandInTheirBuckets() {
        TrafficHistory h;
        const qint64 t0 = 1'700'000'000'000;
        h.add(t0, bytes(100, 7));
        h.add(t0 + 300, bytes(50));
        h.add(t0 + 1000, bytes(25));
        const auto one = h.buckets(0);
        QCOMPARE(one.size(), size_t(2));
        QCOMPARE(one[0].bytes[int(TrafficSeries::PayloadIn)], quint64(150));
        QCOMPARE(one[0].startMs, t0 / 1000 * 1000);
        for (int r = 0; r < int(kTrafficResolutions.size()); ++r) {
            QCOMPARE(sum(h.buckets(r), TrafficSeries::PayloadIn), quint64(175));
            QCOMPARE(sum(h.buckets(r), TrafficSeries::OverheadOut), quint64(7));
        }
        QCOMPARE(h.total()[int(TrafficSeries::PayloadIn)], quint64(175));
        QVERIFY(h.buckets(99).empty());
    }

    /// A ring keeps its last N buckets, oldest first; the total keeps everything.
    void ringDropsTheOldest() {
        TrafficHistory h;
        for (int s = 0; s < 1000; ++s)
            h.add(qint64(s) * 1000, bytes(1));
        const auto one = h.buckets(0);
        QCOMPARE(one.size(), size_t(300));
        QCOMPARE(one.front().startMs, qint64(700) * 1000);
        QCOMPARE(one.back().startMs, qint64(999) * 1000);
        for (size_t i = 1; i < one.size(); ++i)
            QVERIFY(one[i].startMs > one[i - 1].startMs);
        QCOMPARE(h.buckets(1).size(), size_t(100));  // 10 s buckets
        QCOMPARE(sum(h.buckets(1), TrafficSeries::PayloadIn), quint64(1000));
        QCOMPARE(h.total()[int(TrafficSeries::PayloadIn)], quint64(1000));
    }

    /// Quiet seconds are not stored; a clock stepping back adds to the newest bucket.
    void quietAndBackwardsTime() {
        TrafficHistory h;
        h.add(0, bytes(1));
        for (int s = 1; s < 100; ++s)
            h.add(qint64(s) * 1000, bytes(0));
        h.add(100'000, bytes(2));
        QCOMPARE(h.buckets(0).size(), size_t(2));
        h.add(50'000, bytes(4));
        const auto one = h.buckets(0);
        QCOMPARE(one.size(), size_t(2));
        QCOMPARE(one.back().bytes[int(TrafficSeries::PayloadIn)], quint64(6));
    }
};

QTEST_GUILESS_MAIN(TestTrafficHistory)
#include "test_traffic_history.moc"
