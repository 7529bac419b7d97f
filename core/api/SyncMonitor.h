#pragma once

// What the app's peer list, traffic graphs and sync debugger read (issue #9, ARCHITECTURE.md §5).
// The engine-thread SyncMonitor watches one space's SyncNode: it samples the node's counters once
// a second into ring buffers (engine/TrafficHistory.h), keeps every peer it has seen (with its last
// error and admission failure), and records trace events in a bounded ring. It publishes all of it
// into a SyncMonitorState, which the GUI reads from its own thread under a short mutex, never
// waiting for the engine. Sampling reads counters only: watching sends nothing on the network.

#include "core/api/SyncTrace.h"
#include "core/api/SyncTypes.h"
#include "core/engine/TrafficHistory.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <mutex>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace pluresdb::sync {
class SyncNode;
struct PeerInfo;
}  // namespace pluresdb::sync

namespace pluresdb::api {

// A peer as the peer list shows it: its last state, and what happened to it.
struct MonitoredPeer {
    SyncPeer peer;
    bool current = false;  // has a session now
    qint64 firstSeenMs = 0;
    qint64 connectedSinceMs = 0;  // 0: not connected
    QString lastError;            // the last error, disconnect reason or admission failure
    QString admissionFailure;     // set when it could not prove the key
    double bytesInPerSec = 0;     // over the last sample
    double bytesOutPerSec = 0;
};

class SyncMonitorState {
public:
    static constexpr size_t kMaxEvents = 20000;
    static constexpr size_t kMaxPeers = 256;

    std::vector<MonitoredPeer> peers() const;
    sync::SyncStats totals() const;  // as of the last sample
    quint64 samples() const;         // samples taken so far
    qint64 lastSampleMs() const;
    // The traffic of one peer (by peer id) or, with an empty id, of all; resolution index into
    // engine::kTrafficResolutions.
    std::vector<engine::TrafficBucket> traffic(const QString& peerId, int resolution) const;
    engine::TrafficSample trafficTotal(const QString& peerId) const;
    // Events with seq > afterSeq, oldest first, at most `max`.
    std::vector<TraceEvent> events(quint64 afterSeq = 0, size_t max = kMaxEvents) const;
    quint64 lastEventSeq() const;

private:
    friend class SyncMonitor;
    mutable std::mutex m_mutex;
    std::map<QString, MonitoredPeer> m_peers;
    sync::SyncStats m_totals;
    quint64 m_samples = 0;
    qint64 m_lastSampleMs = 0;
    engine::TrafficHistory m_total;
    std::map<QString, engine::TrafficHistory> m_perPeer;
    std::deque<TraceEvent> m_events;
    quint64 m_nextSeq = 1;
};

class SyncMonitor : public QObject {
    Q_OBJECT
public:
    // Engine thread. `sampleMs`: the counters' sampling period (the 1 s buckets need 1000).
    SyncMonitor(sync::SyncNode* node, std::shared_ptr<SyncMonitorState> state, QObject* parent = nullptr,
                int sampleMs = 1000);
    ~SyncMonitor() override;

    // For the swarm: a step of a connection attempt (ConnectStep: kind, detail, time), a DHT event,
    // and bytes of DHT or holepunch traffic (added to the next sample).
    void recordConnectStep(const QByteArray& remotePublicKey, const QString& kind, const QString& detail);
    void recordEvent(TraceEvent event);
    void addTraffic(engine::TrafficSeries series, quint64 bytes);
    // A source of running byte totals per series (the swarm's DHT and holepunch counters, read off
    // its sockets): each sample adds what they grew by since the last one (the first, all of it).
    // A source whose counts went down (a new swarm) starts over from zero. Engine thread.
    void setTrafficSource(std::function<engine::TrafficSample()> runningTotals);
    void sampleNow() { sample(); }

private:
    void sample();
    void notePeer(const sync::PeerInfo& p, const std::function<void(MonitoredPeer&)>& change);
    void addPeerTraffic(const QString& peerId, const sync::SyncStats& now, qint64 atMs, double seconds);
    qint64 nowMs() const;

    QPointer<sync::SyncNode> m_node;
    std::shared_ptr<SyncMonitorState> m_state;
    QTimer m_timer;
    qint64 m_lastSampleMs = 0;
    sync::SyncStats m_lastTotals;
    std::map<QString, sync::SyncStats> m_lastPeerStats;  // engine thread only
    engine::TrafficSample m_external{};
    std::function<engine::TrafficSample()> m_source;
    engine::TrafficSample m_lastSource{};
};

}  // namespace pluresdb::api
