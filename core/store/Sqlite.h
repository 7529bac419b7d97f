#pragma once

// A thin RAII layer over the SQLite C API: a connection, prepared statements, and errors as values.

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

#include <memory>

namespace pluresdb::store {

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    Statement(Statement&& o) noexcept : m_db(o.m_db), m_stmt(o.m_stmt), m_bound(o.m_bound) {
        o.m_stmt = nullptr;
    }
    Statement& operator=(Statement&& o) noexcept;
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool valid() const { return m_stmt != nullptr; }
    void reset();  // ready to bind and step again; every parameter unbound (NULL)

    // Bind parameters are 1-based, as in SQLite.
    void bind(int i, int64_t v);
    void bind(int i, const QByteArray& blob);  // empty QByteArray binds x'' (not NULL)
    void bindText(int i, const QByteArray& utf8);
    void bindText(int i, const QString& s) { bindText(i, s.toUtf8()); }
    void bindNull(int i);
    // Without a copy: `bytes` must stay alive and unchanged until the statement is reset or bound
    // again (the store's hot paths bind named locals and step at once).
    void bindBorrowed(int i, const QByteArray& blob);
    void bindTextBorrowed(int i, const QByteArray& utf8);

    // SQLITE_ROW → true, SQLITE_DONE → false; anything else → error.
    Result<bool> step();
    Result<void> exec();  // step until done

    int64_t columnInt(int i) const { return sqlite3_column_int64(m_stmt, i); }
    QByteArray columnBlob(int i) const;
    QByteArray columnTextUtf8(int i) const;
    QString columnText(int i) const { return QString::fromUtf8(columnTextUtf8(i)); }
    bool columnIsNull(int i) const { return sqlite3_column_type(m_stmt, i) == SQLITE_NULL; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    bool m_bound = false;  // parameters bound since the last reset (cleared there)
};

class Connection {
public:
    enum class Mode { ReadWrite, ReadOnly };
    static Result<std::unique_ptr<Connection>> open(const QString& path, Mode mode);
    ~Connection();

    Result<void> exec(const char* sql);
    Result<Statement> prepare(const char* sql);
    QString lastError() const;
    int changes() const { return sqlite3_changes(m_db); }
    sqlite3* handle() const { return m_db; }

private:
    explicit Connection(sqlite3* db) : m_db(db) {}
    sqlite3* m_db;
};

// A transaction that rolls back unless committed.
class Transaction {
public:
    static Result<Transaction> begin(Connection& c);
    Transaction(Transaction&& o) noexcept : m_c(o.m_c) { o.m_c = nullptr; }
    ~Transaction();
    Result<void> commit();

private:
    explicit Transaction(Connection* c) : m_c(c) {}
    Connection* m_c;
};

}  // namespace pluresdb::store
