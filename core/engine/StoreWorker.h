#pragma once

// The single writer of one database, living on the engine thread. Every write of the app goes
// through here, in the order it was asked for; the result goes back through a promise.

#include "core/common/Result.h"
#include "core/store/Store.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace pluresdb::engine {

class StoreWorker : public QObject {
    Q_OBJECT
public:
    StoreWorker() = default;

    // Run on the engine thread only.
    Result<void> open(const QString& dir, const store::Store::Options& options);
    Result<std::vector<store::Op>> write(const std::vector<store::LocalWrite>& batch);
    Result<store::MergeStats> merge(const std::vector<store::Op>& ops);
    store::Store& store() { return *m_store; }
    void close() { m_store.reset(); }

signals:
    // Records changed by a committed write; `remote` when they came from another replica.
    void recordsChanged(const QStringList& ids, bool remote);

private:
    std::unique_ptr<store::Store> m_store;
};

}  // namespace pluresdb::engine
