#pragma once

// The CRDT state of one record, as stored in one row: the record's put and delete clocks and the
// register of every field (its winning clock and value, or a tombstone). Keeping a record's
// registers together costs one row read and one row write per op, whatever the number of fields.
//
// Encoding (little-endian; canonical, so equal states are equal bytes and hash alike):
//   u32 clockCount, then the distinct field clocks (Hlc::kEncodedSize bytes each), ascending;
//   u32 fieldCount, then per field, sorted by name bytes:
//   u32 nameLen, name (UTF-8), u32 clock index, u8 kind (0 tombstone, 1 value),
//   u32 valueLen, value (compact JSON text; empty for a tombstone)
// Every stored clock is used by at least one field.
// Decoding is bounds-checked: the bytes come from disk and are outside input.

#include "core/common/Result.h"
#include "core/store/Op.h"

#include <QByteArray>

#include <map>
#include <vector>

namespace pluresdb::store {

struct FieldRegister {
    QByteArray hlc;  // Hlc::encode()
    bool tombstone = false;
    QByteArray value;  // compact JSON text
};

// A put's fields serialised once: each value as compact JSON text (or a tombstone for null).
struct EncodedField {
    QByteArray name;  // UTF-8
    bool tombstone = false;
    QByteArray value;
};
using EncodedFields = std::vector<EncodedField>;
// Fails on a field name that is not valid Unicode or is over kMaxFieldNameBytes.
Result<EncodedFields> encodeFields(const QJsonObject& fields);
// The fields as one compact JSON object text (tombstones as null): the op body in the log.
QByteArray encodedFieldsJson(const EncodedFields& fields);

struct RecordState {
    QByteArray putHlc;                           // empty: never put
    QByteArray delHlc;                           // empty: never deleted
    std::map<QByteArray, FieldRegister> fields;  // by UTF-8 name

    bool exists() const { return putHlc > delHlc; }

    // Applies one op; returns whether anything changed. Deterministic and order-independent:
    // per field the greatest clock wins; a delete drops every field register older than it.
    bool apply(OpKind kind, const QByteArray& opHlc, const EncodedFields& fields);

    QByteArray encodeFields() const;
    static Result<std::map<QByteArray, FieldRegister>> decodeFields(const QByteArray& bytes);

    // The live fields as one compact JSON object (null when the record does not exist).
    QByteArray visibleJson() const;
    // The hash of the whole register set, for the replica digest.
    QByteArray hash(const QByteArray& idUtf8) const { return hash(idUtf8, encodeFields()); }
    QByteArray hash(const QByteArray& idUtf8, const QByteArray& encodedFields) const;
};

// Compact JSON text of a value, canonical for a given QJsonValue (the digest hashes it).
QByteArray jsonValueToText(const QJsonValue& v);
std::optional<QJsonValue> jsonValueFromText(const QByteArray& text);
// A JSON string literal (quoted, escaped) for UTF-8 text.
QByteArray jsonQuote(const QByteArray& utf8);

}  // namespace pluresdb::store
