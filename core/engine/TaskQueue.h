#pragma once

// Runs functions on the thread of this object, in the order they were posted (ARCHITECTURE.md §5:
// the facade talks to the engine thread only through such queues).
//
// Why not QMetaObject::invokeMethod with a functor: the functor and its captures cross threads
// through Qt's event queue, whose locks live in the Qt library. With the distribution's Qt (not
// built with ThreadSanitizer) TSan cannot see them, and reports every hand-off as a data race,
// which hides the real ones. Here the task crosses through a std::mutex that TSan sees; Qt only
// carries a wake-up without data (a queued call of drain() by name). A blocking call() waits on a
// std::condition_variable, not on Qt's semaphore, for the same reason.

#include <QObject>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace pluresdb::engine {

class TaskQueue final : public QObject {
    Q_OBJECT
public:
    explicit TaskQueue(QObject* parent = nullptr) : QObject(parent) {}

    // Any thread: runs `fn` on this object's thread after every task posted before it. A task
    // still queued when the object is deleted is dropped (and destroyed) without running.
    void post(std::function<void()> fn);

    // Any thread: runs `fn` on this object's thread and returns once it has run (at once, inline,
    // when called on that thread). The thread must not be blocked waiting for the caller.
    void call(const std::function<void()>& fn);

private:
    Q_INVOKABLE void drain();

    std::mutex m_mutex;
    std::deque<std::function<void()>> m_tasks;
};

}  // namespace pluresdb::engine
