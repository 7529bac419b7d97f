#pragma once

// pluresdb-cli's commands register themselves here: each command lives in its own file
// (app/cli/<Name>Command.cpp) with a static CliCommandRegistration, so adding one touches no
// other file. main.cpp parses the global options (--db, --help, --version) and dispatches.

#include <QByteArrayList>
#include <QString>
#include <QTextStream>

#include <functional>
#include <vector>

namespace pluresdb::cli {

struct CliContext {
    QString dbDir;         // --db, or the platform data directory
    bool dbGiven = false;  // --db was on the command line
    QByteArrayList args;   // raw arguments after the command name (bytes as given)
    QTextStream& out;      // stdout
    QTextStream& err;      // stderr
};

// A command's run() returns this when the arguments select another command of the same name
// (e.g. `net ... --tcp` and `net ... --udx` live in different files); main.cpp then tries the next.
inline constexpr int kNotThisCommand = -100;

struct CliCommand {
    const char* name;     // "put", "net", ...
    const char* usage;    // one or more lines for --help, e.g. "put ID JSON"
    const char* summary;  // one line
    std::function<int(CliContext&)> run;
};

std::vector<CliCommand>& cliCommands();

struct CliCommandRegistration {
    explicit CliCommandRegistration(CliCommand c) { cliCommands().push_back(std::move(c)); }
};

// Strict decoding of a command-line argument: invalid UTF-8 is an error, not a replacement char.
bool decodeUtf8Strict(const QByteArray& bytes, QString* out);

}  // namespace pluresdb::cli
