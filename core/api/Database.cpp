#include "core/api/Database.h"

#include "core/api/SyncAgent.h"
#include "core/api/SyncMonitor.h"
#include "core/api/SyncStatsBoard.h"
#include "core/api/SyncStatus.h"
#include "core/engine/EngineThread.h"
#include "core/engine/StoreWorker.h"
#include "core/engine/TaskQueue.h"
#include "core/keys/SyncKey.h"
#include "core/sync/SyncNode.h"

#include <QPointer>
#include <QPromise>
#include <QStandardPaths>

namespace pluresdb {

using engine::EngineThread;
using engine::StoreWorker;
using engine::TaskQueue;

namespace {

// Runs `fn` on the worker's thread and completes the returned future with its result. The promise
// goes back to the caller's thread (`here`) to be destroyed there, with the futures: the count of
// the result's users is kept inside Qt, where ThreadSanitizer cannot see it (TaskQueue.h).
template <typename T, typename Fn>
QFuture<T> runOnEngine(TaskQueue* queue, TaskQueue* here, StoreWorker* worker, Fn fn) {
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    queue->post([worker, here, promise = std::move(promise), fn = std::move(fn)]() mutable {
        promise->addResult(fn(*worker));
        promise->finish();
        here->post([promise = std::move(promise)] {});
    });
    return future;
}

WriteResult toWriteResult(const Result<std::vector<store::Op>>& r) {
    WriteResult w;
    w.ok = r.ok();
    if (!r)
        w.error = r.errorMessage();
    else if (!r->empty())
        w.lastSeq = r->back().seq;
    return w;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::open(const QString& dir, const Options& options) {
    store::Store::Options so;
    so.durability = options.durability;
    so.clock = options.clock;
    // The writer opens (and creates or migrates) the database first, on the engine thread.
    auto thread = EngineThread::shared();
    // The worker and its queue are made on the engine thread (EngineThread.h says why).
    StoreWorker* worker = nullptr;
    TaskQueue* queue = nullptr;
    thread->root()->call([&] {
        worker = new StoreWorker();
        queue = new TaskQueue();
    });
    // Undoes the above when opening fails.
    auto discard = [thread, worker, queue] {
        thread->root()->call([worker, queue] {
            delete worker;
            delete queue;
        });
    };
    Result<void> opened;
    queue->call([&] { opened = worker->open(dir, so); });
    if (!opened) {
        discard();
        return opened.error();
    }
    store::Store::Options ro;
    ro.access = store::Store::Access::ReadOnly;
    auto reader = store::Store::open(dir, ro);
    if (!reader) {
        discard();
        return reader.error();
    }
    const store::SiteId site = (*reader)->siteId();
    std::unique_ptr<Database> db(new Database(dir, thread, worker, queue, std::move(reader).value()));
    db->m_site = site;
    // Emitted on the engine thread; the ids cross to this thread through the queue.
    Database* d = db.get();
    TaskQueue* here = db->m_here;
    connect(worker, &StoreWorker::recordsChanged, worker, [d, here](const QStringList& ids, bool remote) {
        here->post([d, ids, remote] { emit d->recordsChanged(ids, remote); });
    });
    return db;
}

Database::Database(QString dir, std::shared_ptr<EngineThread> thread, StoreWorker* worker,
                   TaskQueue* engineQueue, std::unique_ptr<store::Store> reader)
    : m_dir(std::move(dir)),
      m_thread(std::move(thread)),
      m_worker(worker),
      m_engineQueue(engineQueue),
      m_here(new TaskQueue(this)),
      m_reader(std::move(reader)) {}

Database::~Database() {
    // Every write queued before this point completes first: the close runs after them, in order.
    // The sync node goes before the store it uses. After this call nothing on the engine thread
    // refers to this object, so m_here (a child) may go with it.
    StoreWorker* worker = m_worker;
    auto side = m_engineSide;
    m_engineQueue->call([worker, side] {
        delete side->agent;
        side->agent = nullptr;
        worker->close();
        delete worker;
    });
    // Every task of the queue has run; it goes on its own thread, from outside its own tasks.
    TaskQueue* queue = m_engineQueue;
    m_thread->root()->call([queue] { delete queue; });
}

QString Database::defaultDirectory() {
    // Fixed rather than derived from the application name, so the CLI and the desktop app agree:
    // ~/.local/share/pluresdb on Linux, %APPDATA%\\pluresdb on Windows, ~/Library/Application
    // Support/pluresdb on macOS.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/pluresdb");
}

QString Database::generateSyncKey() {
    return keys::generateSyncKey();
}

Result<QString> Database::validateSyncKey(const QString& key) {
    return keys::normaliseSyncKey(key);
}

QFuture<WriteResult> Database::put(const QString& id, const QJsonObject& data) {
    return write({store::LocalWrite{id, store::OpKind::Put, data}});
}

QFuture<WriteResult> Database::remove(const QString& id) {
    return write({store::LocalWrite{id, store::OpKind::Delete, {}}});
}

QFuture<WriteResult> Database::write(const std::vector<store::LocalWrite>& batch) {
    // While sync runs, writes go through its node (same Store), which offers them to the peers.
    return runOnEngine<WriteResult>(m_engineQueue, m_here, m_worker,
                                    [batch, side = m_engineSide](StoreWorker& w) {
                                        if (side->agent)
                                            return toWriteResult(side->agent->node().write(batch));
                                        return toWriteResult(w.write(batch));
                                    });
}

QFuture<MergeResult> Database::merge(const std::vector<store::Op>& ops) {
    return runOnEngine<MergeResult>(
        m_engineQueue, m_here, m_worker, [ops, side = m_engineSide](StoreWorker& w) {
            auto r = side->agent ? side->agent->node().mergeFrom(nullptr, ops) : w.merge(ops);
            MergeResult m;
            m.ok = r.ok();
            if (!r)
                m.error = r.errorMessage();
            else {
                m.applied = r->applied;
                m.duplicates = r->duplicates;
            }
            return m;
        });
}

template <typename Fn>
void Database::onEngine(Fn fn) {
    m_engineQueue->call(fn);
}

namespace {

void registerSyncTypes() {
    static const bool once = [] {
        qRegisterMetaType<SyncPeer>("pluresdb::SyncPeer");
        qRegisterMetaType<SyncStatsSnapshot>("pluresdb::SyncStatsSnapshot");
        qRegisterMetaType<SyncSummary>("pluresdb::SyncSummary");
        return true;
    }();
    (void)once;
}

}  // namespace

Result<void> Database::enableSync(const SyncOptions& options) {
    registerSyncTypes();
    QString key = options.key;
    if (key.isEmpty())
        key = generateSyncKey();
    auto normalised = keys::normaliseSyncKey(key);
    if (!normalised)
        return normalised.error();
    if (m_syncEnabled)
        disableSync();

    const quint64 generation = ++m_syncGeneration;
    Result<quint16> started = makeError(QStringLiteral("the engine did not run"));
    QString swarmError;
    auto side = m_engineSide;
    StoreWorker* worker = m_worker;
    Database* db = this;
    TaskQueue* here = m_here;
    // Posts `fn` to this facade's thread unless a later enable/disable made it stale.
    auto post = [db, here, generation](auto fn) {
        here->post([db, generation, fn = std::move(fn)] {
            if (db->m_syncGeneration == generation && db->m_syncEnabled)
                fn();
        });
    };
    auto monitor = std::make_shared<api::SyncMonitorState>();
    auto board = std::make_shared<api::SyncStatsBoard>();
    onEngine([&] {
        auto agent = api::SyncAgent::start(worker->store(), *normalised, options);
        if (!agent) {
            started = agent.error();
            return;
        }
        api::SyncAgent* a = agent->release();
        side->agent = a;
        sync::SyncNode* node = &a->node();
        auto* mon = new api::SyncMonitor(node, monitor, a);  // a child of the agent: goes with it
        // The graph's DHT and holepunch series: the swarm's socket counters, read at each sample.
        mon->setTrafficSource([a] { return a->swarmTraffic(); });
        // The swarm's steps (DHT lookups and announces, connection attempts, hyperdht's connect steps
        // "step:<kind>") go to the debugger's timeline and the connection doctor.
        connect(
            a, &api::SyncAgent::swarmTrace, mon,
            [mon](const QString& kind, const QString& keyHex, const QString& detail) {
                if (kind.startsWith(QLatin1String("step:"))) {
                    mon->recordConnectStep(QByteArray::fromHex(keyHex.toLatin1()), kind.mid(5), detail);
                } else if (kind == QLatin1String("lookup")) {
                    mon->recordEvent(api::traceEvent(QString::fromLatin1(api::trace::kDhtLookup), QString(),
                                                     QStringLiteral("topic %1").arg(keyHex.left(16))));
                } else if (kind == QLatin1String("announce") || kind == QLatin1String("unannounce")) {
                    const QString more = detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail);
                    mon->recordEvent(
                        api::traceEvent(QString::fromLatin1(api::trace::kDhtAnnounce), QString(),
                                        QStringLiteral("%1 topic %2%3").arg(kind, keyHex.left(16), more)));
                } else if (kind == QLatin1String("connect-failed")) {
                    mon->recordEvent(
                        api::traceEvent(QString::fromLatin1(api::trace::kError), keyHex, detail));
                } else if (kind == QLatin1String("banned")) {
                    mon->recordEvent(
                        api::traceEvent(QString::fromLatin1(api::trace::kAdmissionFailed), keyHex, detail));
                }
            });
        connect(node, &sync::SyncNode::recordsChanged, a, [post, db](const QStringList& ids, bool remote) {
            post([db, ids, remote] { emit db->recordsChanged(ids, remote); });
        });
        connect(node, &sync::SyncNode::peerConnected, a, [post, db](const sync::PeerInfo& p) {
            post([db, peer = api::toSyncPeer(p)] { emit db->peerConnected(peer); });
        });
        connect(node, &sync::SyncNode::peerDisconnected, a,
                [post, db](const sync::PeerInfo& p, const QString& why) {
                    post([db, peer = api::toSyncPeer(p), why] { emit db->peerDisconnected(peer, why); });
                });
        connect(node, &sync::SyncNode::syncComplete, a, [post, db, a](const sync::PeerInfo& p) {
            post([db, peer = api::toSyncPeer(p), stats = a->snapshot()] {
                emit db->syncComplete(peer, stats);
            });
        });
        connect(a, &api::SyncAgent::periodicComplete, a,
                [post, db](const SyncPeer& peer, const SyncStatsSnapshot& stats) {
                    post([db, peer, stats] { emit db->syncComplete(peer, stats); });
                });
        connect(node, &sync::SyncNode::peerRefused, a,
                [post, db](const sync::PeerInfo& p, const QString& why) {
                    post([db, id = p.peerId, why] {
                        emit db->error(id, QStringLiteral("peer refused: %1").arg(why));
                    });
                });
        connect(node, &sync::SyncNode::error, a, [post, db](const QString& peer, const QString& m) {
            post([db, peer, m] { emit db->error(peer, m); });
        });
        connect(a, &api::SyncAgent::summaryChanged, a, [post, db](const SyncSummary& s) {
            post([db, s] {
                db->m_summary = s;
                emit db->syncSummaryChanged(s);
            });
        });
        a->publishStatsTo(board);
        started = a->wsPort();
        swarmError = a->swarmError();
    });
    if (!started)
        return started.error();
    m_syncEnabled = true;
    m_monitor = std::move(monitor);
    m_statsBoard = std::move(board);
    m_syncKey = *normalised;
    m_wsPort = *started;
    m_summary = SyncSummary{};
    if (!m_lastStats)
        m_lastStats = SyncStatsSnapshot{};
    emit syncSummaryChanged(m_summary);
    if (!swarmError.isEmpty()) {
        // Queued, so that a caller connecting error() right after this call hears it.
        post([db, swarmError] {
            emit db->error(QString(),
                           QStringLiteral("swarm discovery could not start: %1 (the WebSocket mesh "
                                          "still runs)")
                               .arg(swarmError));
        });
    }
    return {};
}

void Database::disableSync() {
    if (!m_syncEnabled)
        return;
    auto side = m_engineSide;
    std::optional<SyncStatsSnapshot> last;
    onEngine([&] {
        if (side->agent) {
            last = side->agent->snapshot();
            last->peers.clear();
            last->peersConnected = 0;
        }
        delete side->agent;
        side->agent = nullptr;
    });
    if (last)
        m_lastStats = last;
    ++m_syncGeneration;
    m_syncEnabled = false;
    m_wsPort = 0;
    m_summary = SyncSummary{};
    emit syncSummaryChanged(m_summary);
}

std::optional<SyncStatsSnapshot> Database::getSyncStats() {
    if (!m_syncEnabled || !m_statsBoard)
        return m_lastStats;
    // The engine's last snapshot, without waiting for the engine (it may be busy merging); and a
    // request for a fresher one, so that a caller polling sees figures at most one engine pass old.
    std::optional<SyncStatsSnapshot> s = m_statsBoard->last();
    if (m_statsBoard->wantRefresh()) {
        m_engineQueue->post([side = m_engineSide] {
            if (side->agent)
                side->agent->publishStats();
        });
    }
    return s ? s : m_lastStats;
}

std::vector<SyncPeer> Database::getSyncPeers() {
    if (!m_syncEnabled)
        return {};
    auto s = getSyncStats();
    return s ? s->peers : std::vector<SyncPeer>{};
}

void Database::reportSyncStatusTo(SyncStatus* status, const QString& spaceId) {
    QPointer<SyncStatus> target(status);
    auto update = [this, target, spaceId] {
        if (!target)
            return;
        if (!m_syncEnabled) {
            target->clearSpace(spaceId);
            return;
        }
        SyncStatus::Space s;
        s.enabled = true;
        s.peers = m_summary.peers;
        s.inSync = m_summary.inSync;
        target->setSpace(spaceId, s);
    };
    connect(this, &Database::syncSummaryChanged, status, update);
    update();
}

QThread* Database::engineThread() const {
    return m_thread->thread();
}

Result<void> Database::refreshReader() {
    return m_reader->refresh();
}

Result<std::optional<QJsonObject>> Database::get(const QString& id) {
    auto r = m_reader->get(id);
    if (!r)
        return r.error();
    if (!r->has_value())
        return std::optional<QJsonObject>{};
    return std::optional<QJsonObject>((*r)->data);
}

Result<std::vector<store::Record>> Database::list(const QString& prefix) {
    return m_reader->list(prefix);
}

Result<std::vector<store::Record>> Database::listPage(const QString& prefix, const QString& after,
                                                      int limit) {
    return m_reader->listPage(prefix, after, limit);
}

Result<std::vector<store::FieldState>> Database::fieldStates(const QString& id) {
    return m_reader->fieldStates(id);
}

Result<store::RecordHistory> Database::fieldHistory(const QString& id) {
    return m_reader->fieldHistory(id);
}

Result<store::Digest> Database::digest() {
    if (auto r = refreshReader(); !r)
        return r.error();
    return m_reader->digest();
}

Result<store::VersionVector> Database::versionVector() {
    if (auto r = refreshReader(); !r)
        return r.error();
    return m_reader->versionVector();
}

Result<std::vector<store::Op>> Database::opsSince(const store::VersionVector& have, size_t limit) {
    if (auto r = refreshReader(); !r)
        return r.error();
    return m_reader->opsSince(have, limit);
}

}  // namespace pluresdb
