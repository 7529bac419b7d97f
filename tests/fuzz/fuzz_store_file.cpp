// Fuzz target: the store's read path over a damaged or hostile database file (core/store). A file
// on disk is outside input: a disk error, another program or a person with a hex editor can change
// any byte of it. Input byte 0 picks the mode:
//   even: the rest of the input is the whole pluresdb.db file;
//   odd:  byte 1 picks one column of the schema (records, ops, meta, versions), byte 2 bit 0 says
//         whether every row or only one (the n-th by key, n = bits 3-5) gets the rest of the input
//         as its value (a blob, text, an integer or NULL by bits 1-2), written into a valid database the
//         target builds once with the real write path (puts, field and record deletes, merged remote ops).
// Then the Store opens it and every read runs: get/list/listPage/fieldStates/fieldHistory/opsSince/
// opCount/recomputeDigest, a local put and a re-merge of the ops it read. Invariant: a clear error
// or a result, never a crash, an over-read or a hang.
#include "core/store/Sqlite.h"
#include "core/store/Store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

using namespace pluresdb::store;

namespace {

QString tempRoot() {
    return QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
}

struct Fixture {
    QTemporaryDir dir{tempRoot() + QStringLiteral("/fuzz-store-XXXXXX")};
    QByteArray base;  // a valid database file (checkpointed, no WAL)

    Fixture() {
        const QString seedDir = dir.path() + QStringLiteral("/seed");
        QDir().mkpath(seedDir);
        {
            Store::Options o;
            o.durability = Store::Durability::Normal;
            auto s = Store::open(seedDir, o);
            if (!s)
                std::abort();
            (void)(*s)->put(QStringLiteral("alpha"),
                            {{"a", 1}, {"b", "two"}, {"c", QJsonObject{{"x", true}}}});
            (void)(*s)->put(QStringLiteral("beta"), {{"n", 3.5}});
            (void)(*s)->put(QStringLiteral("alpha"), {{"b", QJsonValue::Null}});
            (void)(*s)->remove(QStringLiteral("beta"));
            (void)(*s)->put(QStringLiteral("gamma/1"), {{"list", QJsonArray{1, 2, 3}}});
            // Remote ops from a second replica.
            Store::Options o2 = o;
            const QString otherDir = dir.path() + QStringLiteral("/other");
            QDir().mkpath(otherDir);
            auto other = Store::open(otherDir, o2);
            if (!other)
                std::abort();
            (void)(*other)->put(QStringLiteral("alpha"), {{"a", 2}});
            (void)(*other)->put(QStringLiteral("delta"), {{"d", "remote"}});
            auto ops = (*other)->opsSince({}, 100);
            if (!ops || !(*s)->merge(*ops))
                std::abort();
        }
        // Store's destructor leaves a complete file (WAL checkpointed on close).
        QFile f(Store::databasePath(seedDir));
        if (!f.open(QIODevice::ReadOnly))
            std::abort();
        base = f.readAll();
        // The copy must hold everything on its own (no WAL beside it): check it once.
        const QString checkDir = dir.path() + QStringLiteral("/check");
        QDir().mkpath(checkDir);
        QFile c(Store::databasePath(checkDir));
        if (!c.open(QIODevice::WriteOnly) || c.write(base) != base.size())
            std::abort();
        c.close();
        auto check = Store::open(checkDir);
        if (!check || !(*check)->list() || (*check)->list()->size() != 3)
            std::abort();
    }
};

struct Column {
    const char* table;
    const char* column;
};
constexpr Column kColumns[] = {
    {"records", "id"},       {"records", "put_hlc"}, {"records", "del_hlc"}, {"records", "fields"},
    {"records", "data"},     {"records", "h"},       {"ops", "origin"},      {"ops", "seq"},
    {"ops", "hlc"},          {"ops", "rid"},         {"ops", "kind"},        {"ops", "body"},
    {"ops", "prev"},         {"meta", "v"},          {"versions", "origin"}, {"versions", "contiguous"},
    {"versions", "highest"},
};

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(bytes) == bytes.size();
}

void exercise(const QString& dir) {
    Store::Options o;
    o.durability = Store::Durability::Normal;
    auto opened = Store::open(dir, o);
    if (!opened)
        return;
    Store& s = **opened;
    if (auto all = s.list()) {
        for (const auto& r : *all) {
            (void)s.get(r.id);
            (void)s.fieldStates(r.id);
            (void)s.fieldHistory(r.id);
        }
    }
    for (const char* id : {"alpha", "beta", "delta", "gamma/1"}) {
        (void)s.get(QString::fromLatin1(id));
        (void)s.fieldStates(QString::fromLatin1(id));
        (void)s.fieldHistory(QString::fromLatin1(id));
    }
    (void)s.listPage(QStringLiteral("g"), QString(), 10);
    (void)s.listPage(QString(), QStringLiteral("alpha"), 2);
    (void)s.opCount();
    (void)s.recomputeDigest();
    auto ops = s.opsSince({}, 1000);
    (void)s.put(QStringLiteral("alpha"), {{"a", 9}, {"z", "new"}});
    (void)s.remove(QStringLiteral("delta"));
    if (ops)
        (void)s.merge(*ops);
    (void)s.refresh();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Fixture fx;
    if (size > 1 << 20)
        return 0;
    const QString dir = fx.dir.path() + QStringLiteral("/run");
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    const QString path = Store::databasePath(dir);
    const uint8_t mode = size > 0 ? data[0] : 0;
    if ((mode & 1) == 0) {
        const QByteArray file(reinterpret_cast<const char*>(data) + (size > 0 ? 1 : 0),
                              static_cast<qsizetype>(size > 0 ? size - 1 : 0));
        if (!writeFile(path, file))
            std::abort();
    } else {
        if (!writeFile(path, fx.base))
            std::abort();
        const Column& col = kColumns[(size > 1 ? data[1] : 0) % std::size(kColumns)];
        const uint8_t how = size > 2 ? data[2] : 0;
        const QByteArray value(reinterpret_cast<const char*>(data) + std::min<size_t>(size, 3),
                               static_cast<qsizetype>(size > 3 ? size - 3 : 0));
        auto c = Connection::open(path, Connection::Mode::ReadWrite);
        if (!c)
            std::abort();
        // Every table is WITHOUT ROWID: "the first row" is the one with the smallest key.
        const char* key = std::string_view(col.table) == "ops"       ? "(origin, seq)"
                          : std::string_view(col.table) == "meta"    ? "k"
                          : std::string_view(col.table) == "records" ? "id"
                                                                     : "origin";
        QByteArray sql = QByteArray("UPDATE ") + col.table + " SET " + col.column + " = ?1";
        if (!(how & 1))
            sql += QByteArray(" WHERE ") + key + " = (SELECT " + key + " FROM " + col.table +
                   " LIMIT 1 OFFSET " + QByteArray::number((how >> 3) & 7) + ")";
        auto st = (*c)->prepare(sql.constData());
        if (st) {
            switch ((how >> 1) & 3) {
                case 0:
                    st->bind(1, value);
                    break;
                case 1:
                    st->bindText(1, value);
                    break;
                case 2: {
                    int64_t v = 0;
                    for (int i = 0; i < value.size() && i < 8; ++i)
                        v = (v << 8) | static_cast<uint8_t>(value[i]);
                    st->bind(1, v);
                    break;
                }
                default:
                    st->bindNull(1);
            }
            (void)st->exec();  // a constraint may refuse the value: then the file stays valid
        }
    }
    exercise(dir);
    return 0;
}
