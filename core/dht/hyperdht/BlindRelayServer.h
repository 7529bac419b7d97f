#pragma once

// A blind relay server (spec/hyperdht.md §11; npm blind-relay Server as hyperdht peers use it): a
// hyperdht server on its own key; on every connection a protomux "blind-relay" channel (id = the
// client's public key). Two pair requests with the same token from opposite sides (initiator and
// not) are matched: the relay makes one UDX stream per side, answers each with that stream's id,
// and splices the two (UdxStream::relayTo: packets passed on with the stream id rewritten). It
// never sees the peers' plaintext: their secret stream runs end to end.

#include "core/crypto/Ed25519.h"
#include "core/dht/hyperdht/BlindRelayWire.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>
#include <set>

namespace pluresdb::transport::udx {
class UdxStream;
}

namespace pluresdb::dht::hyperdht {

class HyperDht;
class Server;
struct Connection;

struct BlindRelayStats {
    quint64 sessionsAccepted = 0;
    quint64 pairingsRequested = 0;
    quint64 pairingsMatched = 0;
    quint64 pairingsCancelled = 0;
    quint64 pairingsPending = 0;
    quint64 streamsActive = 0;
};

class BlindRelayServer : public QObject {
public:
    // Pairings waiting for their other half are dropped after this long.
    static constexpr int kPairingTimeoutMs = 30'000;
    // A session may hold at most this many pairings at once (pending or active).
    static constexpr int kMaxPairingsPerSession = 64;

    BlindRelayServer(HyperDht& dht, crypto::KeyPair keyPair, QObject* parent = nullptr);
    ~BlindRelayServer() override;

    void listen(std::function<void(bool ok, const QString& error)> done);
    void close(std::function<void()> done);
    QByteArray publicKey() const;
    BlindRelayStats stats() const;

private:
    struct Session;
    struct Link;
    struct Pairing;
    void onConnection(Connection c);
    void onPair(Session* session, const BlindRelayPair& m);
    void onUnpair(Session* session, const BlindRelayUnpair& m);
    void closeSession(Session* session);
    void destroyLink(const QByteArray& token);

    QPointer<HyperDht> m_dht;
    crypto::KeyPair m_keyPair;
    std::unique_ptr<Server> m_server;
    std::set<std::unique_ptr<Session>> m_sessions;              // owned; erased after their stream closed
    std::map<QByteArray, std::unique_ptr<Pairing>> m_pairings;  // token → pending or active pair
    BlindRelayStats m_stats;
};

}  // namespace pluresdb::dht::hyperdht
