// Fuzzes a listening hyperdht Server (spec/hyperdht.md §5.2 server rows, §6, §7.2) through its node's
// receive path (DhtNode::injectDatagram), as a hostile client or relay would reach it. The first
// input byte picks the shape, the rest is the fuzzed part:
//   0  a whole dht-rpc datagram (requests to our target get their addresses pinned to 127.0.0.1);
//   1  PEER_HANDSHAKE FROM_CLIENT carrying a valid Noise IK message 1 to our key whose payload is
//      the fuzzed bytes (so the payload decoder, the firewall and the answer run for real);
//   2  the same as FROM_RELAY (peerAddress 127.0.0.1), which also sets up a holepunch slot;
//   3  PEER_HOLEPUNCH FROM_RELAY for slot rest[0] with rest[1..] as the sealed payload.
// Nothing may crash or hang. All traffic stays on 127.0.0.1: the node binds it and has no
// bootstrap nodes, and every address a value could name is rewritten to loopback.

#include "core/crypto/Ed25519.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Namespaces.h"
#include "core/dht/hyperdht/Connect.h"
#include "core/dht/hyperdht/HyperDhtWire.h"
#include "core/dht/hyperdht/RelayValues.h"
#include "core/dht/rpc/RpcMessage.h"
#include "core/transport/noise/NoiseHandshake.h"
#include "core/transport/secretstream/SecretStream.h"

#include <QCoreApplication>

#include <cstdint>
#include <memory>

using namespace pluresdb;
using namespace pluresdb::dht;
using namespace pluresdb::dht::hyperdht;

namespace {

encoding::Ipv4Address loopback(uint16_t port) {
    return encoding::Ipv4Address{{127, 0, 0, 1}, port == 0 ? uint16_t(9) : port};
}

struct World {
    std::unique_ptr<QCoreApplication> app;
    std::unique_ptr<HyperDht> dht;
    std::unique_ptr<Server> server;
    crypto::KeyPair serverKeys;
    crypto::KeyPair clientKeys;
    QByteArray target;
    uint16_t nextTid = 1;

    World() {
        static int argc = 1;
        static char name[] = "fuzz_hyperdht_server";
        static char* argv[] = {name, nullptr};
        app = std::make_unique<QCoreApplication>(argc, argv);
        rpc::DhtNodeOptions o;
        o.host = QStringLiteral("127.0.0.1");
        o.useDefaultBootstrap = false;  // an empty list: no node outside this process is ever asked
        o.ephemeral = true;
        dht = std::make_unique<HyperDht>(o);
        if (!dht->start())
            std::abort();
        serverKeys = *crypto::keyPairFromSeed(crypto::SecureBytes::fromByteArray(QByteArray(32, '\x11')));
        clientKeys = *crypto::keyPairFromSeed(crypto::SecureBytes::fromByteArray(QByteArray(32, '\x22')));
        target = crypto::blake2b(serverKeys.publicKey);
        restartServer();
    }

    // Handshake slots live 10 s (hyperdht's timeouts), each with a stream and maybe a puncher
    // socket; a fresh server every few inputs keeps a long fuzz run within its descriptors.
    void restartServer() {
        server.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        ServerOptions so;
        so.keyPair = serverKeys;
        server = std::make_unique<Server>(*dht, so);
        server->onConnection = [](Connection c) {
            c.stream->destroy();
            c.stream->deleteLater();
        };
        server->listen(nullptr);
    }
    int inputs = 0;

    void inject(rpc::RpcRequest r, uint16_t fromPort) {
        r.tid = nextTid++;
        r.to = dht->node().localServerAddress();
        dht->node().injectDatagram(rpc::encodeRequest(r), loopback(fromPort), true);
    }

    QByteArray message1(const QByteArray& payload) {
        transport::noise::NoiseHandshake h(transport::noise::NoisePattern::IK, true, clientKeys,
                                           crypto::nsPeerHandshake(), serverKeys.publicKey);
        auto m = h.writeMessage(payload);
        return m ? *m : QByteArray();
    }
};

World& world() {
    static World w;
    return w;
}

// Pins every address a relayed value names to loopback, so no reply or relay leaves the machine.
void pinAddresses(rpc::RpcRequest& r) {
    if (!r.value)
        return;
    if (r.command == kCommandPeerHandshake) {
        if (auto v = decodeHandshakeValue(*r.value)) {
            if (v->peerAddress)
                v->peerAddress = loopback(v->peerAddress->port);
            if (v->relayAddress)
                v->relayAddress = loopback(v->relayAddress->port);
            r.value = encodeHandshakeValue(*v);
        }
    } else if (r.command == kCommandPeerHolepunch) {
        if (auto v = decodeHolepunchValue(*r.value)) {
            if (v->peerAddress)
                v->peerAddress = loopback(v->peerAddress->port);
            r.value = encodeHolepunchValue(*v);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    World& w = world();
    if (++w.inputs % 32 == 0)
        w.restartServer();
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const uint16_t fromPort = uint16_t(40000 + data[0]);
    switch (data[0] & 3) {
        case 0: {
            auto m = rpc::decodeMessage(rest);
            if (!m)
                break;
            auto* r = std::get_if<rpc::RpcRequest>(&*m);
            if (!r)
                break;  // responses match nothing in flight; no need to send them
            pinAddresses(*r);
            w.inject(*r, fromPort);
            break;
        }
        case 1:
        case 2: {
            rpc::RpcRequest r;
            r.command = kCommandPeerHandshake;
            r.target = w.target;
            HandshakeValue v;
            v.mode = (data[0] & 3) == 1 ? kModeFromClient : kModeFromRelay;
            v.noise = w.message1(rest);
            if ((data[0] & 3) == 2)
                v.peerAddress = loopback(fromPort + 1);
            r.value = encodeHandshakeValue(v);
            w.inject(r, fromPort);
            break;
        }
        case 3: {
            if (rest.isEmpty())
                break;
            rpc::RpcRequest r;
            r.command = kCommandPeerHolepunch;
            r.target = w.target;
            r.value = encodeHolepunchValue(
                HolepunchValue{kModeFromRelay, uint8_t(rest[0]), rest.mid(1), loopback(fromPort + 1)});
            w.inject(r, fromPort);
            break;
        }
    }
    QCoreApplication::processEvents();
    return 0;
}
