#include "app/cli/QuitSignals.h"

#include <QSocketNotifier>

#if defined(Q_OS_WIN)
#include <QMetaObject>

#include <mutex>

#include <windows.h>
#else
#include <csignal>

#include <fcntl.h>
#include <unistd.h>
#endif

namespace pluresdb::cli {

#if !defined(Q_OS_WIN)

namespace {

int g_pipe[2] = {-1, -1};

void onSignalDelivered(int) {
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_pipe[1], &c, 1);
}

// pipe2(O_CLOEXEC | O_NONBLOCK) where there is one (Linux); macOS sets the flags after the fact.
bool makePipe(int fds[2]) {
#if defined(__linux__)
    return ::pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0;
#else
    if (::pipe(fds) != 0)
        return false;
    for (int i = 0; i < 2; ++i) {
        const int flags = ::fcntl(fds[i], F_GETFL, 0);
        if (flags < 0 || ::fcntl(fds[i], F_SETFL, flags | O_NONBLOCK) != 0 ||
            ::fcntl(fds[i], F_SETFD, FD_CLOEXEC) != 0) {
            ::close(fds[0]);
            ::close(fds[1]);
            fds[0] = fds[1] = -1;
            return false;
        }
    }
    return true;
#endif
}

}  // namespace

QuitSignals::QuitSignals() = default;
QuitSignals::~QuitSignals() = default;

bool QuitSignals::install(QObject* context, std::function<void()> onSignal) {
    if (g_pipe[0] < 0 && !makePipe(g_pipe))
        return false;
    m_notifier = std::make_unique<QSocketNotifier>(g_pipe[0], QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, context,
                     [onSignal = std::move(onSignal)] {
                         char buf[16];
                         while (::read(g_pipe[0], buf, sizeof buf) > 0) {
                         }
                         onSignal();
                     });
    struct sigaction sa {};
    sa.sa_handler = onSignalDelivered;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
    return true;
}

#else

// Windows has no SIGTERM; Ctrl+C, Ctrl+Break (what GenerateConsoleCtrlEvent sends to a process
// group) and closing the console are its requests to stop. The handler runs on a thread of its own,
// so it may post to the event loop directly; the relay object is never destroyed, so a late event
// never reaches a deleted receiver, and the callback is dropped when its QuitSignals goes.
namespace {

std::mutex g_mutex;
QObject* g_relay = nullptr;            // guarded by g_mutex
std::function<void()> g_onSignal;      // guarded by g_mutex
const QuitSignals* g_owner = nullptr;  // guarded by g_mutex

BOOL WINAPI onConsoleEvent(DWORD type) {
    if (type != CTRL_C_EVENT && type != CTRL_BREAK_EVENT && type != CTRL_CLOSE_EVENT)
        return FALSE;
    std::lock_guard lock(g_mutex);
    if (!g_relay || !g_onSignal)
        return FALSE;
    QMetaObject::invokeMethod(
        g_relay,
        [] {
            std::function<void()> f;
            {
                std::lock_guard lock(g_mutex);
                f = g_onSignal;
            }
            if (f)
                f();
        },
        Qt::QueuedConnection);
    return TRUE;
}

}  // namespace

QuitSignals::QuitSignals() = default;

QuitSignals::~QuitSignals() {
    std::lock_guard lock(g_mutex);
    if (g_owner == this) {
        g_onSignal = nullptr;
        g_owner = nullptr;
    }
}

bool QuitSignals::install(QObject* context, std::function<void()> onSignal) {
    std::lock_guard lock(g_mutex);
    if (!g_relay) {
        g_relay = new QObject;
        if (!::SetConsoleCtrlHandler(onConsoleEvent, TRUE)) {
            delete g_relay;
            g_relay = nullptr;
            return false;
        }
    }
    g_relay->moveToThread(context->thread());
    g_onSignal = std::move(onSignal);
    g_owner = this;
    return true;
}

#endif

}  // namespace pluresdb::cli
