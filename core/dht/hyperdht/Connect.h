#pragma once

// hyperdht connect and listen (spec/hyperdht.md §5–§9, §11): the contract between the connection
// layer (core/dht/hyperdht: Server, Connector, holepunching) and the swarm (core/swarm) and sync
// layers above it. A connection is a SecretStream in hyperdht mode (keys from the Noise IK
// handshake that ran through the DHT) over a UdxStream on one of the node's sockets or a puncher
// socket, plus the facts of how it was made, for the peer list and the connection doctor.
//
// Everything lives on the thread of the HyperDht it belongs to (the engine thread in the app).
// Every callback is called at most once per connection / per connect() call, also when the node
// is destroyed under it (then with an error). Extend this header; do not change what is here
// without updating both sides.

#include "core/common/Result.h"
#include "core/crypto/Ed25519.h"
#include "core/dht/hyperdht/HyperDht.h"
#include "core/dht/hyperdht/HyperDhtWire.h"
#include "core/dht/hyperdht/NoisePayload.h"
#include "core/encoding/CompactEncoding.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

namespace pluresdb::transport::secretstream {
class SecretStream;
}

namespace pluresdb::dht::hyperdht {

// How the data path of a connection was made (spec §8).
enum class ConnectionPath {
    Direct,       // the server answered the handshake itself, or one side was OPEN
    Lan,          // same public IP: the LAN shortcut to a private address (§8 client step 6)
    Holepunched,  // §7
    BlindRelay,   // through a blind relay (§11)
};
QString connectionPathName(ConnectionPath path);  // "direct", "lan", "holepunched", "relayed"

// Holepunch strategy that opened the path (§7.5 table), when path == Holepunched.
enum class PunchStrategy { None, Consistent, RandomProbe, Birthday };
QString punchStrategyName(PunchStrategy strategy);  // "", "consistent", "random-probe", "birthday"

// Everything known about how a connection came about.
struct ConnectionFacts {
    bool initiator = false;               // we dialled (client)
    QByteArray remotePublicKey;           // 32 bytes
    QByteArray handshakeHash;             // 64 bytes
    encoding::Ipv4Address remoteAddress;  // where our UDX stream sends
    ConnectionPath path = ConnectionPath::Direct;
    PunchStrategy strategy = PunchStrategy::None;
    int punchRounds = 0;
    uint64_t localFirewall = kFirewallUnknown;   // kFirewall* (HyperDhtWire.h), as we sent it
    uint64_t remoteFirewall = kFirewallUnknown;  // as the peer reported it
    // The DHT node that relayed the Noise handshake; nullopt when the server answered directly.
    std::optional<encoding::Ipv4Address> handshakeRelay;
    // The blind relay's public key when path == BlindRelay.
    QByteArray blindRelayKey;
    qint64 handshakeMs = 0;  // from the start of the attempt until the Noise reply
    qint64 connectMs = 0;    // from the start of the attempt until the UDX stream had a path
    NoisePayload remotePayload;
};

// A connection handed to the application. `stream` is owned by the receiver of the callback (give
// it a parent or deleteLater() it). Its keys come from the handshake through the DHT; it is
// started right after the callback returns (so nothing the peer sends is lost before the receiver
// has connected to its signals); writes made inside the callback are queued and sent then.
struct Connection {
    transport::secretstream::SecretStream* stream = nullptr;
    ConnectionFacts facts;
};

// Error codes, as hyperdht names them (spec §5.3, §7.5, §8, §11), in ConnectError::code.
inline constexpr const char* kErrPeerNotFound = "PEER_NOT_FOUND";
inline constexpr const char* kErrPeerConnectionFailed = "PEER_CONNECTION_FAILED";
inline constexpr const char* kErrServerIncompatible = "SERVER_INCOMPATIBLE";
inline constexpr const char* kErrServerError = "SERVER_ERROR";
inline constexpr const char* kErrCannotHolepunch = "CANNOT_HOLEPUNCH";
inline constexpr const char* kErrHolepunchProbeTimeout = "HOLEPUNCH_PROBE_TIMEOUT";
inline constexpr const char* kErrHolepunchAborted = "HOLEPUNCH_ABORTED";
inline constexpr const char* kErrDoubleRandomizedNats = "HOLEPUNCH_DOUBLE_RANDOMIZED_NATS";
inline constexpr const char* kErrHolepunchTimeout = "HOLEPUNCH_TIMEOUT";
inline constexpr const char* kErrRemoteNotHolepunchable = "REMOTE_NOT_HOLEPUNCHABLE";
inline constexpr const char* kErrRemoteNotHolepunching = "REMOTE_NOT_HOLEPUNCHING";
inline constexpr const char* kErrRemoteAborted = "REMOTE_ABORTED";
inline constexpr const char* kErrRelayFailed = "RELAY_FAILED";
inline constexpr const char* kErrDestroyed = "DESTROYED";
inline constexpr const char* kErrAborted = "ABORTED";
// Server side (onRefused): our firewall hook refused the client, or its payload was unusable.
inline constexpr const char* kErrRefused = "REFUSED";
inline constexpr const char* kErrHandshakeInvalid = "HANDSHAKE_INVALID";

struct ConnectError {
    QString code;     // one of the kErr* codes
    QString message;  // plain words for the user and the connection doctor: what failed and what to try
    ConnectionFacts partial;  // what was learnt before the failure (firewalls, relay, rounds)
};

// One step of a connection attempt, for the sync debugger's connection doctor (issue #9): lookup,
// relay handshake, NAT classes, punch rounds, the final path or failure.
struct ConnectStep {
    QString kind;     // "find-peer", "handshake", "nat", "punch-round", "lan-ping", "path", "error"
    QString detail;   // plain words
    qint64 atMs = 0;  // since the start of the attempt
};
using ConnectTrace = std::function<void(const QByteArray& remotePublicKey, const ConnectStep& step)>;

struct ConnectOptions {
    crypto::KeyPair keyPair;  // our identity (the swarm's key pair)
    // Relay candidates from a topic record (hyperswarm passes record.relayAddresses), §5.3 step 1.
    std::vector<encoding::Ipv4Address> relayAddresses;
    bool holepunch = true;  // false: fail with CANNOT_HOLEPUNCH instead of punching
    // Blind relay server public key (§11); empty = none configured.
    QByteArray relayThrough;
    int timeoutMs = 30000;  // whole attempt
    // hyperdht `localConnection`: try the LAN shortcut (§8 client step 6). False forces holepunching
    // between peers behind the same NAT (natlab, `pluresdb-cli dht connect --no-lan`).
    bool localConnection = true;
    ConnectTrace trace;  // optional
};

using ConnectId = quint64;
using ConnectDone = std::function<void(std::variant<Connection, ConnectError> result)>;

// Connects to the server listening on `remotePublicKey` (spec §5.3, §8, §7). `done` is called
// exactly once. Implemented in core/dht/hyperdht (Connector).
ConnectId connect(HyperDht& dht, const QByteArray& remotePublicKey, ConnectOptions options, ConnectDone done);
// Abandons an attempt; its `done` is called with kErrAborted.
void cancelConnect(HyperDht& dht, ConnectId id);

// The server re-announces itself (announce-self, §4.6) this often; must stay well below 13 min.
inline constexpr int kDefaultServerAnnounceIntervalMs = 5 * 60 * 1000;

struct ServerOptions {
    crypto::KeyPair keyPair;
    // Called with the client's key and payload before we answer; true = refuse (no reply is sent
    // and nothing is connected). Rejections are reported through onRefused.
    std::function<bool(const QByteArray& remotePublicKey, const NoisePayload& payload,
                       const encoding::Ipv4Address& from)>
        firewall;
    bool holepunch = true;  // offer holepunching when we are not OPEN
    // Blind relay server public key (§11) we ask every firewalled client to pair through (hyperdht
    // server `relayThrough`); empty = none. A client's own relayThrough is honoured either way.
    QByteArray relayThrough;
    int announceIntervalMs = kDefaultServerAnnounceIntervalMs;
    ConnectTrace trace;  // optional
};

// A listening hyperdht server (spec §5.2 server rows, §7 responder, §8 server side). Not a QObject
// on purpose: callbacks, so the swarm can own it without moc.
class Server {
public:
    Server(HyperDht& dht, ServerOptions options);
    ~Server();  // closes without unannouncing; call close() first for a clean stop
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Registers the key with the node's handler (so relayed PEER_HANDSHAKE/PEER_HOLEPUNCH reach us)
    // and announces itself; `done` when the first announce finished (ok = at least one relay).
    void listen(std::function<void(Result<void>)> done);
    // Unannounces, stops answering; `done` afterwards.
    void close(std::function<void()> done);

    std::function<void(Connection)> onConnection;
    // A client our firewall refused, or whose handshake failed after it started (code, message).
    std::function<void(const QByteArray& remotePublicKey, const ConnectError& error)> onRefused;
    // The relays changed after a re-announce (the swarm re-announces topics with them).
    std::function<void()> onRelaysChanged;

    bool isListening() const;
    QByteArray publicKey() const;
    // Current relays of the announce-self (§4.6) and what a topic record should carry (≤ 3).
    std::vector<ServerRelay> relays() const;
    std::vector<encoding::Ipv4Address> relayAddresses() const;

    struct Impl;

private:
    std::unique_ptr<Impl> d;
};

}  // namespace pluresdb::dht::hyperdht
