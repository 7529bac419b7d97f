// UDX interop against unmodified udx-native 1.21.3 on 127.0.0.1 (spec/connection.md §6): C++ as
// either end (connecting first or learning the remote from the first packet), 0 B to 64 MiB each
// way at once checked by SHA-256, END and DESTROY both ways, MESSAGE datagrams both ways.

#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStream.h"
#include "tests/interop/UdxNodePeer.h"
#include "tests/unit/udx/UdxTestHelpers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace pluresdb::transport::udx;
using namespace pluresdb::test::udx;

namespace {

constexpr quint32 kNodeId = 0x01020304;

struct Cpp {
    UdxSocket socket;
    UdxStream stream;
    Sink sink;
    Cpp() {
        if (!socket.bind(QHostAddress::LocalHost, 0).ok())
            qFatal("bind failed");
        sink.attach(&stream);
    }
};

QJsonObject config(const QString& mode, quint32 remoteId, int remotePort, qint64 size = 0) {
    QJsonObject c{{"mode", mode},
                  {"id", double(kNodeId)},
                  {"remoteId", double(remoteId)},
                  {"size", double(size)},
                  {"timeoutMs", 90000}};
    c.insert(QStringLiteral("remotePort"), remotePort > 0 ? QJsonValue(remotePort) : QJsonValue());
    return c;
}

}  // namespace

class TestUdxInterop : public QObject {
    Q_OBJECT
private slots:
    void transferBothWays_data() {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<bool>("cppConnectsFirst");
        for (bool first : {true, false}) {
            const char* who = first ? "C++ dials, Node learns" : "Node dials, C++ learns";
            for (qint64 size : {qint64(0), qint64(1), qint64(5000), qint64(1 << 20), qint64(64 << 20)})
                QTest::addRow("%s, %lld B each way", who, size) << size << first;
        }
    }
    /// Both ends send `size` bytes at once and end; each side's received hash equals the other's
    /// sent hash, both see END, and both close cleanly. Run with C++ as either end.
    void transferBothWays() {
        QFETCH(qint64, size);
        QFETCH(bool, cppConnectsFirst);
        Cpp cpp;
        std::unique_ptr<NodeUdxPeer> node;
        if (cppConnectsFirst) {
            node = std::make_unique<NodeUdxPeer>(
                config(QStringLiteral("transfer"), cpp.stream.localId(), 0, size));
            const quint16 port = node->waitReady();
            QVERIFY2(port, node->stderrText().constData());
            QVERIFY(cpp.stream.connectTo(&cpp.socket, kNodeId, QHostAddress::LocalHost, port).ok());
        } else {
            cpp.stream.acceptFirstPacket(&cpp.socket, kNodeId);
            node = std::make_unique<NodeUdxPeer>(
                config(QStringLiteral("transfer"), cpp.stream.localId(), cpp.socket.localPort(), size));
            QVERIFY2(node->waitReady(), node->stderrText().constData());
        }
        const QByteArray data = payload(size, 7);
        for (qint64 off = 0; off < size; off += 1 << 20)
            cpp.stream.write(data.mid(off, 1 << 20));
        cpp.stream.end();
        const QJsonObject r = node->waitResult(90000);
        QVERIFY2(!r.isEmpty(), node->stderrText().constData());
        QVERIFY(waitFor([&] { return cpp.sink.closed; }, 10000));
        QCOMPARE(r.value("error").toString(), QString());
        QCOMPARE(cpp.sink.closeError, QString());
        QCOMPARE(qint64(r.value("received").toDouble()), size);
        QCOMPARE(r.value("recvHash").toString().toLatin1(), sha256(data));
        QCOMPARE(cpp.sink.bytes, size);
        QCOMPARE(cpp.sink.digest(), r.value("sentHash").toString().toLatin1());
        QVERIFY(r.value("ended").toBool());
        QVERIFY(cpp.sink.remoteEnded);
        if (size >= (64 << 20)) {
            const auto s = cpp.stream.stats();
            qInfo("C++ sender: %llu packets, %llu retransmitted, mtu %d", s.packetsSent,
                  s.packetsRetransmitted, s.mtu);
            QVERIFY(s.mtu > kBaseMtu);  // PMTU probes were accepted by libudx (§6.13)
        }
    }

    /// C++ destroy() reaches udx-native as ECONNRESET (§6.12).
    void cppDestroyResetsNode() {
        Cpp cpp;
        NodeUdxPeer node(config(QStringLiteral("expect-reset"), cpp.stream.localId(), 0));
        const quint16 port = node.waitReady();
        QVERIFY(port);
        QVERIFY(cpp.stream.connectTo(&cpp.socket, kNodeId, QHostAddress::LocalHost, port).ok());
        cpp.stream.write("before reset");
        QTest::qWait(200);
        cpp.stream.destroy();
        const QJsonObject r = node.waitResult(10000);
        QCOMPARE(r.value("error").toString(), QStringLiteral("ECONNRESET"));
        QCOMPARE(r.value("received").toInt(), 12);
    }

    /// udx-native destroy() closes the C++ stream with ECONNRESET.
    void nodeDestroyResetsCpp() {
        Cpp cpp;
        NodeUdxPeer node(config(QStringLiteral("reset-peer"), cpp.stream.localId(), 0));
        const quint16 port = node.waitReady();
        QVERIFY(port);
        QVERIFY(cpp.stream.connectTo(&cpp.socket, kNodeId, QHostAddress::LocalHost, port).ok());
        cpp.stream.write("x");
        QVERIFY(waitFor([&] { return cpp.sink.closed; }, 10000));
        QVERIFY2(cpp.sink.closeError.contains(QStringLiteral("ECONNRESET")), qPrintable(cpp.sink.closeError));
    }

    /// MESSAGE datagrams both ways: udx-native receives ours and its answers reach us (§6.16).
    void messagesBothWays() {
        Cpp cpp;
        NodeUdxPeer node(config(QStringLiteral("echo-messages"), cpp.stream.localId(), 0));
        const quint16 port = node.waitReady();
        QVERIFY(port);
        QVERIFY(cpp.stream.connectTo(&cpp.socket, kNodeId, QHostAddress::LocalHost, port).ok());
        QVERIFY(cpp.stream.sendMessage("hi from c++"));
        QVERIFY(waitFor([&] { return cpp.sink.messages.size() >= 2; }, 10000));
        QVERIFY(cpp.sink.messages.contains("echo:hi from c++"));
        QVERIFY(cpp.sink.messages.contains("from-node"));
        cpp.stream.destroy();
        const QJsonObject r = node.waitResult(10000);
        QCOMPARE(r.value("messages").toArray().first().toString(), QStringLiteral("hi from c++"));
    }
};

QTEST_GUILESS_MAIN(TestUdxInterop)
#include "test_udx.moc"
