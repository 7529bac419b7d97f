// Node hyperdht over an all-C++ network on 127.0.0.1 (issue #5 acceptance): a `pluresdb-cli
// bootstrap` node and 5 C++ persistent storing nodes; Node clients that know only the C++ bootstrap node
// announce, look up, and put/get mutable and immutable values — so every record lives in our storage. Also:
// a forged announce sent over the wire gets no answer and is counted while the node keeps serving,
// and `pluresdb-cli dht announce` / `dht lookup` work against the same network and Node peers.

#include "HyperDhtCppNodes.h"
#include "HyperDhtNodePeer.h"

#include "core/crypto/Ed25519.h"
#include "core/crypto/Hash.h"
#include "core/dht/hyperdht/HyperDhtWire.h"
#include "core/dht/hyperdht/Signatures.h"
#include "core/dht/rpc/NodeId.h"
#include "tests/support/TestSupport.h"

#include <QProcess>
#include <QTest>
#include <QUdpSocket>

#include <csignal>

using namespace pluresdb;
using namespace pluresdb::test::hyperdht;
using namespace pluresdb::dht::hyperdht;

namespace {

QJsonObject op(const char* name, std::initializer_list<QPair<QString, QJsonValue>> args = {}) {
    QJsonObject o{{QStringLiteral("op"), QLatin1String(name)}};
    for (const auto& [k, v] : args)
        o.insert(k, v);
    return o;
}

QString hexOf(const QByteArray& b) {
    return QString::fromLatin1(b.toHex());
}

constexpr int kStoringNodes = 5;

}  // namespace

class TestHyperDhtCppNetwork : public QObject {
    Q_OBJECT
    QProcess m_bootstrap;  // pluresdb-cli bootstrap
    std::vector<std::unique_ptr<HyperDht>> m_storing;
    QStringList m_bootstrapList;
    std::unique_ptr<NodeDhtPeer> m_peer;
    int m_nodeA = -1;
    int m_nodeB = -1;

    quint64 sumCounter(quint64 HyperDhtCounters::*field) {
        quint64 n = 0;
        for (auto& s : m_storing)
            n += s->storage().counters().*field;
        return n;
    }

    QJsonObject nodeLookup(int node, const QByteArray& topic) {
        return m_peer->call(
            op("lookup", {{QStringLiteral("node"), node}, {QStringLiteral("topic"), hexOf(topic)}}));
    }

private slots:
    void initTestCase() {
        // The bootstrap node is the CLI's (`pluresdb-cli bootstrap`), on a free port of 127.0.0.1.
        for (int attempt = 0; attempt < 5 && m_bootstrapList.isEmpty(); ++attempt) {
            QUdpSocket probe;
            probe.bind(QHostAddress::LocalHost, 0);
            const QString port = QString::number(probe.localPort());
            probe.close();
            m_bootstrap.start(test::cliPath(), {QStringLiteral("bootstrap"), QStringLiteral("--host"),
                                                QStringLiteral("127.0.0.1"), QStringLiteral("--port"), port});
            (void)QTest::qWaitFor(
                [&] { return m_bootstrap.canReadLine() || m_bootstrap.state() == QProcess::NotRunning; },
                20'000);
            const QByteArray line = m_bootstrap.readLine().trimmed();
            if (line == "BOOTSTRAP 127.0.0.1:" + port.toLatin1())
                m_bootstrapList = QStringList{QStringLiteral("127.0.0.1:") + port};
            else if (m_bootstrap.state() != QProcess::NotRunning) {
                m_bootstrap.kill();
                m_bootstrap.waitForFinished(5000);
            }
        }
        QVERIFY2(!m_bootstrapList.isEmpty(), m_bootstrap.readAllStandardError().constData());
        for (int i = 0; i < kStoringNodes; ++i) {
            m_storing.push_back(startNode(NodeKind::Persistent, m_bootstrapList));
            QVERIFY(m_storing.back());
            QVERIFY(waitReady(*m_storing.back()));
        }
        for (auto& s : m_storing)
            QVERIFY2(waitPersistent(*s), "a C++ storing node did not become persistent");

        m_peer = std::make_unique<NodeDhtPeer>();
        for (int* node : {&m_nodeA, &m_nodeB}) {
            const QJsonObject c = m_peer->call(
                op("client", {{QStringLiteral("bootstrap"), QJsonArray::fromStringList(m_bootstrapList)}}));
            QVERIFY2(c.value(QStringLiteral("ok")).toBool(),
                     qPrintable(c.value(QStringLiteral("error")).toString()));
            *node = c.value(QStringLiteral("node")).toInt();
        }
    }

    /// Node announces and Node looks up; the records were stored (signatures verified) by C++.
    void nodeAnnounceLookupOverCpp() {
        const quint64 storedBefore = sumCounter(&HyperDhtCounters::announcesStored);
        const QByteArray topic = crypto::generateKeyPair().publicKey;
        const QJsonObject a =
            m_peer->call(op("announce", {{QStringLiteral("node"), m_nodeA},
                                         {QStringLiteral("topic"), hexOf(topic)},
                                         {QStringLiteral("relays"), QJsonArray{"127.0.0.1:5555"}}}));
        QVERIFY2(a.value(QStringLiteral("ok")).toBool(),
                 qPrintable(a.value(QStringLiteral("error")).toString()));
        QVERIFY(sumCounter(&HyperDhtCounters::announcesStored) > storedBefore);
        const auto peers = NodeDhtPeer::peers(nodeLookup(m_nodeB, topic));
        const QString key = a.value(QStringLiteral("publicKey")).toString();
        QVERIFY(peers.contains(key));
        QCOMPARE(peers.value(key), QStringList{QStringLiteral("127.0.0.1:5555")});
        QCOMPARE(sumCounter(&HyperDhtCounters::forgedSignature), 0u);
    }

    /// Node mutable and immutable put/get over the C++ storing nodes.
    void nodeValuesOverCpp() {
        const QString seed = hexOf(crypto::generateKeyPair().publicKey);
        QJsonObject put = m_peer->call(op("mutablePut", {{QStringLiteral("node"), m_nodeA},
                                                         {QStringLiteral("seed"), seed},
                                                         {QStringLiteral("value"), hexOf("over c++")},
                                                         {QStringLiteral("seq"), 3}}));
        QVERIFY2(put.value(QStringLiteral("ok")).toBool(),
                 qPrintable(put.value(QStringLiteral("error")).toString()));
        QVERIFY(sumCounter(&HyperDhtCounters::mutablePuts) >= 1);
        QJsonObject got = m_peer->call(
            op("mutableGet", {{QStringLiteral("node"), m_nodeB},
                              {QStringLiteral("publicKey"), put.value(QStringLiteral("publicKey"))}}));
        QVERIFY(got.value(QStringLiteral("found")).toBool());
        QCOMPARE(got.value(QStringLiteral("seq")).toInt(), 3);
        QCOMPARE(got.value(QStringLiteral("value")).toString(), hexOf("over c++"));

        const QByteArray value = "immutable over c++ " + crypto::generateKeyPair().publicKey.toHex();
        put = m_peer->call(
            op("immutablePut", {{QStringLiteral("node"), m_nodeA}, {QStringLiteral("value"), hexOf(value)}}));
        QVERIFY(put.value(QStringLiteral("ok")).toBool());
        QVERIFY(sumCounter(&HyperDhtCounters::immutablePuts) >= 1);
        got = m_peer->call(op("immutableGet", {{QStringLiteral("node"), m_nodeB},
                                               {QStringLiteral("hash"), hexOf(crypto::blake2b(value))}}));
        QVERIFY(got.value(QStringLiteral("found")).toBool());
        QCOMPARE(got.value(QStringLiteral("value")).toString(), hexOf(value));
    }

    /// Over the wire: an ANNOUNCE with a valid token but a forged signature, and one with a wrong
    /// token, to a C++ storing node. The forged one gets no response and is counted; the wrong
    /// token is answered INVALID_TOKEN; the node keeps answering LOOKUPs.
    void forgedAnnounceOverWire() {
        auto client = startNode(NodeKind::Client, m_bootstrapList);
        QVERIFY(client && waitReady(*client));
        HyperDht& target = *m_storing[0];
        const encoding::Ipv4Address to = target.node().localServerAddress();
        const QByteArray topic = crypto::generateKeyPair().publicKey;
        auto send = [&](dht::rpc::RpcRequest req, int retries) {
            req.to = to;
            dht::rpc::RequestOptions o;
            o.retries = retries;
            return await<dht::rpc::RequestResult>(
                [&](auto done) { client->node().request(req, to, o, done); });
        };
        dht::rpc::RpcRequest lookup;
        lookup.command = kCommandLookup;
        lookup.target = topic;
        auto first = send(lookup, 3);
        QVERIFY(first && first->status == dht::rpc::RequestStatus::Response && first->response->token);
        const QByteArray token = *first->response->token;

        const auto keys = crypto::generateKeyPair();
        const PeerRecord peer{keys.publicKey, {}};
        QByteArray sig =
            signAnnounce(AnnounceKind::Announce, topic, target.node().id(), token, peer, std::nullopt, keys);
        sig[0] = char(sig[0] ^ 0x40);
        dht::rpc::RpcRequest forged;
        forged.command = kCommandAnnounce;
        forged.target = topic;
        forged.token = token;
        forged.value = encodeAnnounceValue({peer, std::nullopt, sig, 0});
        const quint64 forgedBefore = target.storage().counters().forgedSignature;
        auto r = send(forged, 0);
        QVERIFY(r);
        QCOMPARE(r->status, dht::rpc::RequestStatus::Timeout);
        QCOMPARE(target.storage().counters().forgedSignature, forgedBefore + 1);

        dht::rpc::RpcRequest wrongToken = forged;
        wrongToken.token = QByteArray(32, 0x5a);
        r = send(wrongToken, 0);
        QVERIFY(r && r->status == dht::rpc::RequestStatus::ErrorResponse);
        QCOMPARE(r->response->error, dht::rpc::kErrorInvalidToken);

        r = send(lookup, 3);
        QVERIFY(r && r->status == dht::rpc::RequestStatus::Response);
        QVERIFY(!r->response->value);  // nothing was stored for the topic
        client->destroy();
    }

    /// `pluresdb-cli dht announce` prints its key once announced and a Node lookup finds it;
    /// `dht lookup` prints both the CLI's and a Node announcer's key, one line each with relays;
    /// SIGTERM makes the announcer unannounce and exit 0.
    void cliAnnounceAndLookup() {
        const QByteArray topic = crypto::generateKeyPair().publicKey;
        const QString bootstrap = m_bootstrapList.join(QLatin1Char(','));
        QProcess announcer;
        announcer.start(test::cliPath(), {QStringLiteral("dht"), QStringLiteral("announce"), hexOf(topic),
                                          QStringLiteral("--bootstrap"), bootstrap});
        QVERIFY(QTest::qWaitFor([&] { return announcer.canReadLine(); }, kWaitMs));
        const QString cliKey = QString::fromLatin1(announcer.readLine().trimmed());
        QCOMPARE(cliKey.size(), 64);
        QVERIFY(NodeDhtPeer::peers(nodeLookup(m_nodeB, topic)).contains(cliKey));

        const QJsonObject a =
            m_peer->call(op("announce", {{QStringLiteral("node"), m_nodeA},
                                         {QStringLiteral("topic"), hexOf(topic)},
                                         {QStringLiteral("relays"), QJsonArray{"127.0.0.1:6000"}}}));
        const QString nodeKey = a.value(QStringLiteral("publicKey")).toString();

        QProcess lookup;
        lookup.start(test::cliPath(), {QStringLiteral("dht"), QStringLiteral("lookup"), hexOf(topic),
                                       QStringLiteral("--bootstrap"), bootstrap});
        QVERIFY(QTest::qWaitFor([&] { return lookup.state() == QProcess::NotRunning; }, kWaitMs));
        QCOMPARE(lookup.exitCode(), 0);
        QMap<QString, QString> lines;
        for (const QByteArray& line : lookup.readAllStandardOutput().split('\n')) {
            if (line.isEmpty())
                continue;
            const QList<QByteArray> parts = line.split(' ');
            QVERIFY2(!lines.contains(QString::fromLatin1(parts[0])), "a peer printed twice");
            lines.insert(QString::fromLatin1(parts[0]), QString::fromLatin1(parts.value(1)));
        }
        QVERIFY(lines.contains(cliKey));
        QVERIFY(!lines.value(cliKey).isEmpty());  // the CLI announcer's relays
        QCOMPARE(lines.value(nodeKey), QStringLiteral("127.0.0.1:6000"));

        announcer.terminate();  // SIGTERM
        QVERIFY(QTest::qWaitFor([&] { return announcer.state() == QProcess::NotRunning; }, kWaitMs));
        QCOMPARE(announcer.exitStatus(), QProcess::NormalExit);
        QCOMPARE(announcer.exitCode(), 0);
        QVERIFY(!NodeDhtPeer::peers(nodeLookup(m_nodeB, topic)).contains(cliKey));
    }

    /// Bad input is a usage error (exit 2) with a message, before any network traffic.
    void cliBadInput() {
        const QString ok64 = QString(64, QLatin1Char('a'));
        const QList<QStringList> cases{
            {QStringLiteral("dht"), QStringLiteral("lookup")},
            {QStringLiteral("dht"), QStringLiteral("lookup"), QStringLiteral("abc")},
            {QStringLiteral("dht"), QStringLiteral("lookup"), QString(64, QLatin1Char('g'))},
            {QStringLiteral("dht"), QStringLiteral("announce"), ok64, QStringLiteral("--bootstrap")},
            {QStringLiteral("dht"), QStringLiteral("announce"), ok64, QStringLiteral("--bootstrap"),
             QStringLiteral("127.0.0.1")},
            {QStringLiteral("dht"), QStringLiteral("lookup"), ok64, QStringLiteral("--bootstrap"),
             QStringLiteral("127.0.0.1:99999")},
            {QStringLiteral("dht"), QStringLiteral("lookup"), ok64, QStringLiteral("--bootstrap"),
             QStringLiteral("a b:1")},
            {QStringLiteral("dht"), QStringLiteral("lookup"), ok64, QStringLiteral("--frobnicate")},
            {QStringLiteral("dht"), QStringLiteral("lookup"), ok64, ok64},
            {QStringLiteral("dht"), QStringLiteral("fly")},
        };
        for (const auto& args : cases) {
            const auto r = test::runProcess(test::cliPath(), args, {}, 20'000);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(QLatin1Char(' '))));
            QVERIFY(r.err.contains("dht:"));
            QVERIFY(r.out.isEmpty());
        }
    }

    /// A lookup that reaches no node (nothing listens at the bootstrap address) fails with exit 1
    /// and a message, in bounded time.
    void cliLookupWithoutNetwork() {
        QUdpSocket unused;  // a port on 127.0.0.1 where nothing answers
        unused.bind(QHostAddress::LocalHost, 0);
        const auto r = test::runProcess(
            test::cliPath(),
            {QStringLiteral("dht"), QStringLiteral("lookup"), QString(64, QLatin1Char('c')),
             QStringLiteral("--bootstrap"), QStringLiteral("127.0.0.1:%1").arg(unused.localPort())},
            {}, 150'000);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("lookup failed"));
        QVERIFY(r.out.isEmpty());
    }

    void cleanupTestCase() {
        m_peer.reset();
        for (auto& s : m_storing)
            s->destroy();
        m_storing.clear();
        m_bootstrap.terminate();  // SIGTERM: exits 0
        QVERIFY(m_bootstrap.waitForFinished(20'000));
        QCOMPARE(m_bootstrap.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHyperDhtCppNetwork)
#include "test_hyperdht_cpp_network.moc"
