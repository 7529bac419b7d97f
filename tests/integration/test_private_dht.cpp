// A private DHT made of nothing but our CLI: one `pluresdb-cli bootstrap` node, one `dht announce`
// and one `dht lookup`. The bootstrap node is the only persistent node, so the lookup finds the
// announcer only if the bootstrap node stores announcements (as hyperdht's bootstrapper does).
// Everything on 127.0.0.1.

#include "tests/support/TestSupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QUdpSocket>

#include <csignal>

using namespace pluresdb;

namespace {

quint16 freeUdpPort() {
    QUdpSocket s;
    if (!s.bind(QHostAddress::LocalHost, 0))
        return 0;
    return s.localPort();
}

// Waits for a line on stdout; returns it trimmed, or an empty string if the process ended first.
QString awaitLine(QProcess& p, int timeoutMs) {
    const bool got =
        QTest::qWaitFor([&] { return p.canReadLine() || p.state() == QProcess::NotRunning; }, timeoutMs);
    if (!got || !p.canReadLine())
        return {};
    return QString::fromUtf8(p.readLine()).trimmed();
}

void stop(QProcess& p) {
    if (p.state() == QProcess::NotRunning)
        return;
    ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
    if (!p.waitForFinished(15'000))
        p.kill();
}

}  // namespace

class TestPrivateDht : public QObject {
    Q_OBJECT
private slots:
    void bootstrapNodeAloneStoresAnnouncements() {
        const quint16 port = freeUdpPort();
        QVERIFY(port != 0);
        const QString bootstrap = QStringLiteral("127.0.0.1:%1").arg(port);

        QProcess node;
        node.start(test::cliPath(),
                   {QStringLiteral("bootstrap"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                    QStringLiteral("--port"), QString::number(port)});
        QCOMPARE(awaitLine(node, 20'000), QStringLiteral("BOOTSTRAP ") + bootstrap);

        const QString topic = QStringLiteral("5a").repeated(32);
        QProcess announcer;
        announcer.start(test::cliPath(), {QStringLiteral("dht"), QStringLiteral("announce"), topic,
                                          QStringLiteral("--bootstrap"), bootstrap});
        const QString publicKey = awaitLine(announcer, 30'000);
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(publicKey).hasMatch(),
                 qPrintable(QStringLiteral("announce printed '%1'; stderr: %2")
                                .arg(publicKey, QString::fromUtf8(announcer.readAllStandardError()))));

        const auto lookup = test::runProcess(test::cliPath(),
                                             {QStringLiteral("dht"), QStringLiteral("lookup"), topic,
                                              QStringLiteral("--bootstrap"), bootstrap},
                                             {}, 60'000);
        QVERIFY2(lookup.exitCode == 0, lookup.err.constData());
        const QStringList lines = QString::fromUtf8(lookup.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(publicKey + u' ') || lines.first() == publicKey,
                 qPrintable(lines.first()));

        // Another topic has nobody.
        const auto empty =
            test::runProcess(test::cliPath(),
                             {QStringLiteral("dht"), QStringLiteral("lookup"),
                              QStringLiteral("6b").repeated(32), QStringLiteral("--bootstrap"), bootstrap},
                             {}, 60'000);
        QCOMPARE(empty.exitCode, 0);
        QVERIFY(empty.out.trimmed().isEmpty());

        stop(announcer);
        QCOMPARE(announcer.exitCode(), 0);
        stop(node);
        QCOMPARE(node.exitStatus(), QProcess::NormalExit);
        QCOMPARE(node.exitCode(), 0);
    }
};

QTEST_MAIN(TestPrivateDht)
#include "test_private_dht.moc"
