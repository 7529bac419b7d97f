#pragma once

// The unit of change and of replication. Every local put or delete becomes one op, numbered by its
// origin replica (origin, seq) and stamped with one HLC shared by all the fields it writes.

#include "core/store/Hlc.h"
#include "core/store/OpPrev.h"
#include "core/store/SiteId.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace pluresdb::store {

enum class OpKind : uint8_t {
    Put = 1,     // overlay `fields` on the record; a field whose value is null is deleted
    Delete = 2,  // delete the whole record (every field written before this op's clock)
};

struct Op {
    SiteId origin{};
    uint64_t seq = 0;
    Hlc hlc;
    QString recordId;
    OpKind kind = OpKind::Put;
    QJsonObject fields;  // Put only
    // What the writer had seen of what it overwrote (OpPrev.h), for history and conflict views;
    // nullopt when unknown (ops written before schema 2, or from peers that do not say).
    std::optional<OpPrev> prev;

    bool operator==(const Op&) const = default;
};

// What a replica has: for each origin, the highest seq such that every op 1..seq is present.
using VersionVector = std::map<SiteId, uint64_t>;

// A record as the API sees it: id and its live fields.
struct Record {
    QString id;
    QJsonObject data;
};

// One field's current register, for history and conflict views.
struct FieldState {
    QString name;
    QJsonValue value;  // Undefined for a tombstone
    Hlc hlc;
};

}  // namespace pluresdb::store
