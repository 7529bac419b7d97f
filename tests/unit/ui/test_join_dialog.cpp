// JoinDialog (ui/dialogs/JoinDialog.h), offscreen: joining from a pasted link or message, from a
// QR picture file (made here with the real encoder and saved as PNG/JPEG), and from a picture on
// the clipboard; a corrupted link and a wrong checksum each show their own clear error.

#include "core/keys/Invite.h"
#include "core/keys/QrEncoder.h"
#include "core/keys/SyncKey.h"
#include "ui/dialogs/JoinDialog.h"
#include "ui/qr/QrImage.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTransform>

using namespace pluresdb;
using namespace pluresdb::ui;

namespace {

QPushButton* joinButton(JoinDialog& dialog) {
    return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
}

// Types into the paste box as a user would (a paste is one insertion).
void paste(JoinDialog& dialog, const QString& text) {
    auto* edit = dialog.findChild<QPlainTextEdit*>(QStringLiteral("inviteEdit"));
    edit->clear();
    edit->insertPlainText(text);
}

QImage qrPicture(const QString& text, int modulePixels) {
    const auto matrix = keys::encodeQr(text.toUtf8());
    return renderQrImage(matrix.value(), modulePixels);
}

// A PNG whose header says width x height (RGB) followed by a little pixel data: Qt reads the
// size from the header before decoding anything, which is when a huge picture must be refused.
QByteArray pngWithHeaderOnlyPixels(quint32 width, quint32 height) {
    auto be32 = [](quint32 v) {
        const char bytes[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
        return QByteArray(bytes, 4);
    };
    auto chunk = [&](const QByteArray& typeAndData) {
        quint32 crc = 0xFFFFFFFFu;  // CRC-32 as in the PNG specification
        for (const char c : typeAndData) {
            crc ^= static_cast<quint8>(c);
            for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
        return be32(quint32(typeAndData.size() - 4)) + typeAndData + be32(~crc);
    };
    const QByteArray zlibStream = qCompress(QByteArray(100, '\0')).mid(4);  // qCompress adds a length
    return QByteArray("\x89PNG\r\n\x1a\n", 8) +
           chunk(QByteArray("IHDR") + be32(width) + be32(height) + QByteArray("\x08\x02\x00\x00\x00", 5)) +
           chunk(QByteArray("IDAT") + zlibStream);
}

}  // namespace

class TestJoinDialog : public QObject {
    Q_OBJECT

private slots:
    /// A pasted link, or a whole pasted invite message, fills in the name and enables Join with
    /// the key and name from the invite.
    void joinFromPastedLink() {
        const keys::Invite sent{keys::generateSyncKey(), QStringLiteral("Book club"), true};
        for (const QString& text : {keys::inviteLink(sent), keys::inviteText(sent)}) {
            JoinDialog dialog;
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(!joinButton(dialog)->isEnabled());
            paste(dialog, text);
            QVERIFY2(dialog.isValid(), qPrintable(dialog.statusText()));
            QVERIFY(joinButton(dialog)->isEnabled());
            QCOMPARE(dialog.invite().key, sent.key);
            QCOMPARE(dialog.invite().name, QStringLiteral("Book club"));
            QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("nameEdit"))->text(),
                     QStringLiteral("Book club"));
            QVERIFY(dialog.statusText().contains(QStringLiteral("checksum matches")));
            QVERIFY(dialog.grab().save(QStringLiteral("/tmp/pluresdb-join-dialog-valid.png")));
            QTest::mouseClick(joinButton(dialog), Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
    }

    /// A QR code in a picture file joins: PNG as rendered, and a JPEG that was scaled, rotated and
    /// put on a grey background the way a photo or screenshot would be.
    void joinFromQrImageFile() {
        const keys::Invite sent{keys::generateSyncKey(), QStringLiteral("Ferienhaus Müller"), true};
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("invite.png"));
        QVERIFY(qrPicture(keys::inviteLink(sent), 5).save(png));

        QImage photo(900, 700, QImage::Format_RGB32);
        photo.fill(QColor(200, 200, 190));
        {
            QPainter painter(&photo);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            const QImage code = qrPicture(keys::inviteLink(sent), 4).transformed(QTransform().rotate(90));
            painter.drawImage(QRect(180, 90, 520, 520), code);
        }
        const QString jpeg = dir.filePath(QStringLiteral("photo.jpg"));
        QVERIFY(photo.save(jpeg, "JPEG", 70));

        for (const QString& path : {png, jpeg}) {
            JoinDialog dialog;
            QVERIFY2(dialog.loadQrImageFile(path), qPrintable(dialog.statusText()));
            QVERIFY(dialog.isValid());
            QVERIFY(joinButton(dialog)->isEnabled());
            QCOMPARE(dialog.invite().key, sent.key);
            QCOMPARE(dialog.invite().name, sent.name);
        }
    }

    /// A picture of a QR code on the clipboard joins through "Paste QR picture".
    void joinFromClipboardPicture() {
        const keys::Invite sent{keys::generateSyncKey(), QStringLiteral("Clipboard"), true};
        QGuiApplication::clipboard()->setImage(qrPicture(keys::inviteLink(sent), 4));
        JoinDialog dialog;
        auto* button = dialog.findChild<QPushButton*>(QStringLiteral("pasteImageButton"));
        QTRY_VERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY2(dialog.isValid(), qPrintable(dialog.statusText()));
        QCOMPARE(dialog.invite().key, sent.key);
        QGuiApplication::clipboard()->clear();
    }

    /// A corrupted link (characters lost or garbled) and a wrong checksum (a mistyped key digit)
    /// each show their own clear message, distinct from each other, and Join stays disabled.
    void corruptedLinkAndWrongChecksumGiveClearErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        const QString key = keys::generateSyncKey();
        const QString link = keys::inviteLink(keys::Invite{key, QStringLiteral("Home"), true});
        QString typo = link;
        const qsizetype digit = link.indexOf(QStringLiteral("key=")) + 4 + 7;
        typo[digit] = typo[digit] == u'0' ? u'1' : u'0';
        QTest::newRow("wrong checksum") << typo << int(keys::InviteError::ChecksumMismatch)
                                        << QStringLiteral("checksum does not match its key and space name");
        QTest::newRow("key cut short")
            << link.left(link.indexOf(QStringLiteral("key=")) + 4 + 40) << int(keys::InviteError::BadKey)
            << QStringLiteral("it looks cut off");
        QString garbled = link;
        garbled.replace(QStringLiteral("name=Home"), QStringLiteral("name=Ho%E"));
        QTest::newRow("garbled encoding") << garbled << int(keys::InviteError::Malformed)
                                          << QStringLiteral("malformed (bad percent-encoding");
        QString nonHex = link;
        nonHex[digit] = u'#';
        QTest::newRow("non-hex in key") << nonHex << int(keys::InviteError::BadKey)
                                        << QStringLiteral("not a hex digit (0-9, a-f) at position 8");
        QTest::newRow("check cut off") << link.left(link.size() - 2) << int(keys::InviteError::Incomplete)
                                       << QStringLiteral("too short");
    }
    void corruptedLinkAndWrongChecksumGiveClearErrors() {
        QFETCH(QString, text);
        QFETCH(int, error);
        QFETCH(QString, message);
        JoinDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        paste(dialog, text);
        QCOMPARE(int(dialog.error()), error);
        QVERIFY(!dialog.isValid());
        QVERIFY(!joinButton(dialog)->isEnabled());
        auto* status = dialog.findChild<QLabel*>(QStringLiteral("statusLabel"));
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().contains(message), qPrintable(status->text()));
        if (QTest::currentDataTag() == QByteArray("wrong checksum")) {
            QVERIFY(dialog.grab().save(QStringLiteral("/tmp/pluresdb-join-dialog-checksum.png")));
        }
    }

    /// A picture without a QR code, and a file that is not a picture, are errors with a message.
    void badPictures() {
        QTemporaryDir dir;
        QImage blank(300, 300, QImage::Format_RGB32);
        blank.fill(Qt::white);
        const QString blankPath = dir.filePath(QStringLiteral("blank.png"));
        QVERIFY(blank.save(blankPath));
        JoinDialog dialog;
        QVERIFY(!dialog.loadQrImageFile(blankPath));
        QVERIFY(dialog.statusText().contains(QStringLiteral("No QR code was found")));
        QVERIFY(!joinButton(dialog)->isEnabled());

        const QString textPath = dir.filePath(QStringLiteral("not-a-picture.png"));
        QFile f(textPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a PNG");
        f.close();
        QVERIFY(!dialog.loadQrImageFile(textPath));
        QVERIFY(dialog.statusText().contains(QStringLiteral("Could not read the picture")));

        // A picture whose header claims 20000 x 20000 pixels is refused before it is decoded.
        const QString hugePath = dir.filePath(QStringLiteral("huge.png"));
        QFile huge(hugePath);
        QVERIFY(huge.open(QIODevice::WriteOnly));
        huge.write(pngWithHeaderOnlyPixels(20'000, 20'000));
        huge.close();
        QVERIFY(!dialog.loadQrImageFile(hugePath));
        QVERIFY2(dialog.statusText().contains(QStringLiteral("too large")), qPrintable(dialog.statusText()));

        // A QR code that holds something other than an invite.
        const QString otherPath = dir.filePath(QStringLiteral("other.png"));
        QVERIFY(qrPicture(QStringLiteral("https://example.org/"), 4).save(otherPath));
        QVERIFY(!dialog.loadQrImageFile(otherPath));
        QVERIFY(dialog.statusText().contains(QStringLiteral("not a PluresDB invite")));
    }

    /// A bare key is accepted but needs a name from the user before Join is enabled.
    void bareKeyNeedsName() {
        JoinDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString key = keys::generateSyncKey();
        paste(dialog, key.toUpper());
        QCOMPARE(dialog.error(), keys::InviteError::None);
        QVERIFY(!joinButton(dialog)->isEnabled());
        QVERIFY(dialog.statusText().contains(QStringLiteral("bare sync key")));
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("nameEdit")), QStringLiteral("Lab"));
        QVERIFY(joinButton(dialog)->isEnabled());
        QCOMPARE(dialog.invite().key, key);
        QCOMPARE(dialog.invite().name, QStringLiteral("Lab"));
    }
};

QTEST_MAIN(TestJoinDialog)
#include "test_join_dialog.moc"
