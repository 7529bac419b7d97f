// The PluresDB 2.x JSON codec (LegacyJson.h): the three message kinds decode; a put's fields map
// to our writes grouped by their ms times; our records map to 2.x nodes; invalid JSON, wrong types
// and absurd times are errors; lines split anywhere reassemble and an endless line is bounded.

#include "core/sync/LegacyJson.h"

#include <QJsonDocument>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::sync;

class TestLegacyJson : public QObject {
    Q_OBJECT
private slots:
    /// The three messages as 2.x sends them.
    void decodesTheThreeKinds() {
        auto sr = decodeLegacyLine(R"({"type":"sync_request","originId":"abc"})");
        QVERIFY(sr);
        QCOMPARE(sr->kind, LegacyMessage::Kind::SyncRequest);
        QCOMPARE(sr->originId, QStringLiteral("abc"));
        auto put = decodeLegacyLine(
            R"({"type":"put","originId":"p","node":{"id":"u1","data":{"name":"Ann","age":3},"timestamp":1700000000500,)"
            R"("state":{"name":1700000000100,"age":1700000000500},"vectorClock":{"p":2},"type":"User"}})");
        QVERIFY2(put, qPrintable(put ? QString() : put.errorMessage()));
        QCOMPARE(put->kind, LegacyMessage::Kind::Put);
        QCOMPARE(put->node.id, QStringLiteral("u1"));
        QCOMPARE(put->node.timestamp, int64_t(1700000000500));
        QCOMPARE(put->node.state.at("name"), int64_t(1700000000100));
        const auto writes = legacyPutToWrites(put->node);
        QCOMPARE(writes.size(), size_t(2));
        QCOMPARE(writes[0].ms, int64_t(1700000000100));
        QCOMPARE(writes[0].fields.value("name").toString(), QStringLiteral("Ann"));
        QCOMPARE(writes[1].fields.value("age").toInt(), 3);
        auto del = decodeLegacyLine(R"({"type":"delete","originId":"p","id":"u1"})"
                                    "\r");
        QVERIFY(del);
        QCOMPARE(del->kind, LegacyMessage::Kind::Delete);
        QCOMPARE(del->id, QStringLiteral("u1"));
    }

    /// A field without a state entry takes the node's timestamp.
    void missingStateUsesTimestamp() {
        auto put = decodeLegacyLine(
            R"({"type":"put","node":{"id":"x","data":{"a":1,"b":2},"timestamp":5,"state":{"a":3}}})");
        QVERIFY(put);
        const auto w = legacyPutToWrites(put->node);
        QCOMPARE(w.size(), size_t(2));
        QCOMPARE(w[0].ms, int64_t(3));
        QCOMPARE(w[1].ms, int64_t(5));
        QVERIFY(w[1].fields.contains("b"));
    }

    /// Encoded messages are one line each and decode back.
    void encodeRoundTrip() {
        std::vector<store::FieldState> fs;
        store::FieldState a;
        a.name = "a";
        a.value = 1;
        a.hlc.ms = 100;
        store::FieldState t;  // a tombstone: not in data, but its time counts for timestamp
        t.name = "t";
        t.value = QJsonValue(QJsonValue::Undefined);
        t.hlc.ms = 300;
        store::FieldState b;
        b.name = "b";
        b.value = QStringLiteral("x");
        b.hlc.ms = 200;
        fs = {a, t, b};
        const LegacyNode n = legacyNodeFromFields("id1", fs, "me", 4);
        QCOMPARE(n.timestamp, int64_t(300));
        QVERIFY(!n.data.contains("t"));
        const QByteArray line = encodeLegacyPut("me", n);
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        auto back = decodeLegacyLine(line.chopped(1));
        QVERIFY(back);
        QCOMPARE(back->node.data, n.data);
        QCOMPARE(back->node.state, n.state);
        QVERIFY(decodeLegacyLine(encodeLegacySyncRequest("me").chopped(1)));
        QCOMPARE(decodeLegacyLine(encodeLegacyDelete("me", "id1").chopped(1))->id, QStringLiteral("id1"));
    }

    /// Bad input is a clear error.
    void badInputIsAnError() {
        const QList<QByteArray> bad = {
            "",
            "not json",
            "[1,2]",
            R"({"type":"nope"})",
            R"({"type":"delete"})",
            R"({"type":"delete","id":5})",
            R"({"type":"put"})",
            R"({"type":"put","node":{"id":"x","data":[],"timestamp":1}})",
            R"({"type":"put","node":{"id":"x","data":{},"timestamp":-1}})",
            R"({"type":"put","node":{"id":"x","data":{},"timestamp":1e300}})",
            R"({"type":"put","node":{"id":"x","data":{},"timestamp":1,"state":{"a":"soon"}}})",
            R"({"type":"put","node":{"id":"","data":{},"timestamp":1}})",
            "{\"type\":\"put\",\"node\":{\"id\":\"\xff\",\"data\":{},\"timestamp\":1}}",
        };
        for (const QByteArray& b : bad)
            QVERIFY2(!decodeLegacyLine(b), b.constData());
        QVERIFY(looksLikeLegacyJson('{'));
        QVERIFY(!looksLikeLegacyJson('\x01'));
    }

    /// Lines split across chunks reassemble; a line without end beyond the bound is an error.
    void lineReader() {
        LineReader r;
        r.append("{\"a\"");
        QVERIFY(r.next() && !r.next()->has_value());
        r.append(":1}\n{\"b\":2}\n");
        QCOMPARE(**r.next(), QByteArray("{\"a\":1}"));
        QCOMPARE(**r.next(), QByteArray("{\"b\":2}"));
        LineReader big;
        big.append(QByteArray(kMaxLegacyLineBytes + 10, 'x'));
        QVERIFY(!big.next());
    }
};

QTEST_GUILESS_MAIN(TestLegacyJson)
#include "test_legacy_json.moc"
