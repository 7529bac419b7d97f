#pragma once

// The seam between the swarm's bookkeeping (core/swarm/Swarm.h: discovery cadence, connection
// queue, back-off, duplicate resolution) and the network (hyperdht announce/lookup/connect/listen).
// Production uses DhtSwarmBackend (a HyperDht plus a Connect.h Server); unit tests drive the swarm
// with a scripted backend so that its decisions can be checked step by step.
//
// All calls and callbacks happen on the swarm's thread. Every completion is called exactly once,
// also when the backend is closed under it.

#include "core/dht/hyperdht/Connect.h"
#include "core/encoding/CompactEncoding.h"
#include "core/transport/ByteStream.h"

#include <QByteArray>

#include <functional>
#include <variant>
#include <vector>

namespace pluresdb::swarm {

// One peer record of a topic (hyperdht `peer`: public key and the relays to reach it through).
struct DiscoveredPeer {
    QByteArray publicKey;
    std::vector<encoding::Ipv4Address> relayAddresses;
};

// A connection as the backend hands it over: the stream (a started SecretStream in production;
// the receiver owns it) and how it was made (facts.remotePublicKey and facts.initiator are used).
struct BackendConnection {
    transport::ByteStream* stream = nullptr;
    dht::hyperdht::ConnectionFacts facts;
};

using BackendConnectResult = std::variant<BackendConnection, dht::hyperdht::ConnectError>;
using BackendQueryId = quint64;

class SwarmBackend {
public:
    virtual ~SwarmBackend() = default;

    // Starts the server on the swarm key pair (announce-self; §4.6); done(ok) once listening.
    virtual void listen(std::function<void(bool ok)> done) = 0;
    // Announces the topic with the server's relay addresses; `clear` first removes stale records of
    // our key (hyperswarm's first announce). done(ok).
    virtual void announce(const QByteArray& topic, bool clear, std::function<void(bool ok)> done) = 0;
    // UNANNOUNCE our key on the topic. done() when finished (best effort).
    virtual void unannounce(const QByteArray& topic, std::function<void()> done) = 0;
    // LOOKUP: onPeer for every record of every reply; done(ok) at the end (ok = the network answered).
    virtual BackendQueryId lookup(const QByteArray& topic, std::function<void(const DiscoveredPeer&)> onPeer,
                                  std::function<void(bool ok)> done) = 0;
    // Stops a lookup: neither onPeer nor done is called afterwards.
    virtual void cancelLookup(BackendQueryId id) = 0;
    // Dials a peer; done exactly once (kErrAborted after cancelConnect).
    virtual quint64 connect(const QByteArray& publicKey,
                            const std::vector<encoding::Ipv4Address>& relayAddresses, bool forceRelay,
                            std::function<void(BackendConnectResult)> done) = 0;
    virtual void cancelConnect(quint64 id) = 0;
    // Stops the server and everything in flight; done() afterwards.
    virtual void close(std::function<void()> done) = 0;

    // Set by the swarm. `firewall(remoteKey)` → true refuses an incoming client before any reply;
    // `onIncoming` receives every accepted server-side connection.
    std::function<bool(const QByteArray& remotePublicKey)> firewall;
    std::function<void(BackendConnection)> onIncoming;
    // Optional tracing of DHT activity ("lookup", "announce", "unannounce", "listen") for the debugger.
    std::function<void(const QString& kind, const QByteArray& topic, const QString& detail)> onTrace;
};

}  // namespace pluresdb::swarm
