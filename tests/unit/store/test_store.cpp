// The CRDT store's local behaviour: puts overlay, null deletes a field, record deletes, the op log,
// version vectors, the digest, persistence across reopen, and bad input.

#include "core/store/Store.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::store;

namespace {
QJsonObject obj(const char* json) {
    return QJsonDocument::fromJson(json).object();
}
}  // namespace

class TestStore : public QObject {
    Q_OBJECT
private slots:
    /// A put overlays fields and keeps the others; null deletes one field (as PluresDB's put).
    void putOverlaysAndNullDeletes() {
        QTemporaryDir dir;
        auto s = Store::open(dir.path());
        QVERIFY2(s, qPrintable(s.ok() ? QString() : s.errorMessage()));
        QVERIFY((*s)->put("user:1", obj(R"({"name":"Ada","age":36})")));
        QVERIFY((*s)->put("user:1", obj(R"({"age":37,"city":"London"})")));
        auto r = (*s)->get("user:1");
        QVERIFY(r && r->has_value());
        QCOMPARE((*r)->data, obj(R"({"name":"Ada","age":37,"city":"London"})"));
        QVERIFY((*s)->put("user:1", obj(R"({"city":null})")));
        QCOMPARE((*(*s)->get("user:1"))->data, obj(R"({"name":"Ada","age":37})"));
        QCOMPARE((*s)->digest(), *(*s)->recomputeDigest());
    }

    /// Deleting a record hides it; writing it again later brings back only the new fields.
    void deleteThenRewrite() {
        QTemporaryDir dir;
        auto s = std::move(Store::open(dir.path())).value();
        QVERIFY(s->put("a", obj(R"({"x":1,"y":2})")));
        QVERIFY(s->remove("a"));
        QVERIFY(!s->get("a")->has_value());
        QCOMPARE(s->list()->size(), size_t(0));
        QVERIFY(s->put("a", obj(R"({"z":3})")));
        QCOMPARE((*s->get("a"))->data, obj(R"({"z":3})"));
        QCOMPARE(s->digest(), *s->recomputeDigest());
    }

    /// An empty object is a record with no fields, not a missing record.
    void emptyRecordExists() {
        QTemporaryDir dir;
        auto s = std::move(Store::open(dir.path())).value();
        QVERIFY(s->put("e", {}));
        auto r = s->get("e");
        QVERIFY(r && r->has_value());
        QVERIFY((*r)->data.isEmpty());
    }

    /// list() returns records in id order, filtered by prefix, with values of every JSON type.
    void listByPrefix() {
        QTemporaryDir dir;
        auto s = std::move(Store::open(dir.path())).value();
        QVERIFY(s->put("b:2", obj(R"({"v":[1,2,{"k":"v"}]})")));
        QVERIFY(s->put("a:1", obj(R"({"v":"text"})")));
        QVERIFY(s->put("b:1", obj(R"({"v":true,"w":1.5,"n":{"deep":null}})")));
        QVERIFY(s->put("c", obj(R"({})")));
        auto all = *s->list();
        QCOMPARE(all.size(), size_t(4));
        QCOMPARE(all[0].id, QString("a:1"));
        auto bs = *s->list("b:");
        QCOMPARE(bs.size(), size_t(2));
        QCOMPARE(bs[0].id, QString("b:1"));
        QCOMPARE(bs[0].data, obj(R"({"v":true,"w":1.5,"n":{"deep":null}})"));
        QCOMPARE(bs[1].data, obj(R"({"v":[1,2,{"k":"v"}]})"));
    }

    /// State, op log, clock and identity survive closing and reopening the database.
    void persistsAcrossReopen() {
        QTemporaryDir dir;
        SiteId site;
        Digest digest;
        Hlc clock;
        {
            auto s = std::move(Store::open(dir.path())).value();
            for (int i = 0; i < 50; ++i)
                QVERIFY(s->put(QString("k%1").arg(i), obj(R"({"v":1})")));
            QVERIFY(s->remove("k3"));
            site = s->siteId();
            digest = s->digest();
            clock = s->lastClock();
        }
        auto s = std::move(Store::open(dir.path())).value();
        QCOMPARE(s->siteId(), site);
        QCOMPARE(s->digest(), digest);
        QCOMPARE(s->digest(), *s->recomputeDigest());
        QVERIFY(s->lastClock() >= clock);
        QCOMPARE(s->versionVector().at(site), uint64_t(51));
        QCOMPARE(*s->opCount(), uint64_t(51));
        QCOMPARE(s->list()->size(), size_t(49));
        auto op = s->put("next", {});
        QCOMPARE(op->seq, uint64_t(52));
        QVERIFY(op->hlc > clock);
    }

    /// opsSince returns exactly what a replica lacks, in seq order.
    void opsSinceReturnsMissing() {
        QTemporaryDir dir;
        auto s = std::move(Store::open(dir.path())).value();
        for (int i = 0; i < 10; ++i)
            QVERIFY(s->put(QString("k%1").arg(i), obj(R"({"v":1})")));
        VersionVector have{{s->siteId(), 4}};
        auto ops = *s->opsSince(have, 100);
        QCOMPARE(ops.size(), size_t(6));
        QCOMPARE(ops.front().seq, uint64_t(5));
        QCOMPARE(ops.back().seq, uint64_t(10));
        QCOMPARE(s->opsSince(have, 3)->size(), size_t(3));
        QCOMPARE(s->opsSince(s->versionVector(), 100)->size(), size_t(0));
    }

    /// Bad input is a clear error and changes nothing.
    void badInputChangesNothing() {
        QTemporaryDir dir;
        auto s = std::move(Store::open(dir.path())).value();
        QVERIFY(s->put("ok", obj(R"({"v":1})")));
        const Digest before = s->digest();
        auto empty = s->put("", obj(R"({"v":1})"));
        QVERIFY(!empty);
        QVERIFY(empty.errorMessage().contains("empty"));
        auto longId = s->put(QString(2000, 'x'), {});
        QVERIFY(!longId);
        QVERIFY(longId.errorMessage().contains("limit"));
        QString lone;
        lone.append(QChar(0xD800));  // a lone surrogate: not valid Unicode
        QVERIFY(!s->put(lone, {}));
        QJsonObject big{{"blob", QString(10 * 1024 * 1024, 'a')}};
        auto tooBig = s->put("big", big);
        QVERIFY(!tooBig);
        QVERIFY2(tooBig.errorMessage().contains("limit"), qPrintable(tooBig.errorMessage()));
        // A batch with one bad write writes nothing.
        auto batch = s->write({{"b1", OpKind::Put, obj(R"({"v":1})")}, {"", OpKind::Put, {}}});
        QVERIFY(!batch);
        QVERIFY(!s->get("b1")->has_value());
        QCOMPARE(s->digest(), before);
        QCOMPARE(*s->opCount(), uint64_t(1));
    }

    /// A file that is not a database, or a database that is not ours, is refused with a clear
    /// message and left untouched.
    void refusesForeignFiles() {
        QTemporaryDir dir;
        QFile f(Store::databasePath(dir.path()));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray junk(8192, 'j');
        f.write(junk);
        f.close();
        auto s = Store::open(dir.path());
        QVERIFY(!s);
        QVERIFY2(s.errorMessage().contains("not a PluresDB database"), qPrintable(s.errorMessage()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), junk);
        f.close();

        QTemporaryDir dir2;
        {
            auto c = Connection::open(Store::databasePath(dir2.path()), Connection::Mode::ReadWrite);
            QVERIFY((*c)->exec("CREATE TABLE other(x)"));
        }
        auto s2 = Store::open(dir2.path());
        QVERIFY(!s2);
        QVERIFY2(s2.errorMessage().contains("not a PluresDB database"), qPrintable(s2.errorMessage()));

        QTemporaryDir dir3;
        const QString file = dir3.filePath("plain-file");
        QFile pf(file);
        QVERIFY(pf.open(QIODevice::WriteOnly));
        pf.close();
        auto s3 = Store::open(file);
        QVERIFY(!s3);
        QVERIFY(s3.errorMessage().contains("not a database directory"));
    }

    /// A read-only Store sees the writer's committed data and refuses writes.
    void readOnlyReader() {
        QTemporaryDir dir;
        auto w = std::move(Store::open(dir.path())).value();
        QVERIFY(w->put("a", obj(R"({"v":1})")));
        Store::Options ro;
        ro.access = Store::Access::ReadOnly;
        auto r = std::move(Store::open(dir.path(), ro)).value();
        QCOMPARE((*r->get("a"))->data, obj(R"({"v":1})"));
        QVERIFY(w->put("b", obj(R"({"v":2})")));
        QCOMPARE((*r->get("b"))->data, obj(R"({"v":2})"));
        QVERIFY(!r->put("c", {}));
        QVERIFY(r->refresh());
        QCOMPARE(r->digest(), w->digest());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
