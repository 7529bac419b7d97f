// A real full disk under a syncing CLI node (issue #11 "Faults"): node A runs in a private mount
// namespace (`unshare -m`, or `unshare -rm` without root) with its database on a 1 MiB tmpfs; node
// B, on the normal disk, syncs with it over the WebSocket mesh.
//   1. A's local puts fail with a clear "full" error once the tmpfs is full; A keeps answering and
//      its earlier writes stay readable.
//   2. B writes: A cannot store B's ops, so it must not acknowledge them — its sessions end with an
//      error ("not acknowledged") and A's state does not change.
//   3. Space returns (the tmpfs is remounted larger through nsenter): A and B converge, every write
//      either side acknowledged is on both, and A's file passes PRAGMA integrity_check.
// Skipped (with the reason) where the machine allows no mount namespace.

#include "tests/reliability/CliDriver.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pluresdb::test;

namespace {
const QString kKey = QStringLiteral("d15cf011d15cf011d15cf011d15cf011d15cf011d15cf011d15cf011d15cf011");

QString bigText(int n) {
    return QString(n, QChar('z'));
}
}  // namespace

class TestDiskFullCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp{fastTempRoot()};
    QStringList m_unshare;  // how to get a mount namespace here
    QStringList m_nsenter;  // how to enter it (plus -t PID)

    // Runs `args` inside A's mount namespace.
    ProcessResult inside(qint64 pid, const QStringList& args) {
        return runProcess(QStringLiteral("nsenter"),
                          m_nsenter + QStringList{"-t", QString::number(pid)} + args, {}, 60000);
    }

private slots:
    void initTestCase() {
        if (QStandardPaths::findExecutable("unshare").isEmpty() ||
            QStandardPaths::findExecutable("nsenter").isEmpty())
            QSKIP("unshare/nsenter (util-linux) are not installed");
        const QString probe = m_tmp.path() + "/probe";
        QDir().mkpath(probe);
        const QString script = QStringLiteral("mount -t tmpfs -o size=64k tmpfs \"$0\"");
        for (const QStringList& u : {QStringList{"-m"}, QStringList{"-rm"}}) {
            const ProcessResult r =
                runProcess("unshare", u + QStringList{"--", "sh", "-c", script, probe}, {}, 30000);
            if (r.exitCode == 0) {
                m_unshare = u;
                m_nsenter =
                    u.contains("-rm") ? QStringList{"-U", "--preserve-credentials", "-m"} : QStringList{"-m"};
                return;
            }
        }
        QSKIP("no mount namespace here (unshare -m and unshare -rm both failed)");
    }

    void fullDiskThenSpaceReturns() {
        const QString mnt = m_tmp.path() + "/mnt";
        QDir().mkpath(mnt);
        const QString dbA = mnt + "/db";
        CliDriver a, b;
        const QString script = QStringLiteral(
            "mount -t tmpfs -o size=1m tmpfs \"$0\" && exec \"$1\" --db \"$0/db\" sync "
            "--key \"$2\" --serve-ws 127.0.0.1:0");
        QVERIFY(a.startProgram("unshare",
                               m_unshare + QStringList{"--", "sh", "-c", script, mnt, cliPath(), kKey}));
        const QString url = a.listening("ws");
        QVERIFY2(!url.isEmpty(), a.stderrText().constData());

        // 1. Fill it.
        QHash<QString, QJsonObject> ackedA;
        QString fullError;
        for (int i = 0; i < 400 && fullError.isEmpty(); ++i) {
            const QString id = QStringLiteral("a%1").arg(i);
            const QJsonObject data{{"i", i}, {"pad", bigText(8000)}};
            const int k = a.sendPut(id, data);
            QVERIFY(a.waitFor([&] { return a.sent()[k].answered; }));
            const QJsonObject reply = a.sent()[k].reply;
            if (reply.value("result").isObject())
                ackedA.insert(id, data);
            else
                fullError = reply.value("error").toString();
        }
        QVERIFY2(!fullError.isEmpty(), "the 1 MiB filesystem never filled up");
        QVERIFY2(fullError.contains("full", Qt::CaseInsensitive), qPrintable(fullError));
        QVERIFY(ackedA.size() > 10);
        const QString digestFull = a.digest();
        QVERIFY(!digestFull.isEmpty());
        QCOMPARE(a.call({{"op", "get"}, {"id", "a0"}}).toObject().value("i").toInt(), 0);

        // 2. B's ops cannot be stored at A: not acknowledged, sessions end, A unchanged.
        QVERIFY(b.start(m_tmp.path() + "/B", kKey, {"--connect-ws", url}));
        QHash<QString, QJsonObject> ackedB;
        for (int i = 0; i < 40; ++i) {
            const QJsonObject data{{"i", i}, {"pad", bigText(8000)}};
            QVERIFY(b.call({{"op", "put"}, {"id", QStringLiteral("b%1").arg(i)}, {"data", data}}).isObject());
            ackedB.insert(QStringLiteral("b%1").arg(i), data);
        }
        QVERIFY2(a.waitEvent([](const QJsonObject& e) {
            return e.value("event") == "error" && e.value("message").toString().contains("not acknowledged");
        }),
                 "A never reported the unstored batch");
        QVERIFY(a.waitEvent([](const QJsonObject& e) { return e.value("event") == "peer:disconnected"; }));
        QCOMPARE(a.digest(), digestFull);
        QVERIFY(a.call({{"op", "get"}, {"id", "b0"}}).isNull());

        // 3. Space returns.
        const ProcessResult grow = inside(a.pid(), {"mount", "-o", "remount,size=32m", mnt});
        QVERIFY2(grow.exitCode == 0, grow.err.constData());
        QVERIFY2(QTest::qWaitFor([&] { return a.digest() == b.digest(); }, 120000),
                 "no convergence after space returned");
        QVERIFY(a.call({{"op", "put"}, {"id", "after"}, {"data", QJsonObject{{"ok", true}}}}).isObject());
        QVERIFY(QTest::qWaitFor([&] { return a.digest() == b.digest(); }, 60000));
        const QJsonArray list = b.call({{"op", "list"}}).toArray();
        QHash<QString, QJsonObject> onB;
        for (const auto& r : list)
            onB.insert(r.toObject().value("id").toString(), r.toObject().value("data").toObject());
        for (const auto* acked : {&ackedA, &ackedB})
            for (auto it = acked->cbegin(); it != acked->cend(); ++it)
                QCOMPARE(onB.value(it.key()), it.value());
        QCOMPARE(list.size(), ackedA.size() + ackedB.size() + 1);
        const ProcessResult ic = inside(
            a.pid(), {"python3", "-c",
                      "import sqlite3,sys; c=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro', uri=True); "
                      "print(c.execute('PRAGMA integrity_check').fetchone()[0])",
                      dbA + "/pluresdb.db"});
        QVERIFY2(ic.exitCode == 0, ic.err.constData());
        QCOMPARE(ic.out.trimmed(), QByteArray("ok"));
        qInfo(
            "disk full: %lld writes fit on 1 MiB, then \"%s\"; B's 40 writes held back until space "
            "returned, then %lld records on both, integrity ok",
            static_cast<long long>(ackedA.size()), qPrintable(fullError),
            static_cast<long long>(list.size()));
        QVERIFY(a.quit());
        QVERIFY(b.quit());
    }
};

QTEST_GUILESS_MAIN(TestDiskFullCli)
#include "test_disk_full_cli.moc"
