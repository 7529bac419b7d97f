#include "core/sync/SyncNode.h"

#include "core/keys/SyncKey.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/websocket/WebSocketMesh.h"

#include <QSet>

namespace pluresdb::sync {

Result<std::unique_ptr<SyncNode>> SyncNode::create(store::Store& store, const QString& key,
                                                   const Options& options) {
    auto k = keys::normaliseSyncKey(key);
    if (!k)
        return k.error();
    if (store.readOnly())
        return makeError(QStringLiteral("sync needs a writable store"));
    return std::unique_ptr<SyncNode>(new SyncNode(store, QByteArray::fromHex(k->toLatin1()), options));
}

SyncNode::SyncNode(store::Store& store, QByteArray key, const Options& options)
    : m_store(store), m_key(std::move(key)), m_options(options) {}

SyncNode::~SyncNode() {
    for (auto& s : m_sessions)
        if (s) {
            s->disconnect(this);
            delete s.data();
        }
}

int64_t SyncNode::nowMs() const {
    return m_options.clock ? m_options.clock->nowMs() : m_systemClock.nowMs();
}

PeerInfo SyncNode::infoOf(const SyncSession* s) const {
    PeerInfo p;
    p.peerId = s->peerId();
    p.remoteAddress = s->remoteAddress();
    p.remotePublicKey = s->remotePublicKey();
    p.connected = s->isConnected();
    p.legacyJson = s->mode() == SyncSession::Mode::Json;
    p.inSync = s->isInSync();
    p.link = s->link();
    p.stats = s->stats();
    p.progress = s->progress();
    p.ackRttMs = s->ackRttMs();
    return p;
}

SyncSession* SyncNode::addStream(transport::ByteStream* stream, const PeerAuth& auth,
                                 const QByteArray& alreadyReceived) {
    auto* s = new SyncSession(this, stream, auth, this);
    if (!auth.remotePublicKey.isEmpty() && m_refused.contains(auth.remotePublicKey)) {
        // Refused once (no proof of the key): not retried while the node runs.
        const PeerInfo info = infoOf(s);
        emit peerRefused(info, QStringLiteral("this peer failed the key proof before; not retried"));
        stream->destroy(QStringLiteral("refused: this peer failed the key proof before"));
        s->deleteLater();
        return nullptr;
    }
    m_sessions.emplace_back(s);
    connect(s, &SyncSession::peerConnected, this, [this, s] { emit peerConnected(infoOf(s)); });
    connect(s, &SyncSession::peerDisconnected, this,
            [this, s](const QString& reason) { emit peerDisconnected(infoOf(s), reason); });
    connect(s, &SyncSession::syncComplete, this, [this, s] { emit syncComplete(infoOf(s)); });
    connect(s, &SyncSession::refused, this,
            [this, s](const QString& reason) { emit peerRefused(infoOf(s), reason); });
    connect(s, &SyncSession::errorOccurred, this,
            [this, s](const QString& m) { emit error(s->peerId(), m); });
    connect(s, &SyncSession::progressed, this, [this, s] { emit progress(infoOf(s)); });
    connect(s, &SyncSession::finished, this, [this, s] {
        m_pastTotals += s->stats();
        std::erase_if(m_sessions, [s](const QPointer<SyncSession>& p) { return !p || p == s; });
        s->deleteLater();
    });
    s->start();
    if (!alreadyReceived.isEmpty())
        s->deliver(alreadyReceived);
    return s;
}

void SyncNode::addSecretStream(transport::secretstream::SecretStream* stream, const PeerLink& link,
                               const QByteArray& alreadyReceived) {
    using transport::secretstream::SecretStream;
    auto begin = [this, stream, link, alreadyReceived] {
        PeerAuth auth;
        auth.link = link;
        auth.handshakeHash = stream->handshakeHash();
        auth.localPublicKey = stream->publicKey();
        auth.remotePublicKey = stream->remotePublicKey();
        auth.initiator = stream->isInitiator();
        addStream(stream, auth, alreadyReceived);
    };
    if (stream->isHandshakeComplete()) {
        begin();
        return;
    }
    auto* ctx = new QObject(stream);
    connect(stream, &transport::ByteStream::connected, ctx, [ctx, begin] {
        delete ctx;
        begin();
    });
    connect(stream, &transport::ByteStream::closed, ctx, [this, ctx, stream](const QString& e) {
        delete ctx;
        if (!e.isEmpty())
            emit error(stream->remoteDescription(), QStringLiteral("connection failed: %1").arg(e));
        stream->deleteLater();
    });
}

void SyncNode::attachMesh(transport::websocket::WebSocketMesh* mesh) {
    using transport::websocket::WebSocketByteStream;
    connect(mesh, &transport::websocket::WebSocketMesh::secretStreamReady, this,
            [this](transport::secretstream::SecretStream* s) {
                PeerLink link;
                link.kind = QStringLiteral("websocket");
                link.initiator = s->isInitiator();
                addSecretStream(s, link);
            });
    connect(mesh, &transport::websocket::WebSocketMesh::textChannelReady, this,
            [this](WebSocketByteStream* raw) {
                PeerAuth auth;
                auth.link.kind = QStringLiteral("websocket");
                addStream(raw, auth);
            });
    connect(mesh, &transport::websocket::WebSocketMesh::connectionFailed, this,
            [this](const QString& url, const QString& e) {
                emit error(url, QStringLiteral("WebSocket: %1").arg(e));
            });
    mesh->setRetryFilter(
        [self = QPointer<SyncNode>(this)](const QByteArray& key) { return !self || !self->isRefused(key); });
}

Result<std::vector<store::Op>> SyncNode::write(const std::vector<store::LocalWrite>& batch) {
    auto r = m_store.write(batch);
    if (!r)
        return r;
    QStringList ids;
    ids.reserve(static_cast<qsizetype>(batch.size()));
    for (const auto& w : batch)
        ids << w.id;
    notifyChanged(nullptr, ids);
    emit recordsChanged(ids, false);
    return r;
}

Result<store::MergeStats> SyncNode::mergeFrom(SyncSession* from, const std::vector<store::Op>& ops) {
    auto r = m_store.merge(ops);
    if (!r || r->applied == 0)
        return r;
    QStringList ids;
    QSet<QString> seen;
    for (const auto& op : ops)
        if (!seen.contains(op.recordId)) {
            seen.insert(op.recordId);
            ids << op.recordId;
        }
    notifyChanged(from, ids);
    emit recordsChanged(ids, true);
    return r;
}

void SyncNode::notifyChanged(SyncSession* except, const QStringList& ids) {
    const auto sessions = m_sessions;  // a session may finish while we iterate
    for (const auto& s : sessions)
        if (s && s != except)
            s->storeChanged(ids);
}

std::vector<PeerInfo> SyncNode::peers() const {
    std::vector<PeerInfo> out;
    for (const auto& s : m_sessions)
        if (s)
            out.push_back(infoOf(s));
    return out;
}

int SyncNode::connectedPeers() const {
    int n = 0;
    for (const auto& s : m_sessions)
        if (s && s->isConnected())
            ++n;
    return n;
}

SyncStats SyncNode::totals() const {
    SyncStats t = m_pastTotals;
    for (const auto& s : m_sessions) {
        if (!s)
            continue;
        t += s->stats();
    }
    return t;
}

}  // namespace pluresdb::sync
