#include "core/api/Database.h"

#include "core/engine/EngineThread.h"
#include "core/engine/StoreWorker.h"
#include "core/keys/SyncKey.h"

#include <QPromise>
#include <QStandardPaths>

namespace pluresdb {

using engine::EngineThread;
using engine::StoreWorker;

namespace {

// Runs `fn` on the worker's thread and completes the returned future with its result.
template <typename T, typename Fn>
QFuture<T> runOnEngine(StoreWorker* worker, Fn fn) {
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        worker,
        [worker, promise, fn = std::move(fn)]() mutable {
            promise->addResult(fn(*worker));
            promise->finish();
        },
        Qt::QueuedConnection);
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
    auto* worker = new StoreWorker();
    worker->moveToThread(thread->thread());
    Result<void> opened;
    QMetaObject::invokeMethod(
        worker, [&] { opened = worker->open(dir, so); }, Qt::BlockingQueuedConnection);
    if (!opened) {
        QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        return opened.error();
    }
    store::Store::Options ro;
    ro.access = store::Store::Access::ReadOnly;
    auto reader = store::Store::open(dir, ro);
    if (!reader) {
        QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        return reader.error();
    }
    const store::SiteId site = (*reader)->siteId();
    std::unique_ptr<Database> db(new Database(dir, thread, worker, std::move(reader).value()));
    db->m_site = site;
    connect(worker, &StoreWorker::recordsChanged, db.get(), &Database::recordsChanged, Qt::QueuedConnection);
    return db;
}

Database::Database(QString dir, std::shared_ptr<EngineThread> thread, StoreWorker* worker,
                   std::unique_ptr<store::Store> reader)
    : m_dir(std::move(dir)), m_thread(std::move(thread)), m_worker(worker), m_reader(std::move(reader)) {}

Database::~Database() {
    // Every write queued before this point completes first: the close runs after them, in order.
    StoreWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            worker->close();
            delete worker;
        },
        Qt::BlockingQueuedConnection);
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
    return runOnEngine<WriteResult>(m_worker,
                                    [batch](StoreWorker& w) { return toWriteResult(w.write(batch)); });
}

QFuture<MergeResult> Database::merge(const std::vector<store::Op>& ops) {
    return runOnEngine<MergeResult>(m_worker, [ops](StoreWorker& w) {
        auto r = w.merge(ops);
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
