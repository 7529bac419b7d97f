// 30 C++ swarms (in one process, each on its own DHT node) join one topic on a Node hyperdht
// testnet on 127.0.0.1 as server + client: every one ends up connected to every other exactly
// once (issue #6 acceptance), with duplicates resolved on both ends of each pair.

#include "HyperDhtNodePeer.h"
#include "SwarmTestSupport.h"

#include <QElapsedTimer>

using namespace pluresdb;
using namespace pluresdb::test;
using namespace pluresdb::test::swarmtest;
using pluresdb::test::hyperdht::NodeDhtPeer;

class TestSwarmMany : public QObject {
    Q_OBJECT
private slots:
    void thirtyPeersAllConnect() {
        constexpr int kPeers = 30;
        NodeDhtPeer node(QStringLiteral("hyperswarm_peer.js"));
        const QJsonObject t = node.call(op("testnet", {{"size", 5}}));
        QVERIFY2(t.value("ok").toBool(), qPrintable(t.value("error").toString()));
        const QStringList bootstrap = NodeDhtPeer::strings(t.value("bootstrap"));
        const QByteArray topic = randomTopic();
        std::vector<std::unique_ptr<CppSwarm>> swarms;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < kPeers; ++i) {
            swarms.push_back(CppSwarm::create(bootstrap));
            QVERIFY(swarms.back());
            QVERIFY(swarms.back()->swarm->join(topic).ok());
        }
        auto allConnected = [&] {
            for (const auto& s : swarms)
                if (int(s->openRemotes().size()) != kPeers - 1)
                    return false;
            return true;
        };
        const bool ok = QTest::qWaitFor(allConnected, 120'000);
        QString counts;
        for (const auto& s : swarms)
            counts += QString::number(s->openRemotes().size()) + QLatin1Char(' ');
        if (!ok) {
            int shown = 0;
            for (const auto& s : swarms) {
                for (const auto& o : swarms) {
                    if (o == s || s->openRemotes().count(o->publicKey) || shown >= 6)
                        continue;
                    ++shown;
                    const QString sk = QString::fromLatin1(s->publicKey.toHex().left(8));
                    const QString ok8 = QString::fromLatin1(o->publicKey.toHex().left(8));
                    qWarning("%s misses %s (which has it open: %d); %s: %s || %s: %s", qPrintable(sk),
                             qPrintable(ok8), int(o->openRemotes().count(s->publicKey)), qPrintable(sk),
                             qPrintable(s->events.filter(ok8).join(QStringLiteral(" | "))), qPrintable(ok8),
                             qPrintable(o->events.filter(sk).join(QStringLiteral(" | "))));
                }
            }
        }
        QVERIFY2(ok, qPrintable(QStringLiteral("open remotes per peer: ") + counts));
        qInfo("%d peers fully connected after %lld ms", kPeers, clock.elapsed());
        QTest::qWait(2000);
        for (const auto& s : swarms) {
            QCOMPARE(int(s->openRemotes().size()), kPeers - 1);
            QCOMPARE(s->open(), kPeers - 1);  // one connection per remote
            QCOMPARE(s->swarm->connectionCount(), kPeers - 1);
        }
        for (auto& s : swarms)
            s->shutdown();
    }
};

QTEST_GUILESS_MAIN(TestSwarmMany)
#include "test_swarm_many.moc"
