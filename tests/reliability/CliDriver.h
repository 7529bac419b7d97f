#pragma once

// Drives one `pluresdb-cli --db DIR sync` child for the reliability tests: unlike the synchronous
// SyncCliNode (tests/unit/sync), commands can be pipelined (send() returns at once, results come
// back in order and are matched to their command), and the process can be killed with SIGKILL at
// any moment. What matters for the crash test is exactly which commands got their {"result":...}
// line before the kill: those writes are acknowledged to the user and must survive.
//
// How a node reaches its peers is one list of CLI options (the WebSocket mesh and TCP today;
// the swarm's --bootstrap once it exists), so the tests change in one place when transports do.

#include "tests/support/TestSupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <functional>
#include <memory>

namespace pluresdb::test {

class CliDriver {
public:
    struct Sent {
        QJsonObject command;
        bool answered = false;
        QJsonObject reply;  // {"result":...} or {"result":null,"error":...}
    };

    CliDriver() = default;
    CliDriver(const CliDriver&) = delete;
    ~CliDriver() {
        if (running()) {
            m_proc->kill();
            m_proc->waitForFinished(5000);
        }
    }

    bool start(const QString& db, const QString& key, const QStringList& extra) {
        return startProgram(cliPath(), QStringList{"--db", db, "sync", "--key", key} + extra);
    }
    // Any program that ends up exec'ing the CLI (e.g. through unshare), so pid() is the CLI's.
    bool startProgram(const QString& program, const QStringList& args) {
        m_proc = std::make_unique<QProcess>();
        m_proc->setProcessChannelMode(QProcess::SeparateChannels);
        m_proc->start(program, args);
        m_sent.clear();
        m_answered = 0;
        m_events.clear();
        m_buf.clear();
        return m_proc->waitForStarted(30000);
    }
    bool running() const { return m_proc && m_proc->state() == QProcess::Running; }
    qint64 pid() const { return m_proc ? m_proc->processId() : 0; }

    // Queues a command; returns its index in sent().
    int send(const QJsonObject& c) {
        m_sent.push_back(Sent{c, false, {}});
        m_proc->write(QJsonDocument(c).toJson(QJsonDocument::Compact) + "\n");
        return static_cast<int>(m_sent.size()) - 1;
    }
    int sendPut(const QString& id, const QJsonObject& data) {
        return send({{"op", "put"}, {"id", id}, {"data", data}});
    }
    // Sends and waits for the result.
    QJsonValue call(const QJsonObject& c, int timeoutMs = 60000) {
        const int i = send(c);
        if (!waitFor([&] { return m_sent[i].answered; }, timeoutMs))
            return QJsonValue(QJsonValue::Undefined);
        return m_sent[i].reply.value("result");
    }
    QString digest() { return call({{"op", "digest"}}).toString(); }

    // Reads what the child printed so far.
    void pump() {
        if (!m_proc)
            return;
        m_buf += m_proc->readAllStandardOutput();
        m_err += m_proc->readAllStandardError();
        if (m_err.size() > 1 << 20)
            m_err = m_err.right(1 << 20);
        qsizetype nl;
        while ((nl = m_buf.indexOf('\n')) >= 0) {
            const QByteArray line = m_buf.left(nl);
            m_buf.remove(0, nl + 1);
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.contains("event")) {
                m_events << o;
            } else if (o.contains("result") && m_answered < static_cast<int>(m_sent.size())) {
                m_sent[m_answered].answered = true;
                m_sent[m_answered].reply = o;
                ++m_answered;
            }
        }
    }
    // Pumps (and runs the test's event loop) until `pred` holds or the deadline passes.
    bool waitFor(const std::function<bool()>& pred, int timeoutMs = 60000) {
        QDeadlineTimer dl(timeoutMs);
        for (;;) {
            pump();
            if (pred())
                return true;
            if (dl.hasExpired() || !running())
                return pred();
            QCoreApplication::processEvents();
            m_proc->waitForReadyRead(10);
        }
    }
    bool waitEvent(const std::function<bool(const QJsonObject&)>& pred, int timeoutMs = 60000) {
        return waitFor(
            [&] {
                for (const auto& e : m_events)
                    if (pred(e))
                        return true;
                return false;
            },
            timeoutMs);
    }
    QString listening(const QString& kind) {
        waitEvent([&](const QJsonObject& e) { return e.value("event") == "listening" && e.contains(kind); },
                  30000);
        for (const auto& e : m_events)
            if (e.value("event") == "listening" && e.contains(kind))
                return e.value(kind).toString();
        return {};
    }

    // SIGKILL: no chance to flush or close anything. Whatever was read before is kept.
    void kill9() {
        if (!m_proc)
            return;
        pump();
        if (running()) {
            ::kill(static_cast<pid_t>(m_proc->processId()), SIGKILL);
            m_proc->waitForFinished(30000);
        }
        pump();  // lines written before the kill are still in the pipe
    }
    // "quit", then wait for the exit.
    bool quit(int timeoutMs = 30000) {
        if (!running())
            return true;
        send({{"op", "quit"}});
        return m_proc->waitForFinished(timeoutMs);
    }

    const std::vector<Sent>& sent() const { return m_sent; }
    int answered() const { return m_answered; }
    const QList<QJsonObject>& events() const { return m_events; }
    int countEvents(const QString& name) const {
        int n = 0;
        for (const auto& e : m_events)
            n += e.value("event").toString() == name;
        return n;
    }
    QByteArray stderrText() const { return m_err; }

private:
    std::unique_ptr<QProcess> m_proc;
    std::vector<Sent> m_sent;
    int m_answered = 0;
    QList<QJsonObject> m_events;
    QByteArray m_buf;
    QByteArray m_err;
};

// Every record of a database, read by a separate one-shot `pluresdb-cli --db DIR list` (a fresh
// process opening the file, as after a crash). id -> data; empty and *ok=false on failure.
inline QHash<QString, QJsonObject> listDatabase(const QString& db, bool* ok, QByteArray* err = nullptr) {
    const ProcessResult r = runProcess(cliPath(), {"--db", db, "list"}, {}, 120000);
    QHash<QString, QJsonObject> out;
    *ok = r.exitCode == 0 && !r.crashed && !r.timedOut;
    if (err)
        *err = r.err;
    for (const QByteArray& line : r.out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        out.insert(o.value("id").toString(), o.value("data").toObject());
    }
    return out;
}

inline bool longMode() {
    return qEnvironmentVariableIntValue("PLURESDB_TEST_LONG") == 1;
}

}  // namespace pluresdb::test
