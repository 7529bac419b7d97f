// PEER_HANDSHAKE / PEER_HOLEPUNCH routing by a node that is not the server (spec/hyperdht.md §5.2,
// §7.2), driven with crafted requests: what is relayed where with which value, what is answered to
// whom, and what is dropped (silently, and counted). Relays keep no state, so each step is one
// request in, at most one datagram out.

#include "DhtTestData.h"

#include "core/crypto/Ed25519.h"
#include "core/crypto/Hash.h"
#include "core/dht/hyperdht/HyperDhtHandler.h"
#include "core/dht/hyperdht/HyperDhtWire.h"
#include "core/dht/hyperdht/Records.h"
#include "core/dht/hyperdht/RelayValues.h"
#include "core/dht/hyperdht/Signatures.h"
#include "core/dht/rpc/NodeId.h"

#include <QTest>

using namespace pluresdb;
using namespace pluresdb::dht;
using namespace pluresdb::dht::hyperdht;
using dhttest::address;

namespace {

class FakeClock final : public rpc::MonotonicClock {
public:
    qint64 nowMs() const override { return 1'000'000; }
};

const QByteArray kToken(32, 0x11);
const encoding::Ipv4Address kClient = address(QStringLiteral("127.0.0.1:40000"));
const encoding::Ipv4Address kServer = address(QStringLiteral("127.0.0.1:33779"));
const encoding::Ipv4Address kOtherRelay = address(QStringLiteral("127.0.0.1:49740"));
const encoding::Ipv4Address kElsewhere = address(QStringLiteral("127.0.0.1:50001"));
const QByteArray kNoise = QByteArray(96, char(0xdd));

QByteArray ourId() {
    return rpc::nodeIdFor(address(QStringLiteral("127.0.0.1:49738")));
}

crypto::KeyPair serverKeys() {
    return *crypto::keyPairFromSeed(crypto::SecureBytes::fromByteArray(QByteArray(32, 0x42)));
}

struct Relayed {
    QByteArray value;
    encoding::Ipv4Address to;
};

struct Outcome {
    std::optional<rpc::HandlerReply> reply;
    std::vector<Relayed> relayed;
    bool silent() const { return !reply && relayed.empty(); }
};

struct Node {
    FakeClock clock;
    bool persistent = true;
    HyperDhtHandler handler{clock, [this] { return persistent ? ourId() : QByteArray(); }};

    Outcome call(uint64_t command, const QByteArray& target, std::optional<QByteArray> value,
                 const encoding::Ipv4Address& from, std::optional<QByteArray> token = std::nullopt) {
        rpc::IncomingRequest in;
        in.request.command = command;
        in.request.target = target;
        in.request.value = std::move(value);
        in.request.token = std::move(token);
        in.from = from;
        in.tokenValid = in.request.token.has_value();
        in.onServerSocket = true;
        Outcome out;
        in.relay = [&](const QByteArray& v, const encoding::Ipv4Address& to) {
            out.relayed.push_back({v, to});
        };
        int calls = 0;
        handler.handle(in, [&](const rpc::HandlerReply& r) {
            out.reply = r;
            ++calls;
        });
        if (calls > 1)
            qFatal("reply called %d times", calls);
        return out;
    }

    // The server announces itself (target = BLAKE2b(pk)) from `from`: the router entry's relay.
    void announceSelf(const encoding::Ipv4Address& from) {
        const auto k = serverKeys();
        const QByteArray target = crypto::blake2b(k.publicKey);
        const PeerRecord peer{k.publicKey, {from}};
        AnnounceValue v{peer, std::nullopt, std::nullopt, 0};
        v.signature = signAnnounce(AnnounceKind::Announce, target, ourId(), kToken, peer, std::nullopt, k);
        const auto r = call(kCommandAnnounce, target, encodeAnnounceValue(v), from, kToken);
        if (!r.reply || r.reply->error != 0)
            qFatal("announce not stored");
    }

    Outcome handshake(const HandshakeValue& v, const encoding::Ipv4Address& from) {
        return call(kCommandPeerHandshake, crypto::blake2b(serverKeys().publicKey), encodeHandshakeValue(v),
                    from);
    }
    Outcome holepunch(const HolepunchValue& v, const encoding::Ipv4Address& from) {
        return call(kCommandPeerHolepunch, crypto::blake2b(serverKeys().publicKey), encodeHolepunchValue(v),
                    from);
    }
};

HandshakeValue handshakeOf(const Relayed& r) {
    const auto v = decodeHandshakeValue(r.value);
    if (!v)
        qFatal("relayed handshake does not decode");
    return *v;
}

}  // namespace

class TestHyperDhtRelay : public QObject {
    Q_OBJECT
private slots:
    /// No router entry and no relayAddress: FROM_CLIENT gets "try closer nodes" (empty OK with
    /// closerNodes, no token), as a Node node answers; nothing is relayed.
    void handshakeWithoutRouterEntry() {
        Node n;
        const auto o = n.handshake({kModeFromClient, kNoise, std::nullopt, std::nullopt}, kClient);
        QVERIFY(o.relayed.empty());
        QVERIFY(o.reply);
        QCOMPARE(o.reply->error, 0u);
        QVERIFY(!o.reply->value && !o.reply->withToken && o.reply->withCloserNodes && !o.reply->to);
        QCOMPARE(n.handler.counters().handshakesDeclined, 1u);
        // FROM_RELAY without an entry has nowhere to go.
        QVERIFY(n.handshake({kModeFromRelay, kNoise, kClient, std::nullopt}, kElsewhere).silent());
        QCOMPARE(n.handler.counters().handshakesForwarded, 0u);
    }

    /// With the server's announce-self entry: FROM_CLIENT is relayed FROM_RELAY to the address the
    /// announce came from, with peerAddress = the client as seen here, same noise; FROM_RELAY from
    /// another relay becomes FROM_SECOND_RELAY naming that relay.
    void handshakeForwardedToServer() {
        Node n;
        n.announceSelf(kServer);
        auto o = n.handshake({kModeFromClient, kNoise, std::nullopt, std::nullopt}, kClient);
        QVERIFY(!o.reply);
        QCOMPARE(o.relayed.size(), size_t(1));
        QCOMPARE(o.relayed[0].to, kServer);
        QVERIFY(handshakeOf(o.relayed[0]) == (HandshakeValue{kModeFromRelay, kNoise, kClient, std::nullopt}));
        // Byte layout §5.1: flags 1, mode 2, noise, peerAddress (port little-endian).
        QCOMPARE(o.relayed[0].value.left(3), QByteArray::fromHex("010260"));
        QCOMPARE(o.relayed[0].value.right(6), QByteArray::fromHex("7f000001409c"));

        o = n.handshake({kModeFromRelay, kNoise, kClient, std::nullopt}, kOtherRelay);
        QCOMPARE(o.relayed.size(), size_t(1));
        QCOMPARE(o.relayed[0].to, kServer);
        QVERIFY(handshakeOf(o.relayed[0]) ==
                (HandshakeValue{kModeFromSecondRelay, kNoise, kClient, kOtherRelay}));
        QCOMPARE(n.handler.counters().handshakesForwarded, 2u);
    }

    /// A client-given relayAddress is used even without (and before) a router entry.
    void handshakeToGivenRelayAddress() {
        Node n;
        auto o = n.handshake({kModeFromClient, kNoise, std::nullopt, kElsewhere}, kClient);
        QCOMPARE(o.relayed.size(), size_t(1));
        QCOMPARE(o.relayed[0].to, kElsewhere);
        QVERIFY(handshakeOf(o.relayed[0]) == (HandshakeValue{kModeFromRelay, kNoise, kClient, std::nullopt}));
        n.announceSelf(kServer);
        o = n.handshake({kModeFromClient, kNoise, std::nullopt, kElsewhere}, kClient);
        QCOMPARE(o.relayed.size(), size_t(1));
        QCOMPARE(o.relayed[0].to, kElsewhere);
    }

    /// FROM_SERVER: answered (under the relayed tid) to the client named in peerAddress, as REPLY with
    /// peerAddress = the server as seen here; no token, no closerNodes. Works on ephemeral nodes too.
    void serverAnswerRepliedToClient() {
        for (const bool persistent : {true, false}) {
            Node n;
            n.persistent = persistent;
            const auto o = n.handshake({kModeFromServer, kNoise, kClient, std::nullopt}, kServer);
            QVERIFY(o.relayed.empty());
            QVERIFY(o.reply);
            QCOMPARE(o.reply->error, 0u);
            QCOMPARE(*o.reply->to, kClient);
            QVERIFY(!o.reply->withToken && !o.reply->withCloserNodes);
            QVERIFY(*decodeHandshakeValue(*o.reply->value) ==
                    (HandshakeValue{kModeReply, kNoise, kServer, std::nullopt}));
            QCOMPARE(n.handler.counters().handshakeReplies, 1u);
        }
    }

    /// Well-formed but unroutable handshakes are dropped without a word, and counted as declined.
    void unroutableHandshakesDropped() {
        Node n;
        n.announceSelf(kServer);
        QVERIFY(
            n.handshake({kModeFromClient, {}, std::nullopt, std::nullopt}, kClient).silent());  // no noise
        QVERIFY(n.handshake({kModeFromServer, kNoise, std::nullopt, std::nullopt}, kServer).silent());
        QVERIFY(n.handshake({kModeFromServer, {}, kClient, std::nullopt}, kServer).silent());
        QVERIFY(n.handshake({kModeFromSecondRelay, kNoise, kClient, kOtherRelay}, kElsewhere).silent());
        QVERIFY(n.handshake({kModeReply, kNoise, kClient, std::nullopt}, kElsewhere).silent());
        QVERIFY(n.handshake({77, kNoise, std::nullopt, std::nullopt}, kElsewhere).silent());
        QCOMPARE(n.handler.counters().handshakesDeclined, 6u);
        QCOMPARE(n.handler.counters().undecodable, 0u);
    }

    /// Values that do not decode (or are missing) are dropped and counted as undecodable; the
    /// node goes on relaying.
    void badValuesDropped() {
        Node n;
        n.announceSelf(kServer);
        const QByteArray target = crypto::blake2b(serverKeys().publicKey);
        const QByteArray good = encodeHandshakeValue({kModeFromRelay, kNoise, kClient, std::nullopt});
        const std::vector<std::optional<QByteArray>> bad = {std::nullopt, QByteArray(), QByteArray("\xff", 1),
                                                            good.left(good.size() - 3),
                                                            QByteArray::fromHex("0000ff")};
        for (uint64_t command : {kCommandPeerHandshake, kCommandPeerHolepunch})
            for (const auto& v : bad)
                QVERIFY(n.call(command, target, v, kClient).silent());
        QCOMPARE(n.handler.counters().undecodable, 2 * bad.size());
        QCOMPARE(n.handler.counters().handshakesForwarded, 0u);
        QCOMPARE(n.handler.counters().holepunchesForwarded, 0u);
        QCOMPARE(n.handshake({kModeFromClient, kNoise, std::nullopt, std::nullopt}, kClient).relayed.size(),
                 size_t(1));
    }

    /// PEER_HOLEPUNCH FROM_CLIENT goes to the peerAddress the client names (else the router
    /// entry's relay) as FROM_RELAY with peerAddress = the client as seen here; FROM_SERVER is
    /// answered to peerAddress as REPLY naming the server; FROM_RELAY (a server's job) and a
    /// FROM_CLIENT with no destination are dropped.
    void holepunchRouting() {
        Node n;
        const QByteArray payload(80, char(0x73));
        QVERIFY(n.holepunch({kModeFromClient, 3, payload, std::nullopt}, kClient).silent());
        QCOMPARE(n.handler.counters().holepunchesDropped, 1u);

        auto o = n.holepunch({kModeFromClient, 3, payload, kServer}, kClient);
        QVERIFY(!o.reply);
        QCOMPARE(o.relayed.size(), size_t(1));
        QCOMPARE(o.relayed[0].to, kServer);
        QVERIFY(*decodeHolepunchValue(o.relayed[0].value) ==
                (HolepunchValue{kModeFromRelay, 3, payload, kClient}));

        n.announceSelf(kServer);
        o = n.holepunch({kModeFromClient, 0, payload, std::nullopt}, kClient);
        QCOMPARE(o.relayed.size(), size_t(1));
        QCOMPARE(o.relayed[0].to, kServer);

        o = n.holepunch({kModeFromServer, 0, payload, kClient}, kServer);
        QVERIFY(o.relayed.empty());
        QVERIFY(o.reply && *o.reply->to == kClient && !o.reply->withToken && !o.reply->withCloserNodes);
        QVERIFY(*decodeHolepunchValue(*o.reply->value) == (HolepunchValue{kModeReply, 0, payload, kServer}));

        QVERIFY(n.holepunch({kModeFromRelay, 0, payload, kClient}, kElsewhere).silent());
        QCOMPARE(n.handler.counters().holepunchesForwarded, 2u);
        QCOMPARE(n.handler.counters().holepunchReplies, 1u);
        QCOMPARE(n.handler.counters().holepunchesDropped, 2u);
    }
};

QTEST_GUILESS_MAIN(TestHyperDhtRelay)
#include "test_hyperdht_relay.moc"
