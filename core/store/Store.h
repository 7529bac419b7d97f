#pragma once

// The CRDT store on SQLite (ARCHITECTURE.md §4). One Store object is the single writer of one
// database; it is used by one thread at a time (the engine's worker thread in the app). Readers on
// other threads open their own Store in read-only mode (SQLite WAL lets them read while it writes).
//
// Data model: a record is an id and a JSON object. Every top-level field is a last-writer-wins
// register stamped with an HLC; a put overlays fields (null deletes one); deleting a record is a
// record-level tombstone that hides every field written before it. Each local change is an op in
// the op log under (origin site, seq); remote ops merge in batches and are idempotent.

#include "core/common/Result.h"
#include "core/store/Digest.h"
#include "core/store/History.h"
#include "core/store/Hlc.h"
#include "core/store/Op.h"
#include "core/store/RecordState.h"
#include "core/store/Sqlite.h"

#include <QHash>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace pluresdb::store {

struct LocalWrite {
    QString id;
    OpKind kind = OpKind::Put;
    QJsonObject fields;
};

struct MergeStats {
    int applied = 0;     // ops new to this replica
    int duplicates = 0;  // ops it already had
};

class Store {
public:
    enum class Access { ReadWrite, ReadOnly };
    // Full: every commit is fsynced (nothing acknowledged is lost, even on power loss).
    // Normal: a commit survives a crash of the process but not of the machine (WAL, no fsync per commit).
    enum class Durability { Full, Normal };

    struct Options {
        Access access = Access::ReadWrite;
        Durability durability = Durability::Full;
        const WallClock* clock = nullptr;  // null: the system clock
    };

    static constexpr const char* kFileName = "pluresdb.db";
    static QString databasePath(const QString& dir);

    // Opens (or, read-write, creates) the database in `dir`. Clear errors for a directory that is
    // missing or not writable, a file that is not a database, or a database that is not ours.
    static Result<std::unique_ptr<Store>> open(const QString& dir, const Options& options);
    static Result<std::unique_ptr<Store>> open(const QString& dir) { return open(dir, Options{}); }
    ~Store();

    // Local writes: each becomes an op; a batch is one transaction.
    Result<Op> put(const QString& id, const QJsonObject& fields);
    Result<Op> remove(const QString& id);
    Result<std::vector<Op>> write(const std::vector<LocalWrite>& batch);

    // Remote ops, in any order, with duplicates: one transaction per call.
    Result<MergeStats> merge(const std::vector<Op>& ops);
    // Whether `op` is acceptable at all (merge() refuses a batch holding one that is not). An op that
    // passes and still fails to merge failed for a reason of the store (I/O, a full disk, damage).
    static Result<void> checkRemoteOp(const Op& op);

    Result<std::optional<Record>> get(const QString& id);
    Result<std::vector<Record>> list(const QString& prefix = {});
    // At most `limit` records whose id starts with `prefix` and sorts after `after` (UTF-8 byte
    // order), in id order: pages for views over large spaces.
    Result<std::vector<Record>> listPage(const QString& prefix, const QString& after, int limit);
    Result<std::vector<FieldState>> fieldStates(const QString& id);  // tombstones included
    // Every field's writes and the concurrent ones among them (History.h), from the record's ops in
    // the log (at most the newest kMaxHistoryOps: a view must stay quick on a much-written record).
    static constexpr size_t kMaxHistoryOps = 20000;
    Result<RecordHistory> fieldHistory(const QString& id);

    VersionVector versionVector() const { return m_contiguous; }
    // Ops that a replica with `have` lacks, in (origin, seq) order, at most `limit`.
    Result<std::vector<Op>> opsSince(const VersionVector& have, size_t limit);
    Result<uint64_t> opCount();

    Digest digest() const { return m_digest; }
    Result<Digest> recomputeDigest();  // a full scan; equals digest() unless the file was tampered with

    SiteId siteId() const { return m_site; }
    Hlc lastClock() const { return m_clock.last(); }
    QString directory() const { return m_dir; }
    bool readOnly() const { return m_access == Access::ReadOnly; }

    // Re-reads digest, version vector and clock from disk (a read-only Store after the writer moved on).
    Result<void> refresh();

private:
    Store(QString dir, std::unique_ptr<Connection> db, const Options& options);
    Result<void> migrate();
    Result<void> prepareStatements();
    Result<void> loadMeta();
    Result<void> persistMeta();
    Result<void> commitWithMeta(Transaction& tx);  // the replica metadata, then COMMIT
    // An op's parts in the forms the tables hold, made once per op.
    struct EncodedWrite {
        QByteArray rid;  // UTF-8 record id
        QByteArray hlc;  // Hlc::encode()
        EncodedFields fields;
        QByteArray body;  // the fields as compact JSON (the op log's body)
    };
    static Result<void> encodeWrite(const QString& id, OpKind kind, const QJsonObject& fields,
                                    EncodedWrite* out);
    static Result<void> checkAndEncodeRemoteOp(const Op& op, EncodedWrite* out);
    Result<void> appendOp(const Op& op, const EncodedWrite& w, bool* inserted);
    // Applies ops[i] for each i in `order` to the records. `prevs` (local writes): (*prevs)[i] is
    // set to what ops[i] replaces, before it is applied.
    Result<void> applyOps(const std::vector<Op>& ops, const std::vector<EncodedWrite>& encoded,
                          std::vector<size_t> order, std::vector<OpPrev>* prevs);
    static OpPrev replacedClocks(const RecordState& state, OpKind kind, const EncodedFields& fields);
    Result<std::optional<RecordState>> loadRecord(const QByteArray& idUtf8, QByteArray* storedHash = nullptr);
    // A record from the row's put_hlc, del_hlc and fields at `column`..`column + 2`; nullopt when
    // the row says the record is deleted.
    static Result<std::optional<Record>> recordFromRow(const QString& id, Statement& s, int column);
    // After a batch: the new contiguous seq of `origin`, given the seqs the batch added.
    Result<void> advanceVersion(const SiteId& origin, std::vector<uint64_t> added);
    Result<Op> opFromRow(Statement& s);
    // Steps `s` to its end, appending each row as an op; resets `s` either way.
    Result<void> readOps(Statement& s, std::vector<Op>& out);
    Result<void> requireWritable() const;

    struct MemoryState {
        HlcClock clock;
        uint64_t localSeq;
        Digest digest;
        VersionVector contiguous;
        std::map<SiteId, uint64_t> highest;
    };
    MemoryState memoryState() const;
    void restoreMemoryState(const MemoryState& state);

    QString m_dir;
    std::unique_ptr<Connection> m_db;
    Access m_access;
    const WallClock* m_wall;
    SystemWallClock m_systemClock;
    int64_t m_schema = 0;  // migrations applied (user_version)
    SiteId m_site{};
    HlcClock m_clock{SiteId{}};
    uint64_t m_localSeq = 0;
    Digest m_digest;
    VersionVector m_contiguous;
    std::map<SiteId, uint64_t> m_highest;

    struct Statements;
    std::unique_ptr<Statements> m_st;
};

}  // namespace pluresdb::store
