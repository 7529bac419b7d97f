// The hyperdht storing node (spec/hyperdht.md §4.2–§4.5) driven with crafted requests and a fake
// clock: what it stores and serves, what it refuses (silently, and counted by reason), the seq
// rules of mutable values, the two-generation TTLs and the size limits. After every rejection the
// handler must go on serving valid requests.

#include "DhtTestData.h"

#include "core/crypto/Ed25519.h"
#include "core/crypto/Hash.h"
#include "core/dht/hyperdht/HyperDhtHandler.h"
#include "core/dht/hyperdht/HyperDhtWire.h"
#include "core/dht/hyperdht/Records.h"
#include "core/dht/hyperdht/RelayValues.h"
#include "core/dht/hyperdht/Signatures.h"
#include "core/dht/rpc/NodeId.h"
#include "core/dht/rpc/RpcWire.h"

#include <QTest>

#include <set>

using namespace pluresdb;
using namespace pluresdb::dht;
using namespace pluresdb::dht::hyperdht;
using dhttest::address;

namespace {

class FakeClock final : public rpc::MonotonicClock {
public:
    qint64 nowMs() const override { return m_now; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now = 5'000'000;
};

constexpr qint64 kMinute = 60'000;
const QByteArray kTopic(32, char(0xaa));
const QByteArray kToken(32, 0x11);
const encoding::Ipv4Address kClient = address(QStringLiteral("127.0.0.1:40000"));

QByteArray ourId() {
    return rpc::nodeIdFor(address(QStringLiteral("127.0.0.1:49738")));
}

crypto::KeyPair keys(char seedByte) {
    return *crypto::keyPairFromSeed(crypto::SecureBytes::fromByteArray(QByteArray(32, seedByte)));
}

// A handler with its fake clock; `persistent` switches the node id on and off.
struct Node {
    FakeClock clock;
    bool persistent = true;
    qint64 wallMs = 1'700'000'000'000;
    HyperDhtHandler handler;
    explicit Node(StorageLimits limits = {})
        : handler(
              clock, [this] { return persistent ? ourId() : QByteArray(); }, limits,
              [this] { return wallMs; }) {}

    // Sends one request; the reply, or nullopt when the handler dropped it.
    std::optional<rpc::HandlerReply> call(uint64_t command, std::optional<QByteArray> target,
                                          std::optional<QByteArray> value,
                                          std::optional<QByteArray> token = std::nullopt,
                                          bool tokenValid = true) {
        rpc::IncomingRequest in;
        in.request.command = command;
        in.request.target = std::move(target);
        in.request.value = std::move(value);
        in.request.token = std::move(token);
        in.from = kClient;
        in.tokenValid = tokenValid && in.request.token.has_value();
        in.onServerSocket = true;
        std::optional<rpc::HandlerReply> out;
        int calls = 0;
        handler.handle(in, [&](const rpc::HandlerReply& r) {
            out = r;
            ++calls;
        });
        if (calls > 1)
            qFatal("reply called %d times", calls);
        return out;
    }

    std::optional<rpc::HandlerReply> announce(const QByteArray& target, const crypto::KeyPair& k,
                                              std::vector<encoding::Ipv4Address> relays = {},
                                              uint64_t bump = 0) {
        const PeerRecord peer{k.publicKey, std::move(relays)};
        AnnounceValue v{peer, std::nullopt, std::nullopt, bump};
        v.signature = signAnnounce(AnnounceKind::Announce, target, ourId(), kToken, peer, std::nullopt, k);
        return call(kCommandAnnounce, target, encodeAnnounceValue(v), kToken);
    }

    LookupReply lookup(const QByteArray& target) {
        const auto r = call(kCommandLookup, target, std::nullopt);
        if (!r || r->error != 0)
            qFatal("lookup not answered");
        if (!r->value)
            return {};
        return *decodeLookupReply(*r->value);
    }

    std::optional<rpc::HandlerReply> mutablePut(const crypto::KeyPair& k, uint64_t seq,
                                                const QByteArray& value) {
        const MutablePutRequest put{k.publicKey, seq, value, signMutable(seq, value, k)};
        return call(kCommandMutablePut, crypto::blake2b(k.publicKey), encodeMutablePutRequest(put), kToken);
    }
};

}  // namespace

class TestHyperDhtStorage : public QObject {
    Q_OBJECT
private slots:
    /// A signed topic announce is stored and answered as capture C13 (empty OK, no token, no
    /// closerNodes); LOOKUP returns the record as lookupRawReply with a token and closerNodes.
    void announceThenLookup() {
        Node n;
        const auto k = keys(0x01);
        const auto r = n.announce(kTopic, k, {address(QStringLiteral("127.0.0.1:49738"))});
        QVERIFY(r);
        QCOMPARE(r->error, 0u);
        QVERIFY(!r->value);
        QVERIFY(!r->withToken);
        QVERIFY(!r->withCloserNodes);

        const auto lr = n.call(kCommandLookup, kTopic, std::nullopt);
        QVERIFY(lr && lr->value);
        QVERIFY(lr->withToken && lr->withCloserNodes);
        // Byte for byte the V5 lookupRawReply for this record.
        QCOMPARE(*lr->value, dhttest::hex("018a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c"
                                          "017f0000014ac200"));
        // A topic announce is not an announce-self: FIND_PEER has nothing.
        const auto fp = n.call(kCommandFindPeer, crypto::blake2b(k.publicKey), std::nullopt);
        QVERIFY(fp && !fp->value);
        QCOMPARE(n.handler.counters().announcesStored, 1u);
        QCOMPARE(n.handler.counters().rejected(), 0u);
    }

    /// An announce whose target is BLAKE2b(publicKey) goes to the router table: FIND_PEER returns
    /// it, LOOKUP appends it, and it remembers the UDP source as the relay (§4.2 step 4).
    void announceSelfServesFindPeer() {
        Node n;
        const auto k = keys(0x02);
        const QByteArray self = crypto::blake2b(k.publicKey);
        QVERIFY(n.announce(self, k));
        const auto fp = n.call(kCommandFindPeer, self, std::nullopt);
        QVERIFY(fp && fp->value);
        QCOMPARE(decodePeerRecord(*fp->value)->publicKey, k.publicKey);
        QCOMPARE(n.lookup(self).peers.size(), 1u);
        QCOMPARE(n.handler.routerEntry(self)->relay, kClient);
        QCOMPARE(n.handler.recordCount(), 0);
    }

    /// Forged signatures — flipped bit, signed for another node id, signed with another key, the
    /// UNANNOUNCE namespace — are dropped without a response and counted; the node keeps serving.
    void forgedAnnounceRejected() {
        Node n;
        const auto k = keys(0x03);
        const PeerRecord peer{k.publicKey, {}};
        QByteArray good =
            signAnnounce(AnnounceKind::Announce, kTopic, ourId(), kToken, peer, std::nullopt, k);
        QByteArray flipped = good;
        flipped[5] = char(flipped[5] ^ 1);
        const QByteArray otherNode = signAnnounce(AnnounceKind::Announce, kTopic,
                                                  rpc::nodeIdFor(address(QStringLiteral("127.0.0.1:1"))),
                                                  kToken, peer, std::nullopt, k);
        const QByteArray otherKey =
            signAnnounce(AnnounceKind::Announce, kTopic, ourId(), kToken, peer, std::nullopt, keys(0x04));
        const QByteArray unannounceNs =
            signAnnounce(AnnounceKind::Unannounce, kTopic, ourId(), kToken, peer, std::nullopt, k);
        const QByteArray otherToken = signAnnounce(AnnounceKind::Announce, kTopic, ourId(),
                                                   QByteArray(32, 0x22), peer, std::nullopt, k);
        for (const QByteArray& sig : {flipped, otherNode, otherKey, unannounceNs, otherToken}) {
            const AnnounceValue v{peer, std::nullopt, sig, 0};
            QVERIFY(!n.call(kCommandAnnounce, kTopic, encodeAnnounceValue(v), kToken));
        }
        // No signature at all.
        QVERIFY(!n.call(kCommandAnnounce, kTopic, encodeAnnounceValue({peer, std::nullopt, std::nullopt, 0}),
                        kToken));
        QCOMPARE(n.handler.counters().forgedSignature, 6u);
        QCOMPARE(n.handler.recordCount(), 0);
        QVERIFY(n.announce(kTopic, k));
        QCOMPARE(n.lookup(kTopic).peers.size(), 1u);
    }

    /// Writes without a token are dropped silently; a token we did not issue is answered
    /// INVALID_TOKEN with a fresh token (dht-rpc §2.2). Both are counted; nothing is stored.
    void tokensRequired() {
        Node n;
        const auto k = keys(0x05);
        const PeerRecord peer{k.publicKey, {}};
        const AnnounceValue v{
            peer, std::nullopt,
            signAnnounce(AnnounceKind::Announce, kTopic, ourId(), kToken, peer, std::nullopt, k), 0};
        QVERIFY(!n.call(kCommandAnnounce, kTopic, encodeAnnounceValue(v)));
        QVERIFY(!n.call(kCommandUnannounce, kTopic, encodeAnnounceValue(v)));
        QVERIFY(!n.call(kCommandImmutablePut, crypto::blake2b("x"), QByteArray("x")));
        const MutablePutRequest put{k.publicKey, 1, "v", signMutable(1, "v", k)};
        QVERIFY(!n.call(kCommandMutablePut, crypto::blake2b(k.publicKey), encodeMutablePutRequest(put)));
        QCOMPARE(n.handler.counters().missingToken, 4u);

        const auto wrong =
            n.call(kCommandAnnounce, kTopic, encodeAnnounceValue(v), kToken, /*tokenValid=*/false);
        QVERIFY(wrong);
        QCOMPARE(wrong->error, rpc::kErrorInvalidToken);
        QVERIFY(wrong->withToken);
        QCOMPARE(n.handler.counters().badToken, 1u);
        QCOMPARE(n.handler.recordCount(), 0);
        QCOMPARE(n.handler.immutableCount(), 0);
        QCOMPARE(n.handler.mutableCount(), 0);
        QVERIFY(n.announce(kTopic, k));
        QCOMPARE(n.handler.recordCount(), 1);
    }

    /// Undecodable values, missing targets and oversized values are dropped and counted.
    void malformedAndOversized() {
        StorageLimits limits;
        limits.maxValueSize = 100;
        Node n(limits);
        QVERIFY(!n.call(kCommandAnnounce, kTopic, QByteArray("\x05\x01", 2), kToken));  // truncated peer
        QVERIFY(!n.call(kCommandAnnounce, kTopic, std::nullopt, kToken));               // no value
        QVERIFY(
            !n.call(kCommandAnnounce, kTopic, QByteArray("\x00", 1), kToken));  // neither peer nor refresh
        QVERIFY(!n.call(kCommandMutablePut, kTopic, QByteArray("\xff\xff", 2), kToken));  // garbage
        QVERIFY(!n.call(kCommandMutableGet, kTopic, QByteArray("\xfd", 1)));              // truncated uint
        QCOMPARE(n.handler.counters().undecodable, 5u);
        QVERIFY(!n.call(kCommandLookup, std::nullopt, std::nullopt));
        QVERIFY(!n.call(kCommandLookup, QByteArray(31, 'x'), std::nullopt));
        QCOMPARE(n.handler.counters().missingTarget, 2u);

        const QByteArray big(101, 'b');
        QVERIFY(!n.call(kCommandImmutablePut, crypto::blake2b(big), big, kToken));
        const auto k = keys(0x06);
        QVERIFY(!n.mutablePut(k, 1, big));
        QCOMPARE(n.handler.counters().oversized, 2u);
        const QByteArray fits(100, 'b');
        QVERIFY(n.call(kCommandImmutablePut, crypto::blake2b(fits), fits, kToken));
        QVERIFY(n.mutablePut(k, 1, fits));
        QCOMPARE(n.handler.counters().rejected(), 9u);
    }

    /// IMMUTABLE_PUT is accepted only when the target is the value's hash; GET returns the bytes.
    void immutableHashCheck() {
        Node n;
        const QByteArray value("hello immutable");
        QVERIFY(!n.call(kCommandImmutablePut, crypto::blake2b("other"), value, kToken));
        QCOMPARE(n.handler.counters().hashMismatch, 1u);
        auto get = n.call(kCommandImmutableGet, crypto::blake2b(value), std::nullopt);
        QVERIFY(get && !get->value);
        const auto put = n.call(kCommandImmutablePut, crypto::blake2b(value), value, kToken);
        QVERIFY(put && put->error == 0 && !put->value);
        get = n.call(kCommandImmutableGet, crypto::blake2b(value), std::nullopt);
        QVERIFY(get && get->value);
        QCOMPARE(*get->value, value);
    }

    /// MUTABLE_PUT (§4.4): target must be BLAKE2b(publicKey); same seq with another value is
    /// SEQ_REUSED (16), a lower seq SEQ_TOO_LOW (17); the same put again and a higher seq are
    /// accepted. MUTABLE_GET answers only when the stored seq is ≥ the one asked for.
    void mutableSeqRules() {
        Node n;
        const auto k = keys(0x07);
        const QByteArray target = crypto::blake2b(k.publicKey);
        // Wrong target.
        const MutablePutRequest put{k.publicKey, 1, "a", signMutable(1, "a", k)};
        QVERIFY(!n.call(kCommandMutablePut, kTopic, encodeMutablePutRequest(put), kToken));
        QCOMPARE(n.handler.counters().hashMismatch, 1u);
        // Forged.
        MutablePutRequest forged = put;
        forged.value = "b";
        QVERIFY(!n.call(kCommandMutablePut, target, encodeMutablePutRequest(forged), kToken));
        QCOMPARE(n.handler.counters().forgedSignature, 1u);

        auto r = n.mutablePut(k, 5, "five");
        QVERIFY(r && r->error == 0);
        r = n.mutablePut(k, 5, "five");
        QVERIFY(r && r->error == 0);
        r = n.mutablePut(k, 5, "other");
        QVERIFY(r);
        QCOMPARE(r->error, rpc::kErrorSeqReused);
        r = n.mutablePut(k, 4, "four");
        QVERIFY(r);
        QCOMPARE(r->error, rpc::kErrorSeqTooLow);

        auto get = n.call(kCommandMutableGet, target, encodeMutableGetRequest(0));
        QVERIFY(get && get->value);
        auto stored = decodeMutableGetResponse(*get->value);
        QCOMPARE(stored->seq, 5u);
        QCOMPARE(stored->value, QByteArray("five"));
        QVERIFY(verifyMutable(k.publicKey, stored->seq, stored->value, stored->signature));
        get = n.call(kCommandMutableGet, target, encodeMutableGetRequest(6));
        QVERIFY(get && !get->value);

        r = n.mutablePut(k, 6, "six");
        QVERIFY(r && r->error == 0);
        get = n.call(kCommandMutableGet, target, encodeMutableGetRequest(6));
        QCOMPARE(decodeMutableGetResponse(*get->value)->value, QByteArray("six"));
    }

    /// §4.5: an un-refreshed record lives 13.3–26.7 min (two generations of ⌈2/3·20 min⌉); a
    /// re-announce moves it back to the fresh generation.
    void recordTtl() {
        Node n;
        const auto a = keys(0x08);
        const auto b = keys(0x09);
        QVERIFY(n.announce(kTopic, a));
        QVERIFY(n.announce(kTopic, b));
        const qint64 period = (2 * 20 * kMinute + 2) / 3;
        n.clock.advance(period);  // first rotation: both stale, still served
        QCOMPARE(n.lookup(kTopic).peers.size(), 2u);
        QVERIFY(n.announce(kTopic, b));  // b back to fresh
        n.clock.advance(period);         // second rotation: a dropped, b stale
        const auto peers = n.lookup(kTopic).peers;
        QCOMPARE(peers.size(), 1u);
        QCOMPARE(peers[0].publicKey, b.publicKey);
        n.clock.advance(period);
        QCOMPARE(n.lookup(kTopic).peers.size(), 0u);
        QCOMPARE(n.handler.recordCount(), 0);
    }

    /// Mutable and immutable values keep 48 h (same two-generation scheme), router entries 20 min,
    /// and a read of a router entry keeps it alive (xache get).
    void valueTtl() {
        Node n;
        const QByteArray value("keep");
        QVERIFY(n.call(kCommandImmutablePut, crypto::blake2b(value), value, kToken));
        const auto get = [&] {
            return n.call(kCommandImmutableGet, crypto::blake2b(value), std::nullopt)->value;
        };
        n.clock.advance(40 * 60 * kMinute);  // one rotation (every 32 h): stale, still served
        QVERIFY(get());                      // and the read moves it back to fresh
        n.clock.advance(40 * 60 * kMinute);  // one more rotation: stale again, not dropped
        QVERIFY(get());
        n.clock.advance(70 * 60 * kMinute);  // two rotations without a read: gone
        QVERIFY(!get());
        QCOMPARE(n.handler.immutableCount(), 0);
    }

    /// LOOKUP carries at most 20 records, a random subset when more are stored, plus the bump.
    void lookupReturnsAtMost20() {
        Node n;
        std::set<QByteArray> seen;
        for (int i = 0; i < 30; ++i)
            QVERIFY(n.announce(kTopic, keys(char(0x20 + i))));
        QCOMPARE(n.handler.recordCount(), 30);
        for (int round = 0; round < 20; ++round) {
            const auto reply = n.lookup(kTopic);
            QCOMPARE(reply.peers.size(), 20u);
            std::set<QByteArray> once;
            for (const auto& p : reply.peers) {
                once.insert(p.publicKey);
                seen.insert(p.publicKey);
            }
            QCOMPARE(once.size(), 20u);
        }
        QVERIFY(seen.size() > 20);  // different subsets over 20 rounds
    }

    /// Storing nodes cut relay addresses to 3 (the signature covered all of them); a bump is kept
    /// only when higher and at most 60 s ahead of the wall clock.
    void relayTruncationAndBump() {
        Node n;
        std::vector<encoding::Ipv4Address> relays;
        for (int i = 1; i <= 5; ++i)
            relays.push_back(address(QStringLiteral("127.0.0.1:%1").arg(1000 + i)));
        QVERIFY(n.announce(kTopic, keys(0x0a), relays, quint64(n.wallMs + 10'000)));
        auto reply = n.lookup(kTopic);
        QCOMPARE(reply.peers[0].relayAddresses.size(), 3u);
        QCOMPARE(reply.peers[0].relayAddresses[2], relays[2]);
        QCOMPARE(reply.bump, quint64(n.wallMs + 10'000));
        QVERIFY(n.announce(kTopic, keys(0x0b), {}, quint64(n.wallMs + 120'000)));  // too far ahead
        QCOMPARE(n.lookup(kTopic).bump, quint64(n.wallMs + 10'000));
        QVERIFY(n.announce(kTopic, keys(0x0c), {}, 5));  // lower
        QCOMPARE(n.lookup(kTopic).bump, quint64(n.wallMs + 10'000));
    }

    /// UNANNOUNCE (signed over the UNANNOUNCE namespace) removes the record and the router entry;
    /// an unannounce with a forged signature removes nothing.
    void unannounce() {
        Node n;
        const auto k = keys(0x0d);
        const QByteArray self = crypto::blake2b(k.publicKey);
        QVERIFY(n.announce(kTopic, k));
        QVERIFY(n.announce(self, k));
        const PeerRecord peer{k.publicKey, {}};
        auto unann = [&](const QByteArray& target, const crypto::KeyPair& signer) {
            const AnnounceValue v{
                peer, std::nullopt,
                signAnnounce(AnnounceKind::Unannounce, target, ourId(), kToken, peer, std::nullopt, signer),
                0};
            return n.call(kCommandUnannounce, target, encodeAnnounceValue(v), kToken);
        };
        QVERIFY(!unann(kTopic, keys(0x0e)));
        QCOMPARE(n.handler.counters().forgedSignature, 1u);
        QCOMPARE(n.handler.recordCount(), 1);
        const auto r = unann(kTopic, k);
        QVERIFY(r && !r->withToken && !r->withCloserNodes);
        QCOMPARE(n.handler.recordCount(), 0);
        QVERIFY(unann(self, k));
        QVERIFY(!n.call(kCommandFindPeer, self, std::nullopt)->value);
    }

    /// §4.3 refresh chain: an announce with refresh R, then an ANNOUNCE carrying only r with
    /// BLAKE2b(r) = R renews the record; an unknown r is dropped as a hash mismatch.
    void refreshChain() {
        Node n;
        const auto k = keys(0x0f);
        const QByteArray r2 = QByteArray(32, 0x42);
        const QByteArray r1 = crypto::blake2b(r2);
        const QByteArray R = crypto::blake2b(r1);
        const PeerRecord peer{k.publicKey, {}};
        AnnounceValue v{peer, R, signAnnounce(AnnounceKind::Announce, kTopic, ourId(), kToken, peer, R, k),
                        0};
        QVERIFY(n.call(kCommandAnnounce, kTopic, encodeAnnounceValue(v), kToken));
        const qint64 period = (2 * 20 * kMinute + 2) / 3;
        n.clock.advance(period);
        const AnnounceValue refresh1{std::nullopt, r1, std::nullopt, 0};
        QVERIFY(n.call(kCommandAnnounce, kTopic, encodeAnnounceValue(refresh1), kToken));
        n.clock.advance(period);
        QCOMPARE(n.lookup(kTopic).peers.size(), 1u);  // renewed, so it survived a second rotation
        QVERIFY(!n.call(kCommandAnnounce, kTopic, encodeAnnounceValue(refresh1), kToken));  // r1 used up
        QCOMPARE(n.handler.counters().hashMismatch, 1u);
        const AnnounceValue refresh2{std::nullopt, r2, std::nullopt, 0};
        QVERIFY(n.call(kCommandAnnounce, kTopic, encodeAnnounceValue(refresh2), kToken));
    }

    /// Size limit: when the fresh generation passes maxRecords it becomes stale at once, so a node
    /// holds at most about 2·maxRecords records whatever it is sent.
    void sizeLimit() {
        StorageLimits limits;
        limits.maxRecords = 10;
        Node n(limits);
        for (int i = 0; i < 35; ++i)
            QVERIFY(n.announce(crypto::blake2b(QByteArray::number(i)), keys(char(0x40 + i))));
        QVERIFY(n.handler.recordCount() <= 2 * limits.maxRecords + 1);
        QVERIFY(n.handler.recordCount() >= limits.maxRecords);
        // The newest is still there.
        QCOMPARE(n.lookup(crypto::blake2b(QByteArray::number(34))).peers.size(), 1u);
    }

    /// An ephemeral node answers every storage command UNKNOWN_COMMAND without a token and with
    /// closerNodes (capture C8), and so does a persistent node for PLUGIN and unknown commands.
    void ephemeralRefusesStorage() {
        Node n;
        n.persistent = false;
        for (uint64_t cmd = kCommandFindPeer; cmd <= kCommandImmutableGet; ++cmd) {
            const auto r = n.call(cmd, kTopic, QByteArray("\x00", 1), kToken);
            QVERIFY(r);
            QCOMPARE(r->error, rpc::kErrorUnknownCommand);
            QVERIFY(!r->withToken);
            QVERIFY(r->withCloserNodes);
        }
        n.persistent = true;
        QCOMPARE(n.call(kCommandPlugin, kTopic, QByteArray("x"))->error, rpc::kErrorUnknownCommand);
        QCOMPARE(n.call(99, kTopic, std::nullopt)->error, rpc::kErrorUnknownCommand);
        QCOMPARE(n.handler.recordCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHyperDhtStorage)
#include "test_hyperdht_storage.moc"
