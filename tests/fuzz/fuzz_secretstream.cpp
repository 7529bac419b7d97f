// Fuzzes secret-stream frame parsing and record handling (core/transport/secretstream) as a responder.
// Input byte 0 picks the mode: even = in-band XX (static seed 22.., ephemeral 44.., header b2*24, i.e.
// the responder of connection.md §7.4, so Node's recorded initiator bytes are a valid seed input);
// odd = keys handed in from the §7.2 IK handshake (§7.5). Byte 1 sets the chunk size the rest is
// delivered in, so length prefixes straddle chunk boundaries. Invariants: never crash; once the
// stream reports closed it stays closed and stops delivering.

#include "core/crypto/Ed25519.h"
#include "core/transport/ByteStream.h"
#include "core/transport/secretstream/SecretStream.h"

#include <cstddef>
#include <cstdint>

using namespace pluresdb;
using namespace pluresdb::transport;

namespace {

// A raw stream that drops what is written and lets the fuzzer inject what is "received".
class FuzzRaw final : public ByteStream {
public:
    bool write(const QByteArray&) override { return m_open; }
    void end() override {}
    void destroy(const QString& error = {}) override {
        if (!m_open)
            return;
        m_open = false;
        emit closed(error);
    }
    qint64 bytesToWrite() const override { return 0; }
    bool isOpen() const override { return m_open; }
    QString remoteDescription() const override { return QStringLiteral("fuzz"); }
    void inject(const QByteArray& bytes) { emit dataReceived(bytes); }
    void injectEnd() { emit remoteEnded(); }

private:
    bool m_open = true;
};

crypto::KeyPair seeded(char byte) {
    return crypto::keyPairFromSeed(crypto::SecureBytes::fromByteArray(QByteArray(32, byte))).value();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2)
        return 0;
    secretstream::SecretStreamOptions o;
    o.isInitiator = false;
    o.handshakeTimeoutMs = 0;  // no event loop here: nothing may start a timer
    if (data[0] % 2 == 0) {
        o.keyPair = seeded('\x22');
        o.ephemeralForTesting = seeded('\x44');
    } else {
        noise::NoiseResult k;
        k.isInitiator = false;
        k.tx = crypto::SecureBytes::fromByteArray(
            QByteArray::fromHex("556f6d151502cf93ef0534537a6f4a0a3d450fc2b7c134673493541d45db730b"));
        k.rx = crypto::SecureBytes::fromByteArray(
            QByteArray::fromHex("0449dc486159e766f752316ddeb055984cc0ad321ca030c4df8f52c054e8e813"));
        k.handshakeHash = QByteArray::fromHex(
            "7b9f60fe32f2d1157261f6d3092558031979066ce371947b40ad3c1ccdb241cef51d9a1fdc6a7810bca7a319a86d6248"
            "ae5e0971"
            "164066e26e4a64c9c4004d56");
        o.handshake = std::move(k);
    }
    o.headerForTesting = QByteArray(24, '\xb2');
    auto* raw = new FuzzRaw;
    secretstream::SecretStream stream(raw, std::move(o));
    bool closed = false;
    bool deliveredAfterClose = false;
    QObject::connect(&stream, &ByteStream::closed, &stream, [&](const QString&) { closed = true; });
    QObject::connect(&stream, &ByteStream::dataReceived, &stream, [&](const QByteArray&) {
        if (closed)
            deliveredAfterClose = true;
    });
    stream.start();
    const size_t chunk = static_cast<size_t>(data[1]) + 1;
    for (size_t off = 2; off < size && raw->isOpen(); off += chunk) {
        raw->inject(QByteArray(reinterpret_cast<const char*>(data) + off,
                               static_cast<qsizetype>(std::min(chunk, size - off))));
    }
    if (raw->isOpen())
        raw->injectEnd();
    if (deliveredAfterClose)
        __builtin_trap();
    if (closed && stream.isOpen())
        __builtin_trap();
    return 0;
}
