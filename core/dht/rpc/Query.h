#pragma once

// The iterative query of dht-rpc (lib/query.js, spec/hyperdht.md §2.10): visits nodes ever closer
// to a target, at most `concurrency` at a time (plus one per request whose first attempt timed out —
// a "slow" request), keeps the ≤ k closest successful replies from nodes with a valid id, sends
// DOWN_HINTs about nodes that never answered to whoever referred us to them, and ends when nothing
// is pending or in flight (or only slow requests remain and k replies are in). A query seeded with
// the caller's nodes starts at concurrency 3 and falls back to the routing table if fewer than k/4
// of them answered.
//
// It runs on a QueryHost — the DhtNode, or a test double over a RequestEngine with a fake clock —
// and is owned through a shared_ptr: request completions hold a weak reference, so a query that
// has finished (or was dropped) ignores the replies still on their way, which the host itself
// still uses to fill its routing table.

#include "core/dht/rpc/DhtNode.h"
#include "core/dht/rpc/RequestEngine.h"
#include "core/dht/rpc/RoutingTable.h"

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace pluresdb::dht::rpc {

class QueryHost {
public:
    virtual ~QueryHost() = default;
    virtual const RoutingTable& routingTable() const = 0;
    // Bootstrap nodes, resolved to addresses (§2.9).
    virtual std::vector<Ipv4Address> bootstrapNodes() const = 0;
    // Sends one query request to a node whose id is nodeIdFor(to); the completion's response has
    // its id already checked against the source (absent if it did not match).
    virtual RequestId sendQueryRequest(RpcRequest request, const Ipv4Address& to, RequestOptions options,
                                       RequestCompletion done) = 0;
    // DOWN_HINT(down) to `to` (§2.6), subject to the host's per-tick rate limit.
    virtual void sendDownHint(const Ipv4Address& to, const Ipv4Address& down) = 0;
};

class Query : public std::enable_shared_from_this<Query> {
public:
    Query(QueryHost& host, QueryOptions options, std::function<void(const QueryReply&)> onReply,
          std::function<void(const QueryResult&)> onDone);

    // Seeds the candidates (§2.10 step 1) and sends the first requests. Call once.
    void start();
    // Ends the query now (onDone with ok = false, "Query cancelled") unless it has ended already.
    void cancel(const QString& why = QStringLiteral("Query cancelled"));
    void setConcurrency(int c) { m_concurrency = std::max(1, c); }
    bool isFinished() const { return m_finished; }
    int inflight() const { return m_inflight; }
    const std::vector<QueryReply>& closestReplies() const { return m_closest; }

private:
    struct Candidate {
        QByteArray id;
        Ipv4Address address;
    };
    struct Seen {
        enum class State { Pending, Done, Down } state = State::Pending;
        std::vector<Ipv4Address> refs;  // nodes that told us about this one
    };
    struct Inflight {
        Ipv4Address to;
        bool slow = false;
    };

    static quint64 key(const Ipv4Address& a);
    bool isCloser(const QByteArray& id) const;
    bool addPending(const Candidate& c, const std::optional<Ipv4Address>& ref);
    void addFromTable();
    void readMore();
    void visit(const Candidate& c);
    void onCompleted(quint64 seq, const RequestResult& r);
    void onSlow(quint64 seq);
    void pushClosest(const QueryReply& reply);
    void downHint(const Ipv4Address& to, const Ipv4Address& down);
    void finish(bool ok, const QString& error);

    QueryHost& m_host;
    QueryOptions m_options;
    std::function<void(const QueryReply&)> m_onReply;
    std::function<void(const QueryResult&)> m_onDone;
    int m_k;
    int m_concurrency;
    int m_retries;
    int m_inflight = 0;
    int m_slow = 0;
    int m_successes = 0;
    int m_errors = 0;
    int m_requestsSent = 0;
    int m_timeouts = 0;
    bool m_slowdown = false;
    bool m_fromTable = false;
    bool m_finished = false;
    bool m_inReadMore = false;
    bool m_readAgain = false;
    std::map<quint64, Seen> m_seen;
    std::vector<Candidate> m_pending;        // a stack: the back is visited next
    std::map<quint64, Inflight> m_requests;  // by m_nextSeq
    quint64 m_nextSeq = 0;
    std::vector<QueryReply> m_closest;
};

}  // namespace pluresdb::dht::rpc
