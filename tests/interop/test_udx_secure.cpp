// Secret-stream over UDX against the unmodified npm packages on 127.0.0.1 (spec/connection.md §5
// over §6): our SecretStream over our UdxStream talks to @hyperswarm/secret-stream 6.9.2 over a
// udx-native 1.21.3 stream, with C++ as Noise XX initiator (dialing) and as responder (learning the
// remote from the first packet). Payloads go both ways at once and are checked by SHA-256; the
// public keys each side reports are the ones the other side was given; unordered datagrams
// (secret-stream send/trySend over UDX MESSAGE packets, §5.5, §6.16) cross both ways.

#include "core/crypto/Ed25519.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStream.h"
#include "tests/interop/UdxNodePeer.h"
#include "tests/unit/udx/UdxTestHelpers.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::transport::udx;
using namespace pluresdb::test::udx;
using transport::ByteStream;
using transport::secretstream::SecretStream;
using transport::secretstream::SecretStreamOptions;

namespace {

constexpr quint32 kNodeId = 0x0A0B0C0D;
const QByteArray kCppSeed = QByteArray(32, '\x11');
const QByteArray kNodeSeed = QByteArray(32, '\x22');

crypto::KeyPair keyPairFor(const QByteArray& seed) {
    return crypto::keyPairFromSeed(crypto::SecureBytes::fromByteArray(seed)).value();
}

// Our end: a socket, a UDX stream and the secret-stream over it, with what it delivered.
struct CppEnd {
    UdxSocket socket;
    UdxStream* udx = nullptr;  // owned by `secure`
    std::unique_ptr<SecretStream> secure;
    QCryptographicHash hash{QCryptographicHash::Sha256};
    qint64 bytes = 0;
    bool remoteEnded = false;
    bool handshakeDone = false;
    bool closed = false;
    QString closeError;
    QList<QByteArray> datagrams;  // opened
    int badDatagrams = 0;         // MESSAGE packets that failed to open

    explicit CppEnd(bool initiator) {
        if (!socket.bind(QHostAddress::LocalHost, 0).ok())
            qFatal("bind failed");
        udx = new UdxStream;
        SecretStreamOptions options;
        options.isInitiator = initiator;
        options.keyPair = keyPairFor(kCppSeed);
        secure = std::make_unique<SecretStream>(udx, std::move(options));
        QObject::connect(secure.get(), &ByteStream::connected, secure.get(),
                         [this] { handshakeDone = true; });
        QObject::connect(secure.get(), &ByteStream::dataReceived, secure.get(), [this](const QByteArray& d) {
            hash.addData(d);
            bytes += d.size();
        });
        QObject::connect(secure.get(), &ByteStream::remoteEnded, secure.get(),
                         [this] { remoteEnded = true; });
        QObject::connect(secure.get(), &ByteStream::closed, secure.get(), [this](const QString& e) {
            closed = true;
            closeError = e;
        });
        QObject::connect(udx, &UdxStream::messageReceived, secure.get(), [this](const QByteArray& m) {
            auto opened = secure->openDatagram(m);
            if (opened)
                datagrams << opened.value();
            else
                ++badDatagrams;
        });
    }
    bool sendDatagram(const QByteArray& message) {
        auto sealed = secure->sealDatagram(message);
        return sealed && udx->sendMessage(sealed.value());
    }
};

QJsonObject config(const QString& mode, quint32 remoteId, int remotePort, bool nodeInitiates, qint64 size) {
    QJsonObject c{{"mode", mode},
                  {"id", double(kNodeId)},
                  {"remoteId", double(remoteId)},
                  {"size", double(size)},
                  {"seed", QString::fromLatin1(kNodeSeed.toHex())},
                  {"initiator", nodeInitiates},
                  {"timeoutMs", 60000}};
    c.insert(QStringLiteral("remotePort"), remotePort > 0 ? QJsonValue(remotePort) : QJsonValue());
    return c;
}

// Connects `cpp` and the Node peer: C++ initiator dials a Node responder that learns it from the
// first packet; C++ responder learns the Node initiator that dials it. Null on failure.
std::unique_ptr<NodeUdxPeer> startPair(CppEnd& cpp, bool cppInitiates, const QString& mode, qint64 size) {
    std::unique_ptr<NodeUdxPeer> node;
    if (cppInitiates) {
        node = std::make_unique<NodeUdxPeer>(config(mode, cpp.udx->localId(), 0, false, size),
                                             QStringLiteral("udx_secure_peer.js"));
        const quint16 port = node->waitReady();
        if (!port || !cpp.udx->connectTo(&cpp.socket, kNodeId, QHostAddress::LocalHost, port).ok())
            return nullptr;
    } else {
        cpp.udx->acceptFirstPacket(&cpp.socket, kNodeId);
        node = std::make_unique<NodeUdxPeer>(
            config(mode, cpp.udx->localId(), cpp.socket.localPort(), true, size),
            QStringLiteral("udx_secure_peer.js"));
        if (!node->waitReady())
            return nullptr;
    }
    cpp.secure->start();
    return node;
}

}  // namespace

class TestUdxSecureInterop : public QObject {
    Q_OBJECT
private slots:
    void transferBothWays_data() {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<bool>("cppInitiates");
        for (bool initiator : {true, false}) {
            const char* who = initiator ? "C++ initiator" : "C++ responder";
            for (qint64 size : {qint64(0), qint64(1), qint64(64 << 10), qint64(16 << 20)})
                QTest::addRow("%s, %lld B each way", who, size) << size << initiator;
        }
    }
    /// Both ends send `size` bytes through the secret-stream at once and end: each side's received
    /// hash is the other's sent hash, both see the end and close cleanly, the handshake hashes agree,
    /// and each side's remote public key is the key the other side was seeded with.
    void transferBothWays() {
        QFETCH(qint64, size);
        QFETCH(bool, cppInitiates);
        CppEnd cpp(cppInitiates);
        auto node = startPair(cpp, cppInitiates, QStringLiteral("transfer"), size);
        QVERIFY(node);
        const QByteArray data = payload(size, 21);
        for (qint64 off = 0; off < size; off += 1 << 20)
            QVERIFY(cpp.secure->write(data.mid(off, 1 << 20)));
        cpp.secure->end();
        const QJsonObject r = node->waitResult(60000);
        QVERIFY2(!r.isEmpty(), node->stderrText().constData());
        QVERIFY(waitFor([&] { return cpp.closed; }, 10000));
        QCOMPARE(r.value("error").toVariant().toString(), QString());
        QCOMPARE(cpp.closeError, QString());
        QVERIFY(cpp.handshakeDone);
        QCOMPARE(qint64(r.value("received").toDouble()), size);
        QCOMPARE(r.value("recvHash").toString().toLatin1(), sha256(data));
        QCOMPARE(cpp.bytes, size);
        QCOMPARE(cpp.hash.result().toHex(), r.value("sentHash").toString().toLatin1());
        QVERIFY(r.value("ended").toBool());
        QVERIFY(cpp.remoteEnded);
        QCOMPARE(cpp.secure->publicKey().toHex(), keyPairFor(kCppSeed).publicKey.toHex());
        QCOMPARE(r.value("remotePublicKey").toString().toLatin1(), cpp.secure->publicKey().toHex());
        QCOMPARE(cpp.secure->remotePublicKey().toHex(), keyPairFor(kNodeSeed).publicKey.toHex());
        QCOMPARE(r.value("publicKey").toString().toLatin1(), cpp.secure->remotePublicKey().toHex());
        QCOMPARE(r.value("handshakeHash").toString().toLatin1(), cpp.secure->handshakeHash().toHex());
    }

    void datagramsBothWays_data() {
        QTest::addColumn<bool>("cppInitiates");
        QTest::addRow("C++ initiator") << true;
        QTest::addRow("C++ responder") << false;
    }
    /// Unordered datagrams both ways: Node opens what we seal (it echoes it with send()) and we open
    /// what it seals with send() and trySend(); nothing fails to open. Resent until answered, since
    /// datagrams are unreliable by design.
    void datagramsBothWays() {
        QFETCH(bool, cppInitiates);
        CppEnd cpp(cppInitiates);
        auto node = startPair(cpp, cppInitiates, QStringLiteral("datagrams"), 0);
        QVERIFY(node);
        QVERIFY(waitFor([&] { return cpp.handshakeDone; }, 10000));
        const QByteArray hello = "hi from c++ over udx";
        QVERIFY(waitFor(
            [&] {
                if (cpp.datagrams.contains("echo:" + hello) && cpp.datagrams.contains("from-node"))
                    return true;
                cpp.sendDatagram(hello);
                QTest::qWait(100);
                return false;
            },
            10000));
        QCOMPARE(cpp.badDatagrams, 0);
        cpp.secure->end();
        const QJsonObject r = node->waitResult(10000);
        QVERIFY2(!r.isEmpty(), node->stderrText().constData());
        QCOMPARE(r.value("error").toVariant().toString(), QString());
        QVERIFY(!r.value("messages").toArray().isEmpty());
        for (const QJsonValue& m : r.value("messages").toArray())
            QCOMPARE(m.toString().toLatin1(), hello);
        QVERIFY(waitFor([&] { return cpp.closed; }, 10000));
        QCOMPARE(cpp.closeError, QString());
    }
};

QTEST_GUILESS_MAIN(TestUdxSecureInterop)
#include "test_udx_secure.moc"
