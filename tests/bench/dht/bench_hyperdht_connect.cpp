// Connect time on a loopback hyperdht network (issue #6 benchmark): an all-C++ DHT (a bootstrapper and
// 5 persistent nodes on 127.0.0.1), one C++ Server, and N fresh C++ client nodes that each connect()
// to it. A sample is the time from connect() until the secret stream has the server's header (the
// connection carries data both ways) — what hyperdht's `open` event marks in the Node twin
// (hyperdht_connect_node.js). The client node is started and bootstrapped before the clock starts.
// One JSON line per figure:  bench_hyperdht_connect [--runs N]

#include "core/crypto/Ed25519.h"
#include "core/dht/hyperdht/Connect.h"
#include "core/dht/hyperdht/HyperDht.h"
#include "core/transport/secretstream/SecretStream.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QUdpSocket>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace pluresdb;
using namespace pluresdb::dht::hyperdht;

namespace {

bool waitFor(const std::function<bool()>& cond, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!cond()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

std::unique_ptr<HyperDht> node(const std::vector<QString>& bootstrap, bool bootstrapper, quint16 port,
                               bool persistent) {
    dht::rpc::DhtNodeOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = port;
    o.bootstrap = bootstrap;
    o.useDefaultBootstrap = false;
    if (bootstrapper) {
        o.bootstrapper = true;
        o.firewalled = false;
        o.ephemeral = false;
    } else if (persistent) {
        o.ephemeral = false;
        o.firewalled = false;
    } else {
        o.ephemeral = true;
    }
    auto n = std::make_unique<HyperDht>(o);
    if (!n->start())
        return nullptr;
    return n;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int runs = 20;
    for (int i = 1; i + 1 < argc; ++i)
        if (QByteArray(argv[i]) == "--runs")
            runs = std::max(1, atoi(argv[i + 1]));

    QUdpSocket probe;
    probe.bind(QHostAddress::LocalHost, 0);
    const quint16 port = probe.localPort();
    probe.close();
    auto boot = node({}, true, port, true);
    if (!boot) {
        std::fprintf(stderr, "bootstrapper failed\n");
        return 1;
    }
    const std::vector<QString> bootstrap{QStringLiteral("127.0.0.1:%1").arg(port)};
    std::vector<std::unique_ptr<HyperDht>> storing;
    for (int i = 0; i < 5; ++i) {
        storing.push_back(node(bootstrap, false, 0, true));
        if (!storing.back() || !waitFor(
                                   [&] {
                                       return storing.back()->node().isBootstrapped() &&
                                              !storing.back()->node().isEphemeral();
                                   },
                                   60'000)) {
            std::fprintf(stderr, "storing node failed\n");
            return 1;
        }
    }
    auto serverNode = node(bootstrap, false, 0, false);
    if (!serverNode || !waitFor([&] { return serverNode->node().isBootstrapped(); }, 60'000))
        return 1;
    ServerOptions so;
    so.keyPair = crypto::generateKeyPair();
    Server server(*serverNode, so);
    server.onConnection = [](Connection c) {
        c.stream->end();
        QObject::connect(c.stream, &transport::ByteStream::closed, c.stream, &QObject::deleteLater);
    };
    bool listened = false;
    server.listen([&](Result<void> r) { listened = r.ok(); });
    if (!waitFor([&] { return listened; }, 60'000))
        return 1;

    std::vector<double> samples;
    int failures = 0;
    for (int i = 0; i < runs; ++i) {
        auto client = node(bootstrap, false, 0, false);
        if (!client || !waitFor([&] { return client->node().isBootstrapped(); }, 60'000)) {
            ++failures;
            continue;
        }
        ConnectOptions co;
        co.keyPair = crypto::generateKeyPair();
        QElapsedTimer t;
        bool done = false;
        double ms = -1;
        t.start();
        connect(*client, so.keyPair.publicKey, co, [&](std::variant<Connection, ConnectError> r) {
            auto* c = std::get_if<Connection>(&r);
            if (!c) {
                done = true;
                return;
            }
            QObject::connect(c->stream, &transport::ByteStream::connected, c->stream, [&, s = c->stream] {
                ms = double(t.nsecsElapsed()) / 1e6;
                done = true;
                s->end();
            });
            QObject::connect(c->stream, &transport::ByteStream::closed, c->stream, &QObject::deleteLater);
        });
        waitFor([&] { return done; }, 30'000);
        if (ms >= 0)
            samples.push_back(ms);
        else
            ++failures;
        // Let the streams close before the client node goes.
        QElapsedTimer settle;
        settle.start();
        waitFor([&] { return settle.elapsed() > 50; }, 1000);
        client->destroy();
    }
    std::sort(samples.begin(), samples.end());
    const double median = samples.empty() ? 0 : samples[samples.size() / 2];
    std::printf(
        "{\"figure\":\"connect_ms_loopback\",\"impl\":\"cpp\",\"median\":%.3f,\"n\":%d,\"failures\":%d,"
        "\"min\":%.3f,\"max\":%.3f}\n",
        median, int(samples.size()), failures, samples.empty() ? 0 : samples.front(),
        samples.empty() ? 0 : samples.back());
    return 0;
}
