// The request engine on two real UdxSockets on 127.0.0.1 (spec/hyperdht.md §2.1, §2.5): a request
// goes out through sendDatagram(), the peer's datagram handler receives and answers it, and the
// answer completes the request; a request to a silent port times out after its retries.

#include "core/dht/rpc/RequestEngine.h"
#include "core/dht/rpc/UdxDatagramSender.h"

#include <QTest>
#include <QTimer>

using namespace pluresdb;
using namespace pluresdb::dht::rpc;
using transport::udx::UdxSocket;

class TestUdxRpc : public QObject {
    Q_OBJECT
private slots:
    /// Address conversion both ways, including IPv4-mapped IPv6; IPv6 proper is refused.
    void addressConversion() {
        const auto a = toIpv4Address(QHostAddress(QStringLiteral("127.0.0.1")), 49737);
        QVERIFY(a);
        QCOMPARE(a->toString(), QStringLiteral("127.0.0.1:49737"));
        QCOMPARE(toHostAddress(*a), QHostAddress(QStringLiteral("127.0.0.1")));
        QCOMPARE(toIpv4Address(QHostAddress(QStringLiteral("::ffff:10.1.2.3")), 1)->toString(),
                 QStringLiteral("10.1.2.3:1"));
        QVERIFY(!toIpv4Address(QHostAddress(QStringLiteral("::1")), 1));
    }

    /// A PING over loopback is answered by the peer's handler and completes with its response; the
    /// response's `to` tells the requester its own address as seen by the peer (§2.2).
    void pingOverLoopback() {
        UdxSocket a, b;
        QVERIFY(a.bind(QHostAddress::LocalHost, 0).ok());
        QVERIFY(b.bind(QHostAddress::LocalHost, 0).ok());
        SteadyClock clock;
        UdxDatagramSender sender(a);
        RequestEngine engine(sender, clock, 4242);
        QTimer timers;
        QObject::connect(&timers, &QTimer::timeout, [&] { engine.processTimers(); });
        timers.start(10);

        int served = 0;
        b.setDatagramHandler([&](const QByteArray& datagram, const QHostAddress& from, quint16 port) {
            auto m = decodeMessage(datagram);
            if (!m || !std::holds_alternative<RpcRequest>(*m))
                return;
            const auto& req = std::get<RpcRequest>(*m);
            RpcResponse resp;
            resp.tid = req.tid;
            resp.to = *toIpv4Address(from, port);
            ++served;
            b.sendDatagram(encodeResponse(resp), from, port);
        });
        a.setDatagramHandler([&](const QByteArray& datagram, const QHostAddress& from, quint16 port) {
            auto m = decodeMessage(datagram);
            if (m && std::holds_alternative<RpcResponse>(*m))
                engine.onResponse(std::get<RpcResponse>(*m), *toIpv4Address(from, port));
        });

        RpcRequest ping;
        ping.internal = true;
        ping.command = kCommandPing;
        ping.to = *toIpv4Address(QHostAddress::LocalHost, b.localPort());
        std::optional<RequestResult> result;
        int calls = 0;
        engine.request(ping, ping.to, {}, [&](const RequestResult& r) {
            ++calls;
            result = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        QCOMPARE(calls, 1);
        QCOMPARE(served, 1);
        QCOMPARE(result->status, RequestStatus::Response);
        QCOMPARE(result->response->tid, uint16_t(4242));
        QCOMPARE(result->response->to.port, a.localPort());
        QCOMPARE(engine.stats().responses, quint64(1));
    }

    /// Nobody answers on a bound-but-silent socket: the request is sent 1 + retries times and
    /// finishes once with Timeout.
    void silentPeerTimesOut() {
        UdxSocket a, silent;
        QVERIFY(a.bind(QHostAddress::LocalHost, 0).ok());
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0).ok());
        int received = 0;
        silent.setDatagramHandler([&](const QByteArray&, const QHostAddress&, quint16) { ++received; });
        SteadyClock clock;
        UdxDatagramSender sender(a);
        RequestEngine engine(sender, clock, 1);
        QTimer timers;
        QObject::connect(&timers, &QTimer::timeout, [&] { engine.processTimers(); });
        timers.start(5);
        std::optional<RequestResult> result;
        int calls = 0;
        RpcRequest ping;
        ping.internal = true;
        engine.request(
            ping, *toIpv4Address(QHostAddress::LocalHost, silent.localPort()),
            [] {
                RequestOptions o;
                o.timeoutMs = 40;
                o.retries = 2;
                return o;
            }(),
            [&](const RequestResult& r) {
                ++calls;
                result = r;
            });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        QTest::qWait(100);
        QCOMPARE(calls, 1);
        QCOMPARE(result->status, RequestStatus::Timeout);
        QCOMPARE(result->attempts, 3);
        QCOMPARE(received, 3);
    }
};

QTEST_GUILESS_MAIN(TestUdxRpc)
#include "test_udx_rpc.moc"
