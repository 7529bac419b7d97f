#pragma once

// Runs tests/interop/dht_rpc_peer.js (Node dht-rpc/hyperdht nodes, or a hyperdht/testnet) as a
// child process and talks to it with its line protocol: one JSON line per answer. Also a helper to
// spin the event loop until a condition holds. 127.0.0.1 only.

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <functional>

namespace pluresdb::test::dhtrpc {

// Processes events until `done()` or the timeout; returns done().
inline bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return done();
}

class NodeDhtPeer {
public:
    explicit NodeDhtPeer(const QJsonObject& config,
                         const QString& script = QStringLiteral("dht_rpc_peer.js")) {
        const QString dir = qEnvironmentVariable("PLURESDB_INTEROP_DIR");
        m_process.setProgram(QStringLiteral("node"));
        m_process.setArguments({dir + QLatin1Char('/') + script,
                                QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact))});
        m_process.start();
    }
    ~NodeDhtPeer() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.write("quit\n");
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished(2000);
            }
        }
    }

    // The "ready" line (bootstrap list, ports), or an empty object.
    QJsonObject waitReady(int timeoutMs = 60000) { return readObject(timeoutMs); }
    QJsonObject command(const QByteArray& line, int timeoutMs = 60000) {
        m_process.write(line + '\n');
        return readObject(timeoutMs);
    }
    QByteArray stderrText() { return m_process.readAllStandardError(); }

private:
    QJsonObject readObject(int timeoutMs) {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_process.canReadLine() && !deadline.hasExpired() &&
               (m_process.state() != QProcess::NotRunning || m_process.bytesAvailable()))
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        if (!m_process.canReadLine())
            return {};
        return QJsonDocument::fromJson(m_process.readLine()).object();
    }

    QProcess m_process;
};

}  // namespace pluresdb::test::dhtrpc
