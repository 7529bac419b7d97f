// Time from join() to the first connection on a loopback hyperdht testnet (Node, 127.0.0.1):
// C++ swarm ↔ C++ swarm versus Node hyperswarm ↔ Node hyperswarm, the same scenario for both: a
// server is announced on a fresh topic, then a client whose DHT node is already bootstrapped joins
// and the clock runs until its first connection. Medians of N runs (default 20), side by side.
// Run through run.sh (it sets the Node paths).

#include "core/dht/hyperdht/HyperDht.h"
#include "core/swarm/Swarm.h"
#include "tests/interop/HyperDhtNodePeer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace pluresdb;
using pluresdb::test::hyperdht::NodeDhtPeer;

namespace {

QJsonObject op(const char* name, QJsonObject fields = {}) {
    fields.insert(QStringLiteral("op"), QString::fromLatin1(name));
    return fields;
}

QByteArray randomTopic() {
    QByteArray t(32, 0);
    std::random_device rd;
    for (auto& c : t)
        c = char(rd());
    return t;
}

template <typename F>
bool waitFor(F f, int timeoutMs) {
    QDeadlineTimer dl(timeoutMs);
    while (!f()) {
        if (dl.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

double median(std::vector<double> v) {
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::unique_ptr<swarm::Swarm> makeSwarm(const QStringList& bootstrap) {
    swarm::SwarmOptions o;
    o.bootstrap = std::vector<QString>(bootstrap.begin(), bootstrap.end());
    o.host = QStringLiteral("127.0.0.1");
    auto made = swarm::Swarm::createWithDht(o);
    return made ? std::move(made).value() : nullptr;
}

void shutdown(std::unique_ptr<swarm::Swarm>& s) {
    auto done = std::make_shared<bool>(false);
    s->destroy([done] { *done = true; });
    (void)waitFor([&] { return *done; }, 10'000);
    s.reset();
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 20;
    NodeDhtPeer node(QStringLiteral("hyperswarm_peer.js"));
    const QJsonObject t = node.call(op("testnet", {{"size", 5}}));
    if (!t.value("ok").toBool()) {
        std::fprintf(stderr, "testnet: %s\n", qPrintable(t.value("error").toString()));
        return 1;
    }
    const QStringList bootstrap = NodeDhtPeer::strings(t.value("bootstrap"));

    std::vector<double> cpp, js;
    for (int i = 0; i < runs; ++i) {
        // C++ ↔ C++
        {
            const QByteArray topic = randomTopic();
            auto server = makeSwarm(bootstrap);
            auto client = makeSwarm(bootstrap);
            if (!server || !client)
                return 1;
            QObject holder;
            (void)server->join(topic, {true, false});
            bool flushed = false;
            server->flush([&](bool) { flushed = true; });
            (void)waitFor([&] { return flushed && client->dht()->node().isBootstrapped(); }, 60'000);
            bool connected = false;
            QObject::connect(client.get(), &swarm::Swarm::connection, &holder,
                             [&](transport::ByteStream* s, const swarm::SwarmPeer&) {
                                 s->setParent(&holder);
                                 connected = true;
                             });
            QObject::connect(
                server.get(), &swarm::Swarm::connection, &holder,
                [&](transport::ByteStream* s, const swarm::SwarmPeer&) { s->setParent(&holder); });
            QElapsedTimer clock;
            clock.start();
            (void)client->join(topic, {false, true});
            if (waitFor([&] { return connected; }, 60'000))
                cpp.push_back(double(clock.nsecsElapsed()) / 1e6);
            shutdown(client);
            shutdown(server);
        }
        // Node ↔ Node
        {
            const QString topic = QString::fromLatin1(randomTopic().toHex());
            const QJsonObject s = node.call(op("swarm", {{"bootstrap", QJsonArray::fromStringList(bootstrap)},
                                                         {"topic", topic},
                                                         {"server", true},
                                                         {"client", false},
                                                         {"bytes", -1}}));
            const QJsonObject r =
                node.call(op("joinTime", {{"bootstrap", QJsonArray::fromStringList(bootstrap)},
                                          {"topic", topic},
                                          {"server", false},
                                          {"client", true}}));
            if (r.value("ok").toBool())
                js.push_back(r.value("ms").toDouble());
            (void)node.call(op("destroy", {{"swarm", s.value("swarm").toInt()}}));
        }
        std::fprintf(stderr, "run %d: C++ %.1f ms, Node %.1f ms\n", i + 1, cpp.empty() ? -1 : cpp.back(),
                     js.empty() ? -1 : js.back());
    }
    const double mc = median(cpp), mj = median(js);
    std::printf("join → first connection, loopback testnet (5 nodes), medians of %d runs\n", runs);
    std::printf("%-28s %10s %10s\n", "", "C++", "Node");
    std::printf("%-28s %10.1f %10.1f\n", "median ms", mc, mj);
    std::printf("%-28s %10zu %10zu\n", "successful runs", cpp.size(), js.size());
    std::printf("ratio C++/Node: %.2f (target ≤ 0.5)\n", mj > 0 ? mc / mj : -1.0);
    return 0;
}
