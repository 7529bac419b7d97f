// FIND_NODE query latency of the C++ dht-rpc node in a loopback network (run by
// tests/bench/dht/rpc_query.sh beside the same measurement with npm dht-rpc): bootstraps an
// adaptive node from --bootstrap, then runs --queries sequential FIND_NODE queries for random
// targets. Prints one JSON line.
//   bench_dht_rpc_query --bootstrap 127.0.0.1:PORT [--queries N]

#include "core/dht/rpc/DhtNode.h"
#include "core/dht/rpc/RpcWire.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

using namespace pluresdb::dht::rpc;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QString bootstrap;
    int queries = 50;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--bootstrap"))
            bootstrap = args[i + 1];
        else if (args[i] == QLatin1String("--queries"))
            queries = args[i + 1].toInt();
    }
    if (bootstrap.isEmpty() || queries < 1) {
        std::fprintf(stderr, "usage: bench_dht_rpc_query --bootstrap HOST:PORT [--queries N]\n");
        return 2;
    }
    auto spin = [&](const std::function<bool()>& done) {
        QDeadlineTimer deadline(120000);
        while (!done() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        return done();
    };

    DhtNodeOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.bootstrap = {bootstrap};
    o.useDefaultBootstrap = false;
    DhtNode node(o);
    QElapsedTimer t;
    t.start();
    if (!node.start() || !spin([&] { return node.isBootstrapped(); })) {
        std::fprintf(stderr, "bootstrap failed\n");
        return 1;
    }
    const qint64 bootstrapMs = t.elapsed();

    std::vector<double> ms;
    double replies = 0;
    for (int i = 0; i < queries; ++i) {
        QueryOptions q;
        q.target = QByteArray(32, '\0');
        for (auto& c : q.target)
            c = char(QRandomGenerator::global()->bounded(256));
        q.internal = true;
        q.command = kCommandFindNode;
        std::optional<QueryResult> result;
        QElapsedTimer qt;
        qt.start();
        node.query(q, nullptr, [&](const QueryResult& r) { result = r; });
        if (!spin([&] { return result.has_value(); }) || !result->ok) {
            std::fprintf(stderr, "query failed\n");
            return 1;
        }
        ms.push_back(double(qt.nsecsElapsed()) / 1e6);
        replies += result->replies;
    }
    std::sort(ms.begin(), ms.end());
    std::printf(
        "{\"impl\":\"cpp\",\"bootstrapMs\":%lld,\"medianMs\":%.2f,\"p90Ms\":%.2f,\"avgReplies\":%.1f,"
        "\"tableSize\":%d}\n",
        static_cast<long long>(bootstrapMs), ms[ms.size() / 2], ms[ms.size() * 9 / 10], replies / queries,
        node.routingTableSize());
    node.destroy();
    return 0;
}
