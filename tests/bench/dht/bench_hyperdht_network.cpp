// hyperdht on loopback, measured the same way as hyperdht_network_node.js:
//   bench_hyperdht_network [--lookups N] [--records N]
// lookup_ms: a 20-node C++ network on 127.0.0.1 (a bootstrap node and 19 persistent storing
// nodes), one topic announced by one node; an ephemeral client then runs N LOOKUP queries for it,
// one after the other. Prints the median query time (ms, query start → done).
// bytes_per_record: a storing node is sent N signed ANNOUNCEs (N/10 topics × 10 peers, 3 relay
// addresses each) through its command handler; the heap growth (glibc mallinfo2) divided by N.
// One JSON line per figure.

#include "core/crypto/Ed25519.h"
#include "core/crypto/Hash.h"
#include "core/dht/hyperdht/HyperDht.h"
#include "core/dht/hyperdht/HyperDhtWire.h"
#include "core/dht/hyperdht/Signatures.h"
#include "core/dht/rpc/NodeId.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QUdpSocket>

#include <malloc.h>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace pluresdb;
using namespace pluresdb::dht::hyperdht;

namespace {

bool waitFor(const std::function<bool()>& cond, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!cond()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    }
    return true;
}

std::unique_ptr<HyperDht> node(bool bootstrapper, bool persistent, const std::vector<QString>& bootstrap,
                               quint16 port) {
    dht::rpc::DhtNodeOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = port;
    o.bootstrap = bootstrap;
    o.useDefaultBootstrap = false;
    o.bootstrapper = bootstrapper;
    o.firewalled = !(bootstrapper || persistent);
    o.ephemeral = !(bootstrapper || persistent);
    auto n = std::make_unique<HyperDht>(o);
    if (!n->start())
        return nullptr;
    return n;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

int lookupLatency(int lookups) {
    QUdpSocket probe;
    probe.bind(QHostAddress::LocalHost, 0);
    const quint16 port = probe.localPort();
    probe.close();
    std::vector<std::unique_ptr<HyperDht>> nodes;
    nodes.push_back(node(true, true, {}, port));
    if (!nodes.back()) {
        std::fprintf(stderr, "bootstrap node did not start\n");
        return 1;
    }
    const std::vector<QString> bootstrap{nodes[0]->node().localServerAddress().toString()};
    for (int i = 1; i < 20; ++i) {
        nodes.push_back(node(false, true, bootstrap, 0));
        if (!nodes.back() || !waitFor([&] { return nodes.back()->node().isBootstrapped(); }, 60'000)) {
            std::fprintf(stderr, "node %d did not bootstrap\n", i);
            return 1;
        }
    }
    if (!waitFor(
            [&] {
                for (auto& n : nodes)
                    if (n->node().isEphemeral())
                        return false;
                return true;
            },
            120'000)) {
        std::fprintf(stderr, "nodes did not become persistent\n");
        return 1;
    }
    const QByteArray topic = crypto::blake2b("bench topic");
    const auto keys = crypto::generateKeyPair();
    bool announced = false;
    nodes[5]->announce(topic, keys, {nodes[5]->node().localServerAddress()},
                       [&](const CommitResult& r) { announced = r.ok; });
    if (!waitFor([&] { return announced; }, 60'000)) {
        std::fprintf(stderr, "announce failed\n");
        return 1;
    }
    auto client = node(false, false, bootstrap, 0);
    if (!client || !waitFor([&] { return client->node().isBootstrapped(); }, 60'000))
        return 1;
    std::vector<double> ms;
    std::vector<double> requests;
    int misses = 0;
    for (int i = 0; i < lookups; ++i) {
        bool done = false;
        bool found = false;
        QElapsedTimer t;
        t.start();
        client->lookup(
            topic,
            [&](const LookupPeers& p) {
                for (const auto& peer : p.peers)
                    found = found || peer.publicKey == keys.publicKey;
            },
            [&](const dht::rpc::QueryResult& r) {
                requests.push_back(r.requestsSent);
                done = true;
            });
        waitFor([&] { return done; }, 60'000);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        misses += found ? 0 : 1;
    }
    std::printf(
        "{\"figure\":\"lookup_ms_20_nodes\",\"impl\":\"cpp\",\"median\":%.3f,\"n\":%d,\"misses\":%d,"
        "\"requests\":%.0f}\n",
        median(ms), lookups, misses, median(requests));
    std::fflush(stdout);
    client->destroy();
    for (auto& n : nodes)
        n->destroy();
    return 0;
}

int recordMemory(int records) {
    const QByteArray id = dht::rpc::nodeIdFor(encoding::Ipv4Address{{127, 0, 0, 1}, 49738});
    const QByteArray token(32, 0x11);
    dht::rpc::SteadyClock clock;
    // Prepare every request first; the heap is compared with what it was before they existed, after
    // they are gone, so what remains is the storage (including bytes it shares with the requests).
    malloc_trim(0);
    const auto before = mallinfo2();
    std::vector<dht::rpc::IncomingRequest> requests;
    requests.reserve(std::size_t(records));
    for (int i = 0; i < records; ++i) {
        const auto keys = crypto::generateKeyPair();
        const QByteArray topic = crypto::blake2b(QByteArray::number(i / 10));
        const PeerRecord peer{
            keys.publicKey,
            {{{127, 0, 0, 1}, quint16(1000 + i % 1000)}, {{127, 0, 0, 2}, 2000}, {{127, 0, 0, 3}, 3000}}};
        dht::rpc::IncomingRequest in;
        in.request.command = kCommandAnnounce;
        in.request.target = topic;
        in.request.token = token;
        in.request.value = encodeAnnounceValue(
            {peer, std::nullopt,
             signAnnounce(AnnounceKind::Announce, topic, id, token, peer, std::nullopt, keys), 0});
        in.from = {{127, 0, 0, 1}, 40000};
        in.tokenValid = true;
        requests.push_back(std::move(in));
    }
    auto handler = std::make_unique<HyperDhtHandler>(clock, [&] { return id; });
    int stored = 0;
    for (const auto& in : requests)
        handler->handle(in, [&](const dht::rpc::HandlerReply&) { ++stored; });
    requests.clear();
    requests.shrink_to_fit();
    malloc_trim(0);
    const auto after = mallinfo2();
    const double delta = double(after.uordblks) - double(before.uordblks);
    std::printf("{\"figure\":\"bytes_per_record\",\"impl\":\"cpp\",\"median\":%.1f,\"n\":%d,\"stored\":%d}\n",
                delta / records, records, handler->recordCount());
    if (stored != records)
        std::fprintf(stderr, "only %d of %d announces were stored\n", stored, records);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int lookups = 50;
    int records = 10000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const QByteArray a(argv[i]);
        if (a == "--lookups")
            lookups = std::atoi(argv[i + 1]);
        else if (a == "--records")
            records = std::atoi(argv[i + 1]);
    }
    if (int r = recordMemory(records); r != 0)
        return r;
    return lookupLatency(lookups);
}
