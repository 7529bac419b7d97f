#pragma once

// The main window: a sidebar of the spaces this device belongs to, the selected space's data
// browser in the centre, and a status bar. Create a space (new key), join one (invite text, a
// pluresdb:// link or a QR picture), share it (QR code and invite text), rename it or leave it.
// Sync keys go to the keychain (keys::KeyStore), never to a plain file.
//
// A second mode shows one database without spaces (`pluresdb-desktop --db DIR`), for databases
// made with pluresdb-cli.

#include "core/api/Database.h"
#include "core/api/SyncStatus.h"
#include "core/keys/Invite.h"
#include "core/spaces/SpaceList.h"
#include "ui/dialogs/SettingsDialog.h"
#include "ui/windows/SyncMonitorWindow.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace pluresdb::keys {
class KeyStore;
}

namespace pluresdb::ui {

class RecordsPanel;
class SyncTray;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // One database, no spaces.
    explicit MainWindow(Database* db, QWidget* parent = nullptr);
    // The spaces under the list's data directory; keys in `keyStore` (which must be ready: probed,
    // and unlocked if it uses the encrypted file).
    MainWindow(spaces::SpaceList spaces, keys::KeyStore* keyStore, QWidget* parent = nullptr);
    ~MainWindow() override;

    RecordsPanel* currentPanel() const;
    QString currentSpaceId() const { return m_currentSpace; }
    QListWidget* spaceListWidget() const { return m_sidebar; }
    const spaces::SpaceList* spaceList() const { return m_spaces ? &*m_spaces : nullptr; }

    // The actions, without dialogs (the menu and tests call these); errors come back as values.
    Result<QString> createSpace(const QString& name);
    Result<QString> joinSpace(const keys::Invite& invite);
    Result<void> renameSpace(const QString& id, const QString& name);
    Result<void> leaveSpace(const QString& id, bool removeLocalData);
    Result<keys::Invite> inviteFor(const QString& id);
    // Stores the settings (network: the data directory; the space's: with the space; the language:
    // the per-user file) and applies the language at once.
    Result<void> applySettings(const SettingsDialog::Values& values);
    SettingsDialog::Values currentSettings(QString* problems = nullptr) const;
    // Where the language choice is stored (tests point it into a temporary directory).
    void setUserSettingsPath(const QString& path) { m_userSettingsPath = path; }

    // The sync state the status bar shows; the sync engine feeds it. Null: the window's own, which
    // says "Sync not running".
    void setSyncStatus(SyncStatus* status);
    SyncStatus* syncStatus() const { return m_syncStatus; }
    QString syncStatusText() const;

    // The current space's peers, traffic and sync debugger (one window per space, kept open).
    SyncMonitorWindow* openSyncMonitor(SyncMonitorWindow::View view);
    SyncTray* tray();  // the tray icon (or, without a system tray, its status and notifications)

public slots:
    void selectSpace(const QString& id);
    void createSpaceInteractive();
    void joinSpaceInteractive(const QString& inviteText = {});
    void shareCurrentSpace();
    void renameCurrentSpace();
    void leaveCurrentSpace();
    void openSettings();

signals:
    void currentSpaceChanged(const QString& id);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildMenus(bool withSpaces);
    void addText(std::function<void()> setTexts);  // runs now and on every language change
    void updateTitle();
    void createSyncStatusLabel();
    void updateSyncStatus();
    void addPanel(const QString& key, Database* db);
    void refreshSidebar();
    void updateStatus();
    void showError(const QString& title, const QString& message);
    Database* openSpaceDatabase(const QString& id, QString* error);
    // Starts (or restarts, or stops) the space's sync from the network settings and its key.
    void startSync(const QString& id);
    void updateDhtState();

    std::optional<spaces::SpaceList> m_spaces;
    keys::KeyStore* m_keyStore = nullptr;
    std::map<QString, std::unique_ptr<Database>> m_databases;  // open spaces, by id
    std::map<QString, RecordsPanel*> m_panels;                 // by space id ("" in one-database mode)
    QString m_currentSpace;
    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_stack = nullptr;
    QWidget* m_emptyPage = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_keysLabel = nullptr;
    std::function<QByteArray()> m_splitterState;
    std::vector<std::function<void()>> m_retranslate;
    std::unique_ptr<SyncStatus> m_ownSyncStatus;
    QPointer<SyncStatus> m_syncStatus;  // the engine's may go first
    QLabel* m_syncLabel = nullptr;
    QAction* m_settingsAction = nullptr;
    QString m_userSettingsPath;
    std::unique_ptr<SyncTray> m_tray;
    std::map<QString, QPointer<SyncMonitorWindow>> m_monitors;  // by space id
};

}  // namespace pluresdb::ui
