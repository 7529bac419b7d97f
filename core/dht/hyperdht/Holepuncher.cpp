#include "core/dht/hyperdht/Holepuncher.h"

#include "core/dht/hyperdht/ConnectSupport.h"
#include "core/dht/rpc/RpcMessage.h"
#include "core/dht/rpc/RpcWire.h"
#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStream.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>

namespace pluresdb::dht::hyperdht::detail {

using encoding::Ipv4Address;
using transport::udx::UdxEndpoint;
using transport::udx::UdxSocket;

namespace {

// holepuncher.js constants.
constexpr int kBirthdaySockets = 256;
constexpr int kHolepunchTtl = 5;
constexpr int kConsistentTries = 10;
constexpr int kRandomTries = 1750;  // ~35 s at 20 ms
constexpr int kRandomIntervalMs = 20;
constexpr qint64 kRandomPunchIntervalMs = 20'000;

const QByteArray& probe() {
    static const QByteArray p(1, '\0');
    return p;
}

quint64 key(const Ipv4Address& a) {
    return quint64(a.host[0]) << 40 | quint64(a.host[1]) << 32 | quint64(a.host[2]) << 24 |
           quint64(a.host[3]) << 16 | a.port;
}

int g_randomPunches = 0;
qint64 g_lastRandomPunch = 0;

}  // namespace

bool randomPunchAllowed() {
    return g_randomPunches < 1 &&
           (g_lastRandomPunch == 0 ||
            QDateTime::currentMSecsSinceEpoch() - g_lastRandomPunch >= kRandomPunchIntervalMs);
}

// ---- NatAnalyzer (nat.js) ----

void NatAnalyzer::addSample(std::vector<Sample>& samples, const Ipv4Address& a) {
    for (std::size_t i = 0; i < samples.size(); ++i) {
        if (!(samples[i].address == a))
            continue;
        ++samples[i].hits;
        for (; i > 0 && samples[i - 1].hits < samples[i].hits; --i)
            std::swap(samples[i - 1], samples[i]);
        return;
    }
    samples.push_back(Sample{a, 1});
}

bool NatAnalyzer::add(const Ipv4Address& reported, const Ipv4Address& from) {
    const quint64 k = key(from);
    if (std::find(m_visited.begin(), m_visited.end(), k) != m_visited.end())
        return m_firewall == kFirewallConsistent || m_firewall == kFirewallOpen || m_sampled >= kMinSamples;
    m_visited.push_back(k);
    addSample(m_hosts, Ipv4Address{reported.host, 0});
    addSample(m_full, reported);
    if ((++m_sampled >= 3 || !m_firewalled) && !m_frozen)
        update();
    return m_firewall == kFirewallConsistent || m_firewall == kFirewallOpen || m_sampled >= kMinSamples;
}

void NatAnalyzer::update() {
    if (!m_firewalled) {
        m_firewall = kFirewallOpen;
        return;
    }
    if (m_sampled < 3 || m_full.empty())
        return;
    const int max = m_full[0].hits;
    if (max >= 3) {
        m_firewall = kFirewallConsistent;
    } else if (max == 1) {
        m_firewall = kFirewallRandom;
    } else if (m_hosts.size() == 1 && m_sampled > 3) {
        m_firewall = kFirewallRandom;
    } else if (m_hosts.size() > 1 && m_full.size() > 1 && m_full[1].hits > 1) {
        m_firewall = kFirewallConsistent;
    } else if (m_sampled > 4) {
        m_firewall = kFirewallRandom;
    }
}

std::optional<std::vector<Ipv4Address>> NatAnalyzer::addresses() const {
    if (m_firewall == kFirewallUnknown)
        return std::nullopt;
    std::vector<Ipv4Address> out;
    if (m_firewall == kFirewallRandom) {
        if (!m_hosts.empty())
            out.push_back(m_hosts[0].address);
        return out;
    }
    for (const Sample& s : m_full)
        if (s.hits >= 2 || out.size() < 2)
            out.push_back(s.address);
    return out;
}

// ---- Holepuncher (holepuncher.js) ----

Holepuncher::Holepuncher(HyperDht& dht, bool initiator, uint64_t remoteFirewall, QObject* parent)
    : QObject(parent),
      m_dht(&dht),
      m_initiator(initiator),
      m_nat(dht.node().isFirewalled()),
      m_remoteFirewall(remoteFirewall) {
    addSocket();
    autoSample(true);
}

Holepuncher::~Holepuncher() {
    m_punching = false;
    if (m_randomized) {
        m_randomized = false;
        --g_randomPunches;
    }
    // We may be destroyed from inside one of our sockets' handlers: they go on the next turn.
    for (Ref& r : m_sockets)
        if (r.socket)
            r.socket.release()->deleteLater();
}

UdxSocket* Holepuncher::socket() const {
    return m_sockets.empty() ? nullptr : m_sockets.front().socket.get();
}

bool Holepuncher::owns(const UdxSocket* socket) const {
    for (const Ref& r : m_sockets)
        if (r.socket.get() == socket)
            return true;
    return false;
}

UdxSocket* Holepuncher::addSocket() {
    auto s = std::make_unique<UdxSocket>();
    QHostAddress host(QHostAddress::AnyIPv4);
    if (m_dht)
        if (UdxSocket* server = m_dht->node().serverSocket()) {
            host = server->localAddress();
            s->shareNonUdxTraffic(server->nonUdxTraffic());  // probes count with the node's traffic
        }
    if (!s->bind(host, 0))
        return nullptr;
    UdxSocket* raw = s.get();
    QPointer<Holepuncher> self(this);
    raw->setDatagramHandler([self, raw](const QByteArray& d, const QHostAddress& h, quint16 p) {
        if (self)
            self->onDatagram(raw, d, h, p);
    });
    m_sockets.push_back(Ref{std::move(s)});
    return raw;
}

void Holepuncher::onDatagram(UdxSocket* socket, const QByteArray& datagram, const QHostAddress& host,
                             quint16 port) {
    if (m_destroyed)
        return;
    const auto from = toIpv4(host, port);
    if (!from || port == 0)
        return;
    if (datagram.size() > 1) {
        if (!m_dht || !rpc::looksLikeRpc(datagram))
            return;
        // A request here was sent to our puncher's address: what it names as our address is a NAT
        // sample for this socket (hyperdht server: `req.socket === p.socket`).
        if (uint8_t(datagram[0]) == rpc::kRequestByte)
            if (auto m = rpc::decodeMessage(datagram))
                if (auto* req = std::get_if<rpc::RpcRequest>(&*m))
                    addSample(req->to, *from);
        m_dht->node().handleResponseFrom(datagram, *from);
        return;
    }
    // A probe (§9.2: one byte or less).
    if (!m_initiator) {
        m_probeReceived = true;
        socket->sendDatagram(probe(), host, port);  // echo, so the initiator learns the hole is open
        return;
    }
    if (m_connected)
        return;
    m_connected = true;
    m_punching = false;
    if (m_randomized) {
        m_randomized = false;
        --g_randomPunches;
        g_lastRandomPunch = QDateTime::currentMSecsSinceEpoch();
    }
    // Keep only the socket the hole opened on.
    for (std::size_t i = 0; i < m_sockets.size(); ++i)
        if (m_sockets[i].socket.get() == socket && i != 0)
            std::swap(m_sockets[0], m_sockets[i]);
    for (std::size_t i = 1; i < m_sockets.size(); ++i)
        if (m_sockets[i].socket)
            m_sockets[i].socket.release()->deleteLater();
    m_sockets.resize(1);
    if (onConnect)
        onConnect(socket, UdxEndpoint::fromHost(host, port));
}

rpc::RequestId Holepuncher::request(rpc::RpcRequest request, const Ipv4Address& to,
                                    rpc::RequestOptions options, rpc::RequestCompletion done) {
    if (!m_dht || !socket()) {
        rpc::RequestResult r;
        r.status = rpc::RequestStatus::Destroyed;
        r.to = to;
        if (done)
            done(r);
        return 0;
    }
    return m_dht->node().requestFrom(socket(), std::move(request), to, std::move(options), std::move(done));
}

void Holepuncher::autoSample(bool retry) {
    if (m_sampling || !m_dht)
        return;
    m_sampling = true;
    std::vector<Ipv4Address> nodes = m_dht->node().routingTableNodes();
    std::reverse(nodes.begin(), nodes.end());
    int skip = nodes.size() >= 8 ? 5 : 0;
    QPointer<Holepuncher> self(this);
    for (const Ipv4Address& n : nodes) {
        if (m_nat.sampled() + m_pendingPings >= NatAnalyzer::kMinSamples)
            break;
        if (skip > 0) {
            --skip;
            continue;
        }
        if (std::find(m_visited.begin(), m_visited.end(), key(n)) != m_visited.end())
            continue;
        m_visited.push_back(key(n));
        ++m_pendingPings;
        rpc::RpcRequest r;
        r.internal = true;
        r.command = rpc::kCommandPing;
        rpc::RequestOptions o;
        o.retries = 0;
        request(std::move(r), n, o, [self, retry](const rpc::RequestResult& res) {
            if (!self || self->m_destroyed)
                return;
            --self->m_pendingPings;
            if (res.status == rpc::RequestStatus::Response && res.response)
                self->addSample(res.response->to, res.to);
            if (self->m_pendingPings == 0 && self->m_nat.sampled() < NatAnalyzer::kMinSamples) {
                if (retry) {
                    self->m_sampling = false;
                    self->autoSample(false);
                } else {
                    self->resolveAnalysis();
                }
            }
        });
    }
    if (m_pendingPings == 0 && m_nat.sampled() < NatAnalyzer::kMinSamples) {
        if (retry) {
            m_sampling = false;
            // Nothing to ask right now (an empty table): one more pass on the next turn.
            QPointer<Holepuncher> s(this);
            QTimer::singleShot(0, this, [s] {
                if (s)
                    s->autoSample(false);
            });
        } else {
            resolveAnalysis();
        }
    }
}

void Holepuncher::addSample(const Ipv4Address& reported, const Ipv4Address& from) {
    if (m_nat.add(reported, from))
        resolveAnalysis();
}

void Holepuncher::resolveAnalysis() {
    if (m_analyzed)
        return;
    m_analyzed = true;
    auto waiters = std::move(m_analysisWaiters);
    for (auto& w : waiters)
        if (w)
            w();
}

void Holepuncher::analyze(std::function<void()> done) {
    if (m_analyzed || m_destroyed) {
        done();
        return;
    }
    m_analysisWaiters.push_back(std::move(done));
}

void Holepuncher::updateRemote(bool punching, uint64_t firewall,
                               const std::optional<std::vector<Ipv4Address>>& addresses,
                               const std::optional<std::array<uint8_t, 4>>& verifiedHost) {
    std::vector<RemoteAddress> out;
    if (addresses)
        for (const Ipv4Address& a : *addresses) {
            bool verified = verifiedHost && *verifiedHost == a.host;
            for (const RemoteAddress& old : m_remoteAddresses)
                if (old.verified && old.address.host == a.host)
                    verified = true;
            out.push_back(RemoteAddress{a, verified});
        }
    m_remoteFirewall = firewall;
    m_remoteAddresses = std::move(out);
    m_remoteHolepunching = punching;
}

void Holepuncher::openSession(const Ipv4Address& to) {
    if (UdxSocket* s = socket())
        s->sendDatagramWithTtl(probe(), toHost(to), to.port, kHolepunchTtl);
}

void Holepuncher::ping(const Ipv4Address& to) {
    if (UdxSocket* s = socket())
        s->sendDatagram(probe(), toHost(to), to.port);
}

void Holepuncher::after(int ms, std::function<void()> fn) {
    QPointer<Holepuncher> self(this);
    QTimer::singleShot(ms, this, [self, fn = std::move(fn)] {
        if (self && !self->m_destroyed)
            fn();
    });
}

bool Holepuncher::punch() {
    if (m_punching || m_strategy != PunchStrategy::None)
        return true;
    if (m_destroyed || m_connected || m_remoteAddresses.empty())
        return false;
    m_punching = true;
    auto coerce = [](uint64_t fw) { return fw == kFirewallOpen ? kFirewallConsistent : fw; };
    const uint64_t local = coerce(m_nat.firewall());
    const uint64_t remote = coerce(m_remoteFirewall);
    std::optional<Ipv4Address> verified;
    for (const RemoteAddress& a : m_remoteAddresses)
        if (a.verified) {
            verified = a.address;
            break;
        }
    if (local == kFirewallConsistent && remote == kFirewallConsistent) {
        m_strategy = PunchStrategy::Consistent;
        // The responder waits first: the server's "fast mode" probe just went out.
        after(m_initiator ? 0 : 1000, [this] { consistentProbe(1); });
        return true;
    }
    if (!verified) {
        m_punching = false;
        return false;
    }
    if (!m_randomized) {
        m_randomized = true;
        ++g_randomPunches;
    }
    if (local == kFirewallConsistent && remote >= kFirewallRandom) {
        m_strategy = PunchStrategy::RandomProbe;
        randomProbes(*verified, kRandomTries);
        return true;
    }
    if (local >= kFirewallRandom && remote == kFirewallConsistent) {
        m_strategy = PunchStrategy::Birthday;
        openBirthdaySockets(*verified);
        return true;
    }
    m_punching = false;
    return false;
}

void Holepuncher::consistentProbe(int tries) {
    if (!m_punching)
        return;
    if (tries > kConsistentTries) {
        autoDestroy();
        return;
    }
    for (const RemoteAddress& a : m_remoteAddresses) {
        if (!a.verified && (tries & 3) != 0)
            continue;  // unverified addresses only every 4th round
        ping(a.address);
    }
    after(1000, [this, tries] { consistentProbe(tries + 1); });
}

void Holepuncher::randomProbes(Ipv4Address remote, int tries) {
    if (!m_punching)
        return;
    if (tries <= 0) {
        autoDestroy();
        return;
    }
    Ipv4Address to = remote;
    to.port = uint16_t(1000 + QRandomGenerator::global()->bounded(64536));
    ping(to);
    after(kRandomIntervalMs, [this, remote, tries] { randomProbes(remote, tries - 1); });
}

void Holepuncher::openBirthdaySockets(Ipv4Address remote) {
    // In batches on later event-loop turns: binding 255 sockets takes a while on a loaded machine,
    // and the punch round's answer must not wait for it (the peer would retry the round).
    after(0, [this, remote] { openBirthdayBatch(remote); });
}

void Holepuncher::openBirthdayBatch(Ipv4Address remote) {
    if (!m_punching)
        return;
    for (int i = 0; i < 16 && int(m_sockets.size()) < kBirthdaySockets; ++i) {
        UdxSocket* s = addSocket();
        if (!s) {
            after(100, [this, remote] { keepAliveRandomNat(remote, kRandomTries, 0, 1); });
            return;
        }
        s->sendDatagramWithTtl(probe(), toHost(remote), remote.port, kHolepunchTtl);
    }
    if (int(m_sockets.size()) < kBirthdaySockets) {
        after(0, [this, remote] { openBirthdayBatch(remote); });
        return;
    }
    after(100, [this, remote] { keepAliveRandomNat(remote, kRandomTries, 0, 1); });
}

void Holepuncher::keepAliveRandomNat(Ipv4Address remote, int tries, std::size_t index, int lowTtlRounds) {
    if (!m_punching)
        return;
    if (tries <= 0 || m_sockets.empty()) {
        autoDestroy();
        return;
    }
    if (index >= m_sockets.size()) {
        index = 0;
        if (lowTtlRounds > 0)
            --lowTtlRounds;
    }
    if (UdxSocket* s = m_sockets[index].socket.get()) {
        if (lowTtlRounds > 0)
            s->sendDatagramWithTtl(probe(), toHost(remote), remote.port, kHolepunchTtl);
        else
            s->sendDatagram(probe(), toHost(remote), remote.port);
    }
    after(kRandomIntervalMs, [this, remote, tries, index, lowTtlRounds] {
        keepAliveRandomNat(remote, tries - 1, index + 1, lowTtlRounds);
    });
}

void Holepuncher::autoDestroy() {
    if (!m_connected)
        destroy();
}

void Holepuncher::handOver(UdxSocket* socket, transport::udx::UdxStream* stream) {
    for (Ref& r : m_sockets) {
        if (r.socket.get() != socket)
            continue;
        UdxSocket* s = r.socket.release();
        s->setDatagramHandler([](const QByteArray&, const QHostAddress&, quint16) {});
        s->setParent(stream);
        return;
    }
}

void Holepuncher::destroy() {
    if (m_destroyed)
        return;
    m_destroyed = true;
    m_punching = false;
    if (m_randomized) {
        m_randomized = false;
        --g_randomPunches;
        g_lastRandomPunch = QDateTime::currentMSecsSinceEpoch();
    }
    for (Ref& r : m_sockets)
        if (r.socket)
            r.socket.release()->deleteLater();
    m_sockets.clear();
    resolveAnalysis();
    if (!m_connected && onAbort) {
        auto abort = std::move(onAbort);
        abort();
    }
}

}  // namespace pluresdb::dht::hyperdht::detail
