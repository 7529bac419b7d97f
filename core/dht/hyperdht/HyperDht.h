#pragma once

// A hyperdht node (spec/hyperdht.md §4): a dht-rpc DhtNode with the storing-node handler installed
// (it serves records once the node is persistent) and the client procedures of §4.6 — topic
// announce (LOOKUP query, then a signed ANNOUNCE to each of the ≤ 20 closest replies with the
// token that node issued), unannounce, lookup, findPeer, the server-side announce-self that picks
// relays, and mutable/immutable put/get. Every procedure calls its completion exactly once, also
// when the node is destroyed under it.
//
// Lives on the thread that created it, like its DhtNode.

#include "core/common/Result.h"
#include "core/crypto/Ed25519.h"
#include "core/dht/hyperdht/HyperDhtHandler.h"
#include "core/dht/hyperdht/Records.h"
#include "core/dht/rpc/DhtNode.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace pluresdb::dht::hyperdht {

// One LOOKUP reply that carried records (hyperdht `mapLookup`).
struct LookupPeers {
    encoding::Ipv4Address from;
    std::optional<QByteArray> token;
    encoding::Ipv4Address to;  // our address as that node saw it
    std::vector<PeerRecord> peers;
    uint64_t bump = 0;
};

// The outcome of a query followed by a commit to the closest replies (§2.10 step 7).
struct CommitResult {
    bool ok = false;  // at least one commit succeeded
    QString error;
    int attempted = 0;
    int committed = 0;
    std::vector<uint64_t> errorCodes;  // error responses to commits (e.g. SEQ_REUSED)
    // The nodes that accepted the commit, with our address as each saw it (reply `to`).
    std::vector<std::pair<encoding::Ipv4Address, encoding::Ipv4Address>> committedTo;
};

// A relay of an announced server (§4.6 server announcer): the node it announced itself to, and the
// server's address as that node saw it.
struct ServerRelay {
    encoding::Ipv4Address relayAddress;
    encoding::Ipv4Address peerAddress;
};

struct AnnounceSelfResult {
    CommitResult commit;
    std::vector<ServerRelay> relays;
    // What a topic announce should carry: our public address first when we are not firewalled,
    // then the relays, at most 3 (§4.6).
    std::vector<encoding::Ipv4Address> relayAddresses;
};

struct MutableValue {
    uint64_t seq = 0;
    QByteArray value;
    QByteArray signature;
    encoding::Ipv4Address from;
};

class HyperDht : public QObject {
    Q_OBJECT
public:
    explicit HyperDht(rpc::DhtNodeOptions options, StorageLimits limits = {}, QObject* parent = nullptr);
    ~HyperDht() override;

    Result<void> start();
    void destroy();

    rpc::DhtNode& node() { return *m_node; }
    HyperDhtHandler& storage() { return *m_handler; }

    // §4.6 lookup(topic): a LOOKUP query; onPeers sees every reply that carried records.
    rpc::QueryId lookup(const QByteArray& topic, std::function<void(const LookupPeers&)> onPeers,
                        std::function<void(const rpc::QueryResult&)> onDone);
    // FIND_PEER on BLAKE2b-256(publicKey); onPeer sees each record returned.
    rpc::QueryId findPeer(const QByteArray& publicKey,
                          std::function<void(const PeerRecord&, const encoding::Ipv4Address& from)> onPeer,
                          std::function<void(const rpc::QueryResult&)> onDone);
    void cancelQuery(rpc::QueryId id) { m_node->cancelQuery(id); }

    // Topic announce: LOOKUP, then ANNOUNCE {publicKey, relayAddresses} to each closest reply.
    void announce(const QByteArray& topic, const crypto::KeyPair& keyPair,
                  std::vector<encoding::Ipv4Address> relayAddresses,
                  std::function<void(const CommitResult&)> done);
    // lookupAndUnannounce: LOOKUP; each node whose reply lists our key (or is full) gets a signed
    // UNANNOUNCE. ok = the query reached the network.
    void unannounce(const QByteArray& topic, const crypto::KeyPair& keyPair,
                    std::function<void(const CommitResult&)> done);
    // Server announce (§4.6, §12(b) step 2): FIND_PEER on BLAKE2b(pk), ANNOUNCE {pk, []} to the 3
    // closest replies, which become our relays.
    void announceSelf(const crypto::KeyPair& keyPair, std::function<void(const AnnounceSelfResult&)> done);

    void mutablePut(const crypto::KeyPair& keyPair, const QByteArray& value, uint64_t seq,
                    std::function<void(const CommitResult&)> done);
    // The highest-seq value with seq ≥ minSeq whose signature verifies (every reply is checked).
    void mutableGet(const QByteArray& publicKey, uint64_t minSeq,
                    std::function<void(std::optional<MutableValue>)> done);
    void immutablePut(const QByteArray& value, std::function<void(const CommitResult&)> done);
    // The first value whose BLAKE2b-256 equals hash.
    void immutableGet(const QByteArray& hash, std::function<void(std::optional<QByteArray>)> done);

private:
    using MakeCommit = std::function<std::optional<rpc::RpcRequest>(const rpc::QueryReply&)>;
    void queryAndCommit(rpc::QueryOptions query, MakeCommit makeCommit, int maxCommits,
                        std::function<void(const CommitResult&)> done);

    // Declared so that the node goes first: it calls the handler until it is destroyed.
    std::unique_ptr<rpc::SteadyClock> m_clock;
    std::unique_ptr<HyperDhtHandler> m_handler;
    std::unique_ptr<rpc::DhtNode> m_node;
    bool m_destroyed = false;
};

}  // namespace pluresdb::dht::hyperdht
