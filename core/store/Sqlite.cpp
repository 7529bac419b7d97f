#include "core/store/Sqlite.h"

namespace pluresdb::store {

Statement& Statement::operator=(Statement&& o) noexcept {
    if (this != &o) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_db = o.m_db;
        m_stmt = o.m_stmt;
        m_bound = o.m_bound;
        o.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement() {
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    // Clearing the bindings drops borrowed buffers; skipped when nothing was bound since the last
    // reset (the hot paths reset before binding and again after stepping).
    if (m_bound) {
        sqlite3_clear_bindings(m_stmt);
        m_bound = false;
    }
}

void Statement::bind(int i, int64_t v) {
    m_bound = true;
    sqlite3_bind_int64(m_stmt, i, v);
}

void Statement::bind(int i, const QByteArray& blob) {
    m_bound = true;
    // SQLite binds a zero-length blob with a null pointer as NULL; use a static empty buffer.
    static const char empty = 0;
    sqlite3_bind_blob(m_stmt, i, blob.isEmpty() ? &empty : blob.constData(), static_cast<int>(blob.size()),
                      SQLITE_TRANSIENT);
}

void Statement::bindText(int i, const QByteArray& utf8) {
    m_bound = true;
    static const char empty = 0;
    sqlite3_bind_text(m_stmt, i, utf8.isEmpty() ? &empty : utf8.constData(), static_cast<int>(utf8.size()),
                      SQLITE_TRANSIENT);
}

void Statement::bindBorrowed(int i, const QByteArray& blob) {
    m_bound = true;
    static const char empty = 0;
    sqlite3_bind_blob(m_stmt, i, blob.isEmpty() ? &empty : blob.constData(), static_cast<int>(blob.size()),
                      SQLITE_STATIC);
}

void Statement::bindTextBorrowed(int i, const QByteArray& utf8) {
    m_bound = true;
    static const char empty = 0;
    sqlite3_bind_text(m_stmt, i, utf8.isEmpty() ? &empty : utf8.constData(), static_cast<int>(utf8.size()),
                      SQLITE_STATIC);
}

void Statement::bindNull(int i) {
    m_bound = true;
    sqlite3_bind_null(m_stmt, i);
}

Result<bool> Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return makeError(QString::fromUtf8(sqlite3_errmsg(m_db)));
}

Result<void> Statement::exec() {
    for (;;) {
        auto r = step();
        if (!r)
            return r.error();
        if (!*r)
            return {};
    }
}

QByteArray Statement::columnBlob(int i) const {
    const void* p = sqlite3_column_blob(m_stmt, i);
    const int n = sqlite3_column_bytes(m_stmt, i);
    return p ? QByteArray(static_cast<const char*>(p), n) : QByteArray();
}

QByteArray Statement::columnTextUtf8(int i) const {
    const unsigned char* p = sqlite3_column_text(m_stmt, i);
    const int n = sqlite3_column_bytes(m_stmt, i);
    return p ? QByteArray(reinterpret_cast<const char*>(p), n) : QByteArray();
}

namespace {

// Process-wide SQLite settings, made once before SQLite initialises (sqlite3_config refuses them
// after). No memory statistics: with them on, every allocation SQLite makes takes a global mutex
// and updates counters that nothing here reads (measured: ~1.5k of the ~34k instructions SQLite
// spends per merged op; tests/bench/store). If SQLite was initialised already, this is a no-op.
void configureSqliteOnce() {
    static const bool done = [] {
        (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)done;
}

}  // namespace

Result<std::unique_ptr<Connection>> Connection::open(const QString& path, Mode mode) {
    configureSqliteOnce();
    sqlite3* db = nullptr;
    const int flags =
        (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        QString msg = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
        sqlite3_close(db);
        return makeError(msg);
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    return std::unique_ptr<Connection>(new Connection(db));
}

Connection::~Connection() {
    sqlite3_close_v2(m_db);
}

Result<void> Connection::exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        QString msg = err ? QString::fromUtf8(err) : lastError();
        sqlite3_free(err);
        return makeError(msg);
    }
    return {};
}

Result<Statement> Connection::prepare(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
        return makeError(lastError());
    }
    return Statement(m_db, stmt);
}

QString Connection::lastError() const {
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

Result<Transaction> Transaction::begin(Connection& c) {
    if (auto r = c.exec("BEGIN IMMEDIATE"); !r)
        return r.error();
    return Transaction(&c);
}

Transaction::~Transaction() {
    if (m_c)
        (void)m_c->exec("ROLLBACK");
}

Result<void> Transaction::commit() {
    auto r = m_c->exec("COMMIT");
    if (r)
        m_c = nullptr;
    return r;
}

}  // namespace pluresdb::store
