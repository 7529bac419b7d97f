// The listening side of hyperdht (spec/hyperdht.md §5.2 server rows, §6, §8 server side): answers
// PEER_HANDSHAKE for our key at our own node (direct, FROM_RELAY, FROM_SECOND_RELAY) as the Noise
// IK responder, deduplicates the same message 1 arriving through several relays, and connects a
// UDX stream (through its firewall hook: the first packet for our stream id names the client's
// final address) under a secret-stream in hyperdht mode. It announces itself (announce-self, §4.6)
// and re-announces every ServerOptions::announceIntervalMs.

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

#include <map>

namespace pluresdb::dht::hyperdht {

using encoding::Ipv4Address;
using transport::secretstream::SecretStream;
using transport::secretstream::SecretStreamOptions;
using transport::udx::UdxEndpoint;
using transport::udx::UdxSocket;
using transport::udx::UdxStream;

namespace {

// hyperdht server.js: a handshake slot waits this long for the client's first packet, and is
// forgotten this long after it finished (dedupe of repeated message 1s).
constexpr int kHandshakeInitialTimeoutMs = 10'000;
constexpr int kHandshakeClearWaitMs = 10'000;
constexpr int kConnectionKeepAliveMs = 5000;
constexpr int kRelayPingIntervalMs = 3000;

}  // namespace

QString connectionPathName(ConnectionPath path) {
    switch (path) {
        case ConnectionPath::Direct:
            return QStringLiteral("direct");
        case ConnectionPath::Lan:
            return QStringLiteral("lan");
        case ConnectionPath::Holepunched:
            return QStringLiteral("holepunched");
        case ConnectionPath::BlindRelay:
            return QStringLiteral("relayed");
    }
    return {};
}

QString punchStrategyName(PunchStrategy strategy) {
    switch (strategy) {
        case PunchStrategy::None:
            return {};
        case PunchStrategy::Consistent:
            return QStringLiteral("consistent");
        case PunchStrategy::RandomProbe:
            return QStringLiteral("random-probe");
        case PunchStrategy::Birthday:
            return QStringLiteral("birthday");
    }
    return {};
}

struct ServerSlot {
    int id = 0;
    QByteArray key;    // the client's Noise message 1
    QByteArray reply;  // our message 2; empty when we do not answer
    std::optional<transport::noise::NoiseResult> keys;
    NoisePayload remotePayload;
    QByteArray remotePublicKey;
    Ipv4Address clientAddress;
    std::optional<Ipv4Address> relay;
    bool direct = false;
    uint64_t ourFirewall = kFirewallUnknown;
    QPointer<UdxStream> stream;
    bool handed = false;
    bool finished = false;
    QTimer* prepunch = nullptr;
    QTimer* clearing = nullptr;
    QElapsedTimer started;
    qint64 handshakeMs = 0;
    // Holepunching (§7): our puncher, the secret of this handshake, our token key, the round.
    QPointer<detail::Holepuncher> puncher;
    bool replyFromPuncher = false;
    crypto::SecureBytes holepunchSecret;
    QByteArray localSecret;
    uint64_t round = 0;
    // Blind relaying (§11): our token when we asked for a relay, the link while it pairs, and
    // whether the other paths already gave up (then the relay's failure ends the slot).
    QByteArray relayToken;
    QPointer<BlindRelayLink> relayLink;
    bool aborted = false;
    std::shared_ptr<RelayedPath> relayed = std::make_shared<RelayedPath>();
};

struct Server::Impl {
    Server* q = nullptr;
    QPointer<HyperDht> dht;
    ServerOptions opts;
    QByteArray target;
    bool listening = false;
    bool closing = false;
    std::vector<ServerRelay> relays;
    std::vector<Ipv4Address> relayAddresses;
    QObject ctx;  // parent of timers and not-yet-handed streams; its death cancels queued calls
    QTimer announceTimer;
    QTimer relayPingTimer;  // hyperdht announcer: every 3 s, are our relays still there?
    bool announcing = false;
    int relayPingsPending = 0;
    int relayPingsAnswered = 0;
    std::map<QByteArray, std::shared_ptr<ServerSlot>> connects;
    std::vector<std::shared_ptr<ServerSlot>> slotTable;  // index = holepunch id
    std::shared_ptr<bool> alive = std::make_shared<bool>(true);

    ~Impl() {
        *alive = false;
        unregister();
        for (auto& [k, slot] : connects)
            dropSlot(*slot);
    }

    void unregister() {
        if (dht && !target.isEmpty())
            dht->storage().removeServerTarget(target);
    }

    void trace(const QByteArray& remote, const QString& kind, const QString& detail, qint64 atMs) {
        if (opts.trace)
            opts.trace(remote, ConnectStep{kind, detail, atMs});
    }

    void dropSlot(ServerSlot& slot) {
        if (slot.relayLink) {
            slot.relayLink->onFailed = {};
            slot.relayLink->onPaired = {};
            slot.relayLink->close();
            slot.relayLink->deleteLater();
            slot.relayLink = nullptr;
        }
        if (slot.puncher) {
            slot.puncher->onAbort = {};
            slot.puncher->destroy();
            slot.puncher->deleteLater();
            slot.puncher = nullptr;
        }
        if (slot.stream && !slot.handed)
            slot.stream->deleteLater();
        slot.stream = nullptr;
    }

    void refuse(ServerSlot& slot, const QString& code, const QString& message) {
        trace(slot.remotePublicKey, QStringLiteral("error"), message, slot.started.elapsed());
        if (q->onRefused) {
            ConnectError e;
            e.code = code;
            e.message = message;
            e.partial.remotePublicKey = slot.remotePublicKey;
            e.partial.remotePayload = slot.remotePayload;
            e.partial.localFirewall = slot.ourFirewall;
            e.partial.remoteFirewall = slot.remotePayload.firewall;
            e.partial.handshakeRelay = slot.relay;
            q->onRefused(slot.remotePublicKey, e);
        }
    }

    void clearLater(const std::shared_ptr<ServerSlot>& slot) {
        if (slot->clearing)
            return;
        slot->clearing = new QTimer(&ctx);
        slot->clearing->setSingleShot(true);
        std::weak_ptr<ServerSlot> weak = slot;
        QObject::connect(slot->clearing, &QTimer::timeout, &ctx, [this, weak] {
            auto s = weak.lock();
            if (!s)
                return;
            s->clearing->deleteLater();
            if (s->handed && s->puncher) {  // left punching beside a blind relay: time is up
                s->puncher->onAbort = {};
                s->puncher->destroy();
                s->puncher->deleteLater();
                s->puncher = nullptr;
            }
            if (s->id < int(slotTable.size()) && slotTable[s->id] == s)
                slotTable[s->id] = nullptr;
            while (!slotTable.empty() && !slotTable.back())
                slotTable.pop_back();
            auto it = connects.find(s->key);
            if (it != connects.end() && it->second == s)
                connects.erase(it);
        });
        slot->clearing->start(kHandshakeClearWaitMs);
    }

    // The client's data path is known: connect the stream there and hand the connection over.
    void connectSlot(const std::shared_ptr<ServerSlot>& slot, UdxSocket* socket, const UdxEndpoint& from,
                     std::optional<quint32> relayStreamId = std::nullopt) {
        if (slot->handed || slot->finished || !slot->stream || !slot->keys)
            return;
        UdxStream* stream = slot->stream;
        if (!stream->connectTo(socket, relayStreamId.value_or(quint32(slot->remotePayload.udx->id)), from))
            return;
        bool punched = false;
        PunchStrategy strategy = PunchStrategy::None;
        uint64_t punchLocalFirewall = kFirewallUnknown;
        uint64_t punchRemoteFirewall = kFirewallUnknown;
        if (slot->puncher && !relayStreamId) {
            punched = slot->puncher->owns(socket);  // the main puncher socket or a birthday socket
            strategy = slot->puncher->strategy();
            punchLocalFirewall = slot->puncher->nat().firewall();
            punchRemoteFirewall = slot->puncher->remoteFirewall();
            slot->puncher->handOver(socket, stream);  // the stream now owns the puncher socket
            slot->puncher->onAbort = {};
            slot->puncher->destroy();
            slot->puncher->deleteLater();
            slot->puncher = nullptr;
        }
        slot->handed = true;
        slot->finished = true;
        if (slot->prepunch)
            slot->prepunch->stop();
        clearLater(slot);

        ConnectionFacts facts;
        facts.initiator = false;
        facts.remotePublicKey = slot->remotePublicKey;
        facts.handshakeHash = slot->keys->handshakeHash;
        const auto remote = detail::fromEndpoint(from);
        facts.remoteAddress = remote.value_or(slot->clientAddress);
        // The client reached our server socket from another host than the relay saw it at: it took
        // the LAN shortcut to our private address (§8 client 6).
        const bool lan = !slot->direct && remote && remote->host != slot->clientAddress.host && dht &&
                         socket == dht->node().serverSocket();
        facts.path = lan ? ConnectionPath::Lan : ConnectionPath::Direct;
        facts.localFirewall = slot->ourFirewall;
        facts.remoteFirewall = slot->remotePayload.firewall;
        if (punched) {
            facts.path = ConnectionPath::Holepunched;
            facts.strategy = strategy == PunchStrategy::None ? PunchStrategy::Consistent : strategy;
            facts.punchRounds = int(slot->round) + 1;
            facts.localFirewall = punchLocalFirewall;  // what the punch rounds established
            facts.remoteFirewall = punchRemoteFirewall;
        }
        QPointer<BlindRelayLink> relayLink = slot->relayLink;
        slot->relayLink = nullptr;
        if (relayStreamId) {
            facts.path = ConnectionPath::BlindRelay;
            facts.strategy = PunchStrategy::None;
            facts.blindRelayKey = relayLink ? relayLink->relayKey() : QByteArray();
        } else if (relayLink) {  // another path won: the relay is not needed
            relayLink->onFailed = {};
            relayLink->onPaired = {};
            relayLink->close();
            relayLink->deleteLater();
            relayLink = nullptr;
        }
        facts.handshakeRelay = slot->relay;
        facts.handshakeMs = slot->handshakeMs;
        facts.connectMs = slot->started.elapsed();
        facts.remotePayload = slot->remotePayload;
        trace(slot->remotePublicKey, QStringLiteral("path"),
              QStringLiteral("%1 to %2").arg(connectionPathName(facts.path), facts.remoteAddress.toString()),
              facts.connectMs);

        SecretStreamOptions so;
        so.isInitiator = false;
        so.handshake = *slot->keys;
        so.keepAliveMs = kConnectionKeepAliveMs;
        auto* secure = new SecretStream(stream, so);  // takes the UDX stream
        slot->stream = nullptr;
        if (relayLink) {  // the relay connection lives as long as the peer stream
            relayLink->onFailed = {};
            relayLink->setParent(secure);
        }
        QPointer<SecretStream> guard(secure);
        // Handed over after the current datagram: the owner's code must not run inside the socket's
        // receive path. The secret stream keeps what arrives until it is started.
        QTimer::singleShot(0, &ctx, [this, guard, facts] {
            if (!guard)
                return;
            if (!q->onConnection) {
                guard->destroy();
                guard->deleteLater();
                return;
            }
            q->onConnection(Connection{guard.data(), facts});
            if (guard)
                guard->start();
        });
    }

    std::shared_ptr<ServerSlot> addHandshake(const HandshakeValue& hs, const rpc::IncomingRequest& in) {
        auto slot = std::make_shared<ServerSlot>();
        slot->started.start();
        slot->key = hs.noise;
        slot->direct = !hs.peerAddress;
        slot->clientAddress = hs.peerAddress ? *hs.peerAddress : in.from;
        if (!slot->direct)
            slot->relay = in.from;
        int id = 0;
        while (id < int(slotTable.size()) && slotTable[id])
            ++id;
        if (id == int(slotTable.size()))
            slotTable.push_back(nullptr);
        slotTable[id] = slot;
        slot->id = id;

        transport::noise::NoiseHandshake noise(transport::noise::NoisePattern::IK, false, opts.keyPair,
                                               crypto::nsPeerHandshake());
        const auto plain = noise.readMessage(hs.noise);
        if (!plain) {
            clearLater(slot);  // not for us, or forged: no reply (§6.1)
            return slot;
        }
        slot->remotePublicKey = noise.remoteStaticKey();
        auto payload = decodeNoisePayload(*plain);
        if (!payload) {
            refuse(*slot, kErrHandshakeInvalid,
                   QStringLiteral("The client's handshake payload does not decode: %1")
                       .arg(payload.errorMessage()));
            clearLater(slot);
            return slot;
        }
        slot->remotePayload = *payload;
        trace(slot->remotePublicKey, QStringLiteral("handshake"),
              slot->direct ? QStringLiteral("Noise message 1 straight from %1").arg(in.from.toString())
                           : QStringLiteral("Noise message 1 from %1 through relay %2")
                                 .arg(slot->clientAddress.toString(), in.from.toString()),
              0);

        if (opts.firewall && opts.firewall(slot->remotePublicKey, slot->remotePayload, slot->clientAddress)) {
            refuse(*slot, kErrRefused, QStringLiteral("Our firewall refused this peer's key"));
            clearLater(slot);
            return slot;
        }

        const uint64_t error = slot->remotePayload.version != kNoisePayloadVersion
                                   ? kPayloadErrorVersionMismatch
                               : !slot->remotePayload.udx ? kPayloadErrorAborted
                                                          : kPayloadErrorNone;
        rpc::DhtNode& node = dht->node();
        std::optional<Ipv4Address> publicAddress;
        if (!node.isFirewalled())
            if (auto a = node.publicAddress(); a && a->port != 0)
                publicAddress = a;
        slot->ourFirewall = publicAddress ? kFirewallOpen : kFirewallUnknown;

        NoisePayload ours;
        ours.error = error;
        ours.firewall = slot->ourFirewall;
        if (publicAddress)
            ours.addresses4.push_back(*publicAddress);
        if (UdxSocket* server = node.serverSocket())
            for (const Ipv4Address& a : detail::validateLocalAddresses(detail::localAddresses(*server)))
                ours.addresses4.push_back(a);
        if (error == kPayloadErrorNone) {
            auto* stream = new UdxStream(&ctx);
            slot->stream = stream;
            std::weak_ptr<ServerSlot> weak = slot;
            stream->setFirewall([this, weak](UdxStream& s, UdxSocket& socket, const UdxEndpoint& from) {
                auto sl = weak.lock();
                if (!sl || from.port() == 0)
                    return false;
                // The client's packets forwarded by the blind relay before its pair answer reached
                // us: dropped (UDX resends them); the relay's answer sets the path (§11).
                if (!sl->handed && sl->relayLink && sl->relayLink->isRelayPath(socket, from))
                    return false;
                if (sl->handed && sl->relayed->socket) {
                    // Relayed, and a packet on another path: the client's holepunch went through
                    // after all (hyperdht keeps punching beside the relay); move there.
                    const bool wasUpgraded = sl->relayed->upgraded;
                    const bool ok = sl->relayed->onPacket(s, socket, from);
                    if (ok && !wasUpgraded && sl->puncher) {
                        sl->puncher->handOver(&socket, &s);  // keep the punched socket alive
                        sl->puncher->onAbort = {};
                        sl->puncher->destroy();
                        sl->puncher->deleteLater();
                        sl->puncher = nullptr;
                    }
                    return ok;
                }
                if (!sl->handed) {
                    connectSlot(sl, &socket, from);
                    return sl->handed;
                }
                // A later path (e.g. a punched hole after a first one): move the stream, as hyperdht does.
                return bool(s.changeRemote(&socket, s.remoteId(), from));
            });
            ours.udx = UdxInfo{kUdxInfoVersion, 0, stream->localId(), 0};
        } else {
            ours.udx = UdxInfo{kUdxInfoVersion, 0, 0, 0};
        }
        ours.secretStream = SecretStreamInfo{};
        if (opts.relayThrough.size() == kPublicKeySize && error == kPayloadErrorNone) {
            slot->relayToken = blindRelayToken();
            ours.relayThrough = RelayThroughInfo{1, 0, opts.relayThrough, slot->relayToken};
        }
        if (!relayAddresses.empty())
            ours.relayAddresses = relayAddresses;
        // §7: offered when we are not reachable ourselves; the slot id comes back in PEER_HOLEPUNCH.
        if (!publicAddress && opts.holepunch) {
            HolepunchInfo info;
            info.id = uint64_t(slot->id);
            for (const ServerRelay& r : relays)
                info.relays.push_back(RelayInfo{r.relayAddress, r.peerAddress});
            ours.holepunch = info;
        }

        const auto msg2 = noise.writeMessage(encodeNoisePayload(ours));
        const auto keys = noise.result();
        if (!msg2 || !keys) {
            dropSlot(*slot);
            clearLater(slot);
            return slot;
        }
        slot->reply = *msg2;
        slot->keys = *keys;
        slot->handshakeMs = slot->started.elapsed();

        if (error != kPayloadErrorNone) {
            refuse(*slot, kErrServerIncompatible,
                   error == kPayloadErrorVersionMismatch
                       ? QStringLiteral("The client speaks handshake version %1; we speak 1")
                             .arg(slot->remotePayload.version)
                       : QStringLiteral("The client sent no UDX stream information"));
            dropSlot(*slot);
            clearLater(slot);
            return slot;
        }

        if (slot->remotePayload.firewall == kFirewallOpen || slot->direct) {
            UdxSocket* socket = slot->direct ? (in.onServerSocket ? node.serverSocket() : node.clientSocket())
                                             : detail::dhtSocket(node);
            connectSlot(slot, socket, detail::toEndpoint(slot->clientAddress));
            return slot;
        }
        // §8 server step 2: a blind relay asked for by either side runs beside the other paths.
        if (ours.relayThrough || slot->remotePayload.relayThrough)
            startRelay(slot);

        // Same public address and the client listed private addresses like ours: it will take the
        // LAN shortcut; a puncher stands by (and we keep answering from the normal socket).
        bool lan = false;
        if (!slot->direct && slot->clientAddress.host == in.request.to.host) {
            std::vector<Ipv4Address> clientPrivate;
            for (const Ipv4Address& a : slot->remotePayload.addresses4)
                if (detail::isPrivateIpv4(a))
                    clientPrivate.push_back(a);
            if (!clientPrivate.empty() && node.serverSocket()) {
                const auto mine =
                    detail::validateLocalAddresses(detail::localAddresses(*node.serverSocket()));
                lan = detail::matchAddress(mine, clientPrivate).has_value();
            }
        }
        if (ours.holepunch) {
            setupPuncher(slot);
            slot->replyFromPuncher = !lan;
        }

        // Wait for the client's first packet (it connects to an address of ours, §8 client 4/6, or
        // punches through to our puncher socket, §7).
        slot->prepunch = new QTimer(&ctx);
        slot->prepunch->setSingleShot(true);
        std::weak_ptr<ServerSlot> weak = slot;
        QObject::connect(slot->prepunch, &QTimer::timeout, &ctx, [this, weak] {
            auto s = weak.lock();
            if (!s || s->handed)
                return;
            if (waitForRelay(*s))
                return;
            s->finished = true;
            refuse(*s, kErrPeerConnectionFailed,
                   QStringLiteral("The client answered the handshake but never reached us within 10 s"));
            dropSlot(*s);
            clearLater(s);
        });
        slot->prepunch->start(kHandshakeInitialTimeoutMs);
        return slot;
    }

    // hyperdht server `onabort` with a relay token: the direct paths gave up, the relay decides.
    bool waitForRelay(ServerSlot& slot) {
        if (!slot.relayLink)
            return false;
        slot.aborted = true;
        if (slot.puncher) {
            slot.puncher->onAbort = {};
            slot.puncher->destroy();
        }
        return true;
    }

    // §11, hyperdht server.js `_relayConnection`: our relay when we asked for one (we are then the
    // initiator of the pairing), else the client's.
    void startRelay(const std::shared_ptr<ServerSlot>& slot) {
        const auto& theirs = slot->remotePayload.relayThrough;
        const bool ours = !slot->relayToken.isEmpty();
        const QByteArray key = ours ? opts.relayThrough : theirs->publicKey;
        const QByteArray token = ours ? slot->relayToken : theirs->token;
        if (key.size() != kPublicKeySize || token.size() != kBlindRelayTokenSize || !slot->stream || !dht)
            return;
        trace(slot->remotePublicKey, QStringLiteral("relay"),
              QStringLiteral("Pairing through the blind relay %1")
                  .arg(QString::fromLatin1(key.toHex().left(16))),
              slot->started.elapsed());
        auto* link = new BlindRelayLink(*dht, opts.keyPair, key, ours, token, slot->stream->localId(), &ctx);
        slot->relayLink = link;
        std::weak_ptr<ServerSlot> weak = slot;
        link->onPaired = [this, weak](UdxSocket* socket, const UdxEndpoint& relay, quint32 relayStreamId) {
            auto s = weak.lock();
            if (!s || s->handed || s->finished)
                return;
            if (s->prepunch)
                s->prepunch->stop();
            // The puncher keeps going (as hyperdht's does): if the client's punch comes through,
            // the stream moves to it and the relay is let go (RelayedPath).
            if (s->puncher)
                s->puncher->onAbort = {};
            s->relayed->socket = socket;
            s->relayed->relay = relay;
            s->relayed->peerStreamId = quint32(s->remotePayload.udx->id);
            s->relayed->link = s->relayLink;
            connectSlot(s, socket, relay, relayStreamId);
            if (!s->handed)
                s->relayed->socket = nullptr;
        };
        link->onFailed = [this, weak](const QString& message) {
            auto s = weak.lock();
            if (!s)
                return;
            trace(s->remotePublicKey, QStringLiteral("relay"), message, s->started.elapsed());
            if (s->relayLink) {
                s->relayLink->deleteLater();
                s->relayLink = nullptr;
            }
            if (s->aborted && !s->handed && !s->finished) {
                s->finished = true;
                refuse(*s, kErrRelayFailed,
                       QStringLiteral("No direct path to the client, and the blind relay failed: %1")
                           .arg(message));
                dropSlot(*s);
                clearLater(s);
            }
        };
        link->start();
    }

    void setupPuncher(const std::shared_ptr<ServerSlot>& slot) {
        slot->holepunchSecret = crypto::SecureBytes::fromByteArray(
            crypto::blake2b(crypto::nsPeerHolepunch(), 32, slot->keys->handshakeHash));
        slot->localSecret = QByteArray(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(slot->localSecret.data()), 8);
        slot->puncher = new detail::Holepuncher(*dht, false, slot->remotePayload.firewall, &ctx);
        std::weak_ptr<ServerSlot> weak = slot;
        slot->puncher->onAbort = [this, weak] {
            auto s = weak.lock();
            if (!s || s->handed)
                return;
            if (waitForRelay(*s))
                return;
            s->finished = true;
            if (s->prepunch)
                s->prepunch->stop();
            refuse(*s, kErrHolepunchAborted, QStringLiteral("Holepunching with the client gave up"));
            dropSlot(*s);
            clearLater(s);
        };
    }

    static QByteArray token(const QByteArray& secret, const Ipv4Address& a) {
        const QString host =
            QStringLiteral("%1.%2.%3.%4").arg(a.host[0]).arg(a.host[1]).arg(a.host[2]).arg(a.host[3]);
        return crypto::blake2b(host.toLatin1(), 32, secret);
    }

    bool isRelay(const Ipv4Address& a) const {
        for (const ServerRelay& r : relays)
            if (r.relayAddress == a)
                return true;
        return false;
    }

    // hyperdht server `_abort`: an ABORTED (or TRY_LATER) payload back through the relay.
    void abortHolepunch(ServerSlot& slot, const HolepunchValue& hp, const rpc::IncomingRequest& in,
                        uint64_t error = kPayloadErrorAborted) {
        if (slot.holepunchSecret.size() == 0) {
            if (slot.puncher)
                slot.puncher->destroy();
            return;
        }
        HolepunchPayload p;
        p.error = error;
        p.round = slot.round;
        QByteArray nonce(kHolepunchNonceSize, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(nonce.data()),
                                              kHolepunchNonceSize / 4);
        const QByteArray sealed =
            sealHolepunchPayload(slot.holepunchSecret, nonce, encodeHolepunchPayload(p));
        if (slot.puncher)
            slot.puncher->destroy();
        if (in.relay)
            in.relay(encodeHolepunchValue(HolepunchValue{kModeFromServer, 0, sealed, hp.peerAddress}),
                     in.from);
    }

    void onHandshake(const HandshakeValue& hs, const rpc::IncomingRequest& in, const rpc::ReplyFn& reply) {
        if (closing || !dht || hs.noise.isEmpty())
            return;
        if (hs.mode != kModeFromClient && hs.mode != kModeFromRelay && hs.mode != kModeFromSecondRelay)
            return;
        if (hs.mode == kModeFromSecondRelay && !hs.relayAddress)
            return;
        if (hs.mode != kModeFromClient && !hs.peerAddress)
            return;
        // The same message 1 through several relays gets the same answer (§5.2).
        std::shared_ptr<ServerSlot> slot;
        if (auto it = connects.find(hs.noise); it != connects.end()) {
            slot = it->second;
        } else {
            slot = addHandshake(hs, in);
            connects[hs.noise] = slot;
        }
        if (!*alive || closing || slot->reply.isEmpty())
            return;
        switch (hs.mode) {
            case kModeFromClient: {
                rpc::HandlerReply r;
                r.value =
                    encodeHandshakeValue(HandshakeValue{kModeReply, slot->reply, std::nullopt, std::nullopt});
                r.withToken = false;
                r.withCloserNodes = false;
                reply(r);
                return;
            }
            case kModeFromRelay:
            case kModeFromSecondRelay: {
                // Sent from the puncher socket when we intend to punch: the relay (and so the
                // client) learn that socket's public address (§5.2, §8 server 5).
                const QByteArray value = encodeHandshakeValue(
                    HandshakeValue{kModeFromServer, slot->reply, hs.peerAddress, std::nullopt});
                const Ipv4Address to = hs.mode == kModeFromRelay ? in.from : *hs.relayAddress;
                UdxSocket* via = slot->replyFromPuncher && slot->puncher ? slot->puncher->socket() : nullptr;
                if (via && in.relayFrom)
                    in.relayFrom(value, to, via);
                else if (in.relay)
                    in.relay(value, to);
                return;
            }
            default:
                return;
        }
    }

    // PEER_HOLEPUNCH FROM_RELAY for slot hp.id (hyperdht server `_onpeerholepunch`, §7.5).
    void onHolepunch(const HolepunchValue& hp, const rpc::IncomingRequest& in, const rpc::ReplyFn&) {
        if (closing || !dht || !hp.peerAddress || hp.id >= slotTable.size())
            return;
        std::shared_ptr<ServerSlot> slot = slotTable[hp.id];
        // A slot handed over through a blind relay keeps answering: a punched path replaces the relay.
        if (!slot || (slot->handed && !(slot->relayed->socket && !slot->relayed->upgraded)))
            return;
        if (slot->holepunchSecret.size() == 0) {
            abortHolepunch(*slot, hp, in);
            return;
        }
        const auto plain = openHolepunchPayload(slot->holepunchSecret, hp.payload);
        if (!plain)
            return;
        const auto remote = decodeHolepunchPayload(*plain);
        if (!remote)
            return;
        detail::Holepuncher* p = slot->puncher;
        if (!p || !p->socket() || p->isDestroyed()) {
            abortHolepunch(*slot, hp, in);
            return;
        }
        const bool serverRelay = isRelay(in.from);
        if (remote->error != kPayloadErrorNone) {
            if (remote->round >= slot->round)
                slot->round = remote->round;
            abortHolepunch(*slot, hp, in);
            return;
        }
        const QByteArray ourToken = token(slot->localSecret, *hp.peerAddress);
        const bool echoed = serverRelay && remote->remoteToken && *remote->remoteToken == ourToken;
        if (remote->round >= slot->round) {
            slot->round = remote->round;
            p->updateRemote(
                remote->punching, remote->firewall, remote->addresses,
                echoed ? std::optional<std::array<uint8_t, 4>>(hp.peerAddress->host) : std::nullopt);
        }
        trace(slot->remotePublicKey, QStringLiteral("punch-round"),
              QStringLiteral("Round %1 from the client (%2)")
                  .arg(remote->round)
                  .arg(remote->punching ? QStringLiteral("punching") : QStringLiteral("probing")),
              slot->started.elapsed());
        std::weak_ptr<ServerSlot> weak = slot;
        const rpc::IncomingRequest req = in;
        const HolepunchValue value = hp;
        const HolepunchPayload theirs = *remote;
        p->analyze([this, weak, req, value, theirs, serverRelay, ourToken] {
            auto s = weak.lock();
            if (!s || s->handed || closing || !s->puncher || s->puncher->isDestroyed())
                return;
            detail::Holepuncher* pu = s->puncher;
            const uint64_t fw = pu->nat().firewall();
            const bool unstable =
                fw == kFirewallUnknown || (pu->remoteFirewall() >= kFirewallRandom && fw >= kFirewallRandom);
            // hyperdht aborts here. But when the client's probe already reached our puncher, it
            // has had our echo and takes that path at once (hyperdht's client does the same): an
            // abort now would leave it with a stream that nobody answers. So the hole is open;
            // keep the slot and wait for the client's stream (the prepunch deadline still runs).
            if (!pu->remoteHolepunching() && unstable && !pu->receivedProbe()) {
                abortHolepunch(*s, value, req);
                return;
            }
            // Fast mode: we are consistent and the client opened a session to one of our addresses.
            if ((fw == kFirewallConsistent || fw == kFirewallOpen) && theirs.remoteAddress) {
                const auto ours = pu->nat().addresses();
                if (ours && std::find(ours->begin(), ours->end(), *theirs.remoteAddress) != ours->end())
                    pu->ping(*value.peerAddress);
            }
            if (pu->remoteHolepunching()) {
                if (s->prepunch)
                    s->prepunch->stop();
                const bool random = pu->remoteFirewall() >= kFirewallRandom || fw >= kFirewallRandom;
                // A repeated round (the client's retry) while we already punch changes nothing.
                if (random && !pu->isPunching() && !detail::randomPunchAllowed()) {
                    abortHolepunch(*s, value, req, kPayloadErrorTryLater);
                    return;
                }
                if (!pu->punch()) {
                    abortHolepunch(*s, value, req);
                    return;
                }
                trace(s->remotePublicKey, QStringLiteral("punch-round"),
                      QStringLiteral("Punching (%1)").arg(punchStrategyName(pu->strategy())),
                      s->started.elapsed());
            }
            if (fw != kFirewallUnknown)
                pu->nat().freeze();
            HolepunchPayload ours;
            ours.firewall = fw;
            ours.round = s->round;
            ours.connected = pu->isConnected();
            ours.punching = pu->isPunching();
            ours.addresses = pu->nat().addresses();
            if (serverRelay)
                ours.token = ourToken;
            ours.remoteToken = theirs.token;
            QByteArray nonce(kHolepunchNonceSize, Qt::Uninitialized);
            QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(nonce.data()),
                                                  kHolepunchNonceSize / 4);
            const QByteArray sealed =
                sealHolepunchPayload(s->holepunchSecret, nonce, encodeHolepunchPayload(ours));
            const QByteArray reply =
                encodeHolepunchValue(HolepunchValue{kModeFromServer, 0, sealed, value.peerAddress});
            if (req.relayFrom)
                req.relayFrom(reply, req.from, pu->socket());
        });
    }

    void announce(std::function<void(Result<void>)> done) {
        if (!dht) {
            if (done)
                done(makeError(QStringLiteral("The DHT node was destroyed")));
            return;
        }
        std::weak_ptr<bool> weak = alive;
        announcing = true;
        dht->announceSelf(opts.keyPair, [this, weak, done = std::move(done)](const AnnounceSelfResult& r) {
            if (weak.expired() || !*weak.lock())
                return;
            announcing = false;
            if (closing)
                return;
            const bool changed = r.relayAddresses != relayAddresses;
            if (r.commit.ok) {
                relays = r.relays;
                relayAddresses = r.relayAddresses;
            }
            if (done)
                done(r.commit.ok
                         ? Result<void>()
                         : Result<void>(makeError(
                               QStringLiteral("Announcing the server failed: %1").arg(r.commit.error))));
            else if (changed && r.commit.ok && q->onRelaysChanged)
                q->onRelaysChanged();
        });
    }

    // One round of relay pings; when a relay stopped answering, announce again at once (so clients
    // find a live relay) instead of waiting for the periodic re-announce.
    void pingRelays() {
        if (!dht || closing || !listening || announcing || relayPingsPending > 0 || relays.empty())
            return;
        relayPingsPending = int(relays.size());
        relayPingsAnswered = 0;
        std::weak_ptr<bool> weak = alive;
        for (const ServerRelay& r : relays) {
            rpc::RpcRequest ping;
            ping.internal = true;
            ping.command = rpc::kCommandPing;
            dht->node().request(std::move(ping), r.relayAddress, rpc::RequestOptions{},
                                [this, weak](const rpc::RequestResult& res) {
                                    if (weak.expired() || !*weak.lock())
                                        return;
                                    if (res.status == rpc::RequestStatus::Response)
                                        ++relayPingsAnswered;
                                    if (--relayPingsPending > 0 || closing || !listening)
                                        return;
                                    if (res.status == rpc::RequestStatus::Destroyed)
                                        return;
                                    if (relayPingsAnswered < int(relays.size()) && !announcing) {
                                        announceTimer.start();  // the periodic one counts from now
                                        announce(nullptr);
                                    }
                                });
        }
    }
};

Server::Server(HyperDht& dht, ServerOptions options) : d(std::make_unique<Impl>()) {
    d->q = this;
    d->dht = &dht;
    d->opts = std::move(options);
    d->announceTimer.setSingleShot(false);
    QObject::connect(&d->announceTimer, &QTimer::timeout, &d->ctx, [this] {
        if (d->listening && !d->closing && !d->announcing)
            d->announce(nullptr);
    });
    d->relayPingTimer.setSingleShot(false);
    QObject::connect(&d->relayPingTimer, &QTimer::timeout, &d->ctx, [this] { d->pingRelays(); });
}

Server::~Server() = default;

void Server::listen(std::function<void(Result<void>)> done) {
    if (d->listening || d->closing) {
        if (done)
            done(makeError(QStringLiteral("The server is already listening")));
        return;
    }
    if (!d->dht || !d->opts.keyPair.isValid()) {
        if (done)
            done(makeError(QStringLiteral("The server needs a DHT node and a key pair")));
        return;
    }
    d->target = crypto::blake2b(d->opts.keyPair.publicKey);
    if (d->dht->storage().hasServerTarget(d->target)) {
        if (done)
            done(makeError(QStringLiteral("Another server already listens on this key pair")));
        return;
    }
    Impl* impl = d.get();
    ServerTargetHooks hooks;
    hooks.onHandshake = [impl](const HandshakeValue& v, const rpc::IncomingRequest& in,
                               const rpc::ReplyFn& r) { impl->onHandshake(v, in, r); };
    hooks.onHolepunch = [impl](const HolepunchValue& v, const rpc::IncomingRequest& in,
                               const rpc::ReplyFn& r) { impl->onHolepunch(v, in, r); };
    d->dht->storage().setServerTarget(d->target, std::move(hooks));
    d->listening = true;
    d->announceTimer.start(std::max(1000, d->opts.announceIntervalMs));
    d->relayPingTimer.start(kRelayPingIntervalMs);
    if (!d->dht->node().isBootstrapped()) {  // announce once the node has a routing table
        auto pending = std::make_shared<std::function<void(Result<void>)>>(std::move(done));
        QObject::connect(
            &d->dht->node(), &rpc::DhtNode::ready, &d->ctx,
            [this, pending] {
                if (d->listening && !d->closing)
                    d->announce(std::move(*pending));
            },
            Qt::SingleShotConnection);
        return;
    }
    d->announce(std::move(done));
}

void Server::close(std::function<void()> done) {
    if (!d->listening || d->closing) {
        if (done)
            done();
        return;
    }
    d->closing = true;
    d->announceTimer.stop();
    d->relayPingTimer.stop();
    d->unregister();
    for (auto& [k, slot] : d->connects)
        d->dropSlot(*slot);
    if (!d->dht) {
        d->listening = false;
        if (done)
            done();
        return;
    }
    std::weak_ptr<bool> weak = d->alive;
    d->dht->unannounce(d->target, d->opts.keyPair, [this, weak, done = std::move(done)](const CommitResult&) {
        if (!weak.expired() && *weak.lock())
            d->listening = false;
        if (done)
            done();
    });
}

bool Server::isListening() const {
    return d->listening && !d->closing;
}

QByteArray Server::publicKey() const {
    return d->opts.keyPair.publicKey;
}

std::vector<ServerRelay> Server::relays() const {
    return d->relays;
}

std::vector<encoding::Ipv4Address> Server::relayAddresses() const {
    return d->relayAddresses;
}

}  // namespace pluresdb::dht::hyperdht
