// `pluresdb-cli bootstrap --host HOST --port PORT`: runs a DHT bootstrap node (dht-rpc's
// DHT.bootstrapper(port, host), spec/hyperdht.md §2.8): persistent and unfirewalled from the start,
// HOST:PORT being its public address, with no bootstrap nodes of its own — the first node of a
// private network that others name in their bootstrap lists. Like hyperdht's bootstrapper it is a
// full hyperdht node: it stores announcements and values too, so a private network of this node and
// announcers works without any other persistent node. Prints `BOOTSTRAP HOST:PORT` on
// stdout once ready, then serves until SIGINT or SIGTERM and exits 0. Exit 1 if it cannot bind,
// 2 on a usage error.

#include "app/cli/CliCommand.h"
#include "app/cli/QuitSignals.h"
#include "core/dht/hyperdht/HyperDht.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <cstdio>

namespace pluresdb::cli {
namespace {

int runBootstrap(CliContext& ctx) {
    QString host;
    int port = -1;
    for (int i = 0; i < ctx.args.size(); ++i) {
        const QByteArray& a = ctx.args[i];
        if ((a == "--host" || a == "--port") && i + 1 < ctx.args.size()) {
            const QByteArray v = ctx.args[++i];
            if (a == "--host") {
                host = QString::fromLatin1(v);
            } else {
                bool ok = false;
                port = v.toInt(&ok);
                if (!ok)
                    port = -1;
            }
        } else {
            ctx.err << "pluresdb-cli: bootstrap: unexpected argument " << QString::fromLocal8Bit(a) << "\n";
            return 2;
        }
    }
    QHostAddress parsed;
    if (host.isEmpty() || !parsed.setAddress(host) || parsed.protocol() != QAbstractSocket::IPv4Protocol ||
        parsed == QHostAddress(QHostAddress::AnyIPv4)) {
        ctx.err << "pluresdb-cli: bootstrap needs --host with the node's public IPv4 address\n";
        return 2;
    }
    if (port < 1 || port > 65535) {
        ctx.err << "pluresdb-cli: bootstrap needs --port between 1 and 65535\n";
        return 2;
    }

    dht::rpc::DhtNodeOptions options;
    options.host = host;
    options.port = quint16(port);
    options.bootstrapper = true;
    options.useDefaultBootstrap = false;
    auto node = std::make_unique<dht::hyperdht::HyperDht>(options);
    auto started = node->start();
    if (!started) {
        // HOST may be a public address that is not on this machine (1:1 NAT): bind every interface.
        options.publicHost = host;
        options.host = QStringLiteral("0.0.0.0");
        node = std::make_unique<dht::hyperdht::HyperDht>(options);
        started = node->start();
    }
    if (!started) {
        ctx.err << "pluresdb-cli: bootstrap: " << started.errorMessage() << "\n";
        return 1;
    }
    QuitSignals quitSignals;
    if (!quitSignals.install(QCoreApplication::instance(), [] { QCoreApplication::quit(); })) {
        ctx.err << "pluresdb-cli: bootstrap: cannot install signal handlers\n";
        return 1;
    }
    QObject::connect(&node->node(), &dht::rpc::DhtNode::ready, [&] {
        ctx.out << "BOOTSTRAP " << host << ":" << port << "\n";
        ctx.out.flush();
        std::fflush(stdout);
    });
    QCoreApplication::exec();
    node->destroy();
    return 0;
}

const CliCommandRegistration kBootstrap{
    {"bootstrap", "bootstrap --host HOST --port PORT",
     "run a DHT bootstrap node for a private network (HOST:PORT = its public "
     "address)",
     runBootstrap}};

}  // namespace
}  // namespace pluresdb::cli
