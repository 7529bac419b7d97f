// C++ secret-stream over TCP against the unmodified npm @hyperswarm/secret-stream over net.Socket on
// 127.0.0.1 (secretstream_peer.js): C++ as initiator and as responder, 0 B / 1 B / 64 KiB / 16 MiB
// each way at once, contents checked by SHA-256, public keys and handshake hashes compared; and the
// `pluresdb-cli net --tcp` tool against the same Node peer in both roles.

#include "core/crypto/Ed25519.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/tcp/TcpByteStream.h"
#include "tests/support/TestSupport.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <cstring>

using namespace pluresdb;
using namespace pluresdb::transport;
using crypto::KeyPair;
using crypto::SecureBytes;

namespace {

const char kCppSeed[] = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
const char kNodeSeed[] = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";

KeyPair fromSeedHex(const char* hex) {
    return crypto::keyPairFromSeed(SecureBytes::fromByteArray(QByteArray::fromHex(hex))).value();
}

QString interopDir() {
    return qEnvironmentVariable("PLURESDB_INTEROP_DIR");
}

// A Node peer process; collects its stdout lines.
struct NodePeer {
    QProcess process;
    QByteArray out;
    void start(const QStringList& args) {
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.setWorkingDirectory(interopDir());
        QObject::connect(&process, &QProcess::readyReadStandardOutput, &process,
                         [this] { out += process.readAllStandardOutput(); });
        process.start(QStringLiteral("node"),
                      QStringList{interopDir() + QStringLiteral("/secretstream_peer.js")} + args);
    }
    int port() const {
        for (const QByteArray& line : out.split('\n')) {
            if (line.startsWith("PORT "))
                return line.mid(5).toInt();
        }
        return 0;
    }
    QJsonObject result() const {
        for (const QByteArray& line : out.split('\n')) {
            if (line.startsWith('{'))
                return QJsonDocument::fromJson(line).object();
        }
        return {};
    }
    bool finished() const { return process.state() == QProcess::NotRunning; }
};

// The C++ side: sends `size` random bytes while receiving, hashing both.
struct CppSide {
    secretstream::SecretStream* stream = nullptr;
    QByteArray payload;
    qsizetype sent = 0;
    QCryptographicHash recvHash{QCryptographicHash::Sha256};
    qint64 recvBytes = 0;
    bool closed = false;
    QString error;

    void attach(secretstream::SecretStream* s, qsizetype size) {
        stream = s;
        payload.resize(size);
        QRandomGenerator gen(QRandomGenerator::global()->generate());
        for (qsizetype i = 0; i + 4 <= size; i += 4) {
            const quint32 v = gen.generate();
            std::memcpy(payload.data() + i, &v, 4);
        }
        for (qsizetype i = size & ~qsizetype(3); i < size; ++i)
            payload[i] = static_cast<char>(gen.generate());
        QObject::connect(s, &ByteStream::connected, s, [this] { pump(); });
        QObject::connect(s, &ByteStream::drained, s, [this] { pump(); });
        QObject::connect(s, &ByteStream::dataReceived, s, [this](const QByteArray& b) {
            recvHash.addData(b);
            recvBytes += b.size();
        });
        QObject::connect(s, &ByteStream::closed, s, [this](const QString& e) {
            closed = true;
            error = e;
        });
    }
    void pump() {
        constexpr qsizetype kChunk = 64 * 1024;
        while (sent < payload.size() && stream->bytesToWrite() < 4 * kChunk) {
            const qsizetype n = std::min(kChunk, payload.size() - sent);
            stream->write(payload.mid(sent, n));
            sent += n;
        }
        if (sent == payload.size())
            stream->end();
    }
    QByteArray sentHashHex() const {
        return QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex();
    }
};

}  // namespace

class TestSecretStreamInterop : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY2(!interopDir().isEmpty(), "PLURESDB_INTEROP_DIR is not set");
        QVERIFY2(QFile::exists(interopDir() +
                               QStringLiteral("/node_modules/@hyperswarm/secret-stream/package.json")),
                 "npm packages missing: run `npm ci` in tests/interop (scripts/test.sh does)");
    }

    void bothWays_data() {
        QTest::addColumn<bool>("cppInitiator");
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("ik");
        for (bool init : {true, false}) {
            for (int size : {0, 1, 64 * 1024, 16 * 1024 * 1024}) {
                QTest::addRow("%s-%d", init ? "cpp-initiator" : "cpp-responder", size)
                    << init << size << false;
            }
            // The in-band IK variant (opts.pattern = 'IK'; the initiator knows the responder's key).
            QTest::addRow("%s-IK-65536", init ? "cpp-initiator" : "cpp-responder")
                << init << 64 * 1024 << true;
        }
    }

    /// C++ and Node exchange `size` bytes each way at once over TCP; both receive exactly what the other
    /// sent, see each other's Ed25519 identity, agree on the handshake hash, and close cleanly.
    void bothWays() {
        QFETCH(bool, cppInitiator);
        QFETCH(int, size);
        QFETCH(bool, ik);
        NodePeer node;
        tcp::TcpListener listener;
        CppSide cpp;
        secretstream::SecretStreamOptions opts;
        opts.isInitiator = cppInitiator;
        opts.keyPair = fromSeedHex(kCppSeed);
        QStringList ikArgs;
        if (ik) {
            opts.pattern = transport::noise::NoisePattern::IK;
            if (cppInitiator)
                opts.remotePublicKey = fromSeedHex(kNodeSeed).publicKey;
            ikArgs = {QStringLiteral("IK"), QString::fromLatin1(fromSeedHex(kCppSeed).publicKey.toHex())};
        }
        auto startCpp = [&](ByteStream* raw) {
            auto* s = new secretstream::SecretStream(raw, std::move(opts), this);
            cpp.attach(s, size);
            s->start();
        };
        if (cppInitiator) {
            node.start(QStringList{QStringLiteral("listen"), QStringLiteral("0"), QString::number(size),
                                   QLatin1String(kNodeSeed)} +
                       ikArgs);
            QTRY_VERIFY_WITH_TIMEOUT(node.port() > 0 || node.finished(), 30000);
            QVERIFY2(node.port() > 0, node.out.constData());
            startCpp(
                tcp::TcpByteStream::connectTo(QHostAddress::LocalHost, static_cast<quint16>(node.port())));
        } else {
            QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
            connect(&listener, &tcp::TcpListener::streamAccepted, this, [&](tcp::TcpByteStream* raw) {
                raw->setParent(nullptr);
                startCpp(raw);
            });
            node.start(QStringList{QStringLiteral("connect"), QString::number(listener.serverPort()),
                                   QString::number(size), QLatin1String(kNodeSeed)} +
                       ikArgs);
        }
        QTRY_VERIFY_WITH_TIMEOUT(cpp.closed && node.finished(), 90000);
        const QJsonObject r = node.result();
        QVERIFY2(
            !r.isEmpty() && !r.contains(QLatin1String("error")),
            (node.out + node.process.readAllStandardError() + "\nC++: " + cpp.error.toUtf8()).constData());
        QCOMPARE(node.process.exitCode(), 0);
        QCOMPARE(cpp.error, QString());
        // Contents, by hash, both ways.
        QCOMPARE(r[QLatin1String("recvBytes")].toInteger(), qint64(size));
        QCOMPARE(r[QLatin1String("recvHash")].toString().toLatin1(), cpp.sentHashHex());
        QCOMPARE(cpp.recvBytes, qint64(size));
        QCOMPARE(cpp.recvHash.result().toHex(), r[QLatin1String("sentHash")].toString().toLatin1());
        // Identities and the handshake hash.
        const QByteArray cppKey = fromSeedHex(kCppSeed).publicKey.toHex();
        const QByteArray nodeKey = fromSeedHex(kNodeSeed).publicKey.toHex();
        QCOMPARE(r[QLatin1String("publicKey")].toString().toLatin1(), nodeKey);
        QCOMPARE(r[QLatin1String("remotePublicKey")].toString().toLatin1(), cppKey);
        QCOMPARE(cpp.stream->remotePublicKey().toHex(), nodeKey);
        QCOMPARE(cpp.stream->publicKey().toHex(), cppKey);
        QCOMPARE(cpp.stream->handshakeHash().toHex(),
                 r[QLatin1String("handshakeHash")].toString().toLatin1());
        delete cpp.stream;
    }

    /// `pluresdb-cli net connect|listen --tcp` against the Node peer: prints REMOTE <Node's key>, copies
    /// stdin to the peer and the peer to stdout, exits 0 after both directions ended.
    void cliAgainstNode_data() {
        QTest::addColumn<bool>("cliConnects");
        QTest::newRow("cli-connect") << true;
        QTest::newRow("cli-listen") << false;
    }
    void cliAgainstNode() {
        QFETCH(bool, cliConnects);
        const int size = 300 * 1024 + 7;
        QByteArray input(size, Qt::Uninitialized);
        for (int i = 0; i < size; ++i)
            input[i] = static_cast<char>(QRandomGenerator::global()->generate());
        NodePeer node;
        QProcess cli;
        QByteArray cliOut, cliErr;
        connect(&cli, &QProcess::readyReadStandardOutput, &cli,
                [&] { cliOut += cli.readAllStandardOutput(); });
        connect(&cli, &QProcess::readyReadStandardError, &cli, [&] { cliErr += cli.readAllStandardError(); });
        if (cliConnects) {
            node.start({QStringLiteral("listen"), QStringLiteral("0"), QString::number(size),
                        QLatin1String(kNodeSeed)});
            QTRY_VERIFY_WITH_TIMEOUT(node.port() > 0 || node.finished(), 30000);
            cli.start(test::cliPath(),
                      {QStringLiteral("net"), QStringLiteral("connect"), QStringLiteral("--tcp"),
                       QStringLiteral("127.0.0.1:%1").arg(node.port()), QStringLiteral("--seed"),
                       QLatin1String(kCppSeed)});
        } else {
            cli.start(test::cliPath(),
                      {QStringLiteral("net"), QStringLiteral("listen"), QStringLiteral("--tcp"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--seed"), QLatin1String(kCppSeed)});
            QTRY_VERIFY_WITH_TIMEOUT(cliErr.contains("LISTENING 127.0.0.1:"), 30000);
            const int at = cliErr.indexOf("LISTENING 127.0.0.1:") + 20;
            const int port = cliErr.mid(at, cliErr.indexOf('\n', at) - at).toInt();
            node.start({QStringLiteral("connect"), QString::number(port), QString::number(size),
                        QLatin1String(kNodeSeed)});
        }
        QVERIFY(cli.waitForStarted());
        cli.write(input);
        cli.closeWriteChannel();
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning && node.finished(), 60000);
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QVERIFY2(cli.exitCode() == 0, cliErr.constData());
        const QJsonObject r = node.result();
        QVERIFY2(!r.isEmpty() && !r.contains(QLatin1String("error")), node.out.constData());
        const QByteArray nodeKey = fromSeedHex(kNodeSeed).publicKey.toHex();
        QVERIFY2(cliErr.contains("REMOTE " + nodeKey + "\n"), cliErr.constData());
        QCOMPARE(r[QLatin1String("remotePublicKey")].toString().toLatin1(),
                 fromSeedHex(kCppSeed).publicKey.toHex());
        QCOMPARE(r[QLatin1String("recvHash")].toString().toLatin1(),
                 QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex());
        QCOMPARE(QCryptographicHash::hash(cliOut, QCryptographicHash::Sha256).toHex(),
                 r[QLatin1String("sentHash")].toString().toLatin1());
    }

    /// The CLI against a peer that is not a secret-stream (a plain TCP server that sends text): a clear
    /// error on stderr and a non-zero exit, promptly.
    void cliAgainstGarbagePeer() {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        connect(&server, &QTcpServer::newConnection, this, [&] {
            QTcpSocket* s = server.nextPendingConnection();
            s->write("HTTP/1.1 400 Bad Request\r\n\r\n");
        });
        QProcess cli;
        cli.start(test::cliPath(), {QStringLiteral("net"), QStringLiteral("connect"), QStringLiteral("--tcp"),
                                    QStringLiteral("127.0.0.1:%1").arg(server.serverPort())});
        QVERIFY(cli.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 20000);
        QVERIFY(cli.exitCode() != 0);
        const QByteArray err = cli.readAllStandardError();
        QVERIFY2(err.contains("Noise handshake failed"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestSecretStreamInterop)
#include "test_secretstream.moc"
