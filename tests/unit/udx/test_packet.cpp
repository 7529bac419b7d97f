// UDX packet codec against the bytes captured from udx-native (spec/connection.md §7.6, §7.7).

#include "core/transport/udx/UdxPacket.h"

#include <QTest>

using namespace pluresdb::transport::udx;

namespace {
QByteArray hex(const char* h) {
    return QByteArray::fromHex(QByteArray(h).replace(' ', ""));
}
const uint8_t* bytes(const QByteArray& b) {
    return reinterpret_cast<const uint8_t*>(b.constData());
}
}  // namespace

class TestUdxPacket : public QObject {
    Q_OBJECT
private slots:
    /// A pure ACK from the capture (§7.6 #1) decodes field by field, little-endian.
    void decodesCapturedAck() {
        const QByteArray b = hex("ff010000 0d0c0b0a 00004000 00000000 01000000");
        auto r = decodeUdxPacket(bytes(b), std::size_t(b.size()));
        QVERIFY(r.ok());
        QCOMPARE(r->header.type, kTypeAck);
        QCOMPARE(r->header.id, 0x0a0b0c0du);
        QCOMPARE(r->header.rwnd, 4194304u);
        QCOMPARE(r->header.seq, 0u);
        QCOMPARE(r->header.ack, 1u);
        QCOMPARE(r->payloadSize, std::size_t(0));
    }

    /// DATA with payload (§7.6 #2) and END (§7.6 #15) keep their payload and type bits.
    void decodesCapturedDataAndEnd() {
        const QByteArray b =
            hex("ff010100 04030201 00004000 01000000 00000000 160000 "
                "633c10797916252028cb590f4c044cd8ee7c54186717");
        auto r = decodeUdxPacket(bytes(b), std::size_t(b.size()));
        QVERIFY(r.ok());
        QCOMPARE(r->header.type, kTypeData);
        QCOMPARE(r->header.id, 0x01020304u);
        QCOMPARE(r->header.seq, 1u);
        QCOMPARE(r->payloadSize, std::size_t(25));
        QCOMPARE(r->payload[0], uint8_t(0x16));
        const QByteArray e = hex("ff010200 04030201 00004000 05000000 02000000");
        auto end = decodeUdxPacket(bytes(e), std::size_t(e.size()));
        QVERIFY(end.ok());
        QCOMPARE(end->header.type, kTypeEnd);
        QCOMPARE(end->header.seq, 5u);
    }

    /// Encoding reproduces the captured header bytes exactly.
    void encodesLikeLibudx() {
        uint8_t out[kHeaderSize];
        encodeUdxHeader(out, UdxHeader{kTypeMessage, 0, 0x01020304, 4194304, 2, 2});
        QCOMPARE(QByteArray(reinterpret_cast<char*>(out), kHeaderSize),
                 hex("ff010800 04030201 00004000 02000000 02000000"));
        encodeUdxHeader(out, UdxHeader{kTypeDestroy, 0, 6, 4194304, 1, 0});
        QCOMPARE(QByteArray(reinterpret_cast<char*>(out), kHeaderSize),
                 hex("ff011000 06000000 00004000 01000000 00000000"));
    }

    /// data_offset padding (MTU probe, §6.5, §7.7) is skipped; an offset past the end is an error.
    void skipsPaddingAndRejectsOverlongOffset() {
        QByteArray b = hex("ff010108 07000000 00004000 06000000 00000000 0000000000000000 47");
        auto r = decodeUdxPacket(bytes(b), std::size_t(b.size()));
        QVERIFY(r.ok());
        QCOMPARE(r->payloadSize, std::size_t(1));
        QCOMPARE(char(r->payload[0]), 'G');
        b = hex("ff010109 07000000 00004000 06000000 00000000 0000000000000000");
        QVERIFY(!decodeUdxPacket(bytes(b), std::size_t(b.size())).ok());
    }

    /// SACK blocks (§6.6, observed ack=1 [2,4) [5,6)) round-trip through encode and decode.
    void sackBlocksRoundTrip() {
        uint8_t buf[kHeaderSize + 2 * kSackBlockSize];
        encodeUdxHeader(buf, UdxHeader{kTypeSack, 0, 9, 4194304, 0, 1});
        const SackBlock blocks[] = {{2, 4}, {5, 6}};
        QCOMPARE(encodeSackBlocks(buf + kHeaderSize, blocks, 2), std::size_t(16));
        auto r = decodeUdxPacket(buf, sizeof buf);
        QVERIFY(r.ok());
        QCOMPARE(r->sackCount, std::size_t(2));
        QCOMPARE(r->sackBlock(0).start, 2u);
        QCOMPARE(r->sackBlock(0).end, 4u);
        QCOMPARE(r->sackBlock(1).start, 5u);
        QCOMPARE(r->sackBlock(1).end, 6u);
    }

    /// Non-UDX traffic sharing the socket (DHT 0x03/0x13, 1-byte probes, §6.1) is told apart.
    void demuxRule() {
        const QByteArray dht = hex("03") + QByteArray(40, 'x');
        QVERIFY(!looksLikeUdx(bytes(dht), std::size_t(dht.size())));
        const QByteArray probe = hex("00");
        QVERIFY(!looksLikeUdx(bytes(probe), 1));
        const QByteArray wrongVersion = hex("ff020000 0d0c0b0a 00004000 00000000 01000000");
        QVERIFY(!looksLikeUdx(bytes(wrongVersion), 20));
        QVERIFY(!decodeUdxPacket(bytes(wrongVersion), 20).ok());
        QVERIFY(!decodeUdxPacket(bytes(dht), 10).ok());
    }

    /// Sequence numbers compare across the 32-bit wrap (§6.4).
    void sequenceWrap() {
        QVERIFY(seqDiff(0, 0xFFFFFFFFu) == 1);
        QVERIFY(seqDiff(0xFFFFFFFFu, 0) == -1);
        QVERIFY(seqDiff(5, 3) == 2);
    }
};

QTEST_GUILESS_MAIN(TestUdxPacket)
#include "test_packet.moc"
