// Hostile peers (issue #11): a `pluresdb-cli sync` node A serves the WebSocket mesh; an honest node B
// syncs with it; test peers (HostilePeer.h: real WebSocket + real secret-stream) attack A with
// garbage before any handshake, oversized WebSocket frames, wrong key proofs, messages before the
// proof, oversized sync frames, unknown messages, acks of batches never sent, replays of A's own
// ops, forged rewrites of existing ops, floods of valid and of invalid ops, and a storm of
// connections. After each attack: A is still up and answers commands, the attacker was dropped
// (connection closed; a wrong key proof also bans its public key for the node's lifetime), nothing
// it forged is visible, and A and B still converge on new writes.
//
// How A drops peers (README "Reliability"): a Noise/secret-stream failure closes the connection;
// a wrong or missing key proof closes it with an "error" event of kind "refused" and bans the key
// (a later connection with that key is closed at once); a protocol error from a key holder closes
// the session with a Bye and an "error" event; an individually bad op is refused with an event and
// the rest of its batch is kept.

#include "tests/reliability/CliDriver.h"
#include "tests/reliability/HostilePeer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::test;

namespace {
const QString kKey = QStringLiteral("feedbeeffeedbeeffeedbeeffeedbeeffeedbeeffeedbeeffeedbeeffeedbeef");
const QString kWrongKey = QStringLiteral("0000000000000000000000000000000000000000000000000000000000000001");

QByteArray keyBytes(const QString& hex) {
    return QByteArray::fromHex(hex.toLatin1());
}

QByteArray randomBytes(int n) {
    QByteArray b(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        b[i] = static_cast<char>(QRandomGenerator::global()->generate() & 0xff);
    return b;
}

store::Op makeOp(const store::SiteId& site, uint64_t seq, const QString& id, const QJsonObject& fields) {
    store::Op op;
    op.origin = site;
    op.seq = seq;
    op.hlc = store::Hlc{QDateTime::currentMSecsSinceEpoch(), 0, site};
    op.recordId = id;
    op.kind = store::OpKind::Put;
    op.fields = fields;
    return op;
}

QByteArray opsFrame(uint64_t batch, const std::vector<store::Op>& ops) {
    encoding::Encoder enc;
    for (const auto& op : ops)
        sync::encodeOp(enc, op);
    return sync::encodeOpsFrame(batch, ops.size(), enc.bytes());
}
}  // namespace

class TestHostilePeers : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp{fastTempRoot()};
    CliDriver a, b;
    QUrl url;
    int probe = 0;

    // A answers, and a write on each side reaches the other.
    bool honestStillConverge() {
        if (!a.running() || !b.running())
            return false;
        ++probe;
        if (!a.call({{"op", "put"},
                     {"id", QStringLiteral("a-probe%1").arg(probe)},
                     {"data", QJsonObject{{"p", probe}}}})
                 .isObject())
            return false;
        if (!b.call({{"op", "put"},
                     {"id", QStringLiteral("b-probe%1").arg(probe)},
                     {"data", QJsonObject{{"p", probe}}}})
                 .isObject())
            return false;
        return QTest::qWaitFor(
            [&] {
                const QString da = a.digest();
                return !da.isEmpty() && da == b.digest() &&
                       b.call({{"op", "get"}, {"id", QStringLiteral("a-probe%1").arg(probe)}}).isObject();
            },
            120000);
    }
    int refusedEvents() {
        a.pump();
        int n = 0;
        for (const auto& e : a.events())
            n += e.value("event") == "error" && e.value("kind") == "refused";
        return n;
    }
    bool aHasError(const QString& needle) {
        a.pump();
        for (const auto& e : a.events())
            if (e.value("event") == "error" && e.value("message").toString().contains(needle))
                return true;
        return false;
    }
    // A key holder that proved the key and exchanged Status: ready to misbehave.
    std::unique_ptr<HostilePeer> provenPeer() {
        auto p = std::make_unique<HostilePeer>(url, HostilePeer::Mode::Secure);
        HostilePeer* raw = p.get();
        p->onOpen = [](HostilePeer& h) { h.sendHello(keyBytes(kKey)); };
        p->onMessage = [raw](HostilePeer&, const sync::Message& m) {
            if (std::holds_alternative<sync::StatusMsg>(m))
                raw->send(sync::encodeMessage(sync::StatusMsg{store::randomSiteId(), {}, {}}));
        };
        if (!QTest::qWaitFor([&] { return raw->count<sync::StatusMsg>() > 0 || raw->isClosed(); }, 60000) ||
            raw->isClosed())
            return nullptr;
        return p;
    }

private slots:
    void initTestCase() {
        QVERIFY(a.start(m_tmp.path() + "/A", kKey, {"--serve-ws", "127.0.0.1:0"}));
        url = QUrl(a.listening("ws"));
        QVERIFY(url.isValid());
        QVERIFY(b.start(m_tmp.path() + "/B", kKey, {"--connect-ws", url.toString()}));
        for (int i = 0; i < 50; ++i)
            a.sendPut(QStringLiteral("seed%1").arg(i), {{"i", i}, {"from", "A"}});
        QVERIFY(honestStillConverge());
    }

    /// No handshake at all: random binary frames, a WebSocket frame larger than the mesh allows,
    /// text that is not JSON. Every connection is closed; A stays up.
    void garbageBeforeHandshake() {
        std::vector<std::unique_ptr<HostilePeer>> peers;
        for (int i = 0; i < 12; ++i) {
            auto p = std::make_unique<HostilePeer>(url, HostilePeer::Mode::Raw);
            p->onOpen = [i](HostilePeer& h) {
                if (i == 0)
                    h.send(QByteArray(20 * 1024 * 1024, 'x'));  // beyond the 17 MiB frame limit
                else if (i == 1)
                    h.sendText(QStringLiteral("hello, this is not JSON\n"));
                else if (i == 2)
                    h.send(QByteArray::fromHex("ffffff7f") + randomBytes(64));  // a huge Noise length
                else
                    for (int k = 0; k < 5; ++k)
                        h.send(randomBytes(1 + int(QRandomGenerator::global()->bounded(4096))));
            };
            peers.push_back(std::move(p));
        }
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         a.pump();
                         return std::all_of(peers.begin(), peers.end(),
                                            [](auto& p) { return p->isClosed(); });
                     },
                     60000),
                 "A kept a garbage connection open");
        QVERIFY(honestStillConverge());
    }

    /// Wrong key proof: refused with an event, connection closed, and the key is banned: the same
    /// key pair connecting again is closed at once, before any sync message.
    void wrongKeyProofBanned() {
        const int before = refusedEvents();
        const crypto::KeyPair kp = crypto::generateKeyPair();
        auto p = std::make_unique<HostilePeer>(url, HostilePeer::Mode::Secure, kp);
        p->onOpen = [](HostilePeer& h) { h.sendHello(keyBytes(kWrongKey)); };
        QVERIFY(QTest::qWaitFor([&] { return p->isClosed(); }, 60000));
        QVERIFY(QTest::qWaitFor([&] { return refusedEvents() > before; }, 30000));
        QCOMPARE(p->count<sync::StatusMsg>(), 0);
        QCOMPARE(p->count<sync::OpsMsg>(), 0);

        auto again = std::make_unique<HostilePeer>(url, HostilePeer::Mode::Secure, kp);
        again->onOpen = [](HostilePeer& h) { h.sendHello(keyBytes(kKey)); };  // even with the right key now
        QVERIFY(QTest::qWaitFor([&] { return again->isClosed(); }, 60000));
        QVERIFY(aHasError("failed the key proof before"));
        QCOMPARE(again->count<sync::StatusMsg>(), 0);
        QCOMPARE(again->count<sync::OpsMsg>(), 0);
        QVERIFY(honestStillConverge());
    }

    /// Before the proof: an Ops frame instead of Hello, an oversized Hello, garbage: refused, and
    /// nothing but A's Hello comes back.
    void messagesBeforeProof() {
        const QList<QByteArray> attacks{
            opsFrame(1, {makeOp(store::randomSiteId(), 1, "sneaky", {{"x", 1}})}),
            QByteArray::fromHex("01ffff0f") + randomBytes(100),  // Hello announcing ~1 MiB
            randomBytes(300),
        };
        for (const QByteArray& bytes : attacks) {
            const int before = refusedEvents();
            auto p = std::make_unique<HostilePeer>(url, HostilePeer::Mode::Secure);
            p->onOpen = [bytes](HostilePeer& h) { h.send(bytes); };
            QVERIFY(QTest::qWaitFor([&] { return p->isClosed(); }, 60000));
            QVERIFY(QTest::qWaitFor([&] { return refusedEvents() > before; }, 30000));
            QCOMPARE(p->count<sync::StatusMsg>(), 0);
            QCOMPARE(p->count<sync::OpsMsg>(), 0);
        }
        QVERIFY(a.call({{"op", "get"}, {"id", "sneaky"}}).isNull());
        QVERIFY(honestStillConverge());
    }

    /// A key holder gone bad: an oversized sync frame, an unknown message type, a malformed Ops
    /// payload, an ack for a batch never sent. Each closes the session with an error; A stays up.
    void keyHolderProtocolErrors() {
        const QList<QPair<QByteArray, QString>> attacks{
            {QByteArray::fromHex("04ffffff"), "oversized frame"},
            {QByteArray::fromHex("63000000"), "unknown"},
            {QByteArray::fromHex("04050000") + QByteArray::fromHex("01ffffffff"), ""},
            {sync::encodeMessage(sync::AckMsg{777, 1}), "acknowledgement of batch 777"},
        };
        for (const auto& [bytes, needle] : attacks) {
            auto p = provenPeer();
            QVERIFY(p);
            p->send(bytes);
            QVERIFY2(QTest::qWaitFor([&] { return p->isClosed(); }, 60000), qPrintable(needle));
            if (!needle.isEmpty())
                QVERIFY2(QTest::qWaitFor([&] { return aHasError(needle); }, 30000), qPrintable(needle));
        }
        QVERIFY(honestStillConverge());
    }

    /// Replays of A's own ops (received in catch-up) and forged rewrites of them (same origin and
    /// seq, other content): acknowledged as duplicates, nothing changes anywhere.
    void replaysAndForgeriesChangeNothing() {
        auto p = provenPeer();
        QVERIFY(p);
        std::vector<store::Op> seen;
        p->onMessage = [&](HostilePeer& h, const sync::Message& m) {
            if (auto* o = std::get_if<sync::OpsMsg>(&m)) {
                seen.insert(seen.end(), o->ops.begin(), o->ops.end());
                h.send(sync::encodeMessage(sync::AckMsg{o->batch, o->ops.size()}));
            }
        };
        // Ops already received before onMessage was replaced are acked by nobody: take them too.
        for (const auto& m : p->received())
            if (auto* o = std::get_if<sync::OpsMsg>(&m)) {
                seen.insert(seen.end(), o->ops.begin(), o->ops.end());
                p->send(sync::encodeMessage(sync::AckMsg{o->batch, o->ops.size()}));
            }
        QVERIFY(QTest::qWaitFor([&] { return p->count<sync::IdleMsg>() > 0; }, 60000));  // catch-up done
        QVERIFY(seen.size() >= 50);
        const QString digestBefore = a.digest();
        const int acksBefore = p->count<sync::AckMsg>();
        uint64_t batch = 1;
        for (int round = 0; round < 5; ++round)
            p->send(opsFrame(batch++, seen));
        std::vector<store::Op> forged = seen;
        for (auto& op : forged) {
            op.fields = QJsonObject{{"forged", true}};
            op.kind = store::OpKind::Put;
            op.hlc.ms += 1000;  // newer, so it would win if it were applied
            op.prev.reset();
        }
        p->send(opsFrame(batch++, forged));
        QVERIFY(QTest::qWaitFor([&] { return p->count<sync::AckMsg>() >= acksBefore + 6 || p->isClosed(); },
                                60000));
        QVERIFY(!p->isClosed());
        for (const auto& m : p->received())
            if (auto* ack = std::get_if<sync::AckMsg>(&m))
                QCOMPARE(ack->applied, uint64_t(0));
        QCOMPARE(a.digest(), digestBefore);
        const QJsonValue seed0 = a.call({{"op", "get"}, {"id", "seed0"}});
        QVERIFY(!seed0.toObject().contains("forged"));
        QVERIFY(honestStillConverge());
        QVERIFY(!b.call({{"op", "get"}, {"id", "seed0"}}).toObject().contains("forged"));
    }

    /// Floods from a key holder: 20 batches of 1000 new ops sent without waiting for acks, then
    /// 5 batches of invalid ops. A keeps answering commands during the flood (latency measured),
    /// stores the valid ops, refuses the invalid ones op by op, and B ends up with everything.
    void floodsAreAbsorbed() {
        auto p = provenPeer();
        QVERIFY(p);
        p->onMessage = [](HostilePeer& h, const sync::Message& m) {
            if (auto* o = std::get_if<sync::OpsMsg>(&m))
                h.send(sync::encodeMessage(sync::AckMsg{o->batch, o->ops.size()}));
        };
        const store::SiteId site = store::randomSiteId();
        const int batches = longMode() ? 100 : 20, perBatch = 1000;
        uint64_t seq = 0;
        for (int bi = 0; bi < batches; ++bi) {
            std::vector<store::Op> ops;
            for (int i = 0; i < perBatch; ++i) {
                ++seq;
                ops.push_back(makeOp(site, seq, QStringLiteral("flood%1").arg(seq), {{"n", double(seq)}}));
            }
            p->send(opsFrame(uint64_t(bi + 1), ops));
        }
        const uint64_t lastValid = seq;
        // Ops that decode but no store may take: a clock two hours ahead, an id over the limit, a
        // field name over the limit. Each is refused with an event; the batch is acknowledged.
        for (int bi = 0; bi < 5; ++bi) {
            std::vector<store::Op> bad;
            for (int i = 0; i < 200; ++i) {
                ++seq;
                store::Op op = makeOp(site, seq, QStringLiteral("bad%1").arg(i), {{"x", 1}});
                if (i % 3 == 0)
                    op.hlc.ms += 2 * 3600 * 1000;
                else if (i % 3 == 1)
                    op.recordId = QString(2000, QChar('y'));
                else
                    op.fields = QJsonObject{{QString(2000, QChar('f')), 1}};
                bad.push_back(op);
            }
            p->send(opsFrame(uint64_t(batches + bi + 1), bad));
        }
        QElapsedTimer t;
        qint64 worst = 0;
        int answered = 0;
        while (p->count<sync::AckMsg>() < batches + 5 && !p->isClosed() && answered < 100000) {
            t.start();
            QVERIFY(!a.digest().isEmpty());
            worst = std::max(worst, t.elapsed());
            ++answered;
            QTest::qWait(50);
        }
        QCOMPARE(p->count<sync::AckMsg>(), batches + 5);
        QVERIFY(!p->isClosed());
        QCOMPARE(a.call({{"op", "get"}, {"id", QStringLiteral("flood%1").arg(lastValid)}})
                     .toObject()
                     .value("n")
                     .toDouble(),
                 double(lastValid));
        for (int i = 0; i < 3; ++i)
            QVERIFY(a.call({{"op", "get"}, {"id", QStringLiteral("bad%1").arg(i)}}).isNull());
        QVERIFY(honestStillConverge());
        QVERIFY(b.call({{"op", "get"}, {"id", QStringLiteral("flood%1").arg(lastValid)}}).isObject());
        QCOMPARE(b.call({{"op", "list"}}).toArray().size(), a.call({{"op", "list"}}).toArray().size());
        qInfo(
            "flood: %d ops in %d batches + 1000 invalid ops; A answered %d commands meanwhile, slowest %lld "
            "ms",
            batches * perBatch, batches, answered, static_cast<long long>(worst));
    }

    /// A storm of connections: 40 peers with random keys and wrong proofs plus 40 raw garbage
    /// connections at once. All are closed; A and B go on.
    void connectionStorm() {
        std::vector<std::unique_ptr<HostilePeer>> peers;
        for (int i = 0; i < 40; ++i) {
            auto s = std::make_unique<HostilePeer>(url, HostilePeer::Mode::Secure);
            s->onOpen = [](HostilePeer& h) { h.sendHello(randomBytes(32)); };
            peers.push_back(std::move(s));
            auto r = std::make_unique<HostilePeer>(url, HostilePeer::Mode::Raw);
            r->onOpen = [](HostilePeer& h) { h.send(randomBytes(200)); };
            peers.push_back(std::move(r));
        }
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         a.pump();
                         return std::all_of(peers.begin(), peers.end(),
                                            [](auto& p) { return p->isClosed(); });
                     },
                     120000),
                 "A kept a storm connection open");
        QVERIFY(honestStillConverge());
    }

    void cleanupTestCase() {
        QVERIFY(a.running());
        QVERIFY(b.running());
        QVERIFY(a.quit());
        QVERIFY(b.quit());
    }
};

QTEST_GUILESS_MAIN(TestHostilePeers)
#include "test_hostile_peers.moc"
