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

#include "app/cli/CliCommand.h"
#include "app/cli/QuitSignals.h"
#include "core/crypto/Ed25519.h"
#include "core/dht/hyperdht/HyperDht.h"
#include "core/dht/hyperdht/TopicAnnouncer.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <map>

#include <fcntl.h>
#include <unistd.h>

namespace pluresdb::cli {
namespace {

using dht::hyperdht::HyperDht;
using dht::hyperdht::LookupPeers;
using dht::hyperdht::TopicAnnouncer;

constexpr int kLookupDeadlineMs = 120'000;
constexpr int kUnannounceDeadlineMs = 15'000;

struct DhtArgs {
    QString action;
    QByteArray topic;
    std::vector<QString> bootstrap;
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
    if (args.isEmpty() || (args[0] != "announce" && args[0] != "lookup"))
        return QStringLiteral("expected `dht announce TOPIC_HEX` or `dht lookup TOPIC_HEX`");
    a->action = QString::fromLatin1(args[0]);
    bool haveTopic = false;
    for (int i = 1; i < args.size(); ++i) {
        const QByteArray& arg = args[i];
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
        if (haveTopic)
            return QStringLiteral("only one TOPIC_HEX");
        const QByteArray topic = QByteArray::fromHex(arg);
        if (arg.size() != 64 || topic.size() != 32 || topic.toHex() != arg.toLower())
            return QStringLiteral("TOPIC_HEX must be 64 hex characters (32 bytes)");
        a->topic = topic;
        haveTopic = true;
    }
    if (!haveTopic)
        return QStringLiteral("missing TOPIC_HEX");
    return {};
}

dht::rpc::DhtNodeOptions nodeOptions(const DhtArgs& a) {
    dht::rpc::DhtNodeOptions o;
    o.bootstrap = a.bootstrap;
    o.useDefaultBootstrap = a.bootstrap.empty();
    return o;
}

QString relayList(const std::vector<encoding::Ipv4Address>& relays) {
    QStringList out;
    for (const auto& r : relays)
        out << r.toString();
    return out.join(QLatin1Char(','));
}

int runLookup(CliContext& ctx, const DhtArgs& a) {
    HyperDht dht(nodeOptions(a));
    if (auto r = dht.start(); !r) {
        ctx.err << "pluresdb-cli: dht: " << r.errorMessage() << "\n";
        return 1;
    }
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
    if (auto r = dht.start(); !r) {
        ctx.err << "pluresdb-cli: dht: " << r.errorMessage() << "\n";
        return 1;
    }
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

int runDht(CliContext& ctx) {
    DhtArgs a;
    if (const QString usage = parseArgs(ctx.args, &a); !usage.isEmpty()) {
        ctx.err << "pluresdb-cli: dht: " << usage << "\n";
        return 2;
    }
    return a.action == QLatin1String("lookup") ? runLookup(ctx, a) : runAnnounce(ctx, a);
}

const CliCommandRegistration kRegistration{
    CliCommand{"dht",
               "dht announce TOPIC_HEX [--bootstrap HOST:PORT[,...]]\n"
               "dht lookup TOPIC_HEX [--bootstrap HOST:PORT[,...]]",
               "announce a fresh key on a DHT topic until SIGINT/SIGTERM (prints the public key), or look "
               "a topic up (one line per peer: public key, relay addresses)",
               runDht}};

}  // namespace
}  // namespace pluresdb::cli
