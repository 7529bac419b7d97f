// pluresdb-cli: the headless front end for servers, scripts and tests. Argument parsing and
// dispatch only; every command is in its own file and registers itself (CliCommand.h).

#include "app/cli/CliCommand.h"
#include "core/Version.h"
#include "core/api/Database.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QStringDecoder>

#include <cstdio>

namespace pluresdb::cli {

std::vector<CliCommand>& cliCommands() {
    static std::vector<CliCommand> commands;
    return commands;
}

bool decodeUtf8Strict(const QByteArray& bytes, QString* out) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *out = decoder.decode(bytes);
    return !decoder.hasError();
}

namespace {

void printHelp(QTextStream& out) {
    out << "Usage: pluresdb-cli [--db DIR] COMMAND [ARGS...]\n\n"
           "PluresDB: a local-first CRDT database that syncs peer to peer over Hyperswarm.\n\n"
           "Options:\n"
           "  --db DIR     the database directory (default: "
        << pluresdb::Database::defaultDirectory()
        << ")\n"
           "  --help       show this help\n"
           "  --version    show the version\n\n"
           "Commands:\n";
    for (const auto& c : cliCommands()) {
        out << "  " << QString::fromUtf8(c.usage).replace(QLatin1Char('\n'), QLatin1String("\n  ")) << "\n"
            << "      " << c.summary << "\n";
    }
    out << "\nExit status: 0 on success, 1 when the operation failed (message on stderr), 2 on a usage "
           "error.\n";
}

}  // namespace
}  // namespace pluresdb::cli

int main(int argc, char** argv) {
    using namespace pluresdb::cli;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pluresdb"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(pluresdb::kVersion));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QByteArrayList args;
    for (int i = 1; i < argc; ++i)
        args << QByteArray(argv[i]);

    QString dbDir = pluresdb::Database::defaultDirectory();
    bool dbGiven = false;
    int i = 0;
    for (; i < args.size(); ++i) {
        const QByteArray& a = args[i];
        if (a == "--help" || a == "-h") {
            printHelp(out);
            return 0;
        }
        if (a == "--version") {
            out << "pluresdb-cli " << pluresdb::kVersion << "\n";
            return 0;
        }
        if (a == "--db" || a.startsWith("--db=")) {
            QByteArray value;
            if (a == "--db") {
                if (i + 1 >= args.size()) {
                    err << "pluresdb-cli: --db needs a directory\n";
                    return 2;
                }
                value = args[++i];
            } else {
                value = a.mid(5);
            }
            if (value.isEmpty() || !decodeUtf8Strict(value, &dbDir)) {
                err << "pluresdb-cli: --db needs a directory (a non-empty UTF-8 path)\n";
                return 2;
            }
            dbGiven = true;
            continue;
        }
        break;
    }
    if (i >= args.size()) {
        printHelp(err);
        return 2;
    }
    const QByteArray name = args[i];
    bool known = false;
    for (const auto& c : cliCommands()) {
        if (name == c.name) {
            known = true;
            CliContext ctx{dbDir, dbGiven, args.mid(i + 1), out, err};
            const int rc = c.run(ctx);
            if (rc == kNotThisCommand)
                continue;
            out.flush();
            err.flush();
            return rc;
        }
    }
    if (known) {
        err << "pluresdb-cli: '" << QString::fromUtf8(name)
            << "' needs other arguments (see pluresdb-cli --help)\n";
    } else {
        err << "pluresdb-cli: unknown command '" << QString::fromUtf8(name)
            << "' (see pluresdb-cli --help)\n";
    }
    return 2;
}
