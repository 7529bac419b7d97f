// A Node peer that reaches a sync node without the key (the real @hyperswarm/secret-stream over TCP
// on 127.0.0.1, tests/interop/secretstream_peer.js sending random bytes, as a peer that found the
// topic would): it is refused with an error event, nothing it sent is applied, and all it ever
// received is our Hello (the key proof, 37 bytes): none of the data.

#include "tests/unit/sync/SyncCliNode.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pluresdb::test;

class TestSyncRefusedPeer : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp{fastTempRoot()};

private slots:
    void peerWithoutKeyIsRefused() {
        SyncCliNode c;
        QVERIFY(c.startCli(m_tmp.path() + "/c",
                           QStringLiteral("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"),
                           {"--listen-tcp", "127.0.0.1:0"}));
        QVERIFY(c.put("secret", {{"v", "do not leak"}}).isObject());
        const QString tcp = c.listening("tcp");
        const QString port = tcp.section(':', -1);
        const QString script = qEnvironmentVariable("PLURESDB_INTEROP_DIR") + "/secretstream_peer.js";
        const auto r =
            runProcess("node", {script, "connect", port, "4000", QString(64, QLatin1Char('7'))}, {}, 60000);
        QVERIFY2(!r.timedOut, r.err.constData());
        QVERIFY2(c.waitEvent([](const QJsonObject& e) { return e.value("kind") == "refused"; }),
                 qPrintable(c.eventNames().join(",")));
        const QJsonObject out = QJsonDocument::fromJson(r.out.trimmed().split('\n').last()).object();
        // A clean close reports what arrived; a reset before that is also fine (nothing arrived then).
        if (out.contains("recvBytes"))
            QCOMPARE(out.value("recvBytes").toInt(), 37);
        else
            QVERIFY2(out.contains("error"), r.out.constData());
        QCOMPARE(c.count(), 1);
        QVERIFY(!c.eventNames().contains("peer:connected"));
        QCOMPARE(c.command({{"op", "stats"}}).toObject().value("opsSent").toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncRefusedPeer)
#include "test_sync_refused_peer.moc"
