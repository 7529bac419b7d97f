#include "ui/windows/SyncMonitorWindow.h"

#include "core/api/SyncMonitor.h"
#include "ui/models/PeersModel.h"
#include "ui/models/TraceModel.h"
#include "ui/widgets/TraceTimeline.h"
#include "ui/widgets/TrafficGraph.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pluresdb::ui {

using engine::TrafficSeries;

SyncMonitorWindow::SyncMonitorWindow(Database* db, QWidget* parent, int sampleMs)
    : QWidget(parent, Qt::Window), m_db(db) {
    m_tabs = new QTabWidget;
    m_tabs->addTab(buildPeersTab(), QString());
    m_tabs->addTab(buildTrafficTab(), QString());
    m_tabs->addTab(buildDebuggerTab(), QString());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    retranslate();
    resize(1280, 700);
    m_timer.setInterval(sampleMs);
    connect(&m_timer, &QTimer::timeout, this, &SyncMonitorWindow::sample);
    m_timer.start();
    sample();
}

SyncMonitorWindow::~SyncMonitorWindow() = default;

QWidget* SyncMonitorWindow::buildPeersTab() {
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    m_peersModel = new PeersModel(this);
    m_peersView = new QTableView;
    m_peersView->setModel(m_peersModel);
    m_peersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_peersView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_peersView->verticalHeader()->hide();
    m_peersView->verticalHeader()->setDefaultSectionSize(m_peersView->fontMetrics().height() + 8);
    m_peersView->horizontalHeader()->setStretchLastSection(true);
    m_peersView->setWordWrap(false);
    m_peersHint = new QLabel;
    m_peersHint->setWordWrap(true);
    layout->addWidget(m_peersView);
    layout->addWidget(m_peersHint);
    // Double-click a peer: its doctor in the debugger.
    connect(m_peersView, &QTableView::doubleClicked, this, [this](const QModelIndex& i) {
        setDoctorPeer(i.data(PeersModel::PeerIdRole).toString());
        setTraceFilter(m_doctorPeer, {}, m_filterRecord->text());
        showView(View::Debugger);
    });
    return page;
}

QWidget* SyncMonitorWindow::buildTrafficTab() {
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    auto* bar = new QHBoxLayout;
    m_trafficPeer = new QComboBox;
    m_trafficRange = new QComboBox;
    for (int i = 0; i < int(engine::kTrafficResolutions.size()); ++i)
        m_trafficRange->addItem(QString(), i);
    m_trafficPeerLabel = new QLabel;
    m_trafficRangeLabel = new QLabel;
    bar->addWidget(m_trafficPeerLabel);
    bar->addWidget(m_trafficPeer, 1);
    bar->addWidget(m_trafficRangeLabel);
    bar->addWidget(m_trafficRange);
    layout->addLayout(bar);
    auto* boxes = new QHBoxLayout;
    m_graph = new TrafficGraph;
    for (int s = 0; s < engine::kTrafficSeriesCount; ++s) {
        auto* box = new QCheckBox;
        box->setChecked(m_graph->seriesVisible(TrafficSeries(s)));
        connect(box, &QCheckBox::toggled, this, [this, s](bool on) {
            m_graph->setSeriesVisible(TrafficSeries(s), on);
            refreshTraffic();
        });
        m_seriesBoxes.push_back(box);
        boxes->addWidget(box);
    }
    boxes->addStretch();
    layout->addLayout(boxes);
    layout->addWidget(m_graph, 1);
    m_trafficTotals = new QLabel;
    m_trafficTotals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_trafficTotals);
    connect(m_trafficPeer, &QComboBox::currentIndexChanged, this, [this] { refreshTraffic(); });
    connect(m_trafficRange, &QComboBox::currentIndexChanged, this, [this] { refreshTraffic(); });
    return page;
}

QWidget* SyncMonitorWindow::buildDebuggerTab() {
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    auto* bar = new QHBoxLayout;
    m_filterPeer = new QComboBox;
    m_filterKind = new QComboBox;
    m_filterRecord = new QLineEdit;
    m_filterRecord->setClearButtonEnabled(true);
    for (auto*& l : m_filterLabels)
        l = new QLabel;
    bar->addWidget(m_filterLabels[0]);
    bar->addWidget(m_filterPeer, 1);
    bar->addWidget(m_filterLabels[1]);
    bar->addWidget(m_filterKind);
    bar->addWidget(m_filterLabels[2]);
    bar->addWidget(m_filterRecord, 1);
    m_hashValues = new QCheckBox;
    m_exportButton = new QPushButton;
    bar->addWidget(m_hashValues);
    bar->addWidget(m_exportButton);
    layout->addLayout(bar);

    m_traceModel = new TraceModel(this);
    m_traceFilter = new TraceFilterModel(this);
    m_traceFilter->setSourceModel(m_traceModel);
    m_timeline = new TraceTimeline;
    m_timeline->setModel(m_traceFilter);
    m_traceView = new QTableView;
    m_traceView->setModel(m_traceFilter);
    m_traceView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_traceView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_traceView->verticalHeader()->hide();
    m_traceView->verticalHeader()->setDefaultSectionSize(m_traceView->fontMetrics().height() + 6);
    m_traceView->horizontalHeader()->setStretchLastSection(true);
    m_traceView->setWordWrap(false);

    m_details = new QPlainTextEdit;
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* doctor = new QWidget;
    auto* doctorLayout = new QVBoxLayout(doctor);
    doctorLayout->setContentsMargins(0, 0, 0, 0);
    auto* head = new QHBoxLayout;
    m_doctorTitle = new QLabel;
    m_badge = new QLabel;
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setMargin(3);
    head->addWidget(m_doctorTitle, 1);
    head->addWidget(m_badge);
    doctorLayout->addLayout(head);
    m_verdict = new QLabel;
    m_verdict->setWordWrap(true);
    doctorLayout->addWidget(m_verdict);
    m_steps = new QTreeWidget;
    m_steps->setColumnCount(3);
    m_steps->setRootIsDecorated(false);
    doctorLayout->addWidget(m_steps, 1);
    m_cause = new QTextBrowser;
    m_cause->setMaximumHeight(150);
    m_cause->hide();
    doctorLayout->addWidget(m_cause);

    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(doctor);
    right->addWidget(m_details);
    auto* lower = new QSplitter(Qt::Horizontal);
    lower->addWidget(m_traceView);
    lower->addWidget(right);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    auto* main = new QSplitter(Qt::Vertical);
    main->addWidget(m_timeline);
    main->addWidget(lower);
    main->setStretchFactor(0, 1);
    main->setStretchFactor(1, 3);
    layout->addWidget(main, 1);

    auto applyFilter = [this] {
        m_traceFilter->setPeer(m_filterPeer->currentData().toString());
        m_traceFilter->setKind(m_filterKind->currentData().toString());
        m_traceFilter->setRecordPrefix(m_filterRecord->text());
        if (!m_filterPeer->currentData().toString().isEmpty())
            setDoctorPeer(m_filterPeer->currentData().toString());
    };
    connect(m_filterPeer, &QComboBox::currentIndexChanged, this, applyFilter);
    connect(m_filterKind, &QComboBox::currentIndexChanged, this, applyFilter);
    connect(m_filterRecord, &QLineEdit::textChanged, this, applyFilter);
    connect(m_traceView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    showEventDetails(current.data(TraceModel::SeqRole).toULongLong());
            });
    connect(m_timeline, &TraceTimeline::eventClicked, this, [this](quint64 seq) { selectEvent(seq); });
    connect(m_exportButton, &QPushButton::clicked, this, &SyncMonitorWindow::exportInteractive);
    return page;
}

void SyncMonitorWindow::retranslate() {
    setWindowTitle(tr("Sync monitor — PluresDB Desktop"));
    m_tabs->setTabText(0, tr("Peers"));
    m_tabs->setTabText(1, tr("Traffic"));
    m_tabs->setTabText(2, tr("Sync debugger"));
    m_trafficPeerLabel->setText(tr("Traffic of:"));
    m_trafficRangeLabel->setText(tr("Range:"));
    const QStringList ranges{tr("5 minutes"), tr("1 hour"), tr("6 hours"), tr("24 hours")};
    for (int i = 0; i < m_trafficRange->count() && i < ranges.size(); ++i)
        m_trafficRange->setItemText(i, ranges[i]);
    for (int s = 0; s < int(m_seriesBoxes.size()); ++s)
        m_seriesBoxes[size_t(s)]->setText(TrafficGraph::seriesName(TrafficSeries(s)));
    m_filterLabels[0]->setText(tr("Peer:"));
    m_filterLabels[1]->setText(tr("Event:"));
    m_filterLabels[2]->setText(tr("Record id:"));
    m_filterRecord->setPlaceholderText(tr("prefix"));
    m_hashValues->setText(tr("Hash values"));
    m_hashValues->setToolTip(
        tr("Replace record ids, values and messages by hashes in the exported file, so "
           "it can be shared without the data"));
    m_exportButton->setText(tr("Export trace…"));
    m_steps->setHeaderLabels({tr("Step"), tr("After"), tr("Detail")});
    {
        const QSignalBlocker block(m_filterKind);
        const QString current = m_filterKind->currentData().toString();
        m_filterKind->clear();
        m_filterKind->addItem(tr("All events"), QString());
        m_filterKind->addItem(tr("Ops sent and received"), QStringLiteral("ops"));
        using namespace api::trace;
        for (const char* k : {kOpSent, kOpReceived, kConnected, kDisconnected, kAdmissionFailed, kError,
                              kInSync, kDhtLookup, kDhtAnnounce, kHandshake, kPunchRound})
            m_filterKind->addItem(TraceModel::kindText(QLatin1String(k)), QString::fromLatin1(k));
        m_filterKind->setCurrentIndex(std::max(0, m_filterKind->findData(current)));
    }
    m_peerChoicesStale = true;
    refreshPeerChoices();
    refreshDoctor();
    refreshTraffic();
}

void SyncMonitorWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange && m_tabs)
        retranslate();
    QWidget::changeEvent(event);
}

void SyncMonitorWindow::showView(View view) {
    m_tabs->setCurrentIndex(int(view));
}

SyncMonitorWindow::View SyncMonitorWindow::currentView() const {
    return View(m_tabs->currentIndex());
}

void SyncMonitorWindow::sample() {
    ++m_samples;
    auto state = m_db ? m_db->syncMonitor() : nullptr;
    if (state != m_state) {  // sync restarted: a new session
        m_state = state;
        m_peersModel->clear();
        m_traceModel->clear();
    }
    m_peersHint->setText(m_state
                             ? tr("Double-click a peer to see its connection doctor. Hover over the flags "
                                  "for what each letter means.")
                             : tr("Sync is not running for this space."));
    if (!m_state)
        return;
    const int rowsBefore = m_peersModel->rowCount();
    m_peersModel->setPeers(m_state->peers());
    if (m_peersModel->rowCount() != rowsBefore) {
        m_peersView->resizeColumnsToContents();
        // Rates change every second: room for the widest, so the columns do not jump.
        const int rateWidth =
            m_peersView->fontMetrics().horizontalAdvance(tr("%1/s").arg(PeersModel::bytesText(999999))) + 16;
        for (int c : {PeersModel::RateInColumn, PeersModel::RateOutColumn, PeersModel::BytesInColumn,
                      PeersModel::BytesOutColumn})
            m_peersView->setColumnWidth(c, std::max(m_peersView->columnWidth(c), rateWidth));
    }
    m_traceModel->append(m_state->events(m_traceModel->lastSeq()));
    refreshPeerChoices();
    refreshTraffic();
    refreshDoctor();
}

void SyncMonitorWindow::refreshPeerChoices() {
    // Peers from the peer list and from the trace (a URL that was never reached is one too).
    QStringList ids;
    for (int r = 0; r < m_peersModel->rowCount(); ++r)
        ids << m_peersModel->peerAt(r)->peer.peerId;
    for (const QString& id : m_timeline->lanes())
        if (!ids.contains(id))
            ids << id;
    if (m_traceModel->rowCount() > 0)
        for (const auto& e : m_traceModel->events())
            if (!e.peerId.isEmpty() && !ids.contains(e.peerId))
                ids << e.peerId;
    if (ids == m_peerChoices && m_trafficPeer->count() == ids.size() + 1 && !m_peerChoicesStale)
        return;  // unchanged: leave the combo boxes alone (one may be open)
    m_peerChoices = ids;
    m_peerChoicesStale = false;
    auto fill = [&ids](QComboBox* box, const QString& allText) {
        const QSignalBlocker block(box);
        const QString current = box->currentData().toString();
        box->clear();
        box->addItem(allText, QString());
        for (const QString& id : ids)
            box->addItem(id.left(16), id);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    fill(m_trafficPeer, tr("All peers"));
    fill(m_filterPeer, tr("All peers"));
    if (m_doctorPeer.isEmpty() && !ids.isEmpty())
        m_doctorPeer = ids.front();
}

void SyncMonitorWindow::setTrafficPeer(const QString& peerId) {
    refreshPeerChoices();
    const int i = m_trafficPeer->findData(peerId);
    if (i >= 0)
        m_trafficPeer->setCurrentIndex(i);
    refreshTraffic();
}

void SyncMonitorWindow::setTrafficRange(int resolution) {
    m_trafficRange->setCurrentIndex(resolution);
    refreshTraffic();
}

void SyncMonitorWindow::refreshTraffic() {
    if (!m_graph)
        return;
    const int res = std::max(0, m_trafficRange->currentIndex());
    const QString peer = m_trafficPeer->currentData().toString();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_graph->setData(m_state ? m_state->traffic(peer, res) : std::vector<engine::TrafficBucket>{}, res, now);
    using S = TrafficSeries;
    auto sum = [this](S a, S b) { return double(m_graph->totalBytes(a) + m_graph->totalBytes(b)); };
    m_trafficTotals->setText(
        tr("In this range: received %1 (payload %2, overhead %3), sent %4 (payload %5, overhead %6); DHT %7, "
           "holepunch %8")
            .arg(PeersModel::bytesText(sum(S::PayloadIn, S::OverheadIn)),
                 PeersModel::bytesText(double(m_graph->totalBytes(S::PayloadIn))),
                 PeersModel::bytesText(double(m_graph->totalBytes(S::OverheadIn))),
                 PeersModel::bytesText(sum(S::PayloadOut, S::OverheadOut)),
                 PeersModel::bytesText(double(m_graph->totalBytes(S::PayloadOut))),
                 PeersModel::bytesText(double(m_graph->totalBytes(S::OverheadOut))),
                 PeersModel::bytesText(sum(S::DhtIn, S::DhtOut)),
                 PeersModel::bytesText(sum(S::HolepunchIn, S::HolepunchOut))));
}

void SyncMonitorWindow::setTraceFilter(const QString& peerId, const QString& kind,
                                       const QString& recordPrefix) {
    refreshPeerChoices();
    m_filterPeer->setCurrentIndex(std::max(0, m_filterPeer->findData(peerId)));
    m_filterKind->setCurrentIndex(std::max(0, m_filterKind->findData(kind)));
    m_filterRecord->setText(recordPrefix);
    m_traceFilter->setPeer(peerId);
    m_traceFilter->setKind(kind);
    m_traceFilter->setRecordPrefix(recordPrefix);
}

void SyncMonitorWindow::setDoctorPeer(const QString& peerId) {
    m_doctorPeer = peerId;
    refreshDoctor();
}

Diagnosis SyncMonitorWindow::currentDiagnosis() const {
    std::vector<api::TraceEvent> events(m_traceModel->events().begin(), m_traceModel->events().end());
    return ConnectionDoctor::diagnose(m_doctorPeer, events);
}

bool SyncMonitorWindow::badgeIsGreen() const {
    return m_badge->property("inSync").toBool();
}

void SyncMonitorWindow::refreshDoctor() {
    if (!m_steps)
        return;
    m_doctorTitle->setText(m_doctorPeer.isEmpty() ? tr("Connection doctor")
                                                  : tr("Connection doctor: %1").arg(m_doctorPeer.left(16)));
    m_doctorTitle->setToolTip(m_doctorPeer);
    // Green only when the engine says the state digests are equal, for a peer connected now.
    const int row = m_peersModel->rowOfPeer(m_doctorPeer);
    const bool green = row >= 0 && m_peersModel->index(row, 0).data(PeersModel::InSyncRole).toBool();
    m_badge->setProperty("inSync", green);
    m_badge->setText(green ? tr("In sync") : tr("Not in sync"));
    m_badge->setMinimumWidth(m_badge->fontMetrics().horizontalAdvance(m_badge->text()) + 16);
    m_badge->setToolTip(tr("Green only when both sides' state digests are equal"));
    m_badge->setStyleSheet(green ? QStringLiteral("background:#2e7d32;color:white;border-radius:3px")
                                 : QStringLiteral("background:#9e9e9e;color:white;border-radius:3px"));
    const Diagnosis d = currentDiagnosis();
    m_verdict->setText(QStringLiteral("<b>%1</b>").arg(d.summary.toHtmlEscaped()));
    m_steps->clear();
    for (const auto& s : d.steps) {
        auto* item = new QTreeWidgetItem(m_steps, {s.title, tr("%1 ms").arg(s.atMs), s.detail.left(200)});
        item->setToolTip(2, s.detail);
        if (s.state == DoctorStep::State::Failed)
            item->setForeground(0, QColor(0xc6, 0x28, 0x28));
        else if (s.state == DoctorStep::State::Ok)
            item->setForeground(0, QColor(0x2e, 0x7d, 0x32));
    }
    m_steps->resizeColumnToContents(0);
    m_cause->setHtml(d.cause.isEmpty() ? QString()
                                       : tr("<p><b>Why:</b> %1</p><p><b>What to try:</b> %2</p>")
                                             .arg(d.cause.toHtmlEscaped(), d.advice.toHtmlEscaped()));
    m_cause->setVisible(!d.cause.isEmpty());
}

QString SyncMonitorWindow::doctorText() const {
    QString t = m_doctorTitle->text() + QLatin1Char('\n') + m_badge->text() + QLatin1Char('\n') +
                currentDiagnosis().summary + QLatin1Char('\n');
    for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
        const auto* item = m_steps->topLevelItem(i);
        t += item->text(0) + QStringLiteral(" (") + item->text(1) + QStringLiteral(") ") + item->text(2) +
             QLatin1Char('\n');
    }
    const Diagnosis d = currentDiagnosis();
    if (!d.cause.isEmpty())
        t += d.cause + QLatin1Char('\n') + d.advice + QLatin1Char('\n');
    return t;
}

bool SyncMonitorWindow::selectEvent(quint64 seq) {
    for (int r = 0; r < m_traceFilter->rowCount(); ++r) {
        const QModelIndex i = m_traceFilter->index(r, 0);
        if (i.data(TraceModel::SeqRole).toULongLong() == seq) {
            m_traceView->setCurrentIndex(i);
            m_traceView->scrollTo(i);
            showEventDetails(seq);
            return true;
        }
    }
    return false;
}

void SyncMonitorWindow::showEventDetails(quint64 seq) {
    m_selectedSeq = seq;
    m_timeline->setSelectedSeq(seq);
    const api::TraceEvent* event = nullptr;
    for (const auto& e : m_traceModel->events())
        if (e.seq == seq)
            event = &e;
    if (!event) {
        m_details->clear();
        return;
    }
    if (!event->peerId.isEmpty())
        setDoctorPeer(event->peerId);
    QString t;
    t += tr("%1 — %2").arg(TraceModel::kindText(event->kind), event->peerId) + QLatin1Char('\n');
    if (!event->detail.isEmpty())
        t += event->detail + QLatin1Char('\n');
    if (event->isOp()) {
        t += tr("Record: %1").arg(event->recordId) + QLatin1Char('\n');
        t += tr("Op: %1 #%2, clock %3").arg(event->origin.left(16)).arg(event->opSeq).arg(event->clock) +
             QLatin1Char('\n');
        if (!event->values.isEmpty())
            t += tr("Fields: %1").arg(QString::fromUtf8(event->values)) + QLatin1Char('\n');
        // Who has this op, as far as this device knows: we do, the peers that sent it to us and the
        // peers we sent it to.
        std::map<QString, bool> fromPeer;  // peer -> it sent the op to us (else we sent it to the peer)
        for (const auto& e : m_traceModel->events())
            if (e.origin == event->origin && e.opSeq == event->opSeq)
                fromPeer[e.peerId] = fromPeer[e.peerId] || e.kind == QLatin1String(api::trace::kOpReceived);
        QStringList holders{tr("this device")};
        for (const auto& [peer, sentToUs] : fromPeer)
            holders << (sentToUs ? tr("%1 (sent it to us)") : tr("%1 (we sent it)")).arg(peer.left(12));
        t += tr("Peers that have it: %1").arg(holders.join(QStringLiteral(", "))) + QLatin1Char('\n');
        t += tr("%n byte(s) on the wire:", nullptr, int(event->bytes.size())) + QLatin1Char('\n');
        for (qsizetype i = 0; i < event->bytes.size(); i += 16) {
            const QByteArray line = event->bytes.mid(i, 16);
            QString ascii;
            for (char c : line)
                ascii += (c >= 0x20 && c < 0x7f) ? QLatin1Char(c) : QLatin1Char('.');
            t += QStringLiteral("%1  %2  %3\n")
                     .arg(i, 4, 16, QLatin1Char('0'))
                     .arg(QString::fromLatin1(line.toHex(' ')), -48)
                     .arg(ascii);
        }
    }
    m_details->setPlainText(t);
}

QString SyncMonitorWindow::eventDetailsText() const {
    return m_details->toPlainText();
}

Result<void> SyncMonitorWindow::exportTrace(const QString& path, bool hashValues) const {
    if (!m_state)
        return makeError(tr("Sync is not running for this space."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(tr("Cannot write %1: %2").arg(path, file.errorString()));
    file.write(api::exportTrace(m_state->events(), hashValues));
    if (!file.commit())
        return makeError(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

void SyncMonitorWindow::exportInteractive() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export trace"), QStringLiteral("sync-trace.jsonl"), tr("JSON lines (*.jsonl)"));
    if (path.isEmpty())
        return;
    auto r = exportTrace(path, m_hashValues->isChecked());
    if (!r)
        QMessageBox::warning(this, tr("Export trace"), r.errorMessage());
}

}  // namespace pluresdb::ui
