#pragma once

// An SQLite VFS shim for fault tests: it wraps the default VFS and, for files whose path starts
// with a chosen prefix, fails writes on demand the way a full disk (SQLITE_FULL) or a failing
// device (SQLITE_IOERR_WRITE / _FSYNC / _TRUNCATE) does. Registered as the default VFS, so the
// code under test opens its databases exactly as it always does. One process-wide instance; tests
// run on one thread.
//
//   FaultyVfs::install();
//   FaultyVfs::setPrefix(dir);            // only files under dir are affected
//   FaultyVfs::failAfter(n, SQLITE_FULL); // the first n writes succeed, every later one fails
//   FaultyVfs::heal();                    // space is back: writes succeed again

#include <sqlite3.h>

#include <QByteArray>
#include <QString>

#include <cstring>

namespace pluresdb::test {

class FaultyVfs {
public:
    static void install() {
        State& s = state();
        if (s.installed)
            return;
        s.real = sqlite3_vfs_find(nullptr);
        s.vfs = *s.real;
        s.vfs.zName = "pluresdb-faulty";
        s.vfs.szOsFile = static_cast<int>(sizeof(File)) + s.real->szOsFile;
        s.vfs.pAppData = nullptr;
        s.vfs.xOpen = &xOpen;
        sqlite3_vfs_register(&s.vfs, 1);
        s.installed = true;
    }
    static void setPrefix(const QString& prefix) { state().prefix = prefix.toUtf8(); }
    // After `okWrites` more successful writes/syncs/truncates, each one fails with `code`.
    static void failAfter(long okWrites, int code) {
        state().budget = okWrites;
        state().code = code;
    }
    static void heal() { state().budget = -1; }
    static bool failing() { return state().budget == 0; }
    static long faultsInjected() { return state().injected; }

private:
    struct File {
        sqlite3_file base;
        sqlite3_file* real;  // follows this struct in the same allocation
        bool watched;
    };
    struct State {
        bool installed = false;
        sqlite3_vfs* real = nullptr;
        sqlite3_vfs vfs{};
        sqlite3_io_methods methods{};
        QByteArray prefix;
        long budget = -1;  // -1: never fail
        int code = SQLITE_FULL;
        long injected = 0;
    };
    static State& state() {
        static State s;
        return s;
    }
    static File* f(sqlite3_file* p) { return reinterpret_cast<File*>(p); }
    // True when this operation must fail.
    static bool fault(File* file) {
        State& s = state();
        if (!file->watched || s.budget < 0)
            return false;
        if (s.budget > 0) {
            --s.budget;
            return false;
        }
        ++s.injected;
        return true;
    }
    static int ioCode(int kind) {
        const int c = state().code;
        return c == SQLITE_FULL ? SQLITE_FULL : kind;
    }

    static int xOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
        State& s = state();
        File* me = f(file);
        me->real = reinterpret_cast<sqlite3_file*>(me + 1);
        me->watched =
            name && !s.prefix.isEmpty() && std::strncmp(name, s.prefix.constData(), s.prefix.size()) == 0;
        const int rc = s.real->xOpen(s.real, name, me->real, flags, outFlags);
        if (rc != SQLITE_OK || !me->real->pMethods) {
            me->base.pMethods = nullptr;
            return rc;
        }
        s.methods = *me->real->pMethods;  // every real file has the same methods
        s.methods.xClose = [](sqlite3_file* p) {
            const int rc = f(p)->real->pMethods->xClose(f(p)->real);
            return rc;
        };
        s.methods.xRead = [](sqlite3_file* p, void* buf, int n, sqlite3_int64 off) {
            return f(p)->real->pMethods->xRead(f(p)->real, buf, n, off);
        };
        s.methods.xWrite = [](sqlite3_file* p, const void* buf, int n, sqlite3_int64 off) {
            if (fault(f(p)))
                return ioCode(SQLITE_IOERR_WRITE);
            return f(p)->real->pMethods->xWrite(f(p)->real, buf, n, off);
        };
        s.methods.xTruncate = [](sqlite3_file* p, sqlite3_int64 size) {
            if (fault(f(p)))
                return ioCode(SQLITE_IOERR_TRUNCATE);
            return f(p)->real->pMethods->xTruncate(f(p)->real, size);
        };
        s.methods.xSync = [](sqlite3_file* p, int flags) {
            if (fault(f(p)))
                return ioCode(SQLITE_IOERR_FSYNC);
            return f(p)->real->pMethods->xSync(f(p)->real, flags);
        };
        s.methods.xFileSize = [](sqlite3_file* p, sqlite3_int64* size) {
            return f(p)->real->pMethods->xFileSize(f(p)->real, size);
        };
        s.methods.xLock = [](sqlite3_file* p, int l) { return f(p)->real->pMethods->xLock(f(p)->real, l); };
        s.methods.xUnlock = [](sqlite3_file* p, int l) {
            return f(p)->real->pMethods->xUnlock(f(p)->real, l);
        };
        s.methods.xCheckReservedLock = [](sqlite3_file* p, int* out) {
            return f(p)->real->pMethods->xCheckReservedLock(f(p)->real, out);
        };
        s.methods.xFileControl = [](sqlite3_file* p, int op, void* arg) {
            return f(p)->real->pMethods->xFileControl(f(p)->real, op, arg);
        };
        s.methods.xSectorSize = [](sqlite3_file* p) { return f(p)->real->pMethods->xSectorSize(f(p)->real); };
        s.methods.xDeviceCharacteristics = [](sqlite3_file* p) {
            return f(p)->real->pMethods->xDeviceCharacteristics(f(p)->real);
        };
        if (s.methods.iVersion >= 2) {
            s.methods.xShmMap = [](sqlite3_file* p, int pg, int sz, int extend, void volatile** out) {
                return f(p)->real->pMethods->xShmMap(f(p)->real, pg, sz, extend, out);
            };
            s.methods.xShmLock = [](sqlite3_file* p, int off, int n, int fl) {
                return f(p)->real->pMethods->xShmLock(f(p)->real, off, n, fl);
            };
            s.methods.xShmBarrier = [](sqlite3_file* p) { f(p)->real->pMethods->xShmBarrier(f(p)->real); };
            s.methods.xShmUnmap = [](sqlite3_file* p, int del) {
                return f(p)->real->pMethods->xShmUnmap(f(p)->real, del);
            };
        }
        if (s.methods.iVersion >= 3) {
            s.methods.xFetch = [](sqlite3_file* p, sqlite3_int64 off, int n, void** out) {
                return f(p)->real->pMethods->xFetch(f(p)->real, off, n, out);
            };
            s.methods.xUnfetch = [](sqlite3_file* p, sqlite3_int64 off, void* ptr) {
                return f(p)->real->pMethods->xUnfetch(f(p)->real, off, ptr);
            };
        }
        me->base.pMethods = &s.methods;
        return SQLITE_OK;
    }
};

}  // namespace pluresdb::test
