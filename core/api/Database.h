#pragma once

// The Database facade: the seed's GunDB-style API in C++ (ARCHITECTURE.md §1, §5). It lives on the
// caller's thread (the GUI thread in the app). Writes go as queued calls to the single writer on
// the engine thread and complete through a QFuture; reads use the facade's own read-only SQLite
// connection, which sees every committed write (WAL). Change signals arrive queued on this thread.
//
// One Database is one space's data. Several can be open at once (several spaces); they share the
// engine thread. The sync calls (enableSync, getSyncStats, ...) attach here in the sync layer.

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
}  // namespace engine

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

    QString directory() const { return m_dir; }
    store::SiteId siteId() const { return m_site; }
    QThread* engineThread() const;  // diagnostics and tests

signals:
    // Committed changes, batched per transaction; `remote` when they came from a peer.
    void recordsChanged(const QStringList& ids, bool remote);

private:
    Database(QString dir, std::shared_ptr<engine::EngineThread> thread, engine::StoreWorker* worker,
             std::unique_ptr<store::Store> reader);
    Result<void> refreshReader();

    QString m_dir;
    std::shared_ptr<engine::EngineThread> m_thread;
    engine::StoreWorker* m_worker;  // lives on the engine thread; deleted there
    std::unique_ptr<store::Store> m_reader;
    store::SiteId m_site{};
};

}  // namespace pluresdb
