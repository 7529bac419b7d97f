// Hyperswarm interop (issue #6) on a Node hyperdht testnet on 127.0.0.1: `pluresdb-cli swarm`
// against a Node `hyperswarm` 4.17 peer in every role, data both ways checked by SHA-256, exactly
// one connection per pair when both dial; a C++ pair on an all-C++ DHT started at the same instant;
// in-process C++ swarms for restart, leave and many peers.

#include "HyperDhtCppNodes.h"
#include "SwarmTestSupport.h"

#include <QElapsedTimer>

using namespace pluresdb;
using namespace pluresdb::test;
using namespace pluresdb::test::swarmtest;
using pluresdb::test::hyperdht::NodeDhtPeer;

class TestSwarmInterop : public QObject {
    Q_OBJECT

    std::unique_ptr<NodeDhtPeer> m_node;
    QStringList m_bootstrap;
    QTemporaryDir m_dir;

    QJsonObject call(const char* name, QJsonObject fields = {}, int timeoutMs = 60'000) {
        return m_node->call(op(name, std::move(fields)), timeoutMs);
    }

    // One CLI swarm and one Node swarm on a fresh topic, `cliBytes` from the CLI and `nodeBytes`
    // from Node; both hashes checked, one exchange on the Node side.
    void exchangeWithNode(const QStringList& cliRoles, bool nodeServer, bool nodeClient, qint64 cliBytes,
                          qint64 nodeBytes) {
        const QByteArray topic = randomTopic();
        const QString in =
            m_dir.filePath(QStringLiteral("in-%1").arg(QString::fromLatin1(topic.toHex().left(8))));
        const QString out = in + QStringLiteral(".out");
        const QString inHash = writeRandomFile(in, cliBytes);
        CliSwarm cli;
        if (!nodeServer) {
            // A Node client looks the topic up once at join and then only every 10–12 min: the C++
            // server must have announced first.
            cli.start(topic, m_bootstrap, in, out, cliRoles);
            QVERIFY2(cli.waitLine("FLUSHED", 60'000), cli.err.constData());
        }
        const QJsonObject s = call("swarm", {{"bootstrap", QJsonArray::fromStringList(m_bootstrap)},
                                             {"topic", QString::fromLatin1(topic.toHex())},
                                             {"server", nodeServer},
                                             {"client", nodeClient},
                                             {"bytes", double(nodeBytes)}});
        QVERIFY2(s.value("ok").toBool(), qPrintable(s.value("error").toString()));
        const int swarmId = s.value("swarm").toInt();
        if (nodeServer)
            cli.start(topic, m_bootstrap, in, out, cliRoles);
        const QString remote = cli.waitRemote(60'000);
        QVERIFY2(!remote.isEmpty(), cli.err.constData());
        QCOMPARE(remote, s.value("publicKey").toString());
        QCOMPARE(cli.waitExit(180'000), 0);
        QJsonObject st;
        QVERIFY(QTest::qWaitFor(
            [&] {
                st = call("status", {{"swarm", swarmId}});
                return !st.value("exchanges").toArray().isEmpty();
            },
            30'000));
        const QJsonArray ex = st.value("exchanges").toArray();
        QCOMPARE(ex.size(), 1);
        const QJsonObject e = ex.at(0).toObject();
        QCOMPARE(e.value("bytesReceived").toDouble(), double(cliBytes));
        QCOMPARE(e.value("received").toString(), inHash);
        QCOMPARE(fileSha256(out), e.value("sent").toString());
        QCOMPARE(QFileInfo(out).size(), nodeBytes);
        (void)call("destroy", {{"swarm", swarmId}});
        QFile::remove(in);
        QFile::remove(out);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_node = std::make_unique<NodeDhtPeer>(QStringLiteral("hyperswarm_peer.js"));
        const QJsonObject t = call("testnet", {{"size", 5}});
        QVERIFY2(t.value("ok").toBool(), qPrintable(t.value("error").toString()));
        m_bootstrap = NodeDhtPeer::strings(t.value("bootstrap"));
    }

    /// A C++ server (CLI --server) and a Node hyperswarm client.
    void cppServerNodeClient_data() {
        QTest::addColumn<qint64>("cliBytes");
        QTest::addColumn<qint64>("nodeBytes");
        QTest::newRow("0 B") << qint64(0) << qint64(0);
        QTest::newRow("1 B / 100 KiB") << qint64(1) << qint64(100 * 1024);
        QTest::newRow("64 MiB / 3 MiB") << qint64(64) * 1024 * 1024 << qint64(3) * 1024 * 1024;
    }
    void cppServerNodeClient() {
        QFETCH(qint64, cliBytes);
        QFETCH(qint64, nodeBytes);
        exchangeWithNode({QStringLiteral("--server")}, false, true, cliBytes, nodeBytes);
    }

    /// A Node hyperswarm server and a C++ client (CLI --client).
    void nodeServerCppClient_data() {
        QTest::addColumn<qint64>("cliBytes");
        QTest::addColumn<qint64>("nodeBytes");
        QTest::newRow("0 B") << qint64(0) << qint64(0);
        QTest::newRow("3 MiB / 64 MiB") << qint64(3) * 1024 * 1024 << qint64(64) * 1024 * 1024;
    }
    void nodeServerCppClient() {
        QFETCH(qint64, cliBytes);
        QFETCH(qint64, nodeBytes);
        exchangeWithNode({QStringLiteral("--client")}, true, false, cliBytes, nodeBytes);
    }

    /// Both sides server + client, so both dial: exactly one connection on each side, the same one.
    void bothServerAndClient() {
        for (int round = 0; round < 3; ++round)
            exchangeWithNode({}, true, true, 200 * 1024, 300 * 1024);
    }

    /// An in-process C++ swarm and a Node swarm, both server + client and kept open: after the
    /// duplicates settle, each side holds exactly one open connection to the other.
    void bothDialOneConnectionSurvives() {
        const QByteArray topic = randomTopic();
        auto cpp = CppSwarm::create(m_bootstrap);
        QVERIFY(cpp);
        QVERIFY(cpp->swarm->join(topic).ok());
        const QJsonObject s = call("swarm", {{"bootstrap", QJsonArray::fromStringList(m_bootstrap)},
                                             {"topic", QString::fromLatin1(topic.toHex())},
                                             {"bytes", -1}});
        QVERIFY2(s.value("ok").toBool(), qPrintable(s.value("error").toString()));
        const int swarmId = s.value("swarm").toInt();
        QTRY_VERIFY_WITH_TIMEOUT(cpp->open() == 1, 30'000);
        QTest::qWait(3000);  // any second connection would have arrived and been resolved by now
        QCOMPARE(cpp->open(), 1);
        QCOMPARE(cpp->swarm->connectionCount(), 1);
        const QJsonObject st = call("status", {{"swarm", swarmId}});
        QCOMPARE(st.value("open").toInt(), 1);
        QCOMPARE(*cpp->openRemotes().begin(),
                 QByteArray::fromHex(s.value("publicKey").toString().toLatin1()));
        (void)call("destroy", {{"swarm", swarmId}});
        cpp->shutdown();
    }

    /// A peer that restarts (same key) is reconnected.
    void restartedPeerIsReconnected() {
        const QByteArray topic = randomTopic();
        auto a = CppSwarm::create(m_bootstrap);
        const crypto::KeyPair bKeys = crypto::generateKeyPair();
        auto b = CppSwarm::create(m_bootstrap, bKeys);
        QVERIFY(a && b);
        QVERIFY(a->swarm->join(topic).ok());
        QVERIFY(b->swarm->join(topic).ok());
        QTRY_VERIFY_WITH_TIMEOUT(a->open() == 1 && b->open() == 1, 30'000);
        b->shutdown();
        QTRY_COMPARE_WITH_TIMEOUT(a->open(), 0, 30'000);
        auto b2 = CppSwarm::create(m_bootstrap, bKeys);
        QVERIFY(b2);
        QVERIFY(b2->swarm->join(topic).ok());
        QTRY_VERIFY_WITH_TIMEOUT(a->open() == 1 && b2->open() == 1, 60'000);
        QCOMPARE(a->remotes.back(), bKeys.publicKey);
        a->shutdown();
        b2->shutdown();
    }

    /// After leave, nothing is redialled: the remote drops the connection and no new one comes.
    void noReconnectAfterLeave() {
        const QByteArray topic = randomTopic();
        auto a = CppSwarm::create(m_bootstrap);
        auto b = CppSwarm::create(m_bootstrap);
        QVERIFY(a && b);
        QVERIFY(b->swarm->join(topic, {true, false}).ok());
        bool flushed = false;
        b->swarm->flush([&](bool) { flushed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(flushed, 30'000);
        QVERIFY(a->swarm->join(topic, {false, true}).ok());
        QTRY_VERIFY_WITH_TIMEOUT(a->open() == 1 && b->open() == 1, 30'000);
        bool left = false;
        a->swarm->leave(topic, [&] { left = true; });
        QTRY_VERIFY_WITH_TIMEOUT(left, 30'000);
        QCOMPARE(a->open(), 1);  // connections stay
        for (auto& s : b->streams)
            if (s)
                s->destroy(QStringLiteral("bye"));
        QTRY_COMPARE_WITH_TIMEOUT(a->open(), 0, 30'000);
        const int before = a->swarm->stats().clientAttempted;
        QTest::qWait(4000);  // S back-off is ≤ 2.6 s: a redial would have started
        QCOMPARE(a->swarm->stats().clientAttempted, before);
        QCOMPARE(int(b->remotes.size()), 1);
        // Control: without leave the same drop is redialled.
        const QByteArray topic2 = randomTopic();
        QVERIFY(b->swarm->join(topic2, {true, false}).ok());
        flushed = false;
        b->swarm->flush([&](bool) { flushed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(flushed, 30'000);
        QVERIFY(a->swarm->join(topic2, {false, true}).ok());
        QTRY_VERIFY_WITH_TIMEOUT(a->open() == 1 && b->open() == 1, 30'000);
        for (auto& s : b->streams)
            if (s && s->isOpen())
                s->destroy(QStringLiteral("bye"));
        QTRY_VERIFY_WITH_TIMEOUT(a->open() == 1 && b->open() == 1, 30'000);
        a->shutdown();
        b->shutdown();
    }

    /// Two C++ peers (CLI) on an all-C++ DHT, started at the same instant on an empty topic: both
    /// print REMOTE within 10 s, and the data crosses intact both ways.
    void cppPairOnCppDhtMeetWithinSeconds() {
        auto boot = hyperdht::startBootstrapper();
        QVERIFY(boot);
        const QStringList bootstrap{hyperdht::addressOf(*boot)};
        std::vector<std::unique_ptr<dht::hyperdht::HyperDht>> storing;
        for (int i = 0; i < 4; ++i) {
            storing.push_back(hyperdht::startNode(hyperdht::NodeKind::Persistent, bootstrap));
            QVERIFY(storing.back());
        }
        for (auto& s : storing)
            QVERIFY(hyperdht::waitPersistent(*s));
        const QByteArray topic = randomTopic();
        const QString inA = m_dir.filePath("pair-a"), inB = m_dir.filePath("pair-b");
        const QString hashA = writeRandomFile(inA, 2 * 1024 * 1024);
        const QString hashB = writeRandomFile(inB, 1024 * 1024 + 7);
        CliSwarm a, b;
        QElapsedTimer clock;
        clock.start();
        a.start(topic, bootstrap, inA, inA + ".out");
        b.start(topic, bootstrap, inB, inB + ".out");
        const QString remoteA = a.waitRemote(30'000);
        const QString remoteB = b.waitRemote(30'000);
        const qint64 ms = clock.elapsed();
        QVERIFY2(!remoteA.isEmpty() && !remoteB.isEmpty(), (a.err + b.err).constData());
        qInfo("both connected %lld ms after the start", ms);
        QVERIFY2(ms < 10'000, qPrintable(QString::number(ms)));
        const int exitA = a.waitExit(60'000);
        const int exitB = b.waitExit(60'000);
        QVERIFY2(exitA == 0 && exitB == 0, (a.err + "\n---\n" + b.err).constData());
        QCOMPARE(fileSha256(inA + ".out"), hashB);
        QCOMPARE(fileSha256(inB + ".out"), hashA);
    }

    void cleanupTestCase() { m_node.reset(); }
};

QTEST_GUILESS_MAIN(TestSwarmInterop)
#include "test_swarm_interop.moc"
