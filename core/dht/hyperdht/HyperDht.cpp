#include "core/dht/hyperdht/HyperDht.h"

#include "core/crypto/Hash.h"
#include "core/dht/hyperdht/HyperDhtWire.h"
#include "core/dht/hyperdht/Signatures.h"
#include "core/dht/rpc/NodeId.h"

#include <QMetaObject>

namespace pluresdb::dht::hyperdht {

using rpc::QueryOptions;
using rpc::QueryReply;
using rpc::QueryResult;
using rpc::RequestResult;
using rpc::RequestStatus;
using rpc::RpcRequest;

namespace {

// The responder's id if it is the one its address implies (§2.2); empty otherwise.
QByteArray replyId(const QueryReply& reply) {
    return reply.response.id ? rpc::validatedId(*reply.response.id, reply.from) : QByteArray();
}

RpcRequest commitRequest(const QueryReply& reply, uint64_t command, const QByteArray& target,
                         const QByteArray& value) {
    RpcRequest r;
    r.to = reply.from;
    r.token = reply.response.token;
    r.command = command;
    r.target = target;
    r.value = value;
    return r;
}

// What a procedure started after destroy() reports, at once.
QueryResult destroyedQuery() {
    QueryResult r;
    r.error = QStringLiteral("The DHT node was destroyed");
    return r;
}

CommitResult destroyedCommit() {
    CommitResult r;
    r.error = QStringLiteral("The DHT node was destroyed");
    return r;
}

}  // namespace

HyperDht::HyperDht(rpc::DhtNodeOptions options, StorageLimits limits, QObject* parent)
    : QObject(parent), m_clock(std::make_unique<rpc::SteadyClock>()) {
    m_handler = std::make_unique<HyperDhtHandler>(
        *m_clock,
        [this]() -> QByteArray {
            // The signed announce binds the storing node's id (§4.4): only a persistent node has one.
            if (!m_node || m_node->isEphemeral())
                return {};
            return m_node->id();
        },
        limits);
    m_node = std::make_unique<rpc::DhtNode>(std::move(options));
    m_handler->setRejectionObserver([this](bool badToken) {
        auto& stats = m_node->mutableStats();
        ++stats.rejected;
        if (badToken)
            ++stats.badTokens;
    });
    m_node->setCommandHandler(m_handler.get());
}

HyperDht::~HyperDht() {
    destroy();
}

Result<void> HyperDht::start() {
    return m_node->start();
}

void HyperDht::destroy() {
    if (m_destroyed)
        return;
    m_destroyed = true;
    m_node->destroy();
}

rpc::QueryId HyperDht::lookup(const QByteArray& topic, std::function<void(const LookupPeers&)> onPeers,
                              std::function<void(const QueryResult&)> onDone) {
    if (m_destroyed) {
        onDone(destroyedQuery());
        return 0;
    }
    QueryOptions q;
    q.target = topic;
    q.command = kCommandLookup;
    return m_node->query(
        q,
        [onPeers = std::move(onPeers)](const QueryReply& reply) {
            if (!reply.response.value)
                return;
            auto decoded = decodeLookupReply(*reply.response.value);
            if (!decoded)
                return;  // hyperdht's mapLookup drops undecodable replies
            onPeers(LookupPeers{reply.from, reply.response.token, reply.response.to,
                                std::move(decoded->peers), decoded->bump});
        },
        std::move(onDone));
}

rpc::QueryId HyperDht::findPeer(const QByteArray& publicKey,
                                std::function<void(const PeerRecord&, const encoding::Ipv4Address&)> onPeer,
                                std::function<void(const QueryResult&)> onDone) {
    if (m_destroyed) {
        onDone(destroyedQuery());
        return 0;
    }
    QueryOptions q;
    q.target = crypto::blake2b(publicKey);
    q.command = kCommandFindPeer;
    return m_node->query(
        q,
        [onPeer = std::move(onPeer)](const QueryReply& reply) {
            if (!reply.response.value)
                return;
            if (auto peer = decodePeerRecord(*reply.response.value))
                onPeer(*peer, reply.from);
        },
        std::move(onDone));
}

void HyperDht::queryAndCommit(QueryOptions query, MakeCommit makeCommit, int maxCommits,
                              std::function<void(const CommitResult&)> done) {
    if (m_destroyed) {
        done(destroyedCommit());
        return;
    }
    m_node->query(
        std::move(query), [](const QueryReply&) {},
        [this, makeCommit = std::move(makeCommit), maxCommits,
         done = std::move(done)](const QueryResult& qr) {
            if (m_destroyed) {
                done(destroyedCommit());
                return;
            }
            if (!qr.ok) {
                CommitResult r;
                r.error = qr.error.isEmpty() ? QStringLiteral("Too few nodes responded") : qr.error;
                done(r);
                return;
            }
            struct State {
                CommitResult result;
                int pending = 0;
                bool issuing = true;
                std::function<void(const CommitResult&)> done;
                void finishIfDone() {
                    if (pending > 0 || issuing)
                        return;
                    result.ok = result.committed > 0;
                    if (!result.ok && result.error.isEmpty())
                        result.error = result.attempted == 0 ? QStringLiteral("No node offered a write token")
                                                             : QStringLiteral("No node accepted the write");
                    auto cb = std::move(done);
                    done = nullptr;
                    if (cb)
                        cb(result);
                }
            };
            auto state = std::make_shared<State>();
            state->done = done;
            for (const QueryReply& reply : qr.closestReplies) {
                if (state->result.attempted >= maxCommits)
                    break;
                if (!reply.response.token || replyId(reply).isEmpty())
                    continue;
                std::optional<RpcRequest> request = makeCommit(reply);
                if (!request)
                    continue;
                ++state->result.attempted;
                ++state->pending;
                const encoding::Ipv4Address from = reply.from;
                m_node->request(*request, from, rpc::RequestOptions{},
                                [state, from](const RequestResult& rr) {
                                    --state->pending;
                                    if (rr.status == RequestStatus::Response) {
                                        ++state->result.committed;
                                        state->result.committedTo.emplace_back(
                                            from, rr.response ? rr.response->to : encoding::Ipv4Address{});
                                    } else if (rr.status == RequestStatus::ErrorResponse && rr.response) {
                                        state->result.errorCodes.push_back(rr.response->error);
                                    }
                                    state->finishIfDone();
                                });
            }
            state->issuing = false;
            state->finishIfDone();
        });
}

void HyperDht::announce(const QByteArray& topic, const crypto::KeyPair& keyPair,
                        std::vector<encoding::Ipv4Address> relayAddresses,
                        std::function<void(const CommitResult&)> done) {
    QueryOptions q;
    q.target = topic;
    q.command = kCommandLookup;
    const PeerRecord peer{keyPair.publicKey, std::move(relayAddresses)};
    queryAndCommit(
        q,
        [topic, peer, keyPair](const QueryReply& reply) -> std::optional<RpcRequest> {
            // The signature binds the storing node's id and the token it gave us (§4.4).
            AnnounceValue v{peer, std::nullopt, std::nullopt, 0};
            v.signature = signAnnounce(AnnounceKind::Announce, topic, replyId(reply), *reply.response.token,
                                       peer, std::nullopt, keyPair);
            return commitRequest(reply, kCommandAnnounce, topic, encodeAnnounceValue(v));
        },
        rpc::kK, std::move(done));
}

void HyperDht::unannounce(const QByteArray& topic, const crypto::KeyPair& keyPair,
                          std::function<void(const CommitResult&)> done) {
    if (m_destroyed) {
        done(destroyedCommit());
        return;
    }
    // Our own node may hold the record too (hyperdht unlinks self first).
    m_handler->removeLocal(topic, keyPair.publicKey);

    struct State {
        CommitResult result;
        int pending = 0;
        bool querying = true;
        std::function<void(const CommitResult&)> done;
        void finishIfDone() {
            if (pending > 0 || querying || !done)
                return;
            auto cb = std::move(done);
            done = nullptr;
            cb(result);
        }
    };
    auto state = std::make_shared<State>();
    state->done = std::move(done);
    const PeerRecord peer{keyPair.publicKey, {}};

    QueryOptions q;
    q.target = topic;
    q.command = kCommandLookup;
    m_node->query(
        q,
        [this, state, topic, peer, keyPair](const QueryReply& reply) {
            if (!reply.response.value || !reply.response.token)
                return;
            auto decoded = decodeLookupReply(*reply.response.value);
            const QByteArray id = replyId(reply);
            if (!decoded || id.isEmpty())
                return;
            bool found = int(decoded->peers.size()) >= kMaxLookupRecords;
            for (const auto& p : decoded->peers)
                found = found || p.publicKey == keyPair.publicKey;
            if (!found)
                return;
            AnnounceValue v{peer, std::nullopt, std::nullopt, 0};
            v.signature = signAnnounce(AnnounceKind::Unannounce, topic, id, *reply.response.token, peer,
                                       std::nullopt, keyPair);
            ++state->result.attempted;
            ++state->pending;
            m_node->request(commitRequest(reply, kCommandUnannounce, topic, encodeAnnounceValue(v)),
                            reply.from, rpc::RequestOptions{}, [state](const RequestResult& rr) {
                                --state->pending;
                                if (rr.status == RequestStatus::Response)
                                    ++state->result.committed;
                                state->finishIfDone();
                            });
        },
        [state](const QueryResult& qr) {
            state->querying = false;
            state->result.ok = qr.ok;
            if (!qr.ok)
                state->result.error =
                    qr.error.isEmpty() ? QStringLiteral("Too few nodes responded") : qr.error;
            state->finishIfDone();
        });
}

void HyperDht::announceSelf(const crypto::KeyPair& keyPair,
                            std::function<void(const AnnounceSelfResult&)> done) {
    if (m_destroyed) {
        done(AnnounceSelfResult{destroyedCommit(), {}, {}});
        return;
    }
    const QByteArray target = crypto::blake2b(keyPair.publicKey);
    const PeerRecord peer{keyPair.publicKey, {}};
    QueryOptions q;
    q.target = target;
    q.command = kCommandFindPeer;
    queryAndCommit(
        q,
        [target, peer, keyPair](const QueryReply& reply) -> std::optional<RpcRequest> {
            AnnounceValue v{peer, std::nullopt, std::nullopt, 0};
            v.signature = signAnnounce(AnnounceKind::Announce, target, replyId(reply), *reply.response.token,
                                       peer, std::nullopt, keyPair);
            return commitRequest(reply, kCommandAnnounce, target, encodeAnnounceValue(v));
        },
        kMaxRelayAddresses,
        [this, done = std::move(done)](const CommitResult& commit) {
            AnnounceSelfResult r;
            r.commit = commit;
            if (!m_node->isFirewalled())
                if (const auto pub = m_node->publicAddress(); pub && pub->port != 0)
                    r.relayAddresses.push_back(*pub);
            for (const auto& [relay, seenAs] : commit.committedTo) {
                r.relays.push_back(ServerRelay{relay, seenAs});
                if (int(r.relayAddresses.size()) < kMaxRelayAddresses)
                    r.relayAddresses.push_back(relay);
            }
            done(r);
        });
}

void HyperDht::mutablePut(const crypto::KeyPair& keyPair, const QByteArray& value, uint64_t seq,
                          std::function<void(const CommitResult&)> done) {
    const QByteArray target = crypto::blake2b(keyPair.publicKey);
    const QByteArray signedPut =
        encodeMutablePutRequest({keyPair.publicKey, seq, value, signMutable(seq, value, keyPair)});
    QueryOptions q;
    q.target = target;
    q.command = kCommandMutableGet;
    q.value = encodeMutableGetRequest(0);  // the query only finds the closest nodes
    queryAndCommit(
        q,
        [target, signedPut](const QueryReply& reply) -> std::optional<RpcRequest> {
            return commitRequest(reply, kCommandMutablePut, target, signedPut);
        },
        rpc::kK, std::move(done));
}

void HyperDht::mutableGet(const QByteArray& publicKey, uint64_t minSeq,
                          std::function<void(std::optional<MutableValue>)> done) {
    if (m_destroyed) {
        done(std::nullopt);
        return;
    }
    auto best = std::make_shared<std::optional<MutableValue>>();
    QueryOptions q;
    q.target = crypto::blake2b(publicKey);
    q.command = kCommandMutableGet;
    q.value = encodeMutableGetRequest(minSeq);
    m_node->query(
        q,
        [best, publicKey, minSeq](const QueryReply& reply) {
            if (!reply.response.value)
                return;
            auto v = decodeMutableGetResponse(*reply.response.value);
            if (!v || v->seq < minSeq || (*best && v->seq <= (*best)->seq))
                return;
            // Storing nodes are not trusted: every value is verified here (§4.4).
            if (!verifyMutable(publicKey, v->seq, v->value, v->signature))
                return;
            *best = MutableValue{v->seq, v->value, v->signature, reply.from};
        },
        [best, done = std::move(done)](const QueryResult&) { done(*best); });
}

void HyperDht::immutablePut(const QByteArray& value, std::function<void(const CommitResult&)> done) {
    const QByteArray target = crypto::blake2b(value);
    QueryOptions q;
    q.target = target;
    q.command = kCommandImmutableGet;
    queryAndCommit(
        q,
        [target, value](const QueryReply& reply) -> std::optional<RpcRequest> {
            return commitRequest(reply, kCommandImmutablePut, target, value);
        },
        rpc::kK, std::move(done));
}

void HyperDht::immutableGet(const QByteArray& hash, std::function<void(std::optional<QByteArray>)> done) {
    if (m_destroyed) {
        done(std::nullopt);
        return;
    }
    auto found = std::make_shared<std::optional<QByteArray>>();
    auto queryId = std::make_shared<rpc::QueryId>(0);
    QueryOptions q;
    q.target = hash;
    q.command = kCommandImmutableGet;
    *queryId = m_node->query(
        q,
        [this, found, hash, queryId](const QueryReply& reply) {
            if (*found || !reply.response.value || crypto::blake2b(*reply.response.value) != hash)
                return;
            *found = *reply.response.value;
            // The first verified value is the answer; stop the query outside its callback.
            QMetaObject::invokeMethod(
                this, [this, queryId] { m_node->cancelQuery(*queryId); }, Qt::QueuedConnection);
        },
        [found, done = std::move(done)](const QueryResult&) { done(*found); });
}

}  // namespace pluresdb::dht::hyperdht
