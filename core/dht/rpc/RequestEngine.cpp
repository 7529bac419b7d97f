#include "core/dht/rpc/RequestEngine.h"

#include <algorithm>
#include <vector>

namespace pluresdb::dht::rpc {

RequestEngine::RequestEngine(DatagramSender& sender, const MonotonicClock& clock, uint16_t firstTid,
                             int maxWindowPerSlot)
    : m_sender(sender), m_clock(clock), m_window(maxWindowPerSlot), m_nextTid(firstTid) {}

RequestEngine::~RequestEngine() {
    destroyAll();
}

uint16_t RequestEngine::allocateTid() {
    // dht-rpc simply increments; skipping tids still in flight means a wrapped counter can never
    // make one request's response complete another.
    for (int i = 0; i < 0x10000; ++i) {
        const uint16_t tid = m_nextTid++;
        if (!m_byTid.count(tid))
            return tid;
    }
    return m_nextTid++;  // unreachable: at most 65536 requests could be in flight
}

RequestId RequestEngine::request(RpcRequest request, const encoding::Ipv4Address& to, RequestOptions options,
                                 RequestCompletion done) {
    const RequestId id = m_nextId++;
    Pending p;
    p.tid = allocateTid();
    request.tid = p.tid;
    p.datagram = encodeRequest(request);
    p.to = to;
    p.options = options;
    p.options.retries = std::max(0, options.retries);
    p.done = std::move(done);
    m_byTid[p.tid] = id;
    m_requests.emplace(id, std::move(p));
    if (m_destroying)
        finish(id, RequestStatus::Destroyed, std::nullopt);
    else
        transmit(id);
    return id;
}

void RequestEngine::transmit(RequestId id) {
    auto it = m_requests.find(id);
    if (it == m_requests.end())
        return;
    // FIFO: while others wait for the window, a new request waits behind them.
    if (!it->second.options.force && (m_window.isFull() || !m_queue.empty())) {
        it->second.deadline.reset();
        m_queue.push_back(id);
        ++m_stats.queued;
        return;
    }
    sendNow(id, it->second);
}

void RequestEngine::sendNow(RequestId, Pending& p) {
    ++p.attempts;
    ++m_stats.transmissions;
    if (p.attempts > 1)
        ++m_stats.retries;
    m_window.send();
    p.deadline = m_clock.nowMs() + p.options.timeoutMs;
    m_sender.sendDatagram(p.datagram, p.to);
}

void RequestEngine::finish(RequestId id, RequestStatus status, std::optional<RpcResponse> response) {
    auto it = m_requests.find(id);
    if (it == m_requests.end())
        return;
    Pending p = std::move(it->second);
    m_requests.erase(it);
    m_byTid.erase(p.tid);
    m_queue.erase(std::remove(m_queue.begin(), m_queue.end(), id), m_queue.end());
    if (p.attempts > 0) {
        m_window.recv();  // a request that never went out holds no unit
        sendQueued();     // the unit just freed goes to the longest-waiting request
    }
    RequestResult result;
    result.status = status;
    result.response = std::move(response);
    result.to = p.to;
    result.attempts = p.attempts;
    if (p.done)
        p.done(result);  // last: the callback may re-enter the engine
}

bool RequestEngine::cancel(RequestId id) {
    if (!m_requests.count(id))
        return false;
    finish(id, RequestStatus::Cancelled, std::nullopt);
    return true;
}

ResponseDisposition RequestEngine::onResponse(const RpcResponse& response,
                                              const encoding::Ipv4Address& from) {
    const auto t = m_byTid.find(response.tid);
    if (t == m_byTid.end()) {
        ++m_stats.unknownTid;
        return ResponseDisposition::UnknownTid;
    }
    const RequestId id = t->second;
    if (!(m_requests.at(id).to == from)) {
        ++m_stats.wrongAddress;
        return ResponseDisposition::WrongAddress;
    }
    ++m_stats.responses;
    const auto status = response.error == kErrorOk ? RequestStatus::Response : RequestStatus::ErrorResponse;
    finish(id, status, response);
    return ResponseDisposition::Accepted;
}

void RequestEngine::processTimers() {
    const qint64 now = m_clock.nowMs();
    std::vector<RequestId> due;
    for (const auto& [id, p] : m_requests)
        if (p.deadline && *p.deadline <= now)
            due.push_back(id);
    for (RequestId id : due) {
        auto it = m_requests.find(id);
        // A callback run earlier in this loop may have finished or re-sent it.
        if (it == m_requests.end() || !it->second.deadline || *it->second.deadline > now)
            continue;
        if (it->second.attempts > it->second.options.retries) {
            ++m_stats.timeouts;
            finish(id, RequestStatus::Timeout, std::nullopt);
        } else {
            auto onRetry = it->second.options.onRetry;
            transmit(id);
            if (onRetry)
                onRetry();
        }
    }
}

void RequestEngine::tick() {
    m_window.drain();
    sendQueued();
}

void RequestEngine::sendQueued() {
    while (!m_queue.empty() && !m_window.isFull()) {
        const RequestId id = m_queue.front();
        m_queue.pop_front();
        auto it = m_requests.find(id);
        if (it != m_requests.end())
            sendNow(id, it->second);
    }
}

void RequestEngine::destroyAll() {
    const bool outer = !m_destroying;
    m_destroying = true;
    while (!m_requests.empty())
        finish(m_requests.begin()->first, RequestStatus::Destroyed, std::nullopt);
    m_window.clear();
    if (outer)
        m_destroying = false;
}

std::optional<qint64> RequestEngine::nextDeadline() const {
    std::optional<qint64> next;
    for (const auto& [id, p] : m_requests)
        if (p.deadline && (!next || *p.deadline < *next))
            next = p.deadline;
    return next;
}

}  // namespace pluresdb::dht::rpc
