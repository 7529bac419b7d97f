// Node hyperdht peers connecting through an all-C++ DHT on 127.0.0.1 (issue #6, relaying): a C++
// bootstrap node and C++ persistent storing nodes are the whole network. A Node server
// (`dht.createServer().listen(keyPair)`) announces itself to the C++ nodes; a Node client
// (`dht.connect(publicKey)`) finds it through them, and its PEER_HANDSHAKE (and PEER_HOLEPUNCH, if
// the pair holepunches) can only be relayed by C++ nodes, since the Node nodes are ephemeral and no
// routing table holds them. Data is then exchanged both ways and checked by hash.

#include "HyperDhtCppNodes.h"
#include "HyperDhtNodePeer.h"

#include "core/crypto/Hash.h"
#include "core/dht/hyperdht/HyperDhtWire.h"
#include "core/dht/hyperdht/RelayValues.h"
#include "core/dht/rpc/RpcMessage.h"
#include "tests/support/TestSupport.h"

#include <QJsonDocument>
#include <QTest>
#include <QUdpSocket>

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

constexpr int kStoringNodes = 5;
constexpr int kBytes = 256 * 1024;

}  // namespace

class TestHyperDhtRelay : public QObject {
    Q_OBJECT
    std::vector<std::unique_ptr<HyperDht>> m_storing;  // the bootstrap node first
    QStringList m_bootstrapList;
    std::unique_ptr<NodeDhtPeer> m_peer;

    quint64 sumCounter(quint64 HyperDhtCounters::*field) {
        quint64 n = 0;
        for (auto& s : m_storing)
            n += s->storage().counters().*field;
        return n;
    }

    // quickFirewall false: the node stays firewalled on loopback (hyperdht then answers as a
    // server that must be holepunched rather than one that is open).
    int newNodeClient(bool quickFirewall = true) {
        const QJsonObject c = m_peer->call(
            op("client", {{QStringLiteral("bootstrap"), QJsonArray::fromStringList(m_bootstrapList)},
                          {QStringLiteral("quickFirewall"), quickFirewall}}));
        if (!c.value(QStringLiteral("ok")).toBool()) {
            qWarning("%s", qPrintable(c.value(QStringLiteral("error")).toString()));
            return -1;
        }
        return c.value(QStringLiteral("node")).toInt();
    }

    // One Node server and one Node client (fresh nodes each time) connect through the C++ DHT;
    // 256 KiB go each way and are checked by hash. Returns the client's connect answer.
    QJsonObject connectNodePair(bool lan) {
        const int serverNode = newNodeClient(lan);
        const int clientNode = newNodeClient(lan);
        if (serverNode < 0 || clientNode < 0)
            return {};
        const QJsonObject listening = m_peer->call(
            op("listen", {{QStringLiteral("node"), serverNode}, {QStringLiteral("bytes"), kBytes}}));
        if (!listening.value(QStringLiteral("ok")).toBool()) {
            qWarning("listen: %s", qPrintable(listening.value(QStringLiteral("error")).toString()));
            return {};
        }
        const QString serverKey = listening.value(QStringLiteral("publicKey")).toString();
        // The announce-self entries live in our storing nodes.
        const QByteArray target = crypto::blake2b(QByteArray::fromHex(serverKey.toLatin1()));
        int holders = 0;
        for (auto& s : m_storing)
            holders += s->storage().routerEntry(target) ? 1 : 0;
        if (holders == 0) {
            qWarning("no C++ node holds the server's router entry");
            return {};
        }

        const QJsonObject c = m_peer->call(op("connect", {{QStringLiteral("node"), clientNode},
                                                          {QStringLiteral("publicKey"), serverKey},
                                                          {QStringLiteral("bytes"), kBytes},
                                                          {QStringLiteral("lan"), lan}}),
                                           120'000);
        if (!c.value(QStringLiteral("ok")).toBool()) {
            qWarning("connect: %s", qPrintable(c.value(QStringLiteral("error")).toString()));
            return {};
        }
        QJsonArray served;
        QJsonArray errors;
        (void)QTest::qWaitFor(
            [&] {
                const QJsonObject s = m_peer->call(
                    op("served", {{QStringLiteral("server"), listening.value(QStringLiteral("server"))}}));
                served = s.value(QStringLiteral("connections")).toArray();
                errors = s.value(QStringLiteral("errors")).toArray();
                return !served.isEmpty() || !errors.isEmpty();
            },
            60'000);
        if (served.size() != 1) {
            qWarning("server side: %d connections, errors %s", int(served.size()),
                     QJsonDocument(errors).toJson(QJsonDocument::Compact).constData());
            return {};
        }
        const QJsonObject conn = served.first().toObject();
        const bool intact = c.value(QStringLiteral("remotePublicKey")).toString() == serverKey &&
                            c.value(QStringLiteral("bytesReceived")).toInt() == kBytes &&
                            conn.value(QStringLiteral("bytesReceived")).toInt() == kBytes &&
                            conn.value(QStringLiteral("received")) == c.value(QStringLiteral("sent")) &&
                            c.value(QStringLiteral("received")) == conn.value(QStringLiteral("sent"));
        if (!intact) {
            qWarning("data not intact: client %s server %s",
                     QJsonDocument(c).toJson(QJsonDocument::Compact).constData(),
                     QJsonDocument(conn).toJson(QJsonDocument::Compact).constData());
            return {};
        }
        return c;
    }

    quint64 relayedDatagrams() {
        quint64 n = 0;
        for (auto& s : m_storing)
            n += s->node().stats().relayed;
        return n;
    }

    // A UDP socket on 127.0.0.1 playing one end of a relayed exchange by hand.
    struct RawEnd {
        QUdpSocket socket;
        encoding::Ipv4Address address;
        RawEnd() {
            socket.bind(QHostAddress::LocalHost, 0);
            address.host = {127, 0, 0, 1};
            address.port = socket.localPort();
        }
        void send(const dht::rpc::RpcRequest& req, const encoding::Ipv4Address& to) {
            socket.writeDatagram(dht::rpc::encodeRequest(req), QHostAddress::LocalHost, to.port);
        }
        // The next datagram (within 10 s): its message and source port.
        std::optional<std::pair<dht::rpc::RpcMessage, quint16>> receive() {
            if (!QTest::qWaitFor([&] { return socket.hasPendingDatagrams(); }, 10'000))
                return std::nullopt;
            QByteArray data(int(socket.pendingDatagramSize()), 0);
            quint16 port = 0;
            socket.readDatagram(data.data(), data.size(), nullptr, &port);
            auto m = dht::rpc::decodeMessage(data);
            if (!m)
                return std::nullopt;
            return std::make_pair(*m, port);
        }
    };

private slots:
    void initTestCase() {
        // The bootstrap node is a C++ DHT.bootstrapper in this process (what `pluresdb-cli bootstrap`
        // runs), so that every node of the network, and so every possible relay, shows its counters.
        m_storing.push_back(startBootstrapper());
        QVERIFY(m_storing.back());
        m_bootstrapList = QStringList{addressOf(*m_storing.back())};
        for (int i = 0; i < kStoringNodes; ++i) {
            m_storing.push_back(startNode(NodeKind::Persistent, m_bootstrapList));
            QVERIFY(m_storing.back());
            QVERIFY(waitReady(*m_storing.back()));
        }
        for (auto& s : m_storing)
            QVERIFY2(waitPersistent(*s), "a C++ storing node did not become persistent");
        m_peer = std::make_unique<NodeDhtPeer>(QStringLiteral("hyperdht_connect_peer.js"));
    }

    void cleanupTestCase() {
        m_peer.reset();
        for (auto& s : m_storing)
            s->destroy();
        m_storing.clear();
    }

    /// Node server ↔ Node client through C++ relays (the LAN shortcut allowed, as by default): the
    /// connection opens, data goes both ways intact, and the C++ nodes relayed the handshake
    /// (FROM_CLIENT → FROM_RELAY to the server, its FROM_SERVER answered to the client as REPLY).
    void nodePairConnectsThroughCppRelays() {
        const quint64 forwardedBefore = sumCounter(&HyperDhtCounters::handshakesForwarded);
        const quint64 repliesBefore = sumCounter(&HyperDhtCounters::handshakeReplies);
        const quint64 datagramsBefore = relayedDatagrams();
        const QJsonObject c = connectNodePair(true);
        QVERIFY(!c.isEmpty());
        const quint64 forwarded = sumCounter(&HyperDhtCounters::handshakesForwarded) - forwardedBefore;
        const quint64 replies = sumCounter(&HyperDhtCounters::handshakeReplies) - repliesBefore;
        qInfo(
            "C++ relays: %llu handshakes forwarded, %llu server answers replied, %llu datagrams relayed; "
            "Node pair connected via %s, punches %s",
            forwarded, replies, relayedDatagrams() - datagramsBefore,
            qPrintable(c.value(QStringLiteral("remoteAddress")).toString()),
            QJsonDocument(c.value(QStringLiteral("punches")).toObject())
                .toJson(QJsonDocument::Compact)
                .constData());
        QVERIFY(forwarded >= 1);
        QVERIFY(replies >= 1);
        QVERIFY(relayedDatagrams() - datagramsBefore >= forwarded);
        QCOMPARE(sumCounter(&HyperDhtCounters::undecodable), 0u);
    }

    /// The same with a firewalled server (its node skips the quick NAT check) and without the LAN
    /// shortcut nor fast-open probe (`localConnection: false, fastOpen: false`): the pair holepunches, and
    /// the PEER_HOLEPUNCH round trip also goes through a C++ node (FROM_CLIENT → FROM_RELAY, FROM_SERVER →
    /// REPLY).
    void nodePairHolepunchesThroughCppRelays() {
        const quint64 handshakesBefore = sumCounter(&HyperDhtCounters::handshakesForwarded);
        const quint64 forwardedBefore = sumCounter(&HyperDhtCounters::holepunchesForwarded);
        const quint64 repliesBefore = sumCounter(&HyperDhtCounters::holepunchReplies);
        const QJsonObject c = connectNodePair(false);
        QVERIFY(!c.isEmpty());
        const quint64 forwarded = sumCounter(&HyperDhtCounters::holepunchesForwarded) - forwardedBefore;
        const quint64 replies = sumCounter(&HyperDhtCounters::holepunchReplies) - repliesBefore;
        qInfo(
            "C++ relays: %llu handshakes forwarded, %llu holepunches forwarded, %llu replied; Node pair "
            "connected via %s, punches %s",
            sumCounter(&HyperDhtCounters::handshakesForwarded) - handshakesBefore, forwarded, replies,
            qPrintable(c.value(QStringLiteral("remoteAddress")).toString()),
            QJsonDocument(c.value(QStringLiteral("punches")).toObject())
                .toJson(QJsonDocument::Compact)
                .constData());
        QVERIFY(sumCounter(&HyperDhtCounters::handshakesForwarded) > handshakesBefore);
        QVERIFY(forwarded >= 1);
        QVERIFY(replies >= 1);
        QVERIFY(c.value(QStringLiteral("punches")).toObject().value(QStringLiteral("consistent")).toInt() >=
                1);
        QCOMPARE(sumCounter(&HyperDhtCounters::undecodable), 0u);
    }
    /// On the wire, against a persistent C++ node: a FROM_CLIENT handshake naming a relayAddress is
    /// relayed to it as a new request with the client's tid, command and target, the node's id, no
    /// token and the value {FROM_RELAY, noise, peerAddress: client}; the FROM_SERVER answer to that
    /// tid is replied to the client, from the node's server socket, with `to` = the client and
    /// {REPLY, noise, peerAddress: server}, no token, no closerNodes (§5.2, capture §13.3 C17–C20).
    void relayOnTheWire() {
        HyperDht& relay = *m_storing[1];
        const encoding::Ipv4Address relayAddress = relay.node().localServerAddress();
        RawEnd client;
        RawEnd server;
        const QByteArray target = crypto::blake2b(QByteArray("relay on the wire"));
        const QByteArray noise(96, char(0xdd));

        dht::rpc::RpcRequest hello;
        hello.tid = 7768;
        hello.to = relayAddress;
        hello.command = kCommandPeerHandshake;
        hello.target = target;
        hello.value = encodeHandshakeValue({kModeFromClient, noise, std::nullopt, server.address});
        client.send(hello, relayAddress);

        const auto relayed = server.receive();
        QVERIFY(relayed && std::holds_alternative<dht::rpc::RpcRequest>(relayed->first));
        const auto& fwd = std::get<dht::rpc::RpcRequest>(relayed->first);
        QCOMPARE(relayed->second, relayAddress.port);
        QCOMPARE(fwd.tid, hello.tid);
        QCOMPARE(fwd.command, kCommandPeerHandshake);
        QVERIFY(!fwd.internal);
        QCOMPARE(*fwd.target, target);
        QCOMPARE(fwd.to, server.address);
        QVERIFY(!fwd.token);
        QCOMPARE(*fwd.id, relay.node().id());
        QVERIFY(*decodeHandshakeValue(*fwd.value) ==
                (HandshakeValue{kModeFromRelay, noise, client.address, std::nullopt}));

        dht::rpc::RpcRequest answer;
        answer.tid = fwd.tid;
        answer.to = relayAddress;
        answer.command = kCommandPeerHandshake;
        answer.target = target;
        const QByteArray noise2(72, char(0x21));
        answer.value = encodeHandshakeValue({kModeFromServer, noise2, client.address, std::nullopt});
        server.send(answer, relayAddress);

        const auto reply = client.receive();
        QVERIFY(reply && std::holds_alternative<dht::rpc::RpcResponse>(reply->first));
        const auto& res = std::get<dht::rpc::RpcResponse>(reply->first);
        QCOMPARE(reply->second, relayAddress.port);
        QCOMPARE(res.tid, hello.tid);
        QCOMPARE(res.to, client.address);
        QCOMPARE(res.error, 0u);
        QVERIFY(!res.token);
        QVERIFY(res.closerNodes.empty());
        QVERIFY(*decodeHandshakeValue(*res.value) ==
                (HandshakeValue{kModeReply, noise2, server.address, std::nullopt}));
        QVERIFY(!server.socket.hasPendingDatagrams());
    }
};

QTEST_GUILESS_MAIN(TestHyperDhtRelay)
#include "test_hyperdht_relay.moc"
