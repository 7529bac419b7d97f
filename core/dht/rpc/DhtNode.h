#pragma once

// A dht-rpc node (spec/hyperdht.md §2): two UDP sockets (client and server, §2.1), the request
// engine, the k=20 routing table, the iterative query, NAT sampling and the firewall test, the
// ephemeral → persistent transition, the built-in commands and the bootstrap procedure. It lives on
// the thread that created it and uses that thread's event loop (the engine thread in the app).
//
// Application commands (internal flag clear — hyperdht's, §4) go to the CommandHandler installed
// with setCommandHandler(); without one the node answers UNKNOWN_COMMAND (+closerNodes for a
// target), as a plain dht-rpc node does.
//
// This header is the contract between the dht-rpc layer and hyperdht (core/dht/hyperdht): extend it,
// do not change what is here without updating both sides.

#include "core/common/Result.h"
#include "core/dht/rpc/RequestEngine.h"
#include "core/dht/rpc/RpcMessage.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace pluresdb::transport::udx {
class UdxSocket;
}

namespace pluresdb::dht::rpc {

// "Relay" a request (spec/hyperdht.md §5.2, dht-rpc `req.relay`): send a new request with the same
// tid, command and target, no token, `value`, addressed to `to`, once (no retries, not tracked), from
// the socket the request arrived on, with our id when persistent and that is the server socket.
// Whoever answers it replies to the original requester directly; this node keeps no state.
using RelayFn = std::function<void(const QByteArray& value, const Ipv4Address& to)>;

// A request that reached this node, after framing checks and token validation.
struct IncomingRequest {
    RpcRequest request;
    Ipv4Address from;         // UDP source address
    bool tokenValid = false;  // request.token is one of the two tokens we issue to `from`'s host
    bool onServerSocket = false;
    RelayFn relay;  // set by DhtNode; empty when the request did not come through a node
    // The same relay sent from another socket of ours (a hyperdht puncher socket, §5.2/§7.2: the
    // server answers from the socket it wants the client to learn); nullptr = as `relay`.
    std::function<void(const QByteArray& value, const Ipv4Address& to, transport::udx::UdxSocket* socket)>
        relayFrom;
};

// What a command handler answers. The node fills tid, `to`, and (when persistent and replying
// from the server socket) `id` itself.
struct HandlerReply {
    std::optional<QByteArray> value;
    uint64_t error = 0;
    bool withToken = true;        // include the write token for the requester
    bool withCloserNodes = true;  // include closerNodes for request.target (if it has one)
    // Send the reply to this address instead of the requester, and write it as the response's `to`
    // field (dht-rpc `req.reply(value, { to })`, used by relays answering a client, §5.2).
    std::optional<Ipv4Address> to;
};

// Call at most once. Never calling it means "no response" (hyperdht drops invalid requests
// silently, §4). It stays valid after handle() returns, for handlers that answer later (relays).
using ReplyFn = std::function<void(const HandlerReply&)>;

class CommandHandler {
public:
    virtual ~CommandHandler() = default;
    virtual void handle(const IncomingRequest& request, ReplyFn reply) = 0;
};

// One reply that a query delivered (error 0 only, §2.10 last paragraph).
struct QueryReply {
    RpcResponse response;
    Ipv4Address from;
};

struct QueryOptions {
    QByteArray target;  // 32 bytes
    uint64_t command = 0;
    bool internal = false;
    std::optional<QByteArray> value;
    int concurrency = 10;
    // Caller-given starting nodes (e.g. a previous query's closest replies), §2.10 step 1.
    std::vector<Ipv4Address> nodes;
};

struct QueryResult {
    bool ok = false;  // false: no node replied ("Too few nodes responded")
    QString error;
    // The ≤ 20 closest successful replies from nodes with a valid id, closest first; each carries
    // the responder's token for a commit request.
    std::vector<QueryReply> closestReplies;
    int requestsSent = 0;
    int replies = 0;
    int timeouts = 0;
};

using QueryId = quint64;

struct DhtNodeOptions {
    QString host = QStringLiteral("0.0.0.0");
    quint16 port = 0;  // the server socket's port (0 = any)
    // host:port entries, or suggestedIP@hostname:port. Empty = the public hyperdht bootstrap
    // nodes (never used in tests: tests always pass a list, possibly with only our own nodes).
    std::vector<QString> bootstrap;
    bool useDefaultBootstrap = true;  // false + empty list: the first node of a new network
    // nullopt = adaptive (§2.8 default); false = try to become persistent right after bootstrap;
    // true = never persistent.
    std::optional<bool> ephemeral;
    // DHT.bootstrapper(port, host): persistent at once, the given host:port is its public address.
    bool bootstrapper = false;
    // The bootstrapper's public IPv4 address when it differs from the bound `host` (e.g. bound to
    // 0.0.0.0 behind a 1:1 NAT); empty = `host`.
    QString publicHost;
    bool firewalled = true;  // initial firewalled flag (false only with bootstrapper)
    // dht-rpc `quickFirewall`: one PING_NAT during bootstrap to find out early whether we are
    // reachable. False keeps a node firewalled on loopback, as hyperdht tests do to exercise the
    // firewalled paths (LAN shortcut, holepunching) on one machine.
    bool quickFirewall = true;
    // The maintenance tick (§2.7: 5 s). Tests shorten it to see pings, refreshes and the adaptive
    // ephemeral → persistent step (240 ticks) in seconds; everything counted in ticks scales with it.
    int maintenanceTickMs = 5000;
};

struct DhtNodeStats {
    quint64 requestsReceived = 0;
    quint64 responsesReceived = 0;
    quint64 undecodable = 0;      // datagrams that failed to decode as dht-rpc
    quint64 unknownCommands = 0;  // answered UNKNOWN_COMMAND
    quint64 badTokens = 0;        // write commands with a missing or wrong token (counted by handlers)
    quint64 rejected = 0;         // requests dropped by validation (handlers count through reject())
    quint64 ignored = 0;          // datagrams that are not dht-rpc (first byte), or from port 0
    quint64 wrongAddress = 0;     // responses whose tid matched a request sent to another address
    quint64 unknownTid = 0;       // responses matching no request in flight
    quint64 invalidTokens = 0;    // requests answered INVALID_TOKEN by the node itself (§2.2)
    quint64 queries = 0;          // queries started (background ones included)
    quint64 relayed = 0;          // requests relayed for a handler (RelayFn)
};

class DhtNode : public QObject {
    Q_OBJECT
public:
    explicit DhtNode(DhtNodeOptions options, QObject* parent = nullptr);
    ~DhtNode() override;

    // Binds the sockets and starts the bootstrap procedure (§2.9); emits ready() when bootstrapped.
    Result<void> start();
    void destroy();

    void setCommandHandler(CommandHandler* handler);
    // Datagrams on either socket that are not dht-rpc (and not for a live UDX stream): holepunch
    // probes and the like (§9.2). onServerSocket tells which socket it came in on.
    using RawDatagramHandler =
        std::function<void(const QByteArray& datagram, const Ipv4Address& from, bool onServerSocket)>;
    void setRawDatagramHandler(RawDatagramHandler handler);

    // One request (retries per options) — e.g. a commit after a query.
    RequestId request(RpcRequest request, const Ipv4Address& to, RequestOptions options,
                      RequestCompletion done);
    bool cancel(RequestId id);
    // The same, sent (and retried) from another socket of ours, e.g. a hyperdht puncher socket
    // (§7.4 NAT sampling, §7.2 PEER_HOLEPUNCH). The owner of that socket hands its responses to
    // handleResponseFrom().
    RequestId requestFrom(transport::udx::UdxSocket* socket, RpcRequest request, const Ipv4Address& to,
                          RequestOptions options, RequestCompletion done);
    // A dht-rpc datagram that arrived on such a socket: a response is matched against the requests
    // in flight, a request is served as if it came in on the client socket (a relay forwards the
    // punch round to the address a puncher announced itself from); neither is a NAT sample for the
    // node's own sockets. False if it was not dht-rpc.
    bool handleResponseFrom(const QByteArray& datagram, const Ipv4Address& from);

    // An iterative query (§2.10). onReply sees each successful reply as it arrives; onDone runs
    // exactly once (also on cancelQuery or destroy).
    QueryId query(QueryOptions options, std::function<void(const QueryReply&)> onReply,
                  std::function<void(const QueryResult&)> onDone);
    void cancelQuery(QueryId id);

    // A background FIND_NODE for a random table member (or our own id), as the maintenance tick does.
    void refresh();
    // Adds a node by address (its id is derived, §2.3), like dht-rpc's addNode().
    void addNode(const Ipv4Address& address);

    // Handles `datagram` exactly as if it had arrived on one of our sockets from `from` (the
    // receive path for fuzzing and tests; replies go out for real).
    void injectDatagram(const QByteArray& datagram, const Ipv4Address& from, bool onServerSocket);

    bool isBootstrapped() const;
    bool isEphemeral() const;
    bool isFirewalled() const;
    QByteArray id() const;                             // 32 bytes; the table id while ephemeral
    std::optional<Ipv4Address> publicAddress() const;  // from the NAT sampler (host, port 0 if random)
    Ipv4Address localServerAddress() const;
    std::vector<Ipv4Address> routingTableNodes() const;
    int routingTableSize() const;
    // closest known nodes to target (routing table order, §2.7), up to k
    std::vector<Ipv4Address> closestNodes(const QByteArray& target, int k = 20) const;
    const DhtNodeStats& stats() const;
    const RequestEngineStats& engineStats() const;
    DhtNodeStats& mutableStats();
    // The sockets, so hyperdht/UDX can share them (§2.1, §9.2).
    transport::udx::UdxSocket* serverSocket() const;
    transport::udx::UdxSocket* clientSocket() const;

signals:
    void ready();
    void persistent();  // became non-ephemeral
    void nodeAdded(int tableSize);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace pluresdb::dht::rpc
