#pragma once

// Helpers shared by the tests: a settable wall clock, where the built binaries are, and a way to
// run a child process with a deadline.

#include "core/store/Hlc.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>

namespace pluresdb::test {

// A wall clock the test sets by hand (STYLE.md §8: a fake clock for time-dependent logic).
class FakeWallClock final : public store::WallClock {
public:
    explicit FakeWallClock(int64_t ms = 1'700'000'000'000) : m_ms(ms) {}
    int64_t nowMs() const override { return m_ms.load(); }
    void set(int64_t ms) { m_ms = ms; }
    void advance(int64_t ms) { m_ms += ms; }

private:
    std::atomic<int64_t> m_ms;
};

QString sourceDir();  // the repository root
QString binaryDir();  // the CMake build directory
QString cliPath();    // build/app/pluresdb-cli
// A folder for throw-away databases: RAM-backed (/dev/shm) where there is one, so tests that
// create thousands of databases are not bound by the disk's fsync; the code under test is the same.
QString fastTempRoot();

struct ProcessResult {
    int exitCode = -1;
    bool crashed = false;
    bool timedOut = false;
    QByteArray out;
    QByteArray err;
};

// Runs `program args` with `input` on stdin; kills it after `timeoutMs`.
ProcessResult runProcess(const QString& program, const QStringList& args, const QByteArray& input = {},
                         int timeoutMs = 60'000);

}  // namespace pluresdb::test
