// The C++ half of tests/bench/wire/run.sh: the same operations as wire_bench.js, one JSON line each.
//   ik       Noise IK, both sides in one process, hyperdht prologue, 40-byte payloads, fresh ephemerals
//   xx       Noise XX, both sides, empty prologue and payloads (secret-stream stand-alone)
//   records  secret-stream with keys handed in, writer -> in-memory pipe -> reader: framing, encrypt,
//            parse, decrypt; MiB/s of plaintext delivered, for 1 KiB and 64 KiB records
//   crypto   bare secretstream push+pull (libsodium through our wrapper), for reference
// Usage: bench_wire [MiB per record run, default 128]

#include "core/crypto/Ed25519.h"
#include "core/crypto/Namespaces.h"
#include "core/crypto/SecretStreamCipher.h"
#include "core/transport/ByteStream.h"
#include "core/transport/noise/NoiseHandshake.h"
#include "core/transport/secretstream/SecretStream.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace pluresdb;
using namespace pluresdb::transport;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

template <typename F>
double perOpMs(int n, F&& f) {
    for (int i = 0; i < 50; ++i) f();  // warm-up
    const auto t0 = Clock::now();
    for (int i = 0; i < n; ++i) f();
    return msSince(t0) / n;
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

double recordThroughput(int recordBytes, qint64 totalBytes) {
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
    QObject::connect(&reader, &ByteStream::dataReceived, &reader, [&](const QByteArray& d) { received += d.size(); });
    reader.start();
    writer.start();
    const QByteArray record(recordBytes, '\x01');
    const qint64 n = totalBytes / recordBytes;
    const auto t0 = Clock::now();
    for (qint64 i = 0; i < n; ++i) writer.write(record);
    const double ms = msSince(t0);
    if (received != n * recordBytes) {
        std::fprintf(stderr, "bench_wire: records lost (%lld of %lld bytes)\n", static_cast<long long>(received),
                     static_cast<long long>(n * recordBytes));
        std::exit(1);
    }
    return (static_cast<double>(received) / (1024.0 * 1024.0)) / (ms / 1000.0);
}

double cryptoThroughput(int recordBytes, qint64 totalBytes) {
    const auto key = crypto::SecureBytes::fromByteArray(QByteArray(32, '\x05'));
    crypto::SecretStreamPush push;
    crypto::SecretStreamPull pull;
    pull.init(key, push.init(key));
    QByteArray msg(recordBytes, '\x01'), c(recordBytes + 17, '\0'), out(recordBytes, '\0');
    const qint64 n = std::max<qint64>(1000, totalBytes / recordBytes);
    const auto t0 = Clock::now();
    for (qint64 i = 0; i < n; ++i) {
        push.push(msg.constData(), recordBytes, c.data());
        if (!pull.pull(c.constData(), c.size(), out.data())) std::exit(1);
    }
    return (static_cast<double>(n) * recordBytes / (1024.0 * 1024.0)) / (msSince(t0) / 1000.0);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const qint64 mib = argc > 1 ? std::atoll(argv[1]) : 128;
    const crypto::KeyPair client = crypto::generateKeyPair(), server = crypto::generateKeyPair();
    const QByteArray payload(40, '\x01');

    const double ik = perOpMs(1000, [&] {
        noise::NoiseHandshake i(noise::NoisePattern::IK, true, client, crypto::nsPeerHandshake(), server.publicKey);
        noise::NoiseHandshake r(noise::NoisePattern::IK, false, server, crypto::nsPeerHandshake());
        if (!r.readMessage(i.writeMessage(payload).value()).ok() || !i.readMessage(r.writeMessage(payload).value()).ok() ||
            i.handshakeHash() != r.handshakeHash()) {
            std::exit(1);
        }
    });
    const double xx = perOpMs(1000, [&] {
        noise::NoiseHandshake i(noise::NoisePattern::XX, true, client);
        noise::NoiseHandshake r(noise::NoisePattern::XX, false, server);
        if (!r.readMessage(i.writeMessage().value()).ok() || !i.readMessage(r.writeMessage().value()).ok() ||
            !r.readMessage(i.writeMessage().value()).ok() || i.handshakeHash() != r.handshakeHash()) {
            std::exit(1);
        }
    });
    std::printf("{\"impl\":\"cpp\",\"ikMs\":%.4f,\"xxMs\":%.4f", ik, xx);
    for (int size : {1024, 65536}) {
        std::printf(",\"records%dMiBps\":%.1f", size, recordThroughput(size, mib * 1024 * 1024));
        std::printf(",\"crypto%dMiBps\":%.1f", size, cryptoThroughput(size, mib * 1024 * 1024));
    }
    std::printf("}\n");
    return 0;
}
