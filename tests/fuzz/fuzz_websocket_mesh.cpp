// Fuzz target: the WebSocket mesh's receive path as a remote client drives it (core/transport/
// websocket): a real QWebSocketServer behind WebSocketMesh::serve on 127.0.0.1, with a SyncNode
// attached (so binary connections become secret-streams and text ones JSON channels), reached by a
// raw TCP client that sends a valid HTTP upgrade and then the fuzz input as raw WebSocket frame
// bytes (client frames are masked: FIN/opcode, mask bit + length, mask key, payload). Input byte 0:
// bit 0 = legacy JSON allowed on the node; the rest goes on the wire in 1-3 writes (byte 1 picks the
// split). Frame parsing is Qt's; the mesh's first-frame mode choice, its limits, the secret-stream
// handshake and the JSON line path are ours. Invariant: never crash or hang; the server keeps
// accepting (a second connection completes its upgrade after every input).
#include "core/crypto/Ed25519.h"
#include "core/store/Store.h"
#include "core/sync/SyncNode.h"
#include "core/transport/websocket/WebSocketMesh.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace pluresdb;

namespace {
const QString kKeyHex = QStringLiteral("3e5b3e5b3e5b3e5b3e5b3e5b3e5b3e5b3e5b3e5b3e5b3e5b3e5b3e5b3e5b3e5b");

QString tempRoot() {
    return QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
}

QByteArray upgradeRequest(quint16 port) {
    return QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1:") + QByteArray::number(port) +
           "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
}

struct Server {
    QTemporaryDir dir{tempRoot() + QStringLiteral("/fuzz-ws-XXXXXX")};
    std::unique_ptr<store::Store> store;
    std::unique_ptr<sync::SyncNode> node[2];  // [legacy JSON off, on]
    std::unique_ptr<transport::websocket::WebSocketMesh> mesh[2];
    quint16 port[2] = {};

    Server() {
        store::Store::Options so;
        so.durability = store::Store::Durability::Normal;
        auto st = store::Store::open(dir.path(), so);
        if (!st)
            std::abort();
        store = std::move(st).value();
        (void)store->put(QStringLiteral("r"), {{"v", 1}});
        for (int i = 0; i < 2; ++i) {
            sync::SyncNode::Options o;
            o.legacyJson = i == 1;
            auto n = sync::SyncNode::create(*store, kKeyHex, o);
            if (!n)
                std::abort();
            node[i] = std::move(n).value();
            mesh[i] = std::make_unique<transport::websocket::WebSocketMesh>(crypto::generateKeyPair());
            node[i]->attachMesh(mesh[i].get());
            auto p = mesh[i]->serve(QHostAddress::LocalHost, 0);
            if (!p)
                std::abort();
            port[i] = *p;
        }
    }
};

// Connects, upgrades, sends `frames` in pieces; returns when the server closed the connection or
// the bytes have settled.
bool session(quint16 port, const QByteArray& frames, int split) {
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return false;
    s.write(upgradeRequest(port));
    QByteArray reply;
    QDeadlineTimer dl(5000);
    // Client and server share this thread: the server moves only in processEvents(), and loopback
    // delivers at once, so poll (no fixed waits: they capped the rate at ~50 inputs/s); after 100
    // turns without the answer, wait 1 ms per turn so a slow machine is not spun on.
    for (int turn = 0; !reply.contains("\r\n\r\n") && !dl.hasExpired(); ++turn) {
        QCoreApplication::processEvents();
        if (s.waitForReadyRead(turn < 100 ? 0 : 1))
            reply += s.readAll();
    }
    if (!reply.startsWith("HTTP/1.1 101"))
        return false;
    const qsizetype cut1 = frames.size() * (split & 3) / 4, cut2 = frames.size() * ((split >> 2) & 3) / 4;
    const qsizetype a = std::min(cut1, cut2), b = std::max(cut1, cut2);
    for (const QByteArray& piece : {frames.left(a), frames.mid(a, b - a), frames.mid(b)}) {
        if (piece.isEmpty())
            continue;
        s.write(piece);
        s.flush();
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::processEvents();
            s.waitForReadyRead(0);
            s.readAll();
        }
    }
    // Let the server act on it: a few event-loop turns (it may close, answer, or wait for more).
    for (int i = 0; i < 10 && s.state() == QAbstractSocket::ConnectedState; ++i) {
        QCoreApplication::processEvents();
        s.waitForReadyRead(0);
        s.readAll();
    }
    s.abort();
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static int argc = 1;
    static char name[] = "fuzz_websocket_mesh";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static Server server;
    if (size > 64 * 1024)
        return 0;
    const uint8_t mode = size > 0 ? data[0] : 0;
    const int split = size > 1 ? data[1] : 0;
    const QByteArray frames(reinterpret_cast<const char*>(data) + std::min<size_t>(size, 2),
                            static_cast<qsizetype>(size > 2 ? size - 2 : 0));
    const quint16 port = server.port[mode & 1];
    if (!session(port, frames, split))
        std::abort();  // the server stopped accepting or upgrading
    return 0;
}
