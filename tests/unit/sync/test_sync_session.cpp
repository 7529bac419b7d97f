// SyncSession and SyncNode over in-memory secret-streams between real Stores: convergence of 2
// and 3 nodes (a bridging node), concurrent conflicting writes, field and record deletes, a node
// that was offline and rejoins, a wrong key refused with nothing applied and nothing sent, stats
// that add up at both ends, and hostile input (future clocks, malformed frames, unknown types,
// oversized batches) -> an event, no crash, nothing lost.

#include "core/crypto/Ed25519.h"
#include "core/keys/SyncKey.h"
#include "core/sync/SyncProtocol.h"
#include "tests/unit/sync/SyncTestHarness.h"

#include <QJsonArray>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::test;

namespace {
constexpr int kWait = 30000;

QString keyA() {
    return QStringLiteral("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
}
QString keyB() {
    return QStringLiteral("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100");
}
}  // namespace

class TestSyncSession : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp{fastTempRoot()};
    int m_n = 0;
    QString dir() { return m_tmp.path() + QStringLiteral("/n%1").arg(++m_n); }

private slots:
    /// Two nodes with data on both sides converge; each emits peer:connected, then sync:complete
    /// once digests are equal; the figures one end sent are the ones the other received.
    void twoNodesConvergeAndStatsAddUp() {
        auto a = makePeer(dir(), keyA());
        auto b = makePeer(dir(), keyA());
        for (int i = 0; i < 300; ++i)
            QVERIFY(a->put(QStringLiteral("a%1").arg(i), {{"n", i}, {"side", "a"}}));
        for (int i = 0; i < 200; ++i)
            QVERIFY(b->put(QStringLiteral("b%1").arg(i), {{"n", i}}));
        linkPeers(*a, *b);
        QTRY_VERIFY_WITH_TIMEOUT(a->completes >= 1 && b->completes >= 1, kWait);
        QCOMPARE(a->digest(), b->digest());
        QCOMPARE(a->store->list()->size(), size_t(500));
        QCOMPARE(a->events.first(), QStringLiteral("connected"));
        QCOMPARE(b->events.first(), QStringLiteral("connected"));
        // Quiescent: the counters at both ends agree.
        QTRY_VERIFY_WITH_TIMEOUT(a->node->totals().messagesSent == b->node->totals().messagesReceived &&
                                     b->node->totals().messagesSent == a->node->totals().messagesReceived,
                                 kWait);
        const auto sa = a->node->totals();
        const auto sb = b->node->totals();
        QCOMPARE(sa.bytesSent, sb.bytesReceived);
        QCOMPARE(sb.bytesSent, sa.bytesReceived);
        QCOMPARE(sa.opsSent, quint64(300));
        QCOMPARE(sb.opsReceived, quint64(300));
        QCOMPARE(sb.opsApplied, quint64(300));
        QCOMPARE(sb.opsSent, quint64(200));
        QCOMPARE(sa.opsReceived, quint64(200));
        // Live ops after catch-up, traced at both ends with peer and clock.
        a->node->setTracing(true);
        b->node->setTracing(true);
        QList<std::tuple<bool, quint64, store::Hlc, QString>> traceA, traceB;
        QObject::connect(a->node.get(), &sync::SyncNode::opTraced, a->node.get(),
                         [&](const QString&, bool out, const store::SiteId&, quint64 seq, const store::Hlc& h,
                             const QString& id) {
                             traceA.append({out, seq, h, id});
                         });
        QObject::connect(b->node.get(), &sync::SyncNode::opTraced, b->node.get(),
                         [&](const QString&, bool out, const store::SiteId&, quint64 seq, const store::Hlc& h,
                             const QString& id) {
                             traceB.append({out, seq, h, id});
                         });
        QVERIFY(a->put(QStringLiteral("live"), {{"x", 1}}));
        QTRY_COMPARE_WITH_TIMEOUT(b->get(QStringLiteral("live")).value("x").toInt(), 1, kWait);
        QCOMPARE(traceA.size(), 1);
        QCOMPARE(traceB.size(), 1);
        QVERIFY(std::get<0>(traceA.first()) && !std::get<0>(traceB.first()));
        QCOMPARE(std::get<2>(traceA.first()), std::get<2>(traceB.first()));
        QCOMPARE(std::get<3>(traceB.first()), QStringLiteral("live"));
        QTRY_COMPARE_WITH_TIMEOUT(a->digest(), b->digest(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(a->node->peers().front().inSync && b->node->peers().front().inSync, kWait);
    }

    /// Concurrent writes of the same fields on both sides, a field delete and a record delete:
    /// both ends settle on the same winners (greatest HLC) and equal digests.
    void concurrentConflictsAndDeletes() {
        FakeWallClock ca(1'700'000'000'000), cb(1'700'000'000'000);
        auto a = makePeer(dir(), keyA(), false, &ca);
        auto b = makePeer(dir(), keyA(), false, &cb);
        QVERIFY(a->put("r", {{"f", "a1"}, {"g", "a"}, {"keep", 1}}));
        QVERIFY(a->put("gone", {{"v", 1}}));
        cb.advance(5);  // b writes later: its f wins
        QVERIFY(b->put("r", {{"f", "b1"}}));
        auto link = linkPeers(*a, *b);
        QTRY_VERIFY_WITH_TIMEOUT(a->completes >= 1 && b->completes >= 1, kWait);
        QCOMPARE(a->get("r").value("f").toString(), QStringLiteral("b1"));
        QCOMPARE(b->get("r").value("g").toString(), QStringLiteral("a"));
        // What each writer overwrote travels with its op, so both ends mark f as a conflict (a1 and
        // b1 written without knowledge of each other) and g as not one.
        for (auto* peer : {a.get(), b.get()}) {
            auto history = peer->store->fieldHistory(QStringLiteral("r"));
            QVERIFY(history.ok());
            bool sawF = false;
            for (const auto& f : history->fields) {
                if (f.name == QStringLiteral("f")) {
                    sawF = true;
                    QCOMPARE(int(f.writes.size()), 2);
                    QVERIFY(f.writes[0].causalityKnown && f.writes[1].causalityKnown);
                    QVERIFY(f.hasConflict());
                } else if (f.name == QStringLiteral("g")) {
                    QVERIFY(!f.hasConflict());
                }
            }
            QVERIFY(sawF);
        }
        // Field delete on b, record delete on a, concurrent.
        ca.advance(100);
        cb.advance(100);
        QVERIFY(b->put("r", {{"g", QJsonValue::Null}}));
        QVERIFY(a->remove("gone"));
        QTRY_VERIFY_WITH_TIMEOUT(!a->get("r").contains("g") && b->get("gone").isEmpty(), kWait);
        QVERIFY(!b->store->get("gone")->has_value());
        QCOMPARE(a->get("r").value("keep").toInt(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(a->digest(), b->digest(), kWait);
        link.cut();
    }

    /// A chain A - B - C: B bridges, so writes at A reach C and writes at C reach A; a node that
    /// was offline (C) during writes catches up when it rejoins.
    void threeNodesBridgeAndOfflineRejoin() {
        auto a = makePeer(dir(), keyA());
        auto b = makePeer(dir(), keyA());
        auto c = makePeer(dir(), keyA());
        linkPeers(*a, *b);
        auto bc = linkPeers(*b, *c);
        QVERIFY(a->put("fromA", {{"v", "a"}}));
        QVERIFY(c->put("fromC", {{"v", "c"}}));
        QTRY_VERIFY_WITH_TIMEOUT(c->get("fromA").value("v") == "a" && a->get("fromC").value("v") == "c",
                                 kWait);
        QTRY_VERIFY_WITH_TIMEOUT(a->digest() == c->digest() && b->digest() == c->digest(), kWait);
        // C goes offline; A and B write; C wrote too meanwhile.
        bc.cut();
        QTRY_VERIFY_WITH_TIMEOUT(c->node->connectedPeers() == 0 && b->node->connectedPeers() == 1, kWait);
        QVERIFY(c->events.contains(QStringLiteral("disconnected")));
        for (int i = 0; i < 50; ++i)
            QVERIFY(a->put(QStringLiteral("while%1").arg(i), {{"i", i}}));
        QVERIFY(b->remove("fromA"));
        QVERIFY(c->put("offline", {{"v", 1}}));
        QTRY_COMPARE_WITH_TIMEOUT(a->digest(), b->digest(), kWait);
        QVERIFY(a->digest() != c->digest());
        linkPeers(*c, *b);  // rejoin, this time C dials
        QTRY_VERIFY_WITH_TIMEOUT(a->digest() == c->digest() && b->digest() == c->digest(), kWait);
        QCOMPARE(c->store->list()->size(), size_t(52));  // fromC, offline, 50 x while
        QVERIFY(!c->store->get("fromA")->has_value());
        QCOMPARE(a->get("offline").value("v").toInt(), 1);
    }

    /// A peer with another key: both ends refuse (event), nothing is applied at either end, and
    /// nothing but the Hello (our proof) was sent; the refused key is not accepted again.
    void wrongKeyRefusedNothingSent() {
        auto a = makePeer(dir(), keyA());
        auto x = makePeer(dir(), keyB());
        QVERIFY(a->put("secret", {{"v", "a"}}));
        QVERIFY(x->put("intruder", {{"v", "x"}}));
        const QString da = a->digest();
        const QString dx = x->digest();
        auto link = linkPeers(*a, *x);
        QTRY_VERIFY_WITH_TIMEOUT(
            !a->events.filter("refused:").isEmpty() && !x->events.filter("refused:").isEmpty(), kWait);
        QVERIFY(a->events.filter("refused:").first().contains("proof"));
        QTRY_VERIFY_WITH_TIMEOUT(a->node->peers().empty() && x->node->peers().empty(), kWait);
        QCOMPARE(a->digest(), da);
        QCOMPARE(x->digest(), dx);
        QVERIFY(!a->events.contains("connected"));
        const auto ta = a->node->totals();
        QCOMPARE(ta.messagesSent, quint64(1));  // the Hello only
        QCOMPARE(ta.opsSent, quint64(0));
        QCOMPARE(ta.opsApplied, quint64(0));
        QVERIFY(a->store->list()->size() == 1 && !a->store->get("intruder")->has_value());
        // Every frame that crossed the wire was one Hello each way.
        if (link.a)
            for (const QByteArray& chunk : link.a->written())
                QVERIFY(chunk.size() < 200);
    }

    /// A batch whose ops carry a clock hours ahead of ours: those ops are refused with an event,
    /// the honest ones of the same batch are kept, and the session stays up.
    void futureClockOpsRejected() {
        FakeWallClock clock(1'700'000'000'000);
        auto a = makePeer(dir(), keyA(), false, &clock);
        auto b = makePeer(dir(), keyA());  // b's clock is the real one: years after a's
        QVERIFY(b->put("fromTheFuture", {{"v", 1}}));
        linkPeers(*a, *b);
        QTRY_VERIFY_WITH_TIMEOUT(!a->events.filter("ahead of ours").isEmpty(), kWait);
        QVERIFY(!a->store->get("fromTheFuture")->has_value());
        QCOMPARE(a->node->totals().opsRejected, quint64(1));
        QVERIFY(a->node->connectedPeers() == 1);
        // a's own writes still reach b.
        QVERIFY(a->put("mine", {{"v", 2}}));
        QTRY_COMPARE_WITH_TIMEOUT(b->get("mine").value("v").toInt(), 2, kWait);
        // Time passes at a: the op becomes acceptable on the next connection.
    }

    /// After the proofs, malformed frames, unknown message types and oversized batches from a
    /// peer holding the key end that session with an error event; the store is intact.
    void hostileFramesAfterProof() {
        const QList<QByteArray> attacks = {
            QByteArray::fromHex("6301000000"),      // unknown type 0x63
            QByteArray::fromHex("0403000001ff7f"),  // Ops: truncated
            QByteArray::fromHex("04ffffff"),        // oversized frame header (16 MiB)
        };
        for (const QByteArray& attack : attacks) {
            auto a = makePeer(dir(), keyA());
            QVERIFY(a->put("keep", {{"v", 1}}));
            const QString before = a->digest();
            // The attacker: a raw SecretStream with the right key, speaking by hand.
            auto* pa = new PipeEnd;
            auto* pb = new PipeEnd;
            PipeEnd::link(pa, pb);
            transport::secretstream::SecretStreamOptions oa, ob;
            oa.isInitiator = true;
            ob.isInitiator = false;
            auto* evil = new transport::secretstream::SecretStream(pa, std::move(oa));
            auto* sb = new transport::secretstream::SecretStream(pb, std::move(ob));
            a->node->addSecretStream(sb);
            bool sentAttack = false;
            QObject::connect(evil, &transport::ByteStream::connected, evil, [&] {
                const QByteArray key = QByteArray::fromHex(keyA().toLatin1());
                sync::HelloMsg h;
                h.proof = sync::computeProof(key, evil->handshakeHash(), evil->publicKey());
                evil->write(sync::encodeMessage(h));
                evil->write(sync::encodeMessage(sync::StatusMsg{}));
                evil->write(attack);
                sentAttack = true;
            });
            evil->start();
            sb->start();
            QTRY_VERIFY_WITH_TIMEOUT(sentAttack, kWait);
            QTRY_VERIFY_WITH_TIMEOUT(!a->events.filter("error:").isEmpty(), kWait);
            QTRY_VERIFY_WITH_TIMEOUT(a->events.contains("disconnected"), kWait);
            QCOMPARE(a->digest(), before);
            QCOMPARE(a->get("keep").value("v").toInt(), 1);
            delete evil;
        }
    }

    /// An Ops batch with more ops than the protocol allows is an error (and decodes to nothing).
    void oversizedBatchRejected() {
        encoding::Encoder enc;
        store::Op op;
        op.origin = store::randomSiteId();
        op.hlc.site = op.origin;
        op.recordId = "x";
        for (uint64_t i = 1; i <= sync::kMaxBatchOps + 1; ++i) {
            op.seq = i;
            sync::encodeOp(enc, op);
        }
        const QByteArray frame = sync::encodeOpsFrame(1, sync::kMaxBatchOps + 1, enc.bytes());
        auto m = sync::decodeMessage(frame[0], frame.mid(sync::kFrameHeaderBytes));
        QVERIFY(!m);
        QVERIFY(m.errorMessage().contains("oversized batch"));
    }

    /// Records at the size limit (4 MiB of fields, 1 KiB id) travel too: a batch is closed before
    /// an op that would push its frame over the protocol's frame limit (8 MiB).
    void largestRecordsFitInFrames() {
        auto a = makePeer(dir(), keyA());
        auto b = makePeer(dir(), keyA());
        // First an op just under the batch target (so the batch is still open), then the largest op.
        const QString nearTarget(int(sync::kBatchTargetBytes) - 200, QLatin1Char('y'));
        const QString largest(4 * 1024 * 1024 - 32, QLatin1Char('z'));
        const QString longId(1000, QLatin1Char('i'));
        QVERIFY(a->put("near", {{"v", nearTarget}}));
        QVERIFY(a->put(longId, {{"v", largest}}));
        QVERIFY(a->put("after", {{"v", 1}}));
        linkPeers(*a, *b);
        QTRY_VERIFY_WITH_TIMEOUT(b->completes >= 1, kWait);
        QCOMPARE(a->digest(), b->digest());
        QCOMPARE(b->get(longId).value("v").toString().size(), largest.size());
        QVERIFY2(b->events.filter("error:").isEmpty(), qPrintable(b->events.join(",")));
    }

    /// A large catch-up announces its total and reports progress up to it.
    void progressOfLargeCatchUp() {
        auto a = makePeer(dir(), keyA());
        auto b = makePeer(dir(), keyA());
        std::vector<store::LocalWrite> batch;
        for (int i = 0; i < 20000; ++i)
            batch.push_back(
                {QStringLiteral("k%1").arg(i), store::OpKind::Put, {{"payload", QString(150, 'x')}}});
        QVERIFY(a->node->write(batch));
        QList<sync::SyncProgress> seen;
        QObject::connect(b->node.get(), &sync::SyncNode::progress, b->node.get(),
                         [&](const sync::PeerInfo& p) { seen << p.progress; });
        linkPeers(*a, *b);
        QTRY_VERIFY_WITH_TIMEOUT(b->completes >= 1, kWait);
        QVERIFY(seen.size() >= 3);
        QCOMPARE(seen.first().opsTotal, quint64(20000));
        QCOMPARE(seen.first().opsDone, quint64(0));
        QVERIFY(seen.first().bytesTotal > 20000 * 150);
        QCOMPARE(seen.last().opsDone, quint64(20000));
        QCOMPARE(a->digest(), b->digest());
    }
};

QTEST_GUILESS_MAIN(TestSyncSession)
#include "test_sync_session.moc"
