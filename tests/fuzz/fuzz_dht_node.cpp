// Fuzzes a running dht-rpc node's receive path (spec/hyperdht.md §2.2–§2.7) beyond the message
// decoder: ids checked against sources, tokens, the values of PING_NAT / DOWN_HINT / DELAYED_PING,
// routing-table and NAT-sampler updates, responses matched against requests in flight. The input
// is a sequence of datagrams, each `selector(1) ‖ length(2, LE) ‖ bytes`: the selector picks the
// source (127.0.0.1, one of four ports) and the socket. The node (a persistent bootstrapper on
// 127.0.0.1) must never crash or hang, and its table stays within 256 rows × k. Replies go to
// loopback only.

#include "core/dht/rpc/DhtNode.h"
#include "core/dht/rpc/RpcWire.h"

#include <QCoreApplication>
#include <QUdpSocket>

#include <cstdint>
#include <cstdlib>

using namespace pluresdb::dht::rpc;

namespace {

struct Harness {
    int argc = 1;
    char arg0[16] = "fuzz_dht_node";
    char* argv[2] = {arg0, nullptr};
    QCoreApplication app{argc, argv};
    std::unique_ptr<DhtNode> node;

    Harness() {
        QUdpSocket probe;  // a free port for the bootstrapper
        probe.bind(QHostAddress(QStringLiteral("127.0.0.1")), 0);
        DhtNodeOptions o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = probe.localPort();
        probe.close();
        o.bootstrapper = true;
        o.useDefaultBootstrap = false;
        node = std::make_unique<DhtNode>(o);
        if (!node->start())
            std::abort();
        for (int i = 0; i < 100 && !node->isBootstrapped(); ++i)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Harness h;
    static const uint16_t kPorts[4] = {9, 10, 11, 12};  // nothing listens there
    size_t pos = 0;
    while (size - pos >= 3) {
        const uint8_t selector = data[pos];
        const size_t len =
            std::min<size_t>(size_t(data[pos + 1] | data[pos + 2] << 8) % 1500, size - pos - 3);
        pos += 3;
        Ipv4Address from;
        from.host = {127, 0, 0, 1};
        from.port = kPorts[selector & 3];
        h.node->injectDatagram(QByteArray(reinterpret_cast<const char*>(data + pos), qsizetype(len)), from,
                               (selector & 4) != 0);
        pos += len;
    }
    QCoreApplication::processEvents();
    if (h.node->routingTableSize() > 256 * kK)
        std::abort();
    return 0;
}
