#pragma once

// Where the engine publishes a space's getSyncStats() figures for the facade (issue #7,
// ARCHITECTURE.md §5: the GUI thread never waits for the engine). The engine-side SyncAgent
// publishes a fresh snapshot on every peer event, twice a second, and whenever the facade asked
// for one; the facade answers from the last one under a short mutex and, at most once until the
// engine served it, posts a request for a newer one.

#include "core/api/SyncTypes.h"

#include <mutex>

#include <atomic>
#include <optional>

namespace pluresdb::api {

class SyncStatsBoard {
public:
    // Any thread: the last published figures (nullopt before the first).
    std::optional<SyncStatsSnapshot> last() const {
        std::lock_guard lock(m_mutex);
        return m_last;
    }
    // Engine thread.
    void publish(SyncStatsSnapshot snapshot) {
        m_refreshWanted = false;
        std::lock_guard lock(m_mutex);
        m_last = std::move(snapshot);
    }
    // True for the first caller since the last publish: it should ask the engine to publish.
    bool wantRefresh() { return !m_refreshWanted.exchange(true); }

private:
    mutable std::mutex m_mutex;
    std::optional<SyncStatsSnapshot> m_last;
    std::atomic<bool> m_refreshWanted{false};
};

}  // namespace pluresdb::api
