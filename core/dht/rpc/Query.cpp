#include "core/dht/rpc/Query.h"

#include "core/dht/rpc/NodeId.h"
#include "core/dht/rpc/RpcWire.h"

#include <algorithm>

namespace pluresdb::dht::rpc {

Query::Query(QueryHost& host, QueryOptions options, std::function<void(const QueryReply&)> onReply,
             std::function<void(const QueryResult&)> onDone)
    : m_host(host),
      m_options(std::move(options)),
      m_onReply(std::move(onReply)),
      m_onDone(std::move(onDone)),
      m_k(host.routingTable().k()),
      m_concurrency(std::max(1, m_options.concurrency)),
      m_retries(m_options.internal && m_options.command == kCommandDownHint ? kDownHintRetries
                                                                            : kQueryRetries) {
    // Caller nodes are pushed in reverse: the stack pops the first one first.
    for (auto it = m_options.nodes.rbegin(); it != m_options.nodes.rend(); ++it)
        addPending(Candidate{nodeIdFor(*it), *it}, std::nullopt);
}

quint64 Query::key(const Ipv4Address& a) {
    return quint64(a.host[0]) << 40 | quint64(a.host[1]) << 32 | quint64(a.host[2]) << 24 |
           quint64(a.host[3]) << 16 | a.port;
}

bool Query::isCloser(const QByteArray& id) const {
    return int(m_closest.size()) < m_k ||
           compareDistance(m_options.target, id, *m_closest.back().response.id) < 0;
}

bool Query::addPending(const Candidate& c, const std::optional<Ipv4Address>& ref) {
    const bool closer = isCloser(c.id);
    const auto it = m_seen.find(key(c.address));
    if (it != m_seen.end()) {
        if (it->second.state == Seen::State::Done)
            return closer;
        if (it->second.state == Seen::State::Down) {
            if (ref)
                downHint(*ref, c.address);
            return closer;
        }
        if (ref)
            it->second.refs.push_back(*ref);
        return closer;
    }
    if (!closer)
        return false;
    Seen s;
    if (ref)
        s.refs.push_back(*ref);
    m_seen.emplace(key(c.address), std::move(s));
    m_pending.push_back(c);
    return true;
}

void Query::addFromTable() {
    if (int(m_pending.size()) >= m_k)
        return;
    m_fromTable = true;
    for (const auto& n : m_host.routingTable().closest(m_options.target, m_k - int(m_pending.size())))
        addPending(Candidate{n->id, n->address}, std::nullopt);
}

void Query::start() {
    const auto self = shared_from_this();
    addFromTable();
    if (int(m_pending.size()) < m_k)
        for (const auto& b : m_host.bootstrapNodes())
            addPending(Candidate{nodeIdFor(b), b}, std::nullopt);
    readMore();
}

void Query::readMore() {
    // Completions can arrive while we are sending (a request finishing at once when the node is
    // shutting down): run the loop again instead of nesting it.
    if (m_inReadMore) {
        m_readAgain = true;
        return;
    }
    m_inReadMore = true;
    do {
        m_readAgain = false;
        if (m_finished)
            break;
        const int concurrency = (m_slowdown ? 3 : m_concurrency) + m_slow;
        while (!m_finished && m_inflight < concurrency && !m_pending.empty()) {
            const Candidate next = m_pending.back();
            m_pending.pop_back();
            if (!isCloser(next.id))
                continue;
            visit(next);
        }
        if (m_finished)
            break;
        // Seeded with the caller's (presumably closest) nodes: give them a head start.
        if (!m_fromTable && m_successes == 0 && m_errors == 0)
            m_slowdown = true;
        if (!m_pending.empty())
            continue;
        if (m_inflight == 0 || (m_slow == m_inflight && int(m_closest.size()) >= m_k)) {
            if (!m_fromTable && m_successes < m_k / 4) {
                addFromTable();
                m_readAgain = true;
                continue;
            }
            m_inReadMore = false;
            finish(m_successes > 0, m_successes > 0 ? QString() : QStringLiteral("Too few nodes responded"));
            return;
        }
    } while (m_readAgain);
    m_inReadMore = false;
}

void Query::visit(const Candidate& c) {
    ++m_inflight;
    ++m_requestsSent;
    RpcRequest req;
    req.internal = m_options.internal;
    req.command = m_options.command;
    req.target = m_options.target;
    req.value = m_options.value;
    RequestOptions opts;
    opts.retries = m_retries;
    // Keyed by our own sequence number: the request may complete inside sendQueryRequest()
    // (a node shutting down), before its RequestId is known.
    const quint64 seq = ++m_nextSeq;
    m_requests[seq] = Inflight{c.address, false};
    const std::weak_ptr<Query> weak = weak_from_this();
    opts.onRetry = [weak, seq] {
        if (auto q = weak.lock())
            q->onSlow(seq);
    };
    m_host.sendQueryRequest(std::move(req), c.address, std::move(opts), [weak, seq](const RequestResult& r) {
        if (auto q = weak.lock())
            q->onCompleted(seq, r);
    });
}

void Query::onSlow(quint64 seq) {
    if (m_finished)
        return;
    const auto self = shared_from_this();
    auto it = m_requests.find(seq);
    if (it == m_requests.end() || it->second.slow)
        return;
    it->second.slow = true;
    ++m_slow;
    readMore();
}

void Query::onCompleted(quint64 seq, const RequestResult& r) {
    const auto self = shared_from_this();
    auto it = m_requests.find(seq);
    if (it == m_requests.end())
        return;
    const Inflight info = it->second;
    m_requests.erase(it);
    if (m_finished)
        return;
    --m_inflight;
    if (info.slow)
        --m_slow;

    const bool answered = r.status == RequestStatus::Response || r.status == RequestStatus::ErrorResponse;
    if (!answered) {
        ++m_errors;
        if (r.status == RequestStatus::Destroyed) {
            finish(false, QStringLiteral("Node destroyed"));
            return;
        }
        if (r.status == RequestStatus::Timeout) {
            ++m_timeouts;
            auto& seen = m_seen[key(info.to)];
            const auto refs = seen.refs;
            seen.state = Seen::State::Down;
            for (const auto& ref : refs)
                downHint(ref, info.to);
        }
        readMore();
        return;
    }

    const RpcResponse& res = *r.response;
    m_seen[key(info.to)].state = Seen::State::Done;
    if (res.error == kErrorOk)
        ++m_successes;
    else
        ++m_errors;

    QueryReply reply{res, info.to};
    if (res.error == kErrorOk && res.id && isCloser(*res.id))
        pushClosest(reply);

    for (const auto& n : res.closerNodes) {
        const QByteArray nid = nodeIdFor(n);
        if (nid == m_host.routingTable().id())
            continue;
        if (!addPending(Candidate{nid, n}, info.to))
            break;
    }
    if (!m_fromTable && m_successes + m_errors >= m_concurrency)
        m_slowdown = false;

    if (res.error == kErrorOk && m_onReply)
        m_onReply(reply);
    readMore();
}

void Query::pushClosest(const QueryReply& reply) {
    m_closest.push_back(reply);
    for (int i = int(m_closest.size()) - 2; i >= 0; --i) {
        const int cmp =
            compareDistance(m_options.target, *m_closest[std::size_t(i)].response.id, *reply.response.id);
        if (cmp < 0)
            break;
        if (cmp == 0) {  // the same node twice (rare): keep one
            m_closest.erase(m_closest.begin() + i + 1);
            break;
        }
        std::swap(m_closest[std::size_t(i)], m_closest[std::size_t(i) + 1]);
    }
    if (int(m_closest.size()) > m_k)
        m_closest.pop_back();
}

void Query::downHint(const Ipv4Address& to, const Ipv4Address& down) {
    m_host.sendDownHint(to, down);
}

void Query::cancel(const QString& why) {
    if (m_finished)
        return;
    const auto self = shared_from_this();
    finish(false, why);
}

void Query::finish(bool ok, const QString& error) {
    if (m_finished)
        return;
    m_finished = true;
    QueryResult result;
    result.ok = ok;
    result.error = error;
    result.closestReplies = m_closest;
    result.requestsSent = m_requestsSent;
    result.replies = m_successes;
    result.timeouts = m_timeouts;
    auto done = std::move(m_onDone);
    m_onDone = nullptr;
    m_onReply = nullptr;
    if (done)
        done(result);
}

}  // namespace pluresdb::dht::rpc
