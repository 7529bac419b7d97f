// `pluresdb-cli net listen|connect --udx ... --secure`: secret-stream (Noise XX in-band) over UDX as a
// stdin/stdout pipe: CLI↔CLI and CLI↔@hyperswarm/secret-stream over udx-native on 127.0.0.1, the
// `REMOTE <public key>` line, and the exit codes for usage errors and a peer that is not secure.

#include "core/crypto/Ed25519.h"
#include "tests/interop/UdxNodePeer.h"
#include "tests/support/TestSupport.h"
#include "tests/unit/udx/UdxTestHelpers.h"

#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::test;
using namespace pluresdb::test::udx;

namespace {

const QByteArray kSeedA = QByteArray(32, '\x0a').toHex();
const QByteArray kSeedB = QByteArray(32, '\x0b').toHex();

QByteArray publicKeyHex(const QByteArray& seedHex) {
    return crypto::keyPairFromSeed(crypto::SecureBytes::fromByteArray(QByteArray::fromHex(seedHex)))
        .value()
        .publicKey.toHex();
}

// Waits for a stderr line starting with `prefix`; keeps everything read in `seen`.
bool waitForLine(QProcess& p, QByteArray* seen, const QByteArray& prefix, QByteArray* line, int timeoutMs) {
    return waitFor(
        [&] {
            *seen += p.readAllStandardError();
            for (const QByteArray& l : seen->split('\n'))
                if (l.startsWith(prefix)) {
                    *line = l;
                    return true;
                }
            return false;
        },
        timeoutMs);
}

QStringList netArgs(const char* verb, const QString& addr, const char* id, const char* remoteId) {
    return {"net", verb, "--udx", addr, "--id", id, "--remote-id", remoteId};
}

}  // namespace

class TestUdxSecureCli : public QObject {
    Q_OBJECT
private slots:
    /// Two CLI processes pipe 2 MiB each way through secret-stream over UDX; both exit 0 with the
    /// other's bytes on stdout and print the other's public key on a REMOTE line.
    void cliToCli() {
        const QByteArray a = payload(2 << 20, 31), b = payload(2 << 20, 32);
        QProcess listener;
        listener.start(cliPath(), netArgs("listen", "127.0.0.1:0", "100", "200") +
                                      QStringList{"--secure", "--seed", kSeedB});
        QByteArray errL, errD, line;
        QVERIFY(waitForLine(listener, &errL, "LISTENING ", &line, 10000));
        const QString port = QString::fromLatin1(line.mid(line.lastIndexOf(':') + 1).trimmed());
        listener.write(b);
        listener.closeWriteChannel();
        QProcess dialer;
        dialer.start(cliPath(), netArgs("connect", "127.0.0.1:" + port, "200", "100") +
                                    QStringList{"--secure", "--seed", kSeedA});
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
        errL += listener.readAllStandardError();
        errD += dialer.readAllStandardError();
        QCOMPARE(listener.exitCode(), 0);
        QCOMPARE(dialer.exitCode(), 0);
        QCOMPARE(sha256(outL), sha256(a));
        QCOMPARE(sha256(outD), sha256(b));
        QVERIFY2(errL.contains("REMOTE " + publicKeyHex(kSeedA) + "\n"), errL.constData());
        QVERIFY2(errD.contains("REMOTE " + publicKeyHex(kSeedB) + "\n"), errD.constData());
    }

    /// The CLI dials a Node secret-stream over udx-native (which learns it from the first packet):
    /// bytes both ways, and each side sees the other's public key.
    void cliToNode() {
        const QByteArray nodeSeed = QByteArray(32, '\x0c').toHex();
        QJsonObject cfg{{"mode", "transfer"},        {"id", 4242},
                        {"remoteId", 4343},          {"size", 300000},
                        {"initiator", false},        {"seed", QString::fromLatin1(nodeSeed)},
                        {"remotePort", QJsonValue()}};
        NodeUdxPeer node(cfg, QStringLiteral("udx_secure_peer.js"));
        const quint16 port = node.waitReady();
        QVERIFY(port);
        const QByteArray a = payload(500000, 33);
        const ProcessResult r =
            runProcess(cliPath(),
                       netArgs("connect", QStringLiteral("127.0.0.1:%1").arg(port), "4343", "4242") +
                           QStringList{"--secure", "--seed", kSeedA},
                       a, 30000);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("REMOTE " + publicKeyHex(nodeSeed) + "\n"), r.err.constData());
        const QJsonObject res = node.waitResult(10000);
        QCOMPARE(res.value("recvHash").toString().toLatin1(), sha256(a));
        QCOMPARE(res.value("sentHash").toString().toLatin1(), sha256(r.out));
        QCOMPARE(r.out.size(), 300000);
        QCOMPARE(res.value("remotePublicKey").toString().toLatin1(), publicKeyHex(kSeedA));
    }

    /// Usage errors exit 2; a secure dialer whose peer speaks raw UDX (no handshake) exits 1 with a
    /// message instead of printing the peer's bytes.
    void errors() {
        ProcessResult r = runProcess(cliPath(), netArgs("connect", "127.0.0.1:9", "1", "2") +
                                                    QStringList{"--seed", QString::fromLatin1(kSeedA)});
        QCOMPARE(r.exitCode, 2);
        r = runProcess(cliPath(), netArgs("connect", "127.0.0.1:9", "1", "2") +
                                      QStringList{"--secure", "--seed", "abcd"});
        QCOMPARE(r.exitCode, 2);

        QProcess rawListener;
        rawListener.start(cliPath(), netArgs("listen", "127.0.0.1:0", "300", "400"));
        QByteArray err, line;
        QVERIFY(waitForLine(rawListener, &err, "LISTENING ", &line, 10000));
        const QString port = QString::fromLatin1(line.mid(line.lastIndexOf(':') + 1).trimmed());
        rawListener.write("this is not a noise handshake, just plain bytes\n");
        rawListener.closeWriteChannel();
        r = runProcess(cliPath(),
                       netArgs("connect", "127.0.0.1:" + port, "400", "300") + QStringList{"--secure"}, {},
                       20000);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("pluresdb-cli: net: "), r.err.constData());
        rawListener.kill();
        rawListener.waitForFinished(2000);
    }
};

QTEST_GUILESS_MAIN(TestUdxSecureCli)
#include "test_udx_secure_cli.moc"
