// Help → About (ui/dialogs/AboutBox.h): the box names the product and the version from
// core/Version.h (the top-level project(VERSION)), and the main window's Help menu opens it.

#include "core/Version.h"
#include "core/api/Database.h"
#include "ui/dialogs/AboutBox.h"
#include "ui/windows/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::ui;

class TestAboutBox : public QObject {
    Q_OBJECT
private slots:
    /// The text carries the product name and exactly the version CMake configured.
    void textNamesProductAndVersion() {
        const QString text = aboutText();
        QVERIFY2(text.contains(QString::fromLatin1(kProductName)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(" %1</h3>").arg(QString::fromLatin1(kVersion))),
                 qPrintable(text));
        QVERIFY(QString::fromLatin1(kVersion).contains(
            QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+$"))));
    }

    /// Help → About opens a box with that text; it is deleted when closed.
    void helpMenuOpensIt() {
        QTemporaryDir dir;
        auto opened = Database::open(dir.path());
        QVERIFY2(opened, qPrintable(opened.ok() ? QString() : opened.errorMessage()));
        std::unique_ptr<Database> db = std::move(opened).value();
        MainWindow window(db.get());
        window.show();
        QAction* about = nullptr;
        for (QAction* menu : window.menuBar()->actions())
            for (QAction* a : menu->menu() ? menu->menu()->actions() : QList<QAction*>())
                if (a->menuRole() == QAction::AboutRole)
                    about = a;
        QVERIFY(about);
        about->trigger();
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox*>(QStringLiteral("aboutBox"))) && box->isVisible());
        QCOMPARE(box->text(), aboutText());
        QVERIFY(box->windowTitle().contains(QString::fromLatin1(kProductName)));
        QPointer<QMessageBox> guard(box);
        box->close();
        QTRY_VERIFY(guard.isNull());
    }
};

QTEST_MAIN(TestAboutBox)
#include "test_about_box.moc"
