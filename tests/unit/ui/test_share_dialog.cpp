// ShareDialog (ui/dialogs/ShareDialog.h) and SecretClipboard, offscreen: the QR code shown decodes
// back to the invite, Copy marks the clipboard as secret and clears it after 30 s (a fake clock
// stands in for the 30 s), the countdown is visible, and so is the warning.

#include "core/keys/Invite.h"
#include "core/keys/SyncKey.h"
#include "tests/support/TestSupport.h"
#include "ui/dialogs/SecretClipboard.h"
#include "ui/dialogs/ShareDialog.h"
#include "ui/qr/QrImage.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::ui;

class TestShareDialog : public QObject {
    Q_OBJECT

private slots:
    void init() { QGuiApplication::clipboard()->clear(); }

    /// The picture the dialog shows (as painted on screen, not just the source image) decodes with
    /// ZXing to exactly the invite link, and the text shown parses back to the same invite.
    void qrCodeDecodesToInvite() {
        const keys::Invite invite{keys::generateSyncKey(), QStringLiteral("Garden club 🌻"), true};
        test::FakeWallClock clock;
        SecretClipboard clipboard(&clock);
        ShareDialog dialog(invite, &clipboard);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        auto* qrLabel = dialog.findChild<QLabel*>(QStringLiteral("qrLabel"));
        QVERIFY(qrLabel);
        const QImage shown = qrLabel->grab().toImage();
        const auto fromScreen = decodeQrImage(shown);
        QVERIFY2(fromScreen, qPrintable(fromScreen.ok() ? QString() : fromScreen.errorMessage()));
        QCOMPARE(QString::fromUtf8(*fromScreen), keys::inviteLink(invite));
        QCOMPARE(QString::fromUtf8(decodeQrImage(dialog.qrImage()).value()), keys::inviteLink(invite));

        const QString text = dialog.findChild<QPlainTextEdit*>(QStringLiteral("inviteText"))->toPlainText();
        QCOMPARE(text, dialog.inviteText());
        const keys::InviteParse parsed = keys::parseInvite(text);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.invite.key, invite.key);
        QCOMPARE(parsed.invite.name, invite.name);

        QVERIFY(dialog.grab().save(QStringLiteral("/tmp/pluresdb-share-dialog.png")));
    }

    /// The warning that anyone with the invite can read and write is on screen.
    void warningIsShown() {
        ShareDialog dialog(keys::Invite{keys::generateSyncKey(), QStringLiteral("x"), true});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* warning = dialog.findChild<QLabel*>(QStringLiteral("warningLabel"));
        QVERIFY(warning && warning->isVisible());
        QVERIFY(warning->text().contains(QStringLiteral("can read and change everything")));
    }

    /// Copy puts the invite on the clipboard marked `x-kde-passwordManagerHint: secret`, shows a
    /// countdown that follows the clock, and empties the clipboard when 30 s have passed.
    void copyMarksSecretCountsDownAndClears() {
        const keys::Invite invite{keys::generateSyncKey(), QStringLiteral("Team"), true};
        test::FakeWallClock clock;
        SecretClipboard clipboard(&clock);
        clipboard.setTickInterval(std::chrono::milliseconds(5));
        ShareDialog dialog(invite, &clipboard);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* countdown = dialog.findChild<QLabel*>(QStringLiteral("countdownLabel"));
        QVERIFY(countdown->text().isEmpty());

        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("copyButton")), Qt::LeftButton);
        const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QCOMPARE(mime->text(), dialog.inviteText());
        QCOMPARE(mime->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
        QVERIFY(countdown->isVisible());
        QVERIFY2(countdown->text().contains(QStringLiteral("in 30 second")), qPrintable(countdown->text()));
        QVERIFY(dialog.grab().save(QStringLiteral("/tmp/pluresdb-share-dialog-copied.png")));

        clock.advance(10'500);
        QTRY_VERIFY2(countdown->text().contains(QStringLiteral("in 20 second")),
                     qPrintable(countdown->text()));
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog.inviteText());  // still there
        clock.advance(18'600);
        QTRY_VERIFY2(countdown->text().contains(QStringLiteral("in 1 second")),
                     qPrintable(countdown->text()));
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog.inviteText());
        clock.advance(1'000);
        QTRY_VERIFY(!clipboard.isCounting());
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
        QVERIFY(countdown->text().contains(QStringLiteral("cleared")));
    }

    /// If the user copies something else during the countdown, it is not wiped at the end.
    void doesNotClearSomethingElse() {
        test::FakeWallClock clock;
        SecretClipboard clipboard(&clock);
        clipboard.setTickInterval(std::chrono::milliseconds(5));
        clipboard.copy(QStringLiteral("secret invite"));
        QGuiApplication::clipboard()->setText(QStringLiteral("a shopping list"));
        clock.advance(31'000);
        QTRY_VERIFY(!clipboard.isCounting());
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("a shopping list"));
    }

    /// Closing the app (destroying the guard) during the countdown still clears the secret.
    void destroyingClearsEarly() {
        {
            test::FakeWallClock clock;
            SecretClipboard clipboard(&clock);
            clipboard.copy(QStringLiteral("secret invite"));
            QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("secret invite"));
        }
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    }
};

QTEST_MAIN(TestShareDialog)
#include "test_share_dialog.moc"
