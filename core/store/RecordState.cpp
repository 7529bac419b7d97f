#include "core/store/RecordState.h"

#include "core/store/Hlc.h"
#include "core/store/Limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace pluresdb::store {

namespace {

void putU32(QByteArray& out, uint32_t v) {
    const char b[4] = {char(v), char(v >> 8), char(v >> 16), char(v >> 24)};
    out.append(b, 4);
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
        if (!key.isValidUtf16())
            return makeError(QStringLiteral("a field name is not valid Unicode text"));
        f.name = key.toUtf8();
        if (f.name.size() > kMaxFieldNameBytes) {
            return makeError(QStringLiteral("field name is longer than %1 bytes").arg(kMaxFieldNameBytes));
        }
        f.tombstone = it.value().isNull() || it.value().isUndefined();
        if (!f.tombstone)
            f.value = jsonValueToText(it.value());
        out.push_back(std::move(f));
    }
    return out;
}

QByteArray encodedFieldsJson(const EncodedFields& fields) {
    qsizetype size = 2;
    for (const auto& f : fields)
        size += f.name.size() + f.value.size() + 8;
    QByteArray out;
    out.reserve(size);
    out.append('{');
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
        auto f = fields.find(in.name);
        if (f != fields.end() && !(opHlc > f->second.hlc))
            continue;
        fields[in.name] = FieldRegister{opHlc, in.tombstone, in.value};
        changed = true;
    }
    return changed;
}

QByteArray RecordState::encodeFields() const {
    // The fields of one put share its clock: each distinct clock is stored once, and fields refer
    // to it by index (44 bytes a clock; most records have one or two).
    std::vector<QByteArray> clocks;
    for (const auto& [name, f] : fields) clocks.push_back(f.hlc);
    std::sort(clocks.begin(), clocks.end());
    clocks.erase(std::unique(clocks.begin(), clocks.end()), clocks.end());
    QByteArray out;
    qsizetype size = 8 + static_cast<qsizetype>(clocks.size()) * Hlc::kEncodedSize;
    for (const auto& [name, f] : fields) size += 4 + name.size() + 4 + 1 + 4 + f.value.size();
    out.reserve(size);
    putU32(out, static_cast<uint32_t>(clocks.size()));
    for (const auto& c : clocks) out.append(c);
    putU32(out, static_cast<uint32_t>(fields.size()));
    for (const auto& [name, f] : fields) {
        putU32(out, static_cast<uint32_t>(name.size()));
        out.append(name);
        putU32(out, static_cast<uint32_t>(std::lower_bound(clocks.begin(), clocks.end(), f.hlc) - clocks.begin()));
        out.append(char(f.tombstone ? 0 : 1));
        putU32(out, static_cast<uint32_t>(f.value.size()));
        out.append(f.value);
    }
    return out;
}

Result<std::map<QByteArray, FieldRegister>> RecordState::decodeFields(const QByteArray& bytes) {
    const auto damaged = [] { return makeError(QStringLiteral("a stored record is damaged")); };
    Reader r(bytes);
    uint32_t clockCount = 0;
    if (!r.u32(&clockCount) || clockCount > static_cast<uint32_t>(bytes.size() / Hlc::kEncodedSize)) return damaged();
    std::vector<QByteArray> clocks(clockCount);
    for (uint32_t i = 0; i < clockCount; ++i) {
        if (!r.bytes(Hlc::kEncodedSize, &clocks[i])) return damaged();
        if (i > 0 && !(clocks[i - 1] < clocks[i])) return damaged();  // canonical: sorted, distinct
    }
    std::vector<bool> used(clockCount, false);
    uint32_t count = 0;
    if (!r.u32(&count)) return damaged();
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
        if ((f.tombstone && !f.value.isEmpty()) || (i > 0 && !(previous < name))) return damaged();  // canonical
        previous = name;
        out.emplace(std::move(name), std::move(f));
    }
    if (!r.atEnd() || std::find(used.begin(), used.end(), false) != used.end()) return damaged();
    return out;
}

QByteArray RecordState::visibleJson() const {
    if (!exists())
        return {};
    QByteArray out("{");
    bool first = true;
    for (const auto& [name, f] : fields) {
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

QByteArray RecordState::hash(const QByteArray& idUtf8, const QByteArray& encodedFields) const {
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, 32);
    auto absorb = [&st](const QByteArray& part) {
        const auto len = static_cast<uint32_t>(part.size());
        const uint8_t prefix[4] = {uint8_t(len), uint8_t(len >> 8), uint8_t(len >> 16), uint8_t(len >> 24)};
        crypto_generichash_update(&st, prefix, sizeof prefix);
        crypto_generichash_update(&st, reinterpret_cast<const uint8_t*>(part.constData()), part.size());
    };
    absorb(QByteArrayLiteral("pluresdb/record/v2"));
    absorb(idUtf8);
    absorb(putHlc);
    absorb(delHlc);
    absorb(encodedFields);
    QByteArray out(32, Qt::Uninitialized);
    crypto_generichash_final(&st, reinterpret_cast<uint8_t*>(out.data()), 32);
    return out;
}

QByteArray jsonQuote(const QByteArray& utf8) {
    // Fast path: nothing to escape (the common case for names and plain text).
    bool plain = true;
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == '"' || c == '\\') {
            plain = false;
            break;
        }
    }
    if (plain) {
        QByteArray out;
        out.reserve(utf8.size() + 2);
        out.append('"').append(utf8).append('"');
        return out;
    }
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
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

namespace {

// Compact JSON, written directly (QJsonDocument converts through CBOR first, several times slower).
// Object keys come in QJsonObject's order (sorted), so equal values give equal text.
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
            if (!std::isfinite(d)) {  // JSON has no NaN/Infinity
                out.append("null");
                return;
            }
            // Integers print as integers, exactly (Qt keeps 64-bit integers exact inside QJsonValue).
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

}  // namespace

QByteArray jsonValueToText(const QJsonValue& v) {
    QByteArray out;
    out.reserve(32);
    appendJson(out, v);
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
