#include "core/api/SyncTrace.h"

#include "core/crypto/Hash.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pluresdb::api {

namespace {

QString hashed(const QByteArray& value) {
    return QStringLiteral("h:") + QString::fromLatin1(crypto::blake2b(value).toHex().left(16));
}

}  // namespace

QByteArray exportTrace(const std::vector<TraceEvent>& events, bool hashValues) {
    QByteArray out;
    for (const auto& e : events) {
        QJsonObject o;
        o[QStringLiteral("seq")] = double(e.seq);
        o[QStringLiteral("at")] = QDateTime::fromMSecsSinceEpoch(e.atMs, Qt::UTC).toString(Qt::ISODateWithMs);
        o[QStringLiteral("kind")] = e.kind;
        if (!e.peerId.isEmpty())
            o[QStringLiteral("peer")] = e.peerId;
        if (!e.detail.isEmpty())
            o[QStringLiteral("detail")] = hashValues ? hashed(e.detail.toUtf8()) : e.detail;
        if (e.isOp()) {
            o[QStringLiteral("record")] = hashValues ? hashed(e.recordId.toUtf8()) : e.recordId;
            QJsonArray fields;
            for (const auto& f : e.fields)
                fields.append(f);  // names are the schema, not the data
            o[QStringLiteral("fields")] = fields;
            o[QStringLiteral("clock")] = e.clock;
            o[QStringLiteral("origin")] = e.origin;
            o[QStringLiteral("opSeq")] = double(e.opSeq);
            o[QStringLiteral("size")] = double(e.bytes.size());
            if (hashValues) {
                o[QStringLiteral("bytes")] = hashed(e.bytes);
                if (!e.values.isEmpty())
                    o[QStringLiteral("values")] = hashed(e.values);
            } else {
                o[QStringLiteral("bytes")] = QString::fromLatin1(e.bytes.toHex());
                if (!e.values.isEmpty())
                    o[QStringLiteral("values")] = QJsonDocument::fromJson(e.values).object();
            }
        }
        out += QJsonDocument(o).toJson(QJsonDocument::Compact);
        out += '\n';
    }
    return out;
}

}  // namespace pluresdb::api
