#include "core/api/SyncAgent.h"

#include "core/api/SyncStatsBoard.h"

#include "core/crypto/Ed25519.h"
#include "core/dht/hyperdht/HyperDht.h"
#include "core/keys/SyncKey.h"
#include "core/sync/SwarmSync.h"
#include "core/sync/SyncNode.h"
#include "core/sync/WebSocketHub.h"
#include "core/transport/websocket/WebSocketMesh.h"

namespace pluresdb::api {

SyncPeer toSyncPeer(const sync::PeerInfo& p) {
    SyncPeer s;
    s.peerId = p.peerId;
    s.connected = p.connected;
    s.remotePublicKey = p.remotePublicKey;
    s.remoteAddress = p.remoteAddress;
    s.legacyJson = p.legacyJson;
    s.inSync = p.inSync;
    s.link = p.link;
    s.stats = p.stats;
    s.progress = p.progress;
    s.ackRttMs = p.ackRttMs;
    return s;
}

Result<std::unique_ptr<SyncAgent>> SyncAgent::start(store::Store& store, const QString& key,
                                                    const SyncOptions& options) {
    sync::SyncNode::Options no;
    no.legacyJson = options.legacyJson;
    no.clock = options.clock;
    auto node = sync::SyncNode::create(store, key, no);
    if (!node)
        return node.error();
    std::unique_ptr<SyncAgent> agent(new SyncAgent());
    agent->m_node = std::move(node).value();
    agent->m_mesh = std::make_unique<transport::websocket::WebSocketMesh>(crypto::generateKeyPair());
    agent->m_node->attachMesh(agent->m_mesh.get());
    if (options.serveWsPort) {
        // One port for all spaces: a space asking for a port another one serves joins it.
        auto hub = sync::WebSocketHub::acquire(options.serveWsHost, *options.serveWsPort);
        if (!hub)
            return makeError(QStringLiteral("cannot serve the WebSocket mesh on port %1: %2")
                                 .arg(*options.serveWsPort)
                                 .arg(hub.errorMessage()));
        agent->m_hub = std::move(hub).value();
        agent->m_hub->addNode(agent->m_node.get());
        agent->m_wsPort = agent->m_hub->port();
    }
    for (const QString& u : options.connectWs) {
        const QUrl url(u);
        if (!url.isValid() || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")) ||
            url.host().isEmpty())
            return makeError(QStringLiteral("not a ws:// URL: %1").arg(u));
    }
    for (const QString& u : options.connectWs)
        agent->m_mesh->connectTo(QUrl(u));
    if (options.useSwarm) {
        // A swarm that cannot start (no network, no bootstrap nodes) is reported, not fatal: the
        // mesh still runs.
        sync::SwarmSync::Options so;
        for (const QString& b : options.bootstrap)
            so.bootstrap.push_back(b);
        auto normalised = keys::normaliseSyncKey(key);
        auto swarm = normalised ? sync::SwarmSync::start(*agent->m_node, *normalised, so)
                                : Result<std::unique_ptr<sync::SwarmSync>>(normalised.error());
        if (swarm) {
            agent->m_swarm = std::move(swarm).value();
            SyncAgent* a = agent.get();
            connect(agent->m_swarm.get(), &sync::SwarmSync::trace, a,
                    [a](const QString& kind, const QString& keyHex, const QString& detail) {
                        emit a->swarmTrace(kind, keyHex, detail);
                    });
        } else {
            agent->m_swarmError = swarm.errorMessage();
        }
    }

    SyncAgent* self = agent.get();
    auto check = [self] { self->checkSummary(); };
    connect(self->m_node.get(), &sync::SyncNode::peerConnected, self, check);
    connect(self->m_node.get(), &sync::SyncNode::peerDisconnected, self, check);
    connect(self->m_node.get(), &sync::SyncNode::syncComplete, self, check);
    self->m_poll.setInterval(500);
    connect(&self->m_poll, &QTimer::timeout, self, check);
    self->m_poll.start();
    if (options.periodicCompleteMs > 0) {
        self->m_periodic.setInterval(options.periodicCompleteMs);
        connect(&self->m_periodic, &QTimer::timeout, self, [self] {
            const SyncStatsSnapshot stats = self->snapshot();
            for (const SyncPeer& p : stats.peers)
                if (p.connected && p.inSync)
                    emit self->periodicComplete(p, stats);
        });
        self->m_periodic.start();
    }
    return agent;
}

SyncAgent::~SyncAgent() {
    m_poll.stop();
    m_periodic.stop();
    // Sessions first (they hold the mesh's and the swarm's streams), then the mesh and the swarm.
    if (m_hub)
        m_hub->removeNode(m_node.get());
    m_node.reset();
    m_swarm.reset();
    m_mesh.reset();
    m_hub.reset();  // the port closes with the last space serving it
}

SyncStatsSnapshot SyncAgent::snapshot() const {
    SyncStatsSnapshot s;
    s.peersConnected = m_node->connectedPeers();
    s.totals = m_node->totals();
    s.messagesSent = s.totals.messagesSent;
    s.messagesReceived = s.totals.messagesReceived;
    s.bytesTransmitted = s.totals.bytesSent;
    s.bytesReceived = s.totals.bytesReceived;
    for (const auto& p : m_node->peers())
        s.peers.push_back(toSyncPeer(p));
    if (m_swarm) {
        const auto t = m_swarm->swarm().dhtTraffic();
        s.dhtBytesReceived = t.dhtBytesIn;
        s.dhtBytesSent = t.dhtBytesOut;
        s.holepunchBytesReceived = t.probeBytesIn;
        s.holepunchBytesSent = t.probeBytesOut;
    }
    return s;
}

void SyncAgent::publishStatsTo(std::shared_ptr<SyncStatsBoard> board) {
    m_board = std::move(board);
    publishStats();
}

void SyncAgent::publishStats() {
    if (m_board)
        m_board->publish(snapshot());
}

engine::TrafficSample SyncAgent::swarmTraffic() const {
    engine::TrafficSample s{};
    if (!m_swarm)
        return s;
    using engine::TrafficSeries;
    const auto t = m_swarm->swarm().dhtTraffic();
    s[int(TrafficSeries::DhtIn)] = t.dhtBytesIn;
    s[int(TrafficSeries::DhtOut)] = t.dhtBytesOut;
    s[int(TrafficSeries::HolepunchIn)] = t.probeBytesIn;
    s[int(TrafficSeries::HolepunchOut)] = t.probeBytesOut;
    return s;
}

SyncSummary SyncAgent::summary() const {
    SyncSummary s;
    bool all = true;
    for (const auto& p : m_node->peers()) {
        if (!p.connected)
            continue;
        ++s.peers;
        all = all && p.inSync;
    }
    s.inSync = s.peers > 0 && all;
    if (m_swarm) {
        auto* dht = m_swarm->swarm().dht();
        if (!dht || !dht->node().isBootstrapped())
            s.dht = SyncSummary::Dht::Bootstrapping;
        else
            s.dht = dht->node().routingTableSize() > 0 ? SyncSummary::Dht::Online : SyncSummary::Dht::Offline;
    } else if (!m_swarmError.isEmpty()) {
        s.dht = SyncSummary::Dht::Offline;
    }
    return s;
}

void SyncAgent::checkSummary() {
    publishStats();
    const SyncSummary now = summary();
    if (now == m_last)
        return;
    m_last = now;
    emit summaryChanged(now);
}

}  // namespace pluresdb::api
