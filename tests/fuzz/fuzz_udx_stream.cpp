// Fuzzes a UDX stream's receive path (spec/connection.md §6.7): a sequence of arbitrary datagrams
// hits a connected stream that has data in flight (so ACK/SACK processing, RACK, window updates,
// reordering, END, DESTROY, MESSAGE and HEARTBEAT handling all run). Input: byte 0 = options
// (bit 0: end our side, bit 1: write 200 KB instead of 20 KB), then records of
// [u16 LE length][datagram]. Nothing may crash, hang or grow without bound.

#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStream.h"

#include <QCoreApplication>

#include <cstdint>
#include <memory>

using namespace pluresdb::transport::udx;

namespace {

struct Env {
    int argc = 1;
    char name[8] = "fuzz";
    char* argv[2] = {name, nullptr};
    QCoreApplication app{argc, argv};
    UdxSocket local;
    UdxSocket sink;  // the "peer": bound on 127.0.0.1 so sends go nowhere else
    Env() {
        if (!local.bind(QHostAddress::LocalHost, 0).ok() || !sink.bind(QHostAddress::LocalHost, 0).ok())
            abort();
    }
};

Env& env() {
    static Env e;
    return e;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Env& e = env();
    if (size < 1)
        return 0;
    const uint8_t options = data[0];
    auto stream = std::make_unique<UdxStream>();
    qint64 delivered = 0;
    QObject::connect(stream.get(), &UdxStream::dataReceived,
                     [&](const QByteArray& b) { delivered += b.size(); });
    if (!stream->connectTo(&e.local, 0x42, QHostAddress::LocalHost, e.sink.localPort()).ok())
        abort();
    stream->write(QByteArray((options & 2) ? 200'000 : 20'000, 'z'));
    if (options & 1)
        stream->end();
    QCoreApplication::processEvents();  // first window goes out
    const UdxEndpoint from = UdxEndpoint::fromHost(QHostAddress::LocalHost, e.sink.localPort());
    std::size_t pos = 1;
    int n = 0;
    while (pos + 2 <= size && n < 512) {
        const std::size_t len =
            std::min<std::size_t>(data[pos] | (std::size_t(data[pos + 1]) << 8), size - pos - 2);
        pos += 2;
        stream->receiveDatagram(&e.local, from, data + pos, std::min<std::size_t>(len, kMaxDatagramSize));
        pos += len;
        if (++n % 8 == 0) {
            stream->afterReceiveBatch();
            QCoreApplication::processEvents();
        }
    }
    stream->afterReceiveBatch();
    QCoreApplication::processEvents();
    if (stream->isOpen())
        stream->destroy();
    e.local.flush();
    return 0;
}
