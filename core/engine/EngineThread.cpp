#include "core/engine/EngineThread.h"

#include "core/engine/TaskQueue.h"

#include <condition_variable>
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
    std::mutex mutex;
    std::condition_variable ready;
    TaskQueue* root = nullptr;
    // started() is emitted on the new thread, before its event loop runs.
    QObject::connect(&m_thread, &QThread::started, [&] {
        std::lock_guard lock(mutex);
        root = new TaskQueue();
        ready.notify_one();
    });
    m_thread.start();
    std::unique_lock lock(mutex);
    ready.wait(lock, [&] { return root != nullptr; });
    m_root = root;
    QObject::disconnect(&m_thread, &QThread::started, nullptr, nullptr);
}

EngineThread::~EngineThread() {
    m_thread.quit();
    m_thread.wait();
    delete m_root;  // an object of a finished thread may go from any thread
}

}  // namespace pluresdb::engine
