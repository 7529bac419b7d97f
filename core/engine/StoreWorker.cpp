#include "core/engine/StoreWorker.h"

namespace pluresdb::engine {

namespace {
QStringList idsOf(const std::vector<store::Op>& ops) {
    QStringList ids;
    for (const auto& op : ops) {
        if (!ids.contains(op.recordId))
            ids << op.recordId;
    }
    return ids;
}
}  // namespace

Result<void> StoreWorker::open(const QString& dir, const store::Store::Options& options) {
    auto s = store::Store::open(dir, options);
    if (!s)
        return s.error();
    m_store = std::move(s).value();
    return {};
}

Result<std::vector<store::Op>> StoreWorker::write(const std::vector<store::LocalWrite>& batch) {
    if (!m_store)
        return makeError(QStringLiteral("the database is closed"));
    auto r = m_store->write(batch);
    if (r)
        emit recordsChanged(idsOf(*r), false);
    return r;
}

Result<store::MergeStats> StoreWorker::merge(const std::vector<store::Op>& ops) {
    if (!m_store)
        return makeError(QStringLiteral("the database is closed"));
    auto r = m_store->merge(ops);
    if (r && r->applied > 0)
        emit recordsChanged(idsOf(ops), true);
    return r;
}

}  // namespace pluresdb::engine
