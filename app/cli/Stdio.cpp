#include "app/cli/Stdio.h"

#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>

#if defined(Q_OS_WIN)
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <io.h>
#include <cstdio>
#else
#include <unistd.h>
#endif

namespace pluresdb::cli {

#if !defined(Q_OS_WIN)

struct StdinReader::Impl {
    QSocketNotifier notifier{STDIN_FILENO, QSocketNotifier::Read};
    QByteArray chunk;
    bool done = false;
};

StdinReader::StdinReader(qsizetype chunkSize) : m_impl(std::make_unique<Impl>()) {
    m_impl->chunk = QByteArray(chunkSize, Qt::Uninitialized);
    m_impl->notifier.setEnabled(false);
    QObject::connect(&m_impl->notifier, &QSocketNotifier::activated, &m_impl->notifier, [this] {
        Impl& d = *m_impl;
        if (canAccept && !canAccept())
            return;
        const ssize_t n = ::read(STDIN_FILENO, d.chunk.data(), size_t(d.chunk.size()));
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            return;
        if (n <= 0) {
            d.done = true;
            d.notifier.setEnabled(false);
            if (onEnd)
                onEnd();
            return;
        }
        if (onChunk)
            onChunk(QByteArray(d.chunk.constData(), n));
    });
}

StdinReader::~StdinReader() = default;

void StdinReader::setEnabled(bool enabled) {
    if (!m_impl->done)
        m_impl->notifier.setEnabled(enabled);
}

bool writeStdout(const char* p, qint64 n) {
    while (n > 0) {
        const ssize_t w = ::write(STDOUT_FILENO, p, size_t(n));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= w;
    }
    return true;
}

#else

namespace {

// The one stdin of the process: a thread that reads a chunk each time it is asked to, and the
// chunks it read that no reader has taken yet. Made on first use and never destroyed, because the
// thread may sit in _read() until the process ends; it lives on the thread that first used it.
struct StdinPump : QObject {
    std::mutex mutex;
    std::condition_variable wake;
    bool readRequested = false;  // guarded by mutex
    bool threadStarted = false;
    bool outstanding = false;  // a read was requested and its result has not arrived yet
    bool eof = false;          // the thread has seen the end (or an error) and stopped
    qsizetype chunkSize = 64 * 1024;
    std::deque<QByteArray> arrived;
    std::function<void()> notify;  // the current reader's, if any
    const void* owner = nullptr;   // that reader

    static StdinPump& instance() {
        static StdinPump* pump = [] {
            _setmode(_fileno(stdin), _O_BINARY);
            return new StdinPump;
        }();
        return *pump;
    }

    void requestOne() {
        if (outstanding || eof)
            return;
        outstanding = true;
        {
            std::lock_guard lock(mutex);
            readRequested = true;
        }
        wake.notify_one();
        if (!threadStarted) {
            threadStarted = true;
            std::thread([this, size = chunkSize] { run(size); }).detach();
        }
    }

    void run(qsizetype size) {
        for (;;) {
            {
                std::unique_lock lock(mutex);
                wake.wait(lock, [this] { return readRequested; });
                readRequested = false;
            }
            QByteArray buf(size, Qt::Uninitialized);
            const int n = _read(0, buf.data(), unsigned(size));
            const bool end = n <= 0;
            if (!end)
                buf.truncate(n);
            QMetaObject::invokeMethod(
                this,
                [this, buf, end] {
                    outstanding = false;
                    if (end)
                        eof = true;
                    else
                        arrived.push_back(buf);
                    if (notify)
                        notify();
                },
                Qt::QueuedConnection);
            if (end)
                return;
        }
    }
};

}  // namespace

struct StdinReader::Impl {
    StdinPump& pump = StdinPump::instance();
    bool enabled = false;
    bool done = false;
    QTimer retry;  // canAccept() said no: ask again soon, as the POSIX notifier would
};

StdinReader::StdinReader(qsizetype chunkSize) : m_impl(std::make_unique<Impl>()) {
    Impl& d = *m_impl;
    d.pump.chunkSize = chunkSize;
    d.retry.setSingleShot(true);
    d.retry.setInterval(10);
    // Delivers what the pump holds while enabled, then asks for the next chunk.
    auto deliver = [this] {
        Impl& d = *m_impl;
        while (d.enabled && !d.done) {
            if (d.pump.arrived.empty() && !d.pump.eof)
                break;
            if (canAccept && !canAccept()) {
                d.retry.start();
                return;
            }
            if (d.pump.arrived.empty()) {
                d.done = true;
                if (onEnd)
                    onEnd();
                return;
            }
            const QByteArray chunk = d.pump.arrived.front();
            d.pump.arrived.pop_front();
            if (onChunk)
                onChunk(chunk);
        }
        if (d.enabled && !d.done)
            d.pump.requestOne();
    };
    QObject::connect(&d.retry, &QTimer::timeout, &d.retry, deliver);
    d.pump.notify = deliver;
    d.pump.owner = this;
}

StdinReader::~StdinReader() {
    if (m_impl->pump.owner == this) {
        m_impl->pump.notify = nullptr;
        m_impl->pump.owner = nullptr;
    }
}

void StdinReader::setEnabled(bool enabled) {
    m_impl->enabled = enabled;
    if (enabled && m_impl->pump.notify)
        m_impl->pump.notify();
}

bool writeStdout(const char* p, qint64 n) {
    static const bool binary = [] {
        std::fflush(stdout);
        return _setmode(_fileno(stdout), _O_BINARY) != -1;
    }();
    Q_UNUSED(binary);
    while (n > 0) {
        const int w = _write(1, p, unsigned(std::min<qint64>(n, 1 << 30)));
        if (w <= 0)
            return false;
        p += w;
        n -= w;
    }
    return true;
}

#endif

}  // namespace pluresdb::cli
