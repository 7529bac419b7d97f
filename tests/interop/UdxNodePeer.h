#pragma once

// Starts tests/interop/udx_peer.js (a udx-native stream), or another peer script with the same
// protocol, as a child process and reads its "READY <port>" line and final JSON report. 127.0.0.1 only.

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

namespace pluresdb::test::udx {

class NodeUdxPeer {
public:
    explicit NodeUdxPeer(const QJsonObject& config, const QString& script = QStringLiteral("udx_peer.js")) {
        const QString dir = qEnvironmentVariable("PLURESDB_INTEROP_DIR");
        m_process.setProgram(QStringLiteral("node"));
        m_process.setArguments({dir + QLatin1Char('/') + script,
                                QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact))});
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
    }
    ~NodeUdxPeer() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    // The bound port, or 0 if the peer did not come up.
    quint16 waitReady(int timeoutMs = 10000) {
        const QByteArray line = readLine(timeoutMs);
        if (!line.startsWith("READY "))
            return 0;
        return quint16(line.mid(6).trimmed().toUInt());
    }
    // The final report, or an empty object on timeout.
    QJsonObject waitResult(int timeoutMs) {
        const QByteArray line = readLine(timeoutMs);
        return QJsonDocument::fromJson(line).object();
    }
    QByteArray stderrText() { return m_process.readAllStandardError(); }

private:
    QByteArray readLine(int timeoutMs) {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_process.canReadLine() && !deadline.hasExpired() &&
               (m_process.state() != QProcess::NotRunning || m_process.bytesAvailable()))
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        return m_process.canReadLine() ? m_process.readLine() : QByteArray();
    }

    QProcess m_process;
};

}  // namespace pluresdb::test::udx
