#pragma once

// The one named worker thread that runs the engine (ARCHITECTURE.md §5): the store writers,
// sockets, DHT, swarm and sync sessions. It is a plain QThread running an event loop (never a
// QThread subclass, STYLE.md §2). All Databases of a process share it; it stops when the last
// user lets go.
//
// Engine objects are created on the thread itself, through root(): an object made on one thread
// and moved to another is first read there through Qt's event queue, a hand-off ThreadSanitizer
// cannot see with the distribution's Qt (see TaskQueue.h).

#include <QThread>

#include <memory>

namespace pluresdb::engine {

class TaskQueue;

class EngineThread {
public:
    static std::shared_ptr<EngineThread> shared();
    ~EngineThread();
    QThread* thread() { return &m_thread; }
    // A queue that runs tasks on the thread (made there when the thread started).
    TaskQueue* root() { return m_root; }

private:
    EngineThread();
    QThread m_thread;
    TaskQueue* m_root = nullptr;
};

}  // namespace pluresdb::engine
