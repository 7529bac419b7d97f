// Sync benchmark (issue #7), the C++ side: two SyncNodes in one process (one event loop, as the
// Node side runs its two peers) over TCP on 127.0.0.1 with secret-stream.
//  1. catch-up: a fresh peer receives N records of about 200 B; time from dialling until both
//     digests are equal (stores on disk, Durability::Full: every batch commit is fsynced);
//  2. live ops: M sequential puts at A, latency until B has committed each (p50 / p99).
// Prints one JSON line. Usage: bench_sync [N=100000] [M=1000] [DIR]
#include "core/store/Store.h"
#include "core/sync/SyncNode.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/tcp/TcpByteStream.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace pluresdb;
using transport::secretstream::SecretStream;
using transport::secretstream::SecretStreamOptions;

namespace {
const QString kKey = QStringLiteral("be9c4be9c4be9c4be9c4be9c4be9c4be9c4be9c4be9c4be9c4be9c4be9c4be9c");

bool waitFor(const std::function<bool()>& f, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!f()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}
}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int m = argc > 2 ? std::atoi(argv[2]) : 1000;
    QTemporaryDir tmp(argc > 3 ? QString::fromLocal8Bit(argv[3]) + "/bench-sync-XXXXXX" : QString());
    auto sa = std::move(store::Store::open(tmp.path() + "/a")).value();
    auto sb = std::move(store::Store::open(tmp.path() + "/b")).value();
    auto a = std::move(sync::SyncNode::create(*sa, kKey, {})).value();
    auto b = std::move(sync::SyncNode::create(*sb, kKey, {})).value();

    // Seed A (not timed): about 200 B per record as compact JSON.
    const QString pad(170, QLatin1Char('x'));
    for (int i = 0; i < n; i += 5000) {
        std::vector<store::LocalWrite> batch;
        for (int j = i; j < std::min(n, i + 5000); ++j)
            batch.push_back({QStringLiteral("rec%1").arg(j, 7, 10, QLatin1Char('0')),
                             store::OpKind::Put,
                             {{"payload", pad}, {"i", j}}});
        if (!a->write(batch)) {
            std::fprintf(stderr, "seeding failed\n");
            return 1;
        }
    }

    if (qEnvironmentVariableIsSet("BENCH_SYNC_FLOOR")) {
        // The store's own floor: read every op A has and merge it into a third store, no network.
        auto sc = std::move(store::Store::open(tmp.path() + "/c")).value();
        QElapsedTimer f;
        f.start();
        store::VersionVector have;
        qint64 readNs = 0, mergeNs = 0;
        for (;;) {
            QElapsedTimer r;
            r.start();
            auto page = sa->opsSince(have, 1024);
            readNs += r.nsecsElapsed();
            if (page->empty())
                break;
            for (const auto& op : *page)
                have[op.origin] = op.seq;
            r.restart();
            (void)sc->merge(*page);
            mergeNs += r.nsecsElapsed();
        }
        std::fprintf(stderr, "floor: read %.0f ms, merge %.0f ms, total %.0f ms\n", readNs / 1e6,
                     mergeNs / 1e6, f.nsecsElapsed() / 1e6);
    }
    transport::tcp::TcpListener listener;
    listener.listen(QHostAddress::LocalHost, 0);
    QObject::connect(&listener, &transport::tcp::TcpListener::streamAccepted, &app,
                     [&](transport::tcp::TcpByteStream* raw) {
                         raw->setParent(nullptr);
                         SecretStreamOptions o;
                         o.isInitiator = false;
                         auto* s = new SecretStream(raw, std::move(o));
                         a->addSecretStream(s);
                         s->start();
                     });
    QElapsedTimer t;
    t.start();
    SecretStreamOptions o;
    o.isInitiator = true;
    auto* s = new SecretStream(
        transport::tcp::TcpByteStream::connectTo(QHostAddress::LocalHost, listener.serverPort()),
        std::move(o));
    b->addSecretStream(s);
    s->start();
    if (!waitFor([&] { return sb->digest() == sa->digest(); }, 600000)) {
        std::fprintf(stderr, "catch-up did not finish\n");
        return 1;
    }
    const double catchUpMs = t.nsecsElapsed() / 1e6;
    const auto records = sb->list()->size();

    // Live latency: one put at a time, until B has merged it.
    QString waitingFor;
    qint64 arrived = -1;
    QObject::connect(b.get(), &sync::SyncNode::recordsChanged, &app, [&](const QStringList& ids, bool) {
        if (ids.contains(waitingFor))
            arrived = t.nsecsElapsed();
    });
    std::vector<double> lat;
    lat.reserve(m);
    for (int i = 0; i < m; ++i) {
        waitingFor = QStringLiteral("live%1").arg(i);
        arrived = -1;
        const qint64 start = t.nsecsElapsed();
        if (!a->write({{waitingFor, store::OpKind::Put, {{"payload", pad}, {"i", i}}}})) {
            std::fprintf(stderr, "live op %d could not be written\n", i);
            return 1;
        }
        if (!waitFor([&] { return arrived >= 0; }, 30000)) {
            std::fprintf(stderr, "live op %d did not arrive\n", i);
            return 1;
        }
        lat.push_back((arrived - start) / 1e6);
    }
    std::sort(lat.begin(), lat.end());
    const auto stats = b->totals();
    QJsonObject out{{"impl", QStringLiteral("C++ sync v1, SQLite in %1")
                                 .arg(argc > 3 ? QString::fromLocal8Bit(argv[3]) : QStringLiteral("temp"))},
                    {"records", double(records)},
                    {"catchUpMs", catchUpMs},
                    {"bytesReceived", double(stats.bytesReceived)},
                    {"liveOps", m},
                    {"liveP50Ms", lat[lat.size() / 2]},
                    {"liveP99Ms", lat[std::min(lat.size() - 1, lat.size() * 99 / 100)]}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
