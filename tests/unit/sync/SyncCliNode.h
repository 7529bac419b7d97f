#pragma once

// Drives one `pluresdb-cli sync` (or a Node peer speaking the same JSON-lines control protocol)
// as a child process: commands on stdin, {"result":...} and {"event":...} lines from stdout.
// Waits are for conditions with generous deadlines (a loaded 2-core machine), never fixed sleeps.

#include "tests/support/TestSupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <functional>

namespace pluresdb::test {

class SyncCliNode {
public:
    SyncCliNode() = default;
    SyncCliNode(const SyncCliNode&) = delete;
    ~SyncCliNode() { stop(); }

    bool start(const QString& program, const QStringList& args,
               const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
        m_proc = std::make_unique<QProcess>();
        m_proc->setProcessEnvironment(env);
        m_proc->setProcessChannelMode(QProcess::SeparateChannels);
        m_proc->start(program, args);
        m_args = args;
        return m_proc->waitForStarted(30000);
    }
    bool startCli(const QString& db, const QString& key, const QStringList& extra) {
        return start(cliPath(), QStringList{"--db", db, "sync", "--key", key} + extra);
    }
    void stop() {
        if (!m_proc)
            return;
        if (m_proc->state() != QProcess::NotRunning) {
            m_proc->write("{\"op\":\"quit\"}\n");
            if (!m_proc->waitForFinished(15000)) {
                m_proc->kill();
                m_proc->waitForFinished(5000);
            }
        }
        pump();
        m_proc.reset();
    }
    bool running() const { return m_proc && m_proc->state() == QProcess::Running; }

    // Sends one command and returns its result (Undefined after the deadline).
    QJsonValue command(const QJsonObject& c, int timeoutMs = 60000) {
        const int before = m_results.size();
        m_proc->write(QJsonDocument(c).toJson(QJsonDocument::Compact) + "\n");
        QDeadlineTimer dl(timeoutMs);
        while (m_results.size() <= before && !dl.hasExpired() && running()) {
            QCoreApplication::processEvents();  // the test's own sockets keep running
            m_proc->waitForReadyRead(20);
            pump();
        }
        pump();
        if (m_results.size() <= before)
            return QJsonValue(QJsonValue::Undefined);
        m_lastResultLine = m_results.at(before);
        return m_results.at(before).value("result");
    }
    QJsonValue put(const QString& id, const QJsonObject& data) {
        return command({{"op", "put"}, {"id", id}, {"data", data}});
    }
    QString digest() { return command({{"op", "digest"}}).toString(); }
    int count() {  // records (CLI: list; Node peer: count)
        const QJsonValue v = command({{"op", "list"}});
        return v.isArray() ? static_cast<int>(v.toArray().size()) : -1;
    }

    // Waits until an event matching `pred` has been seen (also ones seen before).
    bool waitEvent(const std::function<bool(const QJsonObject&)>& pred, int timeoutMs = 60000) {
        QDeadlineTimer dl(timeoutMs);
        for (;;) {
            pump();
            for (const auto& e : m_events)
                if (pred(e))
                    return true;
            if (dl.hasExpired() || !running())
                return false;
            QCoreApplication::processEvents();  // the test's own sockets keep running
            m_proc->waitForReadyRead(20);
        }
    }
    bool waitEventNamed(const QString& name, int timeoutMs = 60000) {
        return waitEvent([&](const QJsonObject& e) { return e.value("event").toString() == name; },
                         timeoutMs);
    }
    // Polls `f` (which may send commands) until it is true.
    static bool waitUntil(const std::function<bool()>& f, int timeoutMs = 60000) {
        QDeadlineTimer dl(timeoutMs);
        while (!dl.hasExpired()) {
            if (f())
                return true;
            QTest::qWait(100);
        }
        return f();
    }

    QString listening(const QString& kind) {  // "ws" or "tcp"
        waitEvent([&](const QJsonObject& e) { return e.value("event") == "listening" && e.contains(kind); },
                  30000);
        for (const auto& e : m_events)
            if (e.value("event") == "listening" && e.contains(kind))
                return e.value(kind).toString();
        return {};
    }
    int listeningPort() {  // the Node peer's {"event":"listening","port":N}
        waitEvent([](const QJsonObject& e) { return e.value("event") == "listening"; }, 30000);
        for (const auto& e : m_events)
            if (e.value("event") == "listening")
                return e.value("port").toInt();
        return 0;
    }
    const QList<QJsonObject>& events() {
        pump();
        return m_events;
    }
    QStringList eventNames() {
        QStringList n;
        for (const auto& e : events())
            n << e.value("event").toString();
        return n;
    }
    QByteArray stderrText() { return m_proc ? m_err + m_proc->readAllStandardError() : m_err; }

private:
    void pump() {
        if (!m_proc)
            return;
        m_buf += m_proc->readAllStandardOutput();
        m_err += m_proc->readAllStandardError();
        qsizetype nl;
        while ((nl = m_buf.indexOf('\n')) >= 0) {
            const QByteArray line = m_buf.left(nl);
            m_buf.remove(0, nl + 1);
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.contains("event"))
                m_events << o;
            else if (o.contains("result"))
                m_results << o;
        }
    }

    std::unique_ptr<QProcess> m_proc;
    QStringList m_args;
    QByteArray m_buf;
    QByteArray m_err;
    QList<QJsonObject> m_events;
    QList<QJsonObject> m_results;
    QJsonObject m_lastResultLine;
};

}  // namespace pluresdb::test
