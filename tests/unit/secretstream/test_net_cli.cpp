// `pluresdb-cli net listen|connect --tcp`: two CLI processes exchange stdin both ways byte for byte and
// exit 0 with each other's REMOTE key; usage errors exit 2; runtime failures exit 1 with a message.

#include "core/crypto/Ed25519.h"
#include "tests/support/TestSupport.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTest>

using namespace pluresdb;

namespace {
const char kSeedA[] = "0101010101010101010101010101010101010101010101010101010101010101";
const char kSeedB[] = "0202020202020202020202020202020202020202020202020202020202020202";

QByteArray randomBytes(int n) {
    QByteArray b(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        b[i] = static_cast<char>(QRandomGenerator::global()->generate());
    return b;
}
QByteArray keyHex(const char* seed) {
    return crypto::keyPairFromSeed(crypto::SecureBytes::fromByteArray(QByteArray::fromHex(seed)))
        ->publicKey.toHex();
}
}  // namespace

class TestNetCli : public QObject {
    Q_OBJECT
private slots:
    /// listen (port 0) and connect exchange 1 MiB + 3 bytes each way; both print the other's key and exit 0.
    void cliToCli() {
        const QByteArray a = randomBytes(1024 * 1024 + 3), b = randomBytes(1024 * 1024 + 3);
        QProcess listener, connector;
        QByteArray lOut, lErr, cOut, cErr;
        connect(&listener, &QProcess::readyReadStandardOutput, &listener,
                [&] { lOut += listener.readAllStandardOutput(); });
        connect(&listener, &QProcess::readyReadStandardError, &listener,
                [&] { lErr += listener.readAllStandardError(); });
        connect(&connector, &QProcess::readyReadStandardOutput, &connector,
                [&] { cOut += connector.readAllStandardOutput(); });
        connect(&connector, &QProcess::readyReadStandardError, &connector,
                [&] { cErr += connector.readAllStandardError(); });
        listener.start(test::cliPath(),
                       {QStringLiteral("net"), QStringLiteral("listen"), QStringLiteral("--tcp"),
                        QStringLiteral("127.0.0.1:0"), QStringLiteral("--seed"), QLatin1String(kSeedA)});
        QTRY_VERIFY_WITH_TIMEOUT(lErr.contains("LISTENING 127.0.0.1:") && lErr.endsWith('\n'), 20000);
        const int at = lErr.indexOf("LISTENING 127.0.0.1:") + 20;
        const QString port = QString::fromLatin1(lErr.mid(at, lErr.indexOf('\n', at) - at));
        connector.start(test::cliPath(), {QStringLiteral("net"), QStringLiteral("connect"),
                                          QStringLiteral("--tcp"), QStringLiteral("127.0.0.1:") + port,
                                          QStringLiteral("--seed"), QLatin1String(kSeedB)});
        QVERIFY(connector.waitForStarted());
        listener.write(b);
        listener.closeWriteChannel();
        connector.write(a);
        connector.closeWriteChannel();
        QTRY_VERIFY_WITH_TIMEOUT(
            listener.state() == QProcess::NotRunning && connector.state() == QProcess::NotRunning, 60000);
        QVERIFY2(listener.exitCode() == 0, lErr.constData());
        QVERIFY2(connector.exitCode() == 0, cErr.constData());
        QVERIFY(lOut == a);
        QVERIFY(cOut == b);
        QVERIFY2(lErr.contains("REMOTE " + keyHex(kSeedB) + "\n"), lErr.constData());
        QVERIFY2(cErr.contains("REMOTE " + keyHex(kSeedA) + "\n"), cErr.constData());
    }

    /// Usage errors exit 2 with a message; a port already in use exits 1 with a message.
    void errors() {
        auto run = [](const QStringList& args) { return test::runProcess(test::cliPath(), args, {}, 20000); };
        auto r = run({QStringLiteral("net"), QStringLiteral("connect"), QStringLiteral("--tcp"),
                      QStringLiteral("nohostport")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("HOST:PORT"));
        r = run({QStringLiteral("net"), QStringLiteral("connect"), QStringLiteral("--tcp"),
                 QStringLiteral("127.0.0.1:70000")});
        QCOMPARE(r.exitCode, 2);
        r = run({QStringLiteral("net"), QStringLiteral("connect"), QStringLiteral("--tcp"),
                 QStringLiteral("127.0.0.1:1"), QStringLiteral("--seed"), QStringLiteral("abcd")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--seed"));
        r = run({QStringLiteral("net"), QStringLiteral("listen"), QStringLiteral("--tcp"),
                 QStringLiteral("127.0.0.1:1"), QStringLiteral("--bogus")});
        QCOMPARE(r.exitCode, 2);
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
        r = run({QStringLiteral("net"), QStringLiteral("listen"), QStringLiteral("--tcp"),
                 QStringLiteral("127.0.0.1:%1").arg(busy.serverPort())});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("cannot listen"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestNetCli)
#include "test_net_cli.moc"
