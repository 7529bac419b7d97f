// Store throughput: local puts (one per transaction, and batched), remote ops merged (batched), and
// plain SQLite inserts of the same rows as the baseline, all in one run on the same disk; and the
// floor of a merged op (the store's own SQL with precomputed values: what SQLite alone costs).
//   bench_store [--records N] [--runs R] [--dir DIR]
// Prints one line per figure: name, median ops/s over the runs, and the ratio to the baseline.

#include "core/store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>

#include <sys/resource.h>

using namespace pluresdb::store;

namespace {

// A record of about 200 bytes of JSON, five fields, as a small app document.
QJsonObject makeRecord(int i, std::mt19937& rng) {
    return QJsonObject{{"name", QString("user %1").arg(i)},
                       {"email", QString("user%1@example.org").arg(i)},
                       {"age", static_cast<int>(rng() % 90)},
                       {"tags", QJsonArray{"alpha", "beta", QString::number(rng() % 1000)}},
                       {"bio", QString(96, QChar(u'a' + static_cast<int>(rng() % 26)))}};
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::unique_ptr<Store> openStore(const QString& dir, Store::Durability d) {
    Store::Options o;
    o.durability = d;
    auto s = Store::open(dir, o);
    if (!s)
        qFatal("open: %s", qPrintable(s.errorMessage()));
    return std::move(s).value();
}

double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// One figure: its body, and per run the ops/s of the wall clock and of the CPU time the process used
// (user + system). On a machine shared with other work the CPU figure is the steadier one; the wall
// figure also holds the time spent waiting for fsync.
struct Figure {
    const char* name;
    int n;
    std::function<void(const QString& dir, int n)> body;
    int baseline;  // index of the figure this one is compared with
    std::vector<double> wall, cpu;
    std::function<void(const QString& dir, int n)> prepare = {};  // untimed, before `body`
};

void runOnce(Figure& f) {
    QTemporaryDir dir;
    if (f.prepare)
        f.prepare(dir.path(), f.n);
    QElapsedTimer t;
    const double c0 = cpuSeconds();
    t.start();
    f.body(dir.path(), f.n);
    const double wall = t.nsecsElapsed() / 1e9;
    const double cpu = std::max(cpuSeconds() - c0, 1e-6);
    f.wall.push_back(f.n / wall);
    f.cpu.push_back(f.n / cpu);
}

// The records are made once, before any timing: only storing them is measured. The baseline gets
// their JSON text made beforehand too, so that it measures SQLite alone (the strictest baseline).
std::vector<QJsonObject> g_records;
std::vector<QByteArray> g_texts;

void sqliteBaseline(const QString& dir, int n, int perTx, bool fullSync) {
    auto c = std::move(Connection::open(dir + "/plain.db", Connection::Mode::ReadWrite)).value();
    (void)c->exec("PRAGMA page_size=8192");  // the store's page size, cache and journal: SQLite alone
    (void)c->exec("PRAGMA journal_mode=WAL");
    (void)c->exec(fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    (void)c->exec("PRAGMA cache_size=-65536");
    (void)c->exec("CREATE TABLE t(id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID");
    auto ins = std::move(c->prepare("INSERT OR REPLACE INTO t(id, data) VALUES (?1, ?2)")).value();
    for (int i = 0; i < n; i += perTx) {
        (void)c->exec("BEGIN");
        for (int j = i; j < std::min(n, i + perTx); ++j) {
            ins.reset();
            ins.bindText(1, QString("user:%1").arg(j));
            ins.bindText(2, g_texts[static_cast<size_t>(j)]);
            (void)ins.exec();
        }
        (void)c->exec("COMMIT");
    }
}

void localPuts(const QString& dir, int n, int perTx, Store::Durability d) {
    auto s = openStore(dir, d);
    for (int i = 0; i < n; i += perTx) {
        std::vector<LocalWrite> batch;
        for (int j = i; j < std::min(n, i + perTx); ++j) {
            batch.push_back({QString("user:%1").arg(j), OpKind::Put, g_records[static_cast<size_t>(j)]});
        }
        if (!s->write(batch))
            qFatal("write failed");
    }
}

// Reading every record back as the data browser does: pages of 1000 in id order, as QJsonObjects.
[[gnu::noinline]] size_t readAll(Store& s) {
    size_t count = 0;
    QString after;
    for (;;) {
        auto page = s.listPage(QString(), after, 1000);
        if (!page)
            qFatal("listPage failed");
        if (page->empty())
            return count;
        count += page->size();
        after = page->back().id;
    }
}

void storeRead(const QString& dir, int n) {
    auto s = openStore(dir, Store::Durability::Full);
    if (readAll(*s) != static_cast<size_t>(n))
        qFatal("read back a wrong number of records");
}

// The baseline's reading: the same rows in id order, each text parsed into a QJsonObject.
void sqliteRead(const QString& dir, int n) {
    auto c = std::move(Connection::open(dir + "/plain.db", Connection::Mode::ReadOnly)).value();
    auto q = std::move(c->prepare("SELECT id, data FROM t ORDER BY id")).value();
    int count = 0;
    for (;;) {
        auto r = q.step();
        if (!r || !*r)
            break;
        const Record rec{q.columnText(0), QJsonDocument::fromJson(q.columnTextUtf8(1)).object()};
        count += rec.data.isEmpty() ? 0 : 1;  // every row has fields
    }
    if (count != n)
        qFatal("read back a wrong number of rows");
}

void mergeAll(const QString& dir, const std::vector<Op>& remote) {
    auto s = openStore(dir, Store::Durability::Full);
    for (size_t i = 0; i < remote.size(); i += 1000) {
        std::vector<Op> b(remote.begin() + i, remote.begin() + std::min(remote.size(), i + 1000));
        if (!s->merge(b))
            qFatal("merge failed");
    }
}

// The floor of a merged op: the SQL statements the store runs to merge one batch (Store::merge),
// executed with bound values made beforehand, and no C++ CRDT work (no JSON, no register blob, no
// hash). The values are the rows the source replica wrote (op log rows and record rows; merging the
// same ops makes the same records), so the bytes, sizes and key orders are the store's own. What is
// left is what SQLite itself costs per merged op with this schema.
struct FloorOp {
    QByteArray origin, hlc, rid, body, prev;
    int64_t seq = 0, kind = 0;
    bool prevNull = true;
};
struct FloorRecord {
    QByteArray rid, putHlc, delHlc, fields, hash;
};
std::vector<FloorOp> g_floorOps;          // in log order, as merged
std::vector<FloorRecord> g_floorRecords;  // per op, the record row its merge writes

void loadFloorRows(const QString& srcDir) {
    auto c = std::move(Connection::open(Store::databasePath(srcDir), Connection::Mode::ReadOnly)).value();
    auto ops =
        std::move(c->prepare("SELECT origin, seq, hlc, rid, kind, body, prev FROM ops ORDER BY origin, seq"))
            .value();
    auto rec = std::move(c->prepare("SELECT put_hlc, del_hlc, fields, h FROM records WHERE id = ?1")).value();
    for (;;) {
        auto r = ops.step();
        if (!r || !*r)
            break;
        FloorOp o{ops.columnBlob(0), ops.columnBlob(2), ops.columnTextUtf8(3), ops.columnTextUtf8(5),
                  ops.columnBlob(6), ops.columnInt(1),  ops.columnInt(4),      ops.columnIsNull(6)};
        rec.reset();
        rec.bindText(1, o.rid);
        if (auto f = rec.step(); !f || !*f)
            qFatal("floor: a record of the source is missing");
        g_floorRecords.push_back(
            {o.rid, rec.columnBlob(0), rec.columnBlob(1), rec.columnBlob(2), rec.columnBlob(3)});
        g_floorOps.push_back(std::move(o));
    }
}

// A fresh database with the store's schema and connection settings (made by the store, untimed).
void floorPrepare(const QString& dir) {
    openStore(dir, Store::Durability::Full);
}

void floorMerge(const QString& dir) {
    auto c = std::move(Connection::open(Store::databasePath(dir), Connection::Mode::ReadWrite)).value();
    (void)c->exec("PRAGMA journal_mode=WAL");  // what Store::open sets on its connection
    (void)c->exec("PRAGMA synchronous=FULL");
    (void)c->exec("PRAGMA foreign_keys=OFF");
    (void)c->exec("PRAGMA cache_size=-65536");
    auto prep = [&](const char* sql) { return std::move(c->prepare(sql)).value(); };
    // The statements of Store::prepareStatements that merge() runs, verbatim.
    Statement insertOp = prep(
        "INSERT OR IGNORE INTO ops(origin, seq, hlc, rid, kind, body, prev) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
        "?7)");
    Statement getRecord = prep("SELECT put_hlc, del_hlc, fields, h FROM records WHERE id = ?1");
    Statement upsertRecord =
        prep("INSERT OR REPLACE INTO records(id, put_hlc, del_hlc, fields, h) VALUES (?1, ?2, ?3, ?4, ?5)");
    Statement setVersion =
        prep("INSERT OR REPLACE INTO versions(origin, contiguous, highest) VALUES (?1, ?2, ?3)");
    Statement setMeta = prep("INSERT OR REPLACE INTO meta(k, v) VALUES (?1, ?2)");
    const QByteArray digest(32, 'd'), clock(44, 'c');
    std::vector<size_t> order;
    for (size_t i = 0; i < g_floorOps.size(); i += 1000) {
        const size_t end = std::min(g_floorOps.size(), i + 1000);
        (void)c->exec("BEGIN IMMEDIATE");
        for (size_t k = i; k < end; ++k) {  // the log first, as merge() does
            const FloorOp& o = g_floorOps[k];
            insertOp.reset();
            insertOp.bindBorrowed(1, o.origin);
            insertOp.bind(2, o.seq);
            insertOp.bindBorrowed(3, o.hlc);
            insertOp.bindTextBorrowed(4, o.rid);
            insertOp.bind(5, o.kind);
            insertOp.bindTextBorrowed(6, o.body);
            if (o.prevNull)
                insertOp.bindNull(7);
            else
                insertOp.bindBorrowed(7, o.prev);
            if (!insertOp.exec() || c->changes() != 1)
                qFatal("floor: op insert failed");
        }
        insertOp.reset();
        order.resize(end - i);  // then the records, in id order, one read and one write each
        for (size_t k = i; k < end; ++k)
            order[k - i] = k;
        std::sort(order.begin(), order.end(),
                  [](size_t a, size_t b) { return g_floorRecords[a].rid < g_floorRecords[b].rid; });
        for (size_t k : order) {
            const FloorRecord& r = g_floorRecords[k];
            getRecord.reset();
            getRecord.bindTextBorrowed(1, r.rid);
            if (!getRecord.step())
                qFatal("floor: record read failed");
            getRecord.reset();
            upsertRecord.reset();
            upsertRecord.bindTextBorrowed(1, r.rid);
            upsertRecord.bindBorrowed(2, r.putHlc);
            upsertRecord.bindBorrowed(3, r.delHlc);
            upsertRecord.bindBorrowed(4, r.fields);
            upsertRecord.bindBorrowed(5, r.hash);
            if (!upsertRecord.exec())
                qFatal("floor: record write failed");
        }
        upsertRecord.reset();
        setVersion.reset();
        setVersion.bindBorrowed(1, g_floorOps[i].origin);
        setVersion.bind(2, g_floorOps[end - 1].seq);
        setVersion.bind(3, g_floorOps[end - 1].seq);
        (void)setVersion.exec();
        setVersion.reset();
        const std::pair<const char*, QByteArray> meta[] = {
            {"digest", digest}, {"clock", clock}, {"seq", QByteArray::number(0)}};
        for (const auto& [k, v] : meta) {
            setMeta.reset();
            setMeta.bindText(1, QByteArray(k));
            setMeta.bind(2, v);
            (void)setMeta.exec();
        }
        setMeta.reset();
        if (!c->exec("COMMIT"))
            qFatal("floor: commit failed");
    }
}

// One figure alone, for profiling: `valgrind --tool=callgrind --toggle-collect='*timedSection*'`
// counts the instructions of exactly this part (store open included, record making excluded).
[[gnu::noinline]] void timedSection(const QString& only, const QString& dir, int n,
                                    const std::vector<Op>& remote) {
    if (only == "baseline")
        sqliteBaseline(dir, n, 1000, true);
    else if (only == "local")
        localPuts(dir, n, 1000, Store::Durability::Full);
    else if (only == "merge")
        mergeAll(dir, remote);
    else if (only == "floor")
        floorMerge(dir);
    else if (only == "read") {
        localPuts(dir, n, 1000, Store::Durability::Normal);
        storeRead(dir, n);  // profile with --toggle-collect='*readAll*'
    }
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int n = 100'000;
    int runs = 5;
    QString only;  // run one figure only (for profiling): baseline, local, merge, floor, read
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--records")
            n = args[i + 1].toInt();
        else if (args[i] == "--runs")
            runs = args[i + 1].toInt();
        else if (args[i] == "--dir")
            qputenv("TMPDIR", args[i + 1].toLocal8Bit());
        else if (args[i] == "--only")
            only = args[i + 1];
    }
    const int single = std::max(200, n / 100);
    {
        std::mt19937 rng(1);
        for (int j = 0; j < std::max(n, single * 10); ++j)
            g_records.push_back(makeRecord(j, rng));
        for (const auto& r : g_records)
            g_texts.push_back(QJsonDocument(r).toJson(QJsonDocument::Compact));
    }  // one-per-transaction runs are fsync-bound: fewer rows

    // Remote ops to merge: made once by a source replica, merged into fresh replicas.
    QTemporaryDir srcDir;
    std::vector<Op> remote;
    {
        auto src = openStore(srcDir.path(), Store::Durability::Normal);
        std::mt19937 rng(2);
        std::vector<LocalWrite> batch;
        for (int j = 0; j < n; ++j)
            batch.push_back({QString("user:%1").arg(j), OpKind::Put, makeRecord(j, rng)});
        if (!src->write(batch))
            qFatal("source write failed");
        remote = std::move(src->opsSince({}, static_cast<size_t>(n))).value();
    }
    loadFloorRows(srcDir.path());

    if (!only.isEmpty()) {
        QTemporaryDir d;
        if (only == "floor")
            floorPrepare(d.path());
        QElapsedTimer t;
        t.start();
        timedSection(only, d.path(), n, remote);
        std::printf("%s: %.0f ops/s\n", qPrintable(only), n / (t.nsecsElapsed() / 1e9));
        return 0;
    }

    // The runs of all figures alternate (round r of every figure, then round r + 1), so that a change
    // in the machine's load falls on the store and its baseline alike.
    std::vector<Figure> figures = {
        {"sqlite plain insert, batched 1000/tx (baseline)",
         n,
         [](const QString& d, int k) { sqliteBaseline(d, k, 1000, true); },
         0,
         {},
         {}},
        {"local put, batched 1000/tx, durability full",
         n,
         [](const QString& d, int k) { localPuts(d, k, 1000, Store::Durability::Full); },
         0,
         {},
         {}},
        {"remote ops merged, batched 1000/tx, full",
         n,
         [&](const QString& d, int) { mergeAll(d, remote); },
         0,
         {},
         {}},
        {"floor: the store's SQL per merged op, values precomputed",
         n,
         [](const QString& d, int) { floorMerge(d); },
         0,
         {},
         {},
         [](const QString& d, int) { floorPrepare(d); }},
        {"sqlite plain insert, 1/tx, synchronous=FULL (baseline)",
         single,
         [](const QString& d, int k) { sqliteBaseline(d, k, 1, true); },
         4,
         {},
         {}},
        {"local put, 1/tx, durability full",
         single,
         [](const QString& d, int k) { localPuts(d, k, 1, Store::Durability::Full); },
         4,
         {},
         {}},
        {"sqlite plain insert, 1/tx, synchronous=NORMAL (baseline)",
         single * 10,
         [](const QString& d, int k) { sqliteBaseline(d, k, 1, false); },
         6,
         {},
         {}},
        {"local put, 1/tx, durability normal",
         single * 10,
         [](const QString& d, int k) { localPuts(d, k, 1, Store::Durability::Normal); },
         6,
         {},
         {}},
    };
    figures.push_back({"sqlite plain select + JSON parse, all rows (baseline)",
                       n,
                       [](const QString& d, int k) { sqliteRead(d, k); },
                       8,
                       {},
                       {},
                       [](const QString& d, int k) { sqliteBaseline(d, k, 1000, false); }});
    figures.push_back({"store read, listPage of 1000, all records",
                       n,
                       [](const QString& d, int k) { storeRead(d, k); },
                       8,
                       {},
                       {},
                       [](const QString& d, int k) { localPuts(d, k, 1000, Store::Durability::Normal); }});
    for (int r = 0; r < runs; ++r) {
        for (auto& f : figures)
            runOnce(f);
    }

    std::printf("store benchmark: %d records of ~200 B JSON (5 fields), median of %d runs, temp dir %s\n", n,
                runs, qPrintable(QDir::tempPath()));
    std::printf("%-58s %12s %9s %14s %9s\n", "figure", "wall ops/s", "vs base", "ops/CPU-s", "vs base");
    for (const auto& f : figures) {
        const Figure& b = figures[static_cast<size_t>(f.baseline)];
        const double wall = median(f.wall), cpu = median(f.cpu);
        std::printf("%-58s %12.0f %8.2fx %14.0f %8.2fx\n", f.name, wall, wall / median(b.wall), cpu,
                    cpu / median(b.cpu));
    }
    return 0;
}
