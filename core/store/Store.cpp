#include "core/store/Store.h"

#include "core/store/Limits.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <sodium.h>

#include <algorithm>

namespace pluresdb::store {

namespace {

// 'PLRD': marks an SQLite file as a PluresDB database.
constexpr int kApplicationId = 0x504C5244;

// Numbered schema migrations (STYLE.md §3). user_version = number of migrations applied.
// Never edit one that has shipped; append a new one.
const char* const kMigrations[] = {
    // 1: the CRDT state, the op log and the replica's metadata.
    R"sql(
    CREATE TABLE meta(k TEXT PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID;
    -- One row per record: its put and delete clocks (x'' = none), its field registers
    -- (RecordState encoding), the live fields as compact JSON (NULL while the record does not
    -- exist), and the hash of the row's state for the replica digest.
    CREATE TABLE records(id TEXT PRIMARY KEY, put_hlc BLOB NOT NULL, del_hlc BLOB NOT NULL,
                         fields BLOB NOT NULL, data TEXT, h BLOB NOT NULL) WITHOUT ROWID;
    -- The op log: every op ever made or received, by (origin, seq).
    CREATE TABLE ops(origin BLOB NOT NULL, seq INTEGER NOT NULL, hlc BLOB NOT NULL, rid TEXT NOT NULL,
                     kind INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY(origin, seq)) WITHOUT ROWID;
    -- Per origin: every op up to `contiguous` is present; `highest` is the largest seq seen.
    CREATE TABLE versions(origin BLOB PRIMARY KEY, contiguous INTEGER NOT NULL,
                          highest INTEGER NOT NULL) WITHOUT ROWID;
    )sql",
    // 2: per-field history. Each op keeps what its writer had seen of the fields it wrote (OpPrev
    // encoding; NULL for the ops written before this migration: their concurrency is unknown), and
    // the log is indexed by record id so that a record's ops are found without a scan.
    R"sql(
    ALTER TABLE ops ADD COLUMN prev BLOB;
    CREATE INDEX ops_by_record ON ops(rid);
    )sql",
    // 3: the live fields are no longer stored a second time as JSON text: reads build them from the
    // register blob (`fields`), and every write saves the text building and its bytes. A record
    // exists while put_hlc > del_hlc (both compare as bytes, in clock order).
    R"sql(
    ALTER TABLE records DROP COLUMN data;
    )sql",
};

QString describeOpenError(const QString& path, const QString& sqliteMessage) {
    if (sqliteMessage.contains(QLatin1String("not a database"))) {
        return QStringLiteral("%1 is not a PluresDB database (not an SQLite file)").arg(path);
    }
    return QStringLiteral("cannot open %1: %2").arg(path, sqliteMessage);
}

}  // namespace

struct Store::Statements {
    Statement getRecord, upsertRecord, getData, listPage, allRecords;
    Statement insertOp, nextSeqs, setVersion, setMeta, opsFrom, opsOfRecord;
};

QString Store::databasePath(const QString& dir) {
    return QDir(dir).filePath(QString::fromLatin1(kFileName));
}

Store::Store(QString dir, std::unique_ptr<Connection> db, const Options& options)
    : m_dir(std::move(dir)),
      m_db(std::move(db)),
      m_access(options.access),
      m_wall(options.clock ? options.clock : &m_systemClock),
      m_st(std::make_unique<Statements>()) {}

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const QString& dir, const Options& options) {
    if (sodium_init() < 0)
        return makeError(QStringLiteral("libsodium failed to initialise"));
    const bool readOnly = options.access == Access::ReadOnly;
    QFileInfo dirInfo(dir);
    if (dirInfo.exists() && !dirInfo.isDir()) {
        return makeError(QStringLiteral("%1 is a file, not a database directory").arg(dir));
    }
    const QString path = databasePath(dir);
    QFileInfo fileInfo(path);
    if (readOnly) {
        if (!fileInfo.exists())
            return makeError(QStringLiteral("no database in %1").arg(dir));
    } else if (!dirInfo.exists()) {
        if (!QDir().mkpath(dir))
            return makeError(QStringLiteral("cannot create directory %1").arg(dir));
    }
    if (fileInfo.exists() && !fileInfo.isFile()) {
        return makeError(QStringLiteral("%1 is not a regular file").arg(path));
    }
    if (fileInfo.exists() && !fileInfo.isReadable()) {
        return makeError(QStringLiteral("cannot read %1: permission denied").arg(path));
    }
    if (!readOnly) {
        // Writing needs the directory (for the WAL and journal files) and the file to be writable.
        if (!QFileInfo(dir).isWritable()) {
            return makeError(QStringLiteral("cannot write to %1: the directory is read-only").arg(dir));
        }
        if (fileInfo.exists() && !fileInfo.isWritable()) {
            return makeError(QStringLiteral("cannot write to %1: the file is read-only").arg(path));
        }
    }

    auto conn = Connection::open(path, readOnly ? Connection::Mode::ReadOnly : Connection::Mode::ReadWrite);
    if (!conn)
        return makeError(describeOpenError(path, conn.errorMessage()));
    std::unique_ptr<Store> store(new Store(dir, std::move(conn).value(), options));
    Connection& db = *store->m_db;

    // Any read fails on a file that is not SQLite; catch that before touching anything.
    int64_t appId = 0, tableCount = 0;
    {
        auto probe = db.prepare("PRAGMA application_id");
        if (!probe)
            return makeError(describeOpenError(path, probe.errorMessage()));
        auto row = probe->step();
        if (!row)
            return makeError(describeOpenError(path, row.errorMessage()));
        appId = probe->columnInt(0);
        auto tables = db.prepare("SELECT count(*) FROM sqlite_schema");
        if (!tables)
            return makeError(describeOpenError(path, tables.errorMessage()));
        if (auto t = tables->step(); !t)
            return makeError(describeOpenError(path, t.errorMessage()));
        tableCount = tables->columnInt(0);
    }  // statements finalised here: no read transaction stays open
    if (appId != kApplicationId && tableCount > 0) {
        return makeError(QStringLiteral("%1 is an SQLite database but not a PluresDB database").arg(path));
    }

    if (!readOnly && tableCount == 0) {
        // A new database: 8 KiB pages (SQLite's default is 4 KiB). Records and ops are a few hundred
        // bytes; larger pages mean fewer page splits and I/O calls per op (measured: about 3 % fewer
        // instructions and fewer syscalls per put; tests/bench/store). Only an empty file takes it.
        if (auto r = db.exec("PRAGMA page_size=8192"); !r)
            return makeError(describeOpenError(path, r.errorMessage()));
    }
    if (!readOnly) {
        if (auto r = db.exec("PRAGMA journal_mode=WAL"); !r)
            return makeError(describeOpenError(path, r.errorMessage()));
        const char* sync =
            options.durability == Durability::Full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL";
        if (auto r = db.exec(sync); !r)
            return r.error();
        if (auto r = store->migrate(); !r)
            return r.error();
    } else if (appId != kApplicationId) {
        return makeError(QStringLiteral("no database in %1").arg(dir));
    }
    {
        // A read-only Store may meet a database a writer has not migrated yet (schema 1: no history).
        auto v = db.prepare("PRAGMA user_version");
        if (!v)
            return v.error();
        if (auto r = v->step(); !r)
            return r.error();
        store->m_schema = v->columnInt(0);
        if (store->m_schema < 0) {
            return makeError(
                QStringLiteral("the database is damaged: its schema version is %1").arg(store->m_schema));
        }
    }
    (void)db.exec("PRAGMA foreign_keys=OFF");
    // A 64 MiB page cache (SQLite's default is 2 MiB): merging reads each record's row before
    // writing it, and a cache that holds the hot part of the b-trees makes that read cheap.
    (void)db.exec("PRAGMA cache_size=-65536");
    if (auto r = store->prepareStatements(); !r)
        return r.error();
    if (auto r = store->loadMeta(); !r)
        return r.error();
    return store;
}

Result<void> Store::migrate() {
    Connection& db = *m_db;
    auto v = db.prepare("PRAGMA user_version");
    if (!v)
        return v.error();
    if (auto r = v->step(); !r)
        return r.error();
    const int64_t version = v->columnInt(0);
    const int64_t latest = std::size(kMigrations);
    if (version < 0) {
        // user_version is a signed 32-bit field of the file header: only damage puts a negative there.
        return makeError(QStringLiteral("the database is damaged: its schema version is %1").arg(version));
    }
    if (version > latest) {
        return makeError(
            QStringLiteral("the database was written by a newer PluresDB (schema %1, this build knows %2)")
                .arg(version)
                .arg(latest));
    }
    if (version == latest)
        return {};
    auto tx = Transaction::begin(db);
    if (!tx)
        return tx.error();
    for (int64_t i = version; i < latest; ++i) {
        if (auto r = db.exec(kMigrations[i]); !r) {
            return makeError(
                QStringLiteral("schema migration %1 failed: %2").arg(i + 1).arg(r.errorMessage()));
        }
    }
    if (version == 0) {
        // A new database: its identity and empty state.
        const SiteId site = randomSiteId();
        auto ins = db.prepare("INSERT INTO meta(k, v) VALUES (?1, ?2)");
        if (!ins)
            return ins.error();
        const std::pair<const char*, QByteArray> rows[] = {
            {"site", siteIdBytes(site)},
            {"digest", Digest{}.toBytes()},
            {"clock", Hlc{0, 0, site}.encode()},
            {"seq", QByteArray::number(0)},
        };
        for (const auto& [k, val] : rows) {
            ins->reset();
            ins->bindText(1, QByteArray(k));
            ins->bind(2, val);
            if (auto r = ins->exec(); !r)
                return r.error();
        }
        if (auto r = db.exec(("PRAGMA application_id=" + std::to_string(kApplicationId)).c_str()); !r)
            return r.error();
    }
    if (auto r = db.exec(("PRAGMA user_version=" + std::to_string(latest)).c_str()); !r)
        return r.error();
    return tx->commit();
}

Result<void> Store::prepareStatements() {
    Connection& db = *m_db;
    struct Item {
        Statement* target;
        const char* sql;
    };
    Statements& s = *m_st;
    // Schema 1 (read-only, not migrated) has no prev column: its ops read as having no history clocks.
    const bool hasPrev = m_schema >= 2;
    const char* opsFromSql =
        hasPrev ? "SELECT origin, seq, hlc, rid, kind, body, prev FROM ops WHERE origin = ?1 "
                  "AND seq > ?2 ORDER BY seq LIMIT ?3"
                : "SELECT origin, seq, hlc, rid, kind, body, NULL FROM ops WHERE origin = ?1 "
                  "AND seq > ?2 ORDER BY seq LIMIT ?3";
    const char* opsOfRecordSql =
        hasPrev ? "SELECT origin, seq, hlc, rid, kind, body, prev FROM ops WHERE rid = ?1"
                : "SELECT origin, seq, hlc, rid, kind, body, NULL FROM ops WHERE rid = ?1";
    const Item items[] = {
        {&s.getRecord, "SELECT put_hlc, del_hlc, fields, h FROM records WHERE id = ?1"},
        {&s.upsertRecord,
         "INSERT OR REPLACE INTO records(id, put_hlc, del_hlc, fields, h) VALUES (?1, ?2, ?3, ?4, ?5)"},
        // Reads work on every schema (a read-only Store may meet one a writer has not migrated yet).
        {&s.getData, "SELECT put_hlc, del_hlc, fields FROM records WHERE id = ?1"},
        {&s.listPage,
         "SELECT id, put_hlc, del_hlc, fields FROM records WHERE id > ?2 AND id >= ?1 AND put_hlc > del_hlc "
         "ORDER BY id LIMIT ?3"},
        {&s.allRecords, "SELECT id, put_hlc, del_hlc, fields FROM records"},
        {&s.insertOp,
         "INSERT OR IGNORE INTO ops(origin, seq, hlc, rid, kind, body, prev) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
         "?7)"},
        {&s.nextSeqs, "SELECT seq FROM ops WHERE origin = ?1 AND seq > ?2 ORDER BY seq LIMIT 4096"},
        {&s.setVersion, "INSERT OR REPLACE INTO versions(origin, contiguous, highest) VALUES (?1, ?2, ?3)"},
        {&s.setMeta, "INSERT OR REPLACE INTO meta(k, v) VALUES (?1, ?2)"},
        {&s.opsFrom, opsFromSql},
        {&s.opsOfRecord, opsOfRecordSql},
    };
    for (const auto& item : items) {
        if (m_access == Access::ReadOnly && (item.target == &s.upsertRecord || item.target == &s.insertOp ||
                                             item.target == &s.setVersion || item.target == &s.setMeta)) {
            continue;
        }
        auto st = db.prepare(item.sql);
        if (!st)
            return makeError(QStringLiteral("database schema is damaged: %1").arg(st.errorMessage()));
        *item.target = std::move(st).value();
    }
    return {};
}

Result<void> Store::loadMeta() {
    auto q = m_db->prepare("SELECT k, v FROM meta");
    if (!q)
        return q.error();
    std::optional<SiteId> site;
    std::optional<Hlc> clock;
    bool haveDigest = false, haveSeq = false;
    for (;;) {
        auto r = q->step();
        if (!r)
            return r.error();
        if (!*r)
            break;
        const QByteArray k = q->columnTextUtf8(0);
        const QByteArray v = q->columnBlob(1);
        if (k == "site")
            site = siteIdFromBytes(v);
        else if (k == "clock")
            clock = Hlc::decode(v);
        else if (k == "digest" && v.size() == 32) {
            m_digest = Digest::fromBytes(v);
            haveDigest = true;
        } else if (k == "seq") {
            bool ok = false;
            m_localSeq = v.toULongLong(&ok);
            haveSeq = ok;
        }
    }
    if (!site || !clock || !haveDigest || !haveSeq) {
        return makeError(QStringLiteral("the database's metadata is damaged (%1)").arg(databasePath(m_dir)));
    }
    m_site = *site;
    m_clock = HlcClock(m_site);
    m_clock.observe(*clock);

    m_contiguous.clear();
    m_highest.clear();
    auto v = m_db->prepare("SELECT origin, contiguous, highest FROM versions");
    if (!v)
        return v.error();
    for (;;) {
        auto r = v->step();
        if (!r)
            return r.error();
        if (!*r)
            break;
        auto origin = siteIdFromBytes(v->columnBlob(0));
        if (!origin)
            return makeError(QStringLiteral("the database's version table is damaged"));
        if (v->columnInt(1) > 0)
            m_contiguous[*origin] = static_cast<uint64_t>(v->columnInt(1));
        m_highest[*origin] = static_cast<uint64_t>(v->columnInt(2));
    }
    return {};
}

Result<void> Store::refresh() {
    return loadMeta();
}

Result<void> Store::persistMeta() {
    auto& s = m_st->setMeta;
    const std::pair<const char*, QByteArray> rows[] = {
        {"digest", m_digest.toBytes()},
        {"clock", m_clock.last().encode()},
        {"seq", QByteArray::number(static_cast<qulonglong>(m_localSeq))},
    };
    for (const auto& [k, val] : rows) {
        s.reset();
        s.bindText(1, QByteArray(k));
        s.bind(2, val);
        if (auto r = s.exec(); !r)
            return r.error();
    }
    return {};
}

Store::MemoryState Store::memoryState() const {
    return MemoryState{m_clock, m_localSeq, m_digest, m_contiguous, m_highest};
}

void Store::restoreMemoryState(const MemoryState& state) {
    m_clock = state.clock;
    m_localSeq = state.localSeq;
    m_digest = state.digest;
    m_contiguous = state.contiguous;
    m_highest = state.highest;
}

Result<void> Store::commitWithMeta(Transaction& tx) {
    if (auto r = persistMeta(); !r)
        return r;
    return tx.commit();
}

Result<void> Store::requireWritable() const {
    if (m_access == Access::ReadOnly)
        return makeError(QStringLiteral("the database is open read-only"));
    return {};
}

Result<Op> Store::put(const QString& id, const QJsonObject& fields) {
    auto r = write({LocalWrite{id, OpKind::Put, fields}});
    if (!r)
        return r.error();
    return r->front();
}

Result<Op> Store::remove(const QString& id) {
    auto r = write({LocalWrite{id, OpKind::Delete, {}}});
    if (!r)
        return r.error();
    return r->front();
}

Result<void> Store::encodeWrite(const QString& id, OpKind kind, const QJsonObject& fields,
                                EncodedWrite* out) {
    auto rid = recordIdUtf8(id);
    if (!rid)
        return rid.error();
    out->rid = std::move(rid).value();
    if (kind == OpKind::Put) {
        auto encoded = encodeFields(fields);
        if (!encoded)
            return encoded.error();
        out->fields = std::move(encoded).value();
    } else {
        out->fields.clear();
    }
    out->body = encodedFieldsJson(out->fields);
    return validatePutSize(out->body.size());
}

Result<std::vector<Op>> Store::write(const std::vector<LocalWrite>& batch) {
    if (auto r = requireWritable(); !r)
        return r.error();
    // Validate and encode everything before the transaction: a bad write changes nothing.
    std::vector<EncodedWrite> encoded(batch.size());
    for (size_t i = 0; i < batch.size(); ++i) {
        if (auto r = encodeWrite(batch[i].id, batch[i].kind, batch[i].fields, &encoded[i]); !r)
            return r.error();
    }
    // A failed transaction rolls back on disk; the in-memory mirror of the replica state must too.
    const MemoryState before = memoryState();
    auto rollbackMemory = [&] { restoreMemoryState(before); };

    auto tx = Transaction::begin(*m_db);
    if (!tx)
        return tx.error();
    std::vector<Op> ops(batch.size());
    for (size_t i = 0; i < batch.size(); ++i) {
        Op& op = ops[i];
        op.origin = m_site;
        op.seq = m_localSeq + 1 + i;
        op.hlc = m_clock.tick(m_wall->nowMs());
        op.recordId = batch[i].id;
        op.kind = batch[i].kind;
        if (op.kind == OpKind::Put)
            op.fields = batch[i].fields;
        encoded[i].hlc = op.hlc.encode();
    }
    // Applied first, a record at a time in batch order: applying reads the record, which tells what
    // each write replaces (op.prev).
    std::vector<size_t> all(batch.size());
    for (size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    std::vector<OpPrev> prevs(batch.size());
    if (auto r = applyOps(ops, encoded, std::move(all), &prevs); !r) {
        rollbackMemory();
        return r.error();
    }
    for (size_t i = 0; i < ops.size(); ++i) {
        ops[i].prev = std::move(prevs[i]);
        bool inserted = false;
        if (auto r = appendOp(ops[i], encoded[i], &inserted); !r) {
            rollbackMemory();
            return r.error();
        }
    }
    if (!batch.empty()) {
        std::vector<uint64_t> added(batch.size());
        for (size_t i = 0; i < added.size(); ++i)
            added[i] = m_localSeq + 1 + i;
        m_localSeq += batch.size();
        m_highest[m_site] = m_localSeq;
        if (auto r = advanceVersion(m_site, std::move(added)); !r) {
            rollbackMemory();
            return r.error();
        }
    }
    if (auto r = commitWithMeta(*tx); !r) {
        rollbackMemory();
        return r.error();
    }
    return ops;
}

Result<void> Store::checkRemoteOp(const Op& op) {
    EncodedWrite scratch;
    return checkAndEncodeRemoteOp(op, &scratch);
}

Result<void> Store::checkAndEncodeRemoteOp(const Op& op, EncodedWrite* out) {
    if (op.seq == 0)
        return makeError(QStringLiteral("remote op has sequence number 0"));
    auto rid = recordIdUtf8(op.recordId);
    if (!rid)
        return makeError(QStringLiteral("remote op: %1").arg(rid.errorMessage()));
    if (op.hlc.site != op.origin)
        return makeError(QStringLiteral("remote op's clock names another writer"));
    if (op.prev) {
        for (const auto& [name, clock] : *op.prev) {
            const bool named = op.kind == OpKind::Put ? op.fields.contains(name) : name == kRecordPrevKey;
            if (!named || !(clock < op.hlc))
                return makeError(QStringLiteral("remote op's history clocks do not fit the op"));
        }
    }
    out->rid = std::move(rid).value();
    out->fields.clear();
    if (op.kind == OpKind::Put) {
        auto fields = encodeFields(op.fields);
        if (!fields)
            return makeError(QStringLiteral("remote op: %1").arg(fields.errorMessage()));
        out->fields = std::move(fields).value();
    }
    out->body = encodedFieldsJson(out->fields);
    if (op.kind == OpKind::Put) {
        if (auto v = validatePutSize(out->body.size()); !v)
            return makeError(QStringLiteral("remote op: %1").arg(v.errorMessage()));
    }
    out->hlc = op.hlc.encode();
    return {};
}

Result<MergeStats> Store::merge(const std::vector<Op>& ops) {
    if (auto r = requireWritable(); !r)
        return r.error();
    // Every op checked and encoded once, before the transaction: a bad op changes nothing.
    std::vector<EncodedWrite> encoded(ops.size());
    for (size_t i = 0; i < ops.size(); ++i) {
        if (auto v = checkAndEncodeRemoteOp(ops[i], &encoded[i]); !v)
            return v.error();
    }
    // A failed transaction rolls back on disk; the in-memory mirror of the replica state must too.
    const MemoryState before = memoryState();
    auto rollbackMemory = [&] { restoreMemoryState(before); };

    auto tx = Transaction::begin(*m_db);
    if (!tx)
        return tx.error();
    MergeStats stats;
    // The log first: an op it already holds (or one repeated in this batch) is a duplicate.
    std::vector<size_t> fresh;
    fresh.reserve(ops.size());
    std::map<SiteId, std::vector<uint64_t>> newSeqs;
    for (size_t i = 0; i < ops.size(); ++i) {
        const Op& op = ops[i];
        bool inserted = false;
        if (auto r = appendOp(op, encoded[i], &inserted); !r) {
            rollbackMemory();
            return r.error();
        }
        if (!inserted) {
            ++stats.duplicates;
            continue;
        }
        fresh.push_back(i);
        m_clock.observe(op.hlc);
        ++stats.applied;
        auto& hi = m_highest[op.origin];
        hi = std::max(hi, op.seq);
        newSeqs[op.origin].push_back(op.seq);
    }
    if (auto r = applyOps(ops, encoded, std::move(fresh), nullptr); !r) {
        rollbackMemory();
        return r.error();
    }
    for (auto& [origin, seqs] : newSeqs) {
        if (auto r = advanceVersion(origin, std::move(seqs)); !r) {
            rollbackMemory();
            return r.error();
        }
    }
    // Our own ops coming back (e.g. restored from a peer after a disk loss): never reuse their numbers.
    if (auto it = m_highest.find(m_site); it != m_highest.end())
        m_localSeq = std::max(m_localSeq, it->second);
    if (auto r = commitWithMeta(*tx); !r) {
        rollbackMemory();
        return r.error();
    }
    return stats;
}

Result<void> Store::appendOp(const Op& op, const EncodedWrite& w, bool* inserted) {
    auto& s = m_st->insertOp;
    const QByteArray origin = siteIdBytes(op.origin);
    const QByteArray prev = op.prev ? encodeOpPrev(*op.prev) : QByteArray();
    s.reset();
    s.bindBorrowed(1, origin);
    s.bind(2, static_cast<int64_t>(op.seq));
    s.bindBorrowed(3, w.hlc);
    s.bindTextBorrowed(4, w.rid);
    s.bind(5, static_cast<int64_t>(op.kind));
    s.bindTextBorrowed(6, w.body);
    if (op.prev)
        s.bindBorrowed(7, prev);
    else
        s.bindNull(7);
    auto r = s.exec();
    s.reset();  // drop the borrowed bindings
    if (!r)
        return r.error();
    *inserted = m_db->changes() > 0;
    return {};
}

Result<std::optional<RecordState>> Store::loadRecord(const QByteArray& idUtf8, QByteArray* storedHash) {
    auto& g = m_st->getRecord;
    g.reset();
    g.bindTextBorrowed(1, idUtf8);
    auto found = g.step();
    if (!found)
        return found.error();
    if (!*found) {
        g.reset();  // drop the borrowed id
        return std::optional<RecordState>{};
    }
    RecordState state;
    state.putHlc = g.columnBlob(0);
    state.delHlc = g.columnBlob(1);
    if (storedHash)
        *storedHash = g.columnBlob(3);
    auto fields = RecordState::decodeFields(g.columnBlob(2));
    g.reset();
    if (!fields)
        return fields.error();
    state.fields = std::move(fields).value();
    return std::optional<RecordState>(std::move(state));
}

Result<void> Store::applyOps(const std::vector<Op>& ops, const std::vector<EncodedWrite>& encoded,
                             std::vector<size_t> order, std::vector<OpPrev>* prevs) {
    // A record at a time: one read and one write per record, whatever the number of its ops in the
    // batch. Within a record the ops keep their batch order (what each local write replaces depends
    // on the ones before it); the CRDT state itself does not depend on the order.
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return encoded[a].rid < encoded[b].rid; });
    for (size_t k = 0; k < order.size();) {
        const QByteArray& rid = encoded[order[k]].rid;
        size_t end = k + 1;
        while (end < order.size() && encoded[order[end]].rid == rid)
            ++end;

        QByteArray oldHash;  // the row's stored hash: what the digest holds for it now
        auto loaded = loadRecord(rid, &oldHash);
        if (!loaded)
            return loaded.error();
        const bool existed = loaded->has_value();
        RecordState state = existed ? std::move(**loaded) : RecordState{};
        bool changed = false;
        for (size_t j = k; j < end; ++j) {
            const Op& op = ops[order[j]];
            const EncodedWrite& w = encoded[order[j]];
            if (prevs && (existed || j > k))
                (*prevs)[order[j]] = replacedClocks(state, op.kind, w.fields);
            changed = state.apply(op.kind, w.hlc, w.fields) || changed;
        }
        k = end;
        if (!changed && existed)
            continue;
        const QByteArray encodedState = state.encodeFields();
        const QByteArray newHash = state.hash(rid, encodedState);
        if (!oldHash.isEmpty())
            m_digest.toggle(oldHash);
        m_digest.toggle(newHash);
        auto& u = m_st->upsertRecord;
        u.reset();
        u.bindTextBorrowed(1, rid);
        u.bindBorrowed(2, state.putHlc);
        u.bindBorrowed(3, state.delHlc);
        u.bindBorrowed(4, encodedState);
        u.bindBorrowed(5, newHash);
        auto r = u.exec();
        u.reset();
        if (!r)
            return r;
    }
    return {};
}

OpPrev Store::replacedClocks(const RecordState& state, OpKind kind, const EncodedFields& fields) {
    // What a local write replaces (OpPrev.h); nothing for a record this replica never had.
    OpPrev prev;
    const auto add = [&](const QString& name, const QByteArray& clock) {
        if (auto h = Hlc::decode(clock))
            prev.emplace(name, *h);
    };
    if (kind == OpKind::Delete) {
        const QByteArray& newest = std::max(state.putHlc, state.delHlc);
        if (!newest.isEmpty())
            add(kRecordPrevKey, newest);
    } else {
        for (const auto& f : fields) {
            auto reg = state.fields.find(f.name);
            if (reg != state.fields.end())
                add(QString::fromUtf8(f.name), reg->second.hlc);
            else if (!state.delHlc.isEmpty())
                add(QString::fromUtf8(f.name), state.delHlc);
        }
    }
    return prev;
}

Result<void> Store::advanceVersion(const SiteId& origin, std::vector<uint64_t> added) {
    uint64_t contiguous = 0;
    if (auto it = m_contiguous.find(origin); it != m_contiguous.end())
        contiguous = it->second;
    const uint64_t highest = m_highest[origin];
    // The ops this batch added continue the run in memory (the usual case: a local batch, or a
    // peer's ops arriving in order); the log is read only where older ops past a gap may join.
    std::sort(added.begin(), added.end());
    for (uint64_t seq : added) {
        if (seq == contiguous + 1)
            ++contiguous;
        else if (seq > contiguous + 1)
            break;
    }
    if (highest > contiguous) {
        auto& s = m_st->nextSeqs;
        const QByteArray originBytes = siteIdBytes(origin);
        bool more = true;
        while (more) {
            more = false;
            s.reset();
            s.bindBorrowed(1, originBytes);
            s.bind(2, static_cast<int64_t>(contiguous));
            int rows = 0;
            for (;;) {
                auto r = s.step();
                if (!r) {
                    s.reset();
                    return r.error();
                }
                if (!*r)
                    break;
                ++rows;
                if (static_cast<uint64_t>(s.columnInt(0)) != contiguous + 1)
                    break;
                ++contiguous;
            }
            s.reset();
            more = rows == 4096 && contiguous < highest;
        }
    }
    if (contiguous > 0)
        m_contiguous[origin] = contiguous;
    auto& sv = m_st->setVersion;
    const QByteArray originBytes = siteIdBytes(origin);
    sv.reset();
    sv.bindBorrowed(1, originBytes);
    sv.bind(2, static_cast<int64_t>(contiguous));
    sv.bind(3, static_cast<int64_t>(highest));
    auto r = sv.exec();
    sv.reset();
    return r;
}

Result<std::optional<Record>> Store::recordFromRow(const QString& id, Statement& s, int column) {
    // The live fields' JSON text, built from the registers (schema 3 keeps no copy of it).
    RecordState state;
    state.putHlc = s.columnBlob(column);
    state.delHlc = s.columnBlob(column + 1);
    if (!state.exists())
        return std::optional<Record>{};
    auto fields = RecordState::decodeFields(s.columnBlob(column + 2));
    if (!fields)
        return makeError(QStringLiteral("stored value of %1 is damaged").arg(id));
    state.fields = std::move(fields).value();
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(state.visibleJson(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        return makeError(QStringLiteral("stored value of %1 is damaged").arg(id));
    }
    return std::optional<Record>(Record{id, doc.object()});
}

Result<std::optional<Record>> Store::get(const QString& id) {
    if (auto v = validateRecordId(id); !v)
        return v.error();
    auto& g = m_st->getData;
    g.reset();
    g.bindText(1, id);
    auto found = g.step();
    if (!found)
        return found.error();
    if (!*found) {
        g.reset();
        return std::optional<Record>{};
    }
    auto rec = recordFromRow(id, g, 0);
    g.reset();
    return rec;
}

Result<std::vector<Record>> Store::list(const QString& prefix) {
    return listPage(prefix, QString(), -1);  // LIMIT -1: no limit
}

Result<std::vector<Record>> Store::listPage(const QString& prefix, const QString& after, int limit) {
    auto& s = m_st->listPage;
    s.reset();
    s.bindText(1, prefix);
    s.bindText(2, after);
    s.bind(3, static_cast<int64_t>(limit));
    std::vector<Record> out;
    for (;;) {
        auto r = s.step();
        if (!r) {
            s.reset();
            return r.error();
        }
        if (!*r)
            break;
        const QString id = s.columnText(0);
        if (!id.startsWith(prefix))
            break;
        auto rec = recordFromRow(id, s, 1);
        if (!rec) {
            s.reset();
            return rec.error();
        }
        if (rec->has_value())
            out.push_back(std::move(**rec));
    }
    s.reset();
    return out;
}

Result<std::vector<FieldState>> Store::fieldStates(const QString& id) {
    auto loaded = loadRecord(id.toUtf8());
    if (!loaded)
        return loaded.error();
    std::vector<FieldState> out;
    if (!loaded->has_value())
        return out;
    for (const auto& [name, f] : (*loaded)->fields) {
        FieldState fs;
        fs.name = QString::fromUtf8(name);
        auto h = Hlc::decode(f.hlc);
        if (!h)
            return makeError(QStringLiteral("stored clock of %1 is damaged").arg(id));
        fs.hlc = *h;
        if (f.tombstone) {
            fs.value = QJsonValue(QJsonValue::Undefined);
        } else {
            auto v = jsonValueFromText(f.value);
            if (!v)
                return makeError(QStringLiteral("stored value of %1 is damaged").arg(id));
            fs.value = *v;
        }
        out.push_back(std::move(fs));
    }
    return out;
}

Result<Op> Store::opFromRow(Statement& s) {
    auto origin = siteIdFromBytes(s.columnBlob(0));
    auto hlc = Hlc::decode(s.columnBlob(2));
    const int64_t kind = s.columnInt(4);
    if (!origin || !hlc || (kind != int64_t(OpKind::Put) && kind != int64_t(OpKind::Delete))) {
        return makeError(QStringLiteral("an op in the log is damaged"));
    }
    Op op;
    op.origin = *origin;
    op.seq = static_cast<uint64_t>(s.columnInt(1));
    op.hlc = *hlc;
    op.recordId = s.columnText(3);
    op.kind = static_cast<OpKind>(kind);
    if (!s.columnIsNull(6)) {
        auto prev = decodeOpPrev(s.columnBlob(6));
        if (!prev)
            return makeError(QStringLiteral("an op in the log is damaged"));
        op.prev = std::move(prev).value();
    }
    if (op.kind == OpKind::Put) {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(s.columnTextUtf8(5), &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject())
            return makeError(QStringLiteral("an op in the log is damaged"));
        op.fields = doc.object();
    }
    return op;
}

Result<void> Store::readOps(Statement& s, std::vector<Op>& out) {
    for (;;) {
        auto r = s.step();
        if (!r) {
            s.reset();
            return r.error();
        }
        if (!*r)
            break;
        auto op = opFromRow(s);
        if (!op) {
            s.reset();
            return op.error();
        }
        out.push_back(std::move(op).value());
    }
    s.reset();
    return {};
}

Result<std::vector<Op>> Store::opsSince(const VersionVector& have, size_t limit) {
    std::vector<Op> out;
    auto& s = m_st->opsFrom;
    for (const auto& [origin, highest] : m_highest) {
        if (out.size() >= limit)
            break;
        uint64_t from = 0;
        if (auto it = have.find(origin); it != have.end())
            from = it->second;
        if (from >= highest)
            continue;
        s.reset();
        s.bind(1, siteIdBytes(origin));
        s.bind(2, static_cast<int64_t>(from));
        s.bind(3, static_cast<int64_t>(limit - out.size()));
        if (auto r = readOps(s, out); !r)
            return r.error();
    }
    return out;
}

Result<RecordHistory> Store::fieldHistory(const QString& id) {
    if (auto v = validateRecordId(id); !v)
        return v.error();
    auto& s = m_st->opsOfRecord;
    s.reset();
    s.bindText(1, id);
    std::vector<Op> ops;
    if (auto r = readOps(s, ops); !r)
        return r.error();
    RecordHistory history;
    if (ops.size() > kMaxHistoryOps) {
        std::nth_element(ops.begin(), ops.begin() + (ops.size() - kMaxHistoryOps), ops.end(),
                         [](const Op& a, const Op& b) { return a.hlc < b.hlc; });
        ops.erase(ops.begin(), ops.begin() + (ops.size() - kMaxHistoryOps));
        history.truncated = true;
    }
    history.fields = buildFieldHistory(ops);
    return history;
}

Result<uint64_t> Store::opCount() {
    auto q = m_db->prepare("SELECT count(*) FROM ops");
    if (!q)
        return q.error();
    if (auto r = q->step(); !r)
        return r.error();
    return static_cast<uint64_t>(q->columnInt(0));
}

Result<Digest> Store::recomputeDigest() {
    Digest d;
    auto& s = m_st->allRecords;
    s.reset();
    for (;;) {
        auto r = s.step();
        if (!r) {
            s.reset();
            return r.error();
        }
        if (!*r)
            break;
        RecordState state;
        state.putHlc = s.columnBlob(1);
        state.delHlc = s.columnBlob(2);
        auto fields = RecordState::decodeFields(s.columnBlob(3));
        if (!fields) {
            s.reset();
            return fields.error();
        }
        state.fields = std::move(fields).value();
        d.toggle(state.hash(s.columnTextUtf8(0)));
    }
    s.reset();
    return d;
}

}  // namespace pluresdb::store
