// The dht-rpc request engine (spec/hyperdht.md §2.5) under a fake clock and a recording sender:
// every request finishes exactly once, responses count only from the address the request went to,
// retries are byte-identical, and the congestion window holds.

#include "DhtTestData.h"

#include "core/dht/rpc/RequestEngine.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>

using namespace pluresdb;
using namespace pluresdb::dht::rpc;
using dhttest::address;

namespace {

// RequestOptions with the fields these tests vary (the rest default).
RequestOptions opts(int timeoutMs, int retries, bool force = false) {
    RequestOptions o;
    o.timeoutMs = timeoutMs;
    o.retries = retries;
    o.force = force;
    return o;
}

class FakeClock final : public MonotonicClock {
public:
    qint64 nowMs() const override { return m_now; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now = 1000000;
};

struct Sent {
    QByteArray datagram;
    encoding::Ipv4Address to;
};

class RecordingSender final : public DatagramSender {
public:
    void sendDatagram(const QByteArray& datagram, const encoding::Ipv4Address& to) override {
        sent.push_back({datagram, to});
    }
    std::vector<Sent> sent;
};

RpcRequest ping() {
    RpcRequest r;
    r.internal = true;
    r.command = kCommandPing;
    return r;
}

RpcResponse responseTo(const Sent& s, uint64_t error = kErrorOk) {
    auto m = decodeMessage(s.datagram);
    RpcResponse r;
    r.tid = std::get<RpcRequest>(*m).tid;
    r.error = error;
    return r;
}

// Counts completions per request so a test can demand exactly one each.
struct Completions {
    std::map<RequestId, std::vector<RequestResult>> byId;
    RequestCompletion forNext(RequestId& idSlot) {
        return [this, &idSlot](const RequestResult& r) { byId[idSlot].push_back(r); };
    }
};

const encoding::Ipv4Address kNode = address(QStringLiteral("127.0.0.1:49737"));
const encoding::Ipv4Address kOther = address(QStringLiteral("127.0.0.1:49738"));

}  // namespace

class TestRequestEngine : public QObject {
    Q_OBJECT
private slots:
    /// A response from the address the request went to completes it once; a duplicate of that
    /// response afterwards is an unknown tid and completes nothing.
    void responseCompletesOnce() {
        FakeClock clock;
        RecordingSender sender;
        RequestEngine engine(sender, clock, 100);
        int calls = 0;
        RequestResult got;
        engine.request(ping(), kNode, {}, [&](const RequestResult& r) {
            ++calls;
            got = r;
        });
        QCOMPARE(sender.sent.size(), std::size_t(1));
        QVERIFY(sender.sent[0].to == kNode);
        const RpcResponse resp = responseTo(sender.sent[0]);
        QCOMPARE(resp.tid, uint16_t(100));
        QCOMPARE(engine.onResponse(resp, kNode), ResponseDisposition::Accepted);
        QCOMPARE(calls, 1);
        QCOMPARE(got.status, RequestStatus::Response);
        QCOMPARE(got.response->tid, uint16_t(100));
        QCOMPARE(engine.onResponse(resp, kNode), ResponseDisposition::UnknownTid);
        clock.advance(60000);
        engine.processTimers();
        QCOMPARE(calls, 1);
        QCOMPARE(engine.inflight(), 0);
        QCOMPARE(engine.stats().unknownTid, quint64(1));
    }

    /// A response with the right tid from another address is ignored and counted; the request still
    /// completes from the right address, or times out.
    void responseFromWrongAddressIsRejected() {
        FakeClock clock;
        RecordingSender sender;
        RequestEngine engine(sender, clock, 7);
        int calls = 0;
        RequestStatus status{};
        engine.request(ping(), kNode, opts(1000, 0), [&](const RequestResult& r) {
            ++calls;
            status = r.status;
        });
        const RpcResponse resp = responseTo(sender.sent[0]);
        QCOMPARE(engine.onResponse(resp, kOther), ResponseDisposition::WrongAddress);
        encoding::Ipv4Address samePortOtherHost = kNode;
        samePortOtherHost.host[3] = 2;
        QCOMPARE(engine.onResponse(resp, samePortOtherHost), ResponseDisposition::WrongAddress);
        QCOMPARE(calls, 0);
        QCOMPARE(engine.stats().wrongAddress, quint64(2));
        clock.advance(1000);
        engine.processTimers();
        QCOMPARE(calls, 1);
        QCOMPARE(status, RequestStatus::Timeout);
    }

    /// §2.5: without an answer a request is sent 1 + retries times, each byte-identical (same tid),
    /// one timeout apart, and finishes with Timeout once, after the last attempt's timer.
    void retriesThenTimesOut() {
        FakeClock clock;
        RecordingSender sender;
        RequestEngine engine(sender, clock, 0xfffe);
        int calls = 0;
        RequestResult got;
        engine.request(ping(), kNode, {}, [&](const RequestResult& r) {
            ++calls;
            got = r;
        });
        for (int attempt = 1; attempt <= 4; ++attempt) {
            QCOMPARE(sender.sent.size(), std::size_t(attempt));
            QCOMPARE(engine.nextDeadline().value(), clock.nowMs() + kDefaultTimeoutMs);
            clock.advance(kDefaultTimeoutMs - 1);
            engine.processTimers();
            QCOMPARE(sender.sent.size(), std::size_t(attempt));  // not a millisecond early
            clock.advance(1);
            engine.processTimers();
        }
        QCOMPARE(sender.sent.size(), std::size_t(4));
        for (const auto& s : sender.sent)
            QCOMPARE(s.datagram, sender.sent[0].datagram);
        QCOMPARE(calls, 1);
        QCOMPARE(got.status, RequestStatus::Timeout);
        QCOMPARE(got.attempts, 4);
        QCOMPARE(engine.stats().retries, quint64(3));
        QCOMPARE(engine.stats().timeouts, quint64(1));
        QVERIFY(!engine.nextDeadline());
        // retry:false is one transmission.
        engine.request(ping(), kNode, opts(500, 0), [&](const RequestResult&) { ++calls; });
        clock.advance(500);
        engine.processTimers();
        QCOMPARE(sender.sent.size(), std::size_t(5));
        QCOMPARE(calls, 2);
    }

    /// A response to a retransmission completes the request; an error code gives ErrorResponse.
    void errorResponseAfterRetry() {
        FakeClock clock;
        RecordingSender sender;
        RequestEngine engine(sender, clock, 1);
        RequestResult got;
        int calls = 0;
        engine.request(ping(), kNode, {}, [&](const RequestResult& r) {
            ++calls;
            got = r;
        });
        clock.advance(1000);
        engine.processTimers();
        QCOMPARE(sender.sent.size(), std::size_t(2));
        QCOMPARE(engine.onResponse(responseTo(sender.sent[1], kErrorInvalidToken), kNode),
                 ResponseDisposition::Accepted);
        QCOMPARE(calls, 1);
        QCOMPARE(got.status, RequestStatus::ErrorResponse);
        QCOMPARE(got.response->error, kErrorInvalidToken);
        QCOMPARE(got.attempts, 2);
    }

    /// cancel() finishes once with Cancelled; a second cancel and a late response do nothing.
    void cancelFinishesOnce() {
        FakeClock clock;
        RecordingSender sender;
        RequestEngine engine(sender, clock, 1);
        int calls = 0;
        RequestStatus status{};
        const RequestId id = engine.request(ping(), kNode, {}, [&](const RequestResult& r) {
            ++calls;
            status = r.status;
        });
        QVERIFY(engine.cancel(id));
        QVERIFY(!engine.cancel(id));
        QCOMPARE(engine.onResponse(responseTo(sender.sent[0]), kNode), ResponseDisposition::UnknownTid);
        clock.advance(10000);
        engine.processTimers();
        QCOMPARE(calls, 1);
        QCOMPARE(status, RequestStatus::Cancelled);
    }

    /// §2.5: at most 80 transmissions per 750 ms slot and 160 across four slots; the rest wait in
    /// the queue and go out on later ticks; forced requests bypass the window; each still finishes
    /// exactly once.
    void congestionWindow() {
        FakeClock clock;
        RecordingSender sender;
        RequestEngine engine(sender, clock, 1);
        std::map<RequestId, int> done;
        for (int i = 0; i < 250; ++i) {
            auto id = std::make_shared<RequestId>();
            *id = engine.request(ping(), kNode, opts(60000, 0),
                                 [&done, id](const RequestResult&) { ++done[*id]; });
        }
        QCOMPARE(sender.sent.size(), std::size_t(kMaxWindowPerSlot));
        QCOMPARE(engine.queued(), 250 - kMaxWindowPerSlot);
        engine.request(ping(), kNode, opts(60000, 0, true), [&](const RequestResult&) { ++done[0]; });
        QCOMPARE(sender.sent.size(), std::size_t(kMaxWindowPerSlot + 1));
        // A new request waits behind the queue (FIFO), even though it is not full for it.
        // Responses give back units of the current slot, and the freed unit goes to the queue.
        QCOMPARE(engine.onResponse(responseTo(sender.sent[0]), kNode), ResponseDisposition::Accepted);
        QCOMPARE(sender.sent.size(), std::size_t(kMaxWindowPerSlot + 1));  // 80 of 80 again
        QCOMPARE(engine.onResponse(responseTo(sender.sent[1]), kNode), ResponseDisposition::Accepted);
        QCOMPARE(sender.sent.size(), std::size_t(kMaxWindowPerSlot + 2));
        engine.tick();
        QCOMPARE(sender.sent.size(), std::size_t(2 * kMaxWindowPerSlot + 2));  // 160 in the window: the cap
        engine.tick();
        engine.tick();
        QCOMPARE(sender.sent.size(), std::size_t(2 * kMaxWindowPerSlot + 2));
        engine.tick();  // back to the first slot: its 80 units expire
        QCOMPARE(sender.sent.size(), std::size_t(3 * kMaxWindowPerSlot + 2));
        while (engine.queued() > 0)
            engine.tick();
        QCOMPARE(sender.sent.size(), std::size_t(251));
        for (const auto& s : sender.sent)
            engine.onResponse(responseTo(s), kNode);
        QCOMPARE(engine.inflight(), 0);
        QCOMPARE(done.size(), std::size_t(251));
        for (const auto& [id, n] : done)
            QCOMPARE(n, 1);
    }

    /// The 16-bit tid wraps, and a tid still in flight is skipped rather than reused.
    void tidsWrapAndNeverCollide() {
        FakeClock clock;
        RecordingSender sender;
        RequestEngine engine(sender, clock, 0xffff);
        engine.request(ping(), kNode, {}, {});
        engine.request(ping(), kNode, {}, {});
        QCOMPARE(responseTo(sender.sent[0]).tid, uint16_t(0xffff));
        QCOMPARE(responseTo(sender.sent[1]).tid, uint16_t(0));
        for (int i = 0; i < 0xfffe; ++i)
            engine.cancel(engine.request(ping(), kNode, {}, {}));
        // The counter is back at 0xffff, which is still in flight, as is 0.
        engine.request(ping(), kNode, {}, {});
        QCOMPARE(responseTo(sender.sent.back()).tid, uint16_t(1));
    }

    /// Callbacks may issue and cancel requests; destroyAll finishes the rest once with Destroyed,
    /// and a request issued from a Destroyed callback is itself finished, not sent.
    void reentrantCallbacksAndShutdown() {
        FakeClock clock;
        RecordingSender sender;
        int destroyed = 0, followUps = 0;
        {
            RequestEngine engine(sender, clock, 1);
            RequestId victim = 0;
            engine.request(ping(), kNode, {}, [&](const RequestResult&) {
                engine.cancel(victim);
                engine.request(ping(), kOther, {}, [&](const RequestResult& r) {
                    ++followUps;
                    QCOMPARE(r.status, RequestStatus::Destroyed);
                });
            });
            victim = engine.request(ping(), kNode, {}, [&](const RequestResult& r) {
                QCOMPARE(r.status, RequestStatus::Cancelled);
            });
            QCOMPARE(engine.onResponse(responseTo(sender.sent[0]), kNode), ResponseDisposition::Accepted);
            QCOMPARE(engine.inflight(), 1);
            QVERIFY(sender.sent.back().to == kOther);
            engine.request(ping(), kNode, {}, [&](const RequestResult& r) {
                ++destroyed;
                QCOMPARE(r.status, RequestStatus::Destroyed);
                engine.request(ping(), kNode, {}, [&](const RequestResult&) { ++destroyed; });
            });
            const std::size_t before = sender.sent.size();
            engine.destroyAll();
            QCOMPARE(sender.sent.size(), before);
            QCOMPARE(engine.inflight(), 0);
        }
        QCOMPARE(destroyed, 2);
        QCOMPARE(followUps, 1);
    }

    /// Random interleavings of responses (right and wrong address, duplicates, error codes),
    /// cancellations, ticks and time: every request finishes exactly once, none is left behind.
    void randomScheduleFinishesEverythingOnce() {
        QRandomGenerator rng(20261129);
        for (int round = 0; round < 20; ++round) {
            FakeClock clock;
            RecordingSender sender;
            RequestEngine engine(sender, clock, uint16_t(rng.bounded(0x10000)), 5);
            std::map<RequestId, int> done;
            std::vector<RequestId> ids;
            for (int step = 0; step < 400; ++step) {
                switch (rng.bounded(6)) {
                    case 0: {
                        auto id = std::make_shared<RequestId>();
                        const RequestOptions o =
                            opts(int(rng.bounded(1, 2000)), int(rng.bounded(0, 6)), rng.bounded(4) == 0);
                        *id = engine.request(ping(), rng.bounded(2) ? kNode : kOther, o,
                                             [&done, id](const RequestResult&) { ++done[*id]; });
                        ids.push_back(*id);
                        break;
                    }
                    case 1:
                        if (!sender.sent.empty()) {
                            const Sent& s = sender.sent[rng.bounded(int(sender.sent.size()))];
                            engine.onResponse(
                                responseTo(s, rng.bounded(3) == 0 ? kErrorUnknownCommand : kErrorOk),
                                rng.bounded(4) == 0 ? (s.to == kNode ? kOther : kNode) : s.to);
                        }
                        break;
                    case 2:
                        if (!ids.empty())
                            engine.cancel(ids[rng.bounded(int(ids.size()))]);
                        break;
                    case 3:
                        engine.tick();
                        break;
                    default:
                        clock.advance(rng.bounded(1500));
                        engine.processTimers();
                }
            }
            engine.destroyAll();
            QCOMPARE(engine.inflight(), 0);
            QCOMPARE(done.size(), ids.size());
            QVERIFY(ids.size() > 30 && engine.stats().responses > 0 && engine.stats().timeouts > 0);
            for (const auto& [id, n] : done)
                QCOMPARE(n, 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestRequestEngine)
#include "test_request_engine.moc"
