#pragma once

// The system tray icon (issue #9): the overall sync status as its tooltip and icon colour, and
// notifications when peers join or leave and on errors (a setting turns them off). Where there is
// no tray (offscreen, some desktops: QSystemTrayIcon::isSystemTrayAvailable() is false) no icon is
// made; the status and the notifications are still kept, so the window and tests can show them.

#include "core/api/Database.h"

#include <QObject>
#include <QPointer>

#include <deque>

class QMenu;
class QSystemTrayIcon;

namespace pluresdb::ui {

class SyncTray : public QObject {
    Q_OBJECT
public:
    struct Notification {
        QString title;
        QString message;
        bool error = false;
    };

    explicit SyncTray(QWidget* window, QObject* parent = nullptr);
    ~SyncTray() override;

    bool available() const { return m_icon != nullptr; }
    void setNotificationsEnabled(bool on) { m_notify = on; }
    bool notificationsEnabled() const { return m_notify; }

    // Follows `db` (the space named `spaceName`): its peers joining and leaving, its errors.
    void watch(Database* db, const QString& spaceName);
    void setStatus(const QString& text, bool ok);
    QString status() const { return m_status; }
    // The last notifications shown (or that would have been, without a tray), newest last.
    const std::deque<Notification>& recent() const { return m_recent; }

private:
    void notify(const QString& title, const QString& message, bool error);

    QPointer<QWidget> m_window;
    QSystemTrayIcon* m_icon = nullptr;
    QMenu* m_menu = nullptr;
    bool m_notify = true;
    QString m_status;
    std::deque<Notification> m_recent;
};

}  // namespace pluresdb::ui
