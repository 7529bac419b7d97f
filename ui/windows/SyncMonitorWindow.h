#pragma once

// "Seeing the sync" for one space (issue #9): the peer list, the traffic graphs and the sync
// debugger with its connection doctor, as tabs of one window. A timer samples what the engine
// publishes (api::SyncMonitorState) at a fixed rate; nothing here calls into the engine thread or
// causes network traffic.

#include "core/api/Database.h"
#include "ui/models/ConnectionDoctor.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTableView;
class QTreeWidget;

namespace pluresdb::ui {

class PeersModel;
class TraceFilterModel;
class TraceModel;
class TraceTimeline;
class TrafficGraph;

class SyncMonitorWindow : public QWidget {
    Q_OBJECT
public:
    enum class View { Peers, Traffic, Debugger };

    // `sampleMs`: how often the window reads the engine's published state.
    explicit SyncMonitorWindow(Database* db, QWidget* parent = nullptr, int sampleMs = 1000);
    ~SyncMonitorWindow() override;

    void showView(View view);
    View currentView() const;
    // Reads the published state now (the timer does this every sampleMs).
    void sample();
    quint64 samplesTaken() const { return m_samples; }

    PeersModel* peersModel() const { return m_peersModel; }
    TrafficGraph* trafficGraph() const { return m_graph; }
    TraceModel* traceModel() const { return m_traceModel; }
    TraceFilterModel* traceFilter() const { return m_traceFilter; }
    TraceTimeline* timeline() const { return m_timeline; }
    QLabel* inSyncBadge() const { return m_badge; }
    bool badgeIsGreen() const;

    // The traffic tab: whose traffic (empty: all peers) and which range (kTrafficResolutions index).
    void setTrafficPeer(const QString& peerId);
    void setTrafficRange(int resolution);
    // The debugger: filters; the doctor's peer; selecting an event (its details and who has the op).
    void setTraceFilter(const QString& peerId, const QString& kind, const QString& recordPrefix);
    void setDoctorPeer(const QString& peerId);
    QString doctorPeer() const { return m_doctorPeer; }
    Diagnosis currentDiagnosis() const;
    QString doctorText() const;  // what the doctor pane says, as plain text
    bool selectEvent(quint64 seq);
    QString eventDetailsText() const;
    // The whole trace of this session as JSON lines (api::exportTrace).
    Result<void> exportTrace(const QString& path, bool hashValues) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildPeersTab();
    QWidget* buildTrafficTab();
    QWidget* buildDebuggerTab();
    void retranslate();
    void refreshTraffic();
    void refreshDoctor();
    void refreshPeerChoices();
    void showEventDetails(quint64 seq);
    void exportInteractive();

    QPointer<Database> m_db;
    std::shared_ptr<const api::SyncMonitorState> m_state;
    QTimer m_timer;
    quint64 m_samples = 0;
    QTabWidget* m_tabs = nullptr;
    // Peers
    PeersModel* m_peersModel = nullptr;
    QTableView* m_peersView = nullptr;
    QLabel* m_peersHint = nullptr;
    // Traffic
    TrafficGraph* m_graph = nullptr;
    QComboBox* m_trafficPeer = nullptr;
    QComboBox* m_trafficRange = nullptr;
    std::vector<QCheckBox*> m_seriesBoxes;
    QLabel* m_trafficTotals = nullptr;
    QLabel* m_trafficPeerLabel = nullptr;
    QLabel* m_trafficRangeLabel = nullptr;
    // Debugger
    TraceModel* m_traceModel = nullptr;
    TraceFilterModel* m_traceFilter = nullptr;
    TraceTimeline* m_timeline = nullptr;
    QTableView* m_traceView = nullptr;
    QComboBox* m_filterPeer = nullptr;
    QComboBox* m_filterKind = nullptr;
    QLineEdit* m_filterRecord = nullptr;
    QPlainTextEdit* m_details = nullptr;
    quint64 m_selectedSeq = 0;
    QString m_doctorPeer;
    QStringList m_peerChoices;  // the peers the combo boxes list
    bool m_peerChoicesStale = true;
    QLabel* m_doctorTitle = nullptr;
    QLabel* m_badge = nullptr;
    QLabel* m_verdict = nullptr;
    QTreeWidget* m_steps = nullptr;
    QTextBrowser* m_cause = nullptr;
    QCheckBox* m_hashValues = nullptr;
    QPushButton* m_exportButton = nullptr;
    QLabel* m_filterLabels[3] = {};
};

}  // namespace pluresdb::ui
