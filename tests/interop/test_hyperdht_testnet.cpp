// hyperdht client procedures against a Node `hyperdht/testnet` of 6 nodes on 127.0.0.1 (spec/
// hyperdht.md §4.6, §12(b)): a topic announced by C++ is found by a Node lookup and stored by the
// Node persistent nodes (their signature checks passed: §4.4); a topic announced by Node is found
// by a C++ lookup; our announce-self is found by Node findPeer; unannounce removes our record;
// mutable and immutable values go both ways, and Node's SEQ_TOO_LOW reaches us.

#include "HyperDhtCppNodes.h"
#include "HyperDhtNodePeer.h"

#include "core/crypto/Ed25519.h"
#include "core/crypto/Hash.h"
#include "core/dht/rpc/RpcWire.h"

#include <QTest>

using namespace pluresdb;
using namespace pluresdb::test::hyperdht;
using dht::hyperdht::AnnounceSelfResult;
using dht::hyperdht::CommitResult;
using dht::hyperdht::MutableValue;

namespace {

QByteArray randomTopic() {
    return crypto::generateKeyPair().publicKey;  // 32 random bytes
}

QJsonObject op(const char* name, std::initializer_list<QPair<QString, QJsonValue>> args = {}) {
    QJsonObject o{{QStringLiteral("op"), QLatin1String(name)}};
    for (const auto& [k, v] : args)
        o.insert(k, v);
    return o;
}

QString hexOf(const QByteArray& b) {
    return QString::fromLatin1(b.toHex());
}

}  // namespace

class TestHyperDhtTestnet : public QObject {
    Q_OBJECT
    std::unique_ptr<NodeDhtPeer> m_peer;
    QStringList m_bootstrap;
    int m_nodeClient = -1;
    std::unique_ptr<HyperDht> m_cpp;

private slots:
    void initTestCase() {
        m_peer = std::make_unique<NodeDhtPeer>();
        const QJsonObject t = m_peer->call(op("testnet", {{QStringLiteral("size"), 6}}));
        QVERIFY2(t.value(QStringLiteral("ok")).toBool(),
                 qPrintable(t.value(QStringLiteral("error")).toString()));
        m_bootstrap = NodeDhtPeer::strings(t.value(QStringLiteral("bootstrap")));
        const QJsonObject c = m_peer->call(
            op("client", {{QStringLiteral("bootstrap"), QJsonArray::fromStringList(m_bootstrap)}}));
        QVERIFY(c.value(QStringLiteral("ok")).toBool());
        m_nodeClient = c.value(QStringLiteral("node")).toInt();
        m_cpp = startNode(NodeKind::Client, m_bootstrap);
        QVERIFY(m_cpp);
        QVERIFY(waitReady(*m_cpp));
        QVERIFY(m_cpp->node().routingTableSize() >= 4);
    }

    /// C++ announces a topic (LOOKUP, then ANNOUNCE signed over each storing node's id and token);
    /// a Node lookup finds our key with our relay addresses, and the Node persistent nodes hold it.
    void cppAnnounceFoundByNode() {
        const QByteArray topic = randomTopic();
        const auto keys = crypto::generateKeyPair();
        const std::vector<encoding::Ipv4Address> relays{m_cpp->node().localServerAddress()};
        const auto r = await<CommitResult>([&](auto done) { m_cpp->announce(topic, keys, relays, done); });
        QVERIFY(r);
        QVERIFY2(r->ok, qPrintable(r->error));
        QVERIFY(r->committed >= 3);

        const QJsonObject found = m_peer->call(
            op("lookup", {{QStringLiteral("node"), m_nodeClient}, {QStringLiteral("topic"), hexOf(topic)}}));
        QVERIFY(found.value(QStringLiteral("ok")).toBool());
        const auto peers = NodeDhtPeer::peers(found);
        QVERIFY(peers.contains(hexOf(keys.publicKey)));
        QCOMPARE(peers.value(hexOf(keys.publicKey)), QStringList{relays[0].toString()});

        const QJsonObject stored = m_peer->call(op("stored", {{QStringLiteral("topic"), hexOf(topic)}}));
        QCOMPARE(stored.value(QStringLiteral("holders")).toInt(), r->committed);
        QVERIFY(
            NodeDhtPeer::strings(stored.value(QStringLiteral("publicKeys"))).contains(hexOf(keys.publicKey)));
    }

    /// A Node announce is found by a C++ lookup, with its relay addresses.
    void nodeAnnounceFoundByCpp() {
        const QByteArray topic = randomTopic();
        const QJsonObject a =
            m_peer->call(op("announce", {{QStringLiteral("node"), m_nodeClient},
                                         {QStringLiteral("topic"), hexOf(topic)},
                                         {QStringLiteral("relays"), QJsonArray{"127.0.0.1:4242"}}}));
        QVERIFY(a.value(QStringLiteral("ok")).toBool());
        const auto peers = lookupPeers(*m_cpp, topic);
        QVERIFY(peers);
        const QString key = a.value(QStringLiteral("publicKey")).toString();
        QVERIFY(peers->contains(key));
        QCOMPARE(peers->value(key), QStringList{QStringLiteral("127.0.0.1:4242")});
    }

    /// Announce-self (§4.6 server announcer): three Node nodes become our relays; Node findPeer
    /// returns our record from them. Then unannounce removes topic and self records.
    void announceSelfAndUnannounce() {
        const auto keys = crypto::generateKeyPair();
        const auto self = await<AnnounceSelfResult>([&](auto done) { m_cpp->announceSelf(keys, done); });
        QVERIFY(self);
        QVERIFY2(self->commit.ok, qPrintable(self->commit.error));
        QCOMPARE(self->relays.size(), 3u);
        QVERIFY(!self->relayAddresses.empty());
        QJsonObject found =
            m_peer->call(op("findPeer", {{QStringLiteral("node"), m_nodeClient},
                                         {QStringLiteral("publicKey"), hexOf(keys.publicKey)}}));
        QVERIFY(NodeDhtPeer::peers(found).contains(hexOf(keys.publicKey)));

        const QByteArray topic = randomTopic();
        QVERIFY(await<CommitResult>([&](auto done) {
                    m_cpp->announce(topic, keys, self->relayAddresses, done);
                })->ok);
        QVERIFY(NodeDhtPeer::peers(m_peer->call(op("lookup", {{QStringLiteral("node"), m_nodeClient},
                                                              {QStringLiteral("topic"), hexOf(topic)}})))
                    .contains(hexOf(keys.publicKey)));
        const auto un = await<CommitResult>([&](auto done) { m_cpp->unannounce(topic, keys, done); });
        QVERIFY(un && un->ok);
        QVERIFY(un->committed >= 1);
        QVERIFY(!NodeDhtPeer::peers(m_peer->call(op("lookup", {{QStringLiteral("node"), m_nodeClient},
                                                               {QStringLiteral("topic"), hexOf(topic)}})))
                     .contains(hexOf(keys.publicKey)));
        const QJsonObject stored = m_peer->call(op("stored", {{QStringLiteral("topic"), hexOf(topic)}}));
        QCOMPARE(stored.value(QStringLiteral("holders")).toInt(), 0);
    }

    /// Mutable values: a C++ put is read by Node (its signature checks passed twice: storing node
    /// and client); a Node put is read and verified by C++; a lower seq is refused by the Node
    /// storing nodes with SEQ_TOO_LOW (17).
    void mutableBothWays() {
        const auto keys = crypto::generateKeyPair();
        auto put = await<CommitResult>([&](auto done) { m_cpp->mutablePut(keys, "from c++", 4, done); });
        QVERIFY(put && put->ok);
        QJsonObject got =
            m_peer->call(op("mutableGet", {{QStringLiteral("node"), m_nodeClient},
                                           {QStringLiteral("publicKey"), hexOf(keys.publicKey)}}));
        QVERIFY(got.value(QStringLiteral("found")).toBool());
        QCOMPARE(got.value(QStringLiteral("seq")).toInt(), 4);
        QCOMPARE(got.value(QStringLiteral("value")).toString(), hexOf("from c++"));

        put = await<CommitResult>([&](auto done) { m_cpp->mutablePut(keys, "older", 2, done); });
        QVERIFY(put && !put->ok);
        QVERIFY(!put->errorCodes.empty());
        for (const auto code : put->errorCodes)
            QCOMPARE(code, dht::rpc::kErrorSeqTooLow);

        const QString seed = hexOf(randomTopic());
        const QJsonObject nodePut =
            m_peer->call(op("mutablePut", {{QStringLiteral("node"), m_nodeClient},
                                           {QStringLiteral("seed"), seed},
                                           {QStringLiteral("value"), hexOf("from node")},
                                           {QStringLiteral("seq"), 9}}));
        QVERIFY(nodePut.value(QStringLiteral("ok")).toBool());
        const QByteArray nodeKey =
            QByteArray::fromHex(nodePut.value(QStringLiteral("publicKey")).toString().toLatin1());
        const auto value =
            await<std::optional<MutableValue>>([&](auto done) { m_cpp->mutableGet(nodeKey, 0, done); });
        QVERIFY(value && *value);
        QCOMPARE((*value)->seq, 9u);
        QCOMPARE((*value)->value, QByteArray("from node"));
        // Asking for a higher seq than stored finds nothing.
        const auto none =
            await<std::optional<MutableValue>>([&](auto done) { m_cpp->mutableGet(nodeKey, 10, done); });
        QVERIFY(none && !*none);
    }

    /// Immutable values both ways; the reader checks the hash.
    void immutableBothWays() {
        const QByteArray value = "immutable from c++ " + randomTopic().toHex();
        const auto put = await<CommitResult>([&](auto done) { m_cpp->immutablePut(value, done); });
        QVERIFY(put && put->ok);
        const QJsonObject got =
            m_peer->call(op("immutableGet", {{QStringLiteral("node"), m_nodeClient},
                                             {QStringLiteral("hash"), hexOf(crypto::blake2b(value))}}));
        QVERIFY(got.value(QStringLiteral("found")).toBool());
        QCOMPARE(got.value(QStringLiteral("value")).toString(), hexOf(value));

        const QByteArray nodeValue = "immutable from node " + randomTopic().toHex();
        const QJsonObject nodePut =
            m_peer->call(op("immutablePut", {{QStringLiteral("node"), m_nodeClient},
                                             {QStringLiteral("value"), hexOf(nodeValue)}}));
        QVERIFY(nodePut.value(QStringLiteral("ok")).toBool());
        const auto back = await<std::optional<QByteArray>>(
            [&](auto done) { m_cpp->immutableGet(crypto::blake2b(nodeValue), done); });
        QVERIFY(back && *back);
        QCOMPARE(**back, nodeValue);
    }

    void cleanupTestCase() {
        if (m_cpp)
            m_cpp->destroy();
        m_cpp.reset();
        m_peer.reset();
    }
};

QTEST_GUILESS_MAIN(TestHyperDhtTestnet)
#include "test_hyperdht_testnet.moc"
