// The settings page and what it stores: bootstrap nodes and WebSocket URLs are validated with a
// clear error (OK disabled); valid settings persist (network app-wide in the data directory, the
// JSON-peer switch with the space, the language in the per-user file) and are read back through
// core (spaces::NetworkSettings / SpaceSettings) as the sync engine will; choosing a language
// re-translates the open window at once; the window's size, layout and last space are remembered.

#include "core/keys/KeyStore.h"
#include "core/spaces/Settings.h"
#include "ui/dialogs/SettingsDialog.h"
#include "ui/i18n/Language.h"
#include "ui/windows/MainWindow.h"
#include "ui/windows/RecordsPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace pluresdb;
using namespace pluresdb::ui;

class TestSettings : public QObject {
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
        m_created.clear();
    }
    void cleanup() {
        i18n::installLanguage(qApp, QStringLiteral("en"));
        for (const QString& id : m_created)
            (void)m_keys->removeSyncKey(id);
        m_keys.reset();
        m_dir.reset();
    }

    /// host:port and ws:// parsing: good entries pass, each bad one is named in the error.
    void parsing() {
        auto list = spaces::parseBootstrapList("node1.example.org:49737\n 10.0.0.2:1 , localhost:65535\n\n");
        QVERIFY(list);
        QCOMPARE(list->size(), 3);
        QCOMPARE(list->at(1), (spaces::BootstrapNode{"10.0.0.2", 1}));
        for (const char* bad : {"node1.example.org", "host:0", "host:65536", "host:http", ":80",
                                "bad_host!:80", "300.1.1.1:80", "a..b:80"}) {
            auto r = spaces::parseBootstrapList(QString::fromLatin1(bad));
            QVERIFY2(!r, bad);
            QVERIFY2(r.errorMessage().contains(QString::fromLatin1(bad).trimmed()),
                     qPrintable(r.errorMessage()));
        }
        QVERIFY(spaces::parseWebSocketUrls("ws://a.example:8765\nwss://b.example/mesh"));
        auto badUrl = spaces::parseWebSocketUrls("ws://ok.example:1\nhttp://no.example");
        QVERIFY(!badUrl);
        QVERIFY(badUrl.errorMessage().contains("http://no.example"));
        QVERIFY(!spaces::parseWebSocketUrls("ws://"));
    }

    /// The dialog refuses a private DHT without nodes and a bad node or URL, naming it; OK is
    /// disabled until the input is fixed.
    void dialogValidates() {
        SettingsDialog d(SettingsDialog::Values{}, QString());
        auto* ok = d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(d.publicBootstrapButton()->isChecked());
        QVERIFY(ok->isEnabled());
        QVERIFY(!d.legacyCheck()->isEnabled());  // no space selected
        d.privateBootstrapButton()->setChecked(true);
        QVERIFY(!ok->isEnabled());
        QVERIFY(d.errorText().contains("at least one bootstrap node"));
        d.bootstrapEdit()->setPlainText("10.0.0.1:49737\nnot a node");
        QVERIFY(!ok->isEnabled());
        QVERIFY2(d.errorText().contains("not a node"), qPrintable(d.errorText()));
        d.bootstrapEdit()->setPlainText("10.0.0.1:49737");
        QVERIFY(ok->isEnabled());
        d.connectEdit()->setPlainText("ftp://x");
        QVERIFY(!ok->isEnabled());
        QVERIFY(d.errorText().contains("ftp://x"));
        d.connectEdit()->setPlainText("wss://relay.example:8765");
        QVERIFY(ok->isEnabled());
        auto v = d.values();
        QVERIFY(v);
        QVERIFY(v->network.privateBootstrap);
        QCOMPARE(v->network.bootstrap, (QList<spaces::BootstrapNode>{{"10.0.0.1", 49737}}));
        QCOMPARE(v->network.connectWebSocket, QStringList{"wss://relay.example:8765"});
    }

    /// The error for a bad entry is in the user's language and names the entry.
    void errorsAreTranslated() {
        QVERIFY(i18n::installLanguage(qApp, QStringLiteral("de")));
        SettingsDialog d(SettingsDialog::Values{}, QString());
        d.privateBootstrapButton()->setChecked(true);
        d.bootstrapEdit()->setPlainText("host:99999");
        const QString expected = QCoreApplication::translate(
                                     "pluresdb::ui::SettingsDialog",
                                     "\"%1\" is not a bootstrap node: write host:port, e.g. "
                                     "node1.example.org:49737 (a host name or IPv4 address, and a port from "
                                     "1 to 65535).")
                                     .arg("host:99999");
        QVERIFY(!expected.startsWith("\"host:99999\" is not"));  // German, not the English source
        QCOMPARE(d.errorText(), expected);
        d.bootstrapEdit()->setPlainText("host:1");
        d.connectEdit()->setPlainText("http://x");
        QVERIFY(d.errorText().contains("http://x"));
        QVERIFY(!d.errorText().contains("is not a WebSocket"));
    }

    /// Applied settings are stored and read back by core; the JSON-peer switch is per space.
    void persistsThroughCore() {
        QString a, b;
        {
            auto w = window();
            a = *w->createSpace("Alpha");
            b = *w->createSpace("Beta");
            m_created << a << b;
            w->selectSpace(a);
            SettingsDialog::Values v = w->currentSettings();
            QVERIFY(v.space && !v.space->allowLegacyJsonPeers);
            v.network.privateBootstrap = true;
            v.network.bootstrap = {{"127.0.0.1", 49737}, {"dht.example.org", 10001}};
            v.network.serveWebSocket = true;
            v.network.wsPort = 8765;
            v.network.connectWebSocket = {"ws://127.0.0.1:9000"};
            v.space = spaces::SpaceSettings{true};
            v.language = QString();
            QVERIFY(w->applySettings(v));
        }
        QString problems;
        const auto net = spaces::NetworkSettings::load(m_dir->path(), &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QVERIFY(net.privateBootstrap);
        QCOMPARE(net.bootstrap.size(), 2);
        QCOMPARE(net.bootstrap.at(1).toString(), QString("dht.example.org:10001"));
        QVERIFY(net.serveWebSocket);
        QCOMPARE(net.wsPort, quint16(8765));
        QCOMPARE(net.connectWebSocket, QStringList{"ws://127.0.0.1:9000"});
        auto w = window();
        QVERIFY(spaces::SpaceSettings::load(w->spaceList()->databaseDir(a)).allowLegacyJsonPeers);
        QVERIFY(!spaces::SpaceSettings::load(w->spaceList()->databaseDir(b)).allowLegacyJsonPeers);
        w->selectSpace(b);
        QVERIFY(!w->currentSettings().space->allowLegacyJsonPeers);
        w->selectSpace(a);
        QVERIFY(w->currentSettings().space->allowLegacyJsonPeers);
    }

    /// A hand-edited file with bad entries falls back to defaults and says what was wrong.
    void damagedFileGivesDefaults() {
        {
            QSettings ini(QDir(m_dir->path()).filePath("desktop.ini"), QSettings::IniFormat);
            ini.setValue("network/bootstrap", "private");
            ini.setValue("network/bootstrapNodes", QStringList{"nonsense"});
            ini.setValue("network/wsServe", true);
            ini.setValue("network/wsPort", 99999);
        }
        QString problems;
        const auto net = spaces::NetworkSettings::load(m_dir->path(), &problems);
        QVERIFY(!net.privateBootstrap);
        QVERIFY(!net.serveWebSocket);
        QVERIFY(problems.contains("nonsense"));
    }

    /// Choosing a language re-translates the open window at once: menus, the data browser, the
    /// status bar; going back to English restores it. The choice is stored in the per-user file.
    void languageChangesLive() {
        auto w = window();
        m_created << *w->createSpace("Gamma");
        w->show();
        QMenu* recordMenu = w->menuBar()->actions().at(1)->menu();
        QCOMPARE(recordMenu->title(), QString("&Record"));
        // Tests cannot reach a DHT (PLURESDB_NO_PUBLIC_DHT): the space's sync says "offline".
        QVERIFY2(w->syncStatusText().startsWith("DHT: offline"), qPrintable(w->syncStatusText()));
        QCOMPARE(w->currentPanel()->tabs()->tabText(0), QString("Edit"));

        SettingsDialog::Values v = w->currentSettings();
        v.language = QStringLiteral("de");
        QVERIFY(w->applySettings(v));
        const QString deRecord = QCoreApplication::translate("pluresdb::ui::MainWindow", "&Record");
        QVERIFY(deRecord != QLatin1String("&Record"));
        QTRY_COMPARE_WITH_TIMEOUT(recordMenu->title(), deRecord, 30000);
        const QString dePeers = QCoreApplication::translate("pluresdb::ui::MainWindow", "%n peer(s)", nullptr, 0);
        QVERIFY(!dePeers.contains(QLatin1String("peer")));
        QVERIFY2(w->syncStatusText().contains(dePeers), qPrintable(w->syncStatusText()));
        QCOMPARE(w->currentPanel()->tabs()->tabText(0),
                 QCoreApplication::translate("pluresdb::ui::RecordsPanel", "Edit"));
        QVERIFY(w->currentPanel()->tabs()->tabText(0) != QLatin1String("Edit"));
        QCOMPARE(QSettings(m_userSettings, QSettings::IniFormat).value(i18n::kLanguageSetting).toString(),
                 QString("de"));

        v.language = QStringLiteral("en");
        QVERIFY(w->applySettings(v));
        QTRY_COMPARE_WITH_TIMEOUT(recordMenu->title(), QString("&Record"), 30000);
        QVERIFY2(w->syncStatusText().startsWith("DHT: offline"), qPrintable(w->syncStatusText()));
    }

    /// The settings action is in the menu with its shortcut.
    void reachableByMenuAndShortcut() {
        auto w = window();
        QAction* settings = nullptr;
        for (QAction* a : w->menuBar()->actions().at(0)->menu()->actions())
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Comma))
                settings = a;
        QVERIFY(settings);
        QVERIFY(settings->text().contains("Settings") || settings->text().contains("Se&ttings"));
    }

    /// Size, the sidebar/browser split and the last space come back after a restart.
    void windowStateRemembered() {
        QString b;
        QList<int> sizes;
        {
            auto w = window();
            m_created << *w->createSpace("One");
            b = *w->createSpace("Two");
            m_created << b;
            w->show();
            w->resize(870, 560);
            auto* splitter = qobject_cast<QSplitter*>(w->centralWidget());
            QVERIFY(splitter);
            splitter->setSizes({260, 600});
            sizes = splitter->sizes();
            w->selectSpace(b);
            QTest::qWait(50);
        }
        auto w = window();
        w->show();
        QCOMPARE(w->size(), QSize(870, 560));
        QCOMPARE(qobject_cast<QSplitter*>(w->centralWidget())->sizes(), sizes);
        QCOMPARE(w->currentSpaceId(), b);
    }

private:
    std::unique_ptr<MainWindow> window() {
        auto spaces = spaces::SpaceList::load(m_dir->path());
        if (!spaces)
            qFatal("%s", qPrintable(spaces.errorMessage()));
        auto w = std::make_unique<MainWindow>(std::move(spaces).value(), m_keys.get());
        m_userSettings = QDir(m_dir->path()).filePath("user.ini");
        w->setUserSettingsPath(m_userSettings);
        return w;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<keys::KeyStore> m_keys;
    QStringList m_created;
    QString m_userSettings;
};

QTEST_MAIN(TestSettings)
#include "test_settings.moc"
