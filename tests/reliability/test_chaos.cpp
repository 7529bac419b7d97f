// Chaos test (issue #11 "Faults"): 8 `pluresdb-cli sync` nodes over the WebSocket mesh, wired as a
// ring plus chords (node i connects to i+1, and even nodes also to i+3), all writing all the time,
// while nodes are killed with SIGKILL or stopped cleanly and restarted on their databases at random.
// Afterwards every node is brought back, and all digests must become equal, holding every write
// any node acknowledged (unique ids) and one settled value for the ids all nodes fight over.
// Default run: 40 s of chaos; PLURESDB_TEST_LONG=1: 5 minutes (PLURESDB_CHAOS_SECONDS overrides).
//
// The wiring is one function (peerArgs): when the swarm exists, a variant that gives every node the
// same --bootstrap instead is a small change.

#include "tests/reliability/CliDriver.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <random>

using namespace pluresdb::test;

namespace {
const QString kKey = QStringLiteral("c4a05c4ac4a05c4ac4a05c4ac4a05c4ac4a05c4ac4a05c4ac4a05c4ac4a05c4a");
constexpr int kNodes = 8;
}  // namespace

class TestChaos : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp{fastTempRoot()};
    std::unique_ptr<CliDriver> nodes[kNodes];
    quint16 ports[kNodes] = {};
    QHash<QString, QJsonObject> acked;  // unique-id writes any node acknowledged
    int kills = 0, quits = 0, restarts = 0, writesSent = 0;

    QString db(int i) const { return m_tmp.path() + QStringLiteral("/n%1").arg(i); }
    QStringList peerArgs(int i) const {
        QStringList a{"--serve-ws", QStringLiteral("127.0.0.1:%1").arg(ports[i])};
        auto url = [&](int j) { return QStringLiteral("ws://127.0.0.1:%1").arg(ports[j]); };
        a << "--connect-ws" << url((i + 1) % kNodes);
        if (i % 2 == 0)
            a << "--connect-ws" << url((i + 3) % kNodes);
        return a;
    }
    void collect(int i) {
        if (!nodes[i])
            return;
        nodes[i]->pump();
        for (const auto& s : nodes[i]->sent()) {
            if (!s.answered || s.command.value("op") != "put" || !s.reply.value("result").isObject())
                continue;
            const QString id = s.command.value("id").toString();
            if (id.startsWith("u"))
                acked.insert(id, s.command.value("data").toObject());
        }
    }
    bool startNode(int i) {
        // The port is fixed after the first start so peers find the node again; if another process
        // took it meanwhile, the start fails and is retried later.
        for (int attempt = 0; attempt < 5; ++attempt) {
            nodes[i] = std::make_unique<CliDriver>();
            if (!nodes[i]->start(db(i), kKey, peerArgs(i)))
                return false;
            if (nodes[i]->waitEvent([](const QJsonObject& e) { return e.value("event") == "listening"; },
                                    30000))
                return true;
            QThread::msleep(200);
        }
        return false;
    }
    void pumpAll(int ms) {
        QDeadlineTimer dl(ms);
        do {
            for (auto& n : nodes)
                if (n)
                    n->pump();
            QCoreApplication::processEvents();
            QThread::msleep(5);
        } while (!dl.hasExpired());
    }

private slots:
    void eightNodesSurviveChaos() {
        int seconds = longMode() ? 300 : 40;
        if (qEnvironmentVariableIntValue("PLURESDB_CHAOS_SECONDS") > 0)
            seconds = qEnvironmentVariableIntValue("PLURESDB_CHAOS_SECONDS");
        // First start: every node on a free port, then restart with the wiring that needs them all.
        for (int i = 0; i < kNodes; ++i) {
            nodes[i] = std::make_unique<CliDriver>();
            QVERIFY(nodes[i]->start(db(i), kKey, {"--serve-ws", "127.0.0.1:0"}));
            const QString u = nodes[i]->listening("ws");
            QVERIFY2(!u.isEmpty(), nodes[i]->stderrText().constData());
            ports[i] = static_cast<quint16>(QUrl(u).port());
            QVERIFY(ports[i] != 0);
        }
        for (int i = 0; i < kNodes; ++i) {
            QVERIFY(nodes[i]->quit());
            nodes[i].reset();
        }
        for (int i = 0; i < kNodes; ++i)
            QVERIFY2(startNode(i), qPrintable(QStringLiteral("node %1 did not start").arg(i)));

        std::mt19937 rng(0xc4a05);
        QElapsedTimer clock;
        clock.start();
        int tick = 0;
        while (clock.elapsed() < seconds * 1000) {
            ++tick;
            // Writes: a few unique-id puts on every running node, and a contested id.
            for (int i = 0; i < kNodes; ++i) {
                if (!nodes[i] || !nodes[i]->running())
                    continue;
                for (int k = 0; k < 3; ++k, ++writesSent)
                    nodes[i]->sendPut(QStringLiteral("u%1-%2-%3").arg(i).arg(tick).arg(k),
                                      {{"node", i}, {"tick", tick}, {"k", k}});
                nodes[i]->sendPut(QStringLiteral("contested%1").arg(tick % 5), {{"by", i}, {"tick", tick}});
                ++writesSent;
            }
            pumpAll(static_cast<int>(100 + rng() % 400));
            // One fault or repair per tick.
            const int i = static_cast<int>(rng() % kNodes);
            int down = 0;
            for (auto& n : nodes)
                down += !n || !n->running();
            if (nodes[i] && nodes[i]->running()) {
                if (down < 3) {
                    if (rng() % 3 == 0) {
                        collect(i);
                        QVERIFY(nodes[i]->quit());
                        collect(i);
                        ++quits;
                    } else {
                        nodes[i]->kill9();
                        collect(i);
                        ++kills;
                    }
                    nodes[i].reset();
                }
            } else {
                QVERIFY2(startNode(i), qPrintable(QStringLiteral("node %1 did not restart").arg(i)));
                ++restarts;
            }
        }
        // Everyone back; then all must agree.
        for (int i = 0; i < kNodes; ++i)
            if (!nodes[i] || !nodes[i]->running()) {
                collect(i);
                QVERIFY(startNode(i));
                ++restarts;
            }
        for (int i = 0; i < kNodes; ++i) {
            QVERIFY(nodes[i]->waitFor([&] { return nodes[i]->answered() == int(nodes[i]->sent().size()); }));
            collect(i);
        }
        QElapsedTimer settle;
        settle.start();
        QString d0;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         d0 = nodes[0]->digest();
                         for (int i = 1; i < kNodes; ++i)
                             if (nodes[i]->digest() != d0)
                                 return false;
                         return !d0.isEmpty();
                     },
                     240000),
                 "the 8 nodes did not converge");
        const qint64 settleMs = settle.elapsed();
        const QJsonArray list = nodes[3]->call({{"op", "list"}}).toArray();
        QHash<QString, QJsonObject> have;
        for (const auto& r : list)
            have.insert(r.toObject().value("id").toString(), r.toObject().value("data").toObject());
        int lost = 0;
        for (auto it = acked.cbegin(); it != acked.cend(); ++it)
            if (have.value(it.key()) != it.value())
                ++lost;
        QCOMPARE(lost, 0);
        for (int i = 0; i < kNodes; ++i)
            QVERIFY(nodes[i]->quit());
        QVERIFY(kills >= 3);
        qInfo(
            "chaos: %d s, 8 nodes, %d SIGKILLs, %d clean stops, %d restarts, %d writes sent, %lld "
            "acknowledged "
            "(unique ids), %d lost, converged %lld ms after the last fault, %lld records",
            seconds, kills, quits, restarts, writesSent, static_cast<long long>(acked.size()), lost,
            static_cast<long long>(settleMs), static_cast<long long>(list.size()));
    }
};

QTEST_GUILESS_MAIN(TestChaos)
#include "test_chaos.moc"
