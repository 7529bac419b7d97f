#include "core/transport/websocket/WebSocketMesh.h"

#include <QTimer>

namespace pluresdb::transport::websocket {

using secretstream::SecretStream;
using secretstream::SecretStreamOptions;

WebSocketMesh::WebSocketMesh(crypto::KeyPair keyPair, QObject* parent)
    : QObject(parent), m_keyPair(std::move(keyPair)) {}

WebSocketMesh::~WebSocketMesh() = default;

Result<quint16> WebSocketMesh::serve(const QHostAddress& host, quint16 port) {
    if (!m_server) {
        m_server =
            std::make_unique<QWebSocketServer>(QStringLiteral("pluresdb"), QWebSocketServer::NonSecureMode);
        connect(m_server.get(), &QWebSocketServer::newConnection, this, &WebSocketMesh::onNewConnection);
    }
    if (!m_server->listen(host, port))
        return makeError(QStringLiteral("cannot serve WebSocket on %1:%2: %3")
                             .arg(host.toString())
                             .arg(port)
                             .arg(m_server->errorString()));
    return m_server->serverPort();
}

SecretStream* WebSocketMesh::wrap(WebSocketByteStream* raw, bool initiator) {
    SecretStreamOptions o;
    o.isInitiator = initiator;
    o.keyPair = m_keyPair;
    o.keepAliveMs = 5000;
    o.timeoutMs = 30000;
    auto* s = new SecretStream(raw, std::move(o));
    return s;
}

void WebSocketMesh::onNewConnection() {
    while (QWebSocket* socket = m_server->nextPendingConnection()) {
        auto* raw = new WebSocketByteStream(socket, WebSocketByteStream::Mode::Unknown);
        connect(raw, &WebSocketByteStream::firstFrame, this, [this, raw](WebSocketByteStream::Mode mode) {
            if (mode == WebSocketByteStream::Mode::Text) {
                emit textChannelReady(raw);
                return;
            }
            auto* s = wrap(raw, false);
            emit secretStreamReady(s);
            s->start();
        });
        connect(raw, &ByteStream::closed, this, [raw] {
            if (!raw->parent())
                raw->deleteLater();  // closed before anyone adopted it
        });
    }
}

void WebSocketMesh::connectTo(const QUrl& url, int retryMs) {
    if (!m_retrying.contains(url))
        m_retrying << url;
    dial(url, retryMs);
}

void WebSocketMesh::stopRetrying(const QUrl& url) {
    m_retrying.removeAll(url);
}

void WebSocketMesh::dial(const QUrl& url, int retryMs) {
    auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    auto retry = [this, url, retryMs] {
        if (m_retrying.contains(url) && retryMs > 0)
            QTimer::singleShot(retryMs, this, [this, url, retryMs] {
                if (m_retrying.contains(url))
                    dial(url, retryMs);
            });
    };
    connect(socket, &QWebSocket::connected, this, [this, socket, retry] {
        socket->disconnect(this);
        auto* raw = new WebSocketByteStream(socket, WebSocketByteStream::Mode::Binary);
        auto* s = wrap(raw, true);
        connect(s, &ByteStream::closed, this, [this, s, retry] {
            if (!m_retryFilter || m_retryFilter(s->remotePublicKey()))
                retry();
        });
        emit secretStreamReady(s);
        s->start();
    });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket, url, retry](QAbstractSocket::SocketError) {
                const QString e = socket->errorString();
                socket->disconnect(this);
                socket->deleteLater();
                emit connectionFailed(url.toString(), e);
                retry();
            });
    socket->open(url);
}

}  // namespace pluresdb::transport::websocket
