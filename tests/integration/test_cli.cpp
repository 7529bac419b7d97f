// pluresdb-cli's record commands, exactly as scripts use them (the interface is a contract), and
// its answers to bad input: one clear line on stderr, a non-zero exit, and nothing changed.

#include "core/store/Store.h"
#include "tests/support/TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using pluresdb::test::cliPath;
using pluresdb::test::ProcessResult;
using pluresdb::test::runProcess;

namespace {

ProcessResult cli(const QStringList& args, const QByteArray& input = {}) {
    return runProcess(cliPath(), args, input);
}

QByteArray fileHash(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Runs the CLI as an unprivileged user (root ignores file permissions), or returns false when
// that is not possible here.
bool canDropPrivileges() {
    return ::geteuid() == 0 && QFile::exists("/usr/bin/setpriv");
}
ProcessResult cliAsNobody(const QStringList& args) {
    return runProcess("/usr/bin/setpriv",
                      QStringList{"--reuid=65534", "--regid=65534", "--clear-groups", cliPath()} + args);
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    /// keygen prints a fresh 64-hex key each time.
    void keygen() {
        auto a = cli({"keygen"});
        auto b = cli({"keygen"});
        QCOMPARE(a.exitCode, 0);
        QVERIFY(QRegularExpression("^[0-9a-f]{64}\n$").match(QString::fromLatin1(a.out)).hasMatch());
        QVERIFY(a.out != b.out);
    }

    /// put overlays, null deletes a field, get prints the fields, list prints {"id","data"} lines
    /// in id order with --prefix, delete removes.
    void recordCommands() {
        QTemporaryDir dir;
        const QString db = dir.path();
        QCOMPARE(cli({"--db", db, "put", "user:1", R"({"name":"Ada","age":36,"x":1})"}).exitCode, 0);
        QCOMPARE(cli({"--db", db, "put", "user:1", R"({"age":37,"x":null})"}).exitCode, 0);
        QCOMPARE(cli({"--db", db, "put", "note:1", "{\"t\":\"hi \\\"you\\\"\",\"n\":[1,2]}"}).exitCode, 0);
        auto get = cli({"--db", db, "get", "user:1"});
        QCOMPARE(get.exitCode, 0);
        QCOMPARE(get.out, QByteArray("{\"age\":37,\"name\":\"Ada\"}\n"));
        auto list = cli({"--db", db, "list"});
        QCOMPARE(list.out, QByteArray("{\"id\":\"note:1\",\"data\":{\"n\":[1,2],\"t\":\"hi \\\"you\\\"\"}}\n"
                                      "{\"id\":\"user:1\",\"data\":{\"age\":37,\"name\":\"Ada\"}}\n"));
        QCOMPARE(cli({"--db", db, "list", "--prefix", "user:"}).out,
                 QByteArray("{\"id\":\"user:1\",\"data\":{\"age\":37,\"name\":\"Ada\"}}\n"));
        QCOMPARE(cli({"--db", db, "delete", "user:1"}).exitCode, 0);
        auto gone = cli({"--db", db, "get", "user:1"});
        QCOMPARE(gone.exitCode, 1);
        QCOMPARE(gone.err, QByteArray("not found\n"));
        QVERIFY(gone.out.isEmpty());
        // A value piped on stdin (for values longer than a command line allows).
        QCOMPARE(cli({"--db", db, "put", "big", "-"}, R"({"v":"from stdin"})").exitCode, 0);
        QCOMPARE(cli({"--db", db, "get", "big"}).out, QByteArray("{\"v\":\"from stdin\"}\n"));
        // Unicode ids and values round-trip.
        QCOMPARE(cli({"--db", db, "put", "città:1", R"({"name":"Zoë 漢字"})"}).exitCode, 0);
        QCOMPARE(cli({"--db", db, "get", "città:1"}).out, QString("{\"name\":\"Zoë 漢字\"}\n").toUtf8());
    }

    /// Reading commands never create a database: list of nothing is empty, get is "not found".
    void readsCreateNothing() {
        QTemporaryDir dir;
        const QString db = dir.filePath("none");
        QCOMPARE(cli({"--db", db, "list"}).exitCode, 0);
        QCOMPARE(cli({"--db", db, "get", "x"}).exitCode, 1);
        QVERIFY(!QFile::exists(db));
    }

    /// Malformed JSON, a non-object, a non-UTF-8 id, and a 10 MB value: one clear line, exit 1,
    /// the database unchanged.
    void badInputChangesNothing() {
        QTemporaryDir dir;
        const QString db = dir.path();
        QCOMPARE(cli({"--db", db, "put", "keep", R"({"v":1})"}).exitCode, 0);
        const QByteArray before = cli({"--db", db, "list"}).out;
        struct Case {
            QStringList args;
            QByteArray input;
            const char* expect;
        };
        const Case cases[] = {
            {{"put", "x", "{\"a\":"}, {}, "invalid JSON"},
            {{"put", "x", "[1,2]"}, {}, "must be a JSON object"},
            {{"put", "x", "42"}, {}, "must be a JSON object"},
            {{"put", "x", "-"}, QByteArray("{\"v\":\"") + QByteArray(10 * 1024 * 1024, 'a') + "\"}", "limit"},
            {{"put", "", "{}"}, {}, "empty"},
            {{"put", QString(2000, 'i'), "{}"}, {}, "limit"},
        };
        for (const auto& c : cases) {
            auto r = cli(QStringList{"--db", db} + c.args, c.input);
            QVERIFY2(r.exitCode == 1, qPrintable(c.args.join(' ').left(80)));
            QVERIFY2(r.err.contains(c.expect), r.err.constData());
            QCOMPARE(r.err.count('\n'), 1);  // one line
            QVERIFY(!r.crashed);
        }
        // A non-UTF-8 id straight from argv bytes (QProcess passes QString; go through the shell).
        auto bad = runProcess(
            "/bin/sh",
            {"-c", QString("'%1' --db '%2' put \"$(printf '\\377\\376')\" '{}'").arg(cliPath(), db)});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains("not valid UTF-8"), bad.err.constData());
        QCOMPARE(cli({"--db", db, "list"}).out, before);
    }

    /// A file that is not a database (garbage, another SQLite database, a plain file as --db) is
    /// refused with a clear message and left byte-for-byte as it was.
    void foreignFilesAreRefused() {
        QTemporaryDir dir;
        const QString db = dir.filePath("garbage");
        QDir().mkpath(db);
        const QString file = pluresdb::store::Store::databasePath(db);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, '\x42'));
        f.close();
        const QByteArray hash = fileHash(file);
        for (const QStringList& args : {QStringList{"put", "x", "{}"}, QStringList{"get", "x"},
                                        QStringList{"list"}, QStringList{"delete", "x"}}) {
            auto r = cli(QStringList{"--db", db} + args);
            QVERIFY2(r.exitCode == 1, qPrintable(args.join(' ')));
            QVERIFY2(r.err.contains("not a PluresDB database"), r.err.constData());
        }
        QCOMPARE(fileHash(file), hash);
        QVERIFY(!QFile::exists(file + "-wal"));

        const QString plain = dir.filePath("plain.txt");
        QFile pf(plain);
        QVERIFY(pf.open(QIODevice::WriteOnly));
        pf.write("hello");
        pf.close();
        auto r = cli({"--db", plain, "put", "x", "{}"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not a database directory"), r.err.constData());
        QCOMPARE(fileHash(plain), QCryptographicHash::hash("hello", QCryptographicHash::Sha256));
    }

    /// A read-only directory: writes fail with a clear message; reads still work.
    void readOnlyDirectory() {
        if (!canDropPrivileges() && ::geteuid() == 0)
            QSKIP("root without setpriv: permissions cannot be tested");
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                              QFileDevice::ExeOther);
        const QString db = dir.filePath("ro");
        QCOMPARE(cli({"--db", db, "put", "k", R"({"v":1})"}).exitCode, 0);
        QVERIFY(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                              QFileDevice::ReadOther | QFileDevice::ExeOther));
        for (const QString& f : QDir(db).entryList(QDir::Files)) {
            QFile::setPermissions(QDir(db).filePath(f), QFileDevice::ReadOwner | QFileDevice::ReadOther);
        }
        const QByteArray hash = fileHash(pluresdb::store::Store::databasePath(db));
        auto run = [&](const QStringList& args) {
            return canDropPrivileges() ? cliAsNobody(args) : cli(args);
        };
        auto put = run({"--db", db, "put", "k2", R"({"v":2})"});
        QCOMPARE(put.exitCode, 1);
        QVERIFY2(put.err.contains("read-only") || put.err.contains("cannot write"), put.err.constData());
        QCOMPARE(put.err.count('\n'), 1);
        QCOMPARE(fileHash(pluresdb::store::Store::databasePath(db)), hash);
        QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    /// A database file the user may not read: a clear error, not a crash.
    void unreadableFile() {
        if (!canDropPrivileges() && ::geteuid() == 0)
            QSKIP("root without setpriv: permissions cannot be tested");
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                              QFileDevice::ExeOther);
        const QString db = dir.filePath("u");
        QCOMPARE(cli({"--db", db, "put", "k", R"({"v":1})"}).exitCode, 0);
        QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                      QFileDevice::ReadOther | QFileDevice::ExeOther);
        QFile::setPermissions(pluresdb::store::Store::databasePath(db),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        auto run = [&](const QStringList& args) {
            return canDropPrivileges() ? cliAsNobody(args) : cli(args);
        };
        auto get = run({"--db", db, "get", "k"});
        QCOMPARE(get.exitCode, 1);
        QVERIFY2(get.err.contains("permission denied") || get.err.contains("cannot"), get.err.constData());
        QVERIFY(!get.crashed);
    }

    /// Usage errors: exit 2 with a hint; --help and --version exit 0.
    void usage() {
        QCOMPARE(cli({"--version"}).exitCode, 0);
        QVERIFY(cli({"--version"}).out.startsWith("pluresdb-cli "));
        auto help = cli({"--help"});
        QCOMPARE(help.exitCode, 0);
        for (const char* c :
             {"keygen", "put ID JSON", "get ID", "delete ID", "list [--prefix P]", "--db DIR"}) {
            QVERIFY2(help.out.contains(c), c);
        }
        QCOMPARE(cli({"frobnicate"}).exitCode, 2);
        QCOMPARE(cli({}).exitCode, 2);
        QCOMPARE(cli({"put", "onlyid"}).exitCode, 2);
        QCOMPARE(cli({"--db"}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
