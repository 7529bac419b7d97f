// `pluresdb-cli net listen|connect --udx`: stdin/stdout piping, REMOTE/LISTENING lines and exit
// codes, CLI↔CLI and CLI↔udx-native on 127.0.0.1.

#include "tests/interop/UdxNodePeer.h"
#include "tests/support/TestSupport.h"
#include "tests/unit/udx/UdxTestHelpers.h"

#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace pluresdb::test;
using namespace pluresdb::test::udx;

namespace {

bool waitForLine(QProcess& p, const QByteArray& prefix, QByteArray* line, int timeoutMs) {
    QByteArray seen;
    return waitFor(
        [&] {
            seen += p.readAllStandardError();
            for (const QByteArray& l : seen.split('\n'))
                if (l.startsWith(prefix)) {
                    *line = l;
                    return true;
                }
            return false;
        },
        timeoutMs);
}

}  // namespace

class TestUdxCli : public QObject {
    Q_OBJECT
private slots:
    /// Two CLI processes pipe 2 MiB each way over UDX; both exit 0 with the other's bytes on stdout.
    void cliToCli() {
        const QByteArray a = payload(2 << 20, 11), b = payload(2 << 20, 12);
        QProcess listener;
        listener.start(cliPath(),
                       {"net", "listen", "--udx", "127.0.0.1:0", "--id", "100", "--remote-id", "200"});
        QByteArray line;
        QVERIFY(waitForLine(listener, "LISTENING ", &line, 10000));
        const QByteArray port = line.mid(line.lastIndexOf(':') + 1).trimmed();
        listener.write(b);
        listener.closeWriteChannel();
        QProcess dialer;
        dialer.start(cliPath(), {"net", "connect", "--udx", "127.0.0.1:" + QString::fromLatin1(port), "--id",
                                 "200", "--remote-id", "100"});
        dialer.write(a);
        dialer.closeWriteChannel();
        QByteArray outL, outD;
        QVERIFY(waitFor(
            [&] {
                outL += listener.readAllStandardOutput();
                outD += dialer.readAllStandardOutput();
                return listener.state() == QProcess::NotRunning && dialer.state() == QProcess::NotRunning;
            },
            30000));
        outL += listener.readAllStandardOutput();
        outD += dialer.readAllStandardOutput();
        QCOMPARE(listener.exitCode(), 0);
        QCOMPARE(dialer.exitCode(), 0);
        QCOMPARE(sha256(outL), sha256(a));
        QCOMPARE(sha256(outD), sha256(b));
    }

    /// The CLI dials a udx-native stream that learns it from the first packet; bytes both ways.
    void cliToNode() {
        QJsonObject cfg{{"mode", "transfer"},
                        {"id", 4242},
                        {"remoteId", 4343},
                        {"size", 300000},
                        {"remotePort", QJsonValue()}};
        NodeUdxPeer node(cfg);
        const quint16 port = node.waitReady();
        QVERIFY(port);
        const QByteArray a = payload(500000, 13);
        const ProcessResult r =
            runProcess(cliPath(),
                       {"net", "connect", "--udx", QStringLiteral("127.0.0.1:%1").arg(port), "--id", "4343",
                        "--remote-id", "4242"},
                       a, 30000);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains("REMOTE 127.0.0.1:" + QByteArray::number(port)));
        const QJsonObject res = node.waitResult(10000);
        QCOMPARE(res.value("recvHash").toString().toLatin1(), sha256(a));
        QCOMPARE(res.value("sentHash").toString().toLatin1(), sha256(r.out));
        QCOMPARE(r.out.size(), 300000);
    }

    /// Usage errors exit 2; a peer that destroys the stream makes the CLI exit 1 with a message.
    void errors() {
        ProcessResult r = runProcess(
            cliPath(), {"net", "connect", "--udx", "127.0.0.1:notaport", "--id", "1", "--remote-id", "2"});
        QCOMPARE(r.exitCode, 2);
        r = runProcess(cliPath(), {"net", "connect", "--udx", "127.0.0.1:9", "--id", "1"});
        QCOMPARE(r.exitCode, 2);
        QJsonObject cfg{
            {"mode", "reset-peer"}, {"id", 77}, {"remoteId", 78}, {"size", 0}, {"remotePort", QJsonValue()}};
        NodeUdxPeer node(cfg);
        const quint16 port = node.waitReady();
        QVERIFY(port);
        r = runProcess(cliPath(),
                       {"net", "connect", "--udx", QStringLiteral("127.0.0.1:%1").arg(port), "--id", "78",
                        "--remote-id", "77"},
                       "data", 20000);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("ECONNRESET"));
    }
};

QTEST_GUILESS_MAIN(TestUdxCli)
#include "test_udx_cli.moc"
