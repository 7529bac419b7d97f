// The swarm's decisions (core/swarm/Swarm.h, spec/hyperdht.md §10) on a scripted network
// (FakeSwarmNet.h): back-off by attempts, proven peers, limits, self-skip, ban, duplicate
// resolution when two peers dial each other, leave, explicit peers, flush, and our fast re-lookup.

#include "FakeSwarmNet.h"

#include "core/swarm/Swarm.h"

#include <QElapsedTimer>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::swarm;
using swarmtest::FakeBackend;
using swarmtest::FakeNet;

namespace {

QByteArray topicOf(char c) {
    return QByteArray(32, c);
}

struct Node {
    std::unique_ptr<Swarm> swarm;
    QByteArray key;
    std::unique_ptr<QObject> owner = std::make_unique<QObject>();
    std::vector<QPointer<transport::ByteStream>> streams;
    int connections = 0;
    std::vector<QByteArray> received;

    int openStreams() const {
        int n = 0;
        for (const auto& s : streams)
            if (s && s->isOpen())
                ++n;
        return n;
    }
    transport::ByteStream* firstOpen() const {
        for (const auto& s : streams)
            if (s && s->isOpen())
                return s;
        return nullptr;
    }
};

SwarmOptions quickOptions() {
    SwarmOptions o;
    o.backoffs = {100, 200, 300, 60000};
    o.backoffJitterMs = 0;
    o.refreshIntervalMs = 600000;
    o.refreshJitterMs = 0;
    o.fastLookupInitialMs = 0;
    o.randomSeed = 7;
    return o;
}

std::unique_ptr<Node> makeNode(FakeNet& net, SwarmOptions o = quickOptions()) {
    auto node = std::make_unique<Node>();
    o.keyPair = crypto::generateKeyPair();
    node->key = o.keyPair.publicKey;
    node->swarm = std::make_unique<Swarm>(o, std::make_unique<FakeBackend>(net, node->key));
    Node* raw = node.get();
    QObject::connect(node->swarm.get(), &Swarm::connection, node->owner.get(),
                     [raw](transport::ByteStream* stream, const SwarmPeer&) {
                         stream->setParent(raw->owner.get());
                         raw->streams.push_back(stream);
                         ++raw->connections;
                         QObject::connect(stream, &transport::ByteStream::dataReceived, raw->owner.get(),
                                          [raw](const QByteArray& b) { raw->received.push_back(b); });
                     });
    return node;
}

}  // namespace

class TestSwarmLogic : public QObject {
    Q_OBJECT
private slots:
    /// An unreachable, never-proven peer is tried 4 times: back-off M, then L, then L, then no more
    /// (hyperswarm RetryTimer), even though it stays in the topic.
    void unprovenPeerBacksOffThenGivesUp() {
        FakeNet net;
        SwarmOptions o = quickOptions();
        o.backoffs = {100, 150, 1500, 60000};
        auto a = makeNode(net, o);
        const QByteArray ghost(32, '\x42');
        net.records[topicOf('t')] = {ghost};
        std::vector<qint64> at;
        QElapsedTimer clock;
        clock.start();
        QObject::connect(a->swarm.get(), &Swarm::trace, a->owner.get(),
                         [&](const QString& kind, const QByteArray& key, const QString&) {
                             if (kind == QLatin1String("connect") && key == ghost)
                                 at.push_back(clock.elapsed());
                         });
        QVERIFY(a->swarm->join(topicOf('t'), {false, true}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(int(at.size()), 4, 20000);
        QTest::qWait(2500);
        QCOMPARE(int(at.size()), 4);
        QVERIFY2(at[1] - at[0] < 900, qPrintable(QString::number(at[1] - at[0])));  // M: ≤ 2 × 0.66 × 150
        QVERIFY2(at[2] - at[1] >= 950, qPrintable(QString::number(at[2] - at[1])));  // L: ≥ 0.66 × 1500
        QVERIFY(at[3] - at[2] >= 950);
    }

    /// A peer that connected (proven) and then dropped is redialled on the short timer, again and again.
    void provenPeerIsRedialled() {
        FakeNet net;
        auto a = makeNode(net);
        auto b = makeNode(net);
        QVERIFY(b->swarm->join(topicOf('p'), {true, false}).ok());
        QTRY_VERIFY(!net.records[topicOf('p')].empty());
        QVERIFY(a->swarm->join(topicOf('p'), {false, true}).ok());
        QTRY_COMPARE(a->openStreams(), 1);
        QTRY_COMPARE(b->openStreams(), 1);
        b->firstOpen()->destroy(QStringLiteral("restart"));
        QTRY_COMPARE(a->connections, 2);
        QTRY_COMPARE(a->openStreams(), 1);
        QCOMPARE(a->swarm->connectionCount(), 1);
    }

    /// Two peers that are both server and client dial each other at once: exactly one connection
    /// survives on each side, and it is the same one (hyperswarm's tie-break), whatever the timing.
    void mutualDialKeepsOneConnection() {
        int duplicates = 0;
        for (int round = 0; round < 12; ++round) {
            FakeNet net;
            net.connectDelayMs = round % 4 * 3;
            net.lookupDelayMs = round % 3;
            SwarmOptions o = quickOptions();
            o.randomSeed = uint32_t(round + 1);
            auto a = makeNode(net, o);
            auto b = makeNode(net, o);
            net.records[topicOf('m')] = {a->key, b->key};  // both already announced: both dial
            QVERIFY(a->swarm->join(topicOf('m')).ok());
            QVERIFY(b->swarm->join(topicOf('m')).ok());
            QTRY_VERIFY(a->openStreams() == 1 && b->openStreams() == 1);
            QTest::qWait(300);  // duplicates settle
            QCOMPARE(a->openStreams(), 1);
            QCOMPARE(b->openStreams(), 1);
            QCOMPARE(a->swarm->connectionCount(), 1);
            QCOMPARE(b->swarm->connectionCount(), 1);
            a->firstOpen()->write("ping");
            QTRY_COMPARE(int(b->received.size()), 1);
            QCOMPARE(b->received[0], QByteArray("ping"));
            duplicates += a->swarm->stats().duplicatesDropped + b->swarm->stats().duplicatesDropped;
        }
        QVERIFY(duplicates >= 12);  // every round really had two connections to resolve
    }

    /// Our own record is never dialled; a firewalled key is banned and never dialled either.
    void skipsSelfAndBansFirewalled() {
        FakeNet net;
        SwarmOptions o = quickOptions();
        const QByteArray refused(32, '\x07');
        o.firewall = [refused](const QByteArray& key) { return key == refused; };
        auto a = makeNode(net, o);
        auto b = makeNode(net);
        QVERIFY(b->swarm->join(topicOf('s'), {true, false}).ok());
        QTRY_VERIFY(net.servers.count(b->key));
        net.records[topicOf('s')] = {a->key, refused, b->key};
        QVERIFY(a->swarm->join(topicOf('s')).ok());
        QTRY_COMPARE(a->openStreams(), 1);
        QTest::qWait(100);
        QCOMPARE(net.connectAttempts[a->key], 0);
        QCOMPARE(net.connectAttempts[refused], 0);
        QVERIFY(a->swarm->isBanned(refused));
        QCOMPARE(a->swarm->stats().bannedPeers, 1);
    }

    /// Never more than maxParallel attempts at once, never more than maxPeers connections.
    void respectsMaxParallelAndMaxPeers() {
        FakeNet net;
        net.connectDelayMs = 40;
        std::vector<std::unique_ptr<Node>> servers;
        for (int i = 0; i < 10; ++i) {
            servers.push_back(makeNode(net));
            QVERIFY(servers.back()->swarm->join(topicOf('l'), {true, false}).ok());
        }
        QTRY_COMPARE(int(net.records[topicOf('l')].size()), 10);
        SwarmOptions o = quickOptions();
        o.maxPeers = 4;
        auto a = makeNode(net, o);
        int maxConnecting = 0;
        QObject::connect(a->swarm.get(), &Swarm::update, a->owner.get(),
                         [&] { maxConnecting = std::max(maxConnecting, a->swarm->connectingCount()); });
        QVERIFY(a->swarm->join(topicOf('l'), {false, true}).ok());
        QTRY_COMPARE(a->openStreams(), 4);
        QTest::qWait(300);
        QCOMPARE(a->openStreams(), 4);
        QCOMPARE(maxConnecting, 3);
    }

    /// After leave, a dropped connection of that topic is not redialled (without leave it is).
    void noReconnectAfterLeave() {
        FakeNet net;
        auto a = makeNode(net);
        auto b = makeNode(net);
        QVERIFY(b->swarm->join(topicOf('v'), {true, false}).ok());
        QTRY_VERIFY(!net.records[topicOf('v')].empty());
        QVERIFY(a->swarm->join(topicOf('v'), {false, true}).ok());
        QTRY_COMPARE(a->openStreams(), 1);
        bool left = false;
        a->swarm->leave(topicOf('v'), [&] { left = true; });
        QTRY_VERIFY(left);
        QCOMPARE(a->openStreams(), 1);  // connections stay
        const int attempts = net.connectAttempts[b->key];
        b->firstOpen()->destroy(QStringLiteral("bye"));
        QTRY_COMPARE(a->openStreams(), 0);
        QTest::qWait(800);
        QCOMPARE(net.connectAttempts[b->key], attempts);
        QCOMPARE(a->swarm->connectionCount(), 0);
    }

    /// joinPeer dials a key without any topic and redials it after a drop.
    void explicitPeerIsKept() {
        FakeNet net;
        auto a = makeNode(net);
        auto b = makeNode(net);
        QVERIFY(b->swarm->join(topicOf('e'), {true, false}).ok());
        QTRY_VERIFY(net.servers.count(b->key));
        a->swarm->joinPeer(b->key);
        QTRY_COMPARE(a->openStreams(), 1);
        b->firstOpen()->destroy(QStringLiteral("drop"));
        QTRY_COMPARE(a->connections, 2);
        QTRY_COMPARE(a->openStreams(), 1);
    }

    /// flush() completes once the discovery ran and every queued peer was attempted.
    void flushWaitsForQueuedPeers() {
        FakeNet net;
        net.connectDelayMs = 30;
        std::vector<std::unique_ptr<Node>> servers;
        for (int i = 0; i < 5; ++i) {
            servers.push_back(makeNode(net));
            QVERIFY(servers.back()->swarm->join(topicOf('f'), {true, false}).ok());
        }
        QTRY_COMPARE(int(net.records[topicOf('f')].size()), 5);
        auto a = makeNode(net);
        QVERIFY(a->swarm->join(topicOf('f'), {false, true}).ok());
        bool flushed = false;
        a->swarm->flush([&](bool ok) { flushed = ok; });
        QTRY_VERIFY(flushed);
        QCOMPARE(a->openStreams(), 5);
    }

    /// Two peers joining an empty topic at the same instant: with hyperswarm's cadence (10 min)
    /// neither sees the other; with our fast re-lookup they meet within a second.
    void fastRelookupFindsSimultaneousJoiner() {
        for (bool fast : {false, true}) {
            FakeNet net;
            net.lookupDelayMs = 0;
            net.announceDelayMs = 30;  // both first lookups run before either record is stored
            SwarmOptions o = quickOptions();
            o.fastLookupInitialMs = fast ? 50 : 0;
            auto a = makeNode(net, o);
            auto b = makeNode(net, o);
            QVERIFY(a->swarm->join(topicOf('z')).ok());
            QVERIFY(b->swarm->join(topicOf('z')).ok());
            if (!fast) {
                QTest::qWait(1000);
                QCOMPARE(a->openStreams() + b->openStreams(), 0);  // hyperswarm: they meet in 10–12 min
                QCOMPARE(a->swarm->stats().lookups, 1);
                continue;
            }
            QTRY_VERIFY_WITH_TIMEOUT(a->openStreams() == 1 && b->openStreams() == 1, 3000);
        }
    }

    /// The fast series doubles while nothing new is found, then hands over to the normal cadence.
    void fastRelookupBacksOff() {
        FakeNet net;
        SwarmOptions o = quickOptions();
        o.fastLookupInitialMs = 20;
        o.fastLookupMaxMs = 160;
        o.refreshIntervalMs = 600000;
        auto a = makeNode(net, o);
        QVERIFY(a->swarm->join(topicOf('b'), {false, true}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(a->swarm->stats().lookups, 5, 3000);  // 0, 20, 40, 80, 160
        QTRY_COMPARE(a->swarm->nextRefreshMs(topicOf('b')) >= 600000, true);
        QTest::qWait(400);
        QCOMPARE(a->swarm->stats().lookups, 5);
    }

    /// An incoming connection from a peer whose existing connection is established (bytes both
    /// ways) replaces it: the remote is reconnecting.
    void establishedDuplicateIsReplaced() {
        FakeNet net;
        auto a = makeNode(net);
        auto b = makeNode(net);
        QVERIFY(a->swarm->join(topicOf('r'), {true, false}).ok());
        QTRY_VERIFY(!net.records[topicOf('r')].empty());
        b->swarm->joinPeer(a->key);
        QTRY_COMPARE(a->openStreams(), 1);
        QTRY_COMPARE(b->openStreams(), 1);
        a->firstOpen()->write("x");
        b->firstOpen()->write("y");
        QTRY_VERIFY(!a->received.empty() && !b->received.empty());
        // b "restarts": a new swarm with the same key dials again while a's old stream looks alive.
        auto* stale = a->firstOpen();
        // Reuse b's identity by dialling from a backend with b's key.
        FakeBackend dialer(net, b->key);
        bool done = false;
        dialer.connect(a->key, {}, false, [&](BackendConnectResult r) {
            done = true;
            QVERIFY(std::holds_alternative<BackendConnection>(r));
            std::get<BackendConnection>(r).stream->setParent(b->owner.get());
        });
        QTRY_VERIFY(done);
        QTRY_COMPARE(a->connections, 2);
        QVERIFY(!stale->isOpen());
        QCOMPARE(a->openStreams(), 1);
        QCOMPARE(a->swarm->connectionCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSwarmLogic)
#include "test_swarm_logic.moc"
