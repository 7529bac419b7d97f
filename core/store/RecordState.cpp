#include "core/store/RecordState.h"

#include "core/store/Hlc.h"
#include "core/store/Limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

namespace pluresdb::store {

namespace {

char* writeU32(char* p, uint32_t v) {
    p[0] = char(v);
    p[1] = char(v >> 8);
    p[2] = char(v >> 16);
    p[3] = char(v >> 24);
    return p + 4;
}

char* writeBytes(char* p, const char* s, qsizetype n) {
    if (n > 0)
        std::memcpy(p, s, static_cast<size_t>(n));
    return p + n;
}

// JSON string escaping of one byte (UTF-8 bytes >= 0x80 pass through unchanged).
inline qsizetype escapedSize(unsigned char c) {
    if (c >= 0x20 && c != '"' && c != '\\')
        return 1;
    switch (c) {
        case '"':
        case '\\':
        case '\b':
        case '\f':
        case '\n':
        case '\r':
        case '\t':
            return 2;
        default:
            return 6;  // \\u00XX escape
    }
}

inline char* writeEscaped(char* p, unsigned char c) {
    if (c >= 0x20 && c != '"' && c != '\\') {
        *p++ = static_cast<char>(c);
        return p;
    }
    *p++ = '\\';
    switch (c) {
        case '"':
            *p++ = '"';
            break;
        case '\\':
            *p++ = '\\';
            break;
        case '\b':
            *p++ = 'b';
            break;
        case '\f':
            *p++ = 'f';
            break;
        case '\n':
            *p++ = 'n';
            break;
        case '\r':
            *p++ = 'r';
            break;
        case '\t':
            *p++ = 't';
            break;
        default: {
            static const char hex[] = "0123456789abcdef";
            *p++ = 'u';
            *p++ = '0';
            *p++ = '0';
            *p++ = hex[c >> 4];
            *p++ = hex[c & 15];
        }
    }
    return p;
}

// The size of `s` as a JSON string literal, quotes included.
qsizetype quotedSize(const char* s, qsizetype n) {
    qsizetype size = n + 2;
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == '"' || c == '\\')
            size += escapedSize(c) - 1;
    }
    return size;
}

char* writeQuoted(char* p, const char* s, qsizetype n) {
    *p++ = '"';
    for (qsizetype i = 0; i < n; ++i)
        p = writeEscaped(p, static_cast<unsigned char>(s[i]));
    *p++ = '"';
    return p;
}

// Whether every UTF-16 unit of `u` is printable ASCII other than '"' and '\\' (may answer false for
// some strings that are; never true for one that is not).
inline bool plainAscii(const char16_t* u, qsizetype n) {
    constexpr uint64_t kOnes = 0x0001000100010001ULL, kHigh = 0x8000800080008000ULL;
    const auto hasZeroLane = [](uint64_t w) { return (w - kOnes) & ~w & kHigh; };
    uint64_t bad = 0;
    qsizetype i = 0;
    for (; i + 4 <= n; i += 4) {
        uint64_t w;
        std::memcpy(&w, u + i, sizeof w);
        bad |= w & 0xFF80FF80FF80FF80ULL;         // a unit >= 0x80
        bad |= (w - 0x20 * kOnes) & ~w & kHigh;   // a unit < 0x20 (borrows only add false alarms)
        bad |= hasZeroLane(w ^ (u'"' * kOnes));   // '"'
        bad |= hasZeroLane(w ^ (u'\\' * kOnes));  // '\\'
    }
    for (; i < n; ++i) {
        const char16_t c = u[i];
        bad |= (c >= 0x80) | (c < 0x20) | (c == u'"') | (c == u'\\');
    }
    return bad == 0;
}

// ASCII UTF-16 units to bytes.
inline void narrow(const char16_t* u, qsizetype n, char* out) {
    qsizetype i = 0;
    if constexpr (std::endian::native == std::endian::little) {
        for (; i + 4 <= n; i += 4) {
            uint64_t w;
            std::memcpy(&w, u + i, sizeof w);
            const uint32_t b = uint32_t(w & 0xFF) | uint32_t((w >> 8) & 0xFF00) |
                               uint32_t((w >> 16) & 0xFF0000) | uint32_t((w >> 24) & 0xFF000000);
            std::memcpy(out + i, &b, sizeof b);
        }
    }
    for (; i < n; ++i)
        out[i] = static_cast<char>(u[i]);
}

class Reader {
public:
    explicit Reader(const QByteArray& b)
        : m_p(reinterpret_cast<const uint8_t*>(b.constData())), m_left(b.size()) {}
    bool u32(uint32_t* v) {
        if (m_left < 4)
            return false;
        *v = uint32_t(m_p[0]) | uint32_t(m_p[1]) << 8 | uint32_t(m_p[2]) << 16 | uint32_t(m_p[3]) << 24;
        m_p += 4;
        m_left -= 4;
        return true;
    }
    bool u8(uint8_t* v) {
        if (m_left < 1)
            return false;
        *v = *m_p++;
        --m_left;
        return true;
    }
    bool bytes(qsizetype n, QByteArray* out) {
        if (n < 0 || n > m_left)
            return false;
        *out = QByteArray(reinterpret_cast<const char*>(m_p), n);
        m_p += n;
        m_left -= n;
        return true;
    }
    bool atEnd() const { return m_left == 0; }

private:
    const uint8_t* m_p;
    qsizetype m_left;
};

}  // namespace

Result<EncodedFields> encodeFields(const QJsonObject& fields) {
    EncodedFields out;
    out.reserve(static_cast<size_t>(fields.size()));
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        EncodedField f;
        const QString key = it.key();
        if (plainAscii(reinterpret_cast<const char16_t*>(key.constData()), key.size())) {
            f.name = QByteArray(key.size(), Qt::Uninitialized);  // nearly every name: no UTF-8 encoder
            narrow(reinterpret_cast<const char16_t*>(key.constData()), key.size(), f.name.data());
        } else {
            if (!key.isValidUtf16())
                return makeError(QStringLiteral("a field name is not valid Unicode text"));
            f.name = key.toUtf8();
        }
        if (f.name.size() > kMaxFieldNameBytes) {
            return makeError(QStringLiteral("field name is longer than %1 bytes").arg(kMaxFieldNameBytes));
        }
        const QJsonValue value = it.value();
        f.tombstone = value.isNull() || value.isUndefined();
        if (!f.tombstone)
            f.value = jsonValueToText(value);
        out.push_back(std::move(f));
    }
    return out;
}

QByteArray encodedFieldsJson(const EncodedFields& fields) {
    // One exact-size buffer, written once: this runs for every op made or received.
    qsizetype size = 2 + (fields.empty() ? 0 : static_cast<qsizetype>(fields.size()) - 1);
    for (const auto& f : fields)
        size += quotedSize(f.name.constData(), f.name.size()) + 1 + (f.tombstone ? 4 : f.value.size());
    QByteArray out(size, Qt::Uninitialized);
    char* p = out.data();
    *p++ = '{';
    bool first = true;
    for (const auto& f : fields) {
        if (!first)
            *p++ = ',';
        first = false;
        p = writeQuoted(p, f.name.constData(), f.name.size());
        *p++ = ':';
        if (f.tombstone)
            p = writeBytes(p, "null", 4);
        else
            p = writeBytes(p, f.value.constData(), f.value.size());
    }
    *p++ = '}';
    Q_ASSERT(p == out.constData() + out.size());
    return out;
}

bool RecordState::apply(OpKind kind, const QByteArray& opHlc, const EncodedFields& opFields) {
    bool changed = false;
    if (kind == OpKind::Delete) {
        if (opHlc > delHlc) {
            delHlc = opHlc;
            changed = true;
            for (auto it = fields.begin(); it != fields.end();) {
                if (it->second.hlc < delHlc)
                    it = fields.erase(it);
                else
                    ++it;
            }
        }
        return changed;
    }
    if (opHlc > putHlc) {
        putHlc = opHlc;
        changed = true;
    }
    if (!(opHlc > delHlc))
        return changed;  // written before the record was deleted
    for (const auto& in : opFields) {
        // One search per field: the register if there is one, else where a new one goes.
        auto f = fields.lower_bound(in.name);
        if (f != fields.end() && f->first == in.name) {
            if (!(opHlc > f->second.hlc))
                continue;
            f->second = FieldRegister{opHlc, in.tombstone, in.value};
        } else {
            fields.emplace_hint(f, in.name, FieldRegister{opHlc, in.tombstone, in.value});
        }
        changed = true;
    }
    return changed;
}

QByteArray RecordState::encodeFields() const {
    // The fields of one put share its clock: each distinct clock is stored once, and fields refer
    // to it by index (44 bytes a clock; most records have one or two).
    std::vector<const QByteArray*> clocks;
    clocks.reserve(fields.size());
    for (const auto& [name, f] : fields)
        clocks.push_back(&f.hlc);
    const auto less = [](const QByteArray* a, const QByteArray* b) { return *a < *b; };
    std::sort(clocks.begin(), clocks.end(), less);
    clocks.erase(std::unique(clocks.begin(), clocks.end(),
                             [](const QByteArray* a, const QByteArray* b) { return *a == *b; }),
                 clocks.end());
    qsizetype size = 8;
    for (const QByteArray* c : clocks)
        size += c->size();
    for (const auto& [name, f] : fields)
        size += 4 + name.size() + 4 + 1 + 4 + f.value.size();
    QByteArray out(size, Qt::Uninitialized);
    char* p = out.data();
    p = writeU32(p, static_cast<uint32_t>(clocks.size()));
    for (const QByteArray* c : clocks)
        p = writeBytes(p, c->constData(), c->size());
    p = writeU32(p, static_cast<uint32_t>(fields.size()));
    for (const auto& [name, f] : fields) {
        p = writeU32(p, static_cast<uint32_t>(name.size()));
        p = writeBytes(p, name.constData(), name.size());
        const auto index = std::lower_bound(clocks.begin(), clocks.end(), &f.hlc, less) - clocks.begin();
        p = writeU32(p, static_cast<uint32_t>(index));
        *p++ = char(f.tombstone ? 0 : 1);
        p = writeU32(p, static_cast<uint32_t>(f.value.size()));
        p = writeBytes(p, f.value.constData(), f.value.size());
    }
    Q_ASSERT(p == out.constData() + out.size());
    return out;
}

Result<std::map<QByteArray, FieldRegister>> RecordState::decodeFields(const QByteArray& bytes) {
    const auto damaged = [] { return makeError(QStringLiteral("a stored record is damaged")); };
    Reader r(bytes);
    uint32_t clockCount = 0;
    if (!r.u32(&clockCount) || clockCount > static_cast<uint32_t>(bytes.size() / Hlc::kEncodedSize))
        return damaged();
    std::vector<QByteArray> clocks(clockCount);
    for (uint32_t i = 0; i < clockCount; ++i) {
        if (!r.bytes(Hlc::kEncodedSize, &clocks[i]))
            return damaged();
        if (i > 0 && !(clocks[i - 1] < clocks[i]))
            return damaged();  // canonical: sorted, distinct
    }
    std::vector<bool> used(clockCount, false);
    uint32_t count = 0;
    if (!r.u32(&count))
        return damaged();
    std::map<QByteArray, FieldRegister> out;
    QByteArray previous;
    for (uint32_t i = 0; i < count; ++i) {
        uint32_t nameLen = 0, clockIndex = 0, valueLen = 0;
        uint8_t kind = 0;
        QByteArray name;
        FieldRegister f;
        if (!r.u32(&nameLen) || !r.bytes(nameLen, &name) || !r.u32(&clockIndex) || clockIndex >= clockCount ||
            !r.u8(&kind) || kind > 1 || !r.u32(&valueLen) || !r.bytes(valueLen, &f.value)) {
            return damaged();
        }
        f.hlc = clocks[clockIndex];
        used[clockIndex] = true;
        f.tombstone = kind == 0;
        if ((f.tombstone && !f.value.isEmpty()) || (i > 0 && !(previous < name)))
            return damaged();  // canonical
        previous = name;
        out.emplace(std::move(name), std::move(f));
    }
    if (!r.atEnd() || std::find(used.begin(), used.end(), false) != used.end())
        return damaged();
    return out;
}

QByteArray RecordState::visibleJson() const {
    if (!exists())
        return {};
    qsizetype size = 2, live = 0;
    for (const auto& [name, f] : fields) {
        if (f.tombstone)
            continue;
        size += quotedSize(name.constData(), name.size()) + 1 + f.value.size();
        ++live;
    }
    size += live > 0 ? live - 1 : 0;
    QByteArray out(size, Qt::Uninitialized);
    char* p = out.data();
    *p++ = '{';
    bool first = true;
    for (const auto& [name, f] : fields) {
        if (f.tombstone)
            continue;
        if (!first)
            *p++ = ',';
        first = false;
        p = writeQuoted(p, name.constData(), name.size());
        *p++ = ':';
        p = writeBytes(p, f.value.constData(), f.value.size());
    }
    *p++ = '}';
    Q_ASSERT(p == out.constData() + out.size());
    return out;
}

QByteArray RecordState::hash(const QByteArray& idUtf8, const QByteArray& encodedFields) const {
    // BLAKE2b over the length-prefixed parts, laid out in one buffer and hashed in one call: the
    // same bytes as part by part, ~200 instructions less per record written (tests/bench/store).
    static const QByteArray kDomain = QByteArrayLiteral("pluresdb/record/v2");
    const QByteArray* parts[] = {&kDomain, &idUtf8, &putHlc, &delHlc, &encodedFields};
    size_t total = 0;
    for (const QByteArray* part : parts)
        total += 4 + static_cast<size_t>(part->size());
    thread_local std::string buf;
    buf.resize(total);
    char* p = buf.data();
    for (const QByteArray* part : parts) {
        p = writeU32(p, static_cast<uint32_t>(part->size()));
        p = writeBytes(p, part->constData(), part->size());
    }
    QByteArray out(32, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<uint8_t*>(out.data()), 32,
                       reinterpret_cast<const uint8_t*>(buf.data()), total, nullptr, 0);
    if (buf.capacity() > (size_t(1) << 20))
        std::string().swap(buf);  // give back the memory of a huge record once hashed
    return out;
}

QByteArray jsonQuote(const QByteArray& utf8) {
    QByteArray out(quotedSize(utf8.constData(), utf8.size()), Qt::Uninitialized);
    writeQuoted(out.data(), utf8.constData(), utf8.size());
    return out;
}

namespace {

// Compact JSON, written directly into one growing buffer (QJsonDocument converts through CBOR first,
// several times slower; QByteArray's small appends cost a call each). Object keys come in
// QJsonObject's order (sorted), so equal values give equal text. The text must stay byte for byte
// what earlier versions wrote: replicas hash it into the digest (test_store_encoding checks).
class JsonWriter {
public:
    explicit JsonWriter(std::string& buf) : m_buf(buf) { m_buf.clear(); }

    void value(const QJsonValue& v) {
        switch (v.type()) {
            case QJsonValue::Null:
            case QJsonValue::Undefined:
                m_buf.append("null", 4);
                return;
            case QJsonValue::Bool:
                if (v.toBool())
                    m_buf.append("true", 4);
                else
                    m_buf.append("false", 5);
                return;
            case QJsonValue::String:
                string(v.toString());
                return;
            case QJsonValue::Double:
                number(v);
                return;
            case QJsonValue::Array: {
                m_buf.push_back('[');
                const QJsonArray a = v.toArray();
                for (qsizetype k = 0; k < a.size(); ++k) {
                    if (k)
                        m_buf.push_back(',');
                    value(a.at(k));
                }
                m_buf.push_back(']');
                return;
            }
            case QJsonValue::Object: {
                m_buf.push_back('{');
                const QJsonObject o = v.toObject();
                bool first = true;
                for (auto it = o.begin(); it != o.end(); ++it) {
                    if (!first)
                        m_buf.push_back(',');
                    first = false;
                    string(it.key());
                    m_buf.push_back(':');
                    value(it.value());
                }
                m_buf.push_back('}');
                return;
            }
        }
        m_buf.append("null", 4);
    }

private:
    // A JSON string literal of `s` in UTF-8. ASCII (nearly all keys and much text) is converted and
    // escaped in one pass; anything else goes through QString::toUtf8 exactly as before, so that
    // the bytes (replacement of unpaired surrogates included) stay what they were.
    void string(const QString& s) {
        const char16_t* u = reinterpret_cast<const char16_t*>(s.constData());
        const qsizetype n = s.size();
        // The common case first: printable ASCII with nothing to escape, tested four UTF-16 units at
        // a time in one 64-bit word and copied the same way (the escaping loop below costs ~15
        // instructions a character). A false alarm only sends the string to that loop, which
        // writes the same bytes, so the word tests may be loose.
        if (plainAscii(u, n)) {
            const size_t at = m_buf.size();
            m_buf.resize(at + static_cast<size_t>(n) + 2);
            char* p = m_buf.data() + at;
            *p++ = '"';
            narrow(u, n, p);
            p[n] = '"';
            return;
        }
        qsizetype size = n + 2;
        for (qsizetype i = 0; i < n; ++i) {
            if (u[i] >= 0x80) {
                const QByteArray utf8 = s.toUtf8();
                const size_t at = m_buf.size();
                m_buf.resize(at + static_cast<size_t>(quotedSize(utf8.constData(), utf8.size())));
                writeQuoted(m_buf.data() + at, utf8.constData(), utf8.size());
                return;
            }
            if (u[i] < 0x20 || u[i] == '"' || u[i] == '\\')
                size += escapedSize(static_cast<unsigned char>(u[i])) - 1;
        }
        const size_t at = m_buf.size();
        m_buf.resize(at + static_cast<size_t>(size));
        char* p = m_buf.data() + at;
        *p++ = '"';
        for (qsizetype i = 0; i < n; ++i)
            p = writeEscaped(p, static_cast<unsigned char>(u[i]));
        *p++ = '"';
    }

    void number(const QJsonValue& v) {
        const double d = v.toDouble();
        if (!std::isfinite(d)) {  // JSON has no NaN/Infinity
            m_buf.append("null", 4);
            return;
        }
        // Integers print as integers, exactly (Qt keeps 64-bit integers exact inside QJsonValue).
        constexpr qint64 kSentinel = std::numeric_limits<qint64>::min();
        const qint64 i = v.toInteger(kSentinel);
        if (i != kSentinel) {
            integer(i);
        } else if (d == std::floor(d) && std::fabs(d) < 9007199254740992.0) {
            integer(static_cast<qint64>(d));
        } else {
            const QByteArray t = QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
            m_buf.append(t.constData(), static_cast<size_t>(t.size()));
        }
    }

    void integer(qint64 i) {
        char tmp[24];
        const auto r = std::to_chars(tmp, tmp + sizeof tmp, i);
        m_buf.append(tmp, static_cast<size_t>(r.ptr - tmp));
    }

    std::string& m_buf;
};

}  // namespace

QByteArray jsonValueToText(const QJsonValue& v) {
    // One scratch buffer per thread, reused: the text is copied out once, at its final size.
    thread_local std::string scratch;
    JsonWriter w(scratch);
    w.value(v);
    QByteArray out(scratch.data(), static_cast<qsizetype>(scratch.size()));
    if (scratch.capacity() > (size_t(1) << 20))
        std::string().swap(scratch);  // give back the memory of a huge value once it is copied out
    return out;
}

std::optional<QJsonValue> jsonValueFromText(const QByteArray& text) {
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().at(0);
}

}  // namespace pluresdb::store
