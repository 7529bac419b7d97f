// Fuzzes opening secret-stream datagrams (SecretStream::openDatagram, connection.md §5.5): the unordered
// messages that arrive as UDX MESSAGE packets (§6.16) once secret-stream runs over UDX. Two streams get
// keys handed in with the same handshake hash and opposite roles, so each one's datagram send key is the
// other's receive key. Input byte 0 picks the mode:
//   0: open the rest as a received envelope: must not crash; whatever opens must re-open identically;
//   1: seal the rest at the initiator and open it at the responder: must round-trip exactly;
//   2: seal the rest, flip one bit (position from byte 1) and open: must be refused.

#include "core/transport/ByteStream.h"
#include "core/transport/secretstream/SecretStream.h"

#include <cstddef>
#include <cstdint>

using namespace pluresdb;
using namespace pluresdb::transport;

namespace {

// A raw stream that drops what is written; datagrams never touch it.
class NullRaw final : public ByteStream {
public:
    bool write(const QByteArray&) override { return true; }
    void end() override {}
    void destroy(const QString& error = {}) override { emit closed(error); }
    qint64 bytesToWrite() const override { return 0; }
    bool isOpen() const override { return true; }
    QString remoteDescription() const override { return QStringLiteral("fuzz"); }
};

secretstream::SecretStreamOptions keysHandedIn(bool initiator) {
    const QByteArray a = QByteArray(32, '\x5a'), b = QByteArray(32, '\xa5');
    noise::NoiseResult k;
    k.isInitiator = initiator;
    k.tx = crypto::SecureBytes::fromByteArray(initiator ? a : b);
    k.rx = crypto::SecureBytes::fromByteArray(initiator ? b : a);
    k.handshakeHash = QByteArray(64, '\x3c');
    secretstream::SecretStreamOptions o;
    o.isInitiator = initiator;
    o.handshakeTimeoutMs = 0;  // no event loop here: nothing may start a timer
    o.handshake = std::move(k);
    return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2)
        return 0;
    secretstream::SecretStream initiator(new NullRaw, keysHandedIn(true));
    secretstream::SecretStream responder(new NullRaw, keysHandedIn(false));
    initiator.start();
    responder.start();
    const QByteArray rest(reinterpret_cast<const char*>(data) + 2, static_cast<qsizetype>(size - 2));
    switch (data[0] % 3) {
        case 0: {
            auto opened = responder.openDatagram(rest);
            if (opened) {
                auto again = responder.openDatagram(rest);
                if (!again || again.value() != opened.value())
                    __builtin_trap();
            }
            break;
        }
        case 1: {
            auto sealed = initiator.sealDatagram(rest);
            if (!sealed)
                __builtin_trap();
            auto opened = responder.openDatagram(sealed.value());
            if (!opened || opened.value() != rest)
                __builtin_trap();
            break;
        }
        default: {
            auto sealed = initiator.sealDatagram(rest);
            if (!sealed)
                __builtin_trap();
            QByteArray forged = sealed.value();
            const qsizetype bit = qsizetype(data[1]) % (forged.size() * 8);
            forged[bit / 8] = char(forged[bit / 8] ^ (1 << (bit % 8)));
            if (responder.openDatagram(forged))
                __builtin_trap();
            break;
        }
    }
    return 0;
}
