// The connecting side of hyperdht (spec/hyperdht.md §5.3, §6, §8 client side): Noise IK initiator
// whose message 1 goes as PEER_HANDSHAKE FROM_CLIENT to the caller's relay candidates and to every
// node a FIND_PEER query finds holding the server's announce (at most 2–3 at once); the first valid
// REPLY from the exact address asked wins. Then the data path: direct when the server answered
// itself, to an OPEN server or a server that offers no holepunching, the LAN shortcut (PING the
// server's private address, then connect from our server socket), or waiting for the server when
// we are OPEN. A UDX stream carries a secret-stream in hyperdht mode.

#include "core/crypto/Hash.h"
#include "core/crypto/Namespaces.h"
#include "core/dht/hyperdht/BlindRelayLink.h"
#include "core/dht/hyperdht/BlindRelayWire.h"
#include "core/dht/hyperdht/Connect.h"
#include "core/dht/hyperdht/ConnectSupport.h"
#include "core/dht/hyperdht/HolepunchPayload.h"
#include "core/dht/hyperdht/Holepuncher.h"
#include "core/dht/hyperdht/RelayValues.h"
#include "core/dht/rpc/RpcWire.h"
#include "core/transport/noise/NoiseHandshake.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStream.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <deque>
#include <map>
#include <set>

namespace pluresdb::dht::hyperdht {

using encoding::Ipv4Address;
using transport::secretstream::SecretStream;
using transport::secretstream::SecretStreamOptions;
using transport::udx::UdxEndpoint;
using transport::udx::UdxSocket;
using transport::udx::UdxStream;

namespace {

constexpr int kConnectionKeepAliveMs = 5000;
constexpr int kPassiveConnectTimeoutMs = 10'000;

quint64 addressKey(const Ipv4Address& a) {
    return quint64(a.host[0]) << 40 | quint64(a.host[1]) << 32 | quint64(a.host[2]) << 24 |
           quint64(a.host[3]) << 16 | a.port;
}

class Connector;
std::map<ConnectId, QPointer<Connector>>& registry() {
    static std::map<ConnectId, QPointer<Connector>> r;
    return r;
}
ConnectId g_nextId = 1;

// hyperdht `_relayAddressesCache`: the relay addresses a server gave us (or the nodes that led to
// it), per node and server key, used as candidates for the next connect when the caller has none.
std::map<const HyperDht*, std::map<QByteArray, std::vector<Ipv4Address>>>& relayCache() {
    static std::map<const HyperDht*, std::map<QByteArray, std::vector<Ipv4Address>>> c;
    return c;
}

void remember(HyperDht* dht, const QByteArray& key, std::vector<Ipv4Address> relays) {
    if (!dht || relays.empty())
        return;
    auto& c = relayCache();
    if (c.find(dht) == c.end())
        QObject::connect(dht, &QObject::destroyed, [dht] { relayCache().erase(dht); });
    auto& perNode = c[dht];
    if (perNode.size() >= 1024 && perNode.find(key) == perNode.end())
        perNode.erase(perNode.begin());  // bounded; any entry will do
    if (relays.size() > std::size_t(kMaxRelayAddresses))
        relays.resize(kMaxRelayAddresses);
    perNode[key] = std::move(relays);
}

class Connector : public QObject {
public:
    Connector(HyperDht& dht, QByteArray remoteKey, ConnectOptions options, ConnectDone done, ConnectId id)
        : QObject(&dht),
          m_dht(&dht),
          m_remoteKey(std::move(remoteKey)),
          m_opts(std::move(options)),
          m_done(std::move(done)),
          m_id(id) {
        m_clock.start();
        m_facts.initiator = true;
        m_facts.remotePublicKey = m_remoteKey;
    }

    ~Connector() override {
        registry().erase(m_id);
        if (!m_finished) {
            m_finished = true;
            ConnectError e{kErrDestroyed,
                           QStringLiteral("The DHT node was shut down during the connection attempt"),
                           m_facts};
            if (m_done)
                m_done(std::move(e));
        }
    }

    void start() {
        if (m_remoteKey.size() != kPublicKeySize || !m_opts.keyPair.isValid()) {
            failLater(kErrPeerNotFound,
                      QStringLiteral("A connection needs a 32-byte public key and our key pair"));
            return;
        }
        m_target = crypto::blake2b(m_remoteKey);
        rpc::DhtNode& node = m_dht->node();

        m_stream = new UdxStream(this);
        QPointer<Connector> self(this);
        auto relayed = m_relayedPath;
        m_stream->setFirewall([self, relayed](UdxStream& s, UdxSocket& socket, const UdxEndpoint& from) {
            if (from.port() == 0)
                return false;
            if (relayed->socket)  // connected through a blind relay: maybe a direct path now
                return relayed->onPacket(s, socket, from);
            if (!self || self->m_streamConnected)
                return bool(s.changeRemote(&socket, s.remoteId(), from));
            // The peer's packets forwarded by the blind relay before its pair answer reached us:
            // dropped (UDX resends them), the path is set when the relay answers (§11).
            if (self->m_relayLink && self->m_relayLink->isRelayPath(socket, from))
                return false;
            return self->onStreamPacket(socket, from);
        });

        NoisePayload ours;
        if (!node.isFirewalled())
            if (auto a = node.publicAddress(); a && a->port != 0)
                ours.addresses4.push_back(*a);
        m_facts.localFirewall = ours.addresses4.empty() ? kFirewallUnknown : kFirewallOpen;
        ours.firewall = m_facts.localFirewall;
        if (m_opts.localConnection)
            if (UdxSocket* server = node.serverSocket())
                for (const Ipv4Address& a : detail::localAddresses(*server))
                    ours.addresses4.push_back(a);
        ours.udx = UdxInfo{kUdxInfoVersion, 0, m_stream->localId(), 0};
        ours.secretStream = SecretStreamInfo{};
        if (m_opts.relayThrough.size() == kPublicKeySize) {  // §6.2 relayThrough, §11
            m_relayToken = blindRelayToken();
            ours.relayThrough = RelayThroughInfo{1, 0, m_opts.relayThrough, m_relayToken};
        }
        m_noise = std::make_unique<transport::noise::NoiseHandshake>(
            transport::noise::NoisePattern::IK, true, m_opts.keyPair, crypto::nsPeerHandshake(), m_remoteKey);
        const auto msg1 = m_noise->writeMessage(encodeNoisePayload(ours));
        if (!msg1) {
            failLater(kErrPeerConnectionFailed,
                      QStringLiteral("Could not start the Noise handshake: %1").arg(msg1.errorMessage()));
            return;
        }
        m_msg1 = *msg1;

        m_timeout.setSingleShot(true);
        connect(&m_timeout, &QTimer::timeout, this, [this] {
            fail(kErrPeerConnectionFailed,
                 QStringLiteral("No connection within %1 s").arg(m_opts.timeoutMs / 1000.0));
        });
        m_timeout.start(std::max(1000, m_opts.timeoutMs));

        if (!node.isBootstrapped()) {  // the lookup needs a routing table: wait (within the timeout)
            trace(QStringLiteral("find-peer"), QStringLiteral("Waiting for the DHT node to bootstrap"));
            QObject::connect(
                &node, &rpc::DhtNode::ready, this, [this] { search(); }, Qt::SingleShotConnection);
            return;
        }
        search();
    }

    void search() {
        if (m_finished || !m_dht)
            return;
        QPointer<Connector> self(this);
        // §5.3 step 1: relay candidates.
        std::vector<Ipv4Address> candidates = m_opts.relayAddresses;
        if (candidates.empty())
            if (auto it = relayCache().find(m_dht.data()); it != relayCache().end())
                if (auto k = it->second.find(m_remoteKey); k != it->second.end())
                    candidates = k->second;
        if (candidates.empty())
            if (auto entry = m_dht->storage().routerEntry(m_target))
                candidates.push_back(entry->relay);
        m_seeded = !candidates.empty();
        m_maxParallel = candidates.empty() ? 2 : 3;
        for (const Ipv4Address& a : candidates)
            enqueue(a);

        trace(QStringLiteral("find-peer"),
              QStringLiteral("Looking for the peer's announce (%1 relay candidates given)")
                  .arg(candidates.size()));
        m_passes = 1;
        m_queryRunning = true;
        m_query = m_dht->findPeer(
            m_remoteKey,
            [self](const PeerRecord&, const Ipv4Address& from) {
                if (self)
                    self->onFound(from);
            },
            [self](const rpc::QueryResult& result) {
                if (!self)
                    return;
                self->m_queryRunning = false;
                self->m_query = 0;
                if (!result.ok && result.error.contains(QLatin1String("destroyed"), Qt::CaseInsensitive)) {
                    self->m_nodeGone = true;  // DhtNode/HyperDht cancel their queries so when shut down
                    self->fail(kErrDestroyed, QStringLiteral("The DHT node was shut down"));
                    return;
                }
                self->pump();
            });
        pump();
    }

    void startQuery() {
        ++m_passes;
        m_tried.clear();  // the second pass may ask the same nodes again (their answer may have been lost)
        QPointer<Connector> self(this);
        m_passes = 1;
        m_queryRunning = true;
        m_query = m_dht->findPeer(
            m_remoteKey,
            [self](const PeerRecord&, const Ipv4Address& from) {
                if (self)
                    self->onFound(from);
            },
            [self](const rpc::QueryResult& result) {
                if (!self)
                    return;
                self->m_queryRunning = false;
                self->m_query = 0;
                if (!result.ok && result.error.contains(QLatin1String("destroyed"), Qt::CaseInsensitive)) {
                    self->m_nodeGone = true;  // DhtNode/HyperDht cancel their queries so when shut down
                    self->fail(kErrDestroyed, QStringLiteral("The DHT node was shut down"));
                    return;
                }
                self->pump();
            });
    }

    void cancel() { fail(kErrAborted, QStringLiteral("The connection attempt was cancelled")); }

private:
    void trace(const QString& kind, const QString& detail) {
        if (m_opts.trace)
            m_opts.trace(m_remoteKey, ConnectStep{kind, detail, m_clock.elapsed()});
    }

    void enqueue(const Ipv4Address& a) {
        if (!m_tried.insert(addressKey(a)).second)
            return;
        m_pending.push_back(a);
    }

    void onFound(const Ipv4Address& from) {
        if (m_finished || m_handshakeDone)
            return;
        enqueue(from);
        pump();
    }

    // Sends queued handshakes up to the parallel limit; fails once nothing is left to try.
    void pump() {
        if (m_finished || m_handshakeDone)
            return;
        while (m_inflight < m_maxParallel && !m_pending.empty()) {
            const Ipv4Address to = m_pending.front();
            m_pending.pop_front();
            sendHandshake(to);
            if (m_finished || m_handshakeDone)
                return;
        }
        if (m_inflight == 0 && m_pending.empty() && !m_queryRunning) {
            // §5.3 step 2: with relay candidates, the lookup runs once more before giving up.
            if (m_seeded && m_passes < 2 && m_dht) {
                startQuery();
                return;
            }
            if (m_attempts == 0)
                fail(kErrPeerNotFound,
                     QStringLiteral("No DHT node knows this peer: it is not listening, or its "
                                    "announcement has not reached the network yet"));
            else
                fail(kErrPeerConnectionFailed,
                     QStringLiteral("%1 DHT node(s) knew the peer but no handshake came back through them")
                         .arg(m_attempts));
        }
    }

    void sendHandshake(const Ipv4Address& to) {
        ++m_attempts;
        m_triedAddresses.push_back(to);
        ++m_inflight;
        trace(QStringLiteral("handshake"), QStringLiteral("PEER_HANDSHAKE through %1").arg(to.toString()));
        rpc::RpcRequest r;
        r.command = kCommandPeerHandshake;
        r.target = m_target;
        r.value = encodeHandshakeValue(HandshakeValue{kModeFromClient, m_msg1, std::nullopt, std::nullopt});
        QPointer<Connector> self(this);
        const rpc::RequestId id = m_dht->node().request(
            std::move(r), to, rpc::RequestOptions{}, [self](const rpc::RequestResult& res) {
                if (!self)
                    return;
                --self->m_inflight;
                if (self->m_finished || self->m_handshakeDone)
                    return;
                if (res.status == rpc::RequestStatus::Destroyed) {
                    self->m_nodeGone = true;
                    self->fail(kErrDestroyed, QStringLiteral("The DHT node was shut down"));
                    return;
                }
                if (res.status == rpc::RequestStatus::Response && res.response)
                    self->onHandshakeResponse(res.to, *res.response);
                if (self && !self->m_finished && !self->m_handshakeDone)
                    self->pump();
            });
        if (id)
            m_requestIds.push_back(id);
    }

    void onHandshakeResponse(const Ipv4Address& to, const rpc::RpcResponse& res) {
        if (!res.value)
            return;  // "try closer nodes"
        const auto hs = decodeHandshakeValue(*res.value);
        if (!hs || hs->mode != kModeReply || hs->noise.isEmpty())
            return;
        // The Noise state survives a bad reply: another relay may still bring the real one.
        transport::noise::NoiseHandshake trial = *m_noise;
        const auto plain = trial.readMessage(hs->noise);
        if (!plain)
            return;
        const auto payload = decodeNoisePayload(*plain);
        if (!payload)
            return;
        *m_noise = trial;
        m_handshakeDone = true;
        stopSearching();
        m_facts.handshakeMs = m_clock.elapsed();
        m_facts.remotePayload = *payload;
        m_facts.remoteFirewall = payload->firewall;
        m_relayed = hs->peerAddress.has_value();
        m_serverAddress = hs->peerAddress.value_or(to);
        m_clientAddress = res.to;
        m_relayAddress = to;
        if (m_relayed)
            m_facts.handshakeRelay = to;
        trace(QStringLiteral("handshake"),
              m_relayed ? QStringLiteral("Noise reply through %1; the server is at %2, we are at %3")
                              .arg(to.toString(), m_serverAddress.toString(), m_clientAddress.toString())
                        : QStringLiteral("Noise reply straight from the server at %1").arg(to.toString()));
        if (payload->version != kNoisePayloadVersion) {
            fail(kErrServerIncompatible,
                 QStringLiteral("The peer speaks handshake version %1; we speak 1").arg(payload->version));
            return;
        }
        if (payload->error != kPayloadErrorNone) {
            fail(kErrServerError,
                 QStringLiteral("The peer refused the handshake (error %1)").arg(payload->error));
            return;
        }
        if (!payload->udx) {
            fail(kErrServerError, QStringLiteral("The peer sent no UDX stream information"));
            return;
        }
        const auto keys = m_noise->result();
        if (!keys) {
            fail(kErrPeerConnectionFailed, keys.errorMessage());
            return;
        }
        m_keys = *keys;
        m_facts.handshakeHash = keys->handshakeHash;
        trace(QStringLiteral("nat"),
              QStringLiteral("We are %1, the peer says it is %2")
                  .arg(firewallName(m_facts.localFirewall), firewallName(payload->firewall)));
        // §8 client step 1: a blind relay asked for by either side runs beside the other paths.
        if (payload->relayThrough || !m_relayToken.isEmpty())
            startRelay();
        choosePath();
    }

    static QString firewallName(uint64_t fw) {
        switch (fw) {
            case kFirewallOpen:
                return QStringLiteral("OPEN");
            case kFirewallConsistent:
                return QStringLiteral("CONSISTENT");
            case kFirewallRandom:
                return QStringLiteral("RANDOM");
            default:
                return QStringLiteral("UNKNOWN");
        }
    }

    void stopSearching() {
        if (m_query && !m_nodeGone && m_dht)
            m_dht->cancelQuery(m_query);
        m_query = 0;
        m_queryRunning = false;
        if (!m_nodeGone && m_dht)
            for (rpc::RequestId id : m_requestIds)
                m_dht->node().cancel(id);
        m_requestIds.clear();
        m_pending.clear();
    }

    // A UDX packet for our stream before the path was chosen: the server found us first (§8 client 2).
    bool onStreamPacket(UdxSocket& socket, const UdxEndpoint& from) {
        if (!m_handshakeDone) {
            m_earlySocket = &socket;
            m_earlyFrom = from;
            return false;
        }
        return connectVia(&socket, from, ConnectionPath::Direct);
    }

    void choosePath() {
        rpc::DhtNode& node = m_dht->node();
        const NoisePayload& p = m_facts.remotePayload;
        if (m_earlySocket) {
            connectVia(m_earlySocket, m_earlyFrom, ConnectionPath::Direct);
            return;
        }
        if (!m_relayed) {
            connectVia(detail::dhtSocket(node), detail::toEndpoint(m_serverAddress), ConnectionPath::Direct);
            return;
        }
        const bool holepunchable = p.holepunch && !p.holepunch->relays.empty();
        if (p.firewall == kFirewallOpen || !holepunchable) {
            Ipv4Address addr = m_serverAddress;
            for (const Ipv4Address& a : p.addresses4)
                if (!detail::isBogonIpv4(a)) {
                    addr = a;
                    break;
                }
            connectVia(detail::dhtSocket(node), detail::toEndpoint(addr), ConnectionPath::Direct);
            return;
        }
        if (m_facts.localFirewall == kFirewallOpen) {
            trace(QStringLiteral("path"),
                  QStringLiteral("We are reachable: waiting for the peer to connect to us"));
            m_passive.setSingleShot(true);
            connect(&m_passive, &QTimer::timeout, this, [this] {
                fail(kErrHolepunchAborted, QStringLiteral("The peer did not connect to us within 10 s"));
            });
            m_passive.start(kPassiveConnectTimeoutMs);
            return;
        }
        if (m_opts.localConnection && m_clientAddress.host == m_serverAddress.host) {
            std::vector<Ipv4Address> serverAddresses;
            for (const Ipv4Address& a : p.addresses4)
                if (!detail::isReservedIpv4(a))
                    serverAddresses.push_back(a);
            if (!serverAddresses.empty() && node.serverSocket()) {
                const auto mine = detail::localAddresses(*node.serverSocket());
                const Ipv4Address addr =
                    detail::matchAddress(mine, serverAddresses).value_or(serverAddresses.front());
                lanPing(addr);  // races the holepunch below
                if (m_finished || m_streamConnected)
                    return;
            }
        }
        if (!m_opts.holepunch) {
            if (!m_lanPending)
                fail(kErrCannotHolepunch,
                     QStringLiteral("The peer is firewalled and holepunching is turned off"));
            return;
        }
        startHolepunch();
    }

    // ---- holepunching, client side (§7.5) ----

    struct PunchReply {
        Ipv4Address to;    // our puncher socket as the relay saw it
        Ipv4Address from;  // the relay
        Ipv4Address peerAddress;
        HolepunchPayload payload;
    };

    QByteArray token(const Ipv4Address& a) const {
        const QString host =
            QStringLiteral("%1.%2.%3.%4").arg(a.host[0]).arg(a.host[1]).arg(a.host[2]).arg(a.host[3]);
        return crypto::blake2b(host.toLatin1(), 32, m_localSecret);
    }

    void startHolepunch() {
        const auto& relays = m_facts.remotePayload.holepunch->relays;
        m_serverRelay = relays.front();
        for (const RelayInfo& r : relays)
            if (r.relayAddress == m_relayAddress) {
                m_serverRelay = r;
                break;
            }
        m_holepunchSecret = crypto::SecureBytes::fromByteArray(
            crypto::blake2b(crypto::nsPeerHolepunch(), 32, m_keys->handshakeHash));
        m_localSecret = QByteArray(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(m_localSecret.data()), 8);
        m_puncher = new detail::Holepuncher(*m_dht, true, m_facts.remotePayload.firewall, this);
        QPointer<Connector> self(this);
        m_puncher->onConnect = [self](UdxSocket* socket, const UdxEndpoint& from) {
            if (!self || self->m_finished)
                return;
            if (self->m_probeReplyPending) {
                // The peer's puncher echoed our probe before it answered the probe round. A server
                // that cannot tell its NAT (UNKNOWN) may still abort that round (hyperdht does): the
                // path is taken once its answer says it goes on, never into a slot it dropped.
                self->m_echo = std::make_pair(QPointer<UdxSocket>(socket), from);
                self->trace(QStringLiteral("punch-round"),
                            QStringLiteral("The peer's puncher answered our probe; waiting for its reply to the "
                                           "round before taking that path"));
                return;
            }
            self->takePunchedPath(socket, from);
        };
        m_puncher->onAbort = [self] {
            if (self && !self->m_finished && !self->m_streamConnected && !self->m_lanPending)
                self->fail(
                    kErrHolepunchAborted,
                    QStringLiteral("Holepunching gave up: no probe from the peer came through our NAT"));
        };
        trace(QStringLiteral("nat"),
              QStringLiteral("Holepunching through relay %1 (server seen at %2)")
                  .arg(m_serverRelay.relayAddress.toString(), m_serverAddress.toString()));
        probeRound(m_serverAddress, true);
    }

    void takePunchedPath(UdxSocket* socket, const UdxEndpoint& from) {
        QPointer<UdxStream> raw = m_stream;
        m_facts.strategy =
            m_puncher->strategy() == PunchStrategy::None ? PunchStrategy::Consistent : m_puncher->strategy();
        m_facts.localFirewall = m_puncher->nat().firewall();
        m_facts.remoteFirewall = m_puncher->remoteFirewall();
        m_facts.punchRounds = int(m_round);
        if (connectVia(socket, from, ConnectionPath::Holepunched) && raw)
            m_puncher->handOver(socket, raw);
    }

    // A probe round answered (or lost) while the peer's echo already opened a path: take it, unless
    // the peer aborted. Returns true when the echo decided the outcome.
    bool settleEcho(bool aborted) {
        if (!m_echo)
            return false;
        auto echo = *m_echo;
        m_echo.reset();
        if (aborted || !echo.first)
            return false;
        takePunchedPath(echo.first, echo.second);
        return true;
    }

    void updateHolepunch(const Ipv4Address& peerAddress, const Ipv4Address& relay, HolepunchPayload payload,
                         std::function<void(const PunchReply&)> next) {
        if (!m_puncher)
            return;
        QByteArray nonce(kHolepunchNonceSize, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(nonce.data()),
                                              kHolepunchNonceSize / 4);
        const QByteArray sent = payload.token.value_or(QByteArray());
        rpc::RpcRequest r;
        r.command = kCommandPeerHolepunch;
        r.target = m_target;
        r.value = encodeHolepunchValue(HolepunchValue{
            kModeFromClient, m_facts.remotePayload.holepunch->id,
            sealHolepunchPayload(m_holepunchSecret, nonce, encodeHolepunchPayload(payload)), peerAddress});
        trace(QStringLiteral("punch-round"),
              QStringLiteral("Round %1 via %2: we are %3%4")
                  .arg(payload.round)
                  .arg(relay.toString(), firewallName(payload.firewall),
                       payload.punching ? QStringLiteral(", punching") : QString()));
        QPointer<Connector> self(this);
        m_puncher->request(
            std::move(r), relay, rpc::RequestOptions{},
            [self, peerAddress, relay, sent, next = std::move(next)](const rpc::RequestResult& res) {
                if (!self || self->m_finished || self->m_streamConnected || !self->m_puncher)
                    return;
                self->onHolepunchReply(res, peerAddress, relay, sent, next);
            });
    }

    void onHolepunchReply(const rpc::RequestResult& res, const Ipv4Address& peerAddress,
                          const Ipv4Address& relay, const QByteArray& sentToken,
                          const std::function<void(const PunchReply&)>& next) {
        m_probeReplyPending = false;
        if (res.status != rpc::RequestStatus::Response || !res.response || !res.response->value) {
            if (res.status == rpc::RequestStatus::Destroyed)
                return;
            if (settleEcho(false))  // the answer was lost, but the peer's echo came through
                return;
            failPunch(
                kErrHolepunchTimeout,
                QStringLiteral("The relay %1 did not pass our holepunch message on").arg(relay.toString()));
            return;
        }
        const auto hp = decodeHolepunchValue(*res.response->value);
        if (!hp || hp->mode != kModeReply) {
            failPunch(kErrHolepunchAborted, QStringLiteral("Bad holepunch reply from the relay"));
            return;
        }
        const auto plain = openHolepunchPayload(m_holepunchSecret, hp->payload);
        const auto payload = plain ? decodeHolepunchPayload(*plain) : Result<HolepunchPayload>(plain.error());
        if (!payload) {
            failPunch(kErrHolepunchAborted, QStringLiteral("The peer's holepunch reply does not decrypt"));
            return;
        }
        if (payload->error != kPayloadErrorNone) {
            settleEcho(true);
            failPunch(kErrRemoteAborted,
                      QStringLiteral("The peer aborted holepunching (error %1)").arg(payload->error));
            return;
        }
        const bool echoed =
            payload->remoteToken && !sentToken.isEmpty() && *payload->remoteToken == sentToken;
        m_puncher->updateRemote(
            payload->punching, payload->firewall, payload->addresses,
            echoed ? std::optional<std::array<uint8_t, 4>>(peerAddress.host) : std::nullopt);
        if (settleEcho(false))
            return;
        PunchReply reply{res.response->to, res.to, hp->peerAddress.value_or(relay), *payload};
        next(reply);
    }

    void failPunch(const QString& code, const QString& message) {
        if (m_lanPending) {  // the LAN ping may still win
            m_punchError = {code, message};
            if (m_puncher) {
                m_puncher->onAbort = {};
                m_puncher->destroy();
            }
            return;
        }
        fail(code, message);
    }

    void probeRound(std::optional<Ipv4Address> serverAddress, bool retry) {
        if (serverAddress)
            m_puncher->openSession(*serverAddress);
        HolepunchPayload p;
        p.firewall = m_puncher->nat().firewall();
        p.round = m_round++;
        p.addresses = m_puncher->nat().addresses();
        p.remoteAddress = serverAddress;
        QPointer<Connector> self(this);
        m_probeReplyPending = true;
        updateHolepunch(
            m_serverRelay.peerAddress, m_serverRelay.relayAddress, p,
            [self, serverAddress, retry](const PunchReply& reply) {
                self->m_puncher->addSample(reply.to, reply.from);
                const std::optional<QByteArray> token = reply.payload.token;
                auto decide = [self, serverAddress, retry, token, peer = reply.peerAddress] {
                    if (!self || self->m_finished || self->m_streamConnected || !self->m_puncher)
                        return;
                    self->m_puncher->analyze([self, serverAddress, retry, token, peer] {
                        if (!self || self->m_finished || self->m_streamConnected || !self->m_puncher)
                            return;
                        self->afterProbe(serverAddress, retry, token, peer);
                    });
                };
                if (self->m_puncher->remoteFirewall() == kFirewallUnknown)
                    QTimer::singleShot(1000, self, decide);  // give the peer time to classify
                else
                    decide();
            });
    }

    void afterProbe(std::optional<Ipv4Address> serverAddress, bool retry, std::optional<QByteArray> token,
                    const Ipv4Address& peerAddress) {
        const uint64_t remote = m_puncher->remoteFirewall();
        const uint64_t local = m_puncher->nat().firewall();
        m_facts.localFirewall = local;
        m_facts.remoteFirewall = remote;
        trace(QStringLiteral("nat"), QStringLiteral("Puncher socket: we are %1, the peer is %2")
                                         .arg(firewallName(local), firewallName(remote)));
        if ((remote == kFirewallUnknown || !token) && retry) {
            probeRound(serverAddress, false);
            return;
        }
        if (remote == kFirewallUnknown || local == kFirewallUnknown) {
            abortPunch(
                kErrHolepunchProbeTimeout,
                QStringLiteral("Could not tell how %1 NAT maps ports in time")
                    .arg(local == kFirewallUnknown ? QStringLiteral("our") : QStringLiteral("the peer's")));
            return;
        }
        if (remote >= kFirewallRandom && local >= kFirewallRandom) {
            abortPunch(
                kErrDoubleRandomizedNats,
                QStringLiteral("Both peers are behind NATs that pick a new port for every destination "
                               "(randomizing NATs); no hole can be punched between them. A blind relay, "
                               "or a router with consistent port mapping on either side, is needed."));
            return;
        }
        Ipv4Address target = m_serverAddress;
        if (m_serverRelay.relayAddress == m_relayAddress && !(peerAddress == target)) {
            target = peerAddress;
            m_puncher->openSession(target);
        }
        roundPunch(target, token);
    }

    void abortPunch(const QString& code, const QString& message) {
        HolepunchPayload p;
        p.error = kPayloadErrorAborted;
        p.round = m_round++;
        updateHolepunch(m_serverRelay.peerAddress, m_serverRelay.relayAddress, p, [](const PunchReply&) {});
        failPunch(code, message);
    }

    void roundPunch(const Ipv4Address& serverAddress, std::optional<QByteArray> remoteToken) {
        m_puncher->nat().freeze();
        const bool random =
            m_puncher->remoteFirewall() >= kFirewallRandom || m_puncher->nat().firewall() >= kFirewallRandom;
        if (random && !detail::randomPunchAllowed()) {
            failPunch(kErrHolepunchAborted,
                      QStringLiteral("Another randomized holepunch ran in the last 20 s; try again shortly"));
            return;
        }
        HolepunchPayload p;
        p.firewall = m_puncher->nat().firewall();
        p.round = m_round++;
        p.punching = true;
        p.addresses = m_puncher->nat().addresses();
        p.token = token(serverAddress);
        p.remoteToken = remoteToken;
        QPointer<Connector> self(this);
        updateHolepunch(serverAddress, m_relayAddress, p, [self](const PunchReply&) {
            if (!self->m_puncher->remoteHolepunching()) {
                self->failPunch(kErrRemoteNotHolepunching, QStringLiteral("The peer did not start punching"));
                return;
            }
            if (!self->m_puncher->punch()) {
                self->failPunch(
                    kErrRemoteNotHolepunchable,
                    QStringLiteral("No punching strategy fits these NATs (no verified peer address)"));
                return;
            }
            self->m_facts.strategy = self->m_puncher->strategy();
            // The random strategies run up to ~35 s (§7.5): let them finish within the attempt.
            if (self->m_puncher->strategy() != PunchStrategy::Consistent)
                self->m_timeout.start(std::max(self->m_timeout.remainingTime(), 40'000));
            self->trace(QStringLiteral("punch-round"),
                        QStringLiteral("Punching (%1)").arg(punchStrategyName(self->m_puncher->strategy())));
        });
    }

    void lanPing(const Ipv4Address& addr) {
        m_lanPending = true;
        trace(QStringLiteral("lan-ping"),
              QStringLiteral("Same public address: trying the peer's local address %1").arg(addr.toString()));
        rpc::RpcRequest r;
        r.internal = true;
        r.command = rpc::kCommandPing;
        QPointer<Connector> self(this);
        const rpc::RequestId id = m_dht->node().request(
            std::move(r), addr, rpc::RequestOptions{}, [self, addr](const rpc::RequestResult& res) {
                if (!self || self->m_finished || self->m_streamConnected)
                    return;
                if (res.status == rpc::RequestStatus::Response) {
                    self->m_lanPending = false;
                    UdxSocket* server = self->m_dht ? self->m_dht->node().serverSocket() : nullptr;
                    if (server)
                        self->connectVia(server, detail::toEndpoint(addr), ConnectionPath::Lan);
                    return;
                }
                self->m_lanPending = false;
                if (res.status == rpc::RequestStatus::Destroyed) {
                    self->m_nodeGone = true;
                    self->fail(kErrDestroyed, QStringLiteral("The DHT node was shut down"));
                    return;
                }
                self->trace(
                    QStringLiteral("lan-ping"),
                    QStringLiteral("The peer's local address %1 did not answer").arg(addr.toString()));
                if (self->m_puncher && !self->m_puncher->isDestroyed())
                    return;  // holepunching goes on
                if (!self->m_punchError.first.isEmpty())
                    self->fail(self->m_punchError.first, self->m_punchError.second);
                else
                    self->fail(
                        kErrHolepunchAborted,
                        QStringLiteral("The peer's local address %1 did not answer").arg(addr.toString()));
            });
        if (id)
            m_requestIds.push_back(id);
    }

    // §11, hyperdht connect.js `relayConnection`: the server's relay when it asked for one (we are
    // then the non-initiator of the pairing), else ours.
    void startRelay() {
        const auto& theirs = m_facts.remotePayload.relayThrough;
        const bool initiator = !theirs;
        const QByteArray key = theirs ? theirs->publicKey : m_opts.relayThrough;
        const QByteArray token = theirs ? theirs->token : m_relayToken;
        if (key.size() != kPublicKeySize || token.size() != kBlindRelayTokenSize || !m_stream)
            return;
        m_facts.blindRelayKey = key;
        trace(QStringLiteral("relay"), QStringLiteral("Pairing through the blind relay %1")
                                           .arg(QString::fromLatin1(key.toHex().left(16))));
        m_relayLink =
            new BlindRelayLink(*m_dht, m_opts.keyPair, key, initiator, token, m_stream->localId(), this);
        QPointer<Connector> self(this);
        m_relayLink->onPaired = [self](UdxSocket* socket, const UdxEndpoint& relay, quint32 relayStreamId) {
            if (!self || self->m_finished)
                return;
            if (self->m_streamConnected) {  // holepunched first; hyperdht then drops the relay too
                if (self->m_relayLink) {
                    self->m_relayLink->close();
                    self->m_relayLink->deleteLater();
                    self->m_relayLink = nullptr;
                }
                return;
            }
            if (self->m_puncher) {
                self->m_puncher->onAbort = {};
                self->m_puncher->onConnect = {};
                self->m_puncher->destroy();
            }
            self->m_lanPending = false;
            self->m_relayedPath->socket = socket;
            self->m_relayedPath->relay = relay;
            self->m_relayedPath->peerStreamId = quint32(self->m_facts.remotePayload.udx->id);
            self->m_relayedPath->link = self->m_relayLink;
            if (!self->connectVia(socket, relay, ConnectionPath::BlindRelay, relayStreamId))
                self->m_relayedPath->socket = nullptr;
        };
        m_relayLink->onFailed = [self](const QString& message) {
            if (!self || self->m_finished)
                return;
            self->trace(QStringLiteral("relay"), message);
            auto earlier = self->m_relayWaitError;
            if (self->m_relayLink) {
                self->m_relayLink->deleteLater();
                self->m_relayLink = nullptr;
            }
            if (!earlier.first.isEmpty())
                self->fail(earlier.first, QStringLiteral("%1; the blind relay did not help either: %2")
                                              .arg(earlier.second, message));
            else if (self->m_streamConnected)
                return;
            // else: the other paths are still running and decide
        };
        m_relayLink->start();
    }

    bool connectVia(UdxSocket* socket, const UdxEndpoint& to, ConnectionPath path,
                    std::optional<quint32> remoteId = std::nullopt) {
        if (m_finished || m_streamConnected || !socket || !m_stream || !m_keys)
            return false;
        if (!m_stream->connectTo(socket, remoteId.value_or(quint32(m_facts.remotePayload.udx->id)), to)) {
            fail(kErrPeerConnectionFailed, QStringLiteral("Could not connect the UDX stream"));
            return false;
        }
        m_streamConnected = true;
        m_facts.path = path;
        m_facts.remoteAddress = detail::fromEndpoint(to).value_or(m_serverAddress);
        m_facts.connectMs = m_clock.elapsed();
        trace(QStringLiteral("path"),
              QStringLiteral("%1 to %2").arg(connectionPathName(path), m_facts.remoteAddress.toString()));
        SecretStreamOptions so;
        so.isInitiator = true;
        so.handshake = *m_keys;
        so.keepAliveMs = kConnectionKeepAliveMs;
        UdxStream* raw = m_stream;
        m_stream = nullptr;
        auto* secure = new SecretStream(raw, so);
        QPointer<SecretStream> guard(secure);
        if (m_relayLink) {
            if (path == ConnectionPath::BlindRelay) {
                // The relay connection lives as long as the peer stream (the relay drops the splice
                // when it closes).
                m_relayLink->setParent(secure);
                m_relayLink->onFailed = {};
                m_relayLink = nullptr;
            } else {  // another path won: the relay is not needed (hyperdht aborts it the same way)
                m_relayLink->onFailed = {};
                m_relayLink->close();
                m_relayLink->deleteLater();
                m_relayLink = nullptr;
            }
        }
        const ConnectionFacts facts = m_facts;
        // Handed over outside the socket's receive path; the secret stream keeps early data.
        QPointer<Connector> self(this);
        QTimer::singleShot(0, secure, [self, guard, facts] {
            if (!guard)
                return;
            if (!self) {
                guard->destroy();
                guard->deleteLater();
                return;
            }
            self->succeed(guard.data(), facts);
        });
        return true;
    }

    void succeed(SecretStream* stream, const ConnectionFacts& facts) {
        if (m_finished) {
            stream->destroy();
            stream->deleteLater();
            return;
        }
        m_finished = true;
        // Prefer the server's own list (its view of its relays), else the nodes that led to it.
        if (facts.remotePayload.relayAddresses && !facts.remotePayload.relayAddresses->empty())
            remember(m_dht.data(), m_remoteKey, *facts.remotePayload.relayAddresses);
        else
            remember(m_dht.data(), m_remoteKey, m_triedAddresses);
        cleanup();
        QPointer<SecretStream> guard(stream);
        ConnectDone done = std::move(m_done);
        deleteLater();
        if (done)
            done(Connection{stream, facts});
        if (guard)
            guard->start();
    }

    void failLater(const QString& code, const QString& message) {
        QPointer<Connector> self(this);
        QTimer::singleShot(0, this, [self, code, message] {
            if (self)
                self->fail(code, message);
        });
    }

    void fail(const QString& code, const QString& message) {
        if (m_finished)
            return;
        // hyperdht `maybeDestroyEncryptedSocket`: while a blind relay is still pairing, a failed
        // holepunch does not end the attempt (§11); the relay's outcome decides.
        if (m_relayLink && !m_streamConnected && code != kErrDestroyed && code != kErrAborted &&
            code != kErrPeerConnectionFailed) {
            if (m_relayWaitError.first.isEmpty()) {
                m_relayWaitError = {code, message};
                trace(QStringLiteral("path"),
                      QStringLiteral("%1 (%2); waiting for the blind relay").arg(message, code));
                if (m_puncher) {
                    m_puncher->onAbort = {};
                    m_puncher->onConnect = {};
                    m_puncher->destroy();
                }
            }
            return;
        }
        m_finished = true;
        trace(QStringLiteral("error"), QStringLiteral("%1: %2").arg(code, message));
        cleanup();
        ConnectError e{code, message, m_facts};
        ConnectDone done = std::move(m_done);
        deleteLater();
        if (done)
            done(std::move(e));
    }

    void cleanup() {
        registry().erase(m_id);
        if (m_relayLink) {
            m_relayLink->onFailed = {};
            m_relayLink->onPaired = {};
            m_relayLink->close();
            m_relayLink->deleteLater();
            m_relayLink = nullptr;
        }
        m_timeout.stop();
        m_passive.stop();
        stopSearching();
        if (m_puncher) {
            m_puncher->onAbort = {};
            m_puncher->onConnect = {};
            m_puncher->destroy();
            m_puncher->deleteLater();
            m_puncher = nullptr;
        }
        if (m_stream) {
            m_stream->setFirewall({});
            m_stream->destroy();
            m_stream->deleteLater();
            m_stream = nullptr;
        }
    }

    QPointer<HyperDht> m_dht;
    QByteArray m_remoteKey;
    QByteArray m_target;
    ConnectOptions m_opts;
    ConnectDone m_done;
    ConnectId m_id;
    QElapsedTimer m_clock;
    QTimer m_timeout;
    QTimer m_passive;
    ConnectionFacts m_facts;

    std::unique_ptr<transport::noise::NoiseHandshake> m_noise;
    QByteArray m_msg1;
    QPointer<UdxStream> m_stream;
    std::optional<transport::noise::NoiseResult> m_keys;

    std::set<quint64> m_tried;
    std::deque<Ipv4Address> m_pending;
    std::vector<rpc::RequestId> m_requestIds;
    int m_inflight = 0;
    int m_maxParallel = 2;
    int m_attempts = 0;
    rpc::QueryId m_query = 0;
    bool m_queryRunning = false;
    bool m_seeded = false;
    int m_passes = 0;
    std::vector<Ipv4Address> m_triedAddresses;
    bool m_handshakeDone = false;
    bool m_streamConnected = false;
    bool m_finished = false;
    bool m_nodeGone = false;

    bool m_relayed = false;
    Ipv4Address m_serverAddress;
    Ipv4Address m_clientAddress;
    Ipv4Address m_relayAddress;
    UdxSocket* m_earlySocket = nullptr;
    UdxEndpoint m_earlyFrom;

    bool m_lanPending = false;
    bool m_probeReplyPending = false;  // a probe round (not punching) is waiting for the peer's answer
    std::optional<std::pair<QPointer<UdxSocket>, UdxEndpoint>> m_echo;  // an echo that came first
    QPointer<detail::Holepuncher> m_puncher;
    RelayInfo m_serverRelay;
    crypto::SecureBytes m_holepunchSecret;
    QByteArray m_localSecret;
    uint64_t m_round = 0;
    std::pair<QString, QString> m_punchError;

    QByteArray m_relayToken;  // ours, when we ask for a blind relay
    BlindRelayLink* m_relayLink = nullptr;
    std::shared_ptr<RelayedPath> m_relayedPath = std::make_shared<RelayedPath>();
    std::pair<QString, QString> m_relayWaitError;  // the failure that waits for the relay's outcome
};

}  // namespace

ConnectId connect(HyperDht& dht, const QByteArray& remotePublicKey, ConnectOptions options,
                  ConnectDone done) {
    const ConnectId id = g_nextId++;
    auto* c = new Connector(dht, remotePublicKey, std::move(options), std::move(done), id);
    registry()[id] = c;
    c->start();
    return id;
}

void cancelConnect(HyperDht&, ConnectId id) {
    auto it = registry().find(id);
    if (it == registry().end() || !it->second)
        return;
    it->second->cancel();
}

}  // namespace pluresdb::dht::hyperdht
