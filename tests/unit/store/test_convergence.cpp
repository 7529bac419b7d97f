// Convergence of replicas: a property test over many random op scripts, and regression tests for
// the five ways PluresDB 2.9.7 diverges. Each replica is a real on-disk Store; ops travel between
// them as the sync protocol will carry them (opsSince → merge), in random orders, with duplicates.

#include "core/store/Store.h"
#include "tests/support/TestSupport.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <random>

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

std::vector<Replica> makeReplicas(const QTemporaryDir& dir, int n, int64_t startMs = 1'700'000'000'000) {
    std::vector<Replica> rs;
    for (int i = 0; i < n; ++i) {
        Replica r;
        r.clock = std::make_unique<FakeWallClock>(startMs);
        Store::Options o;
        o.clock = r.clock.get();
        o.durability = Store::Durability::Normal;  // process crashes are tested elsewhere
        auto s = Store::open(dir.filePath(QString("r%1").arg(i)), o);
        if (!s)
            qFatal("open: %s", qPrintable(s.errorMessage()));
        r.store = std::move(s).value();
        rs.push_back(std::move(r));
    }
    return rs;
}

std::vector<Op> allOps(Store& s) {
    return *s.opsSince({}, 1'000'000);
}

// Sends everything `from` has to `to`, the way a sync session does.
void syncOneWay(Store& from, Store& to) {
    auto missing = from.opsSince(to.versionVector(), 1'000'000);
    QVERIFY(missing);
    QVERIFY(to.merge(*missing));
}

void syncBoth(Store& a, Store& b) {
    syncOneWay(a, b);
    syncOneWay(b, a);
}

// An independent model of the intended semantics, to check not only that replicas agree but that
// they agree on the right answer: per field the write with the greatest clock wins; a record delete
// at clock D hides every field written before D; a record exists while its latest put is after its
// latest delete.
std::map<QString, QJsonObject> modelState(const std::vector<Op>& ops) {
    struct Rec {
        std::optional<Hlc> put, del;
        std::map<QString, std::pair<Hlc, QJsonValue>> fields;
    };
    std::map<QString, Rec> recs;
    for (const auto& op : ops) {
        Rec& r = recs[op.recordId];
        if (op.kind == OpKind::Delete) {
            if (!r.del || op.hlc > *r.del)
                r.del = op.hlc;
            continue;
        }
        if (!r.put || op.hlc > *r.put)
            r.put = op.hlc;
        for (auto it = op.fields.begin(); it != op.fields.end(); ++it) {
            auto f = r.fields.find(it.key());
            if (f == r.fields.end() || op.hlc > f->second.first)
                r.fields[it.key()] = {op.hlc, it.value()};
        }
    }
    std::map<QString, QJsonObject> out;
    for (const auto& [id, r] : recs) {
        if (!r.put || (r.del && !(*r.put > *r.del)))
            continue;
        QJsonObject data;
        for (const auto& [name, w] : r.fields) {
            if (r.del && !(w.first > *r.del))
                continue;
            if (!w.second.isNull())
                data.insert(name, w.second);
        }
        out[id] = data;
    }
    return out;
}

std::map<QString, QJsonObject> storeState(Store& s) {
    std::map<QString, QJsonObject> out;
    for (auto& r : *s.list())
        out[r.id] = r.data;
    return out;
}

}  // namespace

class TestConvergence : public QObject {
    Q_OBJECT
private slots:
    /// Random op scripts on 3–5 replicas (1000 fixed seeds), exchanged in random orders with
    /// duplicates, end with identical records and digests — and with the state the model predicts.
    void randomScriptsConverge() {
        const int seeds = qEnvironmentVariableIntValue("PLURESDB_CONVERGENCE_SEEDS") > 0
                              ? qEnvironmentVariableIntValue("PLURESDB_CONVERGENCE_SEEDS")
                              : 1000;
        for (int seed = 1; seed <= seeds; ++seed) {
            runScript(seed);
            if (QTest::currentTestFailed()) {
                qWarning("failed at seed %d", seed);
                return;
            }
        }
    }

    /// (a) Two writers write one field in the same millisecond: both replicas keep the same winner.
    void sameMillisecondWrites() {
        QTemporaryDir dir(pluresdb::test::fastTempRoot());
        auto rs = makeReplicas(dir, 2);
        QVERIFY(rs[0].store->put("doc", obj(R"({"title":"from A"})")));
        QVERIFY(rs[1].store->put("doc", obj(R"({"title":"from B"})")));
        syncBoth(*rs[0].store, *rs[1].store);
        const auto a = (*rs[0].store->get("doc"))->data;
        QCOMPARE(a, (*rs[1].store->get("doc"))->data);
        const bool aWins = rs[0].store->siteId() > rs[1].store->siteId();
        QCOMPARE(a.value("title").toString(), aWins ? QString("from A") : QString("from B"));
        QCOMPARE(rs[0].store->digest(), rs[1].store->digest());
    }

    /// (b) Concurrent writes to different fields of one record both survive on both replicas.
    void concurrentDifferentFields() {
        QTemporaryDir dir(pluresdb::test::fastTempRoot());
        auto rs = makeReplicas(dir, 2);
        QVERIFY(rs[0].store->put("doc", obj(R"({"x":1})")));
        rs[1].clock->advance(5);
        QVERIFY(rs[1].store->put("doc", obj(R"({"y":2})")));
        syncBoth(*rs[0].store, *rs[1].store);
        QCOMPARE((*rs[0].store->get("doc"))->data, obj(R"({"x":1,"y":2})"));
        QCOMPARE((*rs[1].store->get("doc"))->data, obj(R"({"x":1,"y":2})"));
        QCOMPARE(rs[0].store->digest(), rs[1].store->digest());
    }

    /// (c) A field deleted with null on one replica is deleted on the other.
    void nullDeletesFieldEverywhere() {
        QTemporaryDir dir(pluresdb::test::fastTempRoot());
        auto rs = makeReplicas(dir, 2);
        QVERIFY(rs[0].store->put("doc", obj(R"({"x":1,"y":2})")));
        syncBoth(*rs[0].store, *rs[1].store);
        rs[0].clock->advance(10);
        QVERIFY(rs[0].store->put("doc", obj(R"({"x":null})")));
        syncBoth(*rs[0].store, *rs[1].store);
        QCOMPARE((*rs[1].store->get("doc"))->data, obj(R"({"y":2})"));
        QCOMPARE(rs[0].store->digest(), rs[1].store->digest());
    }

    /// (d) A writer whose clock runs 60 s ahead does not make the others' later writes vanish.
    void clockAheadDoesNotWinLaterWrites() {
        QTemporaryDir dir(pluresdb::test::fastTempRoot());
        auto rs = makeReplicas(dir, 2);
        rs[0].clock->advance(60'000);  // A's clock is a minute fast
        QVERIFY(rs[0].store->put("doc", obj(R"({"status":"draft"})")));
        syncBoth(*rs[0].store, *rs[1].store);
        rs[1].clock->advance(1'000);  // one real second later, B edits what it has seen
        QVERIFY(rs[1].store->put("doc", obj(R"({"status":"published"})")));
        syncBoth(*rs[0].store, *rs[1].store);
        QCOMPARE((*rs[0].store->get("doc"))->data, obj(R"({"status":"published"})"));
        QCOMPARE((*rs[1].store->get("doc"))->data, obj(R"({"status":"published"})"));
        // And A, still a minute fast, can edit after B again: causality, not wall time, decides.
        rs[0].clock->advance(1);
        QVERIFY(rs[0].store->put("doc", obj(R"({"status":"archived"})")));
        syncBoth(*rs[0].store, *rs[1].store);
        QCOMPARE((*rs[1].store->get("doc"))->data, obj(R"({"status":"archived"})"));
        QCOMPARE(rs[0].store->digest(), rs[1].store->digest());
    }

    /// (e) A record deleted while a replica was offline stays deleted after that replica returns
    /// and merges (its old copy does not resurrect the record).
    void deleteWhileOfflineStaysDeleted() {
        QTemporaryDir dir(pluresdb::test::fastTempRoot());
        auto rs = makeReplicas(dir, 3);
        QVERIFY(rs[0].store->put("doc", obj(R"({"x":1,"y":2})")));
        syncBoth(*rs[0].store, *rs[1].store);
        syncBoth(*rs[0].store, *rs[2].store);
        // C goes offline. A deletes the record; A and B sync.
        rs[0].clock->advance(100);
        QVERIFY(rs[0].store->remove("doc"));
        syncBoth(*rs[0].store, *rs[1].store);
        // C comes back: it syncs with B first (which pushes C's stale copy nowhere new), then A.
        syncBoth(*rs[2].store, *rs[1].store);
        syncBoth(*rs[2].store, *rs[0].store);
        for (auto& r : rs) {
            QVERIFY(!r.store->get("doc")->has_value());
            QCOMPARE(r.store->digest(), rs[0].store->digest());
        }
    }

private:
    void runScript(int seed) {
        std::mt19937_64 rng(static_cast<uint64_t>(seed));
        auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
        QTemporaryDir dir(pluresdb::test::fastTempRoot());
        const int n = 3 + seed % 3;
        auto rs = makeReplicas(dir, n);
        for (auto& r : rs)
            r.clock->advance(pick(3) == 0 ? 60'000 : pick(50));  // some clocks run ahead
        const QString ids[] = {"a", "b", "c", "d"};
        const QString names[] = {"x", "y", "z"};
        const int steps = 20 + pick(20);
        for (int step = 0; step < steps; ++step) {
            Replica& r = rs[pick(n)];
            if (pick(3) != 0)
                r.clock->advance(pick(4));  // often the same millisecond
            const int action = pick(10);
            if (action < 5) {
                QJsonObject fields;
                const int count = 1 + pick(3);
                for (int i = 0; i < count; ++i) {
                    const int kind = pick(4);
                    QJsonValue v = kind == 0   ? QJsonValue()
                                   : kind == 1 ? QJsonValue(pick(100))
                                   : kind == 2 ? QJsonValue(QString("s%1").arg(pick(10)))
                                               : QJsonValue(QJsonObject{{"n", pick(5)}});
                    fields.insert(names[pick(3)], v);
                }
                QVERIFY(r.store->put(ids[pick(4)], fields));
            } else if (action < 7) {
                QVERIFY(r.store->remove(ids[pick(4)]));
            } else {
                // A partial, shuffled, duplicated delivery of another replica's ops.
                Replica& from = rs[pick(n)];
                auto ops = allOps(*from.store);
                std::vector<Op> batch;
                for (const auto& op : ops) {
                    if (pick(2))
                        batch.push_back(op);
                    if (pick(5) == 0)
                        batch.push_back(op);
                }
                std::shuffle(batch.begin(), batch.end(), rng);
                QVERIFY(r.store->merge(batch));
            }
        }
        // Final exchange: everyone receives everything, in random order and random batch sizes.
        std::vector<Op> everything;
        for (auto& r : rs) {
            auto ops = allOps(*r.store);
            everything.insert(everything.end(), ops.begin(), ops.end());
        }
        for (auto& r : rs) {
            std::vector<Op> shuffled = everything;
            std::shuffle(shuffled.begin(), shuffled.end(), rng);
            size_t i = 0;
            while (i < shuffled.size()) {
                const size_t len = std::min(shuffled.size() - i, static_cast<size_t>(1 + pick(40)));
                QVERIFY(r.store->merge(std::vector<Op>(shuffled.begin() + i, shuffled.begin() + i + len)));
                i += len;
            }
        }
        const auto expected = modelState(allOps(*rs[0].store));
        for (auto& r : rs) {
            QCOMPARE(storeState(*r.store), expected);
            QCOMPARE(r.store->digest().toHex(), rs[0].store->digest().toHex());
            QCOMPARE(r.store->recomputeDigest()->toHex(), r.store->digest().toHex());
            QCOMPARE(r.store->versionVector(), rs[0].store->versionVector());
        }
    }
};

QTEST_GUILESS_MAIN(TestConvergence)
#include "test_convergence.moc"
