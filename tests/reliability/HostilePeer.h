#pragma once

// A misbehaving peer for the reliability tests, written with the project's own transport pieces so
// it speaks exactly the bytes a real attacker would: a WebSocket to a node's mesh port, then either
// raw frames (no handshake at all) or a real secret-stream (Noise XX) over which it sends whatever
// the test scripts — a wrong or right key proof, garbage, oversized frame headers, replayed or
// forged ops, floods. It records what the node sends back (decoded sync messages) and whether and
// why the node closed the connection.

#include "core/crypto/Ed25519.h"
#include "core/sync/SyncProtocol.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/websocket/WebSocketByteStream.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QWebSocket>

#include <functional>

namespace pluresdb::test {

class HostilePeer : public QObject {
public:
    enum class Mode { Raw, Secure };

    HostilePeer(const QUrl& url, Mode mode, crypto::KeyPair keyPair = crypto::generateKeyPair())
        : m_keyPair(std::move(keyPair)) {
        m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        m_socket->setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
        QObject::connect(m_socket, &QWebSocket::connected, this, [this, mode] {
            if (mode == Mode::Raw) {
                m_open = true;
                QObject::connect(m_socket, &QWebSocket::disconnected, this, [this] { m_closed = true; });
                if (onOpen)
                    onOpen(*this);
                return;
            }
            using namespace transport;
            auto* raw = new websocket::WebSocketByteStream(m_socket.data(),
                                                           websocket::WebSocketByteStream::Mode::Binary);
            raw->setParent(this);
            secretstream::SecretStreamOptions o;
            o.isInitiator = true;
            o.keyPair = m_keyPair;
            m_stream = new secretstream::SecretStream(raw, std::move(o));
            m_stream->setParent(this);
            QObject::connect(m_stream, &ByteStream::connected, this, [this] {
                m_open = true;
                if (onOpen)
                    onOpen(*this);
            });
            QObject::connect(m_stream, &ByteStream::dataReceived, this, [this](const QByteArray& b) {
                m_reader.append(b);
                for (;;) {
                    auto f = m_reader.next();
                    if (!f || !f->has_value())
                        break;
                    auto m = sync::decodeMessage((*f)->type, (*f)->payload);
                    if (m) {
                        m_received.push_back(*m);
                        if (onMessage)
                            onMessage(*this, m_received.back());
                    }
                }
            });
            QObject::connect(m_stream, &ByteStream::closed, this, [this](const QString& e) {
                m_closed = true;
                m_closeReason = e;
            });
            m_stream->start();
        });
        QObject::connect(m_socket, &QWebSocket::disconnected, this, [this] { m_closed = true; });
        m_socket->open(url);
    }

    // Frames on the secret-stream (after the handshake), or raw binary WebSocket frames.
    void send(const QByteArray& bytes) {
        if (m_stream)
            m_stream->write(bytes);
        else if (m_socket)
            m_socket->sendBinaryMessage(bytes);
    }
    void sendText(const QString& text) {
        if (m_socket)
            m_socket->sendTextMessage(text);
    }
    // A Hello with the proof for `key32` (the right key, or any other bytes for a wrong one).
    void sendHello(const QByteArray& key32) {
        sync::HelloMsg h;
        h.proof = sync::computeProof(key32, m_stream->handshakeHash(), m_stream->publicKey());
        send(sync::encodeMessage(h));
    }

    bool isOpen() const { return m_open && !m_closed; }
    bool isClosed() const { return m_closed; }
    QString closeReason() const { return m_closeReason; }
    const std::vector<sync::Message>& received() const { return m_received; }
    template <typename T>
    int count() const {
        int n = 0;
        for (const auto& m : m_received)
            n += std::holds_alternative<T>(m);
        return n;
    }
    const crypto::KeyPair& keyPair() const { return m_keyPair; }

    std::function<void(HostilePeer&)> onOpen;
    std::function<void(HostilePeer&, const sync::Message&)> onMessage;

private:
    crypto::KeyPair m_keyPair;
    QPointer<QWebSocket> m_socket;
    QPointer<transport::secretstream::SecretStream> m_stream;
    sync::FrameReader m_reader;
    std::vector<sync::Message> m_received;
    bool m_open = false;
    bool m_closed = false;
    QString m_closeReason;
};

}  // namespace pluresdb::test
