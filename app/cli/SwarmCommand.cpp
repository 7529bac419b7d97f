// `pluresdb-cli swarm --topic HEX --bootstrap HOST:PORT[,…] [--server] [--client]` (issue #6): joins
// a Hyperswarm topic (core/swarm) as server and/or client (both when neither is given), and on the
// first connection prints `REMOTE <hex public key>` on stderr, copies stdin to the connection and
// the connection to stdout, and exits 0 once both directions have ended (1 if the connection
// failed, 2 on a usage error). Further connections are closed, except the one that replaces the
// first when it loses hyperswarm's duplicate decision before the remote used it (what stdin had
// given it is sent again there). Progress on stderr: `JOINED …` at
// once, `FLUSHED` when the first announce/lookup is done. Without --bootstrap the public
// hyperdht bootstrap nodes are used. SIGINT/SIGTERM leave the topic (unannounce) and exit 1.
// --relay-through PUBKEY_HEX: a blind relay for peers that cannot be holepunched (hyperswarm
// `relayThrough`: used for a peer after a HOLEPUNCH_* / CANNOT_HOLEPUNCH failure; spec §11).

#include "app/cli/CliCommand.h"
#include "app/cli/QuitSignals.h"
#include "app/cli/Stdio.h"
#include "core/swarm/Swarm.h"
#include "core/transport/ByteStream.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QPointer>
#include <QTimer>

namespace pluresdb::cli {
namespace {

using transport::ByteStream;

constexpr qint64 kStdinChunk = 64 * 1024;
constexpr qint64 kMaxQueued = 4 * 1024 * 1024;  // stop reading stdin while this much is unsent
constexpr int kLeaveDeadlineMs = 10'000;

struct SwarmArgs {
    QByteArray topic;
    std::vector<QString> bootstrap;
    bool server = false;
    bool client = false;
    QByteArray relayThrough;
};

bool bootstrapEntryOk(const QString& entry) {
    const int colon = entry.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    bool ok = false;
    const uint port = entry.mid(colon + 1).toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return false;
    for (QChar c : entry.left(colon))
        if (c.unicode() > 127 || !(c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('-') ||
                                   c == QLatin1Char('@')))
            return false;
    return true;
}

QString parseArgs(const QByteArrayList& args, SwarmArgs* a) {
    for (int i = 0; i < args.size(); ++i) {
        const QByteArray& arg = args[i];
        auto value = [&](const char* name, QByteArray* out) -> bool {
            const QByteArray eq = QByteArray(name) + '=';
            if (arg == name) {
                if (i + 1 >= args.size())
                    return false;
                *out = args[++i];
                return true;
            }
            *out = arg.mid(eq.size());
            return true;
        };
        if (arg == "--server") {
            a->server = true;
        } else if (arg == "--client") {
            a->client = true;
        } else if (arg == "--topic" || arg.startsWith("--topic=")) {
            QByteArray v;
            if (!value("--topic", &v))
                return QStringLiteral("--topic needs 64 hex characters");
            const QByteArray topic = QByteArray::fromHex(v);
            if (v.size() != 64 || topic.size() != 32 || topic.toHex() != v.toLower())
                return QStringLiteral("--topic must be 64 hex characters (32 bytes)");
            a->topic = topic;
        } else if (arg == "--relay-through" || arg.startsWith("--relay-through=")) {
            QByteArray v;
            if (!value("--relay-through", &v))
                return QStringLiteral("--relay-through needs PUBKEY_HEX");
            a->relayThrough = QByteArray::fromHex(v);
            if (v.size() != 64 || a->relayThrough.size() != 32 || a->relayThrough.toHex() != v.toLower())
                return QStringLiteral("--relay-through must be 64 hex characters (a 32-byte public key)");
        } else if (arg == "--bootstrap" || arg.startsWith("--bootstrap=")) {
            QByteArray v;
            if (!value("--bootstrap", &v))
                return QStringLiteral("--bootstrap needs HOST:PORT[,HOST:PORT...]");
            for (const QByteArray& part : v.split(',')) {
                const QString entry = QString::fromLatin1(part.trimmed());
                if (!bootstrapEntryOk(entry))
                    return QStringLiteral("bad bootstrap entry '%1' (expected HOST:PORT)")
                        .arg(QString::fromLatin1(part.left(80)));
                a->bootstrap.push_back(entry);
            }
        } else {
            return QStringLiteral("unknown argument %1").arg(QString::fromLatin1(arg.left(80)));
        }
    }
    if (a->topic.isEmpty())
        return QStringLiteral("missing --topic HEX");
    if (!a->server && !a->client)
        a->server = a->client = true;
    return {};
}

int runSwarm(CliContext& ctx) {
    SwarmArgs a;
    if (const QString usage = parseArgs(ctx.args, &a); !usage.isEmpty()) {
        ctx.err << "pluresdb-cli: swarm: " << usage << "\n";
        return 2;
    }
    std::function<void()> onQuit = [] {};
    QuitSignals quitSignals;
    if (!quitSignals.install(QCoreApplication::instance(), [&] { onQuit(); })) {
        ctx.err << "pluresdb-cli: swarm: cannot install signal handlers\n";
        return 1;
    }
    swarm::SwarmOptions options;
    options.bootstrap = a.bootstrap;
    options.relayThrough = a.relayThrough;
    auto made = swarm::Swarm::createWithDht(options);
    if (!made) {
        ctx.err << "pluresdb-cli: swarm: " << made.errorMessage() << "\n";
        return 1;
    }
    std::unique_ptr<swarm::Swarm> sw = std::move(made.value());
    QEventLoop loop;
    int exitCode = 0;
    bool finishing = false;
    // Leaves the topic (unannounce) with a deadline, then ends the loop.
    auto finish = [&](int code) {
        if (finishing)
            return;
        finishing = true;
        exitCode = code;
        QTimer::singleShot(kLeaveDeadlineMs, &loop, [&] { loop.exit(exitCode); });
        sw->destroy([&] { QTimer::singleShot(0, &loop, [&] { loop.exit(exitCode); }); });
    };
    onQuit = [&] {
        ctx.err << "pluresdb-cli: swarm: interrupted\n";
        ctx.err.flush();
        finish(1);
    };

    QPointer<ByteStream> current;
    QByteArray remoteKey;  // of the first connection
    // Until the remote has sent a single raw byte on the current connection, it may still lose a
    // duplicate decision (both peers dialled; the remote never started it): what stdin gave it is
    // kept and replayed on the connection that replaces it.
    QByteArray replay;
    bool replayValid = true;
    bool remoteSpoke = false;
    QObject holder;
    StdinReader stdinReader(kStdinChunk);
    bool stdinDone = false;
    stdinReader.canAccept = [&] { return !current.isNull(); };
    stdinReader.onEnd = [&] {
        stdinDone = true;
        current->end();
    };
    stdinReader.onChunk = [&](const QByteArray& piece) {
        if (!remoteSpoke && replayValid)
            replay += piece;
        current->write(piece);
        if (current->bytesToWrite() > kMaxQueued)
            stdinReader.setEnabled(false);
    };

    std::function<void(ByteStream*)> adopt;
    adopt = [&](ByteStream* stream) {
        current = stream;
        remoteSpoke = false;
        auto* raw = stream->findChild<ByteStream*>(QString(), Qt::FindDirectChildrenOnly);
        QObject::connect(raw ? raw : stream, &ByteStream::dataReceived, &loop,
                         [&, stream](const QByteArray&) {
                             if (current == stream && !remoteSpoke) {
                                 remoteSpoke = true;
                                 replay.clear();
                                 replayValid = false;
                             }
                         });
        QObject::connect(stream, &ByteStream::dataReceived, &loop, [&, stream](const QByteArray& d) {
            if (!writeStdout(d.constData(), d.size()))
                stream->destroy(QStringLiteral("cannot write stdout"));
        });
        QObject::connect(stream, &ByteStream::drained, &loop, [&] {
            if (current && current->isOpen() && !stdinDone)
                stdinReader.setEnabled(true);
        });
        QObject::connect(stream, &ByteStream::closed, &loop, [&, stream](const QString& error) {
            if (current != stream)
                return;
            if (error == QLatin1String("Duplicate connection") && !remoteSpoke && replayValid) {
                current = nullptr;  // the replacement from the same peer follows
                stdinReader.setEnabled(false);
                return;
            }
            if (!error.isEmpty())
                ctx.err << "pluresdb-cli: swarm: " << error << "\n";
            ctx.err.flush();
            finish(error.isEmpty() ? 0 : 1);
        });
        stdinReader.setEnabled(!stdinDone);
    };

    QObject::connect(sw.get(), &swarm::Swarm::connection, &loop,
                     [&](ByteStream* stream, const swarm::SwarmPeer& peer) {
                         stream->setParent(&holder);
                         if (finishing || current || (!remoteKey.isEmpty() && peer.publicKey != remoteKey)) {
                             stream->destroy();
                             return;
                         }
                         if (remoteKey.isEmpty()) {
                             remoteKey = peer.publicKey;
                             ctx.err << "REMOTE " << peer.publicKey.toHex() << "\n";
                             ctx.err.flush();
                             adopt(stream);
                             return;
                         }
                         // The replacement of a first connection that lost a duplicate decision: replay.
                         adopt(stream);
                         if (!replay.isEmpty())
                             stream->write(replay);
                         if (stdinDone)
                             stream->end();
                     });
    if (auto r = sw->join(a.topic, {a.server, a.client}); !r) {
        ctx.err << "pluresdb-cli: swarm: " << r.errorMessage() << "\n";
        return 1;
    }
    ctx.err << "JOINED " << a.topic.toHex() << " as " << (a.server ? "server" : "")
            << (a.server && a.client ? "+" : "") << (a.client ? "client" : "") << ", key "
            << sw->keyPair().publicKey.toHex() << "\n";
    ctx.err.flush();
    // FLUSHED once the first announce/lookup finished and the peers found were tried (a script
    // can then start a client-only peer and know the announce is visible).
    sw->flush([&](bool ok) {
        if (!ok)
            return;
        ctx.err << "FLUSHED\n";
        ctx.err.flush();
    });
    const int code = loop.exec();
    sw.reset();
    return code;
}

const CliCommandRegistration kRegistration{CliCommand{
    "swarm",
    "swarm --topic HEX [--bootstrap HOST:PORT[,...]] [--server] [--client] [--relay-through PUBKEY_HEX]",
    "join a Hyperswarm topic; the first connection pipes stdin/stdout (REMOTE <key> on stderr)", runSwarm}};

}  // namespace
}  // namespace pluresdb::cli
