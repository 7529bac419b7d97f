#include "ui/windows/SyncTray.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>
#include <QWidget>

namespace pluresdb::ui {

namespace {

QIcon dotIcon(const QColor& colour) {
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(colour);
    p.setPen(QPen(colour.darker(140), 2));
    p.drawEllipse(QRectF(3, 3, 26, 26));
    return QIcon(pixmap);
}

}  // namespace

SyncTray::SyncTray(QWidget* window, QObject* parent) : QObject(parent), m_window(window) {
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_icon = new QSystemTrayIcon(dotIcon(Qt::gray), this);
    m_menu = new QMenu;
    m_menu->addAction(tr("Show PluresDB"), this, [this] {
        if (m_window) {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        }
    });
    m_menu->addAction(tr("Quit"), qApp, &QCoreApplication::quit);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger && m_window)
            m_window->setVisible(!m_window->isVisible());
    });
    m_icon->show();
}

SyncTray::~SyncTray() {
    delete m_menu;
}

void SyncTray::watch(Database* db, const QString& spaceName) {
    connect(db, &Database::peerConnected, this, [this, spaceName](const SyncPeer& p) {
        notify(tr("Peer joined %1").arg(spaceName),
               tr("%1 connected (%2)").arg(p.peerId.left(12), p.remoteAddress), false);
    });
    connect(db, &Database::peerDisconnected, this, [this, spaceName](const SyncPeer& p, const QString& why) {
        notify(tr("Peer left %1").arg(spaceName),
               why.isEmpty() ? p.peerId.left(12) : tr("%1: %2").arg(p.peerId.left(12), why), false);
    });
    connect(db, &Database::error, this, [this, spaceName](const QString& peer, const QString& message) {
        // Swarm discovery not being there yet is the state of things, not news.
        if (message.startsWith(QLatin1String("swarm discovery not available")))
            return;
        notify(tr("Sync problem in %1").arg(spaceName),
               peer.isEmpty() ? message : tr("%1: %2").arg(peer.left(24), message), true);
    });
}

void SyncTray::setStatus(const QString& text, bool ok) {
    m_status = text;
    if (m_icon) {
        m_icon->setToolTip(tr("PluresDB: %1").arg(text));
        m_icon->setIcon(dotIcon(ok ? QColor(0x2e, 0x7d, 0x32) : QColor(0x9e, 0x9e, 0x9e)));
    }
}

void SyncTray::notify(const QString& title, const QString& message, bool error) {
    if (!m_notify)
        return;
    m_recent.push_back({title, message, error});
    while (m_recent.size() > 50)
        m_recent.pop_front();
    if (m_icon && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(title, message, error ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information,
                            5000);
}

}  // namespace pluresdb::ui
