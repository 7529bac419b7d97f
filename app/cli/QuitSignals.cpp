#include "app/cli/QuitSignals.h"

#include <QSocketNotifier>

#include <csignal>

#include <fcntl.h>
#include <unistd.h>

namespace pluresdb::cli {
namespace {

int g_pipe[2] = {-1, -1};

void onSignalDelivered(int) {
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_pipe[1], &c, 1);
}

}  // namespace

QuitSignals::QuitSignals() = default;
QuitSignals::~QuitSignals() = default;

bool QuitSignals::install(QObject* context, std::function<void()> onSignal) {
    if (g_pipe[0] < 0 && ::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
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

}  // namespace pluresdb::cli
