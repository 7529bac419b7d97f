// Topic announce refresh (spec/hyperdht.md §4.5, §12(b)): storing nodes drop records that are not
// re-announced within two generations. With a 1.5 s record max age on the C++ storing nodes (the
// generation turns every second), a key kept by a TopicAnnouncer that re-announces every 300 ms is
// still found by a Node lookup after several generations, while a one-shot announce on another
// topic is gone; stop() unannounces. Real time, real sockets, 127.0.0.1 only.

#include "HyperDhtCppNodes.h"
#include "HyperDhtNodePeer.h"

#include "core/crypto/Ed25519.h"
#include "core/dht/hyperdht/TopicAnnouncer.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::test::hyperdht;
using namespace pluresdb::dht::hyperdht;

namespace {

QJsonObject lookupOp(int node, const QByteArray& topic) {
    return QJsonObject{{QStringLiteral("op"), QStringLiteral("lookup")},
                       {QStringLiteral("node"), node},
                       {QStringLiteral("topic"), QString::fromLatin1(topic.toHex())}};
}

}  // namespace

class TestHyperDhtRefresh : public QObject {
    Q_OBJECT
private slots:
    /// Refreshed records survive expiry; an un-refreshed one does not; stop() unannounces.
    void refreshKeepsTheRecord() {
        StorageLimits shortLived;
        shortLived.maxAgeMs = 1500;
        auto bootstrap = startBootstrapper(shortLived);
        QVERIFY(bootstrap);
        const QStringList list{addressOf(*bootstrap)};
        std::vector<std::unique_ptr<HyperDht>> storing;
        for (int i = 0; i < 4; ++i) {
            storing.push_back(startNode(NodeKind::Persistent, list, 0, shortLived));
            QVERIFY(storing.back());
        }
        for (auto& s : storing)
            QVERIFY(waitPersistent(*s));
        auto client = startNode(NodeKind::Client, list);
        QVERIFY(client && waitReady(*client));
        NodeDhtPeer peer;
        const QJsonObject c =
            peer.call(QJsonObject{{QStringLiteral("op"), QStringLiteral("client")},
                                  {QStringLiteral("bootstrap"), QJsonArray::fromStringList(list)}});
        QVERIFY(c.value(QStringLiteral("ok")).toBool());
        const int nodeClient = c.value(QStringLiteral("node")).toInt();

        const QByteArray kept = crypto::generateKeyPair().publicKey;
        const QByteArray once = crypto::generateKeyPair().publicKey;
        const auto keys = crypto::generateKeyPair();
        const QString key = QString::fromLatin1(keys.publicKey.toHex());

        TopicAnnouncer announcer(*client, kept, keys, 300);
        QSignalSpy rounds(&announcer, &TopicAnnouncer::announced);
        announcer.start();
        QVERIFY(rounds.wait(kWaitMs));
        const auto single = await<CommitResult>([&](auto done) { client->announce(once, keys, {}, done); });
        QVERIFY(single && single->ok);
        QVERIFY(NodeDhtPeer::peers(peer.call(lookupOp(nodeClient, once))).contains(key));

        // Past two generations (≥ 2 s) the one-shot record is gone, the refreshed one is not.
        QElapsedTimer t;
        t.start();
        QVERIFY(QTest::qWaitFor([&] { return t.elapsed() > 3500; }, 10'000));
        QVERIFY(announcer.rounds() >= 5);
        QVERIFY(!NodeDhtPeer::peers(peer.call(lookupOp(nodeClient, once))).contains(key));
        const auto found = NodeDhtPeer::peers(peer.call(lookupOp(nodeClient, kept)));
        QVERIFY(found.contains(key));
        // The announcer put its relays (the nodes that hold its announce-self) in the record.
        QVERIFY(!found.value(key).isEmpty());

        bool stopped = false;
        announcer.stop([&] { stopped = true; });
        QVERIFY(QTest::qWaitFor([&] { return stopped; }, kWaitMs));
        QVERIFY(!NodeDhtPeer::peers(peer.call(lookupOp(nodeClient, kept))).contains(key));

        client->destroy();
        for (auto& s : storing)
            s->destroy();
        bootstrap->destroy();
    }
};

QTEST_GUILESS_MAIN(TestHyperDhtRefresh)
#include "test_hyperdht_refresh.moc"
