// hyperdht value encodings (spec/hyperdht.md §4.1, §5.1, §6.2, §7.1, §7.3) against the deterministic
// vectors V5/V7/V8 and the captured payloads of §13.5, including every optional field.

#include "DhtTestData.h"

#include "core/dht/hyperdht/HolepunchPayload.h"
#include "core/dht/hyperdht/HyperDhtWire.h"
#include "core/dht/hyperdht/NoisePayload.h"
#include "core/dht/hyperdht/Records.h"
#include "core/dht/hyperdht/RelayValues.h"

#include <QTest>

using namespace pluresdb;
using namespace pluresdb::dht::hyperdht;
using dhttest::address;
using dhttest::hex;

namespace {
const char* kServerPk = "8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c";

PeerRecord serverRecord() {
    return PeerRecord{hex(kServerPk), {address(QStringLiteral("127.0.0.1:49738"))}};
}

template <typename T, typename Dec>
void checkRoundTrip(const T& value, const QByteArray& wire, QByteArray (*encode)(const T&), Dec decode) {
    QCOMPARE(encode(value), wire);
    auto back = decode(wire);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.errorMessage()));
    QVERIFY(*back == value);
    // Every strict prefix fails cleanly.
    for (qsizetype n = 0; n < wire.size(); ++n)
        QVERIFY2(!decode(wire.left(n)).ok(), qPrintable(wire.left(n).toHex()));
}
}  // namespace

class TestValues : public QObject {
    Q_OBJECT
private slots:
    /// V5: peer record and lookupRawReply bytes; a reply without the trailing bump decodes as bump 0.
    void peerAndLookup() {
        checkRoundTrip(serverRecord(), hex("8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c017f0000014ac2"),
                       &encodePeerRecord, &decodePeerRecord);
        const QByteArray reply =
            hex("018a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c017f0000014ac200");
        const LookupReply r{{serverRecord()}, 0};
        QCOMPARE(encodeLookupReply(r), reply);
        QVERIFY(*decodeLookupReply(reply) == r);
        auto noBump = decodeLookupReply(reply.chopped(1));
        QVERIFY(noBump.ok());
        QCOMPARE(noBump->bump, uint64_t(0));
        const LookupReply bumped{{serverRecord(), PeerRecord{QByteArray(32, 'k'), {}}}, 1700000000000};
        QVERIFY(*decodeLookupReply(encodeLookupReply(bumped)) == bumped);
        QVERIFY(!decodeLookupReply(hex("05")).ok());  // five peers promised, none there
    }

    /// V5: handshake values in FROM_CLIENT, FROM_RELAY and FROM_SECOND_RELAY (both addresses).
    void handshakeValues() {
        checkRoundTrip(HandshakeValue{kModeFromClient, hex("aabbcc"), {}, {}}, hex("000003aabbcc"),
                       &encodeHandshakeValue, &decodeHandshakeValue);
        checkRoundTrip(HandshakeValue{kModeFromRelay, hex("aabbcc"), address(QStringLiteral("127.0.0.1:38427")), {}},
                       hex("010203aabbcc7f0000011b96"), &encodeHandshakeValue, &decodeHandshakeValue);
        checkRoundTrip(HandshakeValue{kModeFromSecondRelay, hex("aabbcc"), address(QStringLiteral("1.2.3.4:5")),
                                      address(QStringLiteral("6.7.8.9:10"))},
                       hex("030303aabbcc010203040500060708090a00"), &encodeHandshakeValue, &decodeHandshakeValue);
        // relayAddress alone (flags 2).
        const HandshakeValue relayOnly{kModeReply, {}, {}, address(QStringLiteral("9.9.9.9:9"))};
        QVERIFY(*decodeHandshakeValue(encodeHandshakeValue(relayOnly)) == relayOnly);
    }

    /// V5: holepunch value with and without peerAddress.
    void holepunchValues() {
        checkRoundTrip(HolepunchValue{kModeFromClient, 0, hex("0102"), address(QStringLiteral("127.0.0.1:33779"))},
                       hex("0100000201027f000001f383"), &encodeHolepunchValue, &decodeHolepunchValue);
        const HolepunchValue noPeer{kModeFromServer, 300, QByteArray(60, 'p'), {}};
        QVERIFY(*decodeHolepunchValue(encodeHolepunchValue(noPeer)) == noPeer);
    }

    /// V5/V8: holepunchPayload bytes; every optional field round-trips; the flag for `addresses` is
    /// set even for an empty list (as Node writes a truthy []).
    void holepunchPayloadValues() {
        HolepunchPayload p;
        p.firewall = kFirewallConsistent;
        p.round = 1;
        p.punching = true;
        p.addresses = std::vector{address(QStringLiteral("127.0.0.1:39043"))};
        p.token = QByteArray(32, 0x11);
        checkRoundTrip(p, hex("16000201017f00000183981111111111111111111111111111111111111111111111111111111111111111"),
                       &encodeHolepunchPayload, &decodeHolepunchPayload);
        HolepunchPayload all;
        all.connected = true;
        all.error = 3;
        all.addresses = std::vector<encoding::Ipv4Address>{};
        all.remoteAddress = address(QStringLiteral("8.8.4.4:1"));
        all.token = QByteArray(32, 'a');
        all.remoteToken = QByteArray(32, 'b');
        const QByteArray wire = encodeHolepunchPayload(all);
        QCOMPARE(int(uint8_t(wire[0])), 0x3d);
        QVERIFY(*decodeHolepunchPayload(wire) == all);
    }

    /// V8: sealing with the V7 holepunchSecret and nonce 24×0x22 gives the vector's wire payload;
    /// opening it returns the plaintext; a wrong key, a flipped bit or a short payload fail.
    void holepunchEncryption() {
        const auto key = crypto::SecureBytes::fromByteArray(
            hex("af71f2e3501aa7b598c17fe49ca7e8a4ceb4124be0cf3054abbbf131be30a37c"));
        const QByteArray plain =
            hex("16000201017f00000183981111111111111111111111111111111111111111111111111111111111111111");
        const QByteArray wire = hex(
            "222222222222222222222222222222222222222222222222285d3c17358cde07"
            "2e6c9c3c58b5c37caf8db592d255e5467966d48b8bad6727455a64b110d6d298"
            "404dce98205af15c6413e973253a3ad829b307");
        QCOMPARE(sealHolepunchPayload(key, QByteArray(24, 0x22), plain), wire);
        QCOMPARE(*openHolepunchPayload(key, wire), plain);
        QByteArray tampered = wire;
        tampered[40] = char(tampered[40] ^ 1);
        QVERIFY(!openHolepunchPayload(key, tampered).ok());
        QVERIFY(!openHolepunchPayload(crypto::SecureBytes::fromByteArray(QByteArray(32, 'x')), wire).ok());
        QVERIFY(!openHolepunchPayload(key, wire.left(39)).ok());
    }

    /// §13.5: the PEER_HOLEPUNCH payloads captured in punch.pcap open with the logged
    /// holepunchSecret and decode to the rounds the spec describes (client probe, server answer).
    void capturedHolepunchPayloads() {
        const auto key = crypto::SecureBytes::fromByteArray(
            hex("841250fa8ee685b67ffdf3748a045b0b08a85ff2927b3d82a0a7e0f87c637f7b"));
        int opened = 0;
        for (const auto& d : dhttest::capturedDatagrams()) {
            const QJsonObject o = d.toObject();
            const QJsonObject value = o.value(QStringLiteral("decoded")).toObject().value(QStringLiteral("value")).toObject();
            if (o.value(QStringLiteral("capture")).toString() != QLatin1String("punch") ||
                !value.contains(QStringLiteral("payload(encrypted)")))
                continue;
            auto plain = openHolepunchPayload(key, hex(value.value(QStringLiteral("payload(encrypted)")).toString().toLatin1()));
            QVERIFY(plain.ok());
            auto p = decodeHolepunchPayload(*plain);
            QVERIFY(p.ok());
            QCOMPARE(encodeHolepunchPayload(*p), *plain);
            if (*plain == hex("080000007f000001cabb")) {
                QVERIFY(!p->addresses && !p->token && !p->punching);
                QCOMPARE(p->remoteAddress->toString(), QStringLiteral("127.0.0.1:48074"));
            } else {
                QCOMPARE(plain->left(11), hex("14000200017f000001cabb"));
                QCOMPARE(p->firewall, kFirewallConsistent);
                QCOMPARE(p->addresses->at(0).toString(), QStringLiteral("127.0.0.1:48074"));
                QCOMPARE(p->token->size(), 32);
            }
            ++opened;
        }
        QCOMPARE(opened, 4);
    }

    /// V7: the client and server noisePayload plaintexts decode field by field and re-encode.
    void noisePayloads() {
        const QByteArray client = hex("011a0000017f00000105b60100fe7f7b3d7f0001");
        auto c = decodeNoisePayload(client);
        QVERIFY(c.ok());
        QCOMPARE(c->version, uint64_t(1));
        QCOMPARE(c->firewall, kFirewallUnknown);
        QVERIFY(!c->holepunch && !c->relayAddresses && !c->relayThrough);
        QCOMPARE(c->addresses4.size(), std::size_t(1));
        QCOMPARE(c->addresses4[0].toString(), QStringLiteral("127.0.0.1:46597"));
        QCOMPARE(c->udx->id, uint64_t(2134735743));
        QVERIFY(!c->udx->reusableSocket());
        QCOMPARE(c->secretStream->version, uint64_t(1));
        QCOMPARE(encodeNoisePayload(*c), client);

        const QByteArray server = hex("0159000000017f0000014ac27f000001f3830100fe29d8e7150001017f0000014ac2");
        auto s = decodeNoisePayload(server);
        QVERIFY(s.ok());
        QCOMPARE(s->holepunch->id, uint64_t(0));
        QCOMPARE(s->holepunch->relays.size(), std::size_t(1));
        QCOMPARE(s->holepunch->relays[0].relayAddress.toString(), QStringLiteral("127.0.0.1:49738"));
        QCOMPARE(s->holepunch->relays[0].peerAddress.toString(), QStringLiteral("127.0.0.1:33779"));
        QCOMPARE(s->udx->id, uint64_t(367515689));
        QCOMPARE(s->relayAddresses->size(), std::size_t(1));
        QCOMPARE(encodeNoisePayload(*s), server);
        for (qsizetype n = 0; n < server.size(); ++n)
            QVERIFY(!decodeNoisePayload(server.left(n)).ok());
    }

    /// §6.2: every optional field (ipv6 addresses, relayThrough, an empty relayAddresses) round-trips;
    /// a payload of another version stops after the version, as Node's decoder does.
    void noisePayloadAllFieldsAndVersions() {
        NoisePayload p;
        p.error = kPayloadErrorTryLater;
        p.firewall = kFirewallRandom;
        p.holepunch = HolepunchInfo{7, {}};
        p.addresses6 = {encoding::Ipv6Address{{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 5}};
        p.udx = UdxInfo{1, kUdxFeatureReusableSocket, 0xffffffff, 0};
        p.relayThrough = RelayThroughInfo{1, 0, QByteArray(32, 'p'), QByteArray(32, 't')};
        p.relayAddresses = std::vector<encoding::Ipv4Address>{};
        const QByteArray wire = encodeNoisePayload(p);
        QCOMPARE(int(uint8_t(wire[1])), 0x01 | 0x04 | 0x08 | 0x20 | 0x40);
        auto back = decodeNoisePayload(wire);
        QVERIFY(back.ok());
        QVERIFY(*back == p);
        QVERIFY(back->udx->reusableSocket());

        auto v2 = decodeNoisePayload(hex("02ffffff"));
        QVERIFY(v2.ok());
        QCOMPARE(v2->version, uint64_t(2));
        QVERIFY(!v2->udx);
        QCOMPARE(encodeNoisePayload(*v2), hex("02"));
    }

    /// §4.1: announce with every flag combination; the bump is written only when non-zero.
    void announceValues() {
        for (int flags = 0; flags < 16; ++flags) {
            AnnounceValue v;
            if (flags & 1) v.peer = serverRecord();
            if (flags & 2) v.refresh = QByteArray(32, 'r');
            if (flags & 4) v.signature = QByteArray(64, 's');
            if (flags & 8) v.bump = 1000;
            const QByteArray wire = encodeAnnounceValue(v);
            QCOMPARE(int(uint8_t(wire[0])), flags);
            auto back = decodeAnnounceValue(wire);
            QVERIFY(back.ok());
            QVERIFY(*back == v);
        }
        QVERIFY(!decodeAnnounceValue(hex("04") + QByteArray(63, 's')).ok());
    }

    /// V6: the MUTABLE_PUT request and MUTABLE_GET response values; V5: the MUTABLE_GET request.
    void mutableValues() {
        const QByteArray sig = hex(
            "210a2e371db5add08771c6527b18f38ab48cd429ff1194e7e3eb7ced8ba6927587f275792c23cc829f26af8c59b83d00c44ab7821c2952878db6c5daee86b608");
        checkRoundTrip(MutablePutRequest{hex(kServerPk), 1, "hello", sig},
                       hex(kServerPk) + hex("010568656c6c6f") + sig, &encodeMutablePutRequest,
                       &decodeMutablePutRequest);
        checkRoundTrip(MutableGetResponse{1, "hello", sig}, hex("010568656c6c6f") + sig,
                       &encodeMutableGetResponse, &decodeMutableGetResponse);
        QCOMPARE(encodeMutableGetRequest(0), hex("00"));
        QCOMPARE(*decodeMutableGetRequest(hex("fd0001")), uint64_t(256));
        QVERIFY(!decodeMutableGetRequest(QByteArray()).ok());
    }

    /// V5: pluginRequest with a value; without one the flag is 0; bad UTF-8 in the name fails.
    void pluginRequests() {
        checkRoundTrip(PluginRequest{QStringLiteral("echo"), 1, 2, hex("ff")}, hex("046563686f01020101ff"),
                       &encodePluginRequest, &decodePluginRequest);
        const PluginRequest bare{QStringLiteral("ünï"), 300, 0, {}};
        QVERIFY(*decodePluginRequest(encodePluginRequest(bare)) == bare);
        QVERIFY(!decodePluginRequest(hex("02c3280000 00")).ok());
    }
};

QTEST_GUILESS_MAIN(TestValues)
#include "test_values.moc"
