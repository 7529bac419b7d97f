#pragma once

// What a writer had seen of the fields it overwrote, carried by each op so that every replica can
// tell concurrent writes from sequential ones (README "Per-field history and conflicts"). Merge does
// not use it: the CRDT state depends on the clocks alone, so history never changes convergence.
//
// For a Put: per written field, the clock of the register the writer replaced (its field value or,
// when a record delete had dropped the field, that delete's clock); a field it had never seen has no
// entry. For a Delete: one entry under the empty name, the newest clock of the record the writer had
// (its put or delete clock).
//
// Encoding (the `prev` column of the op log, and the sync wire): empty for no entries, else
//   u32 clockCount, the distinct clocks (Hlc::kEncodedSize bytes each), ascending;
//   u32 entryCount, then per entry, sorted by name bytes: u32 nameLen, name (UTF-8), u32 clock index.
// All integers little-endian. Canonical: equal maps are equal bytes. Decoding is bounds-checked:
// the bytes come from disk and from peers.

#include "core/common/Result.h"
#include "core/store/Hlc.h"

#include <QByteArray>
#include <QString>

#include <map>

namespace pluresdb::store {

using OpPrev = std::map<QString, Hlc>;

// The key of a Delete's single entry.
inline const QString kRecordPrevKey;

QByteArray encodeOpPrev(const OpPrev& prev);
Result<OpPrev> decodeOpPrev(const QByteArray& bytes);

}  // namespace pluresdb::store
