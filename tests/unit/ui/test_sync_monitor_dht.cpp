// The sync monitor with swarm peers (issue #9), driven by a real swarm: a Database joins its space's
// topic through a private `pluresdb-cli bootstrap` node on 127.0.0.1 and a CLI node with the same
// key joins too (no WebSocket mesh). The window's graph must show the DHT bytes the swarm's sockets
// counted, in and out, to the byte, and the holepunch probes likewise; its peer list shows the CLI
// node as a swarm peer, and its doctor the swarm's connect steps.

#include "core/api/Database.h"
#include "tests/support/TestSupport.h"
#include "tests/unit/sync/SyncCliNode.h"
#include "ui/models/ConnectionDoctor.h"
#include "ui/models/PeersModel.h"
#include "ui/widgets/TrafficGraph.h"
#include "ui/windows/SyncMonitorWindow.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace pluresdb;
using namespace pluresdb::ui;
using engine::TrafficSeries;
using test::SyncCliNode;
using ui::ConnectionDoctor;
using ui::Diagnosis;
using ui::DoctorStep;

namespace {

// Starts a private `pluresdb-cli bootstrap` node on 127.0.0.1; its host:port, or empty.
QString startBootstrap(QProcess& boot) {
    quint16 port = 0;
    {
        QUdpSocket probe;  // a free UDP port for the bootstrap node
        if (!probe.bind(QHostAddress::LocalHost, 0))
            return {};
        port = probe.localPort();
    }
    boot.start(test::cliPath(), {"bootstrap", "--host", "127.0.0.1", "--port", QString::number(port)});
    if (!boot.waitForStarted() || !SyncCliNode::waitUntil([&] { return boot.canReadLine(); }, 30000))
        return {};
    const QString line = QString::fromUtf8(boot.readLine()).trimmed();  // BOOTSTRAP host:port
    return line.startsWith("BOOTSTRAP ") ? line.mid(10) : QString();
}

}  // namespace

class TestSyncMonitorDht : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { qputenv("PLURESDB_NO_PUBLIC_DHT", "1"); }

    /// The DHT series are not zero, and equal the swarm's socket counters (which getSyncStats()
    /// reads off the sockets) on every time range; the holepunch series equal the probe counters.
    void dhtSeriesEqualSocketCounters() {
        QProcess boot;
        const QString bootstrap = startBootstrap(boot);
        QVERIFY(!bootstrap.isEmpty());

        QTemporaryDir dir;
        auto db = std::move(Database::open(dir.path())).value();
        const QString key = Database::generateSyncKey();
        SyncOptions o;
        o.key = key;
        o.useSwarm = true;
        o.bootstrap << bootstrap;
        QVERIFY(db->enableSync(o));
        SyncMonitorWindow w(db.get(), nullptr, 50);
        w.showView(SyncMonitorWindow::View::Traffic);
        w.show();
        TrafficGraph* g = w.trafficGraph();

        // A second member of the topic, so that the swarm looks it up and dials it (handshake
        // through the bootstrap node, holepunch probes).
        QTemporaryDir cliDir;
        SyncCliNode cli;
        QVERIFY(cli.startCli(cliDir.path(), key, {"--bootstrap", bootstrap}));

        // Equal once a sample follows the last datagram: the graph sums the 1 s buckets, the
        // stats read the counters.
        auto matches = [&](SyncStatsSnapshot* out) {
            const auto s = db->getSyncStats();
            w.sample();
            if (!s)
                return false;
            *out = *s;
            return g->totalBytes(TrafficSeries::DhtIn) == s->dhtBytesReceived &&
                   g->totalBytes(TrafficSeries::DhtOut) == s->dhtBytesSent &&
                   g->totalBytes(TrafficSeries::HolepunchIn) == s->holepunchBytesReceived &&
                   g->totalBytes(TrafficSeries::HolepunchOut) == s->holepunchBytesSent;
        };
        SyncStatsSnapshot s;
        QVERIFY(
            SyncCliNode::waitUntil([&] { return db->syncSummary().dht == SyncSummary::Dht::Online; }, 60000));
        // The DHT traffic of bootstrapping, announcing and looking up: in and out, seen in the graph.
        QVERIFY2(SyncCliNode::waitUntil(
                     [&] { return matches(&s) && s.dhtBytesSent > 0 && s.dhtBytesReceived > 0; }, 60000),
                 qPrintable(QStringLiteral("graph %1/%2, sockets %3/%4")
                                .arg(g->totalBytes(TrafficSeries::DhtIn))
                                .arg(g->totalBytes(TrafficSeries::DhtOut))
                                .arg(s.dhtBytesReceived)
                                .arg(s.dhtBytesSent)));
        // A dht-rpc message is at least a few dozen bytes: this is more than a stray datagram.
        QVERIFY(s.dhtBytesSent > 100 && s.dhtBytesReceived > 100);
        // The swarm dials the CLI node: the connect's 1-byte probes (hyperdht opens the session
        // with one even on loopback, spec/hyperdht.md §7.5 step 1) reach the holepunch series.
        QVERIFY2(SyncCliNode::waitUntil([&] { return matches(&s) && s.holepunchBytesSent > 0; }, 90000),
                 qPrintable(QStringLiteral("graph %1/%2, sockets %3/%4")
                                .arg(g->totalBytes(TrafficSeries::HolepunchIn))
                                .arg(g->totalBytes(TrafficSeries::HolepunchOut))
                                .arg(s.holepunchBytesReceived)
                                .arg(s.holepunchBytesSent)));
        qInfo("DHT in %llu out %llu, holepunch in %llu out %llu bytes", s.dhtBytesReceived, s.dhtBytesSent,
              s.holepunchBytesReceived, s.holepunchBytesSent);
        // Every range shows the same totals (this session fits in each).
        for (int r = 1; r < int(engine::kTrafficResolutions.size()); ++r) {
            w.setTrafficRange(r);
            QVERIFY(SyncCliNode::waitUntil([&] { return matches(&s); }, 60000));
        }
        cli.stop();
        db->disableSync();
        boot.terminate();
        QVERIFY(boot.waitForFinished(10000));
    }

    /// A swarm peer (no mesh at all): the window's space and a CLI node with its key find each other
    /// through a private bootstrap node; the peer list shows the peer as a swarm peer (flag S, how it
    /// connected), records cross both ways, and the doctor lists the swarm's connect steps.
    void swarmPeerInPeerListAndDoctor() {
        QProcess boot;
        const QString bootstrap = startBootstrap(boot);
        QVERIFY(!bootstrap.isEmpty());
        QTemporaryDir dir;
        auto db = std::move(Database::open(dir.path())).value();
        const QString key = Database::generateSyncKey();
        SyncOptions o;
        o.key = key;
        o.useSwarm = true;
        o.bootstrap << bootstrap;
        QVERIFY(db->put("from-app", QJsonObject{{"v", 1}}).result().ok);
        QVERIFY(db->enableSync(o));
        SyncMonitorWindow w(db.get(), nullptr, 50);
        w.show();
        QTemporaryDir cliDir;
        SyncCliNode cli;
        QVERIFY(cli.startCli(cliDir.path(), key, {"--bootstrap", bootstrap}));
        QVERIFY(!cli.put("from-cli", QJsonObject{{"v", 2}}).isUndefined());
        PeersModel* m = w.peersModel();
        QVERIFY2(SyncCliNode::waitUntil(
                     [&] {
                         for (int r = 0; r < m->rowCount(); ++r)
                             if (m->peerAt(r)->current && m->peerAt(r)->peer.connected)
                                 return true;
                         return false;
                     },
                     120000),
                 qPrintable(cli.stderrText().right(2000)));
        int row = -1;
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->peerAt(r)->current && m->peerAt(r)->peer.connected)
                row = r;
        const api::MonitoredPeer* p = m->peerAt(row);
        QCOMPARE(p->peer.link.kind, QStringLiteral("swarm"));
        QVERIFY(!p->peer.link.path.isEmpty());
        QVERIFY(m->index(row, PeersModel::FlagsColumn).data().toString().contains('S'));
        const QString how = m->index(row, PeersModel::ConnectionColumn).data().toString();
        QVERIFY2(how != QStringLiteral("Unknown") && how != QStringLiteral("WebSocket"), qPrintable(how));
        QVERIFY(SyncCliNode::waitUntil(
            [&] {
                auto r = db->get("from-cli");
                return r && r->has_value();
            },
            60000));
        QVERIFY(SyncCliNode::waitUntil(
            [&] {
                return cli.command({{"op", "get"}, {"id", "from-app"}}).isObject();
            },
            60000));
        // The doctor: the swarm's steps for this peer, then the key proof.
        w.setDoctorPeer(p->peer.peerId);
        QVERIFY2(SyncCliNode::waitUntil(
                     [&] {
                         w.sample();
                         const Diagnosis d = w.currentDiagnosis();
                         bool swarmStep = false, proof = false;
                         for (const DoctorStep& s : d.steps) {
                             swarmStep = swarmStep || s.title == ConnectionDoctor::tr("Connection path") ||
                                         s.title == ConnectionDoctor::tr("Handshake through a relay node") ||
                                         s.title == ConnectionDoctor::tr("Look up the peer on the DHT");
                             proof = proof || s.title == ConnectionDoctor::tr("Key proof accepted");
                         }
                         return swarmStep && proof;
                     },
                     30000),
                 qPrintable(w.doctorText()));
        qInfo("peer list: %s; doctor: %s", qPrintable(how),
              qPrintable(w.doctorText().simplified().left(400)));
        cli.stop();
        db->disableSync();
        boot.terminate();
        QVERIFY(boot.waitForFinished(10000));
    }
};

QTEST_MAIN(TestSyncMonitorDht)
#include "test_sync_monitor_dht.moc"
