#pragma once

// The dht-rpc request engine (spec/hyperdht.md §2.5): sends requests, matches responses, retries
// and times out, under the congestion window. Its contract is that every request finishes exactly
// once — with a response, an error response, a timeout, a cancellation or the engine's shutdown —
// and that a response counts only if it comes from the address the request was sent to (Node does
// not check this; we do, so a third party that guesses a tid cannot answer for another node).
//
// It owns no socket and no timer: datagrams go to a DatagramSender, time comes from a
// MonotonicClock, and the owner calls processTimers() at nextDeadline() and tick() every kTickMs.
// That keeps it deterministic under a fake clock and lets it sit on UdxSocket unchanged.
// Completion callbacks may issue or cancel requests (the engine is re-entrant for that).

#include "core/dht/rpc/CongestionWindow.h"
#include "core/dht/rpc/DatagramSender.h"
#include "core/dht/rpc/MonotonicClock.h"
#include "core/dht/rpc/RpcMessage.h"

#include <deque>
#include <functional>
#include <map>
#include <optional>

namespace pluresdb::dht::rpc {

enum class RequestStatus {
    Response,       // a response with error 0
    ErrorResponse,  // a response carrying an error code (§2.2)
    Timeout,        // REQUEST_TIMEOUT: the last attempt's timer fired
    Cancelled,      // cancel() by the caller
    Destroyed,      // the engine shut down with the request still in flight
};

struct RequestResult {
    RequestStatus status = RequestStatus::Timeout;
    std::optional<RpcResponse> response;  // for Response and ErrorResponse
    encoding::Ipv4Address to;             // where the request went
    int attempts = 0;                     // transmissions made
};

struct RequestOptions {
    int timeoutMs = kDefaultTimeoutMs;  // per attempt
    int retries = kDefaultRetries;      // extra transmissions of the same bytes (0 = retry:false)
    bool force = false;                 // bypass the congestion window (§2.5 `force`)
    // Runs after each attempt timer that leads to a retry (the query's "slow request", §2.10 step 4).
    // It may issue or cancel requests.
    std::function<void()> onRetry;
};

using RequestId = quint64;
using RequestCompletion = std::function<void(const RequestResult&)>;

struct RequestEngineStats {
    quint64 transmissions = 0;  // every datagram sent, retries included
    quint64 retries = 0;
    quint64 responses = 0;  // matched responses (error responses included)
    quint64 timeouts = 0;
    quint64 wrongAddress = 0;  // tid matched but from another address: ignored
    quint64 unknownTid = 0;    // no request in flight with that tid: ignored
    quint64 queued = 0;        // times a transmission waited for the window
};

enum class ResponseDisposition { Accepted, WrongAddress, UnknownTid };

class RequestEngine {
public:
    // firstTid: where the 16-bit tid counter starts (dht-rpc starts at a random value).
    RequestEngine(DatagramSender& sender, const MonotonicClock& clock, uint16_t firstTid,
                  int maxWindowPerSlot = kMaxWindowPerSlot);
    ~RequestEngine();
    RequestEngine(const RequestEngine&) = delete;
    RequestEngine& operator=(const RequestEngine&) = delete;

    // Sends `request` (its tid is assigned here) to `to`, or queues it if the window is full.
    RequestId request(RpcRequest request, const encoding::Ipv4Address& to, RequestOptions options,
                      RequestCompletion done);
    // Finishes the request with Cancelled if it is still in flight; false if it already finished.
    bool cancel(RequestId id);
    // Offers a decoded response received from `from`.
    ResponseDisposition onResponse(const RpcResponse& response, const encoding::Ipv4Address& from);
    // Retries or times out every request whose attempt timer has expired by now.
    void processTimers();
    // The 750 ms tick: drains the window and sends queued requests it now has room for. (A
    // finished request also hands its unit straight to the queue.)
    void tick();
    // Finishes every request with Destroyed (shutdown / suspend). Requests issued from those
    // callbacks finish with Destroyed at once instead of going on the wire.
    void destroyAll();

    // When processTimers() next has work, if anything is in flight with a running timer.
    std::optional<qint64> nextDeadline() const;
    int inflight() const { return int(m_requests.size()); }
    int queued() const { return int(m_queue.size()); }
    const RequestEngineStats& stats() const { return m_stats; }
    const CongestionWindow& window() const { return m_window; }

private:
    struct Pending {
        QByteArray datagram;  // encoded once: a retry is byte-identical (§2.5)
        encoding::Ipv4Address to;
        uint16_t tid = 0;
        RequestOptions options;
        RequestCompletion done;
        int attempts = 0;
        std::optional<qint64> deadline;  // set while an attempt is on the wire
    };

    uint16_t allocateTid();
    // Transmits now, or queues if the window is full and the request is not forced.
    void transmit(RequestId id);
    void sendNow(RequestId id, Pending& p);
    void sendQueued();
    void finish(RequestId id, RequestStatus status, std::optional<RpcResponse> response);

    DatagramSender& m_sender;
    const MonotonicClock& m_clock;
    CongestionWindow m_window;
    uint16_t m_nextTid;
    RequestId m_nextId = 1;
    std::map<RequestId, Pending> m_requests;
    std::map<uint16_t, RequestId> m_byTid;
    std::deque<RequestId> m_queue;
    RequestEngineStats m_stats;
    bool m_destroying = false;
};

}  // namespace pluresdb::dht::rpc
