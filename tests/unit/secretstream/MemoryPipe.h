#pragma once

// An in-memory ByteStream pair for secret-stream tests: what one end writes arrives at the other on
// the next event-loop turn, in the same chunks. Every chunk written is also recorded, so tests can
// compare the exact wire bytes with the Node vectors, and an end can inject raw bytes as an attacker.

#include "core/transport/ByteStream.h"

#include <QByteArrayList>
#include <QPointer>
#include <QTimer>

namespace pluresdb::test {

class PipeEnd final : public transport::ByteStream {
public:
    using ByteStream::ByteStream;
    static void link(PipeEnd* a, PipeEnd* b) {
        a->m_peer = b;
        b->m_peer = a;
    }

    bool write(const QByteArray& bytes) override {
        if (m_closed || m_ended)
            return false;
        m_written.append(bytes);
        QPointer<PipeEnd> peer = m_peer;
        QTimer::singleShot(0, peer, [peer, bytes] {
            if (peer && !peer->m_closed)
                emit peer->dataReceived(bytes);
        });
        return true;
    }
    void end() override {
        if (m_closed || m_ended)
            return;
        m_ended = true;
        QPointer<PipeEnd> peer = m_peer;
        QTimer::singleShot(0, peer, [peer] {
            if (!peer || peer->m_closed)
                return;
            peer->m_remoteEnded = true;
            emit peer->remoteEnded();
            if (peer && peer->m_ended) {
                peer->closeBoth();
            }
        });
    }
    void destroy(const QString& error = {}) override {
        if (m_closed)
            return;
        m_closed = true;
        emit closed(error);
        QPointer<PipeEnd> peer = m_peer;
        QTimer::singleShot(0, peer, [peer] {
            if (peer && !peer->m_closed) {
                peer->m_closed = true;
                emit peer->closed(QStringLiteral("connection reset by peer"));
            }
        });
    }
    qint64 bytesToWrite() const override { return 0; }
    bool isOpen() const override { return !m_closed; }
    QString remoteDescription() const override { return QStringLiteral("memory"); }

    const QByteArrayList& written() const { return m_written; }

private:
    void closeBoth() {
        for (PipeEnd* e : {this, m_peer.data()}) {
            if (e && !e->m_closed && e->m_ended && e->m_remoteEnded) {
                e->m_closed = true;
                emit e->closed(QString());
            }
        }
    }

    QPointer<PipeEnd> m_peer;
    QByteArrayList m_written;
    bool m_ended = false;
    bool m_remoteEnded = false;
    bool m_closed = false;
};

}  // namespace pluresdb::test
