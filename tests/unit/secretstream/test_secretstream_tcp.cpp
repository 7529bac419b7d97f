// secret-stream over the TCP ByteStream between two C++ ends on 127.0.0.1: half-close in both orders
// (one side keeps sending long after the other ended), connection refused, and a peer that resets
// mid-stream -> a clear error, never a hang.

#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/tcp/TcpByteStream.h"

#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace pluresdb::transport;
using secretstream::SecretStream;
using secretstream::SecretStreamOptions;

namespace {
struct End {
    SecretStream* stream = nullptr;
    QByteArray data;
    bool remoteEnded = false;
    bool closed = false;
    QString error;
    void attach(SecretStream* s) {
        stream = s;
        QObject::connect(s, &ByteStream::dataReceived, s, [this](const QByteArray& b) { data += b; });
        QObject::connect(s, &ByteStream::remoteEnded, s, [this] { remoteEnded = true; });
        QObject::connect(s, &ByteStream::closed, s, [this](const QString& e) {
            closed = true;
            error = e;
        });
    }
};

QByteArray randomBytes(qsizetype n) {
    QByteArray b(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        b[i] = static_cast<char>(QRandomGenerator::global()->generate());
    return b;
}
}  // namespace

class TestSecretStreamTcp : public QObject {
    Q_OBJECT
private slots:
    /// The client ends at once; the server keeps sending 2 MiB afterwards, then ends: every byte
    /// arrives, and both close cleanly only after both directions ended (TCP half-close).
    void halfCloseBothOrders() {
        for (bool clientEndsFirst : {true, false}) {
            tcp::TcpListener listener;
            QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
            End server, client;
            const QByteArray late = randomBytes(2 * 1024 * 1024);
            const QByteArray early = "short message";
            connect(&listener, &tcp::TcpListener::streamAccepted, this, [&](tcp::TcpByteStream* raw) {
                raw->setParent(nullptr);
                SecretStreamOptions o;
                o.isInitiator = false;
                server.attach(new SecretStream(raw, std::move(o), this));
                server.stream->start();
                if (!clientEndsFirst) {
                    server.stream->write(early);
                    server.stream->end();
                }
            });
            SecretStreamOptions o;
            client.attach(new SecretStream(
                tcp::TcpByteStream::connectTo(QHostAddress::LocalHost, listener.serverPort()), std::move(o),
                this));
            client.stream->start();
            if (clientEndsFirst) {
                client.stream->write(early);
                client.stream->end();
                QTRY_VERIFY_WITH_TIMEOUT(server.remoteEnded, 10000);
                server.stream->write(late);
                server.stream->end();
            } else {
                QTRY_VERIFY_WITH_TIMEOUT(client.remoteEnded, 10000);
                client.stream->write(late);
                client.stream->end();
            }
            QTRY_VERIFY_WITH_TIMEOUT(server.closed && client.closed, 20000);
            QCOMPARE(server.error, QString());
            QCOMPARE(client.error, QString());
            QVERIFY((clientEndsFirst ? client.data : server.data) == late);
            QCOMPARE(clientEndsFirst ? server.data : client.data, early);
            QCOMPARE(server.stream->handshakeHash(), client.stream->handshakeHash());
        }
    }

    /// Nothing listening: the connect fails with a clear error and the stream closes.
    void connectionRefused() {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        End client;
        client.attach(
            new SecretStream(tcp::TcpByteStream::connectTo(QHostAddress::LocalHost, port), {}, this));
        client.stream->start();
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 10000);
        QVERIFY2(client.error.contains(QLatin1String("connect to 127.0.0.1")), qPrintable(client.error));
    }

    /// A peer that completes nothing and closes the socket mid-handshake: the stream fails, no hang.
    void peerClosesDuringHandshake() {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        connect(&server, &QTcpServer::newConnection, this, [&] {
            QTcpSocket* s = server.nextPendingConnection();
            connect(s, &QTcpSocket::readyRead, s, [s] {
                s->readAll();
                s->abort();  // RST or FIN mid-handshake
            });
        });
        End client;
        client.attach(new SecretStream(
            tcp::TcpByteStream::connectTo(QHostAddress::LocalHost, server.serverPort()), {}, this));
        client.stream->start();
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 10000);
        QVERIFY(!client.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecretStreamTcp)
#include "test_secretstream_tcp.moc"
