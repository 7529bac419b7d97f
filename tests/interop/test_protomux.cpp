// protomux 3 framing (core/transport/protomux) against the real npm protomux 3.12.1 over
// @hyperswarm/secret-stream on TCP 127.0.0.1 (issue #6, blind relaying step 1): channels opened
// from either side by protocol name and id, raw open handshakes both ways, messages by index in
// both directions (plain and corked into one batch frame), a refused open, and a close.

#include "core/transport/protomux/Protomux.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/tcp/TcpByteStream.h"
#include "tests/support/TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::transport;
using namespace pluresdb::transport::protomux;

namespace {

QString interopDir() {
    return qEnvironmentVariable("PLURESDB_INTEROP_DIR");
}

// The Node peer; its stdout is one JSON event per line.
struct NodeMuxPeer {
    QProcess process;
    QByteArray out;
    void start(quint16 port) {
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.setWorkingDirectory(interopDir());
        QObject::connect(&process, &QProcess::readyReadStandardOutput, &process,
                         [this] { out += process.readAllStandardOutput(); });
        process.start(QStringLiteral("node"),
                      {interopDir() + QStringLiteral("/protomux_peer.js"), QString::number(port)});
    }
    QList<QJsonObject> events() const {
        QList<QJsonObject> r;
        for (const QByteArray& line : out.split('\n'))
            if (line.startsWith('{'))
                r.push_back(QJsonDocument::fromJson(line).object());
        return r;
    }
    bool has(const QString& event) const {
        for (const QJsonObject& e : events())
            if (e[QLatin1String("event")].toString() == event)
                return true;
        return false;
    }
    QJsonObject event(const QString& event) const {
        for (const QJsonObject& e : events())
            if (e[QLatin1String("event")].toString() == event)
                return e;
        return {};
    }
};

}  // namespace

class TestProtomuxInterop : public QObject {
    Q_OBJECT
private slots:
    /// Both sides open channels to each other, exchange handshakes and messages of 0 B … 64 KiB
    /// by index (including a corked batch from Node), refuse an unknown protocol, and close.
    void channelsAgainstNode() {
        tcp::TcpListener listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        secretstream::SecretStream* stream = nullptr;
        std::unique_ptr<Protomux> mux;
        ProtomuxChannel* echo = nullptr;
        ProtomuxChannel* greet = nullptr;
        QString greetHandshake;
        QStringList greetMessages;
        QList<QByteArray> echoed;
        bool echoOpened = false;
        bool echoClosedByRemote = false;
        QStringList remoteOpens;
        const QByteArray echoId = QByteArray::fromHex("0102a0");

        connect(&listener, &tcp::TcpListener::streamAccepted, this, [&](tcp::TcpByteStream* raw) {
            raw->setParent(nullptr);
            secretstream::SecretStreamOptions o;
            o.isInitiator = false;
            stream = new secretstream::SecretStream(raw, o, this);
            mux = std::make_unique<Protomux>(stream);
            mux->onRemoteOpen = [&](const QString& protocol, const QByteArray&) {
                remoteOpens << protocol;
                if (protocol != QLatin1String("greet"))
                    return;  // "nobody" is refused
                greet = mux->createChannel(protocol);
                QVERIFY(greet);
                greet->onOpen = [&](const QByteArray& hs) {
                    greetHandshake = QString::fromUtf8(hs);
                    greet->send(1, "hello from C++");
                };
                greet->onMessage = [&](uint64_t type, const QByteArray& payload) {
                    if (type == 0)
                        greetMessages << QString::fromUtf8(payload);
                };
                greet->open("cpp-hs");
            };
            echo = mux->createChannel(QStringLiteral("echo"), echoId);
            QVERIFY(echo);
            echo->onOpen = [&](const QByteArray&) { echoOpened = true; };
            echo->onMessage = [&](uint64_t type, const QByteArray& payload) {
                if (type == 1)
                    echoed << payload;
            };
            echo->onClose = [&](bool byRemote) { echoClosedByRemote = byRemote; };
            echo->open();
            stream->start();
        });
        NodeMuxPeer node;
        node.start(listener.serverPort());

        // The echo channel opens (Node creates its side when our open arrives), and messages of
        // every size come back by index, in order.
        QTRY_VERIFY_WITH_TIMEOUT(echoOpened, 30000);
        QCOMPARE(node.event(QStringLiteral("echo-open"))[QLatin1String("id")].toString().toLatin1(),
                 echoId.toHex());
        QList<QByteArray> sent;
        for (int size : {0, 1, 100, 1200, 65536}) {
            QByteArray b(size, Qt::Uninitialized);
            for (char& ch : b)
                ch = char(QRandomGenerator::global()->generate());
            sent << b;
            QVERIFY(echo->send(0, b));
        }
        QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), sent.size(), 30000);
        QCOMPARE(echoed, sent);
        // A corked reply arrives as one batch frame and is split back into its three messages.
        echoed.clear();
        QVERIFY(echo->send(0, "batch"));
        QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), 3, 30000);
        QCOMPARE(echoed, (QList<QByteArray>{"one", "two", "three"}));

        // Node's channel with a raw handshake: both handshakes arrive, messages both ways.
        QTRY_VERIFY_WITH_TIMEOUT(greet && greet->isOpened(), 30000);
        QCOMPARE(greetHandshake, QStringLiteral("node-hs"));
        QTRY_VERIFY_WITH_TIMEOUT(node.has(QStringLiteral("greet-message")), 30000);
        QCOMPARE(node.event(QStringLiteral("greet-open"))[QLatin1String("handshake")].toString(),
                 QStringLiteral("cpp-hs"));
        QCOMPARE(node.event(QStringLiteral("greet-message"))[QLatin1String("text")].toString(),
                 QStringLiteral("hello from C++"));
        QTRY_COMPARE_WITH_TIMEOUT(greetMessages, QStringList{QStringLiteral("hi")}, 30000);

        // The open we did not take was refused: Node sees its channel closed without ever opening.
        QTRY_VERIFY_WITH_TIMEOUT(node.has(QStringLiteral("nobody-close")), 30000);
        QCOMPARE(node.event(QStringLiteral("nobody-close"))[QLatin1String("opened")].toBool(), false);
        QVERIFY(remoteOpens.contains(QStringLiteral("nobody")));

        // Our close reaches Node as a remote close.
        echo->close();
        QVERIFY(echo->isClosed());
        QVERIFY(!echoClosedByRemote);
        QTRY_VERIFY_WITH_TIMEOUT(node.has(QStringLiteral("echo-close")), 30000);
        QCOMPARE(node.event(QStringLiteral("echo-close"))[QLatin1String("isRemote")].toBool(), true);
        QVERIFY(!echo->send(0, "after close"));

        // Ending the stream closes Node's side and every channel here.
        bool greetClosed = false;
        greet->onClose = [&](bool) { greetClosed = true; };
        stream->end();
        QTRY_VERIFY_WITH_TIMEOUT(node.process.state() == QProcess::NotRunning, 30000);
        QVERIFY2(!node.has(QStringLiteral("error")), node.out.constData());
        QTRY_VERIFY_WITH_TIMEOUT(greetClosed, 30000);
        mux.reset();
        delete stream;
    }
};

QTEST_GUILESS_MAIN(TestProtomuxInterop)
#include "test_protomux.moc"
