// compact-encoding against the bytes the npm package produced (hyperdht.md §13.2 V2, V5;
// connection.md §7.2 noisePayloads), and the decoder's refusal of truncated or forged input.

#include "core/encoding/CompactEncoding.h"

#include <QTest>

using namespace pluresdb::encoding;

namespace {
QByteArray hex(const char* s) {
    return QByteArray::fromHex(s);
}
Ipv4Address v4(uint8_t a, uint8_t b, uint8_t c, uint8_t d, uint16_t port) {
    return {{a, b, c, d}, port};
}
}  // namespace

class TestCompactEncoding : public QObject {
    Q_OBJECT
private slots:
    /// V2 uint rows: the encoder picks the same (shortest) varint form as Node, and decoding round-trips.
    void uintVectors_data() {
        QTest::addColumn<quint64>("value");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("0") << quint64(0) << hex("00");
        QTest::newRow("1") << quint64(1) << hex("01");
        QTest::newRow("252") << quint64(252) << hex("fc");
        QTest::newRow("253") << quint64(253) << hex("fdfd00");
        QTest::newRow("255") << quint64(255) << hex("fdff00");
        QTest::newRow("256") << quint64(256) << hex("fd0001");
        QTest::newRow("65535") << quint64(65535) << hex("fdffff");
        QTest::newRow("65536") << quint64(65536) << hex("fe00000100");
        QTest::newRow("4294967295") << quint64(4294967295ULL) << hex("feffffffff");
        QTest::newRow("4294967296") << quint64(4294967296ULL) << hex("ff0000000001000000");
    }
    void uintVectors() {
        QFETCH(quint64, value);
        QFETCH(QByteArray, bytes);
        Encoder e;
        e.uint(value);
        QCOMPARE(e.bytes().toHex(), bytes.toHex());
        Decoder d(bytes);
        QCOMPARE(d.uint(), value);
        QVERIFY(d.ok());
        QCOMPARE(d.remaining(), 0);
    }

    /// V2 rows for the other primitives: fixed-width LE ints, buffer, string, bool, IPv4/IPv6 addresses,
    /// arrays.
    void primitiveVectors() {
        Encoder e;
        e.uint16(49737);
        QCOMPARE(e.take().toHex(), QByteArray("49c2"));
        e.uint32(1000);
        QCOMPARE(e.take().toHex(), QByteArray("e8030000"));
        e.buffer("hello");
        QCOMPARE(e.take().toHex(), QByteArray("0568656c6c6f"));
        e.buffer({});
        QCOMPARE(e.take().toHex(), QByteArray("00"));
        e.string(QStringLiteral("hyperswarm"));
        QCOMPARE(e.take().toHex(), QByteArray("0a6879706572737761726d"));
        e.boolean(true);
        QCOMPARE(e.take().toHex(), QByteArray("01"));
        e.ipv4Address(v4(127, 0, 0, 1, 49737));
        QCOMPARE(e.take().toHex(), QByteArray("7f00000149c2"));
        e.ipv4Address(v4(88, 99, 3, 86, 49737));
        QCOMPARE(e.take().toHex(), QByteArray("5863035649c2"));
        e.arrayLength(2);
        e.ipv4Address(v4(10, 0, 0, 1, 1));
        e.ipv4Address(v4(192, 168, 1, 2, 65535));
        QCOMPARE(e.take().toHex(), QByteArray("020a0000010100c0a80102ffff"));
        Ipv6Address six;
        six.host[15] = 1;
        six.port = 5;
        e.ipv6Address(six);
        QCOMPARE(e.take().toHex(), QByteArray("000000000000000000000000000000010500"));
        e.uint24(0x38);
        e.uint64(0x0807060504030201ULL);
        e.uint8(0xab);
        QCOMPARE(e.take().toHex(), QByteArray("3800000102030405060708ab"));

        Decoder d(
            hex("49c2e80300000568656c6c6f000a6879706572737761726d01020a0000010100c0a80102ffff"
                "000000000000000000000000000000010500"));
        QCOMPARE(d.uint16(), quint16(49737));
        QCOMPARE(d.uint32(), 1000u);
        QCOMPARE(d.buffer(), QByteArray("hello"));
        QCOMPARE(d.buffer(), QByteArray());
        QCOMPARE(d.string().value(), QStringLiteral("hyperswarm"));
        QVERIFY(d.boolean());
        QCOMPARE(d.arrayLength(6), quint64(2));
        QCOMPARE(d.ipv4Address(), v4(10, 0, 0, 1, 1));
        QCOMPARE(d.ipv4Address(), v4(192, 168, 1, 2, 65535));
        QCOMPARE(d.ipv6Address(), six);
        QVERIFY(d.ok());
        QCOMPARE(d.remaining(), 0);
    }

    /// V5: hyperdht value encodings are plain concatenations of the primitives (built here field by field).
    void hyperdhtValueVectors() {
        const QByteArray serverKey = hex("8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c");
        Encoder peer;  // peer record {publicKey, relayAddresses:[127.0.0.1:49738]}
        peer.fixed(serverKey);
        peer.arrayLength(1);
        peer.ipv4Address(v4(127, 0, 0, 1, 49738));
        QCOMPARE(
            peer.bytes().toHex(),
            QByteArray("8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c017f0000014ac2"));
        Encoder lookup;  // lookupRawReply {peers:[record], bump:0}
        lookup.arrayLength(1);
        lookup.fixed(peer.bytes());
        lookup.uint(0);
        QCOMPARE(
            lookup.bytes().toHex(),
            QByteArray("018a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c017f0000014ac200"));
        Encoder hs;  // handshake {flags, mode, noise, peerAddress?, relayAddress?}
        hs.uint(0);
        hs.uint(0);
        hs.buffer(hex("aabbcc"));
        QCOMPARE(hs.take().toHex(), QByteArray("000003aabbcc"));
        hs.uint(1);
        hs.uint(2);
        hs.buffer(hex("aabbcc"));
        hs.ipv4Address(v4(127, 0, 0, 1, 38427));
        QCOMPARE(hs.take().toHex(), QByteArray("010203aabbcc7f0000011b96"));
        hs.uint(3);
        hs.uint(3);
        hs.buffer(hex("aabbcc"));
        hs.ipv4Address(v4(1, 2, 3, 4, 5));
        hs.ipv4Address(v4(6, 7, 8, 9, 10));
        QCOMPARE(hs.take().toHex(), QByteArray("030303aabbcc010203040500060708090a00"));
        Encoder hp;  // holepunch {flags, mode, id, payload, peerAddress}
        hp.uint(1);
        hp.uint(0);
        hp.uint(0);
        hp.buffer(hex("0102"));
        hp.ipv4Address(v4(127, 0, 0, 1, 33779));
        QCOMPARE(hp.take().toHex(), QByteArray("0100000201027f000001f383"));
        Encoder hpp;  // holepunchPayload {flags, error, firewall, round, addresses, token}
        hpp.uint(0x16);
        hpp.uint(0);
        hpp.uint(2);
        hpp.uint(1);
        hpp.arrayLength(1);
        hpp.ipv4Address(v4(127, 0, 0, 1, 39043));
        hpp.fixed(QByteArray(32, '\x11'));
        QCOMPARE(
            hpp.take().toHex(),
            QByteArray(
                "16000201017f00000183981111111111111111111111111111111111111111111111111111111111111111"));
        Encoder ms;  // mutableSignable {seq:1, value:"hello"}
        ms.uint(1);
        ms.buffer("hello");
        QCOMPARE(ms.take().toHex(), QByteArray("010568656c6c6f"));
        Encoder get;  // MUTABLE_GET request (seq 0)
        get.uint(0);
        QCOMPARE(get.take().toHex(), QByteArray("00"));
        Encoder plugin;  // pluginRequest {plugin:"echo", version:1, command:2, value:0xff}
        plugin.string(QStringLiteral("echo"));
        plugin.uint(1);
        plugin.uint(2);
        plugin.uint(1);  // flags: value present
        plugin.buffer(hex("ff"));
        QCOMPARE(plugin.take().toHex(), QByteArray("046563686f01020101ff"));
    }

    /// connection.md §7.2 noisePayloads decode field by field (flags-gated optional fields, uint32 ids).
    void noisePayloadVectors() {
        Decoder c(hex("011800000100fe0d0c0b0a0001"));
        QCOMPARE(c.uint(), quint64(1));     // version
        QCOMPARE(c.uint(), quint64(0x18));  // flags: udx | secretStream
        QCOMPARE(c.uint(), quint64(0));     // error
        QCOMPARE(c.uint(), quint64(0));     // firewall
        QCOMPARE(c.uint(), quint64(1));     // udx.version
        QCOMPARE(c.uint(), quint64(0));     // udx.features
        QCOMPARE(c.uint32Varint(), 0x0a0b0c0du);
        QCOMPARE(c.uint(), quint64(0));  // udx.seq
        QCOMPARE(c.uint(), quint64(1));  // secretStream.version
        QVERIFY(c.ok());
        QCOMPARE(c.remaining(), 0);

        Decoder s(hex("011a0001017f00000149c20100fe040302010001"));
        QCOMPARE(s.uint(), quint64(1));
        QCOMPARE(s.uint(), quint64(0x1a));
        QCOMPARE(s.uint(), quint64(0));
        QCOMPARE(s.uint(), quint64(1));  // firewall OPEN
        QCOMPARE(s.arrayLength(6), quint64(1));
        QCOMPARE(s.ipv4Address(), v4(127, 0, 0, 1, 49737));
        QCOMPARE(s.uint(), quint64(1));
        QCOMPARE(s.uint(), quint64(0));
        QCOMPARE(s.uint32Varint(), 0x01020304u);
        QCOMPARE(s.uint(), quint64(0));
        QCOMPARE(s.uint(), quint64(1));
        QVERIFY(s.ok());
        QCOMPARE(s.remaining(), 0);
        s.ipv4Address();  // past the end: latches an error instead of reading
        QVERIFY(!s.ok());
    }

    /// Truncated input at every position fails with an error and never reads past the end.
    void truncatedInputFails() {
        const QByteArray full = hex("ff00000000010000000568656c6c6f7f00000149c2");
        for (int n = 0; n < full.size(); ++n) {
            Decoder d(full.left(n));
            d.uint();
            d.buffer();
            d.ipv4Address();
            QVERIFY2(!d.ok(), qPrintable(QString::number(n)));
            QVERIFY(!d.error().isEmpty());
        }
        Decoder d(full);
        QCOMPARE(d.uint(), quint64(4294967296ULL));
        QCOMPARE(d.buffer(), QByteArray("hello"));
        QCOMPARE(d.ipv4Address(), v4(127, 0, 0, 1, 49737));
        QVERIFY(d.ok());
    }

    /// Forged lengths (buffer longer than the input, huge array counts, non-UTF-8 strings, 64-bit ids) are
    /// errors.
    void forgedLengthsFail() {
        Decoder b(hex("ffffffffffffffffff00"));
        QVERIFY(b.buffer().isEmpty());
        QVERIFY(!b.ok());
        Decoder a(hex("fe00001000"));  // 0x100000 + ... > limit
        a.arrayLength(1);
        QVERIFY(!a.ok());
        Decoder a2(hex("0a7f000001"));  // 10 addresses promised, 4 bytes left
        a2.arrayLength(6);
        QVERIFY(!a2.ok());
        Decoder s(hex("02c328"));
        QVERIFY(!s.string().ok());
        Decoder id(hex("ff0000000001000000"));
        id.uint32Varint();
        QVERIFY(!id.ok());
        // First error wins and later reads are inert.
        Decoder f(hex("05"));
        f.buffer();
        const QString first = f.error();
        f.uint64();
        QCOMPARE(f.error(), first);
        auto r = f.finish(1, "test");
        QVERIFY(!r.ok());
        QVERIFY(r.errorMessage().startsWith(QLatin1String("test: ")));
    }

    /// Decoders accept non-shortest varint forms, as Node's do (hyperdht.md §1).
    void nonShortestFormsAccepted() {
        Decoder d(hex("fd0500fe05000000ff0500000000000000"));
        QCOMPARE(d.uint(), quint64(5));
        QCOMPARE(d.uint(), quint64(5));
        QCOMPARE(d.uint(), quint64(5));
        QVERIFY(d.ok());
    }
};

QTEST_GUILESS_MAIN(TestCompactEncoding)
#include "test_compact_encoding.moc"
