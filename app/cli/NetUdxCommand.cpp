// `pluresdb-cli net listen|connect --udx HOST:PORT --id N --remote-id M [--secure [--seed HEX]]`: a UDX
// stream as a pipe, for debugging and interop tests (spec/connection.md §6). stdin goes into the
// stream (END at EOF), the stream goes to stdout; exit 0 once both directions have ended, 1 with a
// message on stderr on any failure (reset, timeout, handshake failure, socket error), 2 on a usage error.
//
// With --secure the UDX stream carries a secret-stream with the in-band Noise XX handshake
// (connection.md §5; connect is the initiator), as @hyperswarm/secret-stream runs over a udx-native
// stream; --seed fixes the static key pair (64 hex characters), else a fresh one is made.
//
// stderr protocol: `LISTENING HOST:PORT` once bound (listen), then `REMOTE HOST:PORT` when the
// remote is known (listen: learned from the first packet; connect: at once) for raw UDX, which has
// no key, or `REMOTE <hex public key>` once the handshake is done with --secure.
// The TCP variant of `net` lives in its own file; without --udx this one steps aside.

#include "app/cli/CliCommand.h"
#include "app/cli/Stdio.h"
#include "core/crypto/Ed25519.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStream.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>

#include <cstdio>
#include <memory>

namespace pluresdb::cli {
namespace {

using transport::ByteStream;
using transport::secretstream::SecretStream;
using transport::secretstream::SecretStreamOptions;
using transport::udx::UdxSocket;
using transport::udx::UdxStream;

constexpr qint64 kStdinChunk = 64 * 1024;
constexpr qint64 kMaxQueued = 4 * 1024 * 1024;  // stop reading stdin while this much is unsent

struct NetUdxArgs {
    bool listen = false;
    QHostAddress host;
    quint16 port = 0;
    quint32 id = 0;
    quint32 remoteId = 0;
    bool secure = false;
    QByteArray seedHex;  // --seed: the secret-stream static key pair's seed
};

bool parseId(const QByteArray& s, quint32* out) {
    bool ok = false;
    const qulonglong v = s.startsWith("0x") ? s.mid(2).toULongLong(&ok, 16) : s.toULongLong(&ok, 10);
    if (!ok || v > 0xFFFFFFFFull)
        return false;
    *out = quint32(v);
    return true;
}

bool parseHostPort(const QByteArray& s, QHostAddress* host, quint16* port) {
    const int colon = s.lastIndexOf(':');
    if (colon <= 0)
        return false;
    QByteArray h = s.left(colon);
    if (h.startsWith('[') && h.endsWith(']'))
        h = h.mid(1, h.size() - 2);
    bool ok = false;
    const uint p = s.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535 || !host->setAddress(QString::fromLatin1(h)))
        return false;
    *port = quint16(p);
    return true;
}

// Returns an error text for a usage error, empty if fine.
QString parseArgs(const QByteArrayList& args, NetUdxArgs* a) {
    if (args.isEmpty() || (args[0] != "listen" && args[0] != "connect"))
        return QStringLiteral("expected listen or connect");
    a->listen = args[0] == "listen";
    bool haveAddr = false, haveId = false, haveRemote = false;
    for (int i = 1; i < args.size(); ++i) {
        const QByteArray& k = args[i];
        if (k == "--secure") {
            a->secure = true;
            continue;
        }
        if (i + 1 >= args.size())
            return QStringLiteral("%1 needs a value").arg(QString::fromUtf8(k));
        const QByteArray& v = args[++i];
        if (k == "--udx") {
            if (!parseHostPort(v, &a->host, &a->port))
                return QStringLiteral("--udx needs HOST:PORT");
            haveAddr = true;
        } else if (k == "--id") {
            if (!parseId(v, &a->id))
                return QStringLiteral("--id needs a 32-bit number");
            haveId = true;
        } else if (k == "--seed") {
            a->seedHex = v;
        } else if (k == "--remote-id") {
            if (!parseId(v, &a->remoteId))
                return QStringLiteral("--remote-id needs a 32-bit number");
            haveRemote = true;
        } else {
            return QStringLiteral("unknown option %1").arg(QString::fromUtf8(k));
        }
    }
    if (!haveAddr || !haveId || !haveRemote)
        return QStringLiteral("--udx, --id and --remote-id are required");
    if (!a->listen && a->port == 0)
        return QStringLiteral("connect needs a port");
    if (!a->seedHex.isEmpty() && !a->secure)
        return QStringLiteral("--seed needs --secure");
    return {};
}

// The secret-stream options for --secure, or an error text for a bad --seed.
QString secureOptions(const NetUdxArgs& a, SecretStreamOptions* options) {
    options->isInitiator = !a.listen;  // §5.2: the dialing side sends the first handshake message
    if (a.seedHex.isEmpty())
        return {};
    const QByteArray seed = QByteArray::fromHex(a.seedHex);
    auto kp = crypto::keyPairFromSeed(crypto::SecureBytes::fromByteArray(seed));
    if (a.seedHex.size() != 64 || seed.size() != 32 || !kp)
        return QStringLiteral("--seed needs 64 hex characters");
    options->keyPair = std::move(kp).value();
    return {};
}

int runNetUdx(CliContext& ctx) {
    if (!ctx.args.contains("--udx"))
        return kNotThisCommand;
    NetUdxArgs a;
    QString usage = parseArgs(ctx.args, &a);
    SecretStreamOptions options;
    if (usage.isEmpty() && a.secure)
        usage = secureOptions(a, &options);
    if (!usage.isEmpty()) {
        ctx.err << "pluresdb-cli: net: " << usage << "\n";
        return 2;
    }
    UdxSocket socket;
    const QHostAddress bindHost = a.listen ? a.host
                                  : a.host.protocol() == QAbstractSocket::IPv6Protocol
                                      ? QHostAddress(QHostAddress::AnyIPv6)
                                      : QHostAddress(QHostAddress::AnyIPv4);
    if (auto r = socket.bind(bindHost, a.listen ? a.port : 0); !r) {
        ctx.err << "pluresdb-cli: net: " << r.errorMessage() << "\n";
        return 1;
    }
    auto made = UdxStream::withId(a.id);
    if (!made) {
        ctx.err << "pluresdb-cli: net: " << made.errorMessage() << "\n";
        return 1;
    }
    // `udx` is the transport; `top` is what stdin/stdout talk to: the UDX stream itself, or the
    // secret-stream over it, which then owns it.
    std::unique_ptr<ByteStream> top = std::move(made.value());
    UdxStream* udx = static_cast<UdxStream*>(top.get());
    SecretStream* secure = nullptr;
    if (a.secure) {
        secure = new SecretStream(top.release(), std::move(options));
        top.reset(secure);
    }
    QEventLoop loop;
    int exitCode = 0;
    if (secure) {
        QObject::connect(secure, &ByteStream::connected, &loop, [&] {
            ctx.err << "REMOTE " << secure->remotePublicKey().toHex() << "\n";
            ctx.err.flush();
        });
    } else {
        QObject::connect(udx, &ByteStream::connected, &loop, [&] {
            ctx.err << "REMOTE " << udx->remoteDescription() << "\n";
            ctx.err.flush();
        });
    }
    QObject::connect(top.get(), &ByteStream::dataReceived, &loop, [&](const QByteArray& d) {
        if (!writeStdout(d.constData(), d.size()))
            top->destroy(QStringLiteral("cannot write stdout"));
    });
    QObject::connect(top.get(), &ByteStream::closed, &loop, [&](const QString& error) {
        if (!error.isEmpty()) {
            ctx.err << "pluresdb-cli: net: " << error << "\n";
            exitCode = 1;
        }
        loop.exit(exitCode);
    });

    StdinReader stdinReader(kStdinChunk);
    bool stdinDone = false;
    stdinReader.onEnd = [&] {
        stdinDone = true;
        top->end();
    };
    stdinReader.onChunk = [&](const QByteArray& chunk) {
        top->write(chunk);
        if (top->bytesToWrite() > kMaxQueued)
            stdinReader.setEnabled(false);
    };
    QObject::connect(top.get(), &ByteStream::drained, &loop, [&] {
        if (top->isOpen() && !stdinDone)
            stdinReader.setEnabled(true);
    });

    if (a.listen) {
        ctx.err << "LISTENING "
                << (socket.isIpv6() ? QStringLiteral("[%1]:%2") : QStringLiteral("%1:%2"))
                       .arg(socket.localAddress().toString())
                       .arg(socket.localPort())
                << "\n";
        ctx.err.flush();
        udx->acceptFirstPacket(&socket, a.remoteId);
        // Start reading stdin once the remote is known; until then there is nowhere to send. The
        // secret-stream starts then too, so its handshake deadline counts from the dialer's first
        // packet, not from how long we waited (bytes that arrive first are kept until start()).
        QObject::connect(udx, &ByteStream::connected, &loop, [&] {
            if (secure)
                secure->start();
            stdinReader.setEnabled(true);
        });
    } else {
        stdinReader.setEnabled(true);
        if (auto r = udx->connectTo(&socket, a.remoteId, a.host, a.port); !r) {
            ctx.err << "pluresdb-cli: net: " << r.errorMessage() << "\n";
            return 1;
        }
        if (secure)
            secure->start();
    }
    ctx.out.flush();
    return loop.exec();
}

const CliCommandRegistration kRegistration{CliCommand{
    "net",
    "net listen --udx HOST:PORT --id N --remote-id M [--secure [--seed HEX]]\n"
    "net connect --udx HOST:PORT --id N --remote-id M [--secure [--seed HEX]]",
    "pipe stdin/stdout over a UDX stream, raw or with --secure a secret-stream (Noise XX) over it; "
    "listen learns the remote from the first packet",
    runNetUdx}};

}  // namespace
}  // namespace pluresdb::cli
