#pragma once

// The Database facade: the seed's GunDB-style API in C++ (ARCHITECTURE.md §1, §5). It lives on the
// caller's thread (the GUI thread in the app). Writes go as queued calls to the single writer on
// the engine thread and complete through a QFuture; reads use the facade's own read-only SQLite
// connection, which sees every committed write (WAL). Change signals arrive queued on this thread.
//
// One Database is one space's data. Several can be open at once (several spaces); they share the
// engine thread.
//
// Sync (issue #7, README "Sync API"): enableSync() starts this space's sync node on the engine
// thread, next to the writer and on the same Store (the single-writer rule); from then on local
// writes go through the node, which offers them to every peer, and ops merged from peers raise
// recordsChanged(ids, true) here. Each Database has its own node, so several spaces sync at once.

#include "core/api/SyncTypes.h"
#include "core/common/Result.h"
#include "core/store/Op.h"
#include "core/store/Store.h"

#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QThread>

#include <memory>
#include <optional>
#include <vector>

namespace pluresdb {

namespace engine {
class EngineThread;
class StoreWorker;
class TaskQueue;
}  // namespace engine
namespace api {
class SyncAgent;
class SyncMonitorState;
class SyncStatsBoard;
}  // namespace api
class SyncStatus;

struct WriteResult {
    bool ok = false;
    QString error;         // set when !ok
    uint64_t lastSeq = 0;  // the seq of the last op written
};

struct MergeResult {
    bool ok = false;
    QString error;
    int applied = 0;
    int duplicates = 0;
};

class Database : public QObject {
    Q_OBJECT
public:
    struct Options {
        store::Store::Durability durability = store::Store::Durability::Full;
        const store::WallClock* clock = nullptr;  // tests
    };

    // Opens or creates the database in `dir`; blocks until the engine has it open.
    static Result<std::unique_ptr<Database>> open(const QString& dir, const Options& options);
    static Result<std::unique_ptr<Database>> open(const QString& dir) { return open(dir, Options{}); }
    // The platform's data directory for the default database.
    static QString defaultDirectory();
    // A new sync key: 32 random bytes from libsodium as 64 lowercase hex characters.
    static QString generateSyncKey();
    // The key normalised to lowercase, or a message saying what is wrong with it.
    static Result<QString> validateSyncKey(const QString& key);

    ~Database() override;

    // put overlays `data` on the record (a null field deletes that field), as PluresDB's put.
    QFuture<WriteResult> put(const QString& id, const QJsonObject& data);
    QFuture<WriteResult> remove(const QString& id);
    QFuture<WriteResult> write(const std::vector<store::LocalWrite>& batch);  // one transaction
    // Ops from another replica (the sync layer, and tests).
    QFuture<MergeResult> merge(const std::vector<store::Op>& ops);

    // Reads: this thread's read-only connection; see every write whose future has finished.
    Result<std::optional<QJsonObject>> get(const QString& id);
    Result<std::vector<store::Record>> list(const QString& prefix = {});
    Result<std::vector<store::Record>> listPage(const QString& prefix, const QString& after, int limit);
    Result<std::vector<store::FieldState>> fieldStates(const QString& id);
    // Each field's writes (value, writer, clock) and the concurrent writes among them (store/History.h).
    Result<store::RecordHistory> fieldHistory(const QString& id);
    Result<store::Digest> digest();
    Result<store::VersionVector> versionVector();
    Result<std::vector<store::Op>> opsSince(const store::VersionVector& have, size_t limit);

    // Sync. enableSync starts (or restarts with new options) this database's sync node and returns
    // once it serves/dials; the error says what is wrong (bad key, port in use, bad URL). A missing
    // key is generated. With useSwarm the space also joins its Hyperswarm topic through
    // SyncOptions::bootstrap (empty: the public DHT); a swarm that cannot start is reported through
    // error() and the WebSocket mesh still runs.
    Result<void> enableSync(const SyncOptions& options);
    void disableSync();
    bool isSyncEnabled() const { return m_syncEnabled; }
    QString getSyncKey() const { return m_syncKey; }  // the key of the last enableSync; empty before
    // The port the mesh serves on (useful with serveWsPort 0); 0 when it does not serve.
    quint16 syncWebSocketPort() const { return m_wsPort; }
    // nullopt before the first enableSync; after disableSync, the figures at that moment. Neither
    // waits for the engine: they answer from the snapshot it publishes on every peer event, twice a
    // second, and soon after each call (so polling sees figures at most one engine pass old).
    std::optional<SyncStatsSnapshot> getSyncStats();
    std::vector<SyncPeer> getSyncPeers();  // current peers (empty when sync is off)
    SyncSummary syncSummary() const { return m_summary; }
    // What the peer list, graphs and debugger read: published by the engine, read without waiting
    // for it (core/api/SyncMonitor.h). Null before the first enableSync; a new one per enableSync.
    std::shared_ptr<const api::SyncMonitorState> syncMonitor() const { return m_monitor; }
    // Keeps `status` (space `spaceId`) up to date with this database's sync: enabled, peers, in sync.
    void reportSyncStatusTo(SyncStatus* status, const QString& spaceId);

    QString directory() const { return m_dir; }
    store::SiteId siteId() const { return m_site; }
    QThread* engineThread() const;  // diagnostics and tests

signals:
    // Committed changes, batched per transaction; `remote` when they came from a peer.
    void recordsChanged(const QStringList& ids, bool remote);
    // Sync events, queued from the engine thread.
    void peerConnected(const pluresdb::SyncPeer& peer);
    void peerDisconnected(const pluresdb::SyncPeer& peer, const QString& reason);
    // After each catch-up with a peer (state digests equal), with the stats at that moment; and
    // periodically (SyncOptions::periodicCompleteMs) for every peer that is in sync.
    void syncComplete(const pluresdb::SyncPeer& peer, const pluresdb::SyncStatsSnapshot& stats);
    // A peer refused (it could not prove the key), a connection failed, swarm unavailable, ...
    void error(const QString& peerId, const QString& message);
    // Peers connected / in sync changed (also false -> true of isSyncEnabled).
    void syncSummaryChanged(const pluresdb::SyncSummary& summary);

private:
    Database(QString dir, std::shared_ptr<engine::EngineThread> thread, engine::StoreWorker* worker,
             engine::TaskQueue* engineQueue, std::unique_ptr<store::Store> reader);
    Result<void> refreshReader();
    template <typename Fn>
    void onEngine(Fn fn);  // runs fn on the engine thread and waits

    // Touched on the engine thread only (inside queued calls): the running agent, or null.
    struct EngineSide {
        api::SyncAgent* agent = nullptr;
    };

    QString m_dir;
    std::shared_ptr<engine::EngineThread> m_thread;
    engine::StoreWorker* m_worker;     // lives on the engine thread; deleted there
    engine::TaskQueue* m_engineQueue;  // the way to the engine thread (lives there, deleted there)
    engine::TaskQueue* m_here;         // the way back to this object's thread (a child)
    std::unique_ptr<store::Store> m_reader;
    store::SiteId m_site{};
    std::shared_ptr<EngineSide> m_engineSide = std::make_shared<EngineSide>();
    bool m_syncEnabled = false;
    QString m_syncKey;
    quint16 m_wsPort = 0;
    std::optional<SyncStatsSnapshot> m_lastStats;
    std::shared_ptr<api::SyncMonitorState> m_monitor;
    std::shared_ptr<api::SyncStatsBoard> m_statsBoard;  // published by this enable's agent
    SyncSummary m_summary;
    quint64 m_syncGeneration = 0;  // events of an older enable are dropped
};

}  // namespace pluresdb
