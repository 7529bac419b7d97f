// protomux framing and blind-relay messages against bytes written by the npm packages themselves
// (protomux 3.12.1 + blind-relay 1.6.1, captured from a Protomux over a recording stream): an open
// of the "blind-relay" channel with a 32-byte id, a pair and an unpair message, and a corked batch
// holding a pair and a close. Also: malformed frames are errors, never crashes.

#include "core/dht/hyperdht/BlindRelayWire.h"
#include "core/transport/protomux/ProtomuxWire.h"

#include <QTest>

using namespace pluresdb;
using namespace pluresdb::transport::protomux;
using namespace pluresdb::dht::hyperdht;

namespace {
const QByteArray kOpen = QByteArray::fromHex(
    "0001010b626c696e642d72656c617920abababababababababababababababababababababababababababababababab");
const QByteArray kPair =
    QByteArray::fromHex("0100011111111111111111111111111111111111111111111111111111111111111111fd2c0100");
const QByteArray kUnpair =
    QByteArray::fromHex("0101002222222222222222222222222222222222222222222222222222222222222222");
const QByteArray kBatch = QByteArray::fromHex(
    "000001240000333333333333333333333333333333333333333333333333333333333333333305000000020301");
}  // namespace

class TestProtomuxWire : public QObject {
    Q_OBJECT
private slots:
    /// Node's open frame decodes to channel 1, "blind-relay", the id; ours encodes to the same bytes.
    void openMatchesNode() {
        const auto f = decodeFrames(kOpen);
        QVERIFY(f && f->size() == 1);
        const auto& o = std::get<OpenFrame>(f->front());
        QCOMPARE(o.channel, uint64_t(1));
        QCOMPARE(o.protocol, QStringLiteral("blind-relay"));
        QCOMPARE(o.id, QByteArray(32, char(0xab)));
        QVERIFY(o.handshake.isEmpty());
        QCOMPARE(encodeOpen(o), kOpen);
    }

    /// pair/unpair messages by index, with blind-relay's payloads, both ways byte for byte.
    void pairUnpairMatchNode() {
        const auto f = decodeFrames(kPair);
        QVERIFY(f && f->size() == 1);
        const auto& m = std::get<MessageFrame>(f->front());
        QCOMPARE(m.channel, uint64_t(1));
        QCOMPARE(m.type, kBlindRelayMessagePair);
        const auto pair = decodeBlindRelayPair(m.payload);
        QVERIFY(pair);
        QCOMPARE(pair->isInitiator, true);
        QCOMPARE(pair->token, QByteArray(32, 0x11));
        QCOMPARE(pair->id, 300u);
        QCOMPARE(pair->seq, uint64_t(0));
        QCOMPARE(encodeMessage(1, kBlindRelayMessagePair, encodeBlindRelayPair(*pair)), kPair);

        const auto u = decodeFrames(kUnpair);
        QVERIFY(u && u->size() == 1);
        const auto& um = std::get<MessageFrame>(u->front());
        QCOMPARE(um.type, kBlindRelayMessageUnpair);
        const auto unpair = decodeBlindRelayUnpair(um.payload);
        QVERIFY(unpair);
        QCOMPARE(unpair->token, QByteArray(32, 0x22));
        QCOMPARE(encodeMessage(1, kBlindRelayMessageUnpair, encodeBlindRelayUnpair(*unpair)), kUnpair);
    }

    /// A corked batch: a pair on channel 1, then (after a switch to the control channel) a close.
    void batchMatchesNode() {
        const auto f = decodeFrames(kBatch);
        QVERIFY(f && f->size() == 2);
        const auto& m = std::get<MessageFrame>(f->at(0));
        QCOMPARE(m.channel, uint64_t(1));
        const auto pair = decodeBlindRelayPair(m.payload);
        QVERIFY(pair);
        QCOMPARE(pair->isInitiator, false);
        QCOMPARE(pair->id, 5u);
        QCOMPARE(std::get<CloseFrame>(f->at(1)).channel, uint64_t(1));
        const QByteArray entry = encodeMessage(1, kBlindRelayMessagePair, encodeBlindRelayPair(*pair)).mid(1);
        QCOMPARE(encodeBatch({{1, entry}, {0, encodeClose(1).mid(1)}}), kBatch);
    }

    /// Truncated and forged frames are errors; an empty message carries nothing.
    void malformedFramesAreErrors() {
        QVERIFY(decodeFrames({}) && decodeFrames({})->empty());
        for (int cut = 1; cut < kOpen.size() - 32; ++cut)  // cut inside the header/name/id length
            QVERIFY2(!decodeFrames(kOpen.left(cut)) || cut >= 4, qPrintable(QString::number(cut)));
        QVERIFY(!decodeFrames(QByteArray::fromHex("0001")));                            // open without fields
        QVERIFY(!decodeFrames(QByteArray::fromHex("000001ff")));                        // varint cut short
        QVERIFY(!decodeFrames(QByteArray::fromHex("0000010a00")));                      // entry past the end
        QVERIFY(!decodeFrames(QByteArray::fromHex("00000102000001")));                  // batch in a batch
        QVERIFY(!decodeFrames(QByteArray::fromHex("000101fe") + QByteArray(8, 'x')));   // name length lies
        QVERIFY(!decodeBlindRelayPair(QByteArray::fromHex("01") + QByteArray(31, 0)));  // short token
        QVERIFY(!decodeBlindRelayPair(QByteArray::fromHex("00") + QByteArray(32, 0) +
                                      QByteArray::fromHex("ff000000000100000000")));  // id above 32 bits
    }
};

QTEST_GUILESS_MAIN(TestProtomuxWire)
#include "test_protomux_wire.moc"
