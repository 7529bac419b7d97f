// Store throughput: local puts (one per transaction, and batched), remote ops merged (batched), and
// plain SQLite inserts of the same rows as the baseline, all in one run on the same disk.
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

// ops/s of `body(n)` run `runs` times, each in a fresh directory.
double measure(int runs, int n, const std::function<void(const QString& dir, int n)>& body) {
    std::vector<double> rates;
    for (int r = 0; r < runs; ++r) {
        QTemporaryDir dir;
        QElapsedTimer t;
        t.start();
        body(dir.path(), n);
        rates.push_back(n / (t.nsecsElapsed() / 1e9));
    }
    return median(rates);
}

// The records are made once, before any timing: only storing them is measured. The baseline gets
// their JSON text made beforehand too, so that it measures SQLite alone (the strictest baseline).
std::vector<QJsonObject> g_records;
std::vector<QByteArray> g_texts;

void sqliteBaseline(const QString& dir, int n, int perTx, bool fullSync) {
    auto c = std::move(Connection::open(dir + "/plain.db", Connection::Mode::ReadWrite)).value();
    (void)c->exec("PRAGMA journal_mode=WAL");
    (void)c->exec(fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    (void)c->exec("PRAGMA cache_size=-65536");  // the same cache the store uses: a fair baseline
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

void mergeAll(const QString& dir, const std::vector<Op>& remote) {
    auto s = openStore(dir, Store::Durability::Full);
    for (size_t i = 0; i < remote.size(); i += 1000) {
        std::vector<Op> b(remote.begin() + i, remote.begin() + std::min(remote.size(), i + 1000));
        if (!s->merge(b))
            qFatal("merge failed");
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
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int n = 100'000;
    int runs = 5;
    QString only;  // run one figure only (for profiling): baseline, local, merge
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

    if (!only.isEmpty()) {
        QTemporaryDir d;
        QElapsedTimer t;
        t.start();
        timedSection(only, d.path(), n, remote);
        std::printf("%s: %.0f ops/s\n", qPrintable(only), n / (t.nsecsElapsed() / 1e9));
        return 0;
    }

    struct Row {
        const char* name;
        double rate;
        double baseline;
    };
    std::vector<Row> rows;
    const double sqlBatched =
        measure(runs, n, [](const QString& d, int k) { sqliteBaseline(d, k, 1000, true); });
    const double sqlSingleFull =
        measure(runs, single, [](const QString& d, int k) { sqliteBaseline(d, k, 1, true); });
    const double sqlSingleNormal =
        measure(runs, single * 10, [](const QString& d, int k) { sqliteBaseline(d, k, 1, false); });
    rows.push_back({"sqlite plain insert, batched 1000/tx (baseline)", sqlBatched, sqlBatched});
    rows.push_back(
        {"local put, batched 1000/tx, durability full",
         measure(runs, n, [](const QString& d, int k) { localPuts(d, k, 1000, Store::Durability::Full); }),
         sqlBatched});
    rows.push_back({"remote ops merged, batched 1000/tx, full",
                    measure(runs, n, [&](const QString& d, int) { mergeAll(d, remote); }), sqlBatched});
    rows.push_back({"sqlite plain insert, 1/tx, synchronous=FULL (baseline)", sqlSingleFull, sqlSingleFull});
    rows.push_back(
        {"local put, 1/tx, durability full",
         measure(runs, single, [](const QString& d, int k) { localPuts(d, k, 1, Store::Durability::Full); }),
         sqlSingleFull});
    rows.push_back(
        {"sqlite plain insert, 1/tx, synchronous=NORMAL (baseline)", sqlSingleNormal, sqlSingleNormal});
    rows.push_back({"local put, 1/tx, durability normal",
                    measure(runs, single * 10,
                            [](const QString& d, int k) { localPuts(d, k, 1, Store::Durability::Normal); }),
                    sqlSingleNormal});

    std::printf("store benchmark: %d records of ~200 B JSON (5 fields), median of %d runs, temp dir %s\n", n,
                runs, qPrintable(QDir::tempPath()));
    for (const auto& r : rows) {
        std::printf("%-58s %12.0f ops/s   x%.2f vs baseline\n", r.name, r.rate, r.rate / r.baseline);
    }
    return 0;
}
