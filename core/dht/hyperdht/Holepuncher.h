#pragma once

// Internal to core/dht/hyperdht: one side's holepunching state for one connection attempt
// (spec/hyperdht.md §7): its puncher socket(s) bound next to the DHT node, the NAT classification
// of that socket (§7.4: PINGs to up to 4 DHT nodes from it, plus the `to` of holepunch replies),
// the remote side's firewall class and addresses as its payloads state them, and the punching
// strategies of §7.5 step 5 (consistent, random-port probing, birthday sockets). The initiator
// (client) declares the hole open on the first 1-byte probe that reaches one of its sockets; the
// responder (server) echoes every probe back to its sender.

#include "core/dht/hyperdht/Connect.h"
#include "core/dht/rpc/DhtNode.h"
#include "core/transport/udx/UdxEndpoint.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace pluresdb::transport::udx {
class UdxSocket;
class UdxStream;
}  // namespace pluresdb::transport::udx

namespace pluresdb::dht::hyperdht::detail {

// §7.4 classification of one puncher socket from (reported address, reporting node) samples.
class NatAnalyzer {
public:
    explicit NatAnalyzer(bool dhtFirewalled) : m_firewalled(dhtFirewalled) {
        m_firewall = dhtFirewalled ? kFirewallUnknown : kFirewallOpen;
    }
    // Returns true when the analysis has reached a conclusion (the waiters may go on).
    bool add(const encoding::Ipv4Address& reported, const encoding::Ipv4Address& from);
    void freeze() { m_frozen = true; }
    uint64_t firewall() const { return m_firewall; }
    // nullopt while UNKNOWN (hyperdht sends `addresses: null` then).
    std::optional<std::vector<encoding::Ipv4Address>> addresses() const;
    int sampled() const { return m_sampled; }
    static constexpr int kMinSamples = 4;

private:
    struct Sample {
        encoding::Ipv4Address address;  // port 0 in the host list
        int hits = 0;
    };
    static void addSample(std::vector<Sample>& samples, const encoding::Ipv4Address& a);
    void update();

    bool m_firewalled;
    bool m_frozen = false;
    uint64_t m_firewall = kFirewallUnknown;
    int m_sampled = 0;
    std::vector<Sample> m_hosts;
    std::vector<Sample> m_full;
    std::vector<quint64> m_visited;
};

struct RemoteAddress {
    encoding::Ipv4Address address;
    bool verified = false;
};

class Holepuncher : public QObject {
public:
    Holepuncher(HyperDht& dht, bool initiator, uint64_t remoteFirewall, QObject* parent = nullptr);
    ~Holepuncher() override;

    transport::udx::UdxSocket* socket() const;
    // One of our sockets (the main one or a birthday socket)?
    bool owns(const transport::udx::UdxSocket* socket) const;
    bool isInitiator() const { return m_initiator; }

    // NAT classification of our puncher socket.
    NatAnalyzer& nat() { return m_nat; }
    // `done` once sampling reached a conclusion (at once when it already has).
    void analyze(std::function<void()> done);
    void addSample(const encoding::Ipv4Address& reported, const encoding::Ipv4Address& from);

    void updateRemote(bool punching, uint64_t firewall,
                      const std::optional<std::vector<encoding::Ipv4Address>>& addresses,
                      const std::optional<std::array<uint8_t, 4>>& verifiedHost);
    uint64_t remoteFirewall() const { return m_remoteFirewall; }
    bool remoteHolepunching() const { return m_remoteHolepunching; }
    const std::vector<RemoteAddress>& remoteAddresses() const { return m_remoteAddresses; }

    // 1-byte probes from the main socket: TTL 5 ("open session", opens our own NAT mapping only) or 64.
    void openSession(const encoding::Ipv4Address& to);
    void ping(const encoding::Ipv4Address& to);

    // Starts the strategy for the two firewall classes (§7.5 table); false when none applies.
    bool punch();
    PunchStrategy strategy() const { return m_strategy; }
    bool isPunching() const { return m_punching; }
    bool isConnected() const { return m_connected; }
    // Responder: a probe from the remote reached one of our sockets (and was echoed), so the remote
    // can reach us directly on that path whatever our NAT analysis says.
    bool receivedProbe() const { return m_probeReceived; }
    bool isDestroyed() const { return m_destroyed; }

    // A dht-rpc request sent from the puncher socket (its replies come back to it).
    rpc::RequestId request(rpc::RpcRequest request, const encoding::Ipv4Address& to,
                           rpc::RequestOptions options, rpc::RequestCompletion done);

    // The hole is open (initiator): the socket that got the probe and where it came from.
    std::function<void(transport::udx::UdxSocket* socket, const transport::udx::UdxEndpoint& from)> onConnect;
    // Punching ended without a hole (strategy exhausted or destroyed before connecting).
    std::function<void()> onAbort;

    // Gives `socket` (one of ours) to `stream`: it lives as long as the stream from now on.
    void handOver(transport::udx::UdxSocket* socket, transport::udx::UdxStream* stream);
    void destroy();

private:
    struct Ref {
        std::unique_ptr<transport::udx::UdxSocket> socket;
    };
    transport::udx::UdxSocket* addSocket();
    void onDatagram(transport::udx::UdxSocket* socket, const QByteArray& datagram, const QHostAddress& host,
                    quint16 port);
    void autoSample(bool retry);
    void resolveAnalysis();
    void consistentProbe(int tries);
    void randomProbes(encoding::Ipv4Address remote, int tries);
    void openBirthdaySockets(encoding::Ipv4Address remote);
    void openBirthdayBatch(encoding::Ipv4Address remote);
    void keepAliveRandomNat(encoding::Ipv4Address remote, int tries, std::size_t index, int lowTtlRounds);
    void autoDestroy();
    void after(int ms, std::function<void()> fn);

    QPointer<HyperDht> m_dht;
    bool m_initiator;
    NatAnalyzer m_nat;
    std::vector<Ref> m_sockets;  // [0] is the main socket
    std::vector<quint64> m_visited;
    int m_pendingPings = 0;
    bool m_sampling = false;
    bool m_analyzed = false;
    std::vector<std::function<void()>> m_analysisWaiters;

    uint64_t m_remoteFirewall = kFirewallUnknown;
    bool m_remoteHolepunching = false;
    std::vector<RemoteAddress> m_remoteAddresses;

    PunchStrategy m_strategy = PunchStrategy::None;
    bool m_punching = false;
    bool m_connected = false;
    bool m_probeReceived = false;
    bool m_destroyed = false;
    bool m_randomized = false;
};

// hyperdht's process-wide limit on randomized punches (one at a time, 20 s apart), §7.5 step 3.
bool randomPunchAllowed();

}  // namespace pluresdb::dht::hyperdht::detail
