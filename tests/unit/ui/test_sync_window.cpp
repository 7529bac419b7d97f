// The desktop app syncing over the WebSocket mesh (issue #8 wiring of issue #7): a MainWindow
// whose network settings name a mesh peer enables sync for the space it opens, with the space's
// key from the key store. Against a real `pluresdb-cli sync --serve-ws` peer on 127.0.0.1 with the
// same key, the status bar shows the peer and "in sync", and a record the CLI writes appears in
// the data browser without any action. Runs offscreen with the real KeyStore (as test_spaces_window).

#include "core/keys/KeyStore.h"
#include "core/spaces/Settings.h"
#include "core/spaces/SpaceList.h"
#include "tests/support/TestSupport.h"
#include "tests/unit/sync/SyncCliNode.h"
#include "ui/models/RecordsModel.h"
#include "ui/windows/MainWindow.h"
#include "ui/windows/RecordsPanel.h"

#include <QProcess>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <QUuid>

using namespace pluresdb;
using namespace pluresdb::ui;

class TestSyncWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { qputenv("PLURESDB_NO_MODAL_ERRORS", "1"); }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        keys::KeyStore::Options o;
        o.dataDir = m_dir->path();
        o.service = QStringLiteral("PluresDB-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        o.kdfCost = keys::EncryptedFileVault::KdfCost::minimum();
        o.timeout = std::chrono::milliseconds(3000);
        m_keys = std::make_unique<keys::KeyStore>(o);
        m_keys->probe();
        if (m_keys->needsPassphrase())
            QVERIFY(m_keys->unlockFallback(QStringLiteral("test passphrase")));
    }
    void cleanup() {
        if (!m_space.isEmpty())
            (void)m_keys->removeSyncKey(m_space);
        m_space.clear();
        m_keys.reset();
        m_dir.reset();
    }

    /// Every space with a key syncs over the DHT, also with no mesh in the settings. Tests cannot
    /// reach the public bootstrap nodes (PLURESDB_NO_PUBLIC_DHT), and the app says so rather than
    /// pretending: "DHT: offline", no peers.
    void spaceSyncsWithoutMeshSettings() {
        auto w = window();
        auto id = w->createSpace("Alone");
        QVERIFY(id);
        m_space = *id;
        QVERIFY2(w->syncStatusText().startsWith("DHT: offline") && w->syncStatusText().contains("0 peer"),
                 qPrintable(w->syncStatusText()));
    }

    /// Settings applied while a space is open restart its sync with them: naming a mesh peer
    /// connects to it at once (no restart of the app), removing it disconnects.
    void settingsChangeStartsAndStopsSync() {
        auto w = window();
        w->setUserSettingsPath(m_dir->filePath("user.ini"));
        auto id = w->createSpace("Later");
        QVERIFY(id);
        m_space = *id;
        QVERIFY(w->syncStatusText().contains("0 peer"));
        auto key = m_keys->syncKey(*id);
        QVERIFY(key && key->has_value());
        QTemporaryDir cliDir;
        test::SyncCliNode cli;
        QVERIFY(cli.startCli(cliDir.path(), **key, {"--serve-ws", "127.0.0.1:0"}));
        const QString url = cli.listening("ws");
        QVERIFY(!url.isEmpty());

        SettingsDialog::Values v = w->currentSettings();
        v.network.connectWebSocket = QStringList{url};
        QVERIFY(w->applySettings(v));
        QVERIFY(test::SyncCliNode::waitUntil([&] { return w->syncStatusText().contains("1 peer"); }, 60000));
        QVERIFY(cli.waitEventNamed("peer:connected"));

        v.network.connectWebSocket.clear();
        QVERIFY(w->applySettings(v));
        QVERIFY(cli.waitEventNamed("peer:disconnected"));
        QVERIFY(test::SyncCliNode::waitUntil([&] { return w->syncStatusText().contains("0 peer"); }, 60000));
    }

    /// Private bootstrap nodes in the settings: the space's swarm joins that DHT, and the status bar
    /// goes from "DHT: connecting…" to "DHT: online" (with the mesh peer it syncs with meanwhile).
    void statusBarShowsDhtOnline() {
        quint16 port = 0;
        {
            QUdpSocket probe;  // a free UDP port for the bootstrap node
            QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
            port = probe.localPort();
        }
        QProcess boot;
        boot.start(test::cliPath(), {"bootstrap", "--host", "127.0.0.1", "--port", QString::number(port)});
        QVERIFY(boot.waitForStarted());
        QVERIFY(test::SyncCliNode::waitUntil([&] { return boot.canReadLine(); }, 30000));
        const QString line = QString::fromUtf8(boot.readLine()).trimmed();  // BOOTSTRAP host:port
        QVERIFY2(line.startsWith("BOOTSTRAP "), qPrintable(line));
        const QString key = Database::generateSyncKey();
        QTemporaryDir cliDir;
        test::SyncCliNode cli;
        QVERIFY(cli.startCli(cliDir.path(), key, {"--serve-ws", "127.0.0.1:0"}));
        const QString url = cli.listening("ws");
        QVERIFY(!url.isEmpty());

        spaces::NetworkSettings net;
        net.privateBootstrap = true;
        net.bootstrap = {*spaces::parseBootstrapNode(line.mid(10))};
        net.connectWebSocket << url;
        QVERIFY(net.save(m_dir->path()));
        auto w = window();
        keys::Invite invite{key, QStringLiteral("Private DHT"), true};
        auto id = w->joinSpace(invite);
        QVERIFY2(id, qPrintable(id ? QString() : id.errorMessage()));
        m_space = *id;
        QVERIFY2(
            test::SyncCliNode::waitUntil([&] { return w->syncStatusText().contains("DHT: online"); }, 60000),
            qPrintable(w->syncStatusText()));
        QVERIFY(test::SyncCliNode::waitUntil([&] { return w->syncStatusText().contains("1 peer"); }, 60000));
        cli.stop();
        boot.terminate();
        QVERIFY(boot.waitForFinished(10000));
    }

    /// A CLI peer with the space's key, the window dialling it: peer and record show up.
    void windowSyncsWithCliPeer() {
        const QString key = Database::generateSyncKey();
        QTemporaryDir cliDir;
        test::SyncCliNode cli;
        QVERIFY(cli.startCli(cliDir.path(), key, {"--serve-ws", "127.0.0.1:0"}));
        const QString url = cli.listening("ws");
        QVERIFY2(!url.isEmpty(), cli.stderrText().constData());
        QVERIFY(!cli.put("before", QJsonObject{{"from", "cli"}}).isUndefined());

        spaces::NetworkSettings net;
        net.connectWebSocket << url;
        QVERIFY(net.save(m_dir->path()));
        auto w = window();
        keys::Invite invite{key, QStringLiteral("Shared"), true};
        auto id = w->joinSpace(invite);
        QVERIFY2(id, qPrintable(id ? QString() : id.errorMessage()));
        m_space = *id;
        QCOMPARE(w->currentSpaceId(), *id);

        // The status bar shows the peer, then "in sync".
        QVERIFY(test::SyncCliNode::waitUntil(
            [&] {
                const QString t = w->syncStatusText();
                return t.contains("1 peer") && t.contains("in sync") && !t.contains("not in sync");
            },
            60000));
        // The space's swarm has no DHT to reach: tests never use the public bootstrap nodes
        // (PLURESDB_NO_PUBLIC_DHT) and none are configured.
        QVERIFY(w->syncStatusText().contains("DHT: offline"));

        // What the CLI had and what it writes now appear in the browser.
        RecordsModel* model = w->currentPanel()->recordsModel();
        auto shows = [&](const QString& rid) {
            for (int r = 0; r < model->rowCount(); ++r)
                if (model->idAt(r) == rid)
                    return true;
            return false;
        };
        QVERIFY(test::SyncCliNode::waitUntil([&] { return shows("before"); }, 60000));
        QVERIFY(!cli.put("live", QJsonObject{{"n", 42}}).isUndefined());
        QVERIFY(test::SyncCliNode::waitUntil([&] { return shows("live"); }, 60000));

        // And a write in the app reaches the CLI.
        Database* db = w->currentPanel()->database();
        QVERIFY(db->put("from-app", QJsonObject{{"ok", true}}).result().ok);
        QVERIFY(test::SyncCliNode::waitUntil(
            [&] {
                return cli.command({{"op", "get"}, {"id", "from-app"}}).isObject();
            },
            60000));
        QVERIFY(cli.waitEventNamed("peer:connected"));
    }

private:
    std::unique_ptr<MainWindow> window() {
        auto list = spaces::SpaceList::load(m_dir->path());
        if (!list)
            qFatal("%s", qPrintable(list.errorMessage()));
        auto w = std::make_unique<MainWindow>(std::move(list).value(), m_keys.get());
        w->show();
        return w;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<keys::KeyStore> m_keys;
    QString m_space;
};

QTEST_MAIN(TestSyncWindow)
#include "test_sync_window.moc"
