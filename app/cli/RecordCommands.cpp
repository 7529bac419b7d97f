// pluresdb-cli put / get / delete / list: the record commands (an exact interface that scripts
// and tests depend on; see README "Command line").
#include "app/cli/CliCommand.h"
#include "core/api/Database.h"
#include "core/store/Limits.h"
#include "core/store/RecordState.h"
#include "core/store/Store.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace pluresdb::cli {
namespace {

using store::Store;

// A JSON string literal for `s` (QJsonDocument cannot serialise a bare string).
QByteArray jsonString(const QString& s) {
    const QByteArray arr = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return arr.mid(1, arr.size() - 2);
}

QString compactJson(const QJsonObject& o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool decodeId(CliContext& ctx, const QByteArray& raw, QString* id) {
    if (!decodeUtf8Strict(raw, id)) {
        ctx.err << "pluresdb-cli: the record id is not valid UTF-8\n";
        return false;
    }
    if (auto v = store::validateRecordId(*id); !v) {
        ctx.err << "pluresdb-cli: " << v.errorMessage() << "\n";
        return false;
    }
    return true;
}

// Opens the store read-only for the reading commands; they never create or change anything.
// `missing` is set (and no error printed) when there is no database yet.
std::unique_ptr<Store> openForReading(CliContext& ctx, bool* missing) {
    *missing = false;
    QFileInfo dir(ctx.dbDir);
    if (dir.exists() && !dir.isDir()) {
        ctx.err << "pluresdb-cli: " << ctx.dbDir << " is a file, not a database directory\n";
        return nullptr;
    }
    if (!QFileInfo::exists(Store::databasePath(ctx.dbDir))) {
        *missing = true;
        return nullptr;
    }
    Store::Options o;
    o.access = Store::Access::ReadOnly;
    auto s = Store::open(ctx.dbDir, o);
    if (!s) {
        ctx.err << "pluresdb-cli: " << s.errorMessage() << "\n";
        return nullptr;
    }
    return std::move(s).value();
}

std::unique_ptr<Database> openForWriting(CliContext& ctx) {
    auto db = Database::open(ctx.dbDir);
    if (!db) {
        ctx.err << "pluresdb-cli: " << db.errorMessage() << "\n";
        return nullptr;
    }
    return std::move(db).value();
}

int finishWrite(CliContext& ctx, QFuture<WriteResult> f) {
    f.waitForFinished();
    const WriteResult r = f.result();
    if (!r.ok) {
        ctx.err << "pluresdb-cli: " << r.error << "\n";
        return 1;
    }
    return 0;
}

int runPut(CliContext& ctx) {
    if (ctx.args.size() != 2) {
        ctx.err << "pluresdb-cli: usage: put ID JSON   (JSON is an object; '-' reads it from stdin)\n";
        return 2;
    }
    QString id;
    if (!decodeId(ctx, ctx.args[0], &id))
        return 1;
    QByteArray json = ctx.args[1];
    if (json == "-") {
        json.clear();
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            ctx.err << "pluresdb-cli: cannot read stdin\n";
            return 1;
        }
        // Read until EOF, but one chunk past the limit at most: enough to know the value is too large.
        const qint64 cap = store::kMaxPutBytes + 64 * 1024 + 1;
        while (json.size() < cap) {
            const QByteArray chunk = in.read(cap - json.size());
            if (chunk.isEmpty())
                break;
            json += chunk;
        }
    }
    if (json.size() > store::kMaxPutBytes + 64 * 1024) {
        ctx.err << "pluresdb-cli: the value is larger than the limit for one put (" << store::kMaxPutBytes
                << " bytes)\n";
        return 1;
    }
    QString text;
    if (!decodeUtf8Strict(json, &text)) {
        ctx.err << "pluresdb-cli: the JSON is not valid UTF-8\n";
        return 1;
    }
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (perr.error != QJsonParseError::NoError) {
        // Qt rejects a bare scalar at the top level; say what the user gave instead of "illegal value".
        QJsonParseError serr;
        const QJsonDocument wrapped = QJsonDocument::fromJson("[" + json + "]", &serr);
        if (serr.error == QJsonParseError::NoError && wrapped.array().size() == 1) {
            ctx.err << "pluresdb-cli: the value must be a JSON object (got a scalar)\n";
            return 1;
        }
        ctx.err << "pluresdb-cli: invalid JSON at offset " << perr.offset << ": " << perr.errorString()
                << "\n";
        return 1;
    }
    if (!doc.isObject()) {
        ctx.err << "pluresdb-cli: the value must be a JSON object (got "
                << (doc.isArray() ? "an array" : "a scalar") << ")\n";
        return 1;
    }
    const QJsonObject data = doc.object();
    // Check the limits before opening (and so before creating) anything.
    auto encoded = store::encodeFields(data);
    if (!encoded) {
        ctx.err << "pluresdb-cli: " << encoded.errorMessage() << "\n";
        return 1;
    }
    if (auto v = store::validatePutSize(store::encodedFieldsJson(*encoded).size()); !v) {
        ctx.err << "pluresdb-cli: " << v.errorMessage() << "\n";
        return 1;
    }
    auto db = openForWriting(ctx);
    if (!db)
        return 1;
    return finishWrite(ctx, db->put(id, data));
}

// Reads the record named by the one argument. Returns 0 with the record, or the exit status
// (after printing why: a usage error, "not found", or a database error).
int readRecord(CliContext& ctx, const char* usage, QString* id, store::Record* out) {
    if (ctx.args.size() != 1) {
        ctx.err << "pluresdb-cli: usage: " << usage << "\n";
        return 2;
    }
    if (!decodeId(ctx, ctx.args[0], id))
        return 1;
    bool missing = false;
    auto s = openForReading(ctx, &missing);
    if (!s && !missing)
        return 1;
    if (missing) {
        ctx.err << "not found\n";
        return 1;
    }
    auto r = s->get(*id);
    if (!r) {
        ctx.err << "pluresdb-cli: " << r.errorMessage() << "\n";
        return 1;
    }
    if (!r->has_value()) {
        ctx.err << "not found\n";
        return 1;
    }
    *out = std::move(**r);
    return 0;
}

int runGet(CliContext& ctx) {
    QString id;
    store::Record record;
    if (int rc = readRecord(ctx, "get ID", &id, &record); rc != 0)
        return rc;
    ctx.out << compactJson(record.data) << "\n";
    return 0;
}

int runDelete(CliContext& ctx) {
    // Deleting what is not there is reported, like get, and writes nothing.
    QString id;
    store::Record record;
    if (int rc = readRecord(ctx, "delete ID", &id, &record); rc != 0)
        return rc;
    auto db = openForWriting(ctx);
    if (!db)
        return 1;
    return finishWrite(ctx, db->remove(id));
}

int runList(CliContext& ctx) {
    QString prefix;
    for (int i = 0; i < ctx.args.size(); ++i) {
        if (ctx.args[i] == "--prefix" && i + 1 < ctx.args.size()) {
            if (!decodeUtf8Strict(ctx.args[++i], &prefix)) {
                ctx.err << "pluresdb-cli: the prefix is not valid UTF-8\n";
                return 1;
            }
        } else if (ctx.args[i].startsWith("--prefix=")) {
            if (!decodeUtf8Strict(ctx.args[i].mid(9), &prefix)) {
                ctx.err << "pluresdb-cli: the prefix is not valid UTF-8\n";
                return 1;
            }
        } else {
            ctx.err << "pluresdb-cli: usage: list [--prefix P]\n";
            return 2;
        }
    }
    bool missing = false;
    auto s = openForReading(ctx, &missing);
    if (missing)
        return 0;
    if (!s)
        return 1;
    auto records = s->list(prefix);
    if (!records) {
        ctx.err << "pluresdb-cli: " << records.errorMessage() << "\n";
        return 1;
    }
    for (const auto& r : *records) {
        // Key order is part of the interface: id first, then data.
        ctx.out << "{\"id\":" << QString::fromUtf8(jsonString(r.id)) << ",\"data\":" << compactJson(r.data)
                << "}\n";
    }
    return 0;
}

const CliCommandRegistration kPut{
    {"put", "put ID JSON",
     "overlay the JSON object's fields on record ID (null deletes a field; JSON '-' reads stdin)", runPut}};
const CliCommandRegistration kGet{
    {"get", "get ID", "print record ID's fields as one JSON object (exit 1, 'not found', when absent)",
     runGet}};
const CliCommandRegistration kDelete{{"delete", "delete ID", "delete record ID", runDelete}};
const CliCommandRegistration kList{{"list", "list [--prefix P]",
                                    "print one line {\"id\":...,\"data\":{...}} per record, in id order",
                                    runList}};

}  // namespace
}  // namespace pluresdb::cli
