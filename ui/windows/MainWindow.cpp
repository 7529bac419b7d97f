#include "ui/windows/MainWindow.h"

#include "core/keys/KeyStore.h"
#include "core/keys/SyncKey.h"
#include "core/spaces/Settings.h"
#include "ui/dialogs/AboutBox.h"
#include "ui/dialogs/JoinDialog.h"
#include "ui/dialogs/SettingsDialog.h"
#include "ui/dialogs/ShareDialog.h"
#include "ui/i18n/Language.h"
#include "ui/windows/RecordsPanel.h"
#include "ui/windows/SyncTray.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace pluresdb::ui {

namespace {
constexpr int kSpaceIdRole = Qt::UserRole + 1;
}

MainWindow::MainWindow(Database* db, QWidget* parent) : QMainWindow(parent) {
    m_stack = new QStackedWidget;
    setCentralWidget(m_stack);
    m_summary = new QLabel;
    createSyncStatusLabel();
    statusBar()->addPermanentWidget(m_summary);
    addPanel(QString(), db);
    m_currentSpace.clear();
    m_stack->setCurrentWidget(m_panels.at(QString()));
    buildMenus(false);
    updateStatus();
    updateTitle();
    resize(1000, 640);
}

MainWindow::MainWindow(spaces::SpaceList spaces, keys::KeyStore* keyStore, QWidget* parent)
    : QMainWindow(parent), m_spaces(std::move(spaces)), m_keyStore(keyStore) {
    m_userSettingsPath = i18n::userSettingsPath();
    m_sidebar = new QListWidget;
    m_sidebar->setMinimumWidth(160);
    m_stack = new QStackedWidget;

    // Shown when there is no space yet: the two ways in.
    m_emptyPage = new QWidget;
    auto* emptyLayout = new QVBoxLayout(m_emptyPage);
    auto* hello = new QLabel;
    hello->setWordWrap(true);
    hello->setAlignment(Qt::AlignCenter);
    auto* createButton = new QPushButton;
    auto* joinButton = new QPushButton;
    addText([=] {
        hello->setText(
            tr("<h2>No spaces yet</h2><p>A space is a set of data shared by everyone who "
               "has its key. Create one, or join one with an invite from a colleague.</p>"));
        createButton->setText(tr("Create a space…"));
        joinButton->setText(tr("Join a space…"));
    });
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(createButton);
    buttons->addWidget(joinButton);
    buttons->addStretch();
    emptyLayout->addStretch();
    emptyLayout->addWidget(hello);
    emptyLayout->addLayout(buttons);
    emptyLayout->addStretch();
    m_stack->addWidget(m_emptyPage);
    connect(createButton, &QPushButton::clicked, this, &MainWindow::createSpaceInteractive);
    connect(joinButton, &QPushButton::clicked, this, [this] { joinSpaceInteractive(); });

    auto* splitter = new QSplitter;
    splitter->addWidget(m_sidebar);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 800});
    setCentralWidget(splitter);

    m_summary = new QLabel;
    m_keysLabel = new QLabel;
    createSyncStatusLabel();
    statusBar()->addPermanentWidget(m_keysLabel);
    statusBar()->addPermanentWidget(m_summary);
    addText([this] {
        if (m_keyStore && m_keyStore->usingFallback()) {
            m_keysLabel->setText(tr("Keys: encrypted file"));
            m_keysLabel->setToolTip(m_keyStore->fallbackReason());
        } else {
            m_keysLabel->setText(tr("Keys: system keychain"));
        }
    });

    connect(m_sidebar, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            selectSpace(item->data(kSpaceIdRole).toString());
    });
    buildMenus(true);
    refreshSidebar();

    // Remember the window and the last space.
    QSettings settings(QDir(m_spaces->dataRoot()).filePath(QStringLiteral("desktop.ini")),
                       QSettings::IniFormat);
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1100, 680);
    splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    const QString last = settings.value(QStringLiteral("spaces/last")).toString();
    if (m_spaces->find(last))
        selectSpace(last);
    else if (!m_spaces->spaces().empty())
        selectSpace(m_spaces->spaces().front().id);
    else
        m_stack->setCurrentWidget(m_emptyPage);
    m_splitterState = [splitter] { return splitter->saveState(); };
    updateStatus();
    updateTitle();
}

MainWindow::~MainWindow() {
    if (m_spaces) {
        QSettings settings(QDir(m_spaces->dataRoot()).filePath(QStringLiteral("desktop.ini")),
                           QSettings::IniFormat);
        settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
        if (m_splitterState)
            settings.setValue(QStringLiteral("window/splitter"), m_splitterState());
        settings.setValue(QStringLiteral("spaces/last"), m_currentSpace);
    }
    // Panels and monitor windows use the databases: delete them first.
    for (auto& [id, w] : m_monitors)
        delete w.data();
    m_monitors.clear();
    for (auto& [id, panel] : m_panels)
        delete panel;
    m_panels.clear();
}

void MainWindow::buildMenus(bool withSpaces) {
    // Every text is set by a closure that runs again when the language changes (retranslateUi).
    if (withSpaces) {
        auto* spaceMenu = menuBar()->addMenu(QString());
        auto* create = spaceMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this,
                                            &MainWindow::createSpaceInteractive);
        auto* join = spaceMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_J), this,
                                          [this] { joinSpaceInteractive(); });
        auto* share = spaceMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                                           &MainWindow::shareCurrentSpace);
        auto* rename =
            spaceMenu->addAction(QString(), QKeySequence(Qt::Key_F2), this, &MainWindow::renameCurrentSpace);
        auto* leave = spaceMenu->addAction(QString(), this, &MainWindow::leaveCurrentSpace);
        spaceMenu->addSeparator();
        m_settingsAction = spaceMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_Comma), this,
                                                &MainWindow::openSettings);
        m_settingsAction->setMenuRole(QAction::PreferencesRole);
        spaceMenu->addSeparator();
        auto* quit = spaceMenu->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);
        addText([=, this] {
            spaceMenu->setTitle(tr("&Space"));
            create->setText(tr("&Create space…"));
            join->setText(tr("&Join space…"));
            share->setText(tr("S&hare space…"));
            rename->setText(tr("&Rename space…"));
            leave->setText(tr("&Leave space…"));
            m_settingsAction->setText(tr("Se&ttings…"));
            quit->setText(tr("&Quit"));
        });
    }
    auto* recordMenu = menuBar()->addMenu(QString());
    auto* newAction = recordMenu->addAction(QString(), QKeySequence::New, this, [this] {
        if (auto* p = currentPanel())
            p->newRecord();
    });
    auto* save = recordMenu->addAction(QString(), QKeySequence::Save, this, [this] {
        if (auto* p = currentPanel())
            p->saveRecord();
    });
    auto* remove = recordMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_Delete), this, [this] {
        if (auto* p = currentPanel())
            p->deleteRecord();
    });
    auto* find = recordMenu->addAction(QString(), QKeySequence::Find, this, [this] {
        if (auto* p = currentPanel())
            p->focusFilter();
    });
    QAction* quit = nullptr;
    if (!withSpaces) {
        recordMenu->addSeparator();
        quit = recordMenu->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);
    }
    auto* viewMenu = menuBar()->addMenu(QString());
    auto* peers = viewMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_1), this,
                                      [this] { openSyncMonitor(SyncMonitorWindow::View::Peers); });
    auto* traffic = viewMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_2), this,
                                        [this] { openSyncMonitor(SyncMonitorWindow::View::Traffic); });
    auto* debugger = viewMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_3), this,
                                         [this] { openSyncMonitor(SyncMonitorWindow::View::Debugger); });
    viewMenu->addSeparator();
    auto* notifications = viewMenu->addAction(QString());
    notifications->setCheckable(true);
    {
        const QSettings user(i18n::userSettingsPath(), QSettings::IniFormat);
        notifications->setChecked(user.value(QStringLiteral("tray/notifications"), true).toBool());
        tray()->setNotificationsEnabled(notifications->isChecked());
    }
    connect(notifications, &QAction::toggled, this, [this](bool on) {
        tray()->setNotificationsEnabled(on);
        QSettings user(m_userSettingsPath.isEmpty() ? i18n::userSettingsPath() : m_userSettingsPath,
                       QSettings::IniFormat);
        user.setValue(QStringLiteral("tray/notifications"), on);
    });
    addText([=] {
        viewMenu->setTitle(tr("&View"));
        peers->setText(tr("&Peers"));
        traffic->setText(tr("&Traffic"));
        debugger->setText(tr("Sync &debugger"));
        notifications->setText(tr("&Notifications"));
        notifications->setToolTip(tr("Notify when peers join or leave and on sync errors"));
    });
    addText([=] {
        recordMenu->setTitle(tr("&Record"));
        newAction->setText(tr("&New"));
        save->setText(tr("&Save"));
        remove->setText(tr("&Delete"));
        find->setText(tr("&Find"));
        if (quit)
            quit->setText(tr("&Quit"));
    });
    auto* helpMenu = menuBar()->addMenu(QString());
    auto* about = helpMenu->addAction(QString(), this, [this] { makeAboutBox(this)->open(); });
    about->setMenuRole(QAction::AboutRole);
    auto* aboutQt = helpMenu->addAction(QString(), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
    addText([=] {
        helpMenu->setTitle(tr("&Help"));
        about->setText(tr("&About PluresDB Desktop"));
        aboutQt->setText(tr("About &Qt"));
    });
}

void MainWindow::addText(std::function<void()> setTexts) {
    setTexts();
    m_retranslate.push_back(std::move(setTexts));
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        for (const auto& f : m_retranslate)
            f();
        if (m_sidebar)
            refreshSidebar();
        updateTitle();
        updateStatus();
        updateSyncStatus();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::updateTitle() {
    const auto space = m_spaces ? m_spaces->find(m_currentSpace) : std::nullopt;
    setWindowTitle(space ? tr("%1 — PluresDB Desktop").arg(space->name) : tr("PluresDB Desktop"));
}

void MainWindow::createSyncStatusLabel() {
    m_ownSyncStatus = std::make_unique<SyncStatus>();
    m_syncLabel = new QLabel;
    statusBar()->addPermanentWidget(m_syncLabel);
    setSyncStatus(m_ownSyncStatus.get());
}

void MainWindow::setSyncStatus(SyncStatus* status) {
    if (m_syncStatus)
        disconnect(m_syncStatus, nullptr, this, nullptr);
    m_syncStatus = status ? status : m_ownSyncStatus.get();
    connect(m_syncStatus, &SyncStatus::changed, this, &MainWindow::updateSyncStatus);
    updateSyncStatus();
}

QString MainWindow::syncStatusText() const {
    return m_syncLabel->text();
}

void MainWindow::updateSyncStatus() {
    if (!m_syncLabel || !m_syncStatus)
        return;
    QString text;
    QString tip;
    switch (m_syncStatus->dhtState()) {
        case SyncStatus::DhtState::Stopped:
            m_syncLabel->setText(tr("Sync not running"));
            m_syncLabel->setToolTip(tr("No sync engine is running: changes stay on this device."));
            return;
        case SyncStatus::DhtState::Bootstrapping:
            text = tr("DHT: connecting…");
            tip = tr("Contacting the DHT bootstrap nodes.");
            break;
        case SyncStatus::DhtState::Online:
            text = tr("DHT: online");
            tip = tr("This device is in the DHT: it can find peers and be found.");
            break;
        case SyncStatus::DhtState::Offline:
            text = tr("DHT: offline");
            tip = tr("The DHT cannot be reached: check the network and the bootstrap nodes in the settings.");
            break;
    }
    const SyncStatus::Space space = m_syncStatus->space(m_currentSpace);
    QStringList parts{text};
    if (!space.enabled) {
        parts << tr("sync off for this space");
    } else {
        parts << tr("%n peer(s)", nullptr, space.peers);
        if (space.peers > 0)
            parts << (space.inSync ? tr("in sync") : tr("not in sync yet"));
    }
    m_syncLabel->setText(parts.join(QStringLiteral("  ·  ")));
    m_syncLabel->setToolTip(tip);
    tray()->setStatus(m_syncLabel->text(), space.enabled && space.peers > 0 && space.inSync);
}

SyncTray* MainWindow::tray() {
    if (!m_tray)
        m_tray = std::make_unique<SyncTray>(this);
    return m_tray.get();
}

SyncMonitorWindow* MainWindow::openSyncMonitor(SyncMonitorWindow::View view) {
    RecordsPanel* panel = currentPanel();
    if (!panel)
        return nullptr;
    QPointer<SyncMonitorWindow>& w = m_monitors[m_currentSpace];
    if (!w) {
        w = new SyncMonitorWindow(panel->database(), this);
        w->setAttribute(Qt::WA_DeleteOnClose);
        const auto space = m_spaces ? m_spaces->find(m_currentSpace) : std::nullopt;
        if (space)
            w->setWindowTitle(tr("%1 — sync monitor").arg(space->name));
    }
    w->showView(view);
    w->show();
    w->raise();
    w->activateWindow();
    return w;
}

Result<void> MainWindow::applySettings(const SettingsDialog::Values& values) {
    if (!m_spaces)
        return makeError(tr("spaces are not available in this window"));
    if (auto r = values.network.save(m_spaces->dataRoot()); !r)
        return r;
    if (values.space && m_spaces->find(m_currentSpace)) {
        if (auto r = values.space->save(m_spaces->databaseDir(m_currentSpace)); !r)
            return r;
    }
    QSettings user(m_userSettingsPath, QSettings::IniFormat);
    user.setValue(QLatin1String(i18n::kLanguageSetting), values.language);
    user.sync();
    // Installing the catalogues sends LanguageChange to every widget: open windows re-translate.
    i18n::installLanguage(qApp, i18n::chooseLanguage(values.language, QLocale::system().uiLanguages()));
    // The open spaces sync with the new network settings. All stop first, so that the WebSocket
    // port they share (core/sync/WebSocketHub.h) is free to move to a new number.
    QStringList ids;
    for (const auto& [id, db] : m_databases)
        ids << id;
    for (const auto& id : ids)
        if (auto it = m_databases.find(id); it != m_databases.end())
            it->second->disableSync();
    for (const auto& id : ids)
        startSync(id);
    return {};
}

SettingsDialog::Values MainWindow::currentSettings(QString* problems) const {
    SettingsDialog::Values v;
    if (!m_spaces)
        return v;
    v.network = spaces::NetworkSettings::load(m_spaces->dataRoot(), problems);
    if (m_spaces->find(m_currentSpace))
        v.space = spaces::SpaceSettings::load(m_spaces->databaseDir(m_currentSpace));
    v.language = QSettings(m_userSettingsPath, QSettings::IniFormat)
                     .value(QLatin1String(i18n::kLanguageSetting))
                     .toString();
    return v;
}

void MainWindow::openSettings() {
    if (!m_spaces)
        return;
    QString problems;
    const SettingsDialog::Values values = currentSettings(&problems);
    if (!problems.isEmpty())
        statusBar()->showMessage(tr("Some saved settings were not valid and were reset: %1").arg(problems),
                                 10000);
    const auto space = m_spaces->find(m_currentSpace);
    SettingsDialog dialog(values, space ? space->name : QString(), this);
    connect(&dialog, &SettingsDialog::applied, this, [this](const SettingsDialog::Values& v) {
        if (auto r = applySettings(v); !r)
            showError(tr("Cannot save the settings"), r.errorMessage());
    });
    dialog.exec();
}

RecordsPanel* MainWindow::currentPanel() const {
    auto it = m_panels.find(m_currentSpace);
    return it == m_panels.end() ? nullptr : it->second;
}

void MainWindow::addPanel(const QString& key, Database* db) {
    auto* panel = new RecordsPanel(db);
    m_panels[key] = panel;
    m_stack->addWidget(panel);
    connect(panel, &RecordsPanel::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(panel, &RecordsPanel::summaryChanged, this, &MainWindow::updateStatus);
    const auto space = m_spaces ? m_spaces->find(key) : std::nullopt;
    tray()->watch(db, space ? space->name : tr("this database"));
}

Database* MainWindow::openSpaceDatabase(const QString& id, QString* error) {
    if (auto it = m_databases.find(id); it != m_databases.end())
        return it->second.get();
    auto db = Database::open(m_spaces->databaseDir(id));
    if (!db) {
        *error = db.errorMessage();
        return nullptr;
    }
    Database* raw = db->get();
    m_databases[id] = std::move(db).value();
    raw->reportSyncStatusTo(m_syncStatus, id);
    connect(raw, &Database::error, this, [this](const QString& peer, const QString& message) {
        statusBar()->showMessage(
            peer.isEmpty() ? tr("Sync: %1").arg(message) : tr("Sync with %1: %2").arg(peer.left(16), message),
            15000);
    });
    connect(raw, &Database::syncSummaryChanged, this, &MainWindow::updateDhtState);
    startSync(id);
    return raw;
}

void MainWindow::startSync(const QString& id) {
    auto it = m_databases.find(id);
    if (it == m_databases.end() || !m_spaces || !m_keyStore)
        return;
    Database* db = it->second.get();
    db->disableSync();
    const spaces::NetworkSettings net = spaces::NetworkSettings::load(m_spaces->dataRoot());
    // Every space with a key syncs: its swarm finds the other devices through the DHT (the public
    // Hyperswarm bootstrap nodes, or the private ones in the settings), and the WebSocket mesh runs
    // beside it when the settings name one.
    auto key = m_keyStore->syncKey(id);
    if (!key || !key->has_value()) {
        statusBar()->showMessage(tr("Sync is off for this space: %1")
                                     .arg(key ? tr("its key is not in the keychain") : key.errorMessage()),
                                 15000);
        updateDhtState();
        return;
    }
    SyncOptions o;
    o.key = **key;
    o.useSwarm = true;
    for (const auto& b : net.bootstrap)
        if (net.privateBootstrap)
            o.bootstrap << b.toString();
    o.legacyJson = spaces::SpaceSettings::load(m_spaces->databaseDir(id)).allowLegacyJsonPeers;
    o.connectWs = net.connectWebSocket;
    // One port for the app, served for every space: each client goes to the space whose key it
    // proves (core/sync/WebSocketHub.h).
    const bool serve = net.serveWebSocket;
    if (serve)
        o.serveWsPort = net.wsPort;
    auto r = db->enableSync(o);
    if (!r && serve) {  // e.g. the port is taken: say so, and sync through the swarm and dialling alone
        statusBar()->showMessage(tr("Sync: %1").arg(r.errorMessage()), 15000);
        o.serveWsPort.reset();
        r = db->enableSync(o);
    }
    if (!r)
        statusBar()->showMessage(tr("Sync cannot start: %1").arg(r.errorMessage()), 15000);
    updateDhtState();
}

void MainWindow::updateDhtState() {
    if (!m_syncStatus)
        return;
    // The best state of the syncing spaces' DHTs: online if any is, else connecting if any is.
    bool any = false, online = false, bootstrapping = false;
    for (const auto& [id, db] : m_databases) {
        if (!db->isSyncEnabled())
            continue;
        any = true;
        const SyncSummary::Dht d = db->syncSummary().dht;
        online = online || d == SyncSummary::Dht::Online;
        bootstrapping = bootstrapping || d == SyncSummary::Dht::Bootstrapping;
    }
    m_syncStatus->setDhtState(!any            ? SyncStatus::DhtState::Stopped
                              : online        ? SyncStatus::DhtState::Online
                              : bootstrapping ? SyncStatus::DhtState::Bootstrapping
                                              : SyncStatus::DhtState::Offline);
}

void MainWindow::selectSpace(const QString& id) {
    if (!m_spaces)
        return;
    const auto space = m_spaces->find(id);
    if (!space)
        return;
    if (!m_panels.count(id)) {
        QString error;
        Database* db = openSpaceDatabase(id, &error);
        if (!db) {
            showError(tr("Cannot open the space"), tr("%1: %2").arg(space->name, error));
            return;
        }
        addPanel(id, db);
    }
    m_currentSpace = id;
    m_stack->setCurrentWidget(m_panels.at(id));
    for (int i = 0; i < m_sidebar->count(); ++i) {
        if (m_sidebar->item(i)->data(kSpaceIdRole).toString() == id && m_sidebar->currentRow() != i) {
            m_sidebar->setCurrentRow(i);
        }
    }
    updateTitle();
    updateStatus();
    updateSyncStatus();
    emit currentSpaceChanged(id);
}

void MainWindow::refreshSidebar() {
    const QSignalBlocker block(m_sidebar);
    m_sidebar->clear();
    for (const auto& s : m_spaces->spaces()) {
        auto* item = new QListWidgetItem(s.name);
        item->setData(kSpaceIdRole, s.id);
        item->setToolTip(tr("Topic %1…").arg(s.topicHex.left(16)));
        m_sidebar->addItem(item);
        if (s.id == m_currentSpace)
            m_sidebar->setCurrentItem(item);
    }
}

void MainWindow::updateStatus() {
    auto* panel = currentPanel();
    m_summary->setText(panel ? panel->summary() : QString());
}

void MainWindow::showError(const QString& title, const QString& message) {
    statusBar()->showMessage(message, 10000);
    if (isVisible() && !qEnvironmentVariableIsSet("PLURESDB_NO_MODAL_ERRORS")) {
        QMessageBox::warning(this, title, message);
    }
}

Result<QString> MainWindow::createSpace(const QString& name) {
    return joinSpace(keys::Invite{keys::generateSyncKey(), name, false});
}

Result<QString> MainWindow::joinSpace(const keys::Invite& invite) {
    if (!m_spaces || !m_keyStore)
        return makeError(tr("spaces are not available in this window"));
    auto key = keys::normaliseSyncKey(invite.key);
    if (!key)
        return key.error();
    auto space = m_spaces->add(invite.name, *key);
    if (!space)
        return space.error();
    // The key goes to the keychain; if that fails the space is not kept (it would be unusable).
    if (auto r = m_keyStore->storeSyncKey(space->id, *key); !r) {
        (void)m_spaces->remove(space->id);
        return makeError(tr("cannot store the space's key: %1").arg(r.errorMessage()));
    }
    refreshSidebar();
    selectSpace(space->id);
    return space->id;
}

Result<void> MainWindow::renameSpace(const QString& id, const QString& name) {
    if (!m_spaces)
        return makeError(tr("spaces are not available in this window"));
    auto r = m_spaces->rename(id, name);
    if (!r)
        return r;
    refreshSidebar();
    if (id == m_currentSpace)
        selectSpace(id);
    return {};
}

Result<void> MainWindow::leaveSpace(const QString& id, bool removeLocalData) {
    if (!m_spaces || !m_keyStore)
        return makeError(tr("spaces are not available in this window"));
    if (!m_spaces->find(id))
        return makeError(tr("no such space"));
    if (auto it = m_panels.find(id); it != m_panels.end()) {
        m_stack->removeWidget(it->second);
        delete it->second;
        m_panels.erase(it);
    }
    m_databases.erase(id);  // closes the database (its queued writes finish first) and its sync
    updateDhtState();
    if (auto r = m_keyStore->removeSyncKey(id); !r)
        return makeError(tr("cannot remove the space's key: %1").arg(r.errorMessage()));
    const QString dir = m_spaces->databaseDir(id);
    if (auto r = m_spaces->remove(id); !r)
        return r;
    if (removeLocalData)
        QDir(dir).removeRecursively();
    if (m_currentSpace == id)
        m_currentSpace.clear();
    refreshSidebar();
    if (!m_spaces->spaces().empty())
        selectSpace(m_spaces->spaces().front().id);
    else {
        m_stack->setCurrentWidget(m_emptyPage);
        updateTitle();
        updateStatus();
        updateSyncStatus();
    }
    return {};
}

Result<keys::Invite> MainWindow::inviteFor(const QString& id) {
    if (!m_spaces || !m_keyStore)
        return makeError(tr("spaces are not available in this window"));
    const auto space = m_spaces->find(id);
    if (!space)
        return makeError(tr("no such space"));
    auto key = m_keyStore->syncKey(id);
    if (!key)
        return key.error();
    if (!key->has_value())
        return makeError(tr("the key of \"%1\" is not in the keychain").arg(space->name));
    return keys::Invite{**key, space->name, true};
}

void MainWindow::createSpaceInteractive() {
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Create a space"), tr("Name of the new space:"),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    if (auto r = createSpace(name); !r)
        showError(tr("Cannot create the space"), r.errorMessage());
}

void MainWindow::joinSpaceInteractive(const QString& inviteText) {
    JoinDialog dialog(this);
    if (!inviteText.isEmpty())
        dialog.setInviteText(inviteText);
    if (dialog.exec() != QDialog::Accepted || !dialog.isValid())
        return;
    if (auto r = joinSpace(dialog.invite()); !r)
        showError(tr("Cannot join the space"), r.errorMessage());
}

void MainWindow::shareCurrentSpace() {
    if (m_currentSpace.isEmpty())
        return;
    auto invite = inviteFor(m_currentSpace);
    if (!invite) {
        showError(tr("Cannot share the space"), invite.errorMessage());
        return;
    }
    ShareDialog dialog(*invite, nullptr, this);
    dialog.exec();
}

void MainWindow::renameCurrentSpace() {
    const auto space = m_spaces ? m_spaces->find(m_currentSpace) : std::nullopt;
    if (!space)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename the space"), tr("New name:"),
                                               QLineEdit::Normal, space->name, &ok);
    if (!ok)
        return;
    if (auto r = renameSpace(space->id, name); !r)
        showError(tr("Cannot rename the space"), r.errorMessage());
}

void MainWindow::leaveCurrentSpace() {
    const auto space = m_spaces ? m_spaces->find(m_currentSpace) : std::nullopt;
    if (!space)
        return;
    QMessageBox box(QMessageBox::Warning, tr("Leave the space"),
                    tr("Leave \"%1\"? This device forgets the space's key and stops syncing it. "
                       "To come back you need a new invite.")
                        .arg(space->name),
                    QMessageBox::Cancel, this);
    auto* leave = box.addButton(tr("Leave"), QMessageBox::DestructiveRole);
    auto* removeData = new QCheckBox(tr("Also delete this space's data from this device"));
    box.setCheckBox(removeData);
    box.exec();
    if (box.clickedButton() != leave)
        return;
    if (auto r = leaveSpace(space->id, removeData->isChecked()); !r)
        showError(tr("Cannot leave the space"), r.errorMessage());
}

}  // namespace pluresdb::ui
