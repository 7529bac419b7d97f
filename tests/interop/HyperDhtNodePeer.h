#pragma once

// Drives tests/interop/hyperdht_peer.js (Node hyperdht nodes) from a test: one JSON command per
// line, one JSON answer per line. While waiting for an answer the Qt event loop keeps running, so
// the C++ DHT nodes of the test process go on serving the Node nodes. 127.0.0.1 only.

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace pluresdb::test::hyperdht {

class NodeDhtPeer {
public:
    // script: a file of tests/interop speaking the same line protocol.
    explicit NodeDhtPeer(const QString& script = QStringLiteral("hyperdht_peer.js")) {
        const QString dir = qEnvironmentVariable("PLURESDB_INTEROP_DIR");
        m_process.setProgram(QStringLiteral("node"));
        m_process.setArguments({dir + QLatin1Char('/') + script});
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
    }
    ~NodeDhtPeer() {
        if (m_process.state() != QProcess::NotRunning) {
            call(QJsonObject{{QStringLiteral("op"), QStringLiteral("exit")}}, 10'000);
            m_process.waitForFinished(3000);
            if (m_process.state() != QProcess::NotRunning) {
                m_process.kill();
                m_process.waitForFinished(2000);
            }
        }
    }

    // Sends one command; its answer ({ok: true, ...}), or {ok: false, error} on failure/timeout.
    QJsonObject call(QJsonObject command, int timeoutMs = 60'000) {
        const int id = ++m_nextId;
        command.insert(QStringLiteral("id"), id);
        m_process.write(QJsonDocument(command).toJson(QJsonDocument::Compact) + '\n');
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            while (m_process.canReadLine()) {
                const QJsonObject o = QJsonDocument::fromJson(m_process.readLine()).object();
                if (o.value(QStringLiteral("id")).toInt() == id || o.value(QStringLiteral("bye")).toBool())
                    return o;
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        }
        m_stderr += m_process.readAllStandardError();
        return QJsonObject{{QStringLiteral("ok"), false},
                           {QStringLiteral("error"), QStringLiteral("no answer to %1 in %2 ms; stderr: %3")
                                                         .arg(command.value(QStringLiteral("op")).toString())
                                                         .arg(timeoutMs)
                                                         .arg(QString::fromUtf8(m_stderr.right(2000)))}};
    }

    static QStringList strings(const QJsonValue& v) {
        QStringList out;
        for (const auto& s : v.toArray())
            out << s.toString();
        return out;
    }
    // publicKey hex → relay addresses, from a lookup/findPeer answer.
    static QMap<QString, QStringList> peers(const QJsonObject& answer) {
        QMap<QString, QStringList> out;
        for (const auto& p : answer.value(QStringLiteral("peers")).toArray())
            out.insert(p.toObject().value(QStringLiteral("publicKey")).toString(),
                       strings(p.toObject().value(QStringLiteral("relayAddresses"))));
        return out;
    }

private:
    QProcess m_process;
    QByteArray m_stderr;
    int m_nextId = 0;
};

}  // namespace pluresdb::test::hyperdht
