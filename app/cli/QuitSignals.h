#pragma once

// SIGINT/SIGTERM for the long-running CLI commands (bootstrap, dht announce, sync): the handler only
// writes a byte to a pipe (all a signal handler may do), and a notifier on the event loop calls
// `onSignal` for each delivery. One instance per process; it restores nothing on destruction
// because the commands exit right after their loop ends.

#include <QObject>

#include <functional>
#include <memory>

class QSocketNotifier;

namespace pluresdb::cli {

class QuitSignals {
public:
    QuitSignals();
    ~QuitSignals();
    QuitSignals(const QuitSignals&) = delete;
    QuitSignals& operator=(const QuitSignals&) = delete;

    // Installs the handlers; `onSignal` runs on the event loop of `context`'s thread. False if the
    // pipe cannot be made (the command then cannot be stopped cleanly and should say so).
    bool install(QObject* context, std::function<void()> onSignal);

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

}  // namespace pluresdb::cli
