// hyperdht connect/listen against the real npm hyperdht 6.34 on 127.0.0.1 (issue #6, spec §5–§8):
//  - a C++ Server (core/dht/hyperdht/Server) accepts Node `dht.connect(publicKey)` clients,
//  - the C++ connect() dials a Node `dht.createServer().listen()`,
//  - and a C++ pair connects over an all-C++ DHT (bootstrapper + persistent C++ nodes),
// each with data both ways checked by SHA-256 (0 B, 1 B, 1 MiB; 64 MiB each way once against
// Node). The C++ nodes run both reachable (quick firewall check passes on loopback: the "open"
// paths) and firewalled (the LAN shortcut / connect-to-the-relayed-address paths).

#include "HyperDhtCppNodes.h"
#include "HyperDhtNodePeer.h"

#include "core/crypto/Ed25519.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Namespaces.h"
#include "core/dht/hyperdht/Connect.h"
#include "core/dht/hyperdht/RelayValues.h"
#include "core/dht/rpc/RpcMessage.h"
#include "core/transport/noise/NoiseHandshake.h"
#include "core/transport/secretstream/SecretStream.h"
#include "tests/support/TestSupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
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

constexpr qint64 kMiB = 1024 * 1024;

// Sends `total` pseudo-random bytes (with backpressure) then END, hashes what arrives, and ends
// its own side when the peer has ended. Done when the stream closed.
class Exchange : public QObject {
public:
    Exchange(transport::secretstream::SecretStream* stream, qint64 total) : m_stream(stream), m_total(total) {
        m_stream->setParent(this);
        m_rng.seed(quint32(QRandomGenerator::global()->generate()));
        connect(m_stream, &transport::ByteStream::dataReceived, this, [this](const QByteArray& d) {
            m_received.addData(d);
            m_bytesReceived += d.size();
        });
        connect(m_stream, &transport::ByteStream::drained, this, [this] { pump(); });
        connect(m_stream, &transport::ByteStream::closed, this, [this](const QString& error) {
            m_error = error;
            m_closed = true;
        });
        pump();
    }
    bool closed() const { return m_closed; }
    QString error() const { return m_error; }
    qint64 bytesReceived() const { return m_bytesReceived; }
    QString sentHash() { return QString::fromLatin1(m_sent.result().toHex()); }
    QString receivedHash() { return QString::fromLatin1(m_received.result().toHex()); }

private:
    void pump() {
        if (m_closed || m_ended)
            return;
        while (m_written < m_total && m_stream->bytesToWrite() < 4 * kMiB) {
            const qint64 n = std::min<qint64>(256 * 1024, m_total - m_written);
            QByteArray chunk(n, Qt::Uninitialized);
            m_rng.fillRange(reinterpret_cast<quint32*>(chunk.data()), n / 4);
            for (qint64 i = n / 4 * 4; i < n; ++i)
                chunk[i] = char(m_rng.generate());
            m_sent.addData(chunk);
            m_written += n;
            m_stream->write(chunk);
        }
        if (m_written == m_total) {
            m_ended = true;
            m_stream->end();
        }
    }

    transport::secretstream::SecretStream* m_stream;
    qint64 m_total;
    qint64 m_written = 0;
    qint64 m_bytesReceived = 0;
    bool m_ended = false;
    bool m_closed = false;
    QString m_error;
    QRandomGenerator m_rng;
    QCryptographicHash m_sent{QCryptographicHash::Sha256};
    QCryptographicHash m_received{QCryptographicHash::Sha256};
};

std::unique_ptr<HyperDht> startCppNode(const QStringList& bootstrap, bool firewalled) {
    dht::rpc::DhtNodeOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.bootstrap = bootstrapList(bootstrap);
    o.useDefaultBootstrap = false;
    o.ephemeral = true;
    o.quickFirewall = !firewalled;
    auto node = std::make_unique<HyperDht>(o);
    if (!node->start() || !waitReady(*node))
        return nullptr;
    return node;
}

// Runs connect() and waits for its outcome.
std::variant<Connection, ConnectError> connectAndWait(HyperDht& dht, const QByteArray& publicKey,
                                                      ConnectOptions options, int timeoutMs = 60'000) {
    auto out = std::make_shared<std::optional<std::variant<Connection, ConnectError>>>();
    connect(dht, publicKey, std::move(options),
            [out](std::variant<Connection, ConnectError> r) { *out = r; });
    if (!QTest::qWaitFor([&] { return out->has_value(); }, timeoutMs))
        return ConnectError{QStringLiteral("TEST_TIMEOUT"), QStringLiteral("no outcome"), {}};
    return **out;
}

}  // namespace

class TestHyperDhtConnect : public QObject {
    Q_OBJECT
    std::unique_ptr<NodeDhtPeer> m_peer;
    QStringList m_bootstrap;

    int nodeClient(bool quickFirewall) {
        const QJsonObject c =
            m_peer->call(op("client", {{QStringLiteral("bootstrap"), QJsonArray::fromStringList(m_bootstrap)},
                                       {QStringLiteral("quickFirewall"), quickFirewall}}));
        return c.value(QStringLiteral("ok")).toBool() ? c.value(QStringLiteral("node")).toInt() : -1;
    }

private slots:
    void initTestCase() {
        m_peer = std::make_unique<NodeDhtPeer>(QStringLiteral("hyperdht_conn_peer.js"));
        const QJsonObject t = m_peer->call(op("testnet", {{QStringLiteral("size"), 6}}));
        QVERIFY2(t.value(QStringLiteral("ok")).toBool(),
                 qPrintable(t.value(QStringLiteral("error")).toString()));
        m_bootstrap = NodeDhtPeer::strings(t.value(QStringLiteral("bootstrap")));
        QVERIFY(!m_bootstrap.isEmpty());
    }

    void cleanupTestCase() { m_peer.reset(); }

    // A C++ server; Node clients dial it, 0 B / 1 B / 1 MiB / 64 MiB each way.
    void cppServerNodeClient_data() {
        QTest::addColumn<bool>("firewalled");
        QTest::addColumn<bool>("lan");
        QTest::addColumn<QList<qint64>>("sizes");
        QTest::addColumn<QString>("expectedPath");  // as our server sees it
        QTest::newRow("reachable") << false << true << QList<qint64>{0, 1, kMiB, 64 * kMiB} << QString();
        QTest::newRow("firewalled") << true << true << QList<qint64>{0, 1, kMiB} << QString();
        // Both firewalled, the Node client told not to use the LAN shortcut: a punched hole (§7).
        QTest::newRow("holepunch") << true << false << QList<qint64>{1, kMiB}
                                   << QStringLiteral("holepunched");
    }
    void cppServerNodeClient() {
        QFETCH(bool, firewalled);
        QFETCH(bool, lan);
        QFETCH(QList<qint64>, sizes);
        QFETCH(QString, expectedPath);
        auto dht = startCppNode(m_bootstrap, firewalled);
        QVERIFY(dht);
        ServerOptions so;
        so.keyPair = crypto::generateKeyPair();
        Server server(*dht, so);
        std::vector<std::unique_ptr<Exchange>> exchanges;
        std::vector<ConnectionFacts> facts;
        qint64 serverBytes = 0;
        server.onConnection = [&](Connection c) {
            facts.push_back(c.facts);
            exchanges.push_back(std::make_unique<Exchange>(c.stream, serverBytes));
        };
        QStringList refused;
        server.onRefused = [&](const QByteArray&, const ConnectError& e) {
            refused << e.code + ": " + e.message;
        };
        auto listened = await<Result<void>>([&](auto done) { server.listen(done); });
        QVERIFY(listened && listened->ok());
        QVERIFY(!server.relays().empty());
        const int client = nodeClient(!firewalled);
        QVERIFY(client >= 0);

        for (qint64 size : sizes) {
            serverBytes = size;
            const std::size_t before = exchanges.size();
            const QJsonObject c = m_peer->call(
                op("connect",
                   {{QStringLiteral("node"), client},
                    {QStringLiteral("publicKey"), QString::fromLatin1(so.keyPair.publicKey.toHex())},
                    {QStringLiteral("bytes"), double(size)},
                    {QStringLiteral("lan"), lan}}),
                180'000);
            QVERIFY2(
                c.value(QStringLiteral("ok")).toBool(),
                qPrintable(c.value(QStringLiteral("error")).toString() + " refused: " + refused.join("; ")));
            QVERIFY(exchanges.size() == before + 1);
            Exchange& ex = *exchanges.back();
            QVERIFY(QTest::qWaitFor([&] { return ex.closed(); }, 60'000));
            QVERIFY2(ex.error().isEmpty(), qPrintable(ex.error()));
            QCOMPARE(ex.bytesReceived(), size);
            QCOMPARE(double(c.value(QStringLiteral("bytesReceived")).toDouble()), double(size));
            QCOMPARE(ex.receivedHash(), c.value(QStringLiteral("sent")).toString());
            QCOMPARE(ex.sentHash(), c.value(QStringLiteral("received")).toString());
            QCOMPARE(facts.back().initiator, false);
            if (!expectedPath.isEmpty())
                QCOMPARE(connectionPathName(facts.back().path), expectedPath);
            QCOMPARE(facts.back().handshakeHash.size(), 64);
        }
        auto closed = await<bool>([&](auto done) { server.close([done] { done(true); }); });
        QVERIFY(closed);
        dht->destroy();
    }

    // A Node server; the C++ connect() dials it.
    void nodeServerCppClient_data() {
        QTest::addColumn<bool>("firewalled");
        QTest::addColumn<bool>("lan");
        QTest::addColumn<QString>("expectedPath");
        QTest::newRow("reachable") << false << true << QStringLiteral("direct");
        // Both firewalled on one host: the LAN shortcut (PING the server's address, §8 client 6).
        QTest::newRow("firewalled") << true << true << QStringLiteral("lan");
        // The same without the LAN shortcut: probe and punch rounds through a relay, consistent NATs.
        QTest::newRow("holepunch") << true << false << QStringLiteral("holepunched");
    }
    void nodeServerCppClient() {
        QFETCH(bool, firewalled);
        QFETCH(bool, lan);
        QFETCH(QString, expectedPath);
        const int serverNode = nodeClient(!firewalled);
        QVERIFY(serverNode >= 0);
        for (qint64 size : {qint64(0), qint64(1), kMiB}) {
            const QJsonObject l = m_peer->call(op(
                "listen", {{QStringLiteral("node"), serverNode}, {QStringLiteral("bytes"), double(size)}}));
            QVERIFY2(l.value(QStringLiteral("ok")).toBool(),
                     qPrintable(l.value(QStringLiteral("error")).toString()));
            const QByteArray serverKey =
                QByteArray::fromHex(l.value(QStringLiteral("publicKey")).toString().toLatin1());
            auto dht = startCppNode(m_bootstrap, firewalled);
            QVERIFY(dht);
            ConnectOptions co;
            co.keyPair = crypto::generateKeyPair();
            co.localConnection = lan;
            QStringList steps;
            co.trace = [&](const QByteArray&, const ConnectStep& s) { steps << s.kind + ": " + s.detail; };
            auto r = connectAndWait(*dht, serverKey, co);
            auto* conn = std::get_if<Connection>(&r);
            if (!conn)
                QFAIL(qPrintable(std::get<ConnectError>(r).code + ": " + std::get<ConnectError>(r).message +
                                 "\n" + steps.join("\n")));
            QCOMPARE(conn->facts.remotePublicKey, serverKey);
            QCOMPARE(connectionPathName(conn->facts.path), expectedPath);
            if (expectedPath == QLatin1String("holepunched")) {
                QCOMPARE(conn->facts.strategy, PunchStrategy::Consistent);
                QCOMPARE(conn->facts.localFirewall, kFirewallConsistent);
                QVERIFY(conn->facts.punchRounds >= 1);
            }
            Exchange ex(conn->stream, size);
            QVERIFY(QTest::qWaitFor([&] { return ex.closed(); }, 60'000));
            QVERIFY2(ex.error().isEmpty(), qPrintable(ex.error()));
            QJsonArray served;
            QVERIFY(QTest::qWaitFor(
                [&] {
                    served = m_peer
                                 ->call(op("served",
                                           {{QStringLiteral("server"), l.value(QStringLiteral("server"))}}))
                                 .value(QStringLiteral("connections"))
                                 .toArray();
                    return !served.isEmpty();
                },
                30'000));
            const QJsonObject s = served.first().toObject();
            QCOMPARE(ex.bytesReceived(), size);
            QCOMPARE(ex.receivedHash(), s.value(QStringLiteral("sent")).toString());
            QCOMPARE(ex.sentHash(), s.value(QStringLiteral("received")).toString());
            QCOMPARE(s.value(QStringLiteral("remotePublicKey")).toString(),
                     QString::fromLatin1(co.keyPair.publicKey.toHex()));
            dht->destroy();
        }
    }

    // Unknown key: PEER_NOT_FOUND, with plain words.
    void unknownPeer() {
        auto dht = startCppNode(m_bootstrap, false);
        QVERIFY(dht);
        ConnectOptions co;
        co.keyPair = crypto::generateKeyPair();
        auto r = connectAndWait(*dht, crypto::generateKeyPair().publicKey, co);
        auto* e = std::get_if<ConnectError>(&r);
        QVERIFY(e);
        QCOMPARE(e->code, QString::fromLatin1(kErrPeerNotFound));
        QVERIFY(!e->message.isEmpty());
        dht->destroy();
    }

    // The same Noise message 1 through two relays (FROM_RELAY from one, FROM_SECOND_RELAY naming the
    // other) gets the same message 2 both times, relayed back as FROM_SERVER (§5.2); raw UDP sockets
    // play the relays, so the exact wire answers are checked.
    void handshakeDedupeOverRelays() {
        auto dht = startCppNode(m_bootstrap, true);
        QVERIFY(dht);
        ServerOptions so;
        so.keyPair = crypto::generateKeyPair();
        Server server(*dht, so);
        int connections = 0;
        server.onConnection = [&](Connection c) {
            ++connections;
            c.stream->deleteLater();
        };
        auto listened = await<Result<void>>([&](auto done) { server.listen(done); });
        QVERIFY(listened && listened->ok());

        struct Relay {
            QUdpSocket socket;
            encoding::Ipv4Address address;
            Relay() {
                socket.bind(QHostAddress::LocalHost, 0);
                address = {{127, 0, 0, 1}, socket.localPort()};
            }
            std::optional<HandshakeValue> receive() {
                if (!QTest::qWaitFor([&] { return socket.hasPendingDatagrams(); }, 10'000))
                    return std::nullopt;
                QByteArray data(int(socket.pendingDatagramSize()), 0);
                socket.readDatagram(data.data(), data.size());
                auto m = dht::rpc::decodeMessage(data);
                auto* r = m ? std::get_if<dht::rpc::RpcRequest>(&*m) : nullptr;
                if (!r || !r->value || r->command != kCommandPeerHandshake)
                    return std::nullopt;
                auto v = decodeHandshakeValue(*r->value);
                return v ? std::optional<HandshakeValue>(*v) : std::nullopt;
            }
        } relayA, relayB;
        const crypto::KeyPair client = crypto::generateKeyPair();
        transport::noise::NoiseHandshake noise(transport::noise::NoisePattern::IK, true, client,
                                               crypto::nsPeerHandshake(), so.keyPair.publicKey);
        NoisePayload payload;
        payload.udx = UdxInfo{1, 0, 77, 0};
        payload.secretStream = SecretStreamInfo{};
        const QByteArray msg1 = *noise.writeMessage(encodeNoisePayload(payload));
        const encoding::Ipv4Address clientAddress{{127, 0, 0, 1}, 9};
        const encoding::Ipv4Address serverAddress = dht->node().localServerAddress();
        auto request = [&](HandshakeValue v, uint16_t tid) {
            dht::rpc::RpcRequest r;
            r.tid = tid;
            r.to = serverAddress;
            r.command = kCommandPeerHandshake;
            r.target = crypto::blake2b(so.keyPair.publicKey);
            r.value = encodeHandshakeValue(v);
            return dht::rpc::encodeRequest(r);
        };
        relayA.socket.writeDatagram(request({kModeFromRelay, msg1, clientAddress, std::nullopt}, 7),
                                    QHostAddress::LocalHost, serverAddress.port);
        const auto first = relayA.receive();
        QVERIFY(first);
        QCOMPARE(first->mode, kModeFromServer);
        QCOMPARE(*first->peerAddress, clientAddress);
        // FROM_SECOND_RELAY sent by A naming B: the answer goes to B.
        relayA.socket.writeDatagram(request({kModeFromSecondRelay, msg1, clientAddress, relayB.address}, 8),
                                    QHostAddress::LocalHost, serverAddress.port);
        const auto second = relayB.receive();
        QVERIFY(second);
        QCOMPARE(second->mode, kModeFromServer);
        QCOMPARE(second->noise, first->noise);  // deduplicated: one slot, one answer
        // And the answer is a real message 2 for our handshake.
        const auto plain = noise.readMessage(first->noise);
        QVERIFY(plain);
        const auto serverPayload = decodeNoisePayload(*plain);
        QVERIFY(serverPayload && serverPayload->udx);
        QVERIFY(serverPayload->holepunch);  // firewalled: holepunching offered with our slot
        QCOMPARE(connections, 0);
        dht->destroy();
    }

    // cancelConnect() ends an attempt with ABORTED; destroying the node ends one with DESTROYED;
    // `done` runs exactly once either way.
    void cancelAndDestroy() {
        auto dht = startCppNode(m_bootstrap, false);
        QVERIFY(dht);
        ConnectOptions co;
        co.keyPair = crypto::generateKeyPair();
        int calls = 0;
        QString code;
        const ConnectId id = dht::hyperdht::connect(*dht, crypto::generateKeyPair().publicKey, co,
                                                    [&](std::variant<Connection, ConnectError> r) {
                                                        ++calls;
                                                        if (auto* e = std::get_if<ConnectError>(&r))
                                                            code = e->code;
                                                    });
        cancelConnect(*dht, id);
        QCOMPARE(calls, 1);
        QCOMPARE(code, QString::fromLatin1(kErrAborted));
        cancelConnect(*dht, id);  // a second cancel is a no-op
        QTest::qWait(200);
        QCOMPARE(calls, 1);

        int calls2 = 0;
        QString code2;
        dht::hyperdht::connect(*dht, crypto::generateKeyPair().publicKey, co,
                               [&](std::variant<Connection, ConnectError> r) {
                                   ++calls2;
                                   if (auto* e = std::get_if<ConnectError>(&r))
                                       code2 = e->code;
                               });
        dht.reset();
        QCOMPARE(calls2, 1);
        QCOMPARE(code2, QString::fromLatin1(kErrDestroyed));
    }

    // A firewall hook that refuses: the client gets no reply (PEER_CONNECTION_FAILED), the server
    // reports REFUSED with the client's key.
    void firewallRefuses() {
        auto serverDht = startCppNode(m_bootstrap, false);
        auto clientDht = startCppNode(m_bootstrap, false);
        QVERIFY(serverDht && clientDht);
        ServerOptions so;
        so.keyPair = crypto::generateKeyPair();
        const crypto::KeyPair clientKeys = crypto::generateKeyPair();
        so.firewall = [&](const QByteArray& remote, const NoisePayload&, const encoding::Ipv4Address&) {
            return remote == clientKeys.publicKey;
        };
        Server server(*serverDht, so);
        int connections = 0;
        server.onConnection = [&](Connection c) {
            ++connections;
            c.stream->deleteLater();
        };
        QByteArray refusedKey;
        QString refusedCode;
        server.onRefused = [&](const QByteArray& key, const ConnectError& e) {
            refusedKey = key;
            refusedCode = e.code;
        };
        auto listened = await<Result<void>>([&](auto done) { server.listen(done); });
        QVERIFY(listened && listened->ok());
        ConnectOptions co;
        co.keyPair = clientKeys;
        auto r = connectAndWait(*clientDht, so.keyPair.publicKey, co);
        auto* e = std::get_if<ConnectError>(&r);
        QVERIFY(e);
        QCOMPARE(e->code, QString::fromLatin1(kErrPeerConnectionFailed));
        QCOMPARE(refusedKey, clientKeys.publicKey);
        QCOMPARE(refusedCode, QString::fromLatin1(kErrRefused));
        QCOMPARE(connections, 0);
        serverDht->destroy();
        clientDht->destroy();
    }

    // C++ ↔ C++ on an all-C++ DHT: `pluresdb-cli bootstrap`-style bootstrapper + persistent nodes.
    void cppCppOnCppDht_data() {
        QTest::addColumn<bool>("firewalled");
        QTest::addColumn<bool>("lan");
        QTest::newRow("reachable") << false << true;
        QTest::newRow("firewalled") << true << true;
        QTest::newRow("holepunch") << true << false;
    }
    void cppCppOnCppDht() {
        QFETCH(bool, firewalled);
        QFETCH(bool, lan);
        auto boot = startBootstrapper();
        QVERIFY(boot);
        const QStringList bootstrap{addressOf(*boot)};
        std::vector<std::unique_ptr<HyperDht>> storing;
        for (int i = 0; i < 5; ++i) {  // ≥ 4 nodes to sample a puncher socket's NAT from (§7.4)
            storing.push_back(startNode(NodeKind::Persistent, bootstrap));
            QVERIFY(storing.back() && waitPersistent(*storing.back()));
        }
        auto serverDht = startCppNode(bootstrap, firewalled);
        QVERIFY(serverDht);
        ServerOptions so;
        so.keyPair = crypto::generateKeyPair();
        Server server(*serverDht, so);
        std::vector<std::unique_ptr<Exchange>> exchanges;
        qint64 serverBytes = 0;
        server.onConnection = [&](Connection c) {
            exchanges.push_back(std::make_unique<Exchange>(c.stream, serverBytes));
        };
        auto listened = await<Result<void>>([&](auto done) { server.listen(done); });
        QVERIFY(listened && listened->ok());
        for (qint64 size : {qint64(0), qint64(1), kMiB}) {
            serverBytes = size;
            auto clientDht = startCppNode(bootstrap, firewalled);
            QVERIFY(clientDht);
            ConnectOptions co;
            co.keyPair = crypto::generateKeyPair();
            co.relayAddresses = server.relayAddresses();  // as hyperswarm passes a topic record's relays
            co.localConnection = lan;
            auto r = connectAndWait(*clientDht, so.keyPair.publicKey, co);
            auto* conn = std::get_if<Connection>(&r);
            if (!conn)
                QFAIL(qPrintable(std::get<ConnectError>(r).code + ": " + std::get<ConnectError>(r).message));
            if (!lan)
                QCOMPARE(connectionPathName(conn->facts.path), QStringLiteral("holepunched"));
            Exchange client(conn->stream, size);
            QVERIFY(QTest::qWaitFor(
                [&] { return client.closed() && !exchanges.empty() && exchanges.back()->closed(); }, 60'000));
            Exchange& srv = *exchanges.back();
            QVERIFY2(client.error().isEmpty() && srv.error().isEmpty(),
                     qPrintable(client.error() + srv.error()));
            QCOMPARE(client.bytesReceived(), size);
            QCOMPARE(srv.bytesReceived(), size);
            QCOMPARE(client.receivedHash(), srv.sentHash());
            QCOMPARE(srv.receivedHash(), client.sentHash());
            clientDht->destroy();
        }
        QCOMPARE(int(exchanges.size()), 3);
        serverDht->destroy();
    }
};

QTEST_GUILESS_MAIN(TestHyperDhtConnect)
#include "test_hyperdht_connect.moc"
