// A mixed network on 127.0.0.1 (issue #5 acceptance): 10 C++ nodes (a bootstrap node and 9
// persistent storing nodes) and 10 Node hyperdht persistent nodes that join through the C++
// bootstrap node. Three C++ and three Node nodes announce one topic; a lookup from every one of
// the 20 nodes must find all six announcers.

#include "HyperDhtCppNodes.h"
#include "HyperDhtNodePeer.h"

#include "core/crypto/Ed25519.h"

#include <QElapsedTimer>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::test::hyperdht;
using dht::hyperdht::CommitResult;

namespace {

QJsonObject op(const char* name, std::initializer_list<QPair<QString, QJsonValue>> args = {}) {
    QJsonObject o{{QStringLiteral("op"), QLatin1String(name)}};
    for (const auto& [k, v] : args)
        o.insert(k, v);
    return o;
}

constexpr int kCppNodes = 10;
constexpr int kNodeNodes = 10;
constexpr int kAnnouncersEach = 3;

}  // namespace

class TestHyperDhtMixed : public QObject {
    Q_OBJECT
private slots:
    /// Every node, C++ or Node, finds every announcer, C++ or Node.
    void everyLookupFindsEveryAnnouncer() {
        QElapsedTimer clock;
        clock.start();
        std::vector<std::unique_ptr<HyperDht>> cpp;
        cpp.push_back(startBootstrapper());
        QVERIFY(cpp.back());
        const QStringList bootstrap{addressOf(*cpp[0])};
        for (int i = 1; i < kCppNodes; ++i) {
            cpp.push_back(startNode(NodeKind::Persistent, bootstrap));
            QVERIFY(cpp.back());
        }
        for (auto& n : cpp)
            QVERIFY(waitPersistent(*n));

        NodeDhtPeer peer;
        const QJsonObject joined = peer.call(
            op("persistent", {{QStringLiteral("count"), kNodeNodes},
                              {QStringLiteral("bootstrap"), QJsonArray::fromStringList(bootstrap)}}),
            120'000);
        QVERIFY2(joined.value(QStringLiteral("ok")).toBool(),
                 qPrintable(joined.value(QStringLiteral("error")).toString()));
        const QJsonArray nodeIndexes = joined.value(QStringLiteral("indexes")).toArray();
        QCOMPARE(nodeIndexes.size(), kNodeNodes);
        // Let the C++ tables learn the Node nodes (they ping / query us while joining).
        QVERIFY(QTest::qWaitFor([&] { return cpp[1]->node().routingTableSize() >= kCppNodes; }, kWaitMs));

        const QByteArray topic = crypto::generateKeyPair().publicKey;
        const QString topicHex = QString::fromLatin1(topic.toHex());
        QStringList announcers;
        for (int i = 0; i < kAnnouncersEach; ++i) {
            const auto keys = crypto::generateKeyPair();
            HyperDht& n = *cpp[std::size_t(1 + i)];
            const auto r = await<CommitResult>(
                [&](auto done) { n.announce(topic, keys, {n.node().localServerAddress()}, done); });
            QVERIFY(r);
            QVERIFY2(r->ok, qPrintable(r->error));
            announcers << QString::fromLatin1(keys.publicKey.toHex());
        }
        for (int i = 0; i < kAnnouncersEach; ++i) {
            const QJsonObject a = peer.call(op("announce", {{QStringLiteral("node"), nodeIndexes[i].toInt()},
                                                            {QStringLiteral("topic"), topicHex}}));
            QVERIFY2(a.value(QStringLiteral("ok")).toBool(),
                     qPrintable(a.value(QStringLiteral("error")).toString()));
            announcers << a.value(QStringLiteral("publicKey")).toString();
        }

        for (std::size_t i = 0; i < cpp.size(); ++i) {
            const auto peers = lookupPeers(*cpp[i], topic);
            QVERIFY(peers);
            for (const QString& key : announcers)
                QVERIFY2(peers->contains(key),
                         qPrintable(QStringLiteral("C++ node %1 misses %2").arg(i).arg(key)));
        }
        for (const auto& index : nodeIndexes) {
            const auto peers = NodeDhtPeer::peers(peer.call(op(
                "lookup", {{QStringLiteral("node"), index.toInt()}, {QStringLiteral("topic"), topicHex}})));
            for (const QString& key : announcers)
                QVERIFY2(peers.contains(key),
                         qPrintable(QStringLiteral("Node node %1 misses %2").arg(index.toInt()).arg(key)));
        }
        qInfo("mixed network of %d C++ + %d Node nodes: set up, announced and looked up in %lld ms",
              kCppNodes, kNodeNodes, clock.elapsed());
        for (auto& n : cpp)
            n->destroy();
    }
};

QTEST_GUILESS_MAIN(TestHyperDhtMixed)
#include "test_hyperdht_mixed.moc"
