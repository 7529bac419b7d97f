#pragma once

// The storing side of hyperdht (spec/hyperdht.md §4, §4.2–§4.5): the application-command handler
// a DhtNode calls for FIND_PEER, LOOKUP, ANNOUNCE, UNANNOUNCE, MUTABLE_PUT/GET and
// IMMUTABLE_PUT/GET, with the record, router, refresh, bump, mutable and immutable stores.
//
// Storage commands are served only while the node is persistent (it has a node id); otherwise they
// get UNKNOWN_COMMAND, as an ephemeral Node node answers (§2.8, capture C8). A request that fails
// validation — undecodable or oversized value, missing target or token, forged signature, hash
// mismatch — is dropped without any response (§4, gotcha 7) and counted by reason.
//
// PEER_HANDSHAKE / PEER_HOLEPUNCH (§5.2, §7.2) are routed as hyperdht 6.34's router does for a
// node that is not itself the server: every node does this, ephemeral ones too. Relaying is
// stateless: a forwarded request keeps the client's tid (IncomingRequest::relay), and the node that
// gets FROM_SERVER answers that tid straight to the client (HandlerReply::to). The server's address
// is the relay stored with the announce-self router entry for the target. A value that does not
// decode is dropped and counted as undecodable; a well-formed one that cannot be routed (no router
// entry, a mode only a server handles) is dropped and counted as declined/dropped. Serving as the
// listening server itself (Noise, holepunch slots) is the connect/listen part of issue #6.

#include "core/dht/hyperdht/RecordCache.h"
#include "core/dht/hyperdht/TwoGenerationCache.h"
#include "core/dht/rpc/DhtNode.h"

#include <QByteArray>

#include <functional>
#include <map>

namespace pluresdb::dht::hyperdht {

// §4.5 defaults (hyperdht index.js defaultCacheOpts).
struct StorageLimits {
    int maxRecords = 65536;
    int maxRouterEntries = 65536;
    int maxRefreshes = 65536;
    int maxBumps = 65536;
    qint64 maxAgeMs = 20 * 60 * 1000;
    int maxMutables = 32768;
    int maxImmutables = 32768;
    qint64 maxValueAgeMs = 48LL * 60 * 60 * 1000;
    // Our own bound (Node has none): the largest mutable/immutable value we store. A dht-rpc value
    // travels in one UDP datagram; anything above this is refused, so 32768 entries stay bounded.
    int maxValueSize = 8192;
};

// §4.2 bump: a bump more than this far in the future is ignored.
inline constexpr qint64 kMaxBumpDriftMs = 60'000;

// Requests dropped by validation, by reason, and what was served.
struct HyperDhtCounters {
    quint64 forgedSignature = 0;  // announce/unannounce/mutable signature does not verify
    quint64 missingToken = 0;     // a write without a token
    quint64 badToken = 0;         // a token we did not issue (answered INVALID_TOKEN)
    quint64 undecodable = 0;      // value missing or not decodable
    quint64 oversized = 0;        // value larger than StorageLimits::maxValueSize
    quint64 hashMismatch = 0;     // target ≠ BLAKE2b-256(value or public key)
    quint64 missingTarget = 0;    // a storage command without a target
    quint64 unknownCommand = 0;   // answered UNKNOWN_COMMAND (ephemeral, or not a hyperdht command)
    quint64 announcesStored = 0;
    quint64 unannounces = 0;
    quint64 lookupsServed = 0;
    quint64 findPeersServed = 0;
    quint64 mutablePuts = 0;
    quint64 mutableGets = 0;
    quint64 immutablePuts = 0;
    quint64 immutableGets = 0;
    quint64 seqRejected = 0;           // MUTABLE_PUT answered SEQ_REUSED or SEQ_TOO_LOW
    quint64 handshakesDeclined = 0;    // PEER_HANDSHAKE answered "try closer nodes" or dropped
    quint64 holepunchesDropped = 0;    // PEER_HOLEPUNCH that could not be routed
    quint64 handshakesForwarded = 0;   // FROM_CLIENT → FROM_RELAY, FROM_RELAY → FROM_SECOND_RELAY
    quint64 handshakeReplies = 0;      // FROM_SERVER answered to the client as REPLY
    quint64 holepunchesForwarded = 0;  // FROM_CLIENT → FROM_RELAY
    quint64 holepunchReplies = 0;      // FROM_SERVER answered to the client as REPLY

    quint64 rejected() const {
        return forgedSignature + missingToken + badToken + undecodable + oversized + hashMismatch +
               missingTarget;
    }
};

// An announce-self entry (§4.2 step 4): the server's record and where its ANNOUNCE came from.
struct RouterEntry {
    encoding::Ipv4Address relay;
    QByteArray record;
};

struct HandshakeValue;
struct HolepunchValue;

// A listening server on this node (spec §5.2 server rows, §7.2): PEER_HANDSHAKE in modes
// FROM_CLIENT / FROM_RELAY / FROM_SECOND_RELAY and PEER_HOLEPUNCH FROM_RELAY for its target go to
// these hooks instead of the relay logic. The value is already decoded.
struct ServerTargetHooks {
    std::function<void(const HandshakeValue& value, const rpc::IncomingRequest& in,
                       const rpc::ReplyFn& reply)>
        onHandshake;
    std::function<void(const HolepunchValue& value, const rpc::IncomingRequest& in,
                       const rpc::ReplyFn& reply)>
        onHolepunch;
};

class HyperDhtHandler final : public rpc::CommandHandler {
public:
    // nodeId: this node's id while it is persistent, an empty array while ephemeral (the signed
    // announce binds it, §4.4). wallClockMs: Unix ms for the bump drift check.
    HyperDhtHandler(const rpc::MonotonicClock& clock, std::function<QByteArray()> nodeId,
                    StorageLimits limits = {}, std::function<qint64()> wallClockMs = {});

    void handle(const rpc::IncomingRequest& request, rpc::ReplyFn reply) override;

    const HyperDhtCounters& counters() const { return m_counters; }
    // Called for every rejection (e.g. to add it to DhtNodeStats).
    void setRejectionObserver(std::function<void(bool badToken)> observer) {
        m_onReject = std::move(observer);
    }

    // Our own announce left a topic (hyperdht `lookupAndUnannounce` unlinks self first).
    void removeLocal(const QByteArray& target, const QByteArray& publicKey);

    // Registers / removes a listening server for `target` (BLAKE2b-256 of its public key).
    void setServerTarget(const QByteArray& target, ServerTargetHooks hooks) {
        m_servers[target] = std::move(hooks);
    }
    void removeServerTarget(const QByteArray& target) { m_servers.erase(target); }
    bool hasServerTarget(const QByteArray& target) const { return m_servers.count(target) != 0; }

    int recordCount() { return m_records.size(); }
    int routerCount() { return m_router.size(); }
    int mutableCount() { return m_mutables.size(); }
    int immutableCount() { return m_immutables.size(); }
    std::optional<RouterEntry> routerEntry(const QByteArray& target) { return m_router.get(target); }

private:
    struct RefreshEntry {
        QByteArray target;
        QByteArray record;
        bool announceSelf = false;
    };
    enum class Reason { ForgedSignature, MissingToken, Undecodable, Oversized, HashMismatch, MissingTarget };

    void onFindPeer(const rpc::IncomingRequest& in, const rpc::ReplyFn& reply);
    void onLookup(const rpc::IncomingRequest& in, const rpc::ReplyFn& reply);
    void onAnnounce(const rpc::IncomingRequest& in, const rpc::ReplyFn& reply);
    void onRefresh(const QByteArray& refresh, const rpc::IncomingRequest& in, const rpc::ReplyFn& reply);
    void onUnannounce(const rpc::IncomingRequest& in, const rpc::ReplyFn& reply);
    void onMutablePut(const rpc::IncomingRequest& in, const rpc::ReplyFn& reply);
    void onMutableGet(const rpc::IncomingRequest& in, const rpc::ReplyFn& reply);
    void onImmutablePut(const rpc::IncomingRequest& in, const rpc::ReplyFn& reply);
    void onImmutableGet(const rpc::IncomingRequest& in, const rpc::ReplyFn& reply);
    void onPeerHandshake(const rpc::IncomingRequest& in, const rpc::ReplyFn& reply);
    void onPeerHolepunch(const rpc::IncomingRequest& in, const rpc::ReplyFn& reply);
    std::optional<encoding::Ipv4Address> storedRelay(const rpc::IncomingRequest& in);
    void reject(Reason reason);
    void storeAnnounce(const QByteArray& target, const QByteArray& record, bool announceSelf,
                       const encoding::Ipv4Address& from);

    std::function<QByteArray()> m_nodeId;
    StorageLimits m_limits;
    std::function<qint64()> m_wallClockMs;
    std::function<void(bool)> m_onReject;
    HyperDhtCounters m_counters;

    RecordCache m_records;
    TwoGenerationCache<RouterEntry> m_router;
    TwoGenerationCache<RefreshEntry> m_refreshes;
    TwoGenerationCache<quint64> m_bumps;
    TwoGenerationCache<QByteArray> m_mutables;  // stored as mutableGetResponse bytes
    TwoGenerationCache<QByteArray> m_immutables;
    std::map<QByteArray, ServerTargetHooks> m_servers;
};

}  // namespace pluresdb::dht::hyperdht
