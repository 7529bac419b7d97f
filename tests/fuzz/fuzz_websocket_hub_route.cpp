// Fuzz target: the shared WebSocket port's first look at a client (core/sync/WebSocketHub.h
// classifyFirstBytes): the first bytes after the Noise handshake, from anyone who can connect.
// Anything must classify without a crash or an over-read; the verdict for the whole input must be
// the one reached when the bytes arrive in pieces (the hub decides as soon as it can); a Hello's
// proof is checked against a key as the hub does.
#include "core/sync/SyncProtocol.h"
#include "core/sync/WebSocketHub.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace pluresdb::sync;
    using Kind = HubFirstBytes::Kind;
    const QByteArray all(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const HubFirstBytes whole = classifyFirstBytes(all);
    // Byte by byte, as the hub sees them arrive: the first decided verdict must hold for the whole.
    for (qsizetype n = 1; n <= all.size(); ++n) {
        const HubFirstBytes part = classifyFirstBytes(all.left(n));
        if (part.kind == Kind::NeedMore)
            continue;
        if (part.kind != whole.kind || part.proof != whole.proof)
            std::abort();
        break;
    }
    if (whole.kind == Kind::Hello) {
        static const QByteArray key(32, '\x07'), hash(64, '\x01'), sender(32, '\x02');
        const bool ok = verifyProof(key, hash, sender, whole.proof);
        if (ok != (whole.proof == computeProof(key, hash, sender)))
            std::abort();
    }
    return 0;
}
