// Schema migrations keep every byte of replica state. A database written by the schema-2 store (the
// records table with its `data` column of live-field JSON, created here by that schema's own SQL) is
// migrated on open to the current schema: the same records, digest, version vector, op log and
// history, and it takes new local and remote writes.

#include "core/store/Sqlite.h"
#include "core/store/Store.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::store;

namespace {

// The schema as migrations 1 and 2 made it, verbatim.
const char* const kSchemaTwo = R"sql(
    CREATE TABLE meta(k TEXT PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID;
    CREATE TABLE records(id TEXT PRIMARY KEY, put_hlc BLOB NOT NULL, del_hlc BLOB NOT NULL,
                         fields BLOB NOT NULL, data TEXT, h BLOB NOT NULL) WITHOUT ROWID;
    CREATE TABLE ops(origin BLOB NOT NULL, seq INTEGER NOT NULL, hlc BLOB NOT NULL, rid TEXT NOT NULL,
                     kind INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY(origin, seq)) WITHOUT ROWID;
    CREATE TABLE versions(origin BLOB PRIMARY KEY, contiguous INTEGER NOT NULL,
                          highest INTEGER NOT NULL) WITHOUT ROWID;
    ALTER TABLE ops ADD COLUMN prev BLOB;
    CREATE INDEX ops_by_record ON ops(rid);
    PRAGMA application_id=1347179076;
    PRAGMA user_version=2;
)sql";

QJsonObject obj(const char* json) {
    return QJsonDocument::fromJson(json).object();
}

std::unique_ptr<Store> openStore(const QString& dir, Store::Access access = Store::Access::ReadWrite) {
    Store::Options o;
    o.access = access;
    auto s = Store::open(dir, o);
    if (!s)
        qFatal("open %s: %s", qPrintable(dir), qPrintable(s.errorMessage()));
    return std::move(s).value();
}

}  // namespace

class TestMigration : public QObject {
    Q_OBJECT
private slots:
    /// A schema-2 database, with the state of two replicas' writes, deletes and nulls, opens under
    /// the current schema with nothing lost or changed.
    void schemaTwoDatabaseKeepsEverything() {
        QTemporaryDir tmp(test::fastTempRoot());
        QVERIFY(tmp.isValid());
        const QString live = tmp.filePath("live"), peer = tmp.filePath("peer"), old = tmp.filePath("old");
        // The replica state to carry over, made by the real write path.
        {
            auto a = openStore(live);
            auto b = openStore(peer);
            QVERIFY(a->put("user:1", obj(R"({"name":"Ada","age":36,"tags":["x","y"]})")));
            QVERIFY(a->put("user:2", obj(R"({"name":"Bob"})")));
            QVERIFY(a->put("user:1", obj(R"({"age":null,"city":"London"})")));
            QVERIFY(b->put("user:3", obj("{\"name\":\"Cy\",\"note\":\"quote \\\" and \\\\ and \\n\"}")));
            QVERIFY(b->put("user:2", obj(R"({"email":"bob@example.org"})")));
            QVERIFY(a->merge(*b->opsSince({}, 100)));
            QVERIFY(a->remove("user:3"));
            QVERIFY(a->put("gone", obj(R"({"v":1})")));
            QVERIFY(a->remove("gone"));
        }
        // The same rows in a database made by the schema-2 SQL, `data` filled as that schema did.
        QVERIFY(QDir().mkpath(old));
        {
            auto c = Connection::open(Store::databasePath(old), Connection::Mode::ReadWrite);
            QVERIFY(c);
            QVERIFY((*c)->exec("PRAGMA journal_mode=WAL"));
            QVERIFY((*c)->exec(kSchemaTwo));
            const QByteArray attach = "ATTACH DATABASE '" + Store::databasePath(live).toUtf8() + "' AS src";
            QVERIFY((*c)->exec(attach.constData()));
            QVERIFY((*c)->exec("BEGIN"));
            QVERIFY((*c)->exec("INSERT INTO meta SELECT k, v FROM src.meta"));
            QVERIFY((*c)->exec("INSERT INTO versions SELECT origin, contiguous, highest FROM src.versions"));
            QVERIFY(
                (*c)->exec("INSERT INTO ops(origin, seq, hlc, rid, kind, body, prev) "
                           "SELECT origin, seq, hlc, rid, kind, body, prev FROM src.ops"));
            QVERIFY(
                (*c)->exec("INSERT INTO records(id, put_hlc, del_hlc, fields, data, h) "
                           "SELECT id, put_hlc, del_hlc, fields, NULL, h FROM src.records"));
            QVERIFY((*c)->exec("COMMIT"));
            QVERIFY((*c)->exec("DETACH DATABASE src"));
            // Schema 2 kept each live record's fields as JSON text too.
            auto reader = openStore(live, Store::Access::ReadOnly);
            auto set = (*c)->prepare("UPDATE records SET data = ?2 WHERE id = ?1");
            QVERIFY(set);
            for (const auto& r : *reader->list()) {
                set->reset();
                set->bindText(1, r.id);
                set->bindText(2, QJsonDocument(r.data).toJson(QJsonDocument::Compact));
                QVERIFY(set->exec());
            }
            auto count = (*c)->prepare("SELECT count(*) FROM records WHERE data IS NOT NULL");
            QVERIFY(count && *count->step());
            QCOMPARE(count->columnInt(0), int64_t(2));  // user:1 and user:2; user:3 and gone are deleted
        }

        auto expected = openStore(live, Store::Access::ReadOnly);
        {
            // A reader meeting the schema-2 file before any writer migrated it reads it.
            auto reader = openStore(old, Store::Access::ReadOnly);
            QCOMPARE(reader->list()->size(), size_t(2));
            QCOMPARE((*reader->get("user:1"))->data, (*expected->get("user:1"))->data);
        }
        auto migrated = openStore(old);
        {
            auto v = Connection::open(Store::databasePath(old), Connection::Mode::ReadOnly);
            auto q = (*v)->prepare("PRAGMA user_version");
            QVERIFY(q && *q->step());
            QCOMPARE(q->columnInt(0), int64_t(3));
            auto cols =
                (*v)->prepare("SELECT count(*) FROM pragma_table_info('records') WHERE name = 'data'");
            QVERIFY(cols && *cols->step());
            QCOMPARE(cols->columnInt(0), int64_t(0));
        }
        QCOMPARE(migrated->siteId(), expected->siteId());
        QCOMPARE(migrated->digest(), expected->digest());
        QCOMPARE(*migrated->recomputeDigest(), expected->digest());
        QCOMPARE(migrated->versionVector(), expected->versionVector());
        QCOMPARE(*migrated->opsSince({}, 1000), *expected->opsSince({}, 1000));
        const auto records = *migrated->list();
        QCOMPARE(records.size(), size_t(2));
        for (const auto& r : records)
            QCOMPARE(r.data, (*expected->get(r.id))->data);
        QCOMPARE((*migrated->get("user:1"))->data, obj(R"({"name":"Ada","city":"London","tags":["x","y"]})"));
        QVERIFY(!migrated->get("user:3")->has_value());
        QVERIFY(!migrated->get("gone")->has_value());
        for (const char* id : {"user:1", "user:2", "user:3"}) {
            QCOMPARE(migrated->fieldStates(id)->size(), expected->fieldStates(id)->size());
            QCOMPARE(migrated->fieldHistory(id)->fields.size(), expected->fieldHistory(id)->fields.size());
        }
        // It goes on: a local write, and the same remote write on both sides keeps them equal.
        QVERIFY(migrated->put("user:4", obj(R"({"n":4})")));
        QCOMPARE(*migrated->recomputeDigest(), migrated->digest());
        auto writable = openStore(live);
        expected.reset();
        QVERIFY(writable->merge(*migrated->opsSince(writable->versionVector(), 100)));
        QCOMPARE(writable->digest(), migrated->digest());
        const auto mine = *writable->list(), theirs = *migrated->list();
        QCOMPARE(mine.size(), size_t(3));
        QCOMPARE(mine.size(), theirs.size());
        for (size_t i = 0; i < mine.size(); ++i) {
            QCOMPARE(mine[i].id, theirs[i].id);
            QCOMPARE(mine[i].data, theirs[i].data);
        }
    }

    /// A schema version that only damage can write (negative, or newer than this build) is a clear
    /// error for the writer and for a reader, never a migration run from a wrong index, and nothing
    /// in the file changes (found by fuzz_store_file: user_version -1543503870).
    void damagedSchemaVersionIsRefused() {
        QTemporaryDir dir;
        const QString path = dir.filePath("db");
        {
            auto s = Store::open(path);
            QVERIFY(s);
            QVERIFY((*s)->put("kept", obj(R"({"v":1})")));
        }
        QByteArray current;
        {
            auto c = Connection::open(Store::databasePath(path), Connection::Mode::ReadOnly);
            auto q = (*c)->prepare("PRAGMA user_version");
            QVERIFY(q && q->step());
            current = "PRAGMA user_version=" + QByteArray::number(q->columnInt(0));
        }
        for (const char* pragma : {"PRAGMA user_version=-1543503870", "PRAGMA user_version=999"}) {
            {
                auto c = Connection::open(Store::databasePath(path), Connection::Mode::ReadWrite);
                QVERIFY(c);
                QVERIFY((*c)->exec(pragma));
            }
            auto writer = Store::open(path);
            QVERIFY(!writer);
            QVERIFY2(writer.errorMessage().contains(QLatin1String("schema")), qPrintable(writer.errorMessage()));
            Store::Options ro;
            ro.access = Store::Access::ReadOnly;
            auto reader = Store::open(path, ro);
            if (QByteArray(pragma).contains('-')) {
                QVERIFY(!reader);
                QVERIFY2(reader.errorMessage().contains(QLatin1String("damaged")), qPrintable(reader.errorMessage()));
            }
        }
        {
            auto c = Connection::open(Store::databasePath(path), Connection::Mode::ReadWrite);
            QVERIFY((*c)->exec(current.constData()));
        }
        auto again = Store::open(path);
        QVERIFY2(again, qPrintable(again ? QString() : again.errorMessage()));
        QVERIFY((*again)->get("kept")->has_value());
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "test_migration.moc"
