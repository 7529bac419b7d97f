#pragma once

// Internal to the Database facade: the engine-thread side of one database's sync (ARCHITECTURE.md
// §5). It owns the space's SyncNode (on the StoreWorker's own Store: the single writer) and the
// WebSocket mesh that feeds it. The WebSocket port it serves is shared with every other space that
// serves the same port (sync/WebSocketHub.h: each client goes to the space whose key it proves). Created,
// used and deleted on the engine thread only; the facade talks to it through queued calls and hears from it
// through queued signals.

#include "core/api/SyncTypes.h"
#include "core/common/Result.h"
#include "core/engine/TrafficHistory.h"
#include "core/store/Store.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace pluresdb::sync {
class SwarmSync;
class SyncNode;
class WebSocketHub;
struct PeerInfo;
}  // namespace pluresdb::sync
namespace pluresdb::transport::websocket {
class WebSocketMesh;
}

namespace pluresdb::api {

class SyncStatsBoard;

SyncPeer toSyncPeer(const sync::PeerInfo& p);

class SyncAgent : public QObject {
    Q_OBJECT
public:
    // Starts the node and the mesh (serve first, so a bad port fails the call); engine thread.
    static Result<std::unique_ptr<SyncAgent>> start(store::Store& store, const QString& key,
                                                    const SyncOptions& options);
    ~SyncAgent() override;

    sync::SyncNode& node() { return *m_node; }
    quint16 wsPort() const { return m_wsPort; }
    // With SyncOptions::useSwarm: the space's swarm (null when it could not start; swarmError() says why).
    sync::SwarmSync* swarm() const { return m_swarm.get(); }
    QString swarmError() const { return m_swarmError; }
    SyncStatsSnapshot snapshot() const;
    // From now on a fresh snapshot() goes to `board` on every peer event and summary check (twice a
    // second), and on publishStats(); the first one right away.
    void publishStatsTo(std::shared_ptr<SyncStatsBoard> board);
    void publishStats();
    // The swarm's DHT and holepunch bytes so far, as the traffic graph's series (zero without a swarm).
    engine::TrafficSample swarmTraffic() const;
    // Connected peers and whether every one of them is in sync (false with none).
    SyncSummary summary() const;

signals:
    // The summary changed (checked on every peer event and twice a second).
    void summaryChanged(const pluresdb::SyncSummary& summary);
    // Every SyncOptions::periodicCompleteMs, once per connected peer that is in sync.
    void periodicComplete(const pluresdb::SyncPeer& peer, const pluresdb::SyncStatsSnapshot& stats);
    // Swarm activity for the sync debugger: DHT lookups/announces, connection attempts and their
    // Connect.h steps ("step:<kind>"), duplicates, bans (SwarmSync::trace).
    void swarmTrace(const QString& kind, const QString& keyHex, const QString& detail);

private:
    SyncAgent() = default;
    void checkSummary();

    std::unique_ptr<transport::websocket::WebSocketMesh> m_mesh;  // dials SyncOptions::connectWs
    std::shared_ptr<sync::WebSocketHub> m_hub;  // serves SyncOptions::serveWsPort, shared by the spaces
    std::unique_ptr<sync::SyncNode> m_node;
    std::unique_ptr<sync::SwarmSync> m_swarm;
    QString m_swarmError;
    quint16 m_wsPort = 0;
    SyncSummary m_last;
    std::shared_ptr<SyncStatsBoard> m_board;
    QTimer m_poll;
    QTimer m_periodic;
};

}  // namespace pluresdb::api
