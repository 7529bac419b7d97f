#pragma once

// C++ hyperdht nodes for the interop tests, all on 127.0.0.1 with explicit bootstrap lists, and
// helpers that wait (running the event loop) for a procedure's completion.

#include "core/dht/hyperdht/HyperDht.h"

#include <QTest>
#include <QUdpSocket>

#include <memory>
#include <optional>

namespace pluresdb::test::hyperdht {

using dht::hyperdht::HyperDht;

inline constexpr int kWaitMs = 60'000;

inline std::vector<QString> bootstrapList(const QStringList& list) {
    return std::vector<QString>(list.begin(), list.end());
}

// kind: Bootstrapper (DHT.bootstrapper(port, host)), Persistent (ephemeral:false) or Client
// (ephemeral:true).
enum class NodeKind { Bootstrapper, Persistent, Client };

inline std::unique_ptr<HyperDht> startNode(NodeKind kind, const QStringList& bootstrap, quint16 port = 0,
                                           dht::hyperdht::StorageLimits limits = {}) {
    dht::rpc::DhtNodeOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = port;
    o.bootstrap = bootstrapList(bootstrap);
    o.useDefaultBootstrap = false;
    if (kind == NodeKind::Bootstrapper) {
        o.bootstrapper = true;
        o.firewalled = false;
        o.ephemeral = false;
    } else if (kind == NodeKind::Persistent) {
        o.ephemeral = false;
        o.firewalled = false;
    } else {
        o.ephemeral = true;
    }
    auto node = std::make_unique<HyperDht>(o, limits);
    if (!node->start())
        return nullptr;
    return node;
}

// A bootstrap node on a free port of 127.0.0.1 (DHT.bootstrapper needs the port up front).
inline std::unique_ptr<HyperDht> startBootstrapper(dht::hyperdht::StorageLimits limits = {}) {
    for (int attempt = 0; attempt < 5; ++attempt) {
        QUdpSocket probe;
        probe.bind(QHostAddress::LocalHost, 0);
        const quint16 port = probe.localPort();
        probe.close();
        if (auto node = startNode(NodeKind::Bootstrapper, {}, port, limits))
            return node;
    }
    return nullptr;
}

inline bool waitReady(HyperDht& node, int timeoutMs = kWaitMs) {
    return QTest::qWaitFor([&] { return node.node().isBootstrapped(); }, timeoutMs);
}

inline bool waitPersistent(HyperDht& node, int timeoutMs = kWaitMs) {
    return QTest::qWaitFor([&] { return node.node().isBootstrapped() && !node.node().isEphemeral(); },
                           timeoutMs);
}

// Runs `start(done)` and waits for done(value).
template <typename T, typename Start>
std::optional<T> await(Start start, int timeoutMs = kWaitMs) {
    // Shared: a completion that comes after the timeout must not write to a dead frame.
    auto out = std::make_shared<std::optional<T>>();
    start([out](const T& v) { *out = v; });
    (void)QTest::qWaitFor([&] { return out->has_value(); }, timeoutMs);
    return *out;
}

inline QString addressOf(HyperDht& node) {
    return node.node().localServerAddress().toString();
}

// A C++ lookup: public key hex → relay addresses ("host:port"), merged over all replies.
inline std::optional<QMap<QString, QStringList>> lookupPeers(HyperDht& node, const QByteArray& topic,
                                                             int timeoutMs = kWaitMs) {
    auto peers = std::make_shared<QMap<QString, QStringList>>();
    auto done = std::make_shared<bool>(false);
    node.lookup(
        topic,
        [peers](const dht::hyperdht::LookupPeers& reply) {
            for (const auto& p : reply.peers) {
                QStringList& relays = (*peers)[QString::fromLatin1(p.publicKey.toHex())];
                for (const auto& r : p.relayAddresses)
                    if (!relays.contains(r.toString()))
                        relays << r.toString();
            }
        },
        [done](const dht::rpc::QueryResult&) { *done = true; });
    if (!QTest::qWaitFor([&] { return *done; }, timeoutMs))
        return std::nullopt;
    return *peers;
}

}  // namespace pluresdb::test::hyperdht
