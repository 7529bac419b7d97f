// The keys-handed-in mode (hyperdht mode, connection.md §5.7) live against the npm packages: C++ and
// Node run Noise IK with hyperdht's prologue and noisePayloads (the two messages carried as uint24
// frames over TCP on 127.0.0.1, where hyperdht would carry them in DHT messages), then each hands the
// result to its secret-stream (C++ SecretStream / unmodified @hyperswarm/secret-stream `handshake`
// option) on the same socket and they exchange 1 MiB each way. C++ as initiator and as responder.

#include "core/crypto/Ed25519.h"
#include "core/crypto/Namespaces.h"
#include "core/transport/noise/NoiseHandshake.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/secretstream/SecretStreamConstants.h"
#include "core/transport/tcp/TcpByteStream.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::transport;

namespace {

const char kCppSeed[] = "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3";
const char kNodeSeed[] = "d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4";
const QByteArray kClientPayload = QByteArray::fromHex("011800000100fe0d0c0b0a0001");
const QByteArray kServerPayload = QByteArray::fromHex("011a0001017f00000149c20100fe040302010001");

crypto::KeyPair fromSeedHex(const char* hex) {
    return crypto::keyPairFromSeed(crypto::SecureBytes::fromByteArray(QByteArray::fromHex(hex))).value();
}
QString interopDir() {
    return qEnvironmentVariable("PLURESDB_INTEROP_DIR");
}

QByteArray frame(const QByteArray& msg) {
    QByteArray out(3, '\0');
    out[0] = static_cast<char>(msg.size() & 0xff);
    out[1] = static_cast<char>((msg.size() >> 8) & 0xff);
    out[2] = static_cast<char>((msg.size() >> 16) & 0xff);
    return out + msg;
}

// Hands the raw TCP stream to SecretStream after the handshake, replaying bytes that arrived with the
// last handshake frame (the peer's header record may share its TCP segment).
class HandOff final : public ByteStream {
public:
    explicit HandOff(ByteStream* raw) : m_raw(raw) {
        raw->setParent(this);
        connect(raw, &ByteStream::dataReceived, this, [this](const QByteArray& b) { emit dataReceived(b); });
        connect(raw, &ByteStream::remoteEnded, this, [this] { emit remoteEnded(); });
        connect(raw, &ByteStream::drained, this, [this] { emit drained(); });
        connect(raw, &ByteStream::closed, this, [this](const QString& e) { emit closed(e); });
    }
    bool write(const QByteArray& b) override { return m_raw->write(b); }
    void end() override { m_raw->end(); }
    void destroy(const QString& e = {}) override { m_raw->destroy(e); }
    qint64 bytesToWrite() const override { return m_raw->bytesToWrite(); }
    bool isOpen() const override { return m_raw->isOpen(); }
    QString remoteDescription() const override { return m_raw->remoteDescription(); }
    void replay(const QByteArray& b) { emit dataReceived(b); }

private:
    ByteStream* m_raw;
};

struct CppPeer {
    bool initiator = true;
    std::unique_ptr<noise::NoiseHandshake> noise;
    std::unique_ptr<QObject> handshakeScope = std::make_unique<QObject>();
    QByteArray buffer;
    QByteArray remotePayload;
    secretstream::SecretStream* stream = nullptr;
    QByteArray payload;
    qsizetype sent = 0;
    QCryptographicHash recvHash{QCryptographicHash::Sha256};
    qint64 recvBytes = 0;
    bool closed = false;
    QString error;

    void begin(tcp::TcpByteStream* raw, const QByteArray& remoteKey) {
        noise = std::make_unique<noise::NoiseHandshake>(
            noise::NoisePattern::IK, initiator, fromSeedHex(kCppSeed), crypto::nsPeerHandshake(), remoteKey);
        QObject::connect(raw, &ByteStream::dataReceived, handshakeScope.get(),
                         [this, raw](const QByteArray& b) { onHandshakeData(raw, b); });
        QObject::connect(raw, &ByteStream::closed, handshakeScope.get(), [this](const QString& e) {
            closed = true;
            error = QStringLiteral("closed during the handshake: ") + e;
        });
        if (initiator)
            raw->write(frame(noise->writeMessage(kClientPayload).value()));
    }

    void onHandshakeData(tcp::TcpByteStream* raw, const QByteArray& bytes) {
        buffer += bytes;
        if (buffer.size() < 3)
            return;
        const int len = static_cast<uint8_t>(buffer[0]) | (static_cast<uint8_t>(buffer[1]) << 8) |
                        (static_cast<uint8_t>(buffer[2]) << 16);
        if (buffer.size() < 3 + len)
            return;
        auto p = noise->readMessage(buffer.mid(3, len));
        if (!p) {
            error = p.errorMessage();
            closed = true;
            raw->destroy(error);
            return;
        }
        remotePayload = *p;
        if (!initiator)
            raw->write(frame(noise->writeMessage(kServerPayload).value()));
        const QByteArray rest = buffer.mid(3 + len);
        // Stop listening (the stream belongs to SecretStream from here on); the scope object is deleted
        // later because we are inside one of its connections.
        QObject::disconnect(raw, nullptr, handshakeScope.get(), nullptr);
        handshakeScope.release()->deleteLater();
        auto* handOff = new HandOff(raw);
        secretstream::SecretStreamOptions o;
        o.isInitiator = initiator;
        o.handshake = noise->result().value();
        o.keepAliveMs = secretstream::kHyperdhtKeepAliveMs;  // what hyperdht passes
        stream = new secretstream::SecretStream(handOff, std::move(o));
        QObject::connect(stream, &ByteStream::dataReceived, stream, [this](const QByteArray& b) {
            recvHash.addData(b);
            recvBytes += b.size();
        });
        QObject::connect(stream, &ByteStream::drained, stream, [this] { pump(); });
        QObject::connect(stream, &ByteStream::closed, stream, [this](const QString& e) {
            closed = true;
            error = e;
        });
        if (!rest.isEmpty())
            handOff->replay(rest);  // kept by the stream until start()
        stream->start();
        pump();
    }

    void pump() {
        while (sent < payload.size() && stream->bytesToWrite() < 256 * 1024) {
            const qsizetype n = std::min<qsizetype>(64 * 1024, payload.size() - sent);
            stream->write(payload.mid(sent, n));
            sent += n;
        }
        if (sent == payload.size())
            stream->end();
    }
};

}  // namespace

class TestSecretStreamHandshakeOption : public QObject {
    Q_OBJECT
private slots:
    void bothWays_data() {
        QTest::addColumn<bool>("cppInitiator");
        QTest::newRow("cpp-initiator") << true;
        QTest::newRow("cpp-responder") << false;
    }

    /// IK as hyperdht runs it, then secret-stream with the keys handed in: payloads, identities and the
    /// handshake hash agree with Node's, and 1 MiB each way arrives intact.
    void bothWays() {
        QFETCH(bool, cppInitiator);
        const int size = 1024 * 1024;
        CppPeer cpp;
        cpp.initiator = cppInitiator;
        cpp.payload.resize(size);
        for (int i = 0; i < size; ++i)
            cpp.payload[i] = static_cast<char>(QRandomGenerator::global()->generate());
        const crypto::KeyPair nodeKeys = fromSeedHex(kNodeSeed);
        QProcess node;
        QByteArray out;
        connect(&node, &QProcess::readyReadStandardOutput, &node,
                [&] { out += node.readAllStandardOutput(); });
        node.setWorkingDirectory(interopDir());
        const QString script = interopDir() + QStringLiteral("/secretstream_ik_peer.js");
        tcp::TcpListener listener;
        if (cppInitiator) {
            node.start(QStringLiteral("node"), {script, QStringLiteral("listen"), QStringLiteral("0"),
                                                QString::number(size), QLatin1String(kNodeSeed)});
            QTRY_VERIFY_WITH_TIMEOUT(out.contains('\n') || node.state() == QProcess::NotRunning, 30000);
            QVERIFY2(out.startsWith("PORT "), out.constData());
            const auto port = static_cast<quint16>(out.mid(5, out.indexOf('\n') - 5).toUInt());
            cpp.begin(tcp::TcpByteStream::connectTo(QHostAddress::LocalHost, port), nodeKeys.publicKey);
        } else {
            QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
            connect(&listener, &tcp::TcpListener::streamAccepted, this, [&](tcp::TcpByteStream* raw) {
                raw->setParent(nullptr);
                cpp.begin(raw, {});
            });
            node.start(QStringLiteral("node"),
                       {script, QStringLiteral("connect"), QString::number(listener.serverPort()),
                        QString::number(size), QLatin1String(kNodeSeed),
                        QString::fromLatin1(fromSeedHex(kCppSeed).publicKey.toHex())});
        }
        QTRY_VERIFY_WITH_TIMEOUT(cpp.closed && node.state() == QProcess::NotRunning, 60000);
        QJsonObject r;
        for (const QByteArray& line : out.split('\n')) {
            if (line.startsWith('{'))
                r = QJsonDocument::fromJson(line).object();
        }
        QVERIFY2(!r.isEmpty() && !r.contains(QLatin1String("error")),
                 (out + node.readAllStandardError() + "\nC++: " + cpp.error.toUtf8()).constData());
        QCOMPARE(cpp.error, QString());
        QCOMPARE(cpp.remotePayload, cppInitiator ? kServerPayload : kClientPayload);
        QCOMPARE(r[QLatin1String("remotePayload")].toString().toLatin1(),
                 (cppInitiator ? kClientPayload : kServerPayload).toHex());
        QCOMPARE(cpp.stream->handshakeHash().toHex(),
                 r[QLatin1String("handshakeHash")].toString().toLatin1());
        QCOMPARE(cpp.stream->remotePublicKey(), nodeKeys.publicKey);
        QCOMPARE(r[QLatin1String("remotePublicKey")].toString().toLatin1(),
                 fromSeedHex(kCppSeed).publicKey.toHex());
        QCOMPARE(r[QLatin1String("recvBytes")].toInteger(), qint64(size));
        QCOMPARE(r[QLatin1String("recvHash")].toString().toLatin1(),
                 QCryptographicHash::hash(cpp.payload, QCryptographicHash::Sha256).toHex());
        QCOMPARE(cpp.recvBytes, qint64(size));
        QCOMPARE(cpp.recvHash.result().toHex(), r[QLatin1String("sentHash")].toString().toLatin1());
        delete cpp.stream;
    }
};

QTEST_GUILESS_MAIN(TestSecretStreamHandshakeOption)
#include "test_secretstream_handshake_option.moc"
