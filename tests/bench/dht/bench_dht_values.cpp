// hyperdht value codecs and announce verification, timed the same way as dht_values_node.js:
//   bench_dht_values [--runs R] [--iterations N]
// Workload: the V5/V6/V7 vector values of spec/hyperdht.md §13 (peer, lookup reply, announce,
// handshake, holepunch, holepunchPayload, noisePayload), each decoded and re-encoded; and
// ANNOUNCE signature verification (§4.4). Prints one JSON line per figure with the median of R runs.

#include "core/dht/hyperdht/HolepunchPayload.h"
#include "core/dht/hyperdht/NoisePayload.h"
#include "core/dht/hyperdht/Records.h"
#include "core/dht/hyperdht/RelayValues.h"
#include "core/dht/hyperdht/Signatures.h"
#include "core/dht/rpc/NodeId.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace pluresdb;
using namespace pluresdb::dht::hyperdht;

namespace {

QByteArray hex(const char* h) {
    return QByteArray::fromHex(h);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

template <typename D, typename E>
std::function<qsizetype()> roundTrip(QByteArray wire, D decode, E encode) {
    return [wire, decode, encode] { return encode(*decode(wire)).size(); };
}

double opsPerSecond(const std::function<qsizetype()>& op, int iterations) {
    QElapsedTimer t;
    t.start();
    qsizetype sink = 0;
    for (int i = 0; i < iterations; ++i)
        sink += op();
    const double s = double(t.nsecsElapsed()) / 1e9;
    if (sink < 0)
        std::puts("");
    return iterations / s;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int runs = 5, iterations = 20000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
        if (args[i] == QLatin1String("--iterations"))
            iterations = args[i + 1].toInt();
    }
    const QByteArray sig = hex("ee55c9e054ddaf65cea37375e8f224aee1da3156ebf6f06e8311bd4d3f3cdf13c94879fb6889ac1d1e4a9f12e1ddfc227862f9327ecaf390eea94ffd05df6f0f");
    const QByteArray announce = hex("058a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c017f0000014ac2") + sig;
    std::vector<std::function<qsizetype()>> values{
        roundTrip(hex("8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c017f0000014ac2"),
                  decodePeerRecord, [](const PeerRecord& p) { return encodePeerRecord(p); }),
        roundTrip(hex("018a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c017f0000014ac200"),
                  decodeLookupReply, encodeLookupReply),
        roundTrip(announce, decodeAnnounceValue, encodeAnnounceValue),
        roundTrip(hex("030303aabbcc010203040500060708090a00"), decodeHandshakeValue, encodeHandshakeValue),
        roundTrip(hex("0100000201027f000001f383"), decodeHolepunchValue, encodeHolepunchValue),
        roundTrip(hex("16000201017f00000183981111111111111111111111111111111111111111111111111111111111111111"),
                  decodeHolepunchPayload, encodeHolepunchPayload),
        roundTrip(hex("0159000000017f0000014ac27f000001f3830100fe29d8e7150001017f0000014ac2"), decodeNoisePayload,
                  encodeNoisePayload),
    };
    auto allValues = [&] {
        qsizetype n = 0;
        for (const auto& f : values)
            n += f();
        return n;
    };
    encoding::Ipv4Address node;
    node.host = {127, 0, 0, 1};
    node.port = 49738;
    const QByteArray nodeId = dht::rpc::nodeIdFor(node);
    const AnnounceValue ann = *decodeAnnounceValue(announce);
    auto verify = [&]() -> qsizetype {
        return verifyAnnounce(AnnounceKind::Announce, QByteArray(32, char(0xaa)), nodeId, QByteArray(32, 0x11), ann) ? 1 : 0;
    };
    if (!verify()) {
        std::fprintf(stderr, "V6 announce does not verify\n");
        return 1;
    }
    std::vector<double> codec, verifies;
    for (int r = 0; r < runs; ++r) {
        codec.push_back(opsPerSecond(allValues, iterations) * double(values.size()));
        verifies.push_back(opsPerSecond(verify, std::max(1, iterations / 10)));
    }
    std::printf("{\"impl\":\"cpp\",\"figure\":\"value round trips/s\",\"median\":%.0f}\n", median(codec));
    std::printf("{\"impl\":\"cpp\",\"figure\":\"announce verifies/s\",\"median\":%.0f}\n", median(verifies));
    return 0;
}
