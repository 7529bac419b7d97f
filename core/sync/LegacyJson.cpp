#include "core/sync/LegacyJson.h"

#include "core/store/Limits.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace pluresdb::sync {

namespace {

// ms times from a JSON number: finite, non-negative, within what an HLC holds.
std::optional<int64_t> msFromJson(const QJsonValue& v) {
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < 0 || d > 9.0e15)
        return std::nullopt;
    return static_cast<int64_t>(std::floor(d));
}

QByteArray line(const QJsonObject& o) {
    QByteArray b = QJsonDocument(o).toJson(QJsonDocument::Compact);
    b.append('\n');
    return b;
}

}  // namespace

bool looksLikeLegacyJson(char c) {
    return c == '{' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

Result<LegacyMessage> decodeLegacyLine(const QByteArray& raw) {
    QByteArray text = raw;
    if (text.endsWith('\r'))
        text.chop(1);
    if (text.size() > kMaxLegacyLineBytes)
        return makeError(QStringLiteral("JSON message too long (%1 bytes)").arg(text.size()));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
    if (err.error != QJsonParseError::NoError)
        return makeError(
            QStringLiteral("invalid JSON: %1 at offset %2").arg(err.errorString()).arg(err.offset));
    if (!doc.isObject())
        return makeError(QStringLiteral("JSON message is not an object"));
    const QJsonObject o = doc.object();
    LegacyMessage m;
    const QJsonValue origin = o.value(QLatin1String("originId"));
    if (origin.isString())
        m.originId = origin.toString().left(256);
    const QString type = o.value(QLatin1String("type")).toString();
    if (type == QLatin1String("sync_request")) {
        m.kind = LegacyMessage::Kind::SyncRequest;
        return m;
    }
    if (type == QLatin1String("delete")) {
        m.kind = LegacyMessage::Kind::Delete;
        const QJsonValue id = o.value(QLatin1String("id"));
        if (!id.isString())
            return makeError(QStringLiteral("delete without a string id"));
        m.id = id.toString();
        if (auto v = store::validateRecordId(m.id); !v)
            return makeError(QStringLiteral("delete: %1").arg(v.errorMessage()));
        return m;
    }
    if (type != QLatin1String("put"))
        return makeError(QStringLiteral("unknown JSON message type '%1'").arg(type.left(40)));
    m.kind = LegacyMessage::Kind::Put;
    const QJsonValue nodeV = o.value(QLatin1String("node"));
    if (!nodeV.isObject())
        return makeError(QStringLiteral("put without a node object"));
    const QJsonObject node = nodeV.toObject();
    const QJsonValue id = node.value(QLatin1String("id"));
    if (!id.isString())
        return makeError(QStringLiteral("put: node without a string id"));
    m.node.id = id.toString();
    if (auto v = store::validateRecordId(m.node.id); !v)
        return makeError(QStringLiteral("put: %1").arg(v.errorMessage()));
    const QJsonValue data = node.value(QLatin1String("data"));
    if (!data.isObject())
        return makeError(QStringLiteral("put: node.data is not an object"));
    m.node.data = data.toObject();
    const auto ts = msFromJson(node.value(QLatin1String("timestamp")));
    if (!ts)
        return makeError(QStringLiteral("put: node.timestamp is not a time in ms"));
    m.node.timestamp = *ts;
    const QJsonValue state = node.value(QLatin1String("state"));
    if (state.isObject()) {
        const QJsonObject so = state.toObject();
        for (auto it = so.begin(); it != so.end(); ++it) {
            const auto ms = msFromJson(it.value());
            if (!ms)
                return makeError(
                    QStringLiteral("put: node.state[%1] is not a time in ms").arg(it.key().left(40)));
            m.node.state[it.key()] = *ms;
        }
    } else if (!state.isUndefined() && !state.isNull()) {
        return makeError(QStringLiteral("put: node.state is not an object"));
    }
    const QJsonValue vc = node.value(QLatin1String("vectorClock"));
    if (vc.isObject())
        m.node.vectorClock = vc.toObject();
    return m;
}

QByteArray encodeLegacySyncRequest(const QString& originId) {
    return line(QJsonObject{{QStringLiteral("type"), QStringLiteral("sync_request")},
                            {QStringLiteral("originId"), originId}});
}

QByteArray encodeLegacyPut(const QString& originId, const LegacyNode& n) {
    QJsonObject state;
    for (const auto& [k, ms] : n.state)
        state.insert(k, static_cast<double>(ms));
    QJsonObject node{{QStringLiteral("id"), n.id},
                     {QStringLiteral("data"), n.data},
                     {QStringLiteral("timestamp"), static_cast<double>(n.timestamp)},
                     {QStringLiteral("state"), state},
                     {QStringLiteral("vectorClock"), n.vectorClock}};
    return line(QJsonObject{{QStringLiteral("type"), QStringLiteral("put")},
                            {QStringLiteral("originId"), originId},
                            {QStringLiteral("node"), node}});
}

QByteArray encodeLegacyDelete(const QString& originId, const QString& id) {
    return line(QJsonObject{{QStringLiteral("type"), QStringLiteral("delete")},
                            {QStringLiteral("originId"), originId},
                            {QStringLiteral("id"), id}});
}

LegacyNode legacyNodeFromFields(const QString& id, const std::vector<store::FieldState>& fields,
                                const QString& originId, uint64_t opCount) {
    LegacyNode n;
    n.id = id;
    for (const auto& f : fields) {
        n.timestamp = std::max(n.timestamp, f.hlc.ms);
        if (f.value.isUndefined())
            continue;
        n.data.insert(f.name, f.value);
        n.state[f.name] = f.hlc.ms;
    }
    n.vectorClock.insert(originId, static_cast<double>(opCount));
    return n;
}

std::vector<LegacyWrite> legacyPutToWrites(const LegacyNode& node) {
    std::map<int64_t, QJsonObject> byTime;
    for (auto it = node.data.begin(); it != node.data.end(); ++it) {
        int64_t ms = node.timestamp;
        if (auto s = node.state.find(it.key()); s != node.state.end())
            ms = s->second;
        byTime[ms].insert(it.key(), it.value());
    }
    std::vector<LegacyWrite> out;
    out.reserve(byTime.size());
    for (auto& [ms, fields] : byTime)
        out.push_back(LegacyWrite{ms, std::move(fields)});
    return out;
}

Result<std::optional<QByteArray>> LineReader::next() {
    const qsizetype nl = m_buf.indexOf('\n', m_pos);
    if (nl < 0) {
        if (m_buf.size() - m_pos > kMaxLegacyLineBytes)
            return makeError(QStringLiteral("JSON line longer than %1 bytes").arg(kMaxLegacyLineBytes));
        if (m_pos > 0) {
            m_buf.remove(0, m_pos);
            m_pos = 0;
        }
        return std::optional<QByteArray>{};
    }
    QByteArray l = m_buf.mid(m_pos, nl - m_pos);
    m_pos = nl + 1;
    if (l.size() > kMaxLegacyLineBytes)
        return makeError(QStringLiteral("JSON line longer than %1 bytes").arg(kMaxLegacyLineBytes));
    return std::optional<QByteArray>(std::move(l));
}

}  // namespace pluresdb::sync
