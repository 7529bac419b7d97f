// The peer list, traffic graphs and sync debugger (issue #9), driven by a real sync: Database
// instances on the shared engine thread syncing over the WebSocket mesh on 127.0.0.1, and a
// SyncMonitorWindow on one of them. Nothing here is mocked: the window only ever reads what the
// engine's SyncMonitor published.

#include "core/api/Database.h"
#include "core/api/SyncMonitor.h"
#include "tests/support/TestSupport.h"
#include "ui/models/PeersModel.h"
#include "ui/models/TraceModel.h"
#include "ui/widgets/TraceTimeline.h"
#include "ui/widgets/TrafficGraph.h"
#include "ui/windows/MainWindow.h"
#include "ui/windows/SyncMonitorWindow.h"
#include "ui/windows/SyncTray.h"

#include <QAbstractItemModelTester>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QSystemTrayIcon>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace pluresdb;
using namespace pluresdb::ui;
using engine::TrafficSeries;

namespace {

bool waitUntil(const std::function<bool()>& f, int timeoutMs = 60000) {
    QDeadlineTimer dl(timeoutMs);
    while (!dl.hasExpired()) {
        if (f())
            return true;
        QTest::qWait(20);
    }
    return f();
}

struct Node {
    std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>();
    std::unique_ptr<Database> db;
};

Node openNode() {
    Node n;
    n.db = std::move(Database::open(n.dir->path())).value();
    return n;
}

SyncOptions serving(const QString& key) {
    SyncOptions o;
    o.key = key;
    o.useSwarm = false;
    o.serveWsHost = QHostAddress::LocalHost;
    o.serveWsPort = 0;
    return o;
}

SyncOptions dialing(const QString& key, quint16 port) {
    SyncOptions o;
    o.key = key;
    o.useSwarm = false;
    o.connectWs << QStringLiteral("ws://127.0.0.1:%1").arg(port);
    return o;
}

int connectedRows(PeersModel* m) {
    int n = 0;
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->peerAt(r)->current && m->peerAt(r)->peer.connected)
            ++n;
    return n;
}

bool allInSync(PeersModel* m, int want) {
    int n = 0;
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data(PeersModel::InSyncRole).toBool())
            ++n;
    return n == want;
}

}  // namespace

class TestSyncMonitor : public QObject {
    Q_OBJECT
private slots:
    /// A hub and two peers: the hub's peer list shows both, as WebSocket peers, with their full id
    /// on hover and their address; the models pass QAbstractItemModelTester while it fills.
    void peerListShowsPeersWithConnectionKind() {
        const QString key = Database::generateSyncKey();
        Node a = openNode(), b = openNode(), c = openNode();
        QVERIFY(a.db->enableSync(serving(key)));
        SyncMonitorWindow w(a.db.get(), nullptr, 50);
        QAbstractItemModelTester peersTester(w.peersModel());
        QAbstractItemModelTester traceTester(w.traceModel());
        QAbstractItemModelTester filterTester(w.traceFilter());
        w.show();
        QVERIFY(b.db->enableSync(dialing(key, a.db->syncWebSocketPort())));
        QVERIFY(c.db->enableSync(dialing(key, a.db->syncWebSocketPort())));
        QVERIFY(waitUntil([&] { return connectedRows(w.peersModel()) == 2; }));

        const auto enginePeers = a.db->getSyncPeers();
        QCOMPARE(int(enginePeers.size()), 2);
        PeersModel* m = w.peersModel();
        for (const SyncPeer& p : enginePeers) {
            const int row = m->rowOfPeer(p.peerId);
            QVERIFY(row >= 0);
            QCOMPARE(m->index(row, PeersModel::ConnectionColumn).data().toString(),
                     QStringLiteral("WebSocket"));
            QCOMPARE(m->index(row, PeersModel::PeerColumn).data(Qt::ToolTipRole).toString(), p.peerId);
            QCOMPARE(m->index(row, PeersModel::PeerColumn).data().toString(), p.peerId.left(12));
            QVERIFY2(m->index(row, PeersModel::AddressColumn).data().toString().contains("127.0.0.1"),
                     qPrintable(m->index(row, PeersModel::AddressColumn).data().toString()));
            const QString flags = m->index(row, PeersModel::FlagsColumn).data().toString();
            QVERIFY2(flags.contains('W') && flags.contains('E') && flags.contains('I'), qPrintable(flags));
            QVERIFY(m->index(row, PeersModel::FlagsColumn).data(Qt::ToolTipRole).toString().contains("W: "));
        }
        // And from the dialling side, the hub is an outgoing WebSocket peer.
        SyncMonitorWindow wb(b.db.get(), nullptr, 50);
        QVERIFY(waitUntil([&] { return connectedRows(wb.peersModel()) == 1; }));
        QVERIFY(wb.peersModel()->index(0, PeersModel::FlagsColumn).data().toString().contains('O'));
    }

    /// The traffic graph's totals (all peers, and one peer) equal the engine's byte counters, and
    /// the payload series hold the ops while the overhead holds the rest.
    void graphTotalsEqualEngineCounters() {
        const QString key = Database::generateSyncKey();
        Node a = openNode(), b = openNode();
        QVERIFY(a.db->enableSync(serving(key)));
        QVERIFY(b.db->enableSync(dialing(key, a.db->syncWebSocketPort())));
        SyncMonitorWindow w(a.db.get(), nullptr, 50);
        w.showView(SyncMonitorWindow::View::Traffic);
        w.show();
        for (int i = 0; i < 40; ++i)
            QVERIFY(
                b.db->put(QStringLiteral("t-%1").arg(i), QJsonObject{{"n", i}, {"text", QString(200, 'x')}})
                    .result()
                    .ok);
        QVERIFY(waitUntil([&] { return a.db->list(QStringLiteral("t-"))->size() == 40; }));
        QVERIFY(waitUntil([&] { return allInSync(w.peersModel(), 1); }));

        TrafficGraph* g = w.trafficGraph();
        auto sum = [g](TrafficSeries x, TrafficSeries y) { return g->totalBytes(x) + g->totalBytes(y); };
        // Wait for a sample after the last byte moved: then the graph and the counters agree.
        sync::SyncStats engine;
        QVERIFY(waitUntil(
            [&] {
                engine = a.db->getSyncStats()->totals;
                w.sample();
                return sum(TrafficSeries::PayloadIn, TrafficSeries::OverheadIn) == engine.bytesReceived &&
                       sum(TrafficSeries::PayloadOut, TrafficSeries::OverheadOut) == engine.bytesSent;
            },
            30000));
        QVERIFY(engine.bytesReceived > 40 * 200);
        QCOMPARE(g->totalBytes(TrafficSeries::PayloadIn), engine.payloadBytesReceived);
        QVERIFY(g->totalBytes(TrafficSeries::PayloadIn) > 40 * 200);
        QVERIFY(g->totalBytes(TrafficSeries::OverheadIn) > 0);
        QCOMPARE(g->totalBytes(TrafficSeries::DhtIn), quint64(0));  // no swarm in this test

        // One peer's graph: that peer's counters.
        const auto peers = a.db->getSyncPeers();
        QCOMPARE(int(peers.size()), 1);
        w.setTrafficPeer(peers[0].peerId);
        QVERIFY(waitUntil(
            [&] {
                const auto p = a.db->getSyncPeers();
                w.sample();
                return !p.empty() &&
                       sum(TrafficSeries::PayloadIn, TrafficSeries::OverheadIn) == p[0].stats.bytesReceived &&
                       sum(TrafficSeries::PayloadOut, TrafficSeries::OverheadOut) == p[0].stats.bytesSent;
            },
            30000));
        // Every range shows the same bytes (they all cover this short session).
        for (int r = 1; r < int(engine::kTrafficResolutions.size()); ++r) {
            w.setTrafficRange(r);
            QCOMPARE(sum(TrafficSeries::PayloadIn, TrafficSeries::OverheadIn),
                     a.db->getSyncPeers()[0].stats.bytesReceived);
        }
        // Hovering names the series.
        QVERIFY(g->valueTextAt(g->width() / 2).contains(TrafficGraph::seriesName(TrafficSeries::PayloadIn)));
    }

    /// Ops written on the hub show up in its debugger as sent to each peer, with record id, fields
    /// and clock; the record filter narrows to one record; selecting the op shows its bytes and the
    /// peers that have it. The export hashes values when asked.
    void debuggerShowsTheOpsThatWereSent() {
        const QString key = Database::generateSyncKey();
        Node a = openNode(), b = openNode(), c = openNode();
        QVERIFY(a.db->enableSync(serving(key)));
        SyncMonitorWindow w(a.db.get(), nullptr, 50);
        w.showView(SyncMonitorWindow::View::Debugger);
        w.show();
        QVERIFY(b.db->enableSync(dialing(key, a.db->syncWebSocketPort())));
        QVERIFY(c.db->enableSync(dialing(key, a.db->syncWebSocketPort())));
        QVERIFY(waitUntil([&] { return connectedRows(w.peersModel()) == 2; }));
        for (int i = 0; i < 5; ++i)
            QVERIFY(
                a.db->put(QStringLiteral("dbg-%1").arg(i), QJsonObject{{"secret", "v" + QString::number(i)}})
                    .result()
                    .ok);
        QVERIFY(waitUntil([&] {
            return b.db->list(QStringLiteral("dbg-"))->size() == 5 &&
                   c.db->list(QStringLiteral("dbg-"))->size() == 5;
        }));
        const auto peers = a.db->getSyncPeers();
        QCOMPARE(int(peers.size()), 2);
        // Every op went to both peers.
        QVERIFY(waitUntil([&] {
            int sent = 0;
            for (const auto& e : w.traceModel()->events())
                if (e.kind == QLatin1String(api::trace::kOpSent) && e.recordId.startsWith("dbg-"))
                    ++sent;
            return sent == 10;
        }));
        for (const auto& e : w.traceModel()->events()) {
            if (e.kind != QLatin1String(api::trace::kOpSent))
                continue;
            QVERIFY(e.peerId == peers[0].peerId || e.peerId == peers[1].peerId);
            QCOMPARE(e.fields, QStringList{"secret"});
            QVERIFY(!e.clock.isEmpty());
            QVERIFY(e.bytes.size() > 10);
        }
        QCOMPARE(w.timeline()->lanes().size(), 2);
        // The ops batches were acknowledged: each peer has a round-trip time.
        QVERIFY(waitUntil([&] {
            w.sample();
            for (const auto& p : peers) {
                const int row = w.peersModel()->rowOfPeer(p.peerId);
                if (row < 0 ||
                    !w.peersModel()->index(row, PeersModel::RttColumn).data().toString().endsWith(" ms"))
                    return false;
            }
            return true;
        }));

        w.setTraceFilter(QString(), QStringLiteral("ops"), QStringLiteral("dbg-3"));
        QCOMPARE(w.traceFilter()->rowCount(), 2);  // to each peer once
        const quint64 seq = w.traceFilter()->index(0, 0).data(TraceModel::SeqRole).toULongLong();
        QVERIFY(w.selectEvent(seq));
        const QString details = w.eventDetailsText();
        QVERIFY2(details.contains("dbg-3") && details.contains("Peers that have it"), qPrintable(details));
        QVERIFY(details.contains(peers[0].peerId.left(12)) && details.contains(peers[1].peerId.left(12)));
        QVERIFY(details.contains("0000  "));  // the hex dump of its bytes
        w.setTraceFilter(peers[0].peerId, QString(), QString());
        for (int r = 0; r < w.traceFilter()->rowCount(); ++r)
            QCOMPARE(w.traceFilter()->index(r, 0).data(TraceModel::PeerIdRole).toString(), peers[0].peerId);

        QTemporaryDir out;
        QVERIFY(w.exportTrace(out.filePath("plain.jsonl"), false));
        QVERIFY(w.exportTrace(out.filePath("hashed.jsonl"), true));
        QFile plain(out.filePath("plain.jsonl")), hashed(out.filePath("hashed.jsonl"));
        QVERIFY(plain.open(QIODevice::ReadOnly) && hashed.open(QIODevice::ReadOnly));
        const QByteArray p = plain.readAll(), h = hashed.readAll();
        QVERIFY(p.contains("dbg-3") && p.contains("\"v3\""));
        QVERIFY(!h.contains("dbg-3") && !h.contains("\"v3\"") && h.contains("\"h:"));
        QCOMPARE(p.count('\n'), h.count('\n'));
        for (const QByteArray& line : h.split('\n'))
            if (!line.isEmpty())
                QVERIFY(QJsonDocument::fromJson(line).isObject());
    }

    /// A peer with another space's key reaches the hub and is refused: the peer list marks it
    /// refused, and the doctor names the admission failure and says what to try.
    void wrongKeyPeerShowsAdmissionFailure() {
        Node a = openNode(), d = openNode();
        QVERIFY(a.db->enableSync(serving(Database::generateSyncKey())));
        SyncMonitorWindow w(a.db.get(), nullptr, 50);
        w.show();
        QVERIFY(d.db->enableSync(dialing(Database::generateSyncKey(), a.db->syncWebSocketPort())));
        QString refused;
        QVERIFY(waitUntil([&] {
            for (int r = 0; r < w.peersModel()->rowCount(); ++r)
                if (!w.peersModel()->peerAt(r)->admissionFailure.isEmpty())
                    refused = w.peersModel()->peerAt(r)->peer.peerId;
            return !refused.isEmpty();
        }));
        const int row = w.peersModel()->rowOfPeer(refused);
        QCOMPARE(w.peersModel()->index(row, PeersModel::InSyncColumn).data().toString(),
                 QStringLiteral("Refused"));
        QVERIFY(w.peersModel()->index(row, PeersModel::FlagsColumn).data().toString().contains('X'));
        w.setDoctorPeer(refused);
        const Diagnosis d1 = w.currentDiagnosis();
        QCOMPARE(d1.verdict, Diagnosis::Verdict::Failed);
        const QString text = w.doctorText();
        QVERIFY2(text.contains("Admission failed") && text.contains("does not hold this space's key") &&
                     text.contains("Key proof failed"),
                 qPrintable(text));
        QVERIFY(!d1.advice.isEmpty());
        QVERIFY(!w.badgeIsGreen());
    }

    /// A mesh peer that is not there: the doctor (on the URL the app dials) says that nothing
    /// accepts connections at that address and what to try.
    void unreachablePeerDoctorSaysWhy() {
        QTcpServer probe;  // a port that was free a moment ago and is closed now
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        Node a = openNode();
        SyncMonitorWindow w(a.db.get(), nullptr, 50);
        QVERIFY(a.db->enableSync(dialing(Database::generateSyncKey(), port)));
        const QString url = QStringLiteral("ws://127.0.0.1:%1").arg(port);
        QVERIFY(waitUntil([&] {
            for (const auto& e : w.traceModel()->events())
                if (e.kind == QLatin1String(api::trace::kError) && e.peerId.startsWith(url))
                    return true;
            return false;
        }));
        QString id;
        for (const auto& e : w.traceModel()->events())
            if (e.kind == QLatin1String(api::trace::kError))
                id = e.peerId;
        w.setDoctorPeer(id);
        const Diagnosis d = w.currentDiagnosis();
        QCOMPARE(d.verdict, Diagnosis::Verdict::Failed);
        QVERIFY2(d.cause.contains("Nothing accepts connections"),
                 qPrintable(d.cause + " / " + w.doctorText()));
        QVERIFY(d.advice.contains("address and port"));
        QVERIFY(!w.badgeIsGreen());
    }

    /// The in-sync badge turns green only once both state digests are equal: a peer with many
    /// records catches the hub up while the window samples fast; whenever the badge is green, the
    /// two stores' digests are equal, and it does end green.
    void inSyncBadgeGreenOnlyAfterDigestsMatch() {
        const QString key = Database::generateSyncKey();
        Node a = openNode(), b = openNode();
        std::vector<store::LocalWrite> batch;
        for (int i = 0; i < 5000; ++i)
            batch.push_back(store::LocalWrite{QStringLiteral("r-%1").arg(i, 5, 10, QLatin1Char('0')),
                                              store::OpKind::Put,
                                              QJsonObject{{"i", i}, {"pad", QString(64, 'p')}}});
        QVERIFY(b.db->write(batch).result().ok);
        QVERIFY(a.db->enableSync(serving(key)));
        SyncMonitorWindow w(a.db.get(), nullptr, 10);
        w.show();
        QVERIFY(!w.badgeIsGreen());
        QVERIFY(b.db->enableSync(dialing(key, a.db->syncWebSocketPort())));
        QString peer;
        QVERIFY(waitUntil([&] {
            if (w.peersModel()->rowCount() > 0)
                peer = w.peersModel()->peerAt(0)->peer.peerId;
            return !peer.isEmpty();
        }));
        w.setDoctorPeer(peer);
        int greenChecks = 0;
        int notGreen = 0;
        QVERIFY(waitUntil(
            [&] {
                w.sample();
                if (!w.badgeIsGreen()) {
                    ++notGreen;
                    return false;
                }
                // Green: the digests must be equal right now (nothing writes any more).
                const auto da = a.db->digest();
                const auto db = b.db->digest();
                if (!(da && db && *da == *db)) {
                    qWarning("badge green with different digests");
                    return true;
                }
                return ++greenChecks >= 3;
            },
            60000));
        QCOMPARE(greenChecks, 3);
        QVERIFY(notGreen > 0);  // it was not green before the catch-up
        QCOMPARE(w.inSyncBadge()->text(), QStringLiteral("In sync"));
        QCOMPARE(*a.db->digest(), *b.db->digest());
    }

    /// The tray follows a database: a peer joining and leaving become notifications (kept even
    /// without a system tray, as offscreen here), and turning notifications off stops them.
    void trayNotifiesJoinsAndLeaves() {
        const QString key = Database::generateSyncKey();
        Node a = openNode(), b = openNode();
        QWidget window;
        SyncTray tray(&window);
        QCOMPARE(tray.available(), QSystemTrayIcon::isSystemTrayAvailable());
        tray.watch(a.db.get(), QStringLiteral("Team"));
        tray.setStatus(QStringLiteral("1 peer"), true);
        QCOMPARE(tray.status(), QStringLiteral("1 peer"));
        QVERIFY(a.db->enableSync(serving(key)));
        QVERIFY(b.db->enableSync(dialing(key, a.db->syncWebSocketPort())));
        auto has = [&](const QString& title) {
            for (const auto& n : tray.recent())
                if (n.title == title)
                    return true;
            return false;
        };
        QVERIFY(waitUntil([&] { return has(QStringLiteral("Peer joined Team")); }));
        b.db->disableSync();
        QVERIFY(waitUntil([&] { return has(QStringLiteral("Peer left Team")); }));
        tray.setNotificationsEnabled(false);
        const size_t before = tray.recent().size();
        QVERIFY(b.db->enableSync(dialing(key, a.db->syncWebSocketPort())));
        QVERIFY(waitUntil([&] { return a.db->syncSummary().peers == 1; }));
        QTest::qWait(200);
        QCOMPARE(tray.recent().size(), before);
    }

    /// The main window's View menu opens the current space's monitor at the asked tab, and a
    /// second time the same window.
    void mainWindowOpensTheMonitor() {
        Node a = openNode();
        MainWindow main(a.db.get());
        main.show();
        SyncMonitorWindow* w = main.openSyncMonitor(SyncMonitorWindow::View::Traffic);
        QVERIFY(w);
        QCOMPARE(w->currentView(), SyncMonitorWindow::View::Traffic);
        QCOMPARE(main.openSyncMonitor(SyncMonitorWindow::View::Debugger), w);
        QCOMPARE(w->currentView(), SyncMonitorWindow::View::Debugger);
        QStringList menus;
        for (auto* action : main.menuBar()->actions())
            menus << action->text();
        QVERIFY(menus.contains(QStringLiteral("&View")));
    }

    /// Watching costs the network nothing: over the same time, the hub sends and the peer receives
    /// the same bytes and messages with the graphs open (sampling fast) as with them closed.
    void graphsOpenSendNoMorePackets() {
        const QString key = Database::generateSyncKey();
        Node a = openNode(), b = openNode();
        QVERIFY(a.db->enableSync(serving(key)));
        QVERIFY(b.db->enableSync(dialing(key, a.db->syncWebSocketPort())));
        QVERIFY(waitUntil([&] { return a.db->syncSummary().inSync && b.db->syncSummary().inSync; }));
        QTest::qWait(500);  // let the catch-up's last acks land
        auto counts = [&] {
            const auto sa = a.db->getSyncStats()->totals;
            const auto sb = b.db->getSyncStats()->totals;
            return std::array<quint64, 4>{sa.messagesSent, sa.bytesSent, sb.messagesReceived,
                                          sb.bytesReceived};
        };
        auto delta = [](const std::array<quint64, 4>& x, const std::array<quint64, 4>& y) {
            std::array<quint64, 4> d{};
            for (int i = 0; i < 4; ++i)
                d[i] = y[i] - x[i];
            return d;
        };
        const auto c0 = counts();
        QTest::qWait(2500);
        const auto closed = delta(c0, counts());

        auto w = std::make_unique<SyncMonitorWindow>(a.db.get(), nullptr, 20);
        w->showView(SyncMonitorWindow::View::Traffic);
        w->show();
        const auto c1 = counts();
        QTest::qWait(2500);
        const quint64 samples = w->samplesTaken();
        const auto open = delta(c1, counts());
        qInfo(
            "over 2.5 s closed / open: hub sent %llu / %llu messages, %llu / %llu bytes; peer received "
            "%llu / %llu messages, %llu / %llu bytes; %llu samples",
            closed[0], open[0], closed[1], open[1], closed[2], open[2], closed[3], open[3], samples);
        QVERIFY(samples > 20);  // it did watch
        for (int i = 0; i < 4; ++i)
            QVERIFY2(open[i] <= closed[i],
                     qPrintable(QStringLiteral("%1: %2 open, %3 closed").arg(i).arg(open[i]).arg(closed[i])));
    }
};

QTEST_MAIN(TestSyncMonitor)
#include "test_sync_monitor.moc"
