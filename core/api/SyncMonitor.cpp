#include "core/api/SyncMonitor.h"

#include "core/api/SyncAgent.h"
#include "core/store/SiteId.h"
#include "core/sync/SyncNode.h"

#include <QDateTime>
#include <QJsonDocument>

namespace pluresdb::api {

using engine::TrafficSample;
using engine::TrafficSeries;

namespace {

quint64 minus(quint64 a, quint64 b) {
    return a >= b ? a - b : 0;
}

// The bytes that moved between two readings of a session's (or the node's) counters.
TrafficSample delta(const sync::SyncStats& now, const sync::SyncStats& before) {
    TrafficSample s{};
    const quint64 in = minus(now.bytesReceived, before.bytesReceived);
    const quint64 out = minus(now.bytesSent, before.bytesSent);
    const quint64 payloadIn = std::min(in, minus(now.payloadBytesReceived, before.payloadBytesReceived));
    const quint64 payloadOut = std::min(out, minus(now.payloadBytesSent, before.payloadBytesSent));
    s[int(TrafficSeries::PayloadIn)] = payloadIn;
    s[int(TrafficSeries::PayloadOut)] = payloadOut;
    s[int(TrafficSeries::OverheadIn)] = in - payloadIn;
    s[int(TrafficSeries::OverheadOut)] = out - payloadOut;
    return s;
}

}  // namespace

// ---- SyncMonitorState: read from any thread ----

std::vector<MonitoredPeer> SyncMonitorState::peers() const {
    std::lock_guard lock(m_mutex);
    std::vector<MonitoredPeer> out;
    out.reserve(m_peers.size());
    for (const auto& [id, p] : m_peers)
        out.push_back(p);
    return out;
}

sync::SyncStats SyncMonitorState::totals() const {
    std::lock_guard lock(m_mutex);
    return m_totals;
}

quint64 SyncMonitorState::samples() const {
    std::lock_guard lock(m_mutex);
    return m_samples;
}

qint64 SyncMonitorState::lastSampleMs() const {
    std::lock_guard lock(m_mutex);
    return m_lastSampleMs;
}

std::vector<engine::TrafficBucket> SyncMonitorState::traffic(const QString& peerId, int resolution) const {
    std::lock_guard lock(m_mutex);
    if (peerId.isEmpty())
        return m_total.buckets(resolution);
    const auto it = m_perPeer.find(peerId);
    return it == m_perPeer.end() ? std::vector<engine::TrafficBucket>{} : it->second.buckets(resolution);
}

engine::TrafficSample SyncMonitorState::trafficTotal(const QString& peerId) const {
    std::lock_guard lock(m_mutex);
    if (peerId.isEmpty())
        return m_total.total();
    const auto it = m_perPeer.find(peerId);
    return it == m_perPeer.end() ? engine::TrafficSample{} : it->second.total();
}

std::vector<TraceEvent> SyncMonitorState::events(quint64 afterSeq, size_t max) const {
    std::lock_guard lock(m_mutex);
    std::vector<TraceEvent> out;
    if (m_events.empty())
        return out;
    // Seqs are consecutive in the ring: jump to the first wanted one.
    const quint64 first = m_events.front().seq;
    size_t i = afterSeq >= first ? size_t(afterSeq - first + 1) : 0;
    for (; i < m_events.size() && out.size() < max; ++i)
        out.push_back(m_events[i]);
    return out;
}

quint64 SyncMonitorState::lastEventSeq() const {
    std::lock_guard lock(m_mutex);
    return m_nextSeq - 1;
}

// ---- SyncMonitor: engine thread ----

SyncMonitor::SyncMonitor(sync::SyncNode* node, std::shared_ptr<SyncMonitorState> state, QObject* parent,
                         int sampleMs)
    : QObject(parent), m_node(node), m_state(std::move(state)) {
    m_lastSampleMs = nowMs();
    m_lastTotals = node->totals();
    node->setTracing(true);
    using sync::PeerInfo;
    using sync::SyncNode;
    connect(node, &SyncNode::peerConnected, this, [this](const PeerInfo& p) {
        notePeer(p, [this](MonitoredPeer& m) {
            m.connectedSinceMs = nowMs();
            m.current = true;
        });
        QString how = p.link.kind.isEmpty() ? QStringLiteral("unknown transport") : p.link.kind;
        if (!p.link.path.isEmpty())
            how += QLatin1Char('/') + p.link.path;
        recordEvent(traceEvent(
            trace::kConnected, p.peerId,
            QStringLiteral("%1 %2, %3")
                .arg(how, p.remoteAddress,
                     p.link.initiator ? QStringLiteral("we dialled") : QStringLiteral("they dialled"))));
    });
    connect(node, &SyncNode::peerDisconnected, this, [this](const PeerInfo& p, const QString& why) {
        addPeerTraffic(p.peerId, p.stats, nowMs(), 0);
        m_lastPeerStats.erase(p.peerId);
        notePeer(p, [&why](MonitoredPeer& m) {
            m.current = false;
            m.connectedSinceMs = 0;
            if (!why.isEmpty())
                m.lastError = why;
        });
        recordEvent(traceEvent(trace::kDisconnected, p.peerId, why));
    });
    connect(node, &SyncNode::peerRefused, this, [this](const PeerInfo& p, const QString& why) {
        notePeer(p, [&why](MonitoredPeer& m) {
            m.current = false;
            m.connectedSinceMs = 0;
            m.lastError = why;
            m.admissionFailure = why;
        });
        recordEvent(traceEvent(trace::kAdmissionFailed, p.peerId,
                               QStringLiteral("%1 (%2)").arg(why, p.remoteAddress)));
    });
    connect(node, &SyncNode::syncComplete, this, [this](const PeerInfo& p) {
        notePeer(p, [](MonitoredPeer&) {});
        recordEvent(traceEvent(trace::kInSync, p.peerId));
    });
    connect(node, &SyncNode::error, this, [this](const QString& peerId, const QString& message) {
        {
            std::lock_guard lock(m_state->m_mutex);
            const auto it = m_state->m_peers.find(peerId);
            if (it != m_state->m_peers.end())
                it->second.lastError = message;
        }
        recordEvent(traceEvent(trace::kError, peerId, message));
    });
    connect(node, &SyncNode::opTracedInFull, this,
            [this](const QString& peerId, bool outgoing, const store::Op& op, const QByteArray& encoded) {
                TraceEvent e;
                e.kind = outgoing ? trace::kOpSent : trace::kOpReceived;
                e.peerId = peerId;
                e.recordId = op.recordId;
                e.fields = op.fields.keys();
                e.clock = QStringLiteral("%1.%2").arg(op.hlc.ms).arg(op.hlc.counter);
                e.origin = store::siteIdHex(op.origin);
                e.opSeq = op.seq;
                e.bytes = encoded;
                if (op.kind == store::OpKind::Put)
                    e.values = QJsonDocument(op.fields).toJson(QJsonDocument::Compact);
                else
                    e.detail = QStringLiteral("delete");
                recordEvent(std::move(e));
            });
    m_timer.setInterval(sampleMs);
    connect(&m_timer, &QTimer::timeout, this, &SyncMonitor::sample);
    m_timer.start();
}

SyncMonitor::~SyncMonitor() {
    if (m_node)
        m_node->setTracing(false);
    // Sync stopped: the sessions are gone without a disconnect each; no peer is current any more.
    std::lock_guard lock(m_state->m_mutex);
    for (auto& [id, m] : m_state->m_peers) {
        m.current = false;
        m.connectedSinceMs = 0;
        m.bytesInPerSec = m.bytesOutPerSec = 0;
    }
}

qint64 SyncMonitor::nowMs() const {
    return QDateTime::currentMSecsSinceEpoch();
}

void SyncMonitor::notePeer(const sync::PeerInfo& p, const std::function<void(MonitoredPeer&)>& change) {
    const qint64 now = nowMs();
    std::lock_guard lock(m_state->m_mutex);
    auto it = m_state->m_peers.find(p.peerId);
    if (it == m_state->m_peers.end()) {
        if (m_state->m_peers.size() >= SyncMonitorState::kMaxPeers) {
            // Forget the peer gone the longest (not a current one).
            for (auto j = m_state->m_peers.begin(); j != m_state->m_peers.end(); ++j)
                if (!j->second.current) {
                    m_state->m_peers.erase(j);
                    break;
                }
        }
        it = m_state->m_peers.emplace(p.peerId, MonitoredPeer{}).first;
        it->second.firstSeenMs = now;
    }
    it->second.peer = toSyncPeer(p);
    change(it->second);
}

void SyncMonitor::recordEvent(TraceEvent event) {
    if (event.atMs == 0)
        event.atMs = nowMs();
    std::lock_guard lock(m_state->m_mutex);
    event.seq = m_state->m_nextSeq++;
    m_state->m_events.push_back(std::move(event));
    while (m_state->m_events.size() > SyncMonitorState::kMaxEvents)
        m_state->m_events.pop_front();
}

void SyncMonitor::recordConnectStep(const QByteArray& remotePublicKey, const QString& kind,
                                    const QString& detail) {
    recordEvent(traceEvent(kind, QString::fromLatin1(remotePublicKey.toHex()), detail));
}

void SyncMonitor::addTraffic(engine::TrafficSeries series, quint64 bytes) {
    if (series != TrafficSeries::Count)
        m_external[int(series)] += bytes;
}

void SyncMonitor::setTrafficSource(std::function<TrafficSample()> runningTotals) {
    // From zero: the source's counts so far (a swarm's bootstrap) belong to this monitor's space.
    m_source = std::move(runningTotals);
    m_lastSource = {};
}

void SyncMonitor::addPeerTraffic(const QString& peerId, const sync::SyncStats& now, qint64 atMs,
                                 double seconds) {
    sync::SyncStats before;
    if (const auto it = m_lastPeerStats.find(peerId); it != m_lastPeerStats.end())
        before = it->second;
    // A new session with the same peer starts its counters at zero.
    if (now.bytesSent < before.bytesSent || now.bytesReceived < before.bytesReceived)
        before = {};
    m_lastPeerStats[peerId] = now;
    const TrafficSample d = delta(now, before);
    std::lock_guard lock(m_state->m_mutex);
    m_state->m_perPeer[peerId].add(atMs, d);
    if (const auto it = m_state->m_peers.find(peerId); it != m_state->m_peers.end() && seconds > 0) {
        using S = TrafficSeries;
        it->second.bytesInPerSec = double(d[int(S::PayloadIn)] + d[int(S::OverheadIn)]) / seconds;
        it->second.bytesOutPerSec = double(d[int(S::PayloadOut)] + d[int(S::OverheadOut)]) / seconds;
    }
}

void SyncMonitor::sample() {
    if (!m_node)
        return;
    const qint64 now = nowMs();
    const double seconds = std::max<qint64>(1, now - m_lastSampleMs) / 1000.0;
    m_lastSampleMs = now;
    const auto peers = m_node->peers();
    {
        std::lock_guard lock(m_state->m_mutex);
        for (auto& [id, m] : m_state->m_peers)
            m.current = false;
    }
    for (const auto& p : peers) {
        notePeer(p, [](MonitoredPeer& m) { m.current = true; });
        addPeerTraffic(p.peerId, p.stats, now, seconds);
    }
    const sync::SyncStats totals = m_node->totals();
    TrafficSample d = delta(totals, m_lastTotals);
    m_lastTotals = totals;
    for (int i = 0; i < engine::kTrafficSeriesCount; ++i)
        d[i] += m_external[i];
    m_external = {};
    if (m_source) {
        const TrafficSample now = m_source();
        bool restarted = false;
        for (int i = 0; i < engine::kTrafficSeriesCount; ++i)
            restarted = restarted || now[i] < m_lastSource[i];
        for (int i = 0; i < engine::kTrafficSeriesCount; ++i)
            d[i] += restarted ? now[i] : now[i] - m_lastSource[i];
        m_lastSource = now;
    }
    std::lock_guard lock(m_state->m_mutex);
    m_state->m_total.add(now, d);
    m_state->m_totals = totals;
    ++m_state->m_samples;
    m_state->m_lastSampleMs = now;
}

}  // namespace pluresdb::api
