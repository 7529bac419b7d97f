// C++ end of the UDX benchmark (tests/bench/udx/bench_udx.py), one process per end on 127.0.0.1:
//   udx_bench recv MIB             bind, print "PORT n", receive MIB MiB, print a JSON report
//   udx_bench send PORT MIB        send MIB MiB in 64 KiB writes, print a JSON report
//   udx_bench echo                 bind, print "PORT n", echo everything back
//   udx_bench ping PORT ROUNDS     64-byte ping-pong, print p50/p99 round-trip times
// With --secure (recv and send) the bytes go through a secret-stream (Noise XX in-band, connection.md
// §5) over the UDX stream; the sender is the initiator. Retransmits are still the UDX stream's.
// Stream ids: receiver/echo 2, sender/pinger 1. The receiving end learns its remote from the
// first packet, as hyperdht's firewall hook does.

#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStream.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

#include <sys/resource.h>

using namespace pluresdb::transport::udx;
using pluresdb::transport::ByteStream;
using pluresdb::transport::secretstream::SecretStream;
using pluresdb::transport::secretstream::SecretStreamOptions;

namespace {

double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

void fail(const QString& why) {
    std::fprintf(stderr, "udx_bench: %s\n", qPrintable(why));
    std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool secure = args.removeAll(QStringLiteral("--secure")) > 0;
    if (args.isEmpty())
        fail(QStringLiteral("usage: udx_bench recv MIB | send PORT MIB | echo | ping PORT ROUNDS"));
    const QString mode = args[0];
    UdxSocket socket;
    if (auto r = socket.bind(QHostAddress::LocalHost, 0); !r)
        fail(r.errorMessage());
    const bool listener = mode == QLatin1String("recv") || mode == QLatin1String("echo");
    auto made = UdxStream::withId(listener ? 2 : 1);
    if (!made)
        fail(made.errorMessage());
    UdxStream& stream = *made.value();
    // `io` carries the benchmark's bytes: the UDX stream, or a secret-stream that then owns it.
    ByteStream* io = &stream;
    SecretStream* secretStream = nullptr;
    if (secure) {
        SecretStreamOptions options;
        options.isInitiator = !listener;
        secretStream = new SecretStream(made.value().release(), std::move(options));  // lives until exit
        io = secretStream;
        QObject::connect(secretStream, &ByteStream::closed, &app, [](const QString& e) {
            if (!e.isEmpty())
                fail(e);
        });
    }
    QObject::connect(&stream, &UdxStream::closed, &app, [&](const QString& e) {
        if (!e.isEmpty())
            fail(e);
        QCoreApplication::exit(0);
    });
    if (listener) {
        stream.acceptFirstPacket(&socket, 1);
        std::printf("PORT %u\n", socket.localPort());
        std::fflush(stdout);
    } else if (args.size() < 3) {
        fail(QStringLiteral("missing arguments"));
    } else if (auto r = stream.connectTo(&socket, 2, QHostAddress::LocalHost, quint16(args[1].toUInt()));
               !r) {
        fail(r.errorMessage());
    }
    if (secretStream)
        secretStream->start();  // a listener keeps the dialer's early bytes until its handshake starts

    // State shared by the handlers below lives here, outside the per-mode blocks, because the
    // handlers run from app.exec() after those blocks have ended.
    QElapsedTimer clock;
    qint64 got = 0, firstNs = 0, sent = 0, pending = 0;
    const QByteArray chunk(64 * 1024, 'Z');
    const QByteArray msg(64, '\1');
    std::vector<double> rtts;
    std::function<void()> pump, go;
    if (mode == QLatin1String("recv")) {
        const qint64 total = args.value(1).toLongLong() << 20;
        QObject::connect(io, &ByteStream::dataReceived, &app, [&, total](const QByteArray& d) {
            if (got == 0) {
                clock.start();
                firstNs = 0;
            }
            got += d.size();
            if (got >= total) {
                const double sec = double(clock.nsecsElapsed() - firstNs) / 1e9;
                std::printf(
                    "{\"side\":\"recv\",\"MiB\":%lld,\"seconds\":%.3f,\"MiBps\":%.1f,\"cpuSec\":%.2f}\n",
                    total >> 20, sec, double(total) / 1048576.0 / sec, cpuSeconds());
                std::fflush(stdout);
                io->end();
            }
        });
    } else if (mode == QLatin1String("send")) {
        const qint64 total = args[2].toLongLong() << 20;
        pump = [&, total] {
            while (sent < total && io->bytesToWrite() < 8 * 1024 * 1024) {
                io->write(chunk);
                sent += chunk.size();
            }
            if (sent >= total)
                io->end();
        };
        QObject::connect(io, &ByteStream::drained, &app, pump);
        QObject::connect(&stream, &UdxStream::closed, &app, [&] {
            const auto s = stream.stats();
            std::printf(
                "{\"side\":\"send\",\"packets\":%llu,\"retransmits\":%llu,\"retransmitPct\":%.3f,\"mtu\":%d,"
                "\"rtoCount\":%llu,\"tlp\":%llu,\"cpuSec\":%.2f,\"gso\":%s}\n",
                s.packetsSent, s.packetsRetransmitted,
                100.0 * double(s.packetsRetransmitted) / double(std::max<quint64>(1, s.packetsSent)), s.mtu,
                s.rtoCount, s.tailLossProbes, cpuSeconds(), socket.gsoEnabled() ? "true" : "false");
            std::fflush(stdout);
        });
        // Also drain what the receiver sends (nothing) so both ENDs complete.
        pump();
    } else if (secure) {
        fail(QStringLiteral("--secure is for recv and send"));
    } else if (mode == QLatin1String("echo")) {
        QObject::connect(&stream, &UdxStream::dataReceived, &stream,
                         [&](const QByteArray& d) { stream.write(d); });
        QObject::connect(&stream, &UdxStream::remoteEnded, &stream, [&] { stream.end(); });
    } else if (mode == QLatin1String("ping")) {
        const int rounds = args[2].toInt();
        rtts.reserve(size_t(rounds));
        go = [&] {
            clock.start();
            stream.write(msg);
        };
        QObject::connect(&stream, &UdxStream::dataReceived, &stream, [&, rounds](const QByteArray& d) {
            pending += d.size();
            if (pending < 64)
                return;
            pending = 0;
            rtts.push_back(double(clock.nsecsElapsed()) / 1000.0);
            if (int(rtts.size()) == rounds) {
                std::sort(rtts.begin(), rtts.end());
                double sum = 0;
                for (double r : rtts)
                    sum += r;
                std::printf(
                    "{\"side\":\"ping\",\"rounds\":%d,\"rttP50Us\":%.0f,\"rttP99Us\":%.0f,\"rttAvgUs\":%.0f}"
                    "\n",
                    rounds, rtts[rtts.size() / 2], rtts[size_t(double(rtts.size()) * 0.99)],
                    sum / double(rtts.size()));
                std::fflush(stdout);
                stream.end();
                return;
            }
            go();
        });
        QObject::connect(&stream, &UdxStream::remoteEnded, &stream, [] {});
        QTimer::singleShot(300, &stream, go);
    } else {
        fail(QStringLiteral("unknown mode"));
    }
    return app.exec();
}
