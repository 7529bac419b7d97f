#pragma once

// The one named worker thread that runs the engine (ARCHITECTURE.md §5): the store writers now,
// sockets, DHT, swarm and sync sessions later. Objects are moved onto it with moveToThread (never a
// QThread subclass, STYLE.md §2). All Databases of a process share it; it stops when the last
// user lets go.

#include <QThread>

#include <memory>

namespace pluresdb::engine {

class EngineThread {
public:
    static std::shared_ptr<EngineThread> shared();
    ~EngineThread();
    QThread* thread() { return &m_thread; }

private:
    EngineThread();
    QThread m_thread;
};

}  // namespace pluresdb::engine
