#include "core/transport/websocket/WebSocketByteStream.h"

#include <QTimer>

namespace pluresdb::transport::websocket {

WebSocketByteStream::WebSocketByteStream(QWebSocket* socket, Mode mode, QObject* parent)
    : ByteStream(parent), m_socket(socket), m_mode(mode) {
    socket->setParent(this);
    socket->setMaxAllowedIncomingFrameSize(kMaxFrameBytes);
    socket->setMaxAllowedIncomingMessageSize(kMaxFrameBytes);
    m_remote = QStringLiteral("ws://%1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort());
    connect(socket, &QWebSocket::binaryMessageReceived, this, &WebSocketByteStream::onBinary);
    connect(socket, &QWebSocket::textMessageReceived, this, &WebSocketByteStream::onText);
    connect(socket, &QWebSocket::disconnected, this, &WebSocketByteStream::onDisconnected);
    connect(socket, &QWebSocket::bytesWritten, this, [this] {
        if (m_socket && m_socket->bytesToWrite() == 0) {
            emit drained();
            if (m_ended && m_socket)
                m_socket->close();
        }
    });
}

WebSocketByteStream::~WebSocketByteStream() {
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void WebSocketByteStream::onBinary(const QByteArray& bytes) {
    if (m_closed)
        return;
    if (m_mode == Mode::Unknown) {
        m_mode = Mode::Binary;
        emit firstFrame(m_mode);
    }
    if (m_mode != Mode::Binary) {
        destroy(QStringLiteral("a binary frame on a JSON text channel"));
        return;
    }
    emit dataReceived(bytes);
}

void WebSocketByteStream::onText(const QString& text) {
    if (m_closed)
        return;
    if (m_mode == Mode::Unknown) {
        m_mode = Mode::Text;
        emit firstFrame(m_mode);
    }
    if (m_mode != Mode::Text) {
        destroy(QStringLiteral("a text frame on a secret-stream channel"));
        return;
    }
    QByteArray b = text.toUtf8();
    b.append('\n');
    emit dataReceived(b);
}

bool WebSocketByteStream::write(const QByteArray& bytes) {
    if (m_closed || m_ended || !m_socket)
        return false;
    if (m_mode == Mode::Text) {
        for (const QByteArray& line : bytes.split('\n'))
            if (!line.isEmpty())
                m_socket->sendTextMessage(QString::fromUtf8(line));
    } else {
        m_socket->sendBinaryMessage(bytes);
    }
    return true;
}

void WebSocketByteStream::end() {
    if (m_closed || m_ended)
        return;
    m_ended = true;
    if (m_socket && m_socket->bytesToWrite() == 0)
        m_socket->close();
}

void WebSocketByteStream::destroy(const QString& error) {
    if (m_closed)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    finish(error);
}

qint64 WebSocketByteStream::bytesToWrite() const {
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void WebSocketByteStream::onDisconnected() {
    if (m_closed)
        return;
    emit remoteEnded();
    if (m_closed)
        return;
    const bool clean = m_socket && (m_socket->closeCode() == QWebSocketProtocol::CloseCodeNormal);
    finish(clean || m_ended
               ? QString()
               : QStringLiteral("WebSocket closed: %1").arg(m_socket ? m_socket->closeReason() : QString()));
}

void WebSocketByteStream::finish(const QString& error) {
    if (m_closed)
        return;
    m_closed = true;
    emit closed(error);
}

}  // namespace pluresdb::transport::websocket
