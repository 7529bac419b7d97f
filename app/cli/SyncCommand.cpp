// `pluresdb-cli --db DIR sync --key KEY [--bootstrap HOST:PORT[,...]] [--legacy-json] [--serve-ws PORT]
// [--connect-ws URL]`: runs a sync node (an exact interface other tools depend on; issue #7, README
// "Sync"). Reads JSON lines on stdin ({"op":"put"|"get"|"delete"|"list"|"stats"|"peers"|"digest"|
// "quit",...}) and writes JSON lines on stdout: one {"result":...} per command, in order, and events
// {"event":"peer:connected"|"peer:disconnected"|"sync:complete"|"error",...} (plus one
// {"event":"listening",...} per server so callers that asked for port 0 can find it).
// EOF on stdin keeps the node running until SIGINT/SIGTERM; "quit" ends it cleanly.
// With --bootstrap the node joins the key's Hyperswarm topic (core/sync/SwarmSync.h) through those
// DHT nodes and announces {"event":"swarm","topic","publicKey"}; peers are also reached over the
// WebSocket mesh, or directly over TCP with --listen-tcp / --connect-tcp HOST:PORT.

#include "app/cli/CliCommand.h"
#include "app/cli/QuitSignals.h"
#include "core/crypto/Ed25519.h"
#include "core/keys/SyncKey.h"
#include "core/store/Limits.h"
#include "core/store/Store.h"
#include "core/sync/SwarmSync.h"
#include "core/sync/SyncNode.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/tcp/TcpByteStream.h"
#include "core/transport/websocket/WebSocketMesh.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <thread>

#if defined(Q_OS_WIN)
#include <io.h>
#define PLURES_READ _read
#else
#include <unistd.h>
#define PLURES_READ ::read
#endif

namespace pluresdb::cli {
namespace {

using sync::PeerInfo;
using sync::SyncNode;
using sync::SyncStats;

// stdin is read on a plain thread and each line posted to the event loop (stdin may be a pipe,
// a file or a console). The state outlives the command: the thread may still sit in read().
constexpr qsizetype kMaxCommandBytes = 16 * 1024 * 1024;  // a put's data is at most 4 MiB

struct LineSource : QObject {
    std::atomic<bool> stopped{false};
    std::function<void(const QByteArray&)> onLine;
    std::function<void()> onEnd;
    void start() {
        std::thread([this] {
            QByteArray pending;
            bool skipping = false;
            char buf[65536];
            for (;;) {
                const auto n = PLURES_READ(0, buf, sizeof buf);
                if (stopped)
                    return;
                if (n <= 0)
                    break;
                pending.append(buf, static_cast<qsizetype>(n));
                if (pending.size() > kMaxCommandBytes && pending.indexOf('\n') < 0) {
                    // A command without end: drop it and say so, rather than grow without bound.
                    pending.clear();
                    skipping = true;
                    QMetaObject::invokeMethod(
                        this,
                        [this] {
                            if (!stopped && onLine)
                                onLine(QByteArray("\x01too long"));
                        },
                        Qt::QueuedConnection);
                    continue;
                }
                if (skipping) {
                    const qsizetype nl0 = pending.indexOf('\n');
                    if (nl0 < 0) {
                        pending.clear();
                        continue;
                    }
                    pending.remove(0, nl0 + 1);
                    skipping = false;
                }
                qsizetype nl;
                while ((nl = pending.indexOf('\n')) >= 0) {
                    QByteArray line = pending.left(nl);
                    pending.remove(0, nl + 1);
                    QMetaObject::invokeMethod(
                        this,
                        [this, line] {
                            if (!stopped && onLine)
                                onLine(line);
                        },
                        Qt::QueuedConnection);
                }
            }
            if (!pending.trimmed().isEmpty())
                QMetaObject::invokeMethod(
                    this,
                    [this, pending] {
                        if (!stopped && onLine)
                            onLine(pending);
                    },
                    Qt::QueuedConnection);
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (!stopped && onEnd)
                        onEnd();
                },
                Qt::QueuedConnection);
        }).detach();
    }
};

#if !defined(Q_OS_WIN)
#endif

QJsonObject statsJson(const SyncStats& s) {
    return QJsonObject{{QStringLiteral("messagesSent"), double(s.messagesSent)},
                       {QStringLiteral("messagesReceived"), double(s.messagesReceived)},
                       {QStringLiteral("bytesTransmitted"), double(s.bytesSent)},
                       {QStringLiteral("bytesReceived"), double(s.bytesReceived)},
                       {QStringLiteral("opsSent"), double(s.opsSent)},
                       {QStringLiteral("opsReceived"), double(s.opsReceived)},
                       {QStringLiteral("opsApplied"), double(s.opsApplied)},
                       {QStringLiteral("opsRejected"), double(s.opsRejected)}};
}

QJsonObject peerJson(const PeerInfo& p) {
    QJsonObject o{{QStringLiteral("peerId"), p.peerId},
                  {QStringLiteral("connected"), p.connected},
                  {QStringLiteral("remotePublicKey"), QString::fromLatin1(p.remotePublicKey.toHex())},
                  {QStringLiteral("remoteAddress"), p.remoteAddress},
                  {QStringLiteral("legacyJson"), p.legacyJson},
                  {QStringLiteral("inSync"), p.inSync},
                  {QStringLiteral("stats"), statsJson(p.stats)},
                  {QStringLiteral("progress"),
                   QJsonObject{{QStringLiteral("opsDone"), double(p.progress.opsDone)},
                               {QStringLiteral("opsTotal"), double(p.progress.opsTotal)},
                               {QStringLiteral("bytesDone"), double(p.progress.bytesDone)},
                               {QStringLiteral("bytesTotal"), double(p.progress.bytesTotal)}}}};
    if (!p.link.kind.isEmpty()) {
        QJsonObject link{{QStringLiteral("kind"), p.link.kind},
                         {QStringLiteral("initiator"), p.link.initiator}};
        if (!p.link.path.isEmpty()) {
            link.insert(QStringLiteral("path"), p.link.path);
            link.insert(QStringLiteral("punchStrategy"), p.link.punchStrategy);
            link.insert(QStringLiteral("handshakeRelay"), p.link.handshakeRelay);
            link.insert(QStringLiteral("localFirewall"), p.link.localFirewall);
            link.insert(QStringLiteral("remoteFirewall"), p.link.remoteFirewall);
            link.insert(QStringLiteral("connectMs"), double(p.link.connectMs));
        }
        o.insert(QStringLiteral("link"), link);
    }
    return o;
}

bool parseHostPort(const QByteArray& arg, QHostAddress* host, quint16* port) {
    const qsizetype colon = arg.lastIndexOf(':');
    bool ok = false;
    const uint p = arg.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    *port = static_cast<quint16>(p);
    if (colon < 0) {
        *host = QHostAddress::Any;
        return true;
    }
    QByteArray h = arg.left(colon);
    if (h.startsWith('[') && h.endsWith(']'))
        h = h.mid(1, h.size() - 2);
    return host->setAddress(QString::fromUtf8(h));
}

int runSync(CliContext& ctx) {
    QString key;
    QByteArrayList bootstrap;
    bool legacy = false;
    QByteArrayList serveWs, connectWs, listenTcp, connectTcp;
    const QByteArrayList& args = ctx.args;
    auto value = [&](qsizetype& i, const char* name, QByteArray* out) {
        const QByteArray a = args[i];
        const QByteArray flag = QByteArray(name);
        if (a == flag) {
            if (i + 1 >= args.size())
                return -1;
            *out = args[++i];
            return 1;
        }
        if (a.startsWith(flag + "=")) {
            *out = a.mid(flag.size() + 1);
            return 1;
        }
        return 0;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        QByteArray v;
        int r = 0;
        if ((r = value(i, "--key", &v)) != 0) {
            if (r < 0 || !decodeUtf8Strict(v, &key)) {
                ctx.err << "pluresdb-cli sync: --key needs a sync key\n";
                return 2;
            }
        } else if ((r = value(i, "--bootstrap", &v)) != 0) {
            if (r < 0) {
                ctx.err << "pluresdb-cli sync: --bootstrap needs HOST:PORT[,...]\n";
                return 2;
            }
            bootstrap << v.split(',');
        } else if ((r = value(i, "--serve-ws", &v)) != 0) {
            if (r < 0) {
                ctx.err << "pluresdb-cli sync: --serve-ws needs a port\n";
                return 2;
            }
            serveWs << v;
        } else if ((r = value(i, "--connect-ws", &v)) != 0) {
            if (r < 0) {
                ctx.err << "pluresdb-cli sync: --connect-ws needs a URL\n";
                return 2;
            }
            connectWs << v;
        } else if ((r = value(i, "--listen-tcp", &v)) != 0) {
            if (r < 0) {
                ctx.err << "pluresdb-cli sync: --listen-tcp needs HOST:PORT\n";
                return 2;
            }
            listenTcp << v;
        } else if ((r = value(i, "--connect-tcp", &v)) != 0) {
            if (r < 0) {
                ctx.err << "pluresdb-cli sync: --connect-tcp needs HOST:PORT\n";
                return 2;
            }
            connectTcp << v;
        } else if (args[i] == "--legacy-json") {
            legacy = true;
        } else {
            ctx.err << "pluresdb-cli sync: unknown argument '" << QString::fromUtf8(args[i]) << "'\n";
            return 2;
        }
    }
    if (key.isEmpty()) {
        ctx.err << "pluresdb-cli sync: --key KEY is required (pluresdb-cli keygen makes one)\n";
        return 2;
    }
    auto normalised = keys::normaliseSyncKey(key);
    if (!normalised) {
        ctx.err << "pluresdb-cli sync: " << normalised.errorMessage() << "\n";
        return 2;
    }

    auto opened = store::Store::open(ctx.dbDir);
    if (!opened) {
        ctx.err << "pluresdb-cli: " << opened.errorMessage() << "\n";
        return 1;
    }
    std::unique_ptr<store::Store> st = std::move(opened).value();
    SyncNode::Options options;
    options.legacyJson = legacy;
    auto created = SyncNode::create(*st, *normalised, options);
    if (!created) {
        ctx.err << "pluresdb-cli sync: " << created.errorMessage() << "\n";
        return 1;
    }
    std::unique_ptr<SyncNode> node = std::move(created).value();

    auto emitLine = [&](const QJsonObject& o) {
        ctx.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << "\n";
        ctx.out.flush();
    };
    auto event = [&](const QString& name, QJsonObject fields) {
        fields.insert(QStringLiteral("event"), name);
        emitLine(fields);
    };
    QObject::connect(node.get(), &SyncNode::peerConnected, node.get(), [&](const PeerInfo& p) {
        event(QStringLiteral("peer:connected"), {{QStringLiteral("peer"), p.peerId},
                                                 {QStringLiteral("address"), p.remoteAddress},
                                                 {QStringLiteral("legacyJson"), p.legacyJson}});
    });
    QObject::connect(node.get(), &SyncNode::peerDisconnected, node.get(),
                     [&](const PeerInfo& p, const QString& why) {
                         event(QStringLiteral("peer:disconnected"),
                               {{QStringLiteral("peer"), p.peerId}, {QStringLiteral("reason"), why}});
                     });
    QObject::connect(node.get(), &SyncNode::syncComplete, node.get(), [&](const PeerInfo& p) {
        event(QStringLiteral("sync:complete"), {{QStringLiteral("peer"), p.peerId},
                                                {QStringLiteral("digest"), st->digest().toHex()},
                                                {QStringLiteral("stats"), statsJson(p.stats)}});
    });
    QObject::connect(node.get(), &SyncNode::peerRefused, node.get(),
                     [&](const PeerInfo& p, const QString& why) {
                         event(QStringLiteral("error"), {{QStringLiteral("kind"), QStringLiteral("refused")},
                                                         {QStringLiteral("peer"), p.peerId},
                                                         {QStringLiteral("message"), why}});
                     });
    QObject::connect(node.get(), &SyncNode::error, node.get(), [&](const QString& peer, const QString& m) {
        event(QStringLiteral("error"), {{QStringLiteral("peer"), peer}, {QStringLiteral("message"), m}});
    });

    QEventLoop loop;
    int exitCode = 0;
    const crypto::KeyPair keyPair = crypto::generateKeyPair();

    std::unique_ptr<sync::SwarmSync> swarmSync;
    if (!bootstrap.isEmpty()) {
        sync::SwarmSync::Options so;
        for (const QByteArray& b : bootstrap) {
            const QString entry = QString::fromLatin1(b.trimmed());
            const int colon = entry.lastIndexOf(QLatin1Char(':'));
            bool portOk = false;
            const uint port = colon > 0 ? entry.mid(colon + 1).toUInt(&portOk) : 0;
            if (!portOk || port == 0 || port > 65535) {
                ctx.err << "pluresdb-cli sync: bad bootstrap entry '" << entry.left(80)
                        << "' (expected HOST:PORT)\n";
                return 2;
            }
            so.bootstrap.push_back(entry);
        }
        auto started = sync::SwarmSync::start(*node, *normalised, so);
        if (!started) {
            ctx.err << "pluresdb-cli sync: swarm: " << started.errorMessage() << "\n";
            return 1;
        }
        swarmSync = std::move(started).value();
        event(QStringLiteral("swarm"),
              {{QStringLiteral("topic"), QString::fromLatin1(swarmSync->topic().toHex())},
               {QStringLiteral("publicKey"),
                QString::fromLatin1(swarmSync->swarm().keyPair().publicKey.toHex())}});
        // PLURESDB_SWARM_TRACE=1: the swarm's decisions (lookups, connects, duplicates, failures) on
        // stderr, one line each, for debugging why peers do or do not meet.
        if (qEnvironmentVariableIntValue("PLURESDB_SWARM_TRACE") == 1)
            QObject::connect(swarmSync.get(), &sync::SwarmSync::trace, node.get(),
                             [&](const QString& kind, const QString& key, const QString& detail) {
                                 ctx.err << "swarm " << kind << " " << key.left(16) << " " << detail << "\n";
                                 ctx.err.flush();
                             });
        QObject::connect(&swarmSync->swarm(), &swarm::Swarm::banned, node.get(),
                         [&](const QByteArray& key, const QString& why) {
                             event(QStringLiteral("error"),
                                   {{QStringLiteral("kind"), QStringLiteral("banned")},
                                    {QStringLiteral("peer"), QString::fromLatin1(key.toHex())},
                                    {QStringLiteral("message"), why}});
                         });
    }

    transport::websocket::WebSocketMesh mesh(keyPair);
    node->attachMesh(&mesh);
    for (const QByteArray& s : serveWs) {
        QHostAddress host;
        quint16 port = 0;
        if (!parseHostPort(s, &host, &port)) {
            ctx.err << "pluresdb-cli sync: --serve-ws needs PORT or HOST:PORT, got '" << QString::fromUtf8(s)
                    << "'\n";
            return 2;
        }
        auto bound = mesh.serve(host, port);
        if (!bound) {
            ctx.err << "pluresdb-cli sync: " << bound.errorMessage() << "\n";
            return 1;
        }
        const QString h = host == QHostAddress::Any ? QStringLiteral("0.0.0.0") : host.toString();
        event(QStringLiteral("listening"),
              {{QStringLiteral("ws"), QStringLiteral("ws://%1:%2").arg(h).arg(*bound)}});
    }
    for (const QByteArray& u : connectWs) {
        const QUrl url(QString::fromUtf8(u));
        if (!url.isValid() || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))) {
            ctx.err << "pluresdb-cli sync: --connect-ws needs a ws:// URL, got '" << QString::fromUtf8(u)
                    << "'\n";
            return 2;
        }
        mesh.connectTo(url);
    }

    using transport::secretstream::SecretStream;
    using transport::secretstream::SecretStreamOptions;
    auto secure = [&](transport::ByteStream* raw, bool initiator) {
        SecretStreamOptions o;
        o.isInitiator = initiator;
        o.keyPair = keyPair;
        o.keepAliveMs = 5000;
        o.timeoutMs = 30000;
        auto* s = new SecretStream(raw, std::move(o));
        sync::PeerLink link;
        link.kind = QStringLiteral("tcp");
        link.initiator = initiator;
        node->addSecretStream(s, link);
        s->start();
    };
    std::vector<std::unique_ptr<transport::tcp::TcpListener>> listeners;
    for (const QByteArray& l : listenTcp) {
        QHostAddress host;
        quint16 port = 0;
        if (!parseHostPort(l, &host, &port)) {
            ctx.err << "pluresdb-cli sync: --listen-tcp needs HOST:PORT, got '" << QString::fromUtf8(l)
                    << "'\n";
            return 2;
        }
        auto listener = std::make_unique<transport::tcp::TcpListener>();
        if (!listener->listen(host, port)) {
            ctx.err << "pluresdb-cli sync: cannot listen on " << QString::fromUtf8(l) << ": "
                    << listener->errorString() << "\n";
            return 1;
        }
        QObject::connect(listener.get(), &transport::tcp::TcpListener::streamAccepted, node.get(),
                         [&](transport::tcp::TcpByteStream* raw) {
                             raw->setParent(nullptr);
                             secure(raw, false);
                         });
        event(QStringLiteral("listening"),
              {{QStringLiteral("tcp"),
                QStringLiteral("%1:%2").arg(host.toString()).arg(listener->serverPort())}});
        listeners.push_back(std::move(listener));
    }
    for (const QByteArray& c : connectTcp) {
        QHostAddress host;
        quint16 port = 0;
        if (!parseHostPort(c, &host, &port) || host == QHostAddress::Any) {
            ctx.err << "pluresdb-cli sync: --connect-tcp needs HOST:PORT, got '" << QString::fromUtf8(c)
                    << "'\n";
            return 2;
        }
        secure(transport::tcp::TcpByteStream::connectTo(host, port), true);
    }

    auto result = [&](const QJsonValue& v) { emitLine({{QStringLiteral("result"), v}}); };
    auto failure = [&](const QString& m) {
        emitLine({{QStringLiteral("result"), QJsonValue::Null}, {QStringLiteral("error"), m}});
    };
    auto* lines = new LineSource;  // deliberately outlives the command (see LineSource)
    lines->onLine = [&](const QByteArray& raw) {
        if (raw.trimmed().isEmpty())
            return;
        if (raw == "\x01too long") {
            failure(QStringLiteral("command longer than %1 bytes, ignored").arg(kMaxCommandBytes));
            return;
        }
        QJsonParseError perr{};
        const QJsonDocument doc = QJsonDocument::fromJson(raw, &perr);
        if (perr.error != QJsonParseError::NoError || !doc.isObject()) {
            failure(QStringLiteral("not a JSON object: %1").arg(perr.errorString()));
            return;
        }
        const QJsonObject c = doc.object();
        const QString op = c.value(QLatin1String("op")).toString();
        const QJsonValue idV = c.value(QLatin1String("id"));
        const QString id = idV.toString();
        auto needId = [&]() -> bool {
            if (!idV.isString()) {
                failure(QStringLiteral("'%1' needs a string id").arg(op));
                return false;
            }
            if (auto v = store::validateRecordId(id); !v) {
                failure(v.errorMessage());
                return false;
            }
            return true;
        };
        if (op == QLatin1String("put")) {
            if (!needId())
                return;
            const QJsonValue data = c.value(QLatin1String("data"));
            if (!data.isObject()) {
                failure(QStringLiteral("'put' needs a data object"));
                return;
            }
            auto w = node->write({store::LocalWrite{id, store::OpKind::Put, data.toObject()}});
            if (!w)
                failure(w.errorMessage());
            else
                result(
                    QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("seq"), double(w->back().seq)}});
        } else if (op == QLatin1String("delete")) {
            if (!needId())
                return;
            auto w = node->write({store::LocalWrite{id, store::OpKind::Delete, {}}});
            if (!w)
                failure(w.errorMessage());
            else
                result(
                    QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("seq"), double(w->back().seq)}});
        } else if (op == QLatin1String("get")) {
            if (!needId())
                return;
            auto r = st->get(id);
            if (!r)
                failure(r.errorMessage());
            else if (!r->has_value())
                result(QJsonValue::Null);
            else
                result((*r)->data);
        } else if (op == QLatin1String("list")) {
            auto r = st->list();
            if (!r) {
                failure(r.errorMessage());
                return;
            }
            QJsonArray a;
            for (const auto& rec : *r)
                a.append(QJsonObject{{QStringLiteral("id"), rec.id}, {QStringLiteral("data"), rec.data}});
            result(a);
        } else if (op == QLatin1String("stats")) {
            QJsonObject s = statsJson(node->totals());
            s.insert(QStringLiteral("peersConnected"), node->connectedPeers());
            result(s);
        } else if (op == QLatin1String("peers")) {
            QJsonArray a;
            for (const auto& p : node->peers())
                a.append(peerJson(p));
            result(a);
        } else if (op == QLatin1String("digest")) {
            result(st->digest().toHex());
        } else if (op == QLatin1String("quit")) {
            result(QStringLiteral("bye"));
            loop.exit(0);
        } else {
            failure(QStringLiteral("unknown op '%1' (put, get, delete, list, stats, peers, digest, quit)")
                        .arg(op.left(40)));
        }
    };
    lines->onEnd = [] {};  // EOF: keep running until a signal
    lines->start();

    QuitSignals quitSignals;
    if (!quitSignals.install(&loop, [&] { loop.exit(0); }))
        ctx.err << "pluresdb-cli: sync: cannot install signal handlers; stop it with {\"op\":\"quit\"}\n";
    exitCode = loop.exec();
    lines->stopped = true;
    if (swarmSync) {
        // Leave the topic (unannounce) so peers stop finding us, with a deadline.
        QEventLoop leaving;
        swarmSync->stop([&] { QTimer::singleShot(0, &leaving, [&] { leaving.quit(); }); });
        QTimer::singleShot(3000, &leaving, [&] { leaving.quit(); });
        leaving.exec();
    }
    node.reset();
    swarmSync.reset();
    listeners.clear();
    st.reset();
    ctx.out.flush();
    return exitCode;
}

const CliCommandRegistration kRegistration{CliCommand{
    "sync",
    "sync --key KEY [--bootstrap HOST:PORT[,...]] [--legacy-json] [--serve-ws PORT] [--connect-ws URL]\n"
    "     [--listen-tcp HOST:PORT] [--connect-tcp HOST:PORT]",
    "run a sync node: JSON commands on stdin (put/get/delete/list/stats/peers/digest/quit), results and "
    "events on stdout",
    runSync}};

}  // namespace
}  // namespace pluresdb::cli
