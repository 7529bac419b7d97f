// Per-field history and conflict detection (History.h, OpPrev.h): two on-disk stores write the same
// fields with and without seeing each other's writes, exchange ops with Store::merge as the sync
// layer will, and must show the same history with exactly the concurrent pairs marked.

#include "core/store/Store.h"
#include "tests/support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::store;
using pluresdb::test::FakeWallClock;

namespace {

QJsonObject obj(const char* json) {
    return QJsonDocument::fromJson(json).object();
}

struct Replica {
    std::unique_ptr<FakeWallClock> clock;
    std::unique_ptr<Store> store;
};

Replica open(const QTemporaryDir& dir, const QString& name, int64_t ms) {
    Replica r;
    r.clock = std::make_unique<FakeWallClock>(ms);
    Store::Options o;
    o.clock = r.clock.get();
    o.durability = Store::Durability::Normal;
    auto s = Store::open(dir.filePath(name), o);
    if (!s)
        qFatal("open: %s", qPrintable(s.errorMessage()));
    r.store = std::move(s).value();
    return r;
}

void syncOneWay(Store& from, Store& to) {
    auto missing = from.opsSince(to.versionVector(), 1'000'000);
    QVERIFY(missing);
    auto merged = to.merge(*missing);
    QVERIFY2(merged, merged ? "" : qPrintable(merged.errorMessage()));
}

const FieldHistory* field(const RecordHistory& h, const QString& name) {
    for (const auto& f : h.fields)
        if (f.name == name)
            return &f;
    return nullptr;
}

// The history as comparable text: "value@site-prefix[c:indexes]*" per write.
QStringList describe(const FieldHistory& f) {
    QStringList out;
    for (const auto& w : f.writes) {
        QString s =
            w.kind == FieldWrite::Kind::Value
                ? QString::fromUtf8(QJsonDocument(QJsonArray{w.value}).toJson(QJsonDocument::Compact))
                : (w.kind == FieldWrite::Kind::FieldDeleted ? QStringLiteral("null") : QStringLiteral("DEL"));
        if (!w.concurrentWith.empty()) {
            QStringList idx;
            for (size_t i : w.concurrentWith)
                idx << QString::number(i);
            s += QStringLiteral("[c:%1]").arg(idx.join(','));
        }
        if (w.current)
            s += u'*';
        out << s;
    }
    return out;
}

}  // namespace

class TestHistory : public QObject {
    Q_OBJECT
private slots:
    /// The prev encoding round-trips and rejects damaged bytes (it is read from disk and from peers).
    void prevEncoding() {
        SiteId a{}, b{};
        a[0] = 1;
        b[0] = 2;
        OpPrev prev{{"name", Hlc{10, 0, a}}, {"age", Hlc{10, 0, a}}, {"é", Hlc{12, 3, b}}};
        const QByteArray bytes = encodeOpPrev(prev);
        auto back = decodeOpPrev(bytes);
        QVERIFY(back);
        QCOMPARE(*back, prev);
        QVERIFY(encodeOpPrev({}).isEmpty());
        QVERIFY(decodeOpPrev({}) && decodeOpPrev({})->empty());
        for (int cut = 1; cut < bytes.size(); ++cut)
            QVERIFY(!decodeOpPrev(bytes.left(cut)));
        QByteArray trailing = bytes + 'x';
        QVERIFY(!decodeOpPrev(trailing));
        QByteArray badIndex = bytes;
        badIndex[badIndex.size() - 1] = char(0x7f);
        QVERIFY(!decodeOpPrev(badIndex));
    }

    /// Sequential writes (each writer saw the previous value) are history without conflicts; the
    /// local op records the clock it replaced.
    void sequentialWritesAreNotConflicts() {
        QTemporaryDir dir;
        auto a = open(dir, "a", 1'700'000'000'000);
        auto b = open(dir, "b", 1'700'000'000'000);
        auto first = a.store->put("doc", obj(R"({"title":"one","n":1})"));
        QVERIFY(first);
        QVERIFY(first->prev && first->prev->empty());  // a new record replaces nothing
        syncOneWay(*a.store, *b.store);
        b.clock->advance(10);
        auto second = b.store->put("doc", obj(R"({"title":"two"})"));
        QVERIFY(second);
        QCOMPARE(second->prev->at("title"), first->hlc);
        syncOneWay(*b.store, *a.store);
        a.clock->advance(20);
        QVERIFY(a.store->put("doc", obj(R"({"title":"three"})")));
        syncOneWay(*a.store, *b.store);

        for (Store* s : {a.store.get(), b.store.get()}) {
            auto h = s->fieldHistory("doc");
            QVERIFY(h);
            QCOMPARE(h->fields.size(), size_t(2));
            QCOMPARE(describe(*field(*h, "title")),
                     (QStringList{R"(["one"])", R"(["two"])", R"(["three"]*)"}));
            QCOMPARE(describe(*field(*h, "n")), (QStringList{"[1]*"}));
            QVERIFY(!field(*h, "title")->hasConflict());
            const auto& t = field(*h, "title")->writes;
            QCOMPARE(t[0].hlc.site, a.store->siteId());
            QCOMPARE(t[1].hlc.site, b.store->siteId());
            QVERIFY(t[1].causalityKnown);
        }
    }

    /// Two stores write the same field while apart, then merge: both show both values, the pair
    /// marked concurrent, and the winner (greater clock) current; a field only one wrote is clean.
    void concurrentWritesAreMarkedOnBothReplicas() {
        QTemporaryDir dir;
        auto a = open(dir, "a", 1'700'000'000'000);
        auto b = open(dir, "b", 1'700'000'000'000);
        QVERIFY(a.store->put("doc", obj(R"({"title":"base","owner":"ada"})")));
        syncOneWay(*a.store, *b.store);
        a.clock->advance(5);
        b.clock->advance(9);  // b writes later: b wins
        QVERIFY(a.store->put("doc", obj(R"({"title":"from a"})")));
        QVERIFY(b.store->put("doc", obj(R"({"title":"from b","owner":"bob"})")));
        syncOneWay(*a.store, *b.store);
        syncOneWay(*b.store, *a.store);
        QCOMPARE(a.store->digest(), b.store->digest());

        auto ha = a.store->fieldHistory("doc");
        auto hb = b.store->fieldHistory("doc");
        QVERIFY(ha && hb);
        for (const RecordHistory* h : {&*ha, &*hb}) {
            QCOMPARE(describe(*field(*h, "title")),
                     (QStringList{R"(["base"])", R"(["from a"][c:2])", R"(["from b"][c:1]*)"}));
            // owner: b overwrote a value it had seen; a never wrote it concurrently.
            QCOMPARE(describe(*field(*h, "owner")), (QStringList{R"(["ada"])", R"(["bob"]*)"}));
            const auto& t = field(*h, "title")->writes;
            QCOMPARE(t[1].hlc.site, a.store->siteId());
            QCOMPARE(t[2].hlc.site, b.store->siteId());
        }
        QCOMPARE((*a.store->get("doc"))->data, obj(R"({"title":"from b","owner":"bob"})"));

        // a writes again after seeing b's value: no new conflict.
        a.clock->advance(100);
        QVERIFY(a.store->put("doc", obj(R"({"title":"settled"})")));
        auto after = a.store->fieldHistory("doc");
        QCOMPARE(describe(*field(*after, "title")),
                 (QStringList{R"(["base"])", R"(["from a"][c:2])", R"(["from b"][c:1])", R"(["settled"]*)"}));
    }

    /// Three writers apart: every pair is concurrent. A write that lost is not concurrent with a
    /// later write whose writer had seen the winner (it replaced the winner, not the loser).
    void threeWritersAndLateArrivals() {
        QTemporaryDir dir;
        auto a = open(dir, "a", 1'700'000'000'000);
        auto b = open(dir, "b", 1'700'000'000'001);
        auto c = open(dir, "c", 1'700'000'000'002);
        QVERIFY(a.store->put("k", obj(R"({"v":"a"})")));
        QVERIFY(b.store->put("k", obj(R"({"v":"b"})")));
        QVERIFY(c.store->put("k", obj(R"({"v":"c"})")));
        syncOneWay(*a.store, *b.store);
        syncOneWay(*c.store, *b.store);
        auto h = b.store->fieldHistory("k");
        QCOMPARE(describe(*field(*h, "v")),
                 (QStringList{R"(["a"][c:1,2])", R"(["b"][c:0,2])", R"(["c"][c:0,1]*)"}));

        // a, having seen only c's value (via b? no: directly), writes: it replaced c's value.
        syncOneWay(*c.store, *a.store);
        a.clock->set(1'700'000'000'100);
        QVERIFY(a.store->put("k", obj(R"({"v":"a2"})")));
        syncOneWay(*a.store, *b.store);
        h = b.store->fieldHistory("k");
        // a2's writer had c (the newest): b's older concurrent value was already overwritten.
        QCOMPARE(describe(*field(*h, "v")),
                 (QStringList{R"(["a"][c:1,2])", R"(["b"][c:0,2])", R"(["c"][c:0,1])", R"(["a2"]*)"}));
    }

    /// A record delete concurrent with a put: both marked; the delete's entry is in every field's
    /// history; a put made after seeing the delete is clean.
    void deleteConcurrentWithPut() {
        QTemporaryDir dir;
        auto a = open(dir, "a", 1'700'000'000'000);
        auto b = open(dir, "b", 1'700'000'000'000);
        QVERIFY(a.store->put("r", obj(R"({"x":1,"y":2})")));
        syncOneWay(*a.store, *b.store);
        a.clock->advance(5);
        b.clock->advance(9);
        auto del = a.store->remove("r");
        QVERIFY(del);
        QVERIFY(del->prev && del->prev->count(kRecordPrevKey) == 1);
        QVERIFY(b.store->put("r", obj(R"({"x":10})")));  // later clock: x survives, y does not
        syncOneWay(*a.store, *b.store);
        syncOneWay(*b.store, *a.store);
        QCOMPARE((*a.store->get("r"))->data, obj(R"({"x":10})"));
        auto h = a.store->fieldHistory("r");
        QVERIFY(h);
        QCOMPARE(describe(*field(*h, "x")), (QStringList{"[1]", "DEL[c:2]", "[10][c:1]*"}));
        QCOMPARE(describe(*field(*h, "y")), (QStringList{"[2]", "DEL*"}));

        // Written after seeing the delete: the new field's prev is the delete's clock.
        a.clock->advance(100);
        auto again = a.store->put("r", obj(R"({"y":3})"));
        QVERIFY(again);
        QCOMPARE(again->prev->at("y"), del->hlc);
        h = a.store->fieldHistory("r");
        QCOMPARE(describe(*field(*h, "y")), (QStringList{"[2]", "DEL", "[3]*"}));
    }

    /// A peer's op whose history clocks do not fit it (newer than the op, or naming a field it does
    /// not write) is refused with a clear error, and nothing of the batch is applied.
    void badRemotePrevIsRefused() {
        QTemporaryDir dir;
        auto a = open(dir, "a", 1'700'000'000'000);
        auto b = open(dir, "b", 1'700'000'000'000);
        auto op = a.store->put("doc", obj(R"({"t":1})"));
        QVERIFY(op);
        Op future = *op;
        future.prev = OpPrev{{"t", Hlc{op->hlc.ms + 1, 0, op->origin}}};
        auto r = b.store->merge({future});
        QVERIFY(!r);
        QVERIFY(r.errorMessage().contains("history"));
        Op other = *op;
        other.prev = OpPrev{{"nope", Hlc{1, 0, op->origin}}};
        QVERIFY(!b.store->merge({other}));
        QCOMPARE(*b.store->opCount(), uint64_t(0));
        QVERIFY(b.store->merge({*op}));  // the real op still merges
    }

    /// A database made before schema 2 is migrated on open: its old ops have no history clocks
    /// (never marked as conflicts), new ones do, and the history of a record is still complete.
    void migrationFromSchemaOne() {
        QTemporaryDir dir;
        {
            auto a = open(dir, "a", 1'700'000'000'000);
            QVERIFY(a.store->put("doc", obj(R"({"t":"old"})")));
        }
        {
            // Turn the file back into a schema-1 database.
            auto c = Connection::open(Store::databasePath(dir.filePath("a")), Connection::Mode::ReadWrite);
            QVERIFY(c);
            QVERIFY((*c)->exec("DROP INDEX ops_by_record"));
            QVERIFY((*c)->exec("ALTER TABLE ops DROP COLUMN prev"));
            QVERIFY(
                (*c)->exec("ALTER TABLE records ADD COLUMN data TEXT"));  // schema 1 had it (3 dropped it)
            QVERIFY((*c)->exec("PRAGMA user_version=1"));
        }
        {
            // A reader that meets the old schema before any writer upgraded it still reads it.
            Store::Options ro;
            ro.access = Store::Access::ReadOnly;
            auto reader = Store::open(dir.filePath("a"), ro);
            QVERIFY2(reader, reader ? "" : qPrintable(reader.errorMessage()));
            QCOMPARE((*(*reader)->get("doc"))->data, obj(R"({"t":"old"})"));
            auto ops = (*reader)->opsSince({}, 10);
            QVERIFY(ops && ops->size() == 1 && !(*ops)[0].prev);
            auto h = (*reader)->fieldHistory("doc");
            QVERIFY(h && h->fields.size() == 1);
        }
        auto a = open(dir, "a", 1'700'000'000'100);
        QVERIFY(a.store->put("doc", obj(R"({"t":"new"})")));
        auto h = a.store->fieldHistory("doc");
        QVERIFY(h);
        const auto& w = field(*h, "t")->writes;
        QCOMPARE(w.size(), size_t(2));
        QVERIFY(!w[0].causalityKnown);
        QVERIFY(w[1].causalityKnown);
        QVERIFY(!field(*h, "t")->hasConflict());
        auto ops = a.store->opsSince({}, 10);
        QVERIFY(ops && ops->size() == 2);
        QVERIFY(!(*ops)[0].prev.has_value());
        QVERIFY((*ops)[1].prev.has_value());
    }

    /// A record without ops has no history; an invalid id is an error.
    void emptyAndInvalid() {
        QTemporaryDir dir;
        auto a = open(dir, "a", 1'700'000'000'000);
        auto h = a.store->fieldHistory("missing");
        QVERIFY(h && h->fields.empty());
        QVERIFY(!a.store->fieldHistory(QString()));
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "test_history.moc"
