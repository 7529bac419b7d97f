// `pluresdb-cli dht announce TOPIC_HEX --bootstrap HOST:PORT[,…]` and `pluresdb-cli dht lookup
// TOPIC_HEX --bootstrap HOST:PORT[,…]` (spec/hyperdht.md §4.6, §12(b)).
//
// announce: a fresh key pair is announced on the topic (with its relays, see TopicAnnouncer.h) and
// kept announced until SIGINT/SIGTERM; the public key (hex) goes to stdout once the first round
// was stored by at least one node, then the topic and the key are unannounced and it exits 0.
// lookup: one LOOKUP query; one line per distinct public key found, `<public key hex>
// <relay host:port>[,…]` (relay addresses merged across replies; none → the key alone), exit 0.
// Without --bootstrap the public hyperdht bootstrap nodes are used. Exit 1 when the network could
// not be reached, 2 on bad input. Progress goes to stderr.
//
// `pluresdb-cli dht listen --bootstrap HOST:PORT[,…] [--seed HEX32] [--host IP] [--no-lan]` and
// `pluresdb-cli dht connect PUBKEY_HEX --bootstrap HOST:PORT[,…] [--seed HEX32] [--host IP] [--no-lan]`
// (spec/hyperdht.md §5–§8): a hyperdht server / client connection as a pipe, for debugging and the
// NAT lab. listen prints `PUBLIC_KEY <hex>` on stdout line 1 once announced, then serves ONE
// connection. Both sides print `REMOTE <hex public key>` and `PATH <direct|lan|holepunched|relayed>
// [strategy]` on stderr when connected, copy stdin into the connection (END at EOF) and the
// connection to stdout, and exit 0 once both directions have ended (1 on a failure, with the
// error code and message on stderr). --host binds the DHT node (default 0.0.0.0); --no-lan skips the
// LAN shortcut (forces holepunching between peers behind one NAT); --seed fixes the key pair.
// --relay-through PUBKEY_HEX (listen/connect): use that blind relay when no direct path can be made
// (spec/hyperdht.md §11; PATH relayed); --no-holepunch (connect): do not punch (with a relay: go
// straight through it).
//
// `pluresdb-cli dht relay --bootstrap HOST:PORT[,…] [--seed HEX32] [--host IP]`: a blind relay
// server (§11) on a hyperdht key; prints `PUBLIC_KEY <hex>` on stdout once announced and relays
// pairings until SIGINT/SIGTERM, then prints its counters on stderr and exits 0.

#include "app/cli/CliCommand.h"
#include "app/cli/QuitSignals.h"
#include "app/cli/Stdio.h"
#include "core/crypto/Ed25519.h"
#include "core/dht/hyperdht/BlindRelayServer.h"
#include "core/dht/hyperdht/Connect.h"
#include "core/dht/hyperdht/HyperDht.h"
#include "core/dht/hyperdht/TopicAnnouncer.h"
#include "core/transport/secretstream/SecretStream.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QTimer>

#include <map>
#include <optional>

namespace pluresdb::cli {
namespace {

using dht::hyperdht::HyperDht;
using dht::hyperdht::LookupPeers;
using dht::hyperdht::TopicAnnouncer;

constexpr int kLookupDeadlineMs = 120'000;
constexpr int kUnannounceDeadlineMs = 15'000;

struct DhtArgs {
    QString action;
    QByteArray topic;  // announce/lookup: the topic; connect: the server's public key
    std::vector<QString> bootstrap;
    QByteArray seed;  // listen/connect: 32 bytes, or empty for a fresh key pair
    QString host;     // listen/connect: bind address of the DHT node
    bool lan = true;
    bool firewalled = false;  // --firewalled: skip the quick firewall check (stay firewalled on loopback)
    QByteArray relayThrough;  // --relay-through: a blind relay's public key
    bool holepunch = true;    // --no-holepunch
};

// HOST:PORT with a port in 1..65535 and a non-empty host (an IPv4 address or a name).
bool validBootstrapEntry(const QString& entry) {
    const int colon = entry.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    bool ok = false;
    const uint port = entry.mid(colon + 1).toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return false;
    QString host = entry.left(colon);
    if (const int at = host.indexOf(QLatin1Char('@')); at >= 0) {  // suggestedIP@hostname (§2.9)
        if (QHostAddress(host.left(at)).protocol() != QAbstractSocket::IPv4Protocol)
            return false;
        host = host.mid(at + 1);
    }
    if (host.isEmpty())
        return false;
    for (QChar c : host)
        if (!(c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('-')) || c.unicode() > 127)
            return false;
    return true;
}

QString parseArgs(const QByteArrayList& args, DhtArgs* a) {
    if (args.isEmpty() || (args[0] != "announce" && args[0] != "lookup" && args[0] != "listen" &&
                           args[0] != "connect" && args[0] != "relay"))
        return QStringLiteral(
            "expected `dht announce TOPIC_HEX`, `dht lookup TOPIC_HEX`, `dht listen`, "
            "`dht connect PUBKEY_HEX` or `dht relay`");
    a->action = QString::fromLatin1(args[0]);
    const bool relay = a->action == QLatin1String("relay");
    const bool pipe = a->action == QLatin1String("listen") || a->action == QLatin1String("connect");
    bool haveTopic = false;
    for (int i = 1; i < args.size(); ++i) {
        const QByteArray& arg = args[i];
        if (pipe && arg == "--no-lan") {
            a->lan = false;
            continue;
        }
        if ((pipe || relay) && arg == "--firewalled") {
            a->firewalled = true;
            continue;
        }
        if (a->action == QLatin1String("connect") && arg == "--no-holepunch") {
            a->holepunch = false;
            continue;
        }
        if (pipe && arg == "--relay-through") {
            if (i + 1 >= args.size())
                return QStringLiteral("--relay-through needs PUBKEY_HEX");
            const QByteArray value = args[++i];
            a->relayThrough = QByteArray::fromHex(value);
            if (value.size() != 64 || a->relayThrough.size() != 32 ||
                a->relayThrough.toHex() != value.toLower())
                return QStringLiteral("--relay-through must be 64 hex characters (a 32-byte public key)");
            continue;
        }
        if ((pipe || relay) && (arg == "--seed" || arg == "--host")) {
            if (i + 1 >= args.size())
                return QStringLiteral("%1 needs a value").arg(QString::fromLatin1(arg));
            const QByteArray value = args[++i];
            if (arg == "--seed") {
                a->seed = QByteArray::fromHex(value);
                if (value.size() != 64 || a->seed.size() != 32 || a->seed.toHex() != value.toLower())
                    return QStringLiteral("--seed must be 64 hex characters (32 bytes)");
            } else {
                a->host = QString::fromLatin1(value);
                if (QHostAddress(a->host).protocol() != QAbstractSocket::IPv4Protocol)
                    return QStringLiteral("--host must be an IPv4 address");
            }
            continue;
        }
        if (arg == "--bootstrap" || arg.startsWith("--bootstrap=")) {
            QByteArray value;
            if (arg == "--bootstrap") {
                if (i + 1 >= args.size())
                    return QStringLiteral("--bootstrap needs HOST:PORT[,HOST:PORT...]");
                value = args[++i];
            } else {
                value = arg.mid(int(sizeof("--bootstrap=")) - 1);
            }
            for (const QByteArray& part : value.split(',')) {
                const QString entry = QString::fromLatin1(part.trimmed());
                if (!validBootstrapEntry(entry))
                    return QStringLiteral("bad bootstrap entry '%1' (expected HOST:PORT)")
                        .arg(QString::fromLatin1(part.left(80)));
                a->bootstrap.push_back(entry);
            }
            continue;
        }
        if (arg.startsWith("--"))
            return QStringLiteral("unknown option %1").arg(QString::fromLatin1(arg.left(80)));
        if (a->action == QLatin1String("listen") || relay)
            return QStringLiteral("dht %1 takes no positional argument").arg(a->action);
        if (haveTopic)
            return QStringLiteral("only one TOPIC_HEX");
        const QByteArray topic = QByteArray::fromHex(arg);
        if (arg.size() != 64 || topic.size() != 32 || topic.toHex() != arg.toLower())
            return QStringLiteral("TOPIC_HEX must be 64 hex characters (32 bytes)");
        a->topic = topic;
        haveTopic = true;
    }
    if (!haveTopic && a->action != QLatin1String("listen") && !relay)
        return a->action == QLatin1String("connect") ? QStringLiteral("missing PUBKEY_HEX")
                                                     : QStringLiteral("missing TOPIC_HEX");
    return {};
}

dht::rpc::DhtNodeOptions nodeOptions(const DhtArgs& a) {
    dht::rpc::DhtNodeOptions o;
    if (!a.host.isEmpty())
        o.host = a.host;
    o.quickFirewall = !a.firewalled;
    o.bootstrap = a.bootstrap;
    o.useDefaultBootstrap = a.bootstrap.empty();
    return o;
}

// Starts the DHT node of a dht command; false (after one line on stderr) when it cannot.
bool startNode(CliContext& ctx, HyperDht& dht) {
    if (auto r = dht.start(); !r) {
        ctx.err << "pluresdb-cli: dht: " << r.errorMessage() << "\n";
        return false;
    }
    return true;
}

QString relayList(const std::vector<encoding::Ipv4Address>& relays) {
    QStringList out;
    for (const auto& r : relays)
        out << r.toString();
    return out.join(QLatin1Char(','));
}

int runLookup(CliContext& ctx, const DhtArgs& a) {
    HyperDht dht(nodeOptions(a));
    if (!startNode(ctx, dht))
        return 1;
    QEventLoop loop;
    // Insertion order of first sighting; relay addresses merged across replies.
    std::vector<QByteArray> order;
    std::map<QByteArray, std::vector<encoding::Ipv4Address>> peers;
    int exitCode = 0;
    auto run = [&] {
        dht.lookup(
            a.topic,
            [&](const LookupPeers& reply) {
                for (const auto& p : reply.peers) {
                    auto [it, fresh] = peers.try_emplace(p.publicKey);
                    if (fresh)
                        order.push_back(p.publicKey);
                    for (const auto& relay : p.relayAddresses)
                        if (std::find(it->second.begin(), it->second.end(), relay) == it->second.end())
                            it->second.push_back(relay);
                }
            },
            [&](const dht::rpc::QueryResult& result) {
                if (!result.ok && peers.empty()) {
                    ctx.err << "pluresdb-cli: dht: lookup failed: " << result.error << "\n";
                    exitCode = 1;
                }
                loop.quit();
            });
    };
    if (dht.node().isBootstrapped())
        run();
    else
        QObject::connect(&dht.node(), &dht::rpc::DhtNode::ready, &loop, run, Qt::SingleShotConnection);
    QTimer::singleShot(kLookupDeadlineMs, &loop, [&] {
        ctx.err << "pluresdb-cli: dht: lookup did not finish in " << kLookupDeadlineMs / 1000 << " s\n";
        exitCode = 1;
        loop.quit();
    });
    loop.exec();
    for (const QByteArray& key : order) {
        const QString relays = relayList(peers[key]);
        ctx.out << key.toHex() << (relays.isEmpty() ? QString() : QLatin1Char(' ') + relays) << "\n";
    }
    ctx.out.flush();
    ctx.err << "lookup: " << order.size() << " peer(s)\n";
    dht.destroy();
    return exitCode;
}

int runAnnounce(CliContext& ctx, const DhtArgs& a) {
    // Installed first, so a signal that comes during start-up is handled once the loop runs.
    std::function<void()> onQuit = [] {};
    QuitSignals quitSignals;
    if (!quitSignals.install(QCoreApplication::instance(), [&] { onQuit(); })) {
        ctx.err << "pluresdb-cli: dht: cannot install signal handlers\n";
        return 1;
    }
    HyperDht dht(nodeOptions(a));
    if (!startNode(ctx, dht))
        return 1;
    const crypto::KeyPair keyPair = crypto::generateKeyPair();
    TopicAnnouncer announcer(dht, a.topic, keyPair);
    QEventLoop loop;
    bool printed = false;
    QObject::connect(&announcer, &TopicAnnouncer::announced, &loop,
                     [&](const dht::hyperdht::AnnounceRound& round) {
                         ctx.err << "announced: stored by " << round.topicCommits << " node(s), relays "
                                 << relayList(round.relayAddresses) << "\n";
                         ctx.err.flush();
                         if (!printed) {
                             printed = true;
                             ctx.out << keyPair.publicKey.toHex() << "\n";
                             ctx.out.flush();
                         }
                     });
    QObject::connect(&announcer, &TopicAnnouncer::roundFailed, &loop, [&](const QString& error) {
        ctx.err << "announce round failed (retrying): " << error << "\n";
        ctx.err.flush();
    });
    auto start = [&] { announcer.start(); };
    if (dht.node().isBootstrapped())
        start();
    else
        QObject::connect(&dht.node(), &dht::rpc::DhtNode::ready, &loop, start, Qt::SingleShotConnection);

    bool stopping = false;
    onQuit = [&] {
        if (stopping)
            return;
        stopping = true;
        ctx.err << "stopping: unannouncing\n";
        ctx.err.flush();
        announcer.stop([&] { loop.quit(); });
        QTimer::singleShot(kUnannounceDeadlineMs, &loop, [&] { loop.quit(); });
    };
    loop.exec();
    dht.destroy();
    return 0;
}

QString firewallWord(uint64_t fw) {
    switch (fw) {
        case dht::hyperdht::kFirewallOpen:
            return QStringLiteral("open");
        case dht::hyperdht::kFirewallConsistent:
            return QStringLiteral("consistent");
        case dht::hyperdht::kFirewallRandom:
            return QStringLiteral("random");
        default:
            return QStringLiteral("unknown");
    }
}

// Pipes stdin/stdout through a connection until both directions ended. Built inside the
// connection callback, so its signals are connected before the stream starts delivering data.
class ConnectionPipe {
public:
    ConnectionPipe(CliContext& ctx, const dht::hyperdht::Connection& c) : m_ctx(ctx), m_stream(c.stream) {
        using transport::ByteStream;
        ctx.err << "REMOTE " << c.facts.remotePublicKey.toHex() << "\n";
        const QString strategy = dht::hyperdht::punchStrategyName(c.facts.strategy);
        ctx.err << "PATH " << dht::hyperdht::connectionPathName(c.facts.path)
                << (strategy.isEmpty() ? QString() : QLatin1Char(' ') + strategy) << "\n";
        ctx.err << "ADDRESS " << c.facts.remoteAddress.toString() << "\n";
        if (!c.facts.blindRelayKey.isEmpty())
            ctx.err << "RELAY " << c.facts.blindRelayKey.toHex() << "\n";
        ctx.err << "NAT local " << firewallWord(c.facts.localFirewall) << " remote "
                << firewallWord(c.facts.remoteFirewall) << "\n";
        ctx.err.flush();
        QObject::connect(m_stream.get(), &ByteStream::dataReceived, &m_loop, [this](const QByteArray& d) {
            if (!writeStdout(d.constData(), d.size()))
                m_stream->destroy(QStringLiteral("cannot write stdout"));
        });
        QObject::connect(m_stream.get(), &ByteStream::closed, &m_loop, [this](const QString& error) {
            m_closed = true;
            if (qEnvironmentVariableIsSet("PLURESDB_DHT_DEBUG"))
                m_ctx.err << "debug: closed '" << error << "'\n";
            if (!error.isEmpty()) {
                m_ctx.err << "pluresdb-cli: dht: connection failed: " << error << "\n";
                m_exitCode = 1;
            }
            m_loop.quit();
        });
        m_stdin.onEnd = [this] {
            m_stdinDone = true;
            m_stream->end();
        };
        m_stdin.onChunk = [this](const QByteArray& chunk) {
            m_stream->write(chunk);
            if (m_stream->bytesToWrite() > kMaxQueued)
                m_stdin.setEnabled(false);
        };
        m_stdin.setEnabled(true);
        QObject::connect(m_stream.get(), &ByteStream::drained, &m_loop, [this] {
            if (m_stream->isOpen() && !m_stdinDone)
                m_stdin.setEnabled(true);
        });
    }
    int run() {
        if (qEnvironmentVariableIsSet("PLURESDB_DHT_DEBUG"))
            m_ctx.err << "debug: run closed=" << m_closed << " open=" << m_stream->isOpen() << "\n";
        if (!m_closed && m_stream->isOpen())
            m_loop.exec();
        m_stdin.setEnabled(false);
        return m_exitCode;
    }

private:
    static constexpr qint64 kMaxQueued = 4 * 1024 * 1024;
    CliContext& m_ctx;
    std::unique_ptr<transport::ByteStream> m_stream;
    QEventLoop m_loop;
    StdinReader m_stdin{64 * 1024};
    bool m_stdinDone = false;
    bool m_closed = false;
    int m_exitCode = 0;
};

crypto::KeyPair pipeKeyPair(const DhtArgs& a) {
    if (a.seed.isEmpty())
        return crypto::generateKeyPair();
    auto kp = crypto::keyPairFromSeed(crypto::SecureBytes::fromByteArray(a.seed));
    return kp ? std::move(kp).value() : crypto::generateKeyPair();
}

int runListen(CliContext& ctx, const DhtArgs& a) {
    HyperDht dht(nodeOptions(a));
    if (!startNode(ctx, dht))
        return 1;
    dht::hyperdht::ServerOptions so;
    so.keyPair = pipeKeyPair(a);
    so.relayThrough = a.relayThrough;
    so.trace = [&](const QByteArray&, const dht::hyperdht::ConnectStep& step) {
        ctx.err << "step " << step.kind << ": " << step.detail << "\n";
        ctx.err.flush();
    };
    dht::hyperdht::Server server(dht, so);
    QEventLoop loop;
    int exitCode = 0;
    std::unique_ptr<ConnectionPipe> pipe;
    server.onConnection = [&](dht::hyperdht::Connection c) {
        if (pipe) {  // one connection only
            c.stream->destroy();
            c.stream->deleteLater();
            return;
        }
        pipe = std::make_unique<ConnectionPipe>(ctx, c);
        loop.quit();
    };
    server.onRefused = [&](const QByteArray& key, const dht::hyperdht::ConnectError& e) {
        ctx.err << "refused " << key.toHex() << ": " << e.code << ": " << e.message << "\n";
        ctx.err.flush();
    };
    auto listen = [&] {
        server.listen([&](Result<void> r) {
            if (!r) {
                ctx.err << "pluresdb-cli: dht: " << r.errorMessage() << "\n";
                exitCode = 1;
                loop.quit();
                return;
            }
            ctx.out << "PUBLIC_KEY " << so.keyPair.publicKey.toHex() << "\n";
            ctx.out.flush();
        });
    };
    if (dht.node().isBootstrapped())
        listen();
    else
        QObject::connect(&dht.node(), &dht::rpc::DhtNode::ready, &loop, listen, Qt::SingleShotConnection);
    loop.exec();
    if (pipe)
        exitCode = pipe->run();
    pipe.reset();
    QEventLoop closing;
    server.close([&] { closing.quit(); });
    QTimer::singleShot(kUnannounceDeadlineMs, &closing, [&] { closing.quit(); });
    if (server.isListening())
        closing.exec();
    dht.destroy();
    return exitCode;
}

int runConnect(CliContext& ctx, const DhtArgs& a) {
    HyperDht dht(nodeOptions(a));
    if (!startNode(ctx, dht))
        return 1;
    dht::hyperdht::ConnectOptions co;
    co.keyPair = pipeKeyPair(a);
    co.localConnection = a.lan;
    co.relayThrough = a.relayThrough;
    co.holepunch = a.holepunch;
    co.trace = [&](const QByteArray&, const dht::hyperdht::ConnectStep& step) {
        ctx.err << "step " << step.kind << ": " << step.detail << "\n";
        ctx.err.flush();
    };
    QEventLoop loop;
    int exitCode = 0;
    std::unique_ptr<ConnectionPipe> pipe;
    auto run = [&] {
        dht::hyperdht::connect(
            dht, a.topic, co, [&](std::variant<dht::hyperdht::Connection, dht::hyperdht::ConnectError> r) {
                if (auto* e = std::get_if<dht::hyperdht::ConnectError>(&r)) {
                    ctx.err << "NAT local " << firewallWord(e->partial.localFirewall) << " remote "
                            << firewallWord(e->partial.remoteFirewall) << "\n";
                    ctx.err << "ERROR " << e->code << " " << e->message << "\n";
                    exitCode = 1;
                } else {
                    pipe = std::make_unique<ConnectionPipe>(ctx, std::get<dht::hyperdht::Connection>(r));
                }
                loop.quit();
            });
    };
    if (dht.node().isBootstrapped())
        run();
    else
        QObject::connect(&dht.node(), &dht::rpc::DhtNode::ready, &loop, run, Qt::SingleShotConnection);
    loop.exec();
    if (pipe)
        exitCode = pipe->run();
    pipe.reset();
    dht.destroy();
    return exitCode;
}

int runRelay(CliContext& ctx, const DhtArgs& a) {
    std::function<void()> onQuit = [] {};
    QuitSignals quitSignals;
    if (!quitSignals.install(QCoreApplication::instance(), [&] { onQuit(); })) {
        ctx.err << "pluresdb-cli: dht: cannot install signal handlers\n";
        return 1;
    }
    HyperDht dht(nodeOptions(a));
    if (!startNode(ctx, dht))
        return 1;
    dht::hyperdht::BlindRelayServer relay(dht, pipeKeyPair(a));
    QEventLoop loop;
    int exitCode = 0;
    auto listen = [&] {
        relay.listen([&](bool ok, const QString& error) {
            if (!ok) {
                ctx.err << "pluresdb-cli: dht: relay: " << error << "\n";
                exitCode = 1;
                loop.quit();
                return;
            }
            ctx.out << "PUBLIC_KEY " << relay.publicKey().toHex() << "\n";
            ctx.out.flush();
        });
    };
    if (dht.node().isBootstrapped())
        listen();
    else
        QObject::connect(&dht.node(), &dht::rpc::DhtNode::ready, &loop, listen, Qt::SingleShotConnection);
    bool stopping = false;
    onQuit = [&] {
        if (stopping)
            return;
        stopping = true;
        relay.close([&] { loop.quit(); });
        QTimer::singleShot(kUnannounceDeadlineMs, &loop, [&] { loop.quit(); });
    };
    loop.exec();
    const auto st = relay.stats();
    ctx.err << "relay: " << st.sessionsAccepted << " session(s), " << st.pairingsRequested
            << " pair request(s), " << st.pairingsMatched << " matched, " << st.pairingsCancelled
            << " cancelled\n";
    dht.destroy();
    return exitCode;
}

int runDht(CliContext& ctx) {
    DhtArgs a;
    if (const QString usage = parseArgs(ctx.args, &a); !usage.isEmpty()) {
        ctx.err << "pluresdb-cli: dht: " << usage << "\n";
        return 2;
    }
    if (a.action == QLatin1String("listen"))
        return runListen(ctx, a);
    if (a.action == QLatin1String("connect"))
        return runConnect(ctx, a);
    if (a.action == QLatin1String("relay"))
        return runRelay(ctx, a);
    return a.action == QLatin1String("lookup") ? runLookup(ctx, a) : runAnnounce(ctx, a);
}

const CliCommandRegistration kRegistration{CliCommand{
    "dht",
    "dht announce TOPIC_HEX [--bootstrap HOST:PORT[,...]]\n"
    "dht lookup TOPIC_HEX [--bootstrap HOST:PORT[,...]]\n"
    "dht listen [--bootstrap HOST:PORT[,...]] [--seed HEX32] [--host IP] [--no-lan] "
    "[--relay-through PUBKEY_HEX]\n"
    "dht connect PUBKEY_HEX [--bootstrap HOST:PORT[,...]] [--seed HEX32] [--host IP] [--no-lan] "
    "[--relay-through PUBKEY_HEX] [--no-holepunch]\n"
    "dht relay [--bootstrap HOST:PORT[,...]] [--seed HEX32] [--host IP]",
    "announce a fresh key on a DHT topic until SIGINT/SIGTERM (prints the public key), or look "
    "a topic up (one line per peer: public key, relay addresses); listen/connect: one hyperdht "
    "connection as a stdin/stdout pipe (PUBLIC_KEY on stdout, REMOTE and PATH on stderr); relay: a "
    "blind relay server until SIGINT/SIGTERM (PUBLIC_KEY on stdout)",
    runDht}};

}  // namespace
}  // namespace pluresdb::cli
