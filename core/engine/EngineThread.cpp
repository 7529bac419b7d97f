#include "core/engine/EngineThread.h"

#include <mutex>

namespace pluresdb::engine {

std::shared_ptr<EngineThread> EngineThread::shared() {
    static std::mutex mutex;
    static std::weak_ptr<EngineThread> current;
    std::lock_guard lock(mutex);
    auto t = current.lock();
    if (!t) {
        t = std::shared_ptr<EngineThread>(new EngineThread());
        current = t;
    }
    return t;
}

EngineThread::EngineThread() {
    m_thread.setObjectName(QStringLiteral("pluresdb-engine"));
    m_thread.start();
}

EngineThread::~EngineThread() {
    m_thread.quit();
    m_thread.wait();
}

}  // namespace pluresdb::engine
