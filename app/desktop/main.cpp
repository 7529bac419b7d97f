// pluresdb-desktop: argument parsing and start-up only; the windows live in ui/.
#include "core/Version.h"
#include "core/api/Database.h"
#include "core/keys/KeyStore.h"
#include "core/spaces/SpaceList.h"
#include "ui/dialogs/AboutBox.h"
#include "ui/dialogs/JoinDialog.h"
#include "ui/dialogs/KeyFileDialog.h"
#include "ui/dialogs/SettingsDialog.h"
#include "ui/dialogs/ShareDialog.h"
#include "ui/i18n/Language.h"
#include "ui/models/PeersModel.h"
#include "ui/models/TraceModel.h"
#include "ui/windows/InviteLinkOpener.h"
#include "ui/windows/MainWindow.h"
#include "ui/windows/RecordsPanel.h"
#include "ui/windows/SyncMonitorWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

int fail(bool quiet, const QString& message) {
    std::fprintf(stderr, "pluresdb-desktop: %s\n", qPrintable(message));
    if (!quiet)
        QMessageBox::critical(nullptr, QString::fromLatin1(pluresdb::kProductName), message);
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("pluresdb-desktop"));
    QApplication::setApplicationDisplayName(QString::fromLatin1(pluresdb::kProductName));
    QApplication::setApplicationVersion(QString::fromLatin1(pluresdb::kVersion));
    // The installed theme icon (Linux packages), else the copy compiled in; the desktop file name ties
    // the window to its .desktop entry (Wayland app id).
    QApplication::setWindowIcon(QIcon::fromTheme(QString::fromLatin1(pluresdb::kAppId),
                                                 QIcon(QStringLiteral(":/icons/pluresdb.svg"))));
    QApplication::setDesktopFileName(QString::fromLatin1(pluresdb::kAppId));
    pluresdb::ui::i18n::applyLanguage(&app);  // before any text is made, --help included

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "PluresDB: local-first data that syncs peer to peer."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dataOption(
        QStringLiteral("data"),
        QApplication::translate("main", "The data directory (spaces and their databases)."),
        QStringLiteral("DIR"), pluresdb::Database::defaultDirectory());
    QCommandLineOption dbOption(
        QStringLiteral("db"),
        QApplication::translate("main", "Open this one database directory, without spaces."),
        QStringLiteral("DIR"));
    QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Render the main window to a PNG file and exit."),
        QStringLiteral("FILE.png"));
    QCommandLineOption viewOption(
        QStringLiteral("view"),
        QApplication::translate(
            "main",
            "What --screenshot renders: main, share (the current space's share "
            "dialog), join (the join dialog, with the link if one is given), "
            "history (the first record's history), settings, about, or the current "
            "space's peers, traffic, debugger or doctor (the debugger on a refused peer)."),
        QStringLiteral("VIEW"), QStringLiteral("main"));
    QCommandLineOption delayOption(
        QStringLiteral("screenshot-delay"),
        QApplication::translate("main", "Wait this long before --screenshot renders (to let sync run)."),
        QStringLiteral("MS"), QStringLiteral("300"));
    parser.addOption(dataOption);
    parser.addOption(dbOption);
    parser.addOption(screenshotOption);
    parser.addOption(viewOption);
    parser.addOption(delayOption);
    parser.addPositionalArgument(QStringLiteral("link"),
                                 QApplication::translate("main", "A pluresdb:// invite link to join."),
                                 QStringLiteral("[link]"));
    parser.process(app);
    const bool quiet = parser.isSet(screenshotOption);

    std::unique_ptr<pluresdb::Database> db;
    std::unique_ptr<pluresdb::keys::KeyStore> keyStore;
    std::unique_ptr<pluresdb::ui::MainWindow> window;
    if (parser.isSet(dbOption)) {
        auto opened = pluresdb::Database::open(parser.value(dbOption));
        if (!opened)
            return fail(
                quiet,
                QApplication::translate("main", "Cannot open the database: %1").arg(opened.errorMessage()));
        db = std::move(opened).value();
        window = std::make_unique<pluresdb::ui::MainWindow>(db.get());
    } else {
        const QString dataDir = parser.value(dataOption);
        auto spaces = pluresdb::spaces::SpaceList::load(dataDir);
        if (!spaces)
            return fail(quiet, spaces.errorMessage());
        pluresdb::keys::KeyStore::Options ko;
        ko.dataDir = dataDir;
        keyStore = std::make_unique<pluresdb::keys::KeyStore>(ko);
        keyStore->probe();
        if (keyStore->needsPassphrase()) {
            if (quiet)
                return fail(true, QApplication::translate("main", "the key file needs a passphrase"));
            pluresdb::ui::KeyFileDialog dialog(*keyStore);
            if (dialog.exec() != QDialog::Accepted)
                return 1;
        }
        window = std::make_unique<pluresdb::ui::MainWindow>(std::move(spaces).value(), keyStore.get());
    }
    window->show();
    if (!parser.isSet(dbOption) && !quiet)
        app.installEventFilter(new pluresdb::ui::InviteLinkOpener(window.get()));  // macOS links

    const QStringList links = parser.positionalArguments();
    if (!links.isEmpty() && !parser.isSet(dbOption) && !quiet) {
        const QString link = links.first();
        QTimer::singleShot(0, window.get(), [&window, link] { window->joinSpaceInteractive(link); });
    }

    std::unique_ptr<QWidget> shown;  // the dialog a --view screenshot renders
    pluresdb::ui::SyncMonitorWindow* monitor =
        nullptr;  // the peers/traffic/debugger window (the main window's)
    if (quiet) {
        const QString file = parser.value(screenshotOption);
        const QString view = parser.value(viewOption);
        if (view == QLatin1String("share")) {
            auto invite = window->inviteFor(window->currentSpaceId());
            if (!invite)
                return fail(true, invite.errorMessage());
            shown = std::make_unique<pluresdb::ui::ShareDialog>(*invite, nullptr, window.get());
        } else if (view == QLatin1String("join")) {
            auto join = std::make_unique<pluresdb::ui::JoinDialog>(window.get());
            if (!links.isEmpty())
                join->setInviteText(links.first());
            shown = std::move(join);
        } else if (view == QLatin1String("settings")) {
            QString problems;
            const auto values = window->currentSettings(&problems);
            const auto space =
                window->spaceList() ? window->spaceList()->find(window->currentSpaceId()) : std::nullopt;
            shown = std::make_unique<pluresdb::ui::SettingsDialog>(values, space ? space->name : QString(),
                                                                   window.get());
        } else if (view == QLatin1String("about")) {
            auto* box = pluresdb::ui::makeAboutBox(window.get());
            box->setAttribute(Qt::WA_DeleteOnClose, false);
            shown.reset(box);
        } else if (view == QLatin1String("history")) {
            if (auto* panel = window->currentPanel())
                panel->tabs()->setCurrentIndex(1);
        } else if (view == QLatin1String("peers") || view == QLatin1String("traffic") ||
                   view == QLatin1String("debugger") || view == QLatin1String("doctor")) {
            using View = pluresdb::ui::SyncMonitorWindow::View;
            const View v = view == QLatin1String("peers")     ? View::Peers
                           : view == QLatin1String("traffic") ? View::Traffic
                                                              : View::Debugger;
            monitor = window->openSyncMonitor(v);
            if (!monitor)
                return fail(true, QStringLiteral("--view %1 needs a space").arg(view));
        } else if (view != QLatin1String("main")) {
            return fail(true, QStringLiteral("--view takes main, share, join, history, settings, about, peers, "
                                             "traffic, debugger or doctor"));
        }
        if (shown)
            shown->show();
        QWidget* target = shown ? shown.get() : monitor ? static_cast<QWidget*>(monitor) : window.get();
        // Let the first layout and paint happen (and sync run, with a delay), then grab the window
        // as a user would see it.
        const bool doctor = view == QLatin1String("doctor");
        QTimer::singleShot(parser.value(delayOption).toInt(), target, [target, file, monitor, doctor] {
            if (monitor && doctor) {
                // The doctor of a peer that was refused, if there is one.
                monitor->sample();
                for (int r = 0; r < monitor->peersModel()->rowCount(); ++r)
                    if (const auto* p = monitor->peersModel()->peerAt(r); !p->admissionFailure.isEmpty()) {
                        monitor->setTraceFilter(p->peer.peerId, {}, {});
                        monitor->setDoctorPeer(p->peer.peerId);
                    }
            } else if (monitor) {
                monitor->sample();
                // The debugger shows an op: its bytes and who has it.
                const auto& events = monitor->traceModel()->events();
                for (auto it = events.rbegin(); it != events.rend(); ++it)
                    if (it->kind == QLatin1String(pluresdb::api::trace::kOpReceived)) {
                        monitor->selectEvent(it->seq);
                        break;
                    }
            }
            if (!target->grab().save(file, "PNG")) {
                std::fprintf(stderr, "pluresdb-desktop: cannot write %s\n", qPrintable(file));
                QApplication::exit(1);
                return;
            }
            QApplication::exit(0);
        });
    }
    const int rc = app.exec();
    shown.reset();
    window.reset();  // before the databases and the key store it uses
    return rc;
}
