#include "core/engine/TaskQueue.h"

#include <QThread>

namespace pluresdb::engine {

void TaskQueue::post(std::function<void()> fn) {
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(fn));
    }
    // One wake-up per task, each running one task: a task that spins a nested event loop still
    // lets later tasks run, as with one queued call per task.
    QMetaObject::invokeMethod(this, "drain", Qt::QueuedConnection);
}

void TaskQueue::call(const std::function<void()>& fn) {
    if (QThread::currentThread() == thread()) {
        fn();
        return;
    }
    std::mutex mutex;
    std::condition_variable doneCv;
    bool done = false;
    post([&] {
        fn();
        std::lock_guard lock(mutex);
        done = true;
        doneCv.notify_one();
    });
    std::unique_lock lock(mutex);
    doneCv.wait(lock, [&] { return done; });
}

void TaskQueue::drain() {
    std::function<void()> task;
    {
        std::lock_guard lock(m_mutex);
        if (m_tasks.empty())
            return;
        task = std::move(m_tasks.front());
        m_tasks.pop_front();
    }
    // Nothing of this object is touched after the task: it may delete the queue's owner.
    task();
}

}  // namespace pluresdb::engine
