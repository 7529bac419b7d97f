#pragma once

// A WebSocket as a ByteStream for the mesh (ARCHITECTURE.md §4, issue #7). Binary mode: each binary
// frame carries bytes of a secret-stream (Noise XX in band), so the sync protocol runs over it as
// over TCP. Text mode (PluresDB 2.x JSON compatibility, when the space allows it): each text frame
// is one JSON message; it is delivered with a '\n' appended, and each line written is one frame.
// A server-side stream learns its mode from the first frame (firstFrame()); a client is binary.
// WebSockets cannot half-close: end() closes the socket once everything queued has been written.

#include "core/transport/ByteStream.h"

#include <QPointer>
#include <QWebSocket>

namespace pluresdb::transport::websocket {

inline constexpr qint64 kMaxFrameBytes =
    17 * 1024 * 1024;  // a secret-stream record is at most 16 MiB + header

class WebSocketByteStream final : public ByteStream {
    Q_OBJECT
public:
    enum class Mode { Unknown, Binary, Text };

    // Takes ownership of `socket`. `mode` Unknown: wait for the first frame (server side).
    WebSocketByteStream(QWebSocket* socket, Mode mode, QObject* parent = nullptr);
    ~WebSocketByteStream() override;

    bool write(const QByteArray& bytes) override;
    void end() override;
    void destroy(const QString& error = {}) override;
    qint64 bytesToWrite() const override;
    bool isOpen() const override { return !m_closed; }
    QString remoteDescription() const override { return m_remote; }
    Mode mode() const { return m_mode; }

signals:
    // The first frame decided the mode; emitted before that frame's bytes are delivered.
    void firstFrame(pluresdb::transport::websocket::WebSocketByteStream::Mode mode);

private:
    void onBinary(const QByteArray& bytes);
    void onText(const QString& text);
    void onDisconnected();
    void finish(const QString& error);

    QPointer<QWebSocket> m_socket;
    Mode m_mode;
    QString m_remote;
    bool m_ended = false;
    bool m_closed = false;
};

}  // namespace pluresdb::transport::websocket
