// Fuzz target: a live sync session's receive path (core/sync/SyncSession.cpp), beyond the message
// decoder that fuzz_sync_message covers: the state machine (Hello/proof, Status, CatchUp, Ops merged
// into a real Store, Ack matching, Idle, Bye), PluresDB 2.x JSON lines when legacy JSON is on, and
// what it does to the store. The input is what a peer sends on an authenticated stream:
//   byte 0: bit 0 = the harness first sends a valid Hello (right key proof), so the fuzzer works on
//           a proven peer; bit 1 = legacy JSON on; bit 2 = the store has records before;
//           bit 3 = we are the initiator;
//   byte 1: the chunk size the rest is delivered in (1..256), so frames straddle reads;
//   rest:   the peer's bytes.
// A fresh store per input (in /dev/shm). Invariants: no crash, no hang, and afterwards the store's
// incremental digest equals a full recomputation (whatever was merged was merged consistently).
// PLURESDB_FUZZ_WRITE_SEEDS=DIR writes the seed corpus (valid conversations) and exits.
#include "core/store/Store.h"
#include "core/sync/SyncNode.h"
#include "core/sync/SyncProtocol.h"
#include "core/sync/SyncSession.h"
#include "tests/unit/secretstream/MemoryPipe.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

using namespace pluresdb;

namespace {
const QString kKeyHex = QStringLiteral("5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed");
const QByteArray kHandshakeHash(64, '\x11');
const QByteArray kLocalKey(32, '\x22');
const QByteArray kRemoteKey(32, '\x33');

QString tempRoot() {
    return QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
}

void drain() {
    for (int i = 0; i < 4; ++i) {
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

QByteArray validHello() {
    sync::HelloMsg h;
    h.proof = sync::computeProof(QByteArray::fromHex(kKeyHex.toLatin1()), kHandshakeHash, kRemoteKey);
    return sync::encodeMessage(h);
}

store::Op op(const store::SiteId& site, uint64_t seq, const QString& id, store::OpKind kind,
             const QJsonObject& fields) {
    store::Op o;
    o.origin = site;
    o.seq = seq;
    o.hlc = store::Hlc{1700000000000 + int64_t(seq), 0, site};
    o.recordId = id;
    o.kind = kind;
    o.fields = fields;
    return o;
}

QByteArray opsFrame(uint64_t batch, const std::vector<store::Op>& ops) {
    encoding::Encoder enc;
    for (const auto& o : ops)
        sync::encodeOp(enc, o);
    return sync::encodeOpsFrame(batch, ops.size(), enc.bytes());
}

void writeSeeds(const QString& dir) {
    QDir().mkpath(dir);
    auto put = [&](const QString& name, uint8_t mode, uint8_t chunk, const QByteArray& body) {
        QFile f(QDir(dir).filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            std::abort();
        f.write(QByteArray(1, char(mode)) + QByteArray(1, char(chunk)) + body);
    };
    store::SiteId site{};
    site.fill(0x44);
    const sync::StatusMsg status{site, {{site, 3}}, store::Digest{}};
    const QByteArray statusF = sync::encodeMessage(status);
    const QByteArray ops1 =
        opsFrame(1, {op(site, 1, "a", store::OpKind::Put, {{"x", 1}}),
                     op(site, 2, "b", store::OpKind::Put, {{"y", "two"}, {"z", QJsonArray{1}}}),
                     op(site, 3, "a", store::OpKind::Delete, {})});
    const QByteArray ops2 = opsFrame(2, {op(site, 5, "gap", store::OpKind::Put, {{"g", true}}),
                                         op(site, 4, "c", store::OpKind::Put, {{"n", QJsonValue::Null}})});
    const QByteArray catchUp = sync::encodeMessage(sync::CatchUpMsg{5, 400});
    const QByteArray idle = sync::encodeMessage(sync::IdleMsg{store::Digest{}, {{site, 5}}});
    const QByteArray ack = sync::encodeMessage(sync::AckMsg{1, 3});
    const QByteArray bye = sync::encodeMessage(sync::ByeMsg{QStringLiteral("bye")});
    put("proven_status_ops", 0x01, 64, statusF + catchUp + ops1 + ops2 + idle);
    put("proven_status_ops_store", 0x05, 7, statusF + ops1 + ack + idle + bye);
    put("proven_initiator", 0x09, 255, statusF + ops2 + ops1);
    put("proven_replay", 0x01, 1, statusF + ops1 + ops1 + ops1);
    put("unproven_hello", 0x00, 32, validHello() + statusF + ops1);
    put("unproven_ops", 0x00, 16, ops1);
    put("wrong_proof", 0x00, 200, sync::encodeMessage(sync::HelloMsg{1, QByteArray(32, '\x01')}) + statusF);
    put("second_hello", 0x01, 50, validHello() + statusF);
    put("oversized", 0x01, 4, QByteArray::fromHex("04ffffff"));
    put("json", 0x02, 40,
        R"({"type":"sync_request","originId":"peer"})"
        "\n"
        R"({"type":"put","originId":"peer","node":{"id":"j","data":{"w":2},"timestamp":1700000000000,)"
        R"("state":{"w":1700000000000},"vectorClock":{}}})"
        "\n"
        R"({"type":"delete","originId":"peer","id":"j"})"
        "\n");
    put("json_store", 0x06, 3,
        R"({"type":"sync_request","originId":"p"})"
        "\nnot json\n");
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static int argc = 1;
    static char name[] = "fuzz_sync_session";
    static char* argv[] = {name, nullptr};
    static QCoreApplication* app = [] {
        auto* a = new QCoreApplication(argc, argv);
        if (const QByteArray out = qgetenv("PLURESDB_FUZZ_WRITE_SEEDS"); !out.isEmpty()) {
            writeSeeds(QString::fromLocal8Bit(out));
            std::exit(0);
        }
        return a;
    }();
    (void)app;
    static QTemporaryDir root(tempRoot() + QStringLiteral("/fuzz-session-XXXXXX"));
    if (size > 256 * 1024)
        return 0;
    const uint8_t mode = size > 0 ? data[0] : 0;
    const int chunk = size > 1 ? 1 + data[1] : 64;
    const QByteArray rest(reinterpret_cast<const char*>(data) + std::min<size_t>(size, 2),
                          static_cast<qsizetype>(size > 2 ? size - 2 : 0));

    const QString dir = root.path() + QStringLiteral("/db");
    store::Store::Options so;
    so.durability = store::Store::Durability::Normal;
    // Two template databases (empty; with records), made once and copied per input: the same
    // site id every time (reproducible), and no schema creation per input (speed).
    static QByteArray templates[2];
    if (templates[0].isEmpty()) {
        for (int i = 0; i < 2; ++i) {
            const QString tdir = root.path() + QStringLiteral("/template%1").arg(i);
            {
                auto ts = store::Store::open(tdir, so);
                if (!ts)
                    std::abort();
                if (i == 1) {
                    (void)(*ts)->put(QStringLiteral("a"), {{"x", 0}, {"keep", "me"}});
                    (void)(*ts)->put(QStringLiteral("local"), {{"l", 1}});
                }
            }  // closed: the file holds everything (no WAL)
            QFile f(store::Store::databasePath(tdir));
            if (!f.open(QIODevice::ReadOnly))
                std::abort();
            templates[i] = f.readAll();
        }
    }
    const QByteArray& base = templates[(mode & 4) ? 1 : 0];
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    {
        QFile f(store::Store::databasePath(dir));
        if (!f.open(QIODevice::WriteOnly) || f.write(base) != base.size())
            std::abort();
    }
    auto st = store::Store::open(dir, so);
    if (!st)
        std::abort();
    {
        sync::SyncNode::Options o;
        o.legacyJson = (mode & 2) != 0;
        o.legacyFirstByteWaitMs = 0;
        auto node = sync::SyncNode::create(**st, kKeyHex, o);
        if (!node)
            std::abort();
        auto* ours = new test::PipeEnd;
        auto* theirs = new test::PipeEnd;
        test::PipeEnd::link(ours, theirs);
        sync::PeerAuth auth;
        auth.handshakeHash = kHandshakeHash;
        auth.localPublicKey = kLocalKey;
        auth.remotePublicKey = kRemoteKey;
        auth.initiator = (mode & 8) != 0;
        (*node)->addStream(ours, auth);
        drain();
        if (mode & 1)
            theirs->write(validHello());
        drain();
        for (qsizetype pos = 0; pos < rest.size(); pos += chunk) {
            theirs->write(rest.mid(pos, chunk));
            drain();
        }
        if (mode & 4)
            (void)(*node)->write({store::LocalWrite{QStringLiteral("late"), store::OpKind::Put, {{"t", 1}}}});
        drain();
        theirs->destroy(QStringLiteral("fuzz input done"));
        drain();
        delete theirs;
        drain();
    }
    drain();
    auto full = (*st)->recomputeDigest();
    if (!full || *full != (*st)->digest())
        std::abort();
    return 0;
}
