#include "core/sync/SyncSession.h"

#include "core/crypto/Hash.h"
#include "core/store/Store.h"
#include "core/sync/SyncNode.h"
#include "core/transport/ByteStream.h"

#include <QJsonDocument>

#include <algorithm>
#include <chrono>
#include <limits>

namespace pluresdb::sync {

namespace {

qint64 steadyMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace

using store::Op;

namespace {
constexpr qint64 kJsonHighWater = 4 * 1024 * 1024;  // snapshot replies pause above this much queued
constexpr int kSnapshotPage = 500;
}  // namespace

SyncSession::SyncSession(SyncNode* node, transport::ByteStream* stream, PeerAuth auth, QObject* parent)
    : QObject(parent), m_node(node), m_stream(stream), m_auth(std::move(auth)) {
    m_peerId = m_auth.remotePublicKey.isEmpty() ? stream->remoteDescription()
                                                : QString::fromLatin1(m_auth.remotePublicKey.toHex());
    stream->setParent(this);
    m_firstByteTimer.setSingleShot(true);
    connect(&m_firstByteTimer, &QTimer::timeout, this, [this] {
        if (m_mode == Mode::Unknown)
            sendHello();
    });
    connect(stream, &transport::ByteStream::dataReceived, this, &SyncSession::onData);
    connect(stream, &transport::ByteStream::closed, this, &SyncSession::onClosed);
    connect(stream, &transport::ByteStream::remoteEnded, this, [this] {
        if (m_stream)
            m_stream->end();
    });
    connect(stream, &transport::ByteStream::drained, this, [this] {
        if (m_mode == Mode::Json && m_snapshotActive)
            continueSnapshot();
    });
}

SyncSession::~SyncSession() {
    if (m_stream) {
        m_stream->disconnect(this);
        delete m_stream.data();
    }
}

QString SyncSession::remoteAddress() const {
    return m_stream ? m_stream->remoteDescription() : QString();
}

int64_t SyncSession::nowMs() const {
    return m_node->nowMs();
}

void SyncSession::start() {
    m_state = State::AwaitingProof;
    if (m_auth.handshakeHash.isEmpty())
        return;  // a text channel: only JSON can come
    if (!m_node->options().legacyJson) {
        sendHello();
    } else if (m_auth.initiator) {
        // A 2.x peer speaks first (sync_request on connect) and would choke on our binary Hello.
        m_firstByteTimer.start(m_node->options().legacyFirstByteWaitMs);
    }
    // A responder with legacy JSON on waits for the first byte: the initiator's Hello or JSON.
}

void SyncSession::close(const QString& reason) {
    if (m_stream)
        m_stream->destroy(reason);
}

void SyncSession::sendFrame(const QByteArray& frame) {
    if (!m_stream || m_finished)
        return;
    ++m_stats.messagesSent;
    m_stats.bytesSent += static_cast<quint64>(frame.size());
    m_stream->write(frame);
}

void SyncSession::sendHello() {
    if (m_helloSent || m_state == State::Closed)
        return;
    m_helloSent = true;
    m_mode = m_mode == Mode::Unknown ? Mode::Binary : m_mode;
    HelloMsg h;
    h.proof = computeProof(m_node->keyBytes(), m_auth.handshakeHash, m_auth.localPublicKey);
    sendFrame(encodeMessage(h));
}

void SyncSession::onData(const QByteArray& bytes) {
    if (m_state == State::Closed || bytes.isEmpty())
        return;
    m_stats.bytesReceived += static_cast<quint64>(bytes.size());
    if (!m_firstByteSeen) {
        m_firstByteSeen = true;
        decideMode(bytes[0]);
        if (m_state == State::Closed)
            return;
    }
    if (m_mode == Mode::Json) {
        m_lines.append(bytes);
        handleJsonLines();
        return;
    }
    m_frames.append(bytes);
    handleFrames();
}

void SyncSession::decideMode(char firstByte) {
    m_firstByteTimer.stop();
    if (looksLikeLegacyJson(firstByte)) {
        if (!m_node->options().legacyJson) {
            refuse(
                QStringLiteral("the peer speaks the PluresDB 2.x JSON protocol, and legacy JSON is off "
                               "for this space"));
            return;
        }
        // (If our Hello went out first, a 2.x peer skips the line it cannot parse.)
        m_mode = Mode::Json;
        startJson();
        return;
    }
    if (m_auth.handshakeHash.isEmpty()) {
        refuse(QStringLiteral("binary sync data on a channel without a handshake"));
        return;
    }
    m_mode = Mode::Binary;
    sendHello();
}

void SyncSession::onClosed(const QString& error) {
    if (m_finished)
        return;
    m_finished = true;
    const bool wasOpen = m_state == State::Open;
    if (m_state == State::AwaitingProof && m_helloSent)
        emit errorOccurred(QStringLiteral("the connection closed before the peer proved the key%1")
                               .arg(error.isEmpty() ? QString() : QStringLiteral(": ") + error));
    m_state = State::Closed;
    m_firstByteTimer.stop();
    if (wasOpen && !m_disconnectedEmitted) {
        m_disconnectedEmitted = true;
        emit peerDisconnected(error);
    }
    emit finished();
}

void SyncSession::refuse(const QString& reason) {
    if (m_state == State::Closed)
        return;
    if (!m_auth.remotePublicKey.isEmpty())
        m_node->refuseKey(m_auth.remotePublicKey);
    m_state = State::Closed;
    emit refused(reason);
    // Nothing more is sent. Our Hello (already queued) still goes out, so the peer learns that it
    // was refused too; then the stream is torn down.
    if (m_stream) {
        m_stream->end();
        QPointer<transport::ByteStream> s = m_stream;
        QTimer::singleShot(1000, this, [s, reason] {
            if (s)
                s->destroy(QStringLiteral("refused: %1").arg(reason));
        });
    }
}

void SyncSession::protocolError(const QString& message) {
    if (m_state == State::Closed)
        return;
    emit errorOccurred(message);
    const bool wasOpen = m_state == State::Open;
    if (wasOpen && m_mode == Mode::Binary)
        sendFrame(encodeMessage(ByeMsg{message}));
    m_state = State::Closed;  // everything that follows is ignored
    if (wasOpen && !m_disconnectedEmitted) {
        m_disconnectedEmitted = true;
        emit peerDisconnected(message);
    }
    if (m_stream) {
        m_stream->end();  // let the Bye go out; the stream is destroyed if the peer does not close
        QPointer<transport::ByteStream> s = m_stream;
        QTimer::singleShot(2000, this, [s, message] {
            if (s)
                s->destroy(message);
        });
    }
}

void SyncSession::handleFrames() {
    while (m_state != State::Closed && m_mode == Mode::Binary) {
        if (m_state == State::AwaitingProof) {
            // Judge an unproven peer from the header: no waiting for a large frame it announces.
            if (auto t = m_frames.peekType(); t && *t != static_cast<uint8_t>(MessageType::Hello)) {
                refuse(QStringLiteral("the peer sent message type %1 before proving the key").arg(*t));
                return;
            }
            if (auto l = m_frames.peekLength(); l && *l > kMaxHelloPayload) {
                refuse(QStringLiteral("the peer's Hello is %1 bytes (at most %2)")
                           .arg(*l)
                           .arg(kMaxHelloPayload));
                return;
            }
        }
        auto f = m_frames.next();
        if (!f) {
            if (m_state == State::AwaitingProof)
                refuse(f.errorMessage());
            else
                protocolError(f.errorMessage());
            return;
        }
        if (!f->has_value())
            return;
        FrameReader::Frame frame = std::move(**f);
        ++m_stats.messagesReceived;
        if (m_state == State::AwaitingProof && frame.type != static_cast<uint8_t>(MessageType::Hello)) {
            refuse(QStringLiteral("the peer sent message type %1 before proving the key").arg(frame.type));
            return;
        }
        auto m = decodeMessage(frame.type, frame.payload);
        if (!m) {
            if (m_state == State::AwaitingProof)
                refuse(m.errorMessage());
            else
                protocolError(m.errorMessage());
            return;
        }
        handleMessage(std::move(m).value());
    }
}

void SyncSession::handleMessage(Message&& msg) {
    if (auto* h = std::get_if<HelloMsg>(&msg)) {
        if (m_state != State::AwaitingProof) {
            protocolError(QStringLiteral("a second Hello"));
            return;
        }
        if (h->version != kProtocolVersion) {
            refuse(QStringLiteral("unsupported sync protocol version %1 (we speak %2)")
                       .arg(h->version)
                       .arg(kProtocolVersion));
            return;
        }
        if (!verifyProof(m_node->keyBytes(), m_auth.handshakeHash, m_auth.remotePublicKey, h->proof)) {
            refuse(QStringLiteral("the peer does not hold the sync key (proof of key possession failed)"));
            return;
        }
        sendHello();  // (a no-op unless we were still waiting for the first byte)
        m_state = State::Open;
        emit peerConnected();
        auto& st = m_node->store();
        sendFrame(encodeMessage(StatusMsg{st.siteId(), st.versionVector(), st.digest()}));
        return;
    }
    if (auto* s = std::get_if<StatusMsg>(&msg)) {
        if (m_statusReceived) {
            protocolError(QStringLiteral("a second Status"));
            return;
        }
        m_statusReceived = true;
        m_peerSite = s->site;
        m_cursor = s->vv;
        // What the peer lacks, announced so it can show progress.
        const auto mine = m_node->store().versionVector();
        uint64_t total = 0;
        for (const auto& [origin, seq] : mine) {
            const auto it = m_cursor.find(origin);
            const uint64_t have = it == m_cursor.end() ? 0 : it->second;
            if (seq > have)
                total += seq - have;
        }
        if (total > 0) {
            // bytesTotal: estimated from the first page's average op size.
            auto page = m_node->store().opsSince(m_cursor, 256);
            uint64_t bytes = 0;
            if (page && !page->empty()) {
                qint64 sum = 0;
                for (const auto& op : *page)
                    sum += encodedOpSize(op);
                bytes = static_cast<uint64_t>(double(sum) / double(page->size()) * double(total));
            }
            sendFrame(encodeMessage(CatchUpMsg{total, bytes}));
        }
        pump();
        return;
    }
    if (!m_statusReceived) {
        protocolError(QStringLiteral("a message before Status"));
        return;
    }
    if (auto* c = std::get_if<CatchUpMsg>(&msg)) {
        m_catchingUp = true;
        m_progress = SyncProgress{0, c->opsTotal, 0, c->bytesTotal};
        emit progressed(m_progress);
        return;
    }
    if (auto* o = std::get_if<OpsMsg>(&msg)) {
        handleOps(std::move(*o));
        return;
    }
    if (auto* a = std::get_if<AckMsg>(&msg)) {
        if (m_inFlight.empty() || m_inFlight.front().batch != a->batch) {
            protocolError(QStringLiteral("acknowledgement of batch %1, which is not the oldest in flight")
                              .arg(a->batch));
            return;
        }
        m_inFlightBytes -= m_inFlight.front().bytes;
        m_ackRttMs = steadyMs() - m_inFlight.front().sentAtMs;
        m_inFlight.pop_front();
        pump();
        return;
    }
    if (auto* i = std::get_if<IdleMsg>(&msg)) {
        m_peerIdle = true;
        m_peerDigest = i->digest;
        checkInSync();
        return;
    }
    if (auto* b = std::get_if<ByeMsg>(&msg)) {
        emit errorOccurred(QStringLiteral("the peer closed the session: %1").arg(b->reason));
        if (m_stream)
            m_stream->destroy(QStringLiteral("peer: %1").arg(b->reason));
        return;
    }
}

void SyncSession::handleOps(OpsMsg&& m) {
    const int64_t limit = nowMs() + kMaxClockAheadMs;
    std::vector<Op> accepted;
    accepted.reserve(m.ops.size());
    for (auto& op : m.ops) {
        if (op.hlc.ms > limit) {
            ++m_stats.opsRejected;
            emit errorOccurred(QStringLiteral("refused op %1/%2 on '%3': its clock is %4 s ahead of ours")
                                   .arg(store::siteIdHex(op.origin).left(8))
                                   .arg(op.seq)
                                   .arg(op.recordId.left(64))
                                   .arg((op.hlc.ms - nowMs()) / 1000));
            continue;
        }
        if (auto v = store::Store::checkRemoteOp(op); !v) {
            // An op no store would take: refused and reported; the batch's other ops still count.
            ++m_stats.opsRejected;
            emit errorOccurred(QStringLiteral("refused op %1/%2: %3")
                                   .arg(store::siteIdHex(op.origin).left(8))
                                   .arg(op.seq)
                                   .arg(v.errorMessage()));
            continue;
        }
        encoding::Encoder one;
        encodeOp(one, op);
        m_stats.payloadBytesReceived += static_cast<quint64>(one.bytes().size());
        m_node->traceOp(m_peerId, false, op, one.bytes());
        accepted.push_back(std::move(op));
    }
    m_stats.opsReceived += m.ops.size();
    uint64_t applied = 0;
    if (!accepted.empty()) {
        auto r = m_node->mergeFrom(this, accepted);
        if (!r) {
            // Every op was acceptable, so the store itself failed (I/O error, full disk, damage).
            // Nothing of the batch is stored: it must not be acknowledged. The session ends; the
            // peer sends the ops again on its next connection, from our version vector.
            protocolError(QStringLiteral("storing %1 received ops failed, batch %2 not acknowledged: %3")
                              .arg(accepted.size())
                              .arg(m.batch)
                              .arg(r.errorMessage()));
            return;
        }
        applied = static_cast<uint64_t>(r->applied);
    }
    if (m_state == State::Closed)
        return;
    m_stats.opsApplied += applied;
    // The peer has these now: never echo them back.
    for (const auto& op : accepted) {
        auto& c = m_cursor[op.origin];
        c = std::max(c, op.seq);
    }
    sendFrame(encodeMessage(AckMsg{m.batch, applied}));
    if (m_catchingUp) {
        m_progress.opsDone += m.ops.size();
        m_progress.bytesDone = m_stats.bytesReceived;
        if (m_progress.opsDone >= m_progress.opsTotal)
            m_catchingUp = false;
        emit progressed(m_progress);
    }
    maybeIdle();
}

void SyncSession::storeChanged(const QStringList& ids) {
    if (m_state == State::Closed)
        return;
    m_skipOrigins.clear();
    if (m_mode == Mode::Json) {
        if (m_snapshotActive) {
            // The snapshot may have passed these ids already: send them once it is done.
            for (const auto& id : ids)
                m_changedDuringSnapshot.insert(id);
            return;
        }
        for (const auto& id : ids)
            sendJsonRecord(id);
        return;
    }
    if (m_state != State::Open || !m_statusReceived)
        return;
    if (m_inSync && m_node->store().digest() != m_peerDigest)
        m_inSync = false;
    pump();
}

void SyncSession::pump() {
    if (m_pumping || m_state != State::Open || !m_statusReceived)
        return;
    m_pumping = true;
    auto& st = m_node->store();
    const store::VersionVector mine = st.versionVector();
    m_drained = false;
    while (m_state == State::Open && static_cast<int>(m_inFlight.size()) < kMaxInFlightBatches &&
           m_inFlightBytes < kMaxInFlightBytes) {
        store::VersionVector query = m_cursor;
        for (const auto& o : m_skipOrigins)
            query[o] = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
        auto page = st.opsSince(query, kBatchTargetOps);
        if (!page) {
            emit errorOccurred(QStringLiteral("reading ops to send failed: %1").arg(page.errorMessage()));
            break;
        }
        if (page->empty()) {
            m_drained = true;
            break;
        }
        encoding::Encoder enc;
        uint64_t count = 0;
        auto flush = [&] {
            if (count == 0)
                return;
            const uint64_t batch = m_nextBatch++;
            const QByteArray frame = encodeOpsFrame(batch, count, enc.bytes());
            m_inFlight.push_back(InFlight{batch, frame.size(), count, steadyMs()});
            m_inFlightBytes += frame.size();
            m_stats.opsSent += count;
            m_stats.payloadBytesSent += static_cast<quint64>(enc.bytes().size());
            sendFrame(frame);
            enc = encoding::Encoder{};
            count = 0;
        };
        bool progressed = false;
        for (const auto& op : *page) {
            const auto it = mine.find(op.origin);
            const uint64_t contiguous = it == mine.end() ? 0 : it->second;
            if (op.seq > contiguous) {
                // Beyond a gap in our own log: sending it would leave the peer a gap. Later.
                m_skipOrigins.insert(op.origin);
                continue;
            }
            auto& c = m_cursor[op.origin];
            if (op.seq <= c)
                continue;
            c = op.seq;
            encoding::Encoder one;
            encodeOp(one, op);
            // A frame stays under kMaxFramePayload: close the batch before an op that would overflow it.
            if (count > 0 && enc.bytes().size() + one.bytes().size() > kBatchTargetBytes)
                flush();
            enc.fixed(one.bytes());
            m_node->traceOp(m_peerId, true, op, one.bytes());
            ++count;
            progressed = true;
            if (enc.bytes().size() >= kBatchTargetBytes || count >= kMaxBatchOps)
                flush();
        }
        flush();
        if (!progressed && m_skipOrigins.empty())
            break;
    }
    m_pumping = false;
    maybeIdle();
}

void SyncSession::maybeIdle() {
    if (m_state != State::Open || !m_statusReceived || !m_drained || !m_inFlight.empty())
        return;
    const store::Digest d = m_node->store().digest();
    if (!m_haveLastIdle || d != m_lastIdleDigest) {
        m_haveLastIdle = true;
        m_lastIdleDigest = d;
        sendFrame(encodeMessage(IdleMsg{d, m_node->store().versionVector()}));
    }
    checkInSync();
}

void SyncSession::checkInSync() {
    if (m_state != State::Open)
        return;
    const bool equal =
        m_peerIdle && m_drained && m_inFlight.empty() && m_node->store().digest() == m_peerDigest;
    if (equal && !m_inSync) {
        m_inSync = true;
        m_catchingUp = false;
        ++m_stats.syncRounds;
        emit syncComplete(m_stats);
    } else if (!equal && m_peerIdle && m_node->store().digest() != m_peerDigest) {
        m_inSync = false;
    }
}

// ---- PluresDB 2.x JSON --------------------------------------------------------------------------

void SyncSession::startJson() {
    m_state = State::Open;
    m_localOriginId = m_auth.localPublicKey.isEmpty() ? store::siteIdHex(m_node->store().siteId())
                                                      : QString::fromLatin1(m_auth.localPublicKey.toHex());
    // The writer id of everything this peer sends: ours and the peer's, so no other node of ours
    // can number ops under the same origin.
    const QByteArray site =
        crypto::blake2bBatch({QByteArrayLiteral("pluresdb-legacy-json-writer"),
                              store::siteIdBytes(m_node->store().siteId()), m_peerId.toUtf8()},
                             store::kSiteIdSize);
    m_legacySite = *store::siteIdFromBytes(site);
    emit peerConnected();
    sendJson(encodeLegacySyncRequest(m_localOriginId));
}

void SyncSession::sendJson(const QByteArray& line) {
    if (!m_stream || m_state == State::Closed)
        return;
    ++m_stats.messagesSent;
    m_stats.bytesSent += static_cast<quint64>(line.size());
    m_stream->write(line);
}

void SyncSession::handleJsonLines() {
    while (m_state != State::Closed && m_mode == Mode::Json) {
        auto l = m_lines.next();
        if (!l) {
            protocolError(l.errorMessage());
            return;
        }
        if (!l->has_value())
            return;
        const QByteArray line = **l;
        if (line.trimmed().isEmpty())
            continue;
        ++m_stats.messagesReceived;
        auto m = decodeLegacyLine(line);
        if (m && (m->kind == LegacyMessage::Kind::Put || m->kind == LegacyMessage::Kind::Delete))
            m_stats.payloadBytesReceived += static_cast<quint64>(line.size());
        if (!m) {
            // One bad line is reported and skipped; the peer stays (2.x peers do the same).
            emit errorOccurred(
                QStringLiteral("bad JSON message from %1: %2").arg(m_peerId.left(16), m.errorMessage()));
            continue;
        }
        handleJsonMessage(*m);
    }
}

void SyncSession::handleJsonMessage(const LegacyMessage& m) {
    auto& st = m_node->store();
    if (m.kind == LegacyMessage::Kind::SyncRequest) {
        m_snapshotActive = true;
        m_snapshotDone = false;
        m_snapshotAfter.clear();
        continueSnapshot();
        return;
    }
    const int64_t limit = nowMs() + kMaxClockAheadMs;
    std::vector<Op> ops;
    const auto vv = st.versionVector();
    uint64_t seq = 0;
    if (auto it = vv.find(m_legacySite); it != vv.end())
        seq = it->second;
    if (m.kind == LegacyMessage::Kind::Put) {
        for (auto& w : legacyPutToWrites(m.node)) {
            if (w.ms > limit) {
                ++m_stats.opsRejected;
                emit errorOccurred(QStringLiteral("refused JSON put of '%1': its time is %2 s ahead of ours")
                                       .arg(m.node.id.left(64))
                                       .arg((w.ms - nowMs()) / 1000));
                continue;
            }
            Op op;
            op.origin = m_legacySite;
            op.seq = ++seq;
            op.hlc = store::Hlc{w.ms, 0, m_legacySite};
            op.recordId = m.node.id;
            op.kind = store::OpKind::Put;
            op.fields = std::move(w.fields);
            ops.push_back(std::move(op));
        }
    } else {
        int64_t ms = nowMs();
        auto states = st.fieldStates(m.id);
        if (states)
            for (const auto& f : *states)
                ms = std::max(ms, f.hlc.ms + 1);
        Op op;
        op.origin = m_legacySite;
        op.seq = ++seq;
        op.hlc = store::Hlc{ms, 0, m_legacySite};
        op.recordId = m.id;
        op.kind = store::OpKind::Delete;
        ops.push_back(std::move(op));
    }
    m_stats.opsReceived += ops.size();
    if (ops.empty())
        return;
    auto r = m_node->mergeFrom(this, ops);
    if (!r) {
        m_stats.opsRejected += ops.size();
        emit errorOccurred(
            QStringLiteral("refused JSON %1 of '%2': %3")
                .arg(m.kind == LegacyMessage::Kind::Put ? QStringLiteral("put") : QStringLiteral("delete"),
                     (m.kind == LegacyMessage::Kind::Put ? m.node.id : m.id).left(64), r.errorMessage()));
        return;
    }
    m_stats.opsApplied += static_cast<quint64>(r->applied);
}

void SyncSession::sendJsonRecord(const QString& id) {
    auto& st = m_node->store();
    auto states = st.fieldStates(id);
    if (!states)
        return;
    auto rec = st.get(id);
    if (!rec)
        return;
    if (!rec->has_value()) {
        // Called for changed records only: a record that is gone now was deleted.
        const QByteArray line = encodeLegacyDelete(m_localOriginId, id);
        m_stats.payloadBytesSent += static_cast<quint64>(line.size());
        sendJson(line);
        return;
    }
    ++m_stats.opsSent;
    const QByteArray line = encodeLegacyPut(
        m_localOriginId, legacyNodeFromFields(id, *states, m_localOriginId, st.versionVector()[st.siteId()]));
    m_stats.payloadBytesSent += static_cast<quint64>(line.size());
    sendJson(line);
}

void SyncSession::continueSnapshot() {
    if (!m_snapshotActive || m_state == State::Closed || !m_stream)
        return;
    auto& st = m_node->store();
    while (m_stream && m_stream->bytesToWrite() < kJsonHighWater) {
        auto page = st.listPage(QString(), m_snapshotAfter, kSnapshotPage);
        if (!page) {
            emit errorOccurred(QStringLiteral("reading records failed: %1").arg(page.errorMessage()));
            m_snapshotActive = false;
            return;
        }
        for (const auto& rec : *page)
            sendJsonRecord(rec.id);
        if (static_cast<int>(page->size()) < kSnapshotPage) {
            m_snapshotActive = false;
            m_snapshotDone = true;
            const QSet<QString> changed = std::exchange(m_changedDuringSnapshot, {});
            for (const auto& id : changed)
                sendJsonRecord(id);
            ++m_stats.syncRounds;
            m_inSync = true;
            emit syncComplete(m_stats);
            return;
        }
        m_snapshotAfter = page->back().id;
    }
    // Resumed by the stream's drained() signal.
}

}  // namespace pluresdb::sync
