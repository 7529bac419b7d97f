// The app at 150 % (QT_SCALE_FACTOR=1.5, set before the application starts, as a user's display
// scaling would): the share dialog's QR code is drawn at the screen's resolution with a whole number
// of device pixels per module (crisp, every module the same width; a 1x picture stretched by 1.5
// gives modules of alternating widths) and still decodes from what is on screen; the main window
// grabs at the scaled size with nothing cut off.

#include "core/api/Database.h"
#include "core/keys/Invite.h"
#include "core/keys/SyncKey.h"
#include "tests/support/TestSupport.h"
#include "ui/dialogs/ShareDialog.h"
#include "ui/qr/QrImage.h"
#include "ui/windows/MainWindow.h"

#include <QApplication>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace pluresdb;
using namespace pluresdb::ui;

class TestScaling : public QObject {
    Q_OBJECT
private slots:
    /// The QR pixmap is made for the 1.5 ratio, modules are equal whole-pixel squares, and the
    /// grabbed label decodes to the invite link.
    void qrCodeIsCrispAt150Percent() {
        const keys::Invite invite{keys::generateSyncKey(), QStringLiteral("Scaled"), true};
        ShareDialog dialog(invite);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.devicePixelRatioF(), 1.5);
        const QPixmap pixmap = dialog.qrPixmap();
        QCOMPARE(pixmap.devicePixelRatio(), 1.5);

        // What the screen shows: the label grabbed at device resolution.
        // The offscreen screen is 800x600 pixels (533x400 at 150 %), smaller than the dialog: the label
        // is shown on its own so that the window system does not squeeze it.
        std::unique_ptr<QLabel> label(dialog.findChild<QLabel*>(QStringLiteral("qrLabel")));
        QVERIFY(label);
        label->setParent(nullptr);
        label->adjustSize();
        label->show();
        QVERIFY(QTest::qWaitForWindowExposed(label.get()));
        const QImage grabbed = label->grab().toImage().convertToFormat(QImage::Format_Grayscale8);
        // The code's box: everything that is not the label's background.
        const uchar background = grabbed.constScanLine(0)[0];
        QRect box;
        for (int y = 0; y < grabbed.height(); ++y)
            for (int x = 0; x < grabbed.width(); ++x)
                if (grabbed.constScanLine(y)[x] != background)
                    box |= QRect(x, y, 1, 1);
        QVERIFY(box.width() > 100);
        QCOMPARE(box.width(), box.height());
        const QImage shown = grabbed.copy(box);
        // Only black and white: no blur from resampling.
        for (int y = 0; y < shown.height(); ++y) {
            const uchar* line = shown.constScanLine(y);
            for (int x = 0; x < shown.width(); ++x)
                QVERIFY2(line[x] == 0 || line[x] == 255, "grey pixel");
        }
        // Every dark run on a row through the top-left finder pattern (1-1-3-1-1 modules) is a whole
        // multiple of one module width.
        int top = -1, left = -1;
        for (int y = 0; y < shown.height() && top < 0; ++y)
            for (int x = 0; x < shown.width(); ++x)
                if (shown.constScanLine(y)[x] == 0) {
                    top = y;
                    left = x;
                    break;
                }
        QVERIFY(top >= 0);
        int module = 0;
        while (shown.constScanLine(top)[left + module] == 0)
            ++module;  // the finder's 7-module top edge
        QCOMPARE(module % 7, 0);
        module /= 7;
        const int middle = top + module * 3 + module / 2;  // through the finder's centre row
        QList<int> runs;
        int run = 0;
        uchar last = 255;
        for (int x = left; x < left + module * 7 + 1; ++x) {
            const uchar p = shown.constScanLine(middle)[x];
            if (p != last && run > 0) {
                runs << run;
                run = 0;
            }
            last = p;
            ++run;
        }
        QCOMPARE(runs, (QList<int>{module, module, module * 3, module, module}));
        QCOMPARE(QString::fromUtf8(decodeQrImage(shown).value()), keys::inviteLink(invite));
    }

    /// The main window renders at 1.5x its logical size.
    void mainWindowGrabsScaled() {
        QTemporaryDir dir;
        auto db = std::move(Database::open(dir.path())).value();
        MainWindow w(db.get());
        w.resize(1000, 640);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QPixmap shot = w.grab();
        QCOMPARE(shot.size(), QSize(1500, 960));
    }
};

int main(int argc, char** argv) {
    qputenv("QT_SCALE_FACTOR", "1.5");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestScaling test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_scaling.moc"
