// The sync protocol's codec (SyncProtocol.h): every message round-trips; an Op round-trips through
// the one Op serialiser; frames split anywhere reassemble; malformed, truncated, unknown and
// oversized input is an error, never a crash; the key proof verifies only with the key, the
// handshake hash and the sender's public key it was made for.

#include "core/sync/SyncProtocol.h"

#include <QJsonArray>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::sync;

namespace {
store::Op sampleOp(uint64_t seq, store::OpKind kind = store::OpKind::Put) {
    store::Op op;
    op.origin = store::randomSiteId();
    op.seq = seq;
    op.hlc = store::Hlc{1'700'000'000'123, 7, op.origin};
    op.recordId = QStringLiteral("rec/é/%1").arg(seq);
    op.kind = kind;
    if (kind == store::OpKind::Put)
        op.fields =
            QJsonObject{{"a", 1}, {"b", "two"}, {"gone", QJsonValue::Null}, {"arr", QJsonArray{1, 2}}};
    return op;
}
}  // namespace

class TestSyncProtocol : public QObject {
    Q_OBJECT
private slots:
    /// Every message type encodes to one frame that decodes back to the same values.
    void messagesRoundTrip() {
        store::VersionVector vv{{store::randomSiteId(), 5}, {store::randomSiteId(), 1ULL << 40}};
        store::Digest d;
        d.bytes[0] = 9;
        const QList<Message> msgs = {HelloMsg{1, QByteArray(32, 'p')},
                                     StatusMsg{store::randomSiteId(), vv, d},
                                     CatchUpMsg{100000, 20000000},
                                     OpsMsg{42, {sampleOp(1), sampleOp(2, store::OpKind::Delete)}},
                                     AckMsg{42, 2},
                                     IdleMsg{d, vv},
                                     ByeMsg{QStringLiteral("bad things")}};
        for (const Message& m : msgs) {
            const QByteArray frame = encodeMessage(m);
            FrameReader r;
            r.append(frame);
            auto f = r.next();
            QVERIFY(f && f->has_value());
            auto back = decodeMessage((*f)->type, (*f)->payload);
            QVERIFY2(back, qPrintable(back ? QString() : back.errorMessage()));
            QCOMPARE(back->index(), m.index());
            QCOMPARE(encodeMessage(*back), frame);
        }
    }

    /// The one Op serialiser: all fields survive, including tombstones (null) and the clock.
    void opRoundTrip() {
        for (auto kind : {store::OpKind::Put, store::OpKind::Delete}) {
            const store::Op op = sampleOp(77, kind);
            encoding::Encoder enc;
            encodeOp(enc, op);
            QCOMPARE(encodedOpSize(op), enc.bytes().size());
            encoding::Decoder dec(enc.bytes());
            auto back = decodeOp(dec);
            QVERIFY(back);
            QCOMPARE(*back, op);
            QCOMPARE(dec.remaining(), 0);
        }
    }

    /// Frames arrive in any chunking; the reader hands out exactly the frames sent.
    void framesReassemble() {
        QByteArray wire;
        for (int i = 1; i <= 20; ++i)
            wire += encodeMessage(AckMsg{uint64_t(i), uint64_t(i)});
        for (int chunk : {1, 3, 7, 1000}) {
            FrameReader r;
            int got = 0;
            for (qsizetype off = 0; off < wire.size(); off += chunk) {
                r.append(wire.mid(off, chunk));
                for (;;) {
                    auto f = r.next();
                    QVERIFY(f);
                    if (!f->has_value())
                        break;
                    ++got;
                    auto m = decodeMessage((*f)->type, (*f)->payload);
                    QVERIFY(m);
                    QCOMPARE(std::get<AckMsg>(*m).batch, uint64_t(got));
                }
            }
            QCOMPARE(got, 20);
        }
    }

    /// Bad input: unknown type, truncation, trailing bytes, bad op kind, non-object fields, seq 0,
    /// oversized frame -> errors with a message.
    void badInputIsAnError() {
        QVERIFY(!decodeMessage(0x63, {}));
        QVERIFY(!decodeMessage(0, {}));
        const QByteArray hello = encodeMessage(HelloMsg{1, QByteArray(32, 'p')}).mid(kFrameHeaderBytes);
        QVERIFY(!decodeMessage(1, hello.left(10)));
        QVERIFY(!decodeMessage(1, hello + "x"));
        encoding::Encoder e;
        e.uint(1);
        e.arrayLength(1);
        store::Op op = sampleOp(1);
        encodeOp(e, op);
        QByteArray ops = e.take();
        QVERIFY(decodeMessage(4, ops));
        QByteArray badKind = ops;
        // The kind byte follows the record id; find it by re-encoding without fields.
        {
            encoding::Encoder h;
            h.uint(1);
            h.arrayLength(1);
            h.fixed(store::siteIdBytes(op.origin));
            h.uint(op.seq);
            h.uint(uint64_t(op.hlc.ms));
            h.uint(op.hlc.counter);
            h.string(op.recordId);
            badKind[h.bytes().size()] = 9;
        }
        QVERIFY(!decodeMessage(4, badKind));
        store::Op zero = sampleOp(1);
        zero.seq = 0;
        encoding::Encoder z;
        z.uint(1);
        z.arrayLength(1);
        encodeOp(z, zero);
        QVERIFY(!decodeMessage(4, z.bytes()));
        FrameReader r;
        r.append(QByteArray::fromHex("04ffffff"));
        QVERIFY(!r.next());
    }

    /// The proof binds key, handshake hash and the sender's public key.
    void proofOfKeyPossession() {
        const QByteArray key(32, 'k'), hash(64, 'h'), pub(32, 'p');
        const QByteArray proof = computeProof(key, hash, pub);
        QCOMPARE(proof.size(), kProofBytes);
        QVERIFY(verifyProof(key, hash, pub, proof));
        QVERIFY(!verifyProof(QByteArray(32, 'K'), hash, pub, proof));
        QVERIFY(!verifyProof(key, QByteArray(64, 'H'), pub, proof));
        QVERIFY(!verifyProof(key, hash, QByteArray(32, 'P'), proof));
        QVERIFY(!verifyProof(key, hash, pub, proof.left(31)));
    }
};

QTEST_GUILESS_MAIN(TestSyncProtocol)
#include "test_sync_protocol.moc"
