#pragma once

// The PluresDB 2.x sync protocol (issue #7; opt-in per space, because those peers cannot prove
// the key): newline-delimited UTF-8 JSON on the same connection, one message per line.
//   {"type":"sync_request","originId":ID}          -> the receiver replies with one put per record
//   {"type":"put","originId":ID,"node":{"id","data","timestamp","state","vectorClock","type"?,"vector"?}}
//      timestamp = the record's last write (ms); state = {field: write time in ms}
//   {"type":"delete","originId":ID,"id":ID}
// A stream is in this mode when its first byte is '{' or JSON whitespace (our binary frames start
// with a message type byte, SyncProtocol.h).
//
// Mapping into our clocks (what cannot be preserved, README "Sync"): a 2.x field written at t ms
// becomes a register with HLC (t, 0, writer) where the writer is a site id derived from our site
// and the JSON peer's id, so sub-millisecond order and their tie-breaking are not kept (ours
// breaks ties on the site id); their vectorClock, `type` and `vector` are not kept; a delete has
// no time in 2.x, so it is stamped with max(now, the record's newest clock + 1 ms). Going out,
// our fields' ms become `state`, the newest becomes `timestamp`, and vectorClock carries our
// site's op count; HLC counters are dropped.

#include "core/common/Result.h"
#include "core/store/Op.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <map>
#include <vector>

namespace pluresdb::sync {

inline constexpr qsizetype kMaxLegacyLineBytes = 8 * 1024 * 1024;

struct LegacyNode {
    QString id;
    QJsonObject data;
    int64_t timestamp = 0;
    std::map<QString, int64_t> state;  // field -> ms
    QJsonObject vectorClock;
};

struct LegacyMessage {
    enum class Kind { SyncRequest, Put, Delete };
    Kind kind = Kind::SyncRequest;
    QString originId;
    LegacyNode node;  // Put
    QString id;       // Delete
};

// True when the first byte of a stream says it carries 2.x JSON.
bool looksLikeLegacyJson(char firstByte);

// One line (without its '\n'; a trailing '\r' is allowed). Errors name what is wrong.
Result<LegacyMessage> decodeLegacyLine(const QByteArray& line);

QByteArray encodeLegacySyncRequest(const QString& originId);
QByteArray encodeLegacyPut(const QString& originId, const LegacyNode& node);
QByteArray encodeLegacyDelete(const QString& originId, const QString& id);

// A record's registers (Store::fieldStates) as a 2.x node; `opCount` goes into vectorClock.
LegacyNode legacyNodeFromFields(const QString& id, const std::vector<store::FieldState>& fields,
                                const QString& originId, uint64_t opCount);

// A 2.x put as our writes: the fields grouped by their write time (one op per distinct time).
struct LegacyWrite {
    int64_t ms = 0;
    QJsonObject fields;
};
std::vector<LegacyWrite> legacyPutToWrites(const LegacyNode& node);

// Splits a byte stream into lines, bounded (a longer line is an error).
class LineReader {
public:
    void append(const QByteArray& bytes) { m_buf.append(bytes); }
    Result<std::optional<QByteArray>> next();

private:
    QByteArray m_buf;
    qsizetype m_pos = 0;
};

}  // namespace pluresdb::sync
