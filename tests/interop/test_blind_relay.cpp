// Blind relaying (issue #6, spec/hyperdht.md §11) against the real npm packages on a loopback
// hyperdht testnet: peers that cannot reach each other (firewalled, no LAN shortcut, holepunching
// turned off) connect through a blind relay, and their secret stream runs end to end through it.
//  - C++ client ↔ Node server through a Node blind-relay 1.6 server (the client's relayThrough),
//  - Node client ↔ C++ server through the Node relay (the Node client's relayThrough),
//  - C++ ↔ C++ through the Node relay (the C++ server's relayThrough),
//  - Node client ↔ Node server through the C++ BlindRelayServer (UdxStream::relayTo splicing),
//  - C++ ↔ C++ through the C++ relay,
// each with 0 B, 1 B and 1 MiB each way checked by SHA-256, and ConnectionFacts saying "relayed"
// with the relay's key.

#include "HyperDhtCppNodes.h"
#include "HyperDhtNodePeer.h"

#include "core/crypto/Ed25519.h"
#include "core/dht/hyperdht/BlindRelayServer.h"
#include "core/dht/hyperdht/Connect.h"
#include "core/transport/secretstream/SecretStream.h"
#include "tests/support/TestSupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

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
const QList<qint64> kSizes{0, 1, kMiB};

// Sends `total` pseudo-random bytes (with backpressure), hashes what arrives, and ends once it has
// sent everything and received `total` bytes too. Done when the stream closed.
class Exchange : public QObject {
public:
    Exchange(transport::secretstream::SecretStream* stream, qint64 total) : m_stream(stream), m_total(total) {
        m_stream->setParent(this);
        m_rng.seed(quint32(QRandomGenerator::global()->generate()));
        connect(m_stream, &transport::ByteStream::dataReceived, this, [this](const QByteArray& d) {
            m_received.addData(d);
            m_bytesReceived += d.size();
            pump();
        });
        connect(m_stream, &transport::ByteStream::drained, this, [this] { pump(); });
        connect(m_stream, &transport::ByteStream::remoteEnded, this, [this] { m_remoteEnded = true; });
        connect(m_stream, &transport::ByteStream::closed, this, [this](const QString& error) {
            m_error = error;
            m_closed = true;
        });
        pump();
    }
    bool closed() const { return m_closed; }
    QString error() const { return m_error; }
    // Clean, or reset only after every byte arrived and we ended: hyperdht's secret-stream destroys
    // its UDX stream as soon as both sides ended, and that DESTROY can overtake the ACK of our END
    // (Node peers see the same and ignore it: they are done at 'end').
    bool cleanEnough() const { return m_error.isEmpty() || (m_ended && m_bytesReceived == m_total); }
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
        // End only once the peer's bytes are all in (the Node peers end after us; see cleanEnough).
        if (m_written == m_total && m_bytesReceived >= m_total) {
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
    bool m_remoteEnded = false;
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

class TestBlindRelay : public QObject {
    Q_OBJECT
    std::unique_ptr<NodeDhtPeer> m_peer;
    QStringList m_bootstrap;
    int m_relayIndex = -1;
    QByteArray m_relayKey;

    int nodeClient() {
        const QJsonObject c = m_peer->call(
            op("client", {{QStringLiteral("bootstrap"), QJsonArray::fromStringList(m_bootstrap)}}));
        return c.value(QStringLiteral("ok")).toBool() ? c.value(QStringLiteral("node")).toInt() : -1;
    }
    QJsonObject relayStats() {
        return m_peer->call(op("relayStats", {{QStringLiteral("relay"), m_relayIndex}}))
            .value(QStringLiteral("stats"))
            .toObject();
    }
    int matchedPairings() {
        return relayStats()
            .value(QStringLiteral("pairings"))
            .toObject()
            .value(QStringLiteral("matched"))
            .toInt();
    }
    static QString hex(const QByteArray& b) { return QString::fromLatin1(b.toHex()); }

    // Waits for the Node server's record of one more finished connection and checks it against ours.
    void checkServed(int server, int count, Exchange& ex, const QByteArray& clientKey) {
        QJsonArray served;
        QVERIFY(QTest::qWaitFor(
            [&] {
                served = m_peer->call(op("served", {{QStringLiteral("server"), server}}))
                             .value(QStringLiteral("connections"))
                             .toArray();
                return served.size() >= count;
            },
            60'000));
        const QJsonObject s = served.at(count - 1).toObject();
        QCOMPARE(ex.receivedHash(), s.value(QStringLiteral("sent")).toString());
        QCOMPARE(ex.sentHash(), s.value(QStringLiteral("received")).toString());
        QCOMPARE(s.value(QStringLiteral("remotePublicKey")).toString(), hex(clientKey));
    }

private slots:
    void initTestCase() {
        m_peer = std::make_unique<NodeDhtPeer>(QStringLiteral("blind_relay_peer.js"));
        const QJsonObject t = m_peer->call(op("testnet", {{QStringLiteral("size"), 6}}));
        QVERIFY2(t.value(QStringLiteral("ok")).toBool(),
                 qPrintable(t.value(QStringLiteral("error")).toString()));
        m_bootstrap = NodeDhtPeer::strings(t.value(QStringLiteral("bootstrap")));
        const int relayNode = nodeClient();
        QVERIFY(relayNode >= 0);
        const QJsonObject r = m_peer->call(op("relay", {{QStringLiteral("node"), relayNode}}));
        QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                 qPrintable(r.value(QStringLiteral("error")).toString()));
        m_relayIndex = r.value(QStringLiteral("relay")).toInt();
        m_relayKey = QByteArray::fromHex(r.value(QStringLiteral("publicKey")).toString().toLatin1());
        QCOMPARE(m_relayKey.size(), 32);
    }

    void cleanupTestCase() { m_peer.reset(); }

    /// A firewalled C++ client with relayThrough = the Node relay dials a Node server that neither
    /// holepunches nor shares local addresses: the only way in is the relay, and the data crosses it.
    void cppClientNodeServerViaNodeRelay() {
        const int serverNode = nodeClient();
        QVERIFY(serverNode >= 0);
        auto dht = startCppNode(m_bootstrap, true);
        QVERIFY(dht);
        int count = 0;
        for (qint64 size : kSizes) {
            const QJsonObject l = m_peer->call(op(
                "listen", {{QStringLiteral("node"), serverNode}, {QStringLiteral("bytes"), double(size)}}));
            QVERIFY2(l.value(QStringLiteral("ok")).toBool(),
                     qPrintable(l.value(QStringLiteral("error")).toString()));
            const QByteArray serverKey =
                QByteArray::fromHex(l.value(QStringLiteral("publicKey")).toString().toLatin1());
            const int matchedBefore = matchedPairings();
            ConnectOptions co;
            co.keyPair = crypto::generateKeyPair();
            co.localConnection = false;
            co.holepunch = false;
            co.relayThrough = m_relayKey;
            QStringList steps;
            co.trace = [&](const QByteArray&, const ConnectStep& s) { steps << s.kind + ": " + s.detail; };
            auto r = connectAndWait(*dht, serverKey, co);
            auto* conn = std::get_if<Connection>(&r);
            if (!conn)
                QFAIL(qPrintable(std::get<ConnectError>(r).code + ": " + std::get<ConnectError>(r).message +
                                 "\n" + steps.join("\n")));
            QCOMPARE(connectionPathName(conn->facts.path), QStringLiteral("relayed"));
            QCOMPARE(conn->facts.blindRelayKey, m_relayKey);
            QCOMPARE(conn->facts.remotePublicKey, serverKey);
            Exchange ex(conn->stream, size);
            QVERIFY2(QTest::qWaitFor([&] { return ex.closed(); }, 60'000),
                     qPrintable(QStringLiteral("size %1: received %2").arg(size).arg(ex.bytesReceived())));
            QVERIFY2(ex.cleanEnough(), qPrintable(ex.error()));
            QCOMPARE(ex.bytesReceived(), size);
            checkServed(l.value(QStringLiteral("server")).toInt(), 1, ex, co.keyPair.publicKey);
            QCOMPARE(matchedPairings(), matchedBefore + 1);  // the relay did pair the two
            ++count;
        }
        QCOMPARE(count, kSizes.size());
        dht->destroy();
    }

    /// A Node client with relayThrough = the Node relay and holepunching refused dials a firewalled
    /// C++ server: the C++ server honours the client's relayThrough (pairs as the non-initiator).
    void nodeClientCppServerViaNodeRelay() {
        auto dht = startCppNode(m_bootstrap, true);
        QVERIFY(dht);
        ServerOptions so;
        so.keyPair = crypto::generateKeyPair();
        QStringList steps;
        so.trace = [&](const QByteArray&, const ConnectStep& s) {
            steps << QString::number(s.atMs) + " " + s.kind + ": " + s.detail;
        };
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
        const int client = nodeClient();
        QVERIFY(client >= 0);
        for (qint64 size : kSizes) {
            serverBytes = size;
            const std::size_t before = exchanges.size();
            const int matchedBefore = matchedPairings();
            const QJsonObject c =
                m_peer->call(op("connect", {{QStringLiteral("node"), client},
                                            {QStringLiteral("publicKey"), hex(so.keyPair.publicKey)},
                                            {QStringLiteral("bytes"), double(size)},
                                            {QStringLiteral("relayThrough"), hex(m_relayKey)}}),
                             120'000);
            QVERIFY2(
                c.value(QStringLiteral("ok")).toBool(),
                qPrintable(c.value(QStringLiteral("error")).toString() + " refused: " + refused.join("; ")));
            QCOMPARE(exchanges.size(), before + 1);
            Exchange& ex = *exchanges.back();
            QVERIFY(QTest::qWaitFor([&] { return ex.closed(); }, 60'000));
            QVERIFY2(
                ex.cleanEnough(),
                qPrintable(ex.error() +
                           QStringLiteral(" (size %1, received %2)\n").arg(size).arg(ex.bytesReceived()) +
                           steps.join("\n") + "\n" + QString::fromUtf8(QJsonDocument(c).toJson())));
            steps.clear();
            QCOMPARE(ex.bytesReceived(), size);
            QCOMPARE(c.value(QStringLiteral("bytesReceived")).toDouble(), double(size));
            QCOMPARE(ex.receivedHash(), c.value(QStringLiteral("sent")).toString());
            QCOMPARE(ex.sentHash(), c.value(QStringLiteral("received")).toString());
            QCOMPARE(connectionPathName(facts.back().path), QStringLiteral("relayed"));
            QCOMPARE(facts.back().blindRelayKey, m_relayKey);
            QCOMPARE(matchedPairings(), matchedBefore + 1);
        }
        auto closed = await<bool>([&](auto done) { server.close([done] { done(true); }); });
        QVERIFY(closed);
        dht->destroy();
    }

    /// Two C++ peers, the server configured with relayThrough (it asks every firewalled client to
    /// pair there) and the client refusing to holepunch: they meet through the Node relay. (The
    /// server still offers holepunching: a server that offers none is dialled at its address.)
    void cppCppViaNodeRelay() {
        auto serverDht = startCppNode(m_bootstrap, true);
        auto clientDht = startCppNode(m_bootstrap, true);
        QVERIFY(serverDht && clientDht);
        ServerOptions so;
        so.keyPair = crypto::generateKeyPair();
        so.relayThrough = m_relayKey;
        Server server(*serverDht, so);
        std::vector<std::unique_ptr<Exchange>> exchanges;
        std::vector<ConnectionFacts> facts;
        qint64 serverBytes = 0;
        server.onConnection = [&](Connection c) {
            facts.push_back(c.facts);
            exchanges.push_back(std::make_unique<Exchange>(c.stream, serverBytes));
        };
        auto listened = await<Result<void>>([&](auto done) { server.listen(done); });
        QVERIFY(listened && listened->ok());
        for (qint64 size : kSizes) {
            serverBytes = size;
            const std::size_t before = exchanges.size();
            ConnectOptions co;
            co.keyPair = crypto::generateKeyPair();
            co.localConnection = false;
            co.holepunch = false;
            QStringList steps;
            co.trace = [&](const QByteArray&, const ConnectStep& s) { steps << s.kind + ": " + s.detail; };
            auto r = connectAndWait(*clientDht, so.keyPair.publicKey, co);
            auto* conn = std::get_if<Connection>(&r);
            if (!conn)
                QFAIL(qPrintable(std::get<ConnectError>(r).code + ": " + std::get<ConnectError>(r).message +
                                 "\n" + steps.join("\n")));
            QCOMPARE(connectionPathName(conn->facts.path), QStringLiteral("relayed"));
            QCOMPARE(conn->facts.blindRelayKey, m_relayKey);
            QVERIFY(QTest::qWaitFor([&] { return exchanges.size() == before + 1; }, 30'000));
            Exchange client(conn->stream, size);
            Exchange& srv = *exchanges.back();
            QVERIFY(QTest::qWaitFor([&] { return client.closed() && srv.closed(); }, 60'000));
            QVERIFY2(client.cleanEnough(), qPrintable(client.error()));
            QVERIFY2(srv.cleanEnough(), qPrintable(srv.error()));
            QCOMPARE(client.bytesReceived(), size);
            QCOMPARE(srv.bytesReceived(), size);
            QCOMPARE(client.receivedHash(), srv.sentHash());
            QCOMPARE(srv.receivedHash(), client.sentHash());
            QCOMPARE(connectionPathName(facts.back().path), QStringLiteral("relayed"));
        }
        auto closed = await<bool>([&](auto done) { server.close([done] { done(true); }); });
        QVERIFY(closed);
        serverDht->destroy();
        clientDht->destroy();
    }

    /// Node hyperdht peers (client with relayThrough = our relay, holepunching refused; server
    /// without punching or local addresses) pair through the C++ BlindRelayServer, which splices
    /// their UDX streams: their data arrives intact and the relay counts the pairing.
    void nodePeersViaCppRelay() {
        auto relayDht = startCppNode(m_bootstrap, true);
        QVERIFY(relayDht);
        BlindRelayServer relay(*relayDht, crypto::generateKeyPair());
        auto listened =
            await<bool>([&](auto done) { relay.listen([done](bool ok, const QString&) { done(ok); }); });
        QVERIFY(listened && *listened);
        const int serverNode = nodeClient();
        const int clientNode = nodeClient();
        QVERIFY(serverNode >= 0 && clientNode >= 0);
        quint64 matched = 0;
        for (qint64 size : kSizes) {
            const QJsonObject l = m_peer->call(op(
                "listen", {{QStringLiteral("node"), serverNode}, {QStringLiteral("bytes"), double(size)}}));
            QVERIFY(l.value(QStringLiteral("ok")).toBool());
            const QJsonObject c = m_peer->call(
                op("connect", {{QStringLiteral("node"), clientNode},
                               {QStringLiteral("publicKey"), l.value(QStringLiteral("publicKey"))},
                               {QStringLiteral("bytes"), double(size)},
                               {QStringLiteral("relayThrough"), hex(relay.publicKey())}}),
                120'000);
            const BlindRelayStats st = relay.stats();
            QVERIFY2(c.value(QStringLiteral("ok")).toBool(),
                     qPrintable(c.value(QStringLiteral("error")).toString() +
                                QStringLiteral(
                                    " (size %1; relay: %2 sessions, %3 requested, %4 matched, %5 streams)")
                                    .arg(size)
                                    .arg(st.sessionsAccepted)
                                    .arg(st.pairingsRequested)
                                    .arg(st.pairingsMatched)
                                    .arg(st.streamsActive)));
            QCOMPARE(c.value(QStringLiteral("bytesReceived")).toDouble(), double(size));
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
                60'000));
            const QJsonObject s = served.first().toObject();
            QCOMPARE(s.value(QStringLiteral("received")).toString(),
                     c.value(QStringLiteral("sent")).toString());
            QCOMPARE(s.value(QStringLiteral("sent")).toString(),
                     c.value(QStringLiteral("received")).toString());
            QCOMPARE(s.value(QStringLiteral("bytesReceived")).toDouble(), double(size));
            ++matched;
            QCOMPARE(relay.stats().pairingsMatched, matched);
        }
        auto closed = await<bool>([&](auto done) { relay.close([done] { done(true); }); });
        QVERIFY(closed);
        relayDht->destroy();
    }

    /// Two C++ peers through the C++ relay (the client's relayThrough this time).
    void cppCppViaCppRelay() {
        auto relayDht = startCppNode(m_bootstrap, true);
        auto serverDht = startCppNode(m_bootstrap, true);
        auto clientDht = startCppNode(m_bootstrap, true);
        QVERIFY(relayDht && serverDht && clientDht);
        BlindRelayServer relay(*relayDht, crypto::generateKeyPair());
        auto listenedRelay =
            await<bool>([&](auto done) { relay.listen([done](bool ok, const QString&) { done(ok); }); });
        QVERIFY(listenedRelay && *listenedRelay);
        ServerOptions so;
        so.keyPair = crypto::generateKeyPair();
        Server server(*serverDht, so);
        std::vector<std::unique_ptr<Exchange>> exchanges;
        std::vector<ConnectionFacts> facts;
        qint64 serverBytes = 0;
        server.onConnection = [&](Connection c) {
            facts.push_back(c.facts);
            exchanges.push_back(std::make_unique<Exchange>(c.stream, serverBytes));
        };
        auto listened = await<Result<void>>([&](auto done) { server.listen(done); });
        QVERIFY(listened && listened->ok());
        for (qint64 size : kSizes) {
            serverBytes = size;
            const std::size_t before = exchanges.size();
            ConnectOptions co;
            co.keyPair = crypto::generateKeyPair();
            co.localConnection = false;
            co.holepunch = false;
            co.relayThrough = relay.publicKey();
            QStringList steps;
            co.trace = [&](const QByteArray&, const ConnectStep& s) { steps << s.kind + ": " + s.detail; };
            auto r = connectAndWait(*clientDht, so.keyPair.publicKey, co);
            auto* conn = std::get_if<Connection>(&r);
            if (!conn)
                QFAIL(qPrintable(std::get<ConnectError>(r).code + ": " + std::get<ConnectError>(r).message +
                                 "\n" + steps.join("\n")));
            QCOMPARE(connectionPathName(conn->facts.path), QStringLiteral("relayed"));
            QCOMPARE(conn->facts.blindRelayKey, relay.publicKey());
            QVERIFY(QTest::qWaitFor([&] { return exchanges.size() == before + 1; }, 30'000));
            Exchange client(conn->stream, size);
            Exchange& srv = *exchanges.back();
            QVERIFY(QTest::qWaitFor([&] { return client.closed() && srv.closed(); }, 60'000));
            QVERIFY2(client.cleanEnough(), qPrintable(client.error()));
            QVERIFY2(srv.cleanEnough(), qPrintable(srv.error()));
            QCOMPARE(client.bytesReceived(), size);
            QCOMPARE(srv.bytesReceived(), size);
            QCOMPARE(client.receivedHash(), srv.sentHash());
            QCOMPARE(srv.receivedHash(), client.sentHash());
            QCOMPARE(connectionPathName(facts.back().path), QStringLiteral("relayed"));
            QCOMPARE(facts.back().blindRelayKey, relay.publicKey());
        }
        QVERIFY(relay.stats().pairingsMatched >= quint64(kSizes.size()));
        auto closed = await<bool>([&](auto done) { server.close([done] { done(true); }); });
        QVERIFY(closed);
        serverDht->destroy();
        clientDht->destroy();
        relayDht->destroy();
    }

    /// Without a relay the same setup fails with a clear error instead of hanging.
    void noRelayFailsCleanly() {
        const int serverNode = nodeClient();
        QVERIFY(serverNode >= 0);
        const QJsonObject l =
            m_peer->call(op("listen", {{QStringLiteral("node"), serverNode}, {QStringLiteral("bytes"), 0}}));
        QVERIFY(l.value(QStringLiteral("ok")).toBool());
        auto dht = startCppNode(m_bootstrap, true);
        QVERIFY(dht);
        ConnectOptions co;
        co.keyPair = crypto::generateKeyPair();
        co.localConnection = false;
        co.holepunch = false;
        auto r = connectAndWait(
            *dht, QByteArray::fromHex(l.value(QStringLiteral("publicKey")).toString().toLatin1()), co);
        auto* e = std::get_if<ConnectError>(&r);
        QVERIFY(e);
        QCOMPARE(e->code, QString::fromLatin1(kErrCannotHolepunch));
        dht->destroy();
    }
};

QTEST_GUILESS_MAIN(TestBlindRelay)
#include "test_blind_relay.moc"
