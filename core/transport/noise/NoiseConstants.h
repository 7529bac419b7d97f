#pragma once

// Noise as noise-handshake 4.2.0 + noise-curve-ed 2.1.0 run it (connection.md §2).

#include <cstddef>

namespace pluresdb::transport::noise {

inline constexpr int kHashLen = 64;           // BLAKE2b-512 (§2.4)
inline constexpr int kBlockLen = 128;         // BLAKE2b block, for HMAC (§2.4)
inline constexpr int kDhLen = 32;             // Ed25519 point (§2.3)
inline constexpr int kKeyLen = 32;            // ChaCha20-Poly1305 key (§2.5)
inline constexpr int kTagLen = 16;            // Poly1305 tag (§2.5)
inline constexpr int kMaxMessageLen = 65535;  // Noise message size limit (§2.5)

// §2.1: "Noise_" + pattern + "_Ed25519_ChaChaPoly_BLAKE2b".
inline constexpr const char kProtocolNameIK[] = "Noise_IK_Ed25519_ChaChaPoly_BLAKE2b";
inline constexpr const char kProtocolNameXX[] = "Noise_XX_Ed25519_ChaChaPoly_BLAKE2b";

}  // namespace pluresdb::transport::noise
