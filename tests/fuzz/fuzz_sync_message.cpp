// Fuzz target: the sync protocol's frames and messages as a peer sends them (SyncProtocol.h). The
// bytes come from the network after the secret-stream, so anything must give an error or a
// message, never a crash or an over-read; a decoded message re-encodes to a frame that decodes to
// the same encoding again.
#include "core/sync/SyncProtocol.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace pluresdb::sync;
    FrameReader reader;
    // Feed in two chunks to exercise reassembly.
    const size_t half = size / 2;
    reader.append(QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(half)));
    reader.append(
        QByteArray(reinterpret_cast<const char*>(data) + half, static_cast<qsizetype>(size - half)));
    for (int i = 0; i < 64; ++i) {
        auto f = reader.next();
        if (!f || !f->has_value())
            break;
        auto m = decodeMessage((*f)->type, (*f)->payload);
        if (!m)
            continue;
        const QByteArray again = encodeMessage(*m);
        auto m2 = decodeMessage(static_cast<uint8_t>(again[0]), again.mid(kFrameHeaderBytes));
        if (!m2 || encodeMessage(*m2) != again)
            std::abort();
    }
    return 0;
}
