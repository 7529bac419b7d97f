// Fuzzes the protomux decoder and channel bookkeeping (core/transport/protomux) and the blind-relay
// messages carried on it (core/dht/hyperdht/BlindRelayWire). The input is a sequence of messages,
// each a uint8 length followed by that many bytes, fed to a Protomux over a stream that records
// what it writes; a local "blind-relay" channel is open and remote opens of "echo" are accepted.
// Invariants: no crash or read past the input (ASan), a decoded open/message frame re-encodes to
// bytes that decode to the same frame, and blind-relay pair/unpair round-trip.

#include "core/dht/hyperdht/BlindRelayWire.h"
#include "core/transport/ByteStream.h"
#include "core/transport/protomux/Protomux.h"

#include <cstddef>
#include <cstdint>

using namespace pluresdb;
using namespace pluresdb::transport;
using namespace pluresdb::transport::protomux;

namespace {

class RecordingStream : public ByteStream {
public:
    bool write(const QByteArray& bytes) override {
        if (m_closed)
            return false;
        m_written += bytes.size();
        return true;
    }
    void end() override {}
    void destroy(const QString& error = {}) override {
        if (m_closed)
            return;
        m_closed = true;
        emit closed(error);
    }
    qint64 bytesToWrite() const override { return 0; }
    bool isOpen() const override { return !m_closed; }
    QString remoteDescription() const override { return {}; }
    void feed(const QByteArray& message) { emit dataReceived(message); }

private:
    bool m_closed = false;
    qint64 m_written = 0;
};

void checkRoundTrip(const QByteArray& message) {
    const auto frames = decodeFrames(message);
    if (!frames)
        return;
    for (const Frame& f : *frames) {
        if (const auto* o = std::get_if<OpenFrame>(&f)) {
            const auto again = decodeFrames(encodeOpen(*o));
            if (!again || again->size() != 1)
                __builtin_trap();
            const auto& o2 = std::get<OpenFrame>(again->front());
            if (o2.channel != o->channel || o2.protocol != o->protocol || o2.id != o->id ||
                o2.handshake != o->handshake)
                __builtin_trap();
        } else if (const auto* m = std::get_if<MessageFrame>(&f)) {
            const auto again = decodeFrames(encodeMessage(m->channel, m->type, m->payload));
            if (!again || again->size() != 1)
                __builtin_trap();
            const auto& m2 = std::get<MessageFrame>(again->front());
            if (m2.channel != m->channel || m2.type != m->type || m2.payload != m->payload)
                __builtin_trap();
            if (const auto pair = dht::hyperdht::decodeBlindRelayPair(m->payload)) {
                const auto again2 =
                    dht::hyperdht::decodeBlindRelayPair(dht::hyperdht::encodeBlindRelayPair(*pair));
                if (!again2 || !(*again2 == *pair))
                    __builtin_trap();
            }
            if (const auto unpair = dht::hyperdht::decodeBlindRelayUnpair(m->payload)) {
                const auto again2 =
                    dht::hyperdht::decodeBlindRelayUnpair(dht::hyperdht::encodeBlindRelayUnpair(*unpair));
                if (!again2 || !(*again2 == *unpair))
                    __builtin_trap();
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    RecordingStream stream;
    Protomux mux(&stream);
    ProtomuxChannel* relay = mux.createChannel(QStringLiteral("blind-relay"), QByteArray(32, 'k'));
    relay->onMessage = [relay](uint64_t type, const QByteArray& payload) {
        if (type == 0 && dht::hyperdht::decodeBlindRelayPair(payload))
            relay->send(0, payload);
    };
    relay->open();
    mux.onRemoteOpen = [&mux](const QString& protocol, const QByteArray& id) {
        if (protocol != QLatin1String("echo"))
            return;
        if (ProtomuxChannel* ch = mux.createChannel(protocol, id)) {
            ch->onMessage = [ch](uint64_t type, const QByteArray& payload) {
                if (type == 1)
                    ch->close();
                else
                    ch->send(type, payload);
            };
            ch->open("hs");
        }
    };
    size_t pos = 0;
    while (pos < size && stream.isOpen()) {
        const size_t len = std::min<size_t>(data[pos], size - pos - 1);
        const QByteArray message(reinterpret_cast<const char*>(data + pos + 1), qsizetype(len));
        pos += 1 + len;
        checkRoundTrip(message);
        stream.feed(message);
    }
    return 0;
}
