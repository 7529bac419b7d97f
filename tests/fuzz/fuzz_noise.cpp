// Fuzzes Noise message reading (core/transport/noise). Input byte 0 picks a reader:
//   0: IK responder (hyperdht prologue, static seed 22..) reading message 1
//   1: XX responder reading message 1, then (after writing message 2) the rest as message 3
//   2: IK initiator that wrote message 1 (ephemeral seed 33..) reading message 2
//   3: XX initiator that wrote message 1 reading message 2
// The rest of the input is the message. Invariants: never crash, a failed read leaves the handshake
// failed, and only a completed handshake yields keys.

#include "core/crypto/Ed25519.h"
#include "core/crypto/Namespaces.h"
#include "core/transport/noise/NoiseHandshake.h"

#include <cstddef>
#include <cstdint>

using namespace pluresdb;
using namespace pluresdb::transport::noise;

namespace {
crypto::KeyPair seeded(char byte) {
    return crypto::keyPairFromSeed(crypto::SecureBytes::fromByteArray(QByteArray(32, byte))).value();
}

void check(NoiseHandshake& hs, const QByteArray& message) {
    const auto r = hs.readMessage(message);
    if (!r.ok() && !hs.hasFailed())
        __builtin_trap();
    if (hs.result().ok() != (hs.isComplete() && !hs.hasFailed()))
        __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1)
        return 0;
    static const crypto::KeyPair initiatorStatic = seeded('\x11');
    static const crypto::KeyPair responderStatic = seeded('\x22');
    static const crypto::KeyPair initiatorEphemeral = seeded('\x33');
    static const crypto::KeyPair responderEphemeral = seeded('\x44');
    const QByteArray message(reinterpret_cast<const char*>(data) + 1, static_cast<qsizetype>(size - 1));
    switch (data[0] % 4) {
        case 0: {
            NoiseHandshake hs(NoisePattern::IK, false, responderStatic, crypto::nsPeerHandshake());
            hs.setEphemeralKeyPair(responderEphemeral);
            check(hs, message);
            break;
        }
        case 1: {
            NoiseHandshake hs(NoisePattern::XX, false, responderStatic);
            hs.setEphemeralKeyPair(responderEphemeral);
            // Message 1 of XX is the first 32 bytes (e, no payload); what follows is message 3.
            const auto r = hs.readMessage(message.left(32));
            if (r.ok() && hs.writeMessage().ok())
                check(hs, message.mid(32));
            break;
        }
        case 2:
        case 3: {
            const bool ik = data[0] % 4 == 2;
            NoiseHandshake hs(ik ? NoisePattern::IK : NoisePattern::XX, true, initiatorStatic,
                              ik ? crypto::nsPeerHandshake() : QByteArray(), responderStatic.publicKey);
            hs.setEphemeralKeyPair(initiatorEphemeral);
            if (hs.writeMessage().ok())
                check(hs, message);
            break;
        }
    }
    return 0;
}
