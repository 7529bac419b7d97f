#include "ui/windows/InviteLinkOpener.h"

#include "core/keys/Invite.h"
#include "ui/windows/MainWindow.h"

#include <QFileOpenEvent>
#include <QTimer>

namespace pluresdb::ui {

InviteLinkOpener::InviteLinkOpener(MainWindow* window) : QObject(window), m_window(window) {}

bool InviteLinkOpener::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::FileOpen && m_window) {
        const QUrl url = static_cast<QFileOpenEvent*>(event)->url();
        if (url.scheme() == QLatin1String(keys::kInviteScheme)) {
            // Queued: the Join dialog runs its own event loop, which must not start inside the
            // platform's delivery of this event.
            const QString link = url.toString(QUrl::FullyEncoded);
            QTimer::singleShot(0, m_window, [w = m_window, link] {
                if (w)
                    w->joinSpaceInteractive(link);
            });
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace pluresdb::ui
