#pragma once

// Per-field history of one record and the concurrent writes in it, computed from the record's ops.
//
// Every op that touches a field is a write of it: a Put that names the field (a value, or null to
// delete it) and every Delete of the record (it removes every field older than itself). The writes
// of a field, in clock order, end with its current state: merge is last-writer-wins per field.
//
// Concurrency: each op carries `prev`, the clock of what its writer replaced (OpPrev.h). A write W
// (clock c, prev p) did not see an earlier write W' (clock c') of the same field exactly when
// p < c' < c: had W's writer had W', its register would have held c' or newer. Such a pair is a
// conflict: two writers changed the field without knowing of each other, and the one with the greater
// clock won (ties cannot happen: clocks end with the writer's id). The rule reads only what the ops
// carry, so every replica with the same ops shows the same conflicts. A write whose op does not
// carry prev (an op from before schema 2) is never marked.

#include "core/store/Op.h"

#include <QJsonValue>
#include <QString>

#include <vector>

namespace pluresdb::store {

struct FieldWrite {
    enum class Kind { Value, FieldDeleted, RecordDeleted };
    Hlc hlc;           // when, and by whom (hlc.site)
    uint64_t seq = 0;  // the op is (hlc.site, seq)
    Kind kind = Kind::Value;
    QJsonValue value;             // Kind::Value only
    bool causalityKnown = false;  // the op carried prev
    bool current = false;         // the newest write: the field's state now
    // Indexes (into FieldHistory::writes) of the writes of this field made without knowledge of
    // this one, or this one without knowledge of them. The greater clock of a pair won.
    std::vector<size_t> concurrentWith;
};

struct FieldHistory {
    QString name;
    std::vector<FieldWrite> writes;  // oldest first
    bool hasConflict() const;
};

struct RecordHistory {
    std::vector<FieldHistory> fields;  // by name
    bool truncated = false;            // only the newest ops were read (Store::kMaxHistoryOps)
};

// The history of one record from its ops (any order; all with the record's id).
std::vector<FieldHistory> buildFieldHistory(const std::vector<Op>& ops);

}  // namespace pluresdb::store
