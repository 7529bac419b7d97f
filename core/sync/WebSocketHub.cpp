#include "core/sync/WebSocketHub.h"

#include "core/crypto/Ed25519.h"
#include "core/sync/LegacyJson.h"
#include "core/sync/SyncNode.h"
#include "core/sync/SyncProtocol.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/websocket/WebSocketMesh.h"

#include <QThread>
#include <QTimer>

#include <map>
#include <tuple>

namespace pluresdb::sync {

using transport::secretstream::SecretStream;
using transport::websocket::WebSocketByteStream;
using transport::websocket::WebSocketMesh;

namespace {

// The hubs serving now, per thread (the engine thread in practice), host and bound port.
using HubKey = std::tuple<QThread*, QString, quint16>;
std::map<HubKey, std::weak_ptr<WebSocketHub>>& hubs() {
    static std::map<HubKey, std::weak_ptr<WebSocketHub>> registry;
    return registry;
}

}  // namespace

HubFirstBytes classifyFirstBytes(const QByteArray& received) {
    using Kind = HubFirstBytes::Kind;
    if (received.isEmpty())
        return {};
    if (looksLikeLegacyJson(received[0]))
        return {Kind::Json, {}};
    FrameReader reader;
    reader.append(received);
    if (auto t = reader.peekType(); t && *t != static_cast<uint8_t>(MessageType::Hello))
        return {Kind::Other, {}};
    if (auto l = reader.peekLength(); l && *l > kMaxHelloPayload)
        return {Kind::Other, {}};
    auto frame = reader.next();
    if (!frame)
        return {Kind::Other, {}};
    if (!frame->has_value())
        return {};
    auto m = decodeMessage((*frame)->type, (*frame)->payload);
    if (!m || !std::holds_alternative<HelloMsg>(*m))
        return {Kind::Other, {}};
    return {Kind::Hello, std::get<HelloMsg>(*m).proof};
}

Result<std::shared_ptr<WebSocketHub>> WebSocketHub::acquire(const QHostAddress& host, quint16 port) {
    QThread* thread = QThread::currentThread();
    if (port != 0) {
        const auto it = hubs().find(HubKey{thread, host.toString(), port});
        if (it != hubs().end())
            if (auto hub = it->second.lock())
                return hub;
    }
    std::shared_ptr<WebSocketHub> hub(new WebSocketHub());
    hub->m_mesh = std::make_unique<WebSocketMesh>(crypto::generateKeyPair());
    auto bound = hub->m_mesh->serve(host, port);
    if (!bound)
        return bound.error();
    hub->m_host = host;
    hub->m_port = *bound;
    WebSocketHub* raw = hub.get();
    connect(hub->m_mesh.get(), &WebSocketMesh::secretStreamReady, raw, &WebSocketHub::onSecretStream);
    connect(hub->m_mesh.get(), &WebSocketMesh::textChannelReady, raw, &WebSocketHub::onTextChannel);
    hubs()[HubKey{thread, host.toString(), *bound}] = hub;
    return hub;
}

WebSocketHub::~WebSocketHub() {
    const auto it = hubs().find(HubKey{QThread::currentThread(), m_host.toString(), m_port});
    if (it != hubs().end() && it->second.expired())
        hubs().erase(it);
    // Connections still waiting for their Hello are children of this hub and close with it.
    m_mesh.reset();
}

void WebSocketHub::prune() {
    std::erase_if(m_nodes, [](const QPointer<SyncNode>& n) { return !n; });
}

void WebSocketHub::addNode(SyncNode* node) {
    prune();
    if (node && std::find(m_nodes.begin(), m_nodes.end(), node) == m_nodes.end())
        m_nodes.emplace_back(node);
}

void WebSocketHub::removeNode(SyncNode* node) {
    std::erase_if(m_nodes, [node](const QPointer<SyncNode>& n) { return !n || n == node; });
}

int WebSocketHub::nodeCount() const {
    int n = 0;
    for (const auto& p : m_nodes)
        n += p ? 1 : 0;
    return n;
}

SyncNode* WebSocketHub::fallbackNode(bool wantsLegacyJson) const {
    if (wantsLegacyJson)
        for (const auto& n : m_nodes)
            if (n && n->options().legacyJson)
                return n;
    for (const auto& n : m_nodes)
        if (n)
            return n;
    return nullptr;
}

void WebSocketHub::onTextChannel(WebSocketByteStream* stream) {
    // Synchronously: the first frame's bytes follow this signal.
    SyncNode* node = fallbackNode(true);
    if (!node) {
        stream->destroy(QStringLiteral("no space syncs on this port"));
        return;
    }
    PeerAuth auth;
    auth.link.kind = QStringLiteral("websocket");
    node->addStream(stream, auth);
}

void WebSocketHub::onSecretStream(SecretStream* stream) {
    stream->setParent(this);  // until a space takes it
    auto* pending = new QObject(stream);
    auto received = std::make_shared<QByteArray>();
    QPointer<SecretStream> guard(stream);
    auto done = [this, stream, pending, received] {
        stream->disconnect(pending);
        pending->deleteLater();
        route(stream, *received);
    };
    connect(stream, &transport::ByteStream::dataReceived, pending,
            [stream, received, done](const QByteArray& bytes) {
                received->append(bytes);
                if (classifyFirstBytes(*received).kind != HubFirstBytes::Kind::NeedMore)
                    done();
            });
    connect(stream, &transport::ByteStream::remoteEnded, pending, [done] { done(); });
    connect(stream, &transport::ByteStream::closed, pending, [stream, pending](const QString&) {
        delete pending;
        stream->deleteLater();
    });
    QTimer::singleShot(kHelloTimeoutMs, pending, [guard] {
        if (guard)
            guard->destroy(
                QStringLiteral("the peer sent no sync Hello within %1 s").arg(kHelloTimeoutMs / 1000));
    });
}

void WebSocketHub::route(SecretStream* stream, const QByteArray& received) {
    const HubFirstBytes first = classifyFirstBytes(received);
    SyncNode* target = nullptr;
    if (first.kind == HubFirstBytes::Kind::Hello) {
        for (const auto& n : m_nodes)
            if (n &&
                verifyProof(n->keyBytes(), stream->handshakeHash(), stream->remotePublicKey(), first.proof)) {
                target = n;
                break;
            }
    }
    if (!target)
        target = fallbackNode(first.kind == HubFirstBytes::Kind::Json);
    if (!target) {
        stream->destroy(QStringLiteral("no space syncs on this port"));
        return;
    }
    PeerLink link;
    link.kind = QStringLiteral("websocket");
    link.initiator = false;
    target->addSecretStream(stream, link, received);
}

}  // namespace pluresdb::sync
