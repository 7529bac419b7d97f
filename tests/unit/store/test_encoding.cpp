// The store's text and byte encodings stay byte for byte what earlier versions wrote. Replicas hash
// a record's value text and register blob into the digest, so a replica running this build and one
// running an older build must encode every value alike, or they would never see each other in sync.
// The reference here is the straightforward implementation the store shipped with before the
// single-pass writers (RecordState.cpp); random values of every JSON kind must encode the same.

#include "core/store/RecordState.h"
#include "core/store/Store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using namespace pluresdb::store;

namespace ref {

void putU32(QByteArray& out, uint32_t v) {
    const char b[4] = {char(v), char(v >> 8), char(v >> 16), char(v >> 24)};
    out.append(b, 4);
}

QByteArray jsonQuote(const QByteArray& utf8) {
    QByteArray out("\"");
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"':
                out.append("\\\"");
                break;
            case '\\':
                out.append("\\\\");
                break;
            case '\b':
                out.append("\\b");
                break;
            case '\f':
                out.append("\\f");
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            case '\t':
                out.append("\\t");
                break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out.append(buf);
                } else {
                    out.append(ch);
                }
        }
    }
    out.append('"');
    return out;
}

void appendJson(QByteArray& out, const QJsonValue& v) {
    switch (v.type()) {
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            out.append("null");
            return;
        case QJsonValue::Bool:
            out.append(v.toBool() ? "true" : "false");
            return;
        case QJsonValue::String:
            out.append(jsonQuote(v.toString().toUtf8()));
            return;
        case QJsonValue::Double: {
            const double d = v.toDouble();
            if (!std::isfinite(d)) {
                out.append("null");
                return;
            }
            constexpr qint64 kSentinel = std::numeric_limits<qint64>::min();
            const qint64 i = v.toInteger(kSentinel);
            if (i != kSentinel)
                out.append(QByteArray::number(i));
            else if (d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
                out.append(QByteArray::number(static_cast<qint64>(d)));
            else
                out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
            return;
        }
        case QJsonValue::Array: {
            out.append('[');
            const QJsonArray a = v.toArray();
            for (qsizetype k = 0; k < a.size(); ++k) {
                if (k)
                    out.append(',');
                appendJson(out, a.at(k));
            }
            out.append(']');
            return;
        }
        case QJsonValue::Object: {
            out.append('{');
            const QJsonObject o = v.toObject();
            bool first = true;
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (!first)
                    out.append(',');
                first = false;
                out.append(jsonQuote(it.key().toUtf8()));
                out.append(':');
                appendJson(out, it.value());
            }
            out.append('}');
            return;
        }
    }
    out.append("null");
}

QByteArray encodeState(const RecordState& s) {
    std::vector<QByteArray> clocks;
    for (const auto& [name, f] : s.fields)
        clocks.push_back(f.hlc);
    std::sort(clocks.begin(), clocks.end());
    clocks.erase(std::unique(clocks.begin(), clocks.end()), clocks.end());
    QByteArray out;
    putU32(out, static_cast<uint32_t>(clocks.size()));
    for (const auto& c : clocks)
        out.append(c);
    putU32(out, static_cast<uint32_t>(s.fields.size()));
    for (const auto& [name, f] : s.fields) {
        putU32(out, static_cast<uint32_t>(name.size()));
        out.append(name);
        putU32(out,
               static_cast<uint32_t>(std::lower_bound(clocks.begin(), clocks.end(), f.hlc) - clocks.begin()));
        out.append(char(f.tombstone ? 0 : 1));
        putU32(out, static_cast<uint32_t>(f.value.size()));
        out.append(f.value);
    }
    return out;
}

QByteArray visibleJson(const RecordState& s) {
    if (!s.exists())
        return {};
    QByteArray out("{");
    bool first = true;
    for (const auto& [name, f] : s.fields) {
        if (f.tombstone)
            continue;
        if (!first)
            out.append(',');
        first = false;
        out.append(jsonQuote(name));
        out.append(':');
        out.append(f.value);
    }
    out.append('}');
    return out;
}

QByteArray fieldsJson(const EncodedFields& fields) {
    QByteArray out("{");
    bool first = true;
    for (const auto& f : fields) {
        if (!first)
            out.append(',');
        first = false;
        out.append(jsonQuote(f.name));
        out.append(':');
        out.append(f.tombstone ? QByteArrayLiteral("null") : f.value);
    }
    out.append('}');
    return out;
}

}  // namespace ref

namespace {

// Text that exercises every escaping rule: ASCII, quotes, backslashes, control characters, DEL,
// Latin-1, other BMP characters, astral characters (surrogate pairs) and lone surrogates.
QString randomText(std::mt19937& rng, bool loneSurrogates = true) {
    static const char16_t pool[] = {u'a', u'Z', u'0', u' ', u'"', u'\\', u'/',   0x01,   0x08,   0x09,  0x0a,
                                    0x0c, 0x0d, 0x1f, 0x7f, 0xe9, 0xff,  0x20ac, 0x4e2d, 0xfeff, 0xfffd};
    QString s;
    const int n = static_cast<int>(rng() % 24);
    for (int i = 0; i < n; ++i) {
        switch (rng() % 10) {
            case 0:  // an astral character as a surrogate pair
                s.append(QChar(char16_t(0xd83d)));
                s.append(QChar(char16_t(0xde00 + rng() % 64)));
                break;
            case 1:  // a lone surrogate (not valid Unicode; toUtf8 replaces it)
                if (!loneSurrogates)
                    break;
                s.append(QChar(char16_t((rng() % 2 ? 0xd800 : 0xdc00) + rng() % 0x400)));
                break;
            default:
                s.append(QChar(pool[rng() % std::size(pool)]));
        }
    }
    return s;
}

QJsonValue randomValue(std::mt19937& rng, int depth) {
    switch (rng() % (depth > 2 ? 6 : 8)) {
        case 0:
            return QJsonValue::Null;
        case 1:
            return bool(rng() % 2);
        case 2:
            return randomText(rng);
        case 3: {
            static const qint64 ints[] = {0,
                                          1,
                                          -1,
                                          42,
                                          9007199254740991LL,
                                          -9007199254740992LL,
                                          std::numeric_limits<qint64>::max(),
                                          std::numeric_limits<qint64>::min() + 1};
            return rng() % 2 ? QJsonValue(ints[rng() % std::size(ints)])
                             : QJsonValue(qint64(rng()) - (1LL << 31));
        }
        case 4: {
            static const double ds[] = {0.5,
                                        -0.0,
                                        1e300,
                                        -1e-300,
                                        3.141592653589793,
                                        1e21,
                                        1e15 + 0.5,
                                        std::numeric_limits<double>::infinity(),
                                        std::nan("")};
            return rng() % 2 ? ds[rng() % std::size(ds)] : double(rng()) / double(rng() | 1);
        }
        case 5:
            return QString(static_cast<qsizetype>(rng() % 300), QChar(u'x'));
        case 6: {
            QJsonArray a;
            for (int i = static_cast<int>(rng() % 5); i > 0; --i)
                a.append(randomValue(rng, depth + 1));
            return a;
        }
        default: {
            QJsonObject o;
            for (int i = static_cast<int>(rng() % 5); i > 0; --i)
                o.insert(randomText(rng), randomValue(rng, depth + 1));
            return o;
        }
    }
}

QByteArray clock(std::mt19937& rng) {
    Hlc h;
    h.ms = 1'700'000'000'000 + rng() % 1000;
    h.counter = rng() % 3;
    h.site[0] = static_cast<uint8_t>(rng() % 3);
    return h.encode();
}

}  // namespace

class TestEncoding : public QObject {
    Q_OBJECT
private slots:
    /// Every kind of JSON value encodes to the same compact text as the reference implementation.
    void valueTextUnchanged() {
        std::mt19937 rng(7);
        for (int i = 0; i < 20000; ++i) {
            const QJsonValue v = randomValue(rng, 0);
            QByteArray expected;
            ref::appendJson(expected, v);
            const QByteArray got = jsonValueToText(v);
            if (got != expected)
                QFAIL(qPrintable(
                    QStringLiteral("case %1: got %2, expected %3")
                        .arg(i)
                        .arg(QString::fromLatin1(got.toHex()), QString::fromLatin1(expected.toHex()))));
            QCOMPARE(jsonQuote(got), ref::jsonQuote(got));
        }
    }

    /// The writer tests strings for plain ASCII several characters at a time: one character that
    /// needs escaping or is not ASCII, at any position of a string of any length (and next to any
    /// other), still takes the exact path.
    void oneSpecialCharacterAnywhere() {
        std::vector<char16_t> specials;
        for (char16_t c = 0; c < 0x100; ++c)
            specials.push_back(c);
        for (char16_t c : {0x7ff, 0x800, 0x20ac, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfeff, 0xffff})
            specials.push_back(c);
        for (int len = 1; len <= 19; ++len) {
            for (int pos = 0; pos < len; ++pos) {
                for (char16_t c : specials) {
                    for (char16_t fill : {u'a', u' ', u'~', u'!', u'#', u'[', u']'}) {
                        QString s(len, QChar(fill));
                        s[pos] = QChar(c);
                        QByteArray expected;
                        ref::appendJson(expected, s);
                        const QByteArray got = jsonValueToText(s);
                        if (got != expected)
                            QFAIL(qPrintable(QStringLiteral("len %1 pos %2 char %3: got %4, expected %5")
                                                 .arg(len)
                                                 .arg(pos)
                                                 .arg(int(c), 0, 16)
                                                 .arg(QString::fromLatin1(got.toHex()),
                                                      QString::fromLatin1(expected.toHex()))));
                    }
                }
            }
        }
    }

    /// A huge value and then small ones: the writer's reused buffer never leaks into or loses a value.
    void hugeThenSmallValues() {
        const QString big(2 * 1024 * 1024, QLatin1Char('z'));
        QCOMPARE(jsonValueToText(big).size(), big.size() + 2);
        QCOMPARE(jsonValueToText(1), QByteArray("1"));
        QCOMPARE(jsonValueToText(QStringLiteral("ab")), QByteArray("\"ab\""));
        QCOMPARE(jsonValueToText(QJsonArray{big, 2}).size(), big.size() + 6);
        QCOMPARE(jsonValueToText(QJsonObject{{"k", true}}), QByteArray(R"({"k":true})"));
    }

    /// A put's body, a record's register blob, its visible JSON and its hash are unchanged too.
    void recordEncodingsUnchanged() {
        std::mt19937 rng(11);
        int checked = 0;
        for (int i = 0; i < 3000; ++i) {
            QJsonObject put;
            for (int k = static_cast<int>(rng() % 7); k > 0; --k)
                put.insert(randomText(rng, i % 10 == 0),
                           rng() % 5 == 0 ? QJsonValue(QJsonValue::Null) : randomValue(rng, 1));
            auto fields = encodeFields(put);
            if (!fields) {  // a field name with a lone surrogate: refused, as before
                QVERIFY2(fields.errorMessage().contains("Unicode"), qPrintable(fields.errorMessage()));
                continue;
            }
            QCOMPARE(encodedFieldsJson(*fields), ref::fieldsJson(*fields));

            RecordState state;
            for (int k = static_cast<int>(rng() % 4); k >= 0; --k) {
                const bool del = rng() % 6 == 0;
                state.apply(del ? OpKind::Delete : OpKind::Put, clock(rng), del ? EncodedFields{} : *fields);
            }
            const QByteArray blob = state.encodeFields();
            QCOMPARE(blob, ref::encodeState(state));
            QCOMPARE(state.visibleJson(), ref::visibleJson(state));
            auto decoded = RecordState::decodeFields(blob);
            QVERIFY(decoded);
            QCOMPARE(decoded->size(), state.fields.size());
            ++checked;
        }
        QVERIFY(checked > 2500);
    }

    /// Pinned bytes: a fixed record's register blob and hash, as every earlier version wrote them.
    void pinnedRecordHash() {
        Hlc h1{1'700'000'000'000, 0, {}};
        Hlc h2{1'700'000'000'001, 2, {}};
        h2.site[0] = 1;
        auto f1 = encodeFields(
            QJsonObject{{"name", "Ada"}, {"tags", QJsonArray{1, "x\n"}}, {"gone", QJsonValue::Null}});
        auto f2 = encodeFields(QJsonObject{{"name", QString::fromUtf8("L\xc3\xa9on")}, {"n", 2.5}});
        QVERIFY(f1 && f2);
        RecordState s;
        s.apply(OpKind::Put, h1.encode(), *f1);
        s.apply(OpKind::Put, h2.encode(), *f2);
        QCOMPARE(s.visibleJson(), QByteArray(R"({"n":2.5,"name":"Léon","tags":[1,"x\n"]})"));
        QCOMPARE(s.hash("user:1").toHex(),
                 QByteArray("753975fab3cfe0ea6f4d069f02694c2d3629a67b5918e1fff7328318e0edf19a"));
    }
};

QTEST_GUILESS_MAIN(TestEncoding)
#include "test_encoding.moc"
