#pragma once

// hyperdht 6.34 wire constants (spec/hyperdht.md §4–§7). Commands are application commands: the
// dht-rpc internal flag is clear (§4).

#include <cstdint>

namespace pluresdb::dht::hyperdht {

// §4 command numbers.
inline constexpr uint64_t kCommandPeerHandshake = 0;
inline constexpr uint64_t kCommandPeerHolepunch = 1;
inline constexpr uint64_t kCommandFindPeer = 2;
inline constexpr uint64_t kCommandLookup = 3;
inline constexpr uint64_t kCommandAnnounce = 4;
inline constexpr uint64_t kCommandUnannounce = 5;
inline constexpr uint64_t kCommandMutablePut = 6;
inline constexpr uint64_t kCommandMutableGet = 7;
inline constexpr uint64_t kCommandImmutablePut = 8;
inline constexpr uint64_t kCommandImmutableGet = 9;
inline constexpr uint64_t kCommandPlugin = 10;

// §4.1 `announce` flags.
inline constexpr uint64_t kAnnounceFlagPeer = 0x01;
inline constexpr uint64_t kAnnounceFlagRefresh = 0x02;
inline constexpr uint64_t kAnnounceFlagSignature = 0x04;
inline constexpr uint64_t kAnnounceFlagBump = 0x08;

// §4.1 `pluginRequest` flags.
inline constexpr uint64_t kPluginFlagValue = 0x01;

// §4.2: storing nodes keep at most this many relay addresses per record; §4.2 LOOKUP replies carry
// at most this many records.
inline constexpr int kMaxRelayAddresses = 3;
inline constexpr int kMaxLookupRecords = 20;

// §5.1 `handshake` flags and the modes shared with §7.1 `holepunch`.
inline constexpr uint64_t kHandshakeFlagPeerAddress = 0x01;
inline constexpr uint64_t kHandshakeFlagRelayAddress = 0x02;
inline constexpr uint64_t kHolepunchFlagPeerAddress = 0x01;
inline constexpr uint64_t kModeFromClient = 0;
inline constexpr uint64_t kModeFromServer = 1;
inline constexpr uint64_t kModeFromRelay = 2;
inline constexpr uint64_t kModeFromSecondRelay = 3;
inline constexpr uint64_t kModeReply = 4;

// §6.2 `noisePayload`.
inline constexpr uint64_t kNoisePayloadVersion = 1;
inline constexpr uint64_t kNoiseFlagHolepunch = 0x01;
inline constexpr uint64_t kNoiseFlagAddresses4 = 0x02;
inline constexpr uint64_t kNoiseFlagAddresses6 = 0x04;
inline constexpr uint64_t kNoiseFlagUdx = 0x08;
inline constexpr uint64_t kNoiseFlagSecretStream = 0x10;
inline constexpr uint64_t kNoiseFlagRelayThrough = 0x20;
inline constexpr uint64_t kNoiseFlagRelayAddresses = 0x40;
inline constexpr uint64_t kUdxInfoVersion = 1;
inline constexpr uint64_t kUdxFeatureReusableSocket = 0x01;
inline constexpr uint64_t kSecretStreamInfoVersion = 1;
inline constexpr uint64_t kRelayThroughInfoVersion = 1;
// §6.2 noisePayload error codes.
inline constexpr uint64_t kPayloadErrorNone = 0;
inline constexpr uint64_t kPayloadErrorAborted = 1;
inline constexpr uint64_t kPayloadErrorVersionMismatch = 2;
inline constexpr uint64_t kPayloadErrorTryLater = 3;
// §6.2 / §7.4 firewall classes.
inline constexpr uint64_t kFirewallUnknown = 0;
inline constexpr uint64_t kFirewallOpen = 1;
inline constexpr uint64_t kFirewallConsistent = 2;
inline constexpr uint64_t kFirewallRandom = 3;

// §7.3 `holepunchPayload` flags.
inline constexpr uint64_t kPunchFlagConnected = 0x01;
inline constexpr uint64_t kPunchFlagPunching = 0x02;
inline constexpr uint64_t kPunchFlagAddresses = 0x04;
inline constexpr uint64_t kPunchFlagRemoteAddress = 0x08;
inline constexpr uint64_t kPunchFlagToken = 0x10;
inline constexpr uint64_t kPunchFlagRemoteToken = 0x20;
// §7.1: the encrypted payload is nonce(24) ‖ secretbox (XSalsa20-Poly1305, 16-byte tag).
inline constexpr int kHolepunchNonceSize = 24;
inline constexpr int kSecretBoxTagSize = 16;

// Sizes of the fixed fields.
inline constexpr int kPublicKeySize = 32;
inline constexpr int kSignatureSize = 64;
inline constexpr int kRefreshSize = 32;
inline constexpr int kHashSize = 32;

}  // namespace pluresdb::dht::hyperdht
