// The libsodium wrappers against the Node packages' outputs: hyperdht.md §13.2 V1, V3, V4, V6, V8 and
// connection.md §1.1, §7.1, §7.2 (DH values), §7.4/§7.5 (secretstream record and datagram).

#include "core/crypto/Aead.h"
#include "core/crypto/Ed25519.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Namespaces.h"
#include "core/crypto/SecretBox.h"
#include "core/crypto/SecretStreamCipher.h"
#include "core/crypto/SecureBytes.h"
#include "core/crypto/Sodium.h"
#include "core/encoding/CompactEncoding.h"

#include <QTest>

using namespace pluresdb::crypto;

namespace {
QByteArray hex(const char* s) {
    return QByteArray::fromHex(s);
}
SecureBytes secretHex(const char* s) {
    return SecureBytes::fromByteArray(QByteArray::fromHex(s));
}
SecureBytes repeated(char byte, int n = 32) {
    return SecureBytes::fromByteArray(QByteArray(n, byte));
}
KeyPair seeded(char byte) {
    return keyPairFromSeed(repeated(byte)).value();
}
}  // namespace

class TestCrypto : public QObject {
    Q_OBJECT
private slots:
    /// V1 / connection.md §1.1: hypercore-crypto namespaces for "hyperswarm/dht" and
    /// "hyperswarm/secret-stream".
    void namespaces() {
        QCOMPARE(namespaceBase("hyperswarm/dht").toHex(),
                 QByteArray("d70d90f7efc42f93e1ad5837e682a6010cf551013c2d2d043f40d8fbe07dcb90"));
        QCOMPARE(nsAnnounce().toHex(),
                 QByteArray("36386adddf9f6fd60db83a6f42fc159d1146aa8644037664230aaa1f0179d497"));
        QCOMPARE(nsUnannounce().toHex(),
                 QByteArray("ded293cd93fb395e756ecf5fff426529e72c36eacc22e5ed944d9099a2561e32"));
        QCOMPARE(nsMutablePut().toHex(),
                 QByteArray("668e823edd5ce7f5338d68bf1161f4a3c28ce437ee2ab49efd30d99366039b1e"));
        QCOMPARE(nsPeerHandshake().toHex(),
                 QByteArray("14d6d4b49214ab1033ed204976caa258bae9e1e8543b9ad1fd996a910b0c4e3a"));
        QCOMPARE(nsPeerHolepunch().toHex(),
                 QByteArray("f1191cd5e67b10b54a507033280ed1ff0e12278268d5679c8f93d417210d168b"));
        QCOMPARE(namespaceId("hyperswarm/dht", 10).toHex(),
                 QByteArray("6b8a2a8623f28c6c02a1e22abe515ce31cafd9af61d4b69970639aa7eb96a8d5"));
        QCOMPARE(namespaceBase("hyperswarm/secret-stream").toHex(),
                 QByteArray("03b061a966a977301b7f4cd4132af0580e2d413a6860933999add2dcedd7c155"));
        QCOMPARE(nsInitiator().toHex(),
                 QByteArray("a931a0155b5c09e6d28628236af83c4b8a6af9af60986edeede9dc5d63192bf7"));
        QCOMPARE(nsResponder().toHex(),
                 QByteArray("742c9d833d430af4c48a8705e91631eecf295442bbca18996e597097723b1061"));
        QCOMPARE(nsSend().toHex(),
                 QByteArray("aab97d097471f56651b0460ffc8aaa7d3342f7377597d60b925a1dac689adcbf"));
    }

    /// V3: node ids are BLAKE2b-256 of the ipv4Address encoding; tokens are keyed BLAKE2b-256.
    void nodeIdsAndTokens() {
        QCOMPARE(blake2b(hex("7f00000149c2")).toHex(),
                 QByteArray("d1dcf835b0d62b9230c41393cb96a34f5f8b9f814f421ca3382dfc1678022e0e"));
        QCOMPARE(blake2b(hex("7f0000014ac2")).toHex(),
                 QByteArray("ea50f55683100864aa622153cff29c6f99eea9e753f8e211d6b01e0a8af2ac6c"));
        QCOMPARE(blake2b(hex("7f0000014bc2")).toHex(),
                 QByteArray("26fe6ae9a1f45137757384c3a60c80571a6153a27c3c6d3dea8fe8f987b995ce"));
        QCOMPARE(blake2b(hex("5863035649c2")).toHex(),
                 QByteArray("54d4b9c6441048061f80cf69564cee46a5730adfcd59fbe6c056bb49af771546"));
        QCOMPARE(blake2b("127.0.0.1", 32, QByteArray(32, '\x01')).toHex(),
                 QByteArray("ed9291f718dd75a0390cf8fd4828a9fedc3fcf919ff1f9724f33b187ecd9b461"));
        QCOMPARE(blake2b(QByteArray(32, '\x01')).toHex(),
                 QByteArray("f40ceaf86e5776923332b8d8fd3bef849cadb19c6996bc272af1f648d9566a4c"));
        // batch == hash of the concatenation; SHA-2 known answers ("abc").
        QCOMPARE(blake2bBatch({"ab", "c"}, 64), blake2b("abc", 64));
        QCOMPARE(sha256("abc").toHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(sha512("abc").toHex().left(32), QByteArray("ddaf35a193617abacc417349ae204131"));
    }

    /// V4 and connection.md §7.1: Ed25519 key pairs from seeds match libsodium in Node; DHT targets.
    void keyPairsFromSeeds() {
        const KeyPair server = seeded('\x01');
        QCOMPARE(server.publicKey.toHex(),
                 QByteArray("8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c"));
        QCOMPARE(server.secretKey.toByteArray().toHex(),
                 QByteArray(32, '\x01').toHex() +
                     QByteArray("8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c"));
        QCOMPARE(blake2b(server.publicKey).toHex(),
                 QByteArray("c5e21ab1c9f6022d81c3b25e3436cb7f1df77f9652ae3e1310c28e621dd87b4c"));
        const KeyPair client = seeded('\x02');
        QCOMPARE(client.publicKey.toHex(),
                 QByteArray("8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394"));
        QCOMPARE(blake2b(client.publicKey).toHex(),
                 QByteArray("c11ae4092c56101421f745612bdc6b51c1e646c61ac3f5eccfed2f59c200f581"));
        QCOMPARE(seeded('\x11').publicKey.toHex(),
                 QByteArray("d04ab232742bb4ab3a1368bd4615e4e6d0224ab71a016baf8520a332c9778737"));
        QCOMPARE(seeded('\x22').publicKey.toHex(),
                 QByteArray("a09aa5f47a6759802ff955f8dc2d2a14a5c99d23be97f864127ff9383455a4f0"));
        QCOMPARE(seeded('\x33').publicKey.toHex(),
                 QByteArray("17cb79fb2b4120f2b1ec65e4198d6e08b28e813feb01e4a400839b85e18080ce"));
        QCOMPARE(seeded('\x44').publicKey.toHex(),
                 QByteArray("d759793bbc13a2819a827c76adb6fba8a49aee007f49f2d0992d99b825ad2c48"));
        // A stored 64-byte secret key reloads; a corrupted public half is refused.
        QVERIFY(keyPairFromSecretKey(server.secretKey).ok());
        SecureBytes bad = server.secretKey;
        bad.data()[40] ^= 1;
        QVERIFY(!keyPairFromSecretKey(bad).ok());
        QVERIFY(!keyPairFromSeed(repeated('\x01', 31)).ok());
        QVERIFY(generateKeyPair().isValid());
    }

    /// V6: ANNOUNCE, UNANNOUNCE and MUTABLE_PUT signatures are byte-identical (Ed25519 is deterministic).
    void signatures() {
        const KeyPair kp = seeded('\x01');
        const QByteArray target(32, '\xaa');
        const QByteArray token(32, '\x11');
        const QByteArray nodeId = blake2b(hex("7f0000014ac2"));
        const QByteArray peer = kp.publicKey + hex("017f0000014ac2");
        const QByteArray inner = blake2b(target + nodeId + token + peer);
        QCOMPARE(inner.toHex(),
                 QByteArray("df0d25f4a763b4ba6a35801c84a10ebbd89fc78bf9c110960145819ae4dcccc7"));
        const QByteArray sig = sign(nsAnnounce() + inner, kp);
        QCOMPARE(sig.toHex(),
                 QByteArray("ee55c9e054ddaf65cea37375e8f224aee1da3156ebf6f06e8311bd4d3f3cdf13c94879fb6889ac1d"
                            "1e4a9f12e1ddfc227862f9327ecaf390eea94ffd05df6f0f"));
        QVERIFY(verify(sig, nsAnnounce() + inner, kp.publicKey));
        QVERIFY(!verify(sig, nsUnannounce() + inner, kp.publicKey));

        const QByteArray unInner = blake2b(target + nodeId + token + kp.publicKey + hex("00"));
        QCOMPARE(unInner.toHex(),
                 QByteArray("5adcb2da64c1ef3cb30be6043ac59cff5b33830f0806bc83c062ded88c895a38"));
        QCOMPARE(sign(nsUnannounce() + unInner, kp).toHex(),
                 QByteArray(
                     "5bfa5e180202a0e7a6d00a3fce2e0082cf920aa6eee5c5f391afdf00fa1b286d5feb1783f91e113204034af"
                     "d5fff0474cd93faedf145d7c92f75466422c8b806"));

        const QByteArray mutableHash = blake2b(hex("010568656c6c6f"));
        QCOMPARE(mutableHash.toHex(),
                 QByteArray("aa1b682ba34869f178c04f6b3864203a9da6e538b590c482c21bd8938c297b54"));
        QCOMPARE(
            sign(nsMutablePut() + mutableHash, kp).toHex(),
            QByteArray(
                "210a2e371db5add08771c6527b18f38ab48cd429ff1194e7e3eb7ced8ba6927587f275792c23cc829f26af8c5"
                "9b83d00c44ab7821c2952878db6c5daee86b608"));
        QVERIFY(!verify(sig.left(63), nsAnnounce() + inner, kp.publicKey));

        // The request values that carry them: flags(peer=1 | signature=4) || peer || signature, and
        // MUTABLE_PUT publicKey || seq || value || signature, MUTABLE_GET reply seq || value || signature.
        using pluresdb::encoding::Encoder;
        Encoder announce;
        announce.uint(0x05);
        announce.fixed(peer);
        announce.fixed(sig);
        QCOMPARE(announce.bytes().toHex(), QByteArray("058a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf374"
                                                      "8801b40f6f5c017f0000014ac2ee55c9e054ddaf"
                                                      "65cea37375e8f224aee1da3156ebf6f06e8311bd4d3f3cdf13c948"
                                                      "79fb6889ac1d1e4a9f12e1ddfc227862f9327eca"
                                                      "f390eea94ffd05df6f0f"));
        Encoder unannounce;
        unannounce.uint(0x05);
        unannounce.fixed(kp.publicKey);
        unannounce.arrayLength(0);
        unannounce.fixed(sign(nsUnannounce() + unInner, kp));
        QCOMPARE(unannounce.bytes().toHex(), QByteArray("058a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3"
                                                        "748801b40f6f5c005bfa5e180202a0e7a6d00a3fce"
                                                        "2e0082cf920aa6eee5c5f391afdf00fa1b286d5feb1783f91e11"
                                                        "3204034afd5fff0474cd93faedf145d7c92f754664"
                                                        "22c8b806"));
        const QByteArray putSig = sign(nsMutablePut() + mutableHash, kp);
        Encoder put;
        put.fixed(kp.publicKey);
        put.uint(1);
        put.buffer("hello");
        put.fixed(putSig);
        QCOMPARE(put.bytes().toHex(), QByteArray("8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40"
                                                 "f6f5c010568656c6c6f210a2e371db5add0"
                                                 "8771c6527b18f38ab48cd429ff1194e7e3eb7ced8ba6927587f275792c2"
                                                 "3cc829f26af8c59b83d00c44ab7821c2952"
                                                 "878db6c5daee86b608"));
        Encoder get;
        get.uint(1);
        get.buffer("hello");
        get.fixed(putSig);
        QCOMPARE(get.bytes().toHex(), QByteArray("010568656c6c6f210a2e371db5add08771c6527b18f38ab48cd429ff119"
                                                 "4e7e3eb7ced8ba6927587f275792c23cc82"
                                                 "9f26af8c59b83d00c44ab7821c2952878db6c5daee86b608"));
        QCOMPARE(blake2b(kp.publicKey).toHex(),
                 QByteArray("c5e21ab1c9f6022d81c3b25e3436cb7f1df77f9652ae3e1310c28e621dd87b4c"));
    }

    /// V8: hole-punch payloads are secretbox(nonce, key = holepunchSecret); a flipped bit fails to open.
    void secretBoxVector() {
        const SecureBytes key = secretHex("af71f2e3501aa7b598c17fe49ca7e8a4ceb4124be0cf3054abbbf131be30a37c");
        const QByteArray nonce(24, '\x22');
        const QByteArray plain =
            hex("16000201017f00000183981111111111111111111111111111111111111111111111111111111111111111");
        const QByteArray wire =
            hex("222222222222222222222222222222222222222222222222285d3c17358cde072e6c9c3c58b5c37caf8db592d255"
                "e5467966d48b"
                "8bad6727455a64b110d6d298404dce98205af15c6413e973253a3ad829b307");
        QCOMPARE(nonce + secretBoxSeal(key, nonce, plain), wire);
        QCOMPARE(secretBoxOpen(key, nonce, wire.mid(24)).value(), plain);
        QByteArray forged = wire.mid(24);
        forged[5] = static_cast<char>(forged[5] ^ 1);
        QVERIFY(!secretBoxOpen(key, nonce, forged).ok());
        QVERIFY(!secretBoxOpen(key, nonce, QByteArray(15, 'x')).ok());
    }

    /// connection.md §2.3/§7.2: the Edwards-curve DH gives noise-curve-ed's es, ss, ee and se values, both
    /// ways.
    void ed25519DhVectors() {
        const KeyPair is = seeded('\x11'), rs = seeded('\x22'), ie = seeded('\x33'), re = seeded('\x44');
        QCOMPARE(ed25519Dh(ie, rs.publicKey)->toByteArray().toHex(),
                 QByteArray("3d1d07660d62bce76af08fd2945cd2fa506a87305251b86e0668aebe0622f42e"));
        QCOMPARE(ed25519Dh(rs, ie.publicKey)->toByteArray().toHex(),
                 QByteArray("3d1d07660d62bce76af08fd2945cd2fa506a87305251b86e0668aebe0622f42e"));
        QCOMPARE(ed25519Dh(is, rs.publicKey)->toByteArray().toHex(),
                 QByteArray("2b6355c5f0e9667ee457b73ad5dc3cb172abf8d62362402d732c4e8241b97380"));
        QCOMPARE(ed25519Dh(ie, re.publicKey)->toByteArray().toHex(),
                 QByteArray("2572797264060a08dfb5a49c0f662b0c8692f0865dad369c5e97c57f3f549733"));
        QCOMPARE(ed25519Dh(is, re.publicKey)->toByteArray().toHex(),
                 QByteArray("61e7195c82c8fcaa1e4523aafd661b991f45966032beead1850b93b8b4270409"));
        // Small-order / non-canonical points and wrong sizes are refused, never multiplied.
        QVERIFY(!ed25519Dh(ie, QByteArray(32, '\0')).ok());
        QVERIFY(!ed25519Dh(ie, hex("0100000000000000000000000000000000000000000000000000000000000000")).ok());
        QVERIFY(!ed25519Dh(ie, QByteArray(32, '\xff')).ok());
        QVERIFY(!ed25519Dh(ie, QByteArray(31, '\x01')).ok());
    }

    /// §7.5: a secretstream record pushed from a chosen header is Node's "hello" record; pull authenticates.
    void secretStreamRecordVector() {
        const SecureBytes key = secretHex("0449dc486159e766f752316ddeb055984cc0ad321ca030c4df8f52c054e8e813");
        SecretStreamPush push;
        QVERIFY(push.initWithHeader(key, QByteArray(24, '\xc3')));
        QCOMPARE(push.push("hello").toHex(), QByteArray("633c10797916252028cb590f4c044cd8ee7c54186717"));
        QCOMPARE(push.push({}).toHex(), QByteArray("7f5a05745dfbfa5bbe5d4f5b8dcd0752b7"));
        SecretStreamPull pull;
        QVERIFY(pull.init(key, QByteArray(24, '\xc3')));
        QCOMPARE(pull.pull(hex("633c10797916252028cb590f4c044cd8ee7c54186717")).value(), QByteArray("hello"));
        // Replaying the same record fails: the state has moved on.
        QVERIFY(!pull.pull(hex("633c10797916252028cb590f4c044cd8ee7c54186717")).ok());
        // A random header round-trips.
        SecretStreamPush p2;
        const QByteArray header = p2.init(key);
        QCOMPARE(header.size(), 24);
        SecretStreamPull q2;
        QVERIFY(q2.init(key, header));
        QCOMPARE(q2.pull(p2.push("abc")).value(), QByteArray("abc"));
    }

    /// §7.4/§7.5: unordered datagram envelopes = counter || secretbox(nonce = counter || 16 zeros).
    void datagramVectors() {
        const SecureBytes k1 =
            SecureBytes::fromByteArray(blake2bBatch({nsInitiator(), nsSend()}, 32,
                                                    hex("7b9f60fe32f2d1157261f6d3092558031979066ce371947b40ad"
                                                        "3c1ccdb241cef51d9a1fdc6a7810bca7a319a86d6248ae5e09"
                                                        "71164066e26e4a64c9c4004d56")));
        QCOMPARE(k1.toByteArray().toHex(),
                 QByteArray("19bda96a30503b2c441ac79210014e57c139a830cab5d5b36a2e12979d6cb59e"));
        const QByteArray counter = hex("2222232425262728");
        QCOMPARE((counter + secretBoxSeal(k1, counter + QByteArray(16, '\0'), "ping")).toHex(),
                 QByteArray("2222232425262728d952eb1149cab093aa48425e6a35fcc49b644387"));
        const SecureBytes kxx =
            SecureBytes::fromByteArray(blake2bBatch({nsInitiator(), nsSend()}, 32,
                                                    hex("904bbe89cd78fb98b811db439e8c9b546f524311b5ca9cc38393"
                                                        "af54937661f25ebc1dbfd3f12d1bb77a8dfbc52027ce3c4111"
                                                        "c60e4dfac926822ef8d79e9bcc")));
        const QByteArray c2 = hex("0202030405060708");
        QCOMPARE((c2 + secretBoxSeal(kxx, c2 + QByteArray(16, '\0'), "ping")).toHex(),
                 QByteArray("0202030405060708fc028c39a97b79081a32db2cedb6a57d3783c0ba"));
    }

    /// ChaCha20-Poly1305 IETF round-trips and rejects a wrong AD, nonce or a truncated tag.
    void aead() {
        const SecureBytes key = repeated('\x07');
        const QByteArray nonce(12, '\0');
        const QByteArray c = aeadEncrypt(key, nonce, "ad", "secret");
        QCOMPARE(aeadDecrypt(key, nonce, "ad", c).value(), QByteArray("secret"));
        QVERIFY(!aeadDecrypt(key, nonce, "AD", c).ok());
        QVERIFY(!aeadDecrypt(key, QByteArray(11, '\0') + '\x01', "ad", c).ok());
        QVERIFY(!aeadDecrypt(key, nonce, "ad", c.left(15)).ok());
    }

    /// Secret keys are held in guarded memory: copies are deep, moves leave the source empty.
    void secureBytes() {
        SecureBytes a = repeated('\x05', 4);
        SecureBytes b = a;
        QVERIFY(a.equals(b));
        QVERIFY(a.data() != b.data());
        SecureBytes c = std::move(a);
        QVERIFY(a.isEmpty());
        QVERIFY(c.equals(b));
        QCOMPARE(randomBytes(16).size(), 16);
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "test_crypto.moc"
