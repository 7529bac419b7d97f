// The C++ half of tests/bench/wire/run.sh: the same operations as wire_bench.js, one JSON line each.
//   ik       Noise IK, both sides in one process, hyperdht prologue, 40-byte payloads, fresh ephemerals
//   xx       Noise XX, both sides, empty prologue and payloads (secret-stream stand-alone)
//   records  secret-stream with keys handed in, writer -> in-memory pipe -> reader: framing, encrypt,
//            parse, decrypt; MiB/s of plaintext delivered, for 1 KiB and 64 KiB records
//   crypto   bare secretstream push+pull (libsodium through our wrapper), for reference
//   dh, kp   one noise-curve-ed DH (spec connection.md §2.3) and one key pair, for reference: a
//            handshake cannot cost less than its DHs and key pairs (IK: 8 DH + 2 key pairs for both
//            sides, XX: 6 DH + 2 key pairs), which run.sh prints as the handshakes' floor
// Usage: bench_wire [MiB per record run, default 128]
//        bench_wire tcp-recv MiB      listens on 127.0.0.1 (prints PORT n), receives, prints MiB/s
//        bench_wire tcp-send PORT MiB  connects and sends MiB in 64 KiB writes (stand-alone XX handshake)

#include "core/crypto/Ed25519.h"
#include "core/crypto/Namespaces.h"
#include "core/crypto/SecretStreamCipher.h"
#include "core/transport/ByteStream.h"
#include "core/transport/noise/NoiseHandshake.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/tcp/TcpByteStream.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

using namespace pluresdb;
using namespace pluresdb::transport;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// CPU time of the whole process: on a shared machine this is steadier than wall time, and Node's
// process.cpuUsage() reports the same quantity.
double cpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct Timing {
    double wallMs;
    double cpuMs;
};

template <typename F>
Timing perOp(int n, F&& f) {
    for (int i = 0; i < 50; ++i)
        f();  // warm-up
    const auto t0 = Clock::now();
    const double c0 = cpuMs();
    for (int i = 0; i < n; ++i)
        f();
    return {msSince(t0) / n, (cpuMs() - c0) / n};
}

// Delivers writes to the peer synchronously (no event loop): the cost measured is secret-stream's.
class DirectPipe final : public ByteStream {
public:
    DirectPipe* peer = nullptr;
    bool write(const QByteArray& bytes) override {
        emit peer->dataReceived(bytes);
        return true;
    }
    void end() override {}
    void destroy(const QString& error = {}) override { emit closed(error); }
    qint64 bytesToWrite() const override { return 0; }
    bool isOpen() const override { return true; }
    QString remoteDescription() const override { return QStringLiteral("direct"); }
};

Timing recordThroughput(int recordBytes, qint64 totalBytes) {
    noise::NoiseResult ki, kr;
    const crypto::KeyPair a = crypto::generateKeyPair(), b = crypto::generateKeyPair();
    ki.isInitiator = true;
    ki.tx = crypto::SecureBytes::fromByteArray(QByteArray(32, '\x01'));
    ki.rx = crypto::SecureBytes::fromByteArray(QByteArray(32, '\x02'));
    ki.handshakeHash = QByteArray(64, '\x03');
    ki.publicKey = a.publicKey;
    ki.remotePublicKey = b.publicKey;
    kr = ki;
    kr.isInitiator = false;
    kr.tx = ki.rx;
    kr.rx = ki.tx;
    auto* pa = new DirectPipe;
    auto* pb = new DirectPipe;
    pa->peer = pb;
    pb->peer = pa;
    secretstream::SecretStreamOptions oi, orr;
    oi.handshake = ki;
    oi.handshakeTimeoutMs = 0;
    orr.isInitiator = false;
    orr.handshake = kr;
    orr.handshakeTimeoutMs = 0;
    secretstream::SecretStream writer(pa, std::move(oi));
    secretstream::SecretStream reader(pb, std::move(orr));
    qint64 received = 0;
    QObject::connect(&reader, &ByteStream::dataReceived, &reader,
                     [&](const QByteArray& d) { received += d.size(); });
    reader.start();
    writer.start();
    const QByteArray record(recordBytes, '\x01');
    const qint64 n = totalBytes / recordBytes;
    const auto t0 = Clock::now();
    const double c0 = cpuMs();
    for (qint64 i = 0; i < n; ++i)
        writer.write(record);
    const double ms = msSince(t0);
    const double cms = cpuMs() - c0;
    if (received != n * recordBytes) {
        std::fprintf(stderr, "bench_wire: records lost (%lld of %lld bytes)\n",
                     static_cast<long long>(received), static_cast<long long>(n * recordBytes));
        std::exit(1);
    }
    const double mib = static_cast<double>(received) / (1024.0 * 1024.0);
    return {mib / (ms / 1000.0), mib / (cms / 1000.0)};  // MiB/s of wall and of CPU time
}

Timing cryptoThroughput(int recordBytes, qint64 totalBytes) {
    const auto key = crypto::SecureBytes::fromByteArray(QByteArray(32, '\x05'));
    crypto::SecretStreamPush push;
    crypto::SecretStreamPull pull;
    pull.init(key, push.init(key));
    QByteArray msg(recordBytes, '\x01'), c(recordBytes + 17, '\0'), out(recordBytes, '\0');
    const qint64 n = std::max<qint64>(1000, totalBytes / recordBytes);
    const auto t0 = Clock::now();
    const double c0 = cpuMs();
    for (qint64 i = 0; i < n; ++i) {
        push.push(msg.constData(), recordBytes, c.data());
        if (!pull.pull(c.constData(), c.size(), out.data()))
            std::exit(1);
    }
    const double mib = static_cast<double>(n) * recordBytes / (1024.0 * 1024.0);
    return {mib / (msSince(t0) / 1000.0), mib / ((cpuMs() - c0) / 1000.0)};
}

// Secret-stream over TCP between two processes: the receiver times first to last byte.
int tcpReceive(qint64 mib) {
    tcp::TcpListener listener;
    if (!listener.listen(QHostAddress::LocalHost, 0))
        return 1;
    std::printf("PORT %d\n", listener.serverPort());
    std::fflush(stdout);
    const qint64 total = mib * 1024 * 1024;
    qint64 got = 0;
    Clock::time_point t0;
    double c0 = 0;
    int rc = 1;
    QObject::connect(&listener, &tcp::TcpListener::streamAccepted, &listener, [&](tcp::TcpByteStream* raw) {
        raw->setParent(nullptr);
        secretstream::SecretStreamOptions o;
        o.isInitiator = false;
        auto* s = new secretstream::SecretStream(raw, std::move(o), &listener);
        QObject::connect(s, &ByteStream::dataReceived, s, [&, s](const QByteArray& d) {
            if (got == 0) {
                t0 = Clock::now();
                c0 = cpuMs();
            }
            got += d.size();
            if (got >= total) {
                const double sec = msSince(t0) / 1000.0;
                const double mibGot = static_cast<double>(got) / 1048576.0;
                std::printf("{\"impl\":\"cpp\",\"tcpMiBps\":%.1f,\"tcpRecvCpuMiBps\":%.1f}\n", mibGot / sec,
                            mibGot / ((cpuMs() - c0) / 1000.0));
                rc = 0;
                s->end();
            }
        });
        QObject::connect(s, &ByteStream::closed, s, [&](const QString&) { QCoreApplication::exit(rc); });
        s->start();
    });
    return QCoreApplication::exec();
}

int tcpSend(quint16 port, qint64 mib) {
    auto* s =
        new secretstream::SecretStream(tcp::TcpByteStream::connectTo(QHostAddress::LocalHost, port), {});
    const QByteArray chunk(64 * 1024, '\x01');
    qint64 left = mib * 1024 * 1024;
    auto pump = [&] {
        while (left > 0 && s->bytesToWrite() < 4 * chunk.size()) {
            s->write(chunk);
            left -= chunk.size();
        }
        if (left <= 0)
            s->end();
    };
    QObject::connect(s, &ByteStream::connected, s, pump);
    QObject::connect(s, &ByteStream::drained, s, pump);
    QObject::connect(s, &ByteStream::closed, s,
                     [](const QString& e) { QCoreApplication::exit(e.isEmpty() ? 0 : 1); });
    s->start();
    return QCoreApplication::exec();
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc >= 3 && QByteArray(argv[1]) == "tcp-recv")
        return tcpReceive(std::atoll(argv[2]));
    if (argc >= 4 && QByteArray(argv[1]) == "tcp-send")
        return tcpSend(static_cast<quint16>(std::atoi(argv[2])), std::atoll(argv[3]));
    const qint64 mib = argc > 1 ? std::atoll(argv[1]) : 128;
    const crypto::KeyPair client = crypto::generateKeyPair(), server = crypto::generateKeyPair();
    const QByteArray payload(40, '\x01');

    const Timing ik = perOp(1000, [&] {
        noise::NoiseHandshake i(noise::NoisePattern::IK, true, client, crypto::nsPeerHandshake(),
                                server.publicKey);
        noise::NoiseHandshake r(noise::NoisePattern::IK, false, server, crypto::nsPeerHandshake());
        if (!r.readMessage(i.writeMessage(payload).value()).ok() ||
            !i.readMessage(r.writeMessage(payload).value()).ok() || i.handshakeHash() != r.handshakeHash()) {
            std::exit(1);
        }
    });
    const Timing xx = perOp(1000, [&] {
        noise::NoiseHandshake i(noise::NoisePattern::XX, true, client);
        noise::NoiseHandshake r(noise::NoisePattern::XX, false, server);
        if (!r.readMessage(i.writeMessage().value()).ok() || !i.readMessage(r.writeMessage().value()).ok() ||
            !r.readMessage(i.writeMessage().value()).ok() || i.handshakeHash() != r.handshakeHash()) {
            std::exit(1);
        }
    });
    const Timing dh = perOp(2000, [&] {
        if (!crypto::ed25519Dh(client, server.publicKey))
            std::exit(1);
    });
    const Timing kp = perOp(2000, [] { (void)crypto::generateKeyPair(); });
    std::printf("{\"impl\":\"cpp\",\"ikMs\":%.4f,\"ikCpuMs\":%.4f,\"xxMs\":%.4f,\"xxCpuMs\":%.4f", ik.wallMs,
                ik.cpuMs, xx.wallMs, xx.cpuMs);
    std::printf(",\"dhCpuMs\":%.5f,\"kpCpuMs\":%.5f", dh.cpuMs, kp.cpuMs);
    for (int size : {1024, 65536}) {
        const Timing r = recordThroughput(size, mib * 1024 * 1024);
        const Timing c = cryptoThroughput(size, mib * 1024 * 1024);
        std::printf(",\"records%dMiBps\":%.1f,\"records%dCpuMiBps\":%.1f", size, r.wallMs, size, r.cpuMs);
        std::printf(",\"crypto%dMiBps\":%.1f,\"crypto%dCpuMiBps\":%.1f", size, c.wallMs, size, c.cpuMs);
    }
    std::printf("}\n");
    return 0;
}
