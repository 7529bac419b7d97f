#pragma once

// A TCP connection as a ByteStream, with real half-close: end() sends FIN (shutdown(SHUT_WR)) after
// everything queued is out, and a FIN from the peer ends only the read side. QTcpSocket cannot do this
// (it tears the whole socket down when the peer's FIN arrives), and secret-stream peers routinely send
// while the other side has already ended, so this drives a non-blocking socket with QSocketNotifiers.

#include "core/transport/ByteStream.h"

#include <QByteArray>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTcpServer>

#include <deque>
#include <memory>

namespace pluresdb::transport::tcp {

class TcpByteStream final : public ByteStream {
    Q_OBJECT
public:
    // Starts a non-blocking connect; emits connected() on success or closed(error) on failure.
    static TcpByteStream* connectTo(const QHostAddress& host, quint16 port, QObject* parent = nullptr);
    // Adopts an accepted, connected socket (TcpListener does this); it is open at once.
    static TcpByteStream* adopt(qintptr socketDescriptor, QObject* parent = nullptr);
    ~TcpByteStream() override;

    bool write(const QByteArray& bytes) override;
    void end() override;
    void destroy(const QString& error = {}) override;
    qint64 bytesToWrite() const override { return m_queuedBytes; }
    bool isOpen() const override { return !m_closed; }
    QString remoteDescription() const override { return m_remote; }

private:
    explicit TcpByteStream(QObject* parent);
    void setUp(qintptr fd, bool connecting);
    void onConnectFinished();
    void onReadable();
    void onWritable();
    bool flush();
    void maybeShutdownWrite();
    void maybeFinish();
    void fail(const QString& error);
    void closeSocket();

    qintptr m_fd = -1;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    std::unique_ptr<QSocketNotifier> m_writeNotifier;
    std::deque<QByteArray> m_queue;
    qsizetype m_headOffset = 0;
    qint64 m_queuedBytes = 0;
    QString m_remote;
    bool m_connecting = false;
    bool m_endRequested = false;
    bool m_writeShut = false;
    bool m_readEnded = false;
    bool m_closed = false;
};

// Accepts TCP connections and hands each one over as a TcpByteStream.
class TcpListener final : public QTcpServer {
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;

signals:
    void streamAccepted(pluresdb::transport::tcp::TcpByteStream* stream);

protected:
    void incomingConnection(qintptr socketDescriptor) override;
};

}  // namespace pluresdb::transport::tcp
