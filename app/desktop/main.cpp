// pluresdb-desktop: argument parsing and start-up only; the windows live in ui/.
#include "core/Version.h"
#include "core/api/Database.h"
#include "ui/windows/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("pluresdb-desktop"));
    QApplication::setApplicationDisplayName(QString::fromLatin1(pluresdb::kProductName));
    QApplication::setApplicationVersion(QString::fromLatin1(pluresdb::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("PluresDB: local-first data that syncs peer to peer."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The database directory."), QStringLiteral("DIR"),
                                pluresdb::Database::defaultDirectory());
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                       QStringLiteral("Render the main window to a PNG file and exit."),
                                       QStringLiteral("FILE.png"));
    parser.addOption(dbOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    auto db = pluresdb::Database::open(parser.value(dbOption));
    if (!db) {
        const QString msg = QApplication::translate("main", "Cannot open the database: %1").arg(db.errorMessage());
        std::fprintf(stderr, "pluresdb-desktop: %s\n", qPrintable(msg));
        if (!parser.isSet(screenshotOption)) QMessageBox::critical(nullptr, QString::fromLatin1(pluresdb::kProductName), msg);
        return 1;
    }
    pluresdb::ui::MainWindow window(db->get());
    window.show();

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        // Let the first layout and paint happen, then grab the window as a user would see it.
        QTimer::singleShot(300, &window, [&window, file] {
            if (!window.grab().save(file, "PNG")) {
                std::fprintf(stderr, "pluresdb-desktop: cannot write %s\n", qPrintable(file));
                QApplication::exit(1);
                return;
            }
            QApplication::exit(0);
        });
    }
    return app.exec();
}
