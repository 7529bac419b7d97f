#pragma once

// macOS hands a clicked pluresdb:// link (Info.plist CFBundleURLTypes) to the running app as a
// QFileOpenEvent, not on the command line as Linux (the .desktop entry's %u) and Windows (the
// registry's "%1") do. Installed on the application, this turns such an event into the Join dialog;
// any other URL or file is left to whoever else handles it.

#include <QObject>
#include <QPointer>

namespace pluresdb::ui {

class MainWindow;

class InviteLinkOpener : public QObject {
public:
    explicit InviteLinkOpener(MainWindow* window);  // a child of the window

    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointer<MainWindow> m_window;
};

}  // namespace pluresdb::ui
