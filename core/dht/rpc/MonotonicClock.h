#pragma once

// Milliseconds from a monotonic source, so that request timeouts (spec/hyperdht.md §2.5) can be
// driven by a fake clock in tests and by QElapsedTimer in the node.

#include <QElapsedTimer>
#include <QtGlobal>

namespace pluresdb::dht::rpc {

class MonotonicClock {
public:
    virtual ~MonotonicClock() = default;
    virtual qint64 nowMs() const = 0;
};

class SteadyClock final : public MonotonicClock {
public:
    SteadyClock() { m_timer.start(); }
    qint64 nowMs() const override { return m_timer.elapsed(); }

private:
    QElapsedTimer m_timer;
};

}  // namespace pluresdb::dht::rpc
