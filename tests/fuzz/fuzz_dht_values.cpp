// Fuzzes every hyperdht value decoder (spec/hyperdht.md §4.1, §5.1, §6.2, §7.1, §7.3). The first
// byte picks the decoder, the rest is the value as it arrives in a dht-rpc request or response.
// Any bytes must decode or fail with an error, never crash; whatever decodes must re-encode to
// bytes that decode to the same value. The holepunch case also runs the secretbox open path.

#include "core/dht/hyperdht/HolepunchPayload.h"
#include "core/dht/hyperdht/NoisePayload.h"
#include "core/dht/hyperdht/Records.h"
#include "core/dht/hyperdht/RelayValues.h"

#include <cstdint>
#include <cstdlib>

using namespace pluresdb;
using namespace pluresdb::dht::hyperdht;

namespace {

template <typename Decode, typename Encode>
void roundTrip(const QByteArray& bytes, Decode decode, Encode encode) {
    auto v = decode(bytes);
    if (!v)
        return;
    const QByteArray again = encode(*v);
    auto back = decode(again);
    if (!back || !(*back == *v) || encode(*back) != again)
        std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1)
        return 0;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    switch (data[0] % 10) {
    case 0: roundTrip(bytes, decodePeerRecord, [](const PeerRecord& p) { return encodePeerRecord(p); }); break;
    case 1: roundTrip(bytes, decodeLookupReply, encodeLookupReply); break;
    case 2: roundTrip(bytes, decodeAnnounceValue, encodeAnnounceValue); break;
    case 3: roundTrip(bytes, decodeMutablePutRequest, encodeMutablePutRequest); break;
    case 4: roundTrip(bytes, decodeMutableGetResponse, encodeMutableGetResponse); break;
    case 5: roundTrip(bytes, decodePluginRequest, encodePluginRequest); break;
    case 6: roundTrip(bytes, decodeHandshakeValue, encodeHandshakeValue); break;
    case 7: roundTrip(bytes, decodeHolepunchValue, encodeHolepunchValue); break;
    case 8: roundTrip(bytes, decodeNoisePayload, encodeNoisePayload); break;
    case 9: {
        roundTrip(bytes, decodeHolepunchPayload, encodeHolepunchPayload);
        static const auto key = crypto::SecureBytes::fromByteArray(QByteArray(32, 0x42));
        auto opened = openHolepunchPayload(key, bytes);
        if (opened)
            roundTrip(*opened, decodeHolepunchPayload, encodeHolepunchPayload);
        break;
    }
    }
    // The MUTABLE_GET request value is a bare uint: decode it from every input too.
    (void)decodeMutableGetRequest(bytes);
    return 0;
}
