// What hyperdht signs (spec/hyperdht.md §4.4): ANNOUNCE, UNANNOUNCE and MUTABLE_PUT signables and
// signatures against vectors V6, and the announce signatures captured from real hyperdht nodes.

#include "DhtTestData.h"

#include "core/crypto/Ed25519.h"
#include "core/dht/hyperdht/Records.h"
#include "core/dht/hyperdht/Signatures.h"
#include "core/dht/rpc/NodeId.h"
#include "core/dht/rpc/RpcMessage.h"

#include <QTest>

using namespace pluresdb;
using namespace pluresdb::dht;
using namespace pluresdb::dht::hyperdht;
using dhttest::address;
using dhttest::hex;

namespace {
crypto::KeyPair serverKeys() {
    return *crypto::keyPairFromSeed(crypto::SecureBytes::fromByteArray(QByteArray(32, 0x01)));
}
const QByteArray kTarget = QByteArray(32, char(0xaa));
const QByteArray kToken = QByteArray(32, 0x11);
QByteArray receiverId() {
    return rpc::nodeIdFor(address(QStringLiteral("127.0.0.1:49738")));
}
}  // namespace

class TestSignatures : public QObject {
    Q_OBJECT
private slots:
    /// V6 ANNOUNCE: signable, signature and the whole request value, byte for byte.
    void announceVector() {
        const auto keys = serverKeys();
        const PeerRecord peer{keys.publicKey, {address(QStringLiteral("127.0.0.1:49738"))}};
        QCOMPARE(announceSignable(AnnounceKind::Announce, kTarget, receiverId(), kToken, peer, std::nullopt),
                 hex("36386adddf9f6fd60db83a6f42fc159d1146aa8644037664230aaa1f0179d497"
                     "df0d25f4a763b4ba6a35801c84a10ebbd89fc78bf9c110960145819ae4dcccc7"));
        const QByteArray sig = signAnnounce(AnnounceKind::Announce, kTarget, receiverId(), kToken, peer,
                                            std::nullopt, keys);
        QCOMPARE(sig, hex("ee55c9e054ddaf65cea37375e8f224aee1da3156ebf6f06e8311bd4d3f3cdf13"
                          "c94879fb6889ac1d1e4a9f12e1ddfc227862f9327ecaf390eea94ffd05df6f0f"));
        const AnnounceValue value{peer, std::nullopt, sig, 0};
        QCOMPARE(encodeAnnounceValue(value),
                 hex("058a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c017f0000014ac2") + sig);
        QVERIFY(verifyAnnounce(AnnounceKind::Announce, kTarget, receiverId(), kToken, value));
    }

    /// V6 UNANNOUNCE: empty relayAddresses, the UNANNOUNCE namespace.
    void unannounceVector() {
        const auto keys = serverKeys();
        const PeerRecord peer{keys.publicKey, {}};
        QCOMPARE(announceSignable(AnnounceKind::Unannounce, kTarget, receiverId(), kToken, peer, std::nullopt),
                 hex("ded293cd93fb395e756ecf5fff426529e72c36eacc22e5ed944d9099a2561e32"
                     "5adcb2da64c1ef3cb30be6043ac59cff5b33830f0806bc83c062ded88c895a38"));
        const QByteArray sig = signAnnounce(AnnounceKind::Unannounce, kTarget, receiverId(), kToken, peer,
                                            std::nullopt, keys);
        QCOMPARE(sig, hex("5bfa5e180202a0e7a6d00a3fce2e0082cf920aa6eee5c5f391afdf00fa1b286d"
                          "5feb1783f91e113204034afd5fff0474cd93faedf145d7c92f75466422c8b806"));
        const AnnounceValue value{peer, std::nullopt, sig, 0};
        QCOMPARE(encodeAnnounceValue(value),
                 hex("058a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c00") + sig);
        // An unannounce signature is not an announce signature.
        QVERIFY(verifyAnnounce(AnnounceKind::Unannounce, kTarget, receiverId(), kToken, value));
        QVERIFY(!verifyAnnounce(AnnounceKind::Announce, kTarget, receiverId(), kToken, value));
    }

    /// V6 MUTABLE_PUT: signable and signature for seq 1, "hello".
    void mutablePutVector() {
        const auto keys = serverKeys();
        QCOMPARE(mutableSignable(1, "hello"),
                 hex("668e823edd5ce7f5338d68bf1161f4a3c28ce437ee2ab49efd30d99366039b1e"
                     "aa1b682ba34869f178c04f6b3864203a9da6e538b590c482c21bd8938c297b54"));
        const QByteArray sig = signMutable(1, "hello", keys);
        QCOMPARE(sig, hex("210a2e371db5add08771c6527b18f38ab48cd429ff1194e7e3eb7ced8ba69275"
                          "87f275792c23cc829f26af8c59b83d00c44ab7821c2952878db6c5daee86b608"));
        QVERIFY(verifyMutable(keys.publicKey, 1, "hello", sig));
        QVERIFY(!verifyMutable(keys.publicKey, 2, "hello", sig));
        QVERIFY(!verifyMutable(keys.publicKey, 1, "hellO", sig));
        QVERIFY(!verifyMutable(keys.publicKey.left(31), 1, "hello", sig));
    }

    /// Forged announces are rejected: a flipped signature bit, another storing node, another token,
    /// another target, a changed relay list, a refresh added, or a missing peer/signature.
    void forgedAnnouncesFail() {
        const auto keys = serverKeys();
        const PeerRecord peer{keys.publicKey, {address(QStringLiteral("127.0.0.1:49738"))}};
        const QByteArray sig = signAnnounce(AnnounceKind::Announce, kTarget, receiverId(), kToken, peer,
                                            std::nullopt, keys);
        AnnounceValue v{peer, std::nullopt, sig, 0};
        QVERIFY(verifyAnnounce(AnnounceKind::Announce, kTarget, receiverId(), kToken, v));
        AnnounceValue flipped = v;
        (*flipped.signature)[5] = char((*flipped.signature)[5] ^ 0x20);
        QVERIFY(!verifyAnnounce(AnnounceKind::Announce, kTarget, receiverId(), kToken, flipped));
        QVERIFY(!verifyAnnounce(AnnounceKind::Announce, kTarget,
                                rpc::nodeIdFor(address(QStringLiteral("127.0.0.1:49739"))), kToken, v));
        QVERIFY(!verifyAnnounce(AnnounceKind::Announce, kTarget, receiverId(), QByteArray(32, 0x12), v));
        QVERIFY(!verifyAnnounce(AnnounceKind::Announce, QByteArray(32, char(0xab)), receiverId(), kToken, v));
        AnnounceValue moreRelays = v;
        moreRelays.peer->relayAddresses.push_back(address(QStringLiteral("6.6.6.6:6")));
        QVERIFY(!verifyAnnounce(AnnounceKind::Announce, kTarget, receiverId(), kToken, moreRelays));
        AnnounceValue refreshed = v;
        refreshed.refresh = QByteArray(32, 'r');
        QVERIFY(!verifyAnnounce(AnnounceKind::Announce, kTarget, receiverId(), kToken, refreshed));
        AnnounceValue noSig = v;
        noSig.signature.reset();
        QVERIFY(!verifyAnnounce(AnnounceKind::Announce, kTarget, receiverId(), kToken, noSig));
        AnnounceValue noPeer = v;
        noPeer.peer.reset();
        QVERIFY(!verifyAnnounce(AnnounceKind::Announce, kTarget, receiverId(), kToken, noPeer));
        // A signature over a refresh verifies only with that refresh.
        const QByteArray rsig = signAnnounce(AnnounceKind::Announce, kTarget, receiverId(), kToken, peer,
                                             QByteArray(32, 'r'), keys);
        AnnounceValue withRefresh{peer, QByteArray(32, 'r'), rsig, 0};
        QVERIFY(verifyAnnounce(AnnounceKind::Announce, kTarget, receiverId(), kToken, withRefresh));
    }

    /// Every ANNOUNCE and UNANNOUNCE captured from hyperdht/hyperswarm verifies with the storing
    /// node's id (derived from the datagram's destination), the echoed token and the target — the
    /// check a storing node runs (§4.2).
    void capturedAnnouncesVerify() {
        int verified = 0;
        for (const auto& d : dhttest::capturedDatagrams()) {
            const QJsonObject o = d.toObject();
            const QString command = o.value(QStringLiteral("decoded")).toObject().value(QStringLiteral("command")).toString();
            const bool announce = command == QLatin1String("ANNOUNCE(4)");
            if (!announce && command != QLatin1String("UNANNOUNCE(5)"))
                continue;
            auto m = rpc::decodeMessage(QByteArray::fromHex(o.value(QStringLiteral("hex")).toString().toLatin1()));
            QVERIFY(m.ok());
            const auto& req = std::get<rpc::RpcRequest>(*m);
            auto value = decodeAnnounceValue(*req.value);
            QVERIFY(value.ok());
            const QByteArray storingNode = rpc::nodeIdFor(address(o.value(QStringLiteral("dest")).toString()));
            const auto kind = announce ? AnnounceKind::Announce : AnnounceKind::Unannounce;
            QVERIFY2(verifyAnnounce(kind, *req.target, storingNode, *req.token, *value),
                     qPrintable(o.value(QStringLiteral("hex")).toString()));
            QVERIFY(!verifyAnnounce(kind, *req.target, storingNode, req.token->left(31) + "x", *value));
            ++verified;
        }
        QVERIFY(verified >= 10);
    }
};

QTEST_GUILESS_MAIN(TestSignatures)
#include "test_signatures.moc"
