// `pluresdb-cli net listen|connect --tcp HOST:PORT`: a secret-stream (in-band Noise XX, as
// @hyperswarm/secret-stream runs it stand-alone) over TCP, for debugging the wire stack against
// Node peers. Prints `REMOTE <hex public key>` on stderr once the handshake is done, copies stdin into
// the stream (ending its write side at EOF) and the stream to stdout, and exits 0 once both
// directions have ended; on any failure a message on stderr and exit status 1.
// The UDX variant (`--udx`) lives in its own file; this one answers kNotThisCommand for it.

#include "app/cli/CliCommand.h"
#include "core/crypto/Ed25519.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/tcp/TcpByteStream.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QHostInfo>

#include <atomic>
#include <cstdio>
#include <memory>
#include <semaphore>
#include <thread>

#if defined(Q_OS_WIN)
#include <io.h>
#define PLURES_READ _read
#define PLURES_WRITE _write
#else
#include <unistd.h>
#define PLURES_READ ::read
#define PLURES_WRITE ::write
#endif

namespace pluresdb::cli {
namespace {

using transport::ByteStream;
using transport::secretstream::SecretStream;
using transport::secretstream::SecretStreamOptions;
using transport::tcp::TcpByteStream;
using transport::tcp::TcpListener;

constexpr int kStdinChunk = 64 * 1024;
constexpr int kStdinChunksInFlight = 32;  // bounds memory between the reader thread and the stream

// Reads stdin on a plain thread (portable: stdin may be a pipe, a file or a console) and posts each
// chunk to the event loop; a semaphore keeps it at most kStdinChunksInFlight chunks ahead.
// The shared state outlives the command: the thread may still sit in read() when the command returns.
struct StdinPump : QObject {
    std::counting_semaphore<kStdinChunksInFlight> permits{kStdinChunksInFlight};
    std::atomic<bool> stopped{false};
    std::function<void(const QByteArray&)> onChunk;
    std::function<void(const QString&)> onEnd;  // empty string: EOF

    void start() {
        std::thread([this] {
            for (;;) {
                permits.acquire();
                if (stopped)
                    return;
                QByteArray buf(kStdinChunk, Qt::Uninitialized);
                const auto n = PLURES_READ(0, buf.data(), kStdinChunk);
                if (stopped)
                    return;
                if (n <= 0) {
                    const QString why = n < 0 ? QStringLiteral("reading stdin failed") : QString();
                    QMetaObject::invokeMethod(
                        this,
                        [this, why] {
                            if (!stopped && onEnd)
                                onEnd(why);
                        },
                        Qt::QueuedConnection);
                    return;
                }
                buf.truncate(n);
                QMetaObject::invokeMethod(
                    this,
                    [this, buf] {
                        if (!stopped && onChunk)
                            onChunk(buf);
                    },
                    Qt::QueuedConnection);
            }
        }).detach();
    }
};

bool writeAll(int fd, const QByteArray& bytes) {
    qsizetype off = 0;
    while (off < bytes.size()) {
        const auto n = PLURES_WRITE(fd, bytes.constData() + off, static_cast<unsigned>(bytes.size() - off));
        if (n <= 0)
            return false;
        off += n;
    }
    return true;
}

struct Endpoint {
    QHostAddress host;
    quint16 port = 0;
};

bool parseEndpoint(const QByteArray& arg, Endpoint* out, QString* error) {
    const qsizetype colon = arg.lastIndexOf(':');
    if (colon <= 0) {
        *error = QStringLiteral("expected HOST:PORT, got '%1'").arg(QString::fromUtf8(arg));
        return false;
    }
    QByteArray host = arg.left(colon);
    if (host.startsWith('[') && host.endsWith(']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = arg.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535) {
        *error = QStringLiteral("bad port in '%1'").arg(QString::fromUtf8(arg));
        return false;
    }
    out->port = static_cast<quint16>(port);
    if (out->host.setAddress(QString::fromUtf8(host)))
        return true;
    const QHostInfo info = QHostInfo::fromName(QString::fromUtf8(host));
    if (info.addresses().isEmpty()) {
        *error = QStringLiteral("cannot resolve '%1'").arg(QString::fromUtf8(host));
        return false;
    }
    out->host = info.addresses().first();
    return true;
}

int runNetTcp(CliContext& ctx) {
    const QByteArrayList& args = ctx.args;
    if (args.isEmpty() || (args[0] != "listen" && args[0] != "connect"))
        return kNotThisCommand;
    QByteArray tcpArg;
    QByteArray seedHex;
    bool hasTcp = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QByteArray& a = args[i];
        if (a == "--tcp" && i + 1 < args.size()) {
            tcpArg = args[++i];
            hasTcp = true;
        } else if (a.startsWith("--tcp=")) {
            tcpArg = a.mid(6);
            hasTcp = true;
        } else if (a == "--seed" && i + 1 < args.size()) {
            seedHex = args[++i];
        } else if (a.startsWith("--udx")) {
            if (!hasTcp)
                return kNotThisCommand;
        } else if (a != "--tcp") {
            ctx.err << "pluresdb-cli net: unknown argument '" << QString::fromUtf8(a) << "'\n";
            return 2;
        }
    }
    if (!hasTcp)
        return kNotThisCommand;
    Endpoint ep;
    QString error;
    if (!parseEndpoint(tcpArg, &ep, &error)) {
        ctx.err << "pluresdb-cli net: " << error << "\n";
        return 2;
    }
    SecretStreamOptions options;
    options.isInitiator = args[0] == "connect";
    if (!seedHex.isEmpty()) {
        const QByteArray seed = QByteArray::fromHex(seedHex);
        auto kp = crypto::keyPairFromSeed(crypto::SecureBytes::fromByteArray(seed));
        if (seed.size() != 32 || seedHex.size() != 64 || !kp) {
            ctx.err << "pluresdb-cli net: --seed needs 64 hex characters\n";
            return 2;
        }
        options.keyPair = std::move(kp).value();
    }

    QEventLoop loop;
    int exitCode = 1;
    SecretStream* stream = nullptr;
    auto* pump = new StdinPump;  // deliberately outlives the command (see StdinPump)
    qint64 deferredPermits = 0;
    constexpr qint64 kHighWater = 8 * 1024 * 1024;

    auto finish = [&](int code, const QString& message) {
        if (!message.isEmpty())
            ctx.err << "pluresdb-cli net: " << message << "\n";
        ctx.err.flush();
        exitCode = code;
        pump->stopped = true;
        pump->permits.release();  // wake the reader if it waits for a permit
        loop.exit(code);
    };

    auto startStream = [&](ByteStream* raw) {
        stream = new SecretStream(raw, std::move(options), &loop);
        QObject::connect(stream, &ByteStream::connected, stream, [&] {
            ctx.err << "REMOTE " << stream->remotePublicKey().toHex() << "\n";
            ctx.err.flush();
        });
        QObject::connect(stream, &ByteStream::dataReceived, stream, [&](const QByteArray& bytes) {
            if (!writeAll(1, bytes)) {
                stream->destroy(QStringLiteral("writing stdout failed"));
            }
        });
        QObject::connect(stream, &ByteStream::drained, stream, [&] {
            for (; deferredPermits > 0; --deferredPermits)
                pump->permits.release();
        });
        QObject::connect(stream, &ByteStream::closed, stream, [&](const QString& e) {
            if (e.isEmpty())
                finish(0, {});
            else
                finish(1, e);
        });
        pump->onChunk = [&](const QByteArray& chunk) {
            if (!stream->write(chunk))
                return;
            if (stream->bytesToWrite() > kHighWater)
                ++deferredPermits;
            else
                pump->permits.release();
        };
        pump->onEnd = [&](const QString& why) {
            if (!why.isEmpty())
                stream->destroy(why);
            else
                stream->end();
        };
        stream->start();
        pump->start();
    };

    std::unique_ptr<TcpListener> listener;
    if (options.isInitiator) {
        startStream(TcpByteStream::connectTo(ep.host, ep.port));
    } else {
        listener = std::make_unique<TcpListener>();
        if (!listener->listen(ep.host, ep.port)) {
            ctx.err << "pluresdb-cli net: cannot listen on " << QString::fromUtf8(tcpArg) << ": "
                    << listener->errorString() << "\n";
            return 1;
        }
        // The bound address, so a caller that asked for port 0 can find it.
        ctx.err << "LISTENING " << ep.host.toString() << ":" << listener->serverPort() << "\n";
        ctx.err.flush();
        QObject::connect(listener.get(), &TcpListener::streamAccepted, &loop, [&](TcpByteStream* raw) {
            listener->close();  // one connection per run
            raw->setParent(nullptr);
            startStream(raw);
        });
    }
    loop.exec();
    delete stream;
    stream = nullptr;
    std::fflush(stdout);
    return exitCode;
}

const CliCommandRegistration kRegistration{
    CliCommand{"net", "net listen --tcp HOST:PORT [--seed HEX]\nnet connect --tcp HOST:PORT [--seed HEX]",
               "secret-stream over TCP: stdin -> peer, peer -> stdout; prints REMOTE <public key> on stderr",
               runNetTcp}};

}  // namespace
}  // namespace pluresdb::cli
