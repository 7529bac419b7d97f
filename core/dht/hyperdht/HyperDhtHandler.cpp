#include "core/dht/hyperdht/HyperDhtHandler.h"

#include "core/crypto/Hash.h"
#include "core/dht/hyperdht/HyperDhtWire.h"
#include "core/dht/hyperdht/Records.h"
#include "core/dht/hyperdht/RelayValues.h"
#include "core/dht/hyperdht/Signatures.h"
#include "core/dht/rpc/RpcWire.h"

#include <QDateTime>

namespace pluresdb::dht::hyperdht {

using rpc::HandlerReply;
using rpc::IncomingRequest;
using rpc::ReplyFn;

namespace {

// ANNOUNCE / UNANNOUNCE success: empty, no token, no closerNodes (capture C13).
HandlerReply bareOk() {
    HandlerReply r;
    r.withToken = false;
    r.withCloserNodes = false;
    return r;
}

HandlerReply withValue(std::optional<QByteArray> value) {
    HandlerReply r;
    r.value = std::move(value);
    return r;
}

// dht-rpc decodes an empty value buffer as null, and hyperdht treats null as "no value".
bool hasValue(const IncomingRequest& in) {
    return in.request.value && !in.request.value->isEmpty();
}

bool hasTarget(const IncomingRequest& in) {
    return in.request.target && in.request.target->size() == rpc::kTargetSize;
}

}  // namespace

HyperDhtHandler::HyperDhtHandler(const rpc::MonotonicClock& clock, std::function<QByteArray()> nodeId,
                                 StorageLimits limits, std::function<qint64()> wallClockMs)
    : m_nodeId(std::move(nodeId)),
      m_limits(limits),
      m_wallClockMs(std::move(wallClockMs)),
      m_records(clock, limits.maxRecords, limits.maxAgeMs),
      m_router(clock, limits.maxRouterEntries, limits.maxAgeMs),
      m_refreshes(clock, limits.maxRefreshes, limits.maxAgeMs),
      m_bumps(clock, limits.maxBumps, limits.maxAgeMs),
      m_mutables(clock, limits.maxMutables, limits.maxValueAgeMs),
      m_immutables(clock, limits.maxImmutables, limits.maxValueAgeMs) {
    if (!m_wallClockMs)
        m_wallClockMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
}

void HyperDhtHandler::reject(Reason reason) {
    switch (reason) {
        case Reason::ForgedSignature:
            ++m_counters.forgedSignature;
            break;
        case Reason::MissingToken:
            ++m_counters.missingToken;
            break;
        case Reason::Undecodable:
            ++m_counters.undecodable;
            break;
        case Reason::Oversized:
            ++m_counters.oversized;
            break;
        case Reason::HashMismatch:
            ++m_counters.hashMismatch;
            break;
        case Reason::MissingTarget:
            ++m_counters.missingTarget;
            break;
    }
    if (m_onReject)
        m_onReject(reason == Reason::MissingToken);
}

void HyperDhtHandler::handle(const IncomingRequest& in, ReplyFn reply) {
    const rpc::RpcRequest& req = in.request;
    if (req.internal) {  // the dht-rpc layer owns these; never ours to answer
        ++m_counters.unknownCommand;
        HandlerReply r;
        r.error = rpc::kErrorUnknownCommand;
        r.withToken = false;
        reply(r);
        return;
    }
    // dht-rpc answers a request with a token it did not issue with INVALID_TOKEN and a fresh token
    // (§2.2), before any command runs.
    if (req.token && !in.tokenValid) {
        ++m_counters.badToken;
        if (m_onReject)
            m_onReject(true);
        HandlerReply r;
        r.error = rpc::kErrorInvalidToken;
        r.withToken = true;
        reply(r);
        return;
    }

    switch (req.command) {
        case kCommandPeerHandshake:
            onPeerHandshake(in, reply);
            return;
        case kCommandPeerHolepunch:
            onPeerHolepunch(in, reply);
            return;
        default:
            break;
    }

    const bool persistent = !m_nodeId().isEmpty();
    const bool storageCommand = req.command >= kCommandFindPeer && req.command <= kCommandImmutableGet;
    if (!persistent || !storageCommand) {
        // Ephemeral nodes refuse storage commands, and PLUGIN has no registered plugin here (§4).
        ++m_counters.unknownCommand;
        HandlerReply r;
        r.error = rpc::kErrorUnknownCommand;
        r.withToken = false;
        r.withCloserNodes = true;
        reply(r);
        return;
    }
    if (!hasTarget(in)) {
        reject(Reason::MissingTarget);
        return;
    }

    switch (req.command) {
        case kCommandFindPeer:
            onFindPeer(in, reply);
            return;
        case kCommandLookup:
            onLookup(in, reply);
            return;
        case kCommandAnnounce:
            onAnnounce(in, reply);
            return;
        case kCommandUnannounce:
            onUnannounce(in, reply);
            return;
        case kCommandMutablePut:
            onMutablePut(in, reply);
            return;
        case kCommandMutableGet:
            onMutableGet(in, reply);
            return;
        case kCommandImmutablePut:
            onImmutablePut(in, reply);
            return;
        case kCommandImmutableGet:
            onImmutableGet(in, reply);
            return;
        default:
            return;
    }
}

std::optional<encoding::Ipv4Address> HyperDhtHandler::storedRelay(const IncomingRequest& in) {
    if (!hasTarget(in))
        return std::nullopt;
    const auto entry = m_router.get(*in.request.target);
    if (!entry)
        return std::nullopt;
    return entry->relay;
}

void HyperDhtHandler::onPeerHandshake(const IncomingRequest& in, const ReplyFn& reply) {
    if (!hasValue(in)) {
        reject(Reason::Undecodable);
        return;
    }
    const auto hs = decodeHandshakeValue(*in.request.value);
    if (!hs) {
        reject(Reason::Undecodable);
        return;
    }
    if (hasTarget(in) && hs->mode != kModeFromServer && hs->mode != kModeReply) {
        const auto server = m_servers.find(*in.request.target);
        if (server != m_servers.end() && server->second.onHandshake) {
            // Copy: the hook may remove the server (and so this entry) while it runs.
            const auto hook = server->second.onHandshake;
            hook(*hs, in, reply);
            return;
        }
    }
    const auto relay = storedRelay(in);
    // hyperdht decodes an empty buffer as null: a handshake without a Noise message is not routed.
    const bool noise = !hs->noise.isEmpty();
    switch (hs->mode) {
        case kModeFromClient: {
            if (!noise)
                break;
            if (!relay && !hs->relayAddress) {
                // "I don't know it, try closer nodes": empty OK with closerNodes, no token.
                ++m_counters.handshakesDeclined;
                HandlerReply r;
                r.withToken = false;
                r.withCloserNodes = true;
                reply(r);
                return;
            }
            if (!in.relay)
                break;
            HandshakeValue out{kModeFromRelay, hs->noise, in.from, std::nullopt};
            ++m_counters.handshakesForwarded;
            in.relay(encodeHandshakeValue(out), hs->relayAddress ? *hs->relayAddress : *relay);
            return;
        }
        case kModeFromRelay: {
            if (!relay || !noise || !in.relay)
                break;
            HandshakeValue out{kModeFromSecondRelay, hs->noise, hs->peerAddress, in.from};
            ++m_counters.handshakesForwarded;
            in.relay(encodeHandshakeValue(out), *relay);
            return;
        }
        case kModeFromServer: {
            if (!hs->peerAddress || !noise)
                break;
            // The server's answer goes to the client under the client's tid (the relayed request
            // kept it), from this node, naming the server as this node sees it.
            HandshakeValue out{kModeReply, hs->noise, in.from, std::nullopt};
            HandlerReply r;
            r.value = encodeHandshakeValue(out);
            r.to = *hs->peerAddress;
            r.withToken = false;
            r.withCloserNodes = false;
            ++m_counters.handshakeReplies;
            reply(r);
            return;
        }
        default:  // FROM_SECOND_RELAY and REPLY are for the server and the client
            break;
    }
    ++m_counters.handshakesDeclined;
}

void HyperDhtHandler::onPeerHolepunch(const IncomingRequest& in, const ReplyFn& reply) {
    if (!hasValue(in)) {
        reject(Reason::Undecodable);
        return;
    }
    const auto hp = decodeHolepunchValue(*in.request.value);
    if (!hp) {
        reject(Reason::Undecodable);
        return;
    }
    switch (hp->mode) {
        case kModeFromClient: {
            // The client names the server (peerAddress from the handshake reply); else the stored relay.
            const auto relay = hp->peerAddress ? hp->peerAddress : storedRelay(in);
            if (!relay || !in.relay)
                break;
            HolepunchValue out{kModeFromRelay, hp->id, hp->payload, in.from};
            ++m_counters.holepunchesForwarded;
            in.relay(encodeHolepunchValue(out), *relay);
            return;
        }
        case kModeFromServer: {
            HolepunchValue out{kModeReply, hp->id, hp->payload, in.from};
            HandlerReply r;
            r.value = encodeHolepunchValue(out);
            r.to = hp->peerAddress;  // as hyperdht: without one, the answer goes back to the sender
            r.withToken = false;
            r.withCloserNodes = false;
            ++m_counters.holepunchReplies;
            reply(r);
            return;
        }
        case kModeFromRelay: {
            if (!hasTarget(in))
                break;
            const auto server = m_servers.find(*in.request.target);
            if (server == m_servers.end() || !server->second.onHolepunch || !hp->peerAddress)
                break;
            const auto hook = server->second.onHolepunch;
            hook(*hp, in, reply);
            return;
        }
        default:
            break;
    }
    ++m_counters.holepunchesDropped;
}

void HyperDhtHandler::onFindPeer(const IncomingRequest& in, const ReplyFn& reply) {
    ++m_counters.findPeersServed;
    const auto entry = m_router.get(*in.request.target);
    reply(withValue(entry ? std::optional<QByteArray>(entry->record) : std::nullopt));
}

void HyperDhtHandler::onLookup(const IncomingRequest& in, const ReplyFn& reply) {
    ++m_counters.lookupsServed;
    const QByteArray& target = *in.request.target;
    std::vector<QByteArray> records = m_records.get(target, kMaxLookupRecords);
    if (int(records.size()) < kMaxLookupRecords)
        if (const auto entry = m_router.get(target))
            records.push_back(entry->record);
    if (records.empty()) {
        reply(withValue(std::nullopt));
        return;
    }
    // lookupRawReply: the stored encodings verbatim, then the bump (§4.1).
    encoding::Encoder e;
    e.arrayLength(records.size());
    for (const QByteArray& r : records)
        e.fixed(r);
    e.uint(m_bumps.get(target).value_or(0));
    reply(withValue(e.take()));
}

void HyperDhtHandler::storeAnnounce(const QByteArray& target, const QByteArray& record, bool announceSelf,
                                    const encoding::Ipv4Address& from) {
    if (announceSelf) {
        m_router.set(target, RouterEntry{from, record});
        m_records.remove(target, record.left(kPublicKeySize));
    } else {
        m_records.add(target, record);
    }
}

void HyperDhtHandler::onAnnounce(const IncomingRequest& in, const ReplyFn& reply) {
    if (!in.request.token) {
        reject(Reason::MissingToken);
        return;
    }
    if (!hasValue(in)) {
        reject(Reason::Undecodable);
        return;
    }
    auto decoded = decodeAnnounceValue(*in.request.value);
    if (!decoded) {
        reject(Reason::Undecodable);
        return;
    }
    AnnounceValue ann = std::move(*decoded);
    const QByteArray& target = *in.request.target;
    if (!ann.peer) {
        if (!ann.refresh) {
            reject(Reason::Undecodable);
            return;
        }
        onRefresh(*ann.refresh, in, reply);
        return;
    }
    // The signature covers the peer as sent, before the relay addresses are cut to 3 (§4.4).
    if (!ann.signature ||
        !verifyAnnounce(AnnounceKind::Announce, target, m_nodeId(), *in.request.token, ann)) {
        reject(Reason::ForgedSignature);
        return;
    }
    PeerRecord peer = *ann.peer;
    if (int(peer.relayAddresses.size()) > kMaxRelayAddresses)
        peer.relayAddresses.resize(kMaxRelayAddresses);
    const QByteArray record = encodePeerRecord(peer);
    const bool announceSelf = crypto::blake2b(peer.publicKey) == target;
    storeAnnounce(target, record, announceSelf, in.from);
    if (!announceSelf && ann.bump > 0) {
        const quint64 current = m_bumps.get(target).value_or(0);
        if (ann.bump > current && qint64(ann.bump) <= m_wallClockMs() + kMaxBumpDriftMs)
            m_bumps.set(target, ann.bump);
    }
    if (ann.refresh)
        m_refreshes.set(ann.refresh->toHex(), RefreshEntry{target, record, announceSelf});
    ++m_counters.announcesStored;
    reply(bareOk());
}

void HyperDhtHandler::onRefresh(const QByteArray& refresh, const IncomingRequest& in, const ReplyFn& reply) {
    // §4.3: a refresh r renews the entry stored under R = BLAKE2b-256(r), then re-keys it to r.
    const QByteArray active = crypto::blake2b(refresh).toHex();
    const auto entry = m_refreshes.get(active);
    if (!entry) {
        reject(Reason::HashMismatch);
        return;
    }
    storeAnnounce(entry->target, entry->record, entry->announceSelf, in.from);
    m_refreshes.remove(active);
    m_refreshes.set(refresh.toHex(), *entry);
    ++m_counters.announcesStored;
    reply(bareOk());
}

void HyperDhtHandler::onUnannounce(const IncomingRequest& in, const ReplyFn& reply) {
    if (!in.request.token) {
        reject(Reason::MissingToken);
        return;
    }
    auto decoded = hasValue(in) ? decodeAnnounceValue(*in.request.value)
                                : Result<AnnounceValue>(makeError(QStringLiteral("no value")));
    if (!decoded || !decoded->peer || !decoded->signature) {
        reject(Reason::Undecodable);
        return;
    }
    const QByteArray& target = *in.request.target;
    if (!verifyAnnounce(AnnounceKind::Unannounce, target, m_nodeId(), *in.request.token, *decoded)) {
        reject(Reason::ForgedSignature);
        return;
    }
    removeLocal(target, decoded->peer->publicKey);
    ++m_counters.unannounces;
    reply(bareOk());
}

void HyperDhtHandler::removeLocal(const QByteArray& target, const QByteArray& publicKey) {
    if (crypto::blake2b(publicKey) == target)
        m_router.remove(target);
    m_records.remove(target, publicKey);
}

void HyperDhtHandler::onMutablePut(const IncomingRequest& in, const ReplyFn& reply) {
    if (!in.request.token) {
        reject(Reason::MissingToken);
        return;
    }
    if (!hasValue(in)) {
        reject(Reason::Undecodable);
        return;
    }
    auto put = decodeMutablePutRequest(*in.request.value);
    if (!put) {
        reject(Reason::Undecodable);
        return;
    }
    const QByteArray& target = *in.request.target;
    if (crypto::blake2b(put->publicKey) != target) {
        reject(Reason::HashMismatch);
        return;
    }
    if (put->value.isEmpty()) {
        reject(Reason::Undecodable);
        return;
    }
    if (put->value.size() > m_limits.maxValueSize) {
        reject(Reason::Oversized);
        return;
    }
    if (!verifyMutable(put->publicKey, put->seq, put->value, put->signature)) {
        reject(Reason::ForgedSignature);
        return;
    }
    if (const auto local = m_mutables.get(target)) {
        const auto existing = decodeMutableGetResponse(*local);
        if (existing) {
            HandlerReply err;
            err.withToken = false;
            if (existing->seq == put->seq && existing->value != put->value) {
                ++m_counters.seqRejected;
                err.error = rpc::kErrorSeqReused;
                reply(err);
                return;
            }
            if (put->seq < existing->seq) {
                ++m_counters.seqRejected;
                err.error = rpc::kErrorSeqTooLow;
                reply(err);
                return;
            }
        }
    }
    m_mutables.set(target, encodeMutableGetResponse({put->seq, put->value, put->signature}));
    ++m_counters.mutablePuts;
    reply(withValue(std::nullopt));
}

void HyperDhtHandler::onMutableGet(const IncomingRequest& in, const ReplyFn& reply) {
    if (!hasValue(in)) {
        reject(Reason::Undecodable);
        return;
    }
    const auto minSeq = decodeMutableGetRequest(*in.request.value);
    if (!minSeq) {
        reject(Reason::Undecodable);
        return;
    }
    ++m_counters.mutableGets;
    const auto local = m_mutables.get(*in.request.target);
    if (!local) {
        reply(withValue(std::nullopt));
        return;
    }
    encoding::Decoder d(*local);
    const uint64_t localSeq = d.uint();
    reply(withValue(localSeq < *minSeq ? std::nullopt : std::optional<QByteArray>(*local)));
}

void HyperDhtHandler::onImmutablePut(const IncomingRequest& in, const ReplyFn& reply) {
    if (!in.request.token) {
        reject(Reason::MissingToken);
        return;
    }
    if (!hasValue(in)) {
        reject(Reason::Undecodable);
        return;
    }
    const QByteArray& value = *in.request.value;
    if (value.size() > m_limits.maxValueSize) {
        reject(Reason::Oversized);
        return;
    }
    if (crypto::blake2b(value) != *in.request.target) {
        reject(Reason::HashMismatch);
        return;
    }
    m_immutables.set(*in.request.target, value);
    ++m_counters.immutablePuts;
    reply(withValue(std::nullopt));
}

void HyperDhtHandler::onImmutableGet(const IncomingRequest& in, const ReplyFn& reply) {
    ++m_counters.immutableGets;
    reply(withValue(m_immutables.get(*in.request.target)));
}

}  // namespace pluresdb::dht::hyperdht
