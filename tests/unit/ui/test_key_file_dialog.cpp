// KeyFileDialog (ui/dialogs/KeyFileDialog.h) over a real KeyStore in a process with no usable
// Secret Service: the store falls back to the encrypted file and the dialog tells the user why,
// creates the file with a confirmed passphrase, and unlocks it later only with the right one.

#include "core/keys/KeyStore.h"
#include "core/keys/SyncKey.h"
#include "ui/dialogs/KeyFileDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace pluresdb;
using namespace pluresdb::ui;

namespace {

keys::KeyStore::Options options(const QString& dir) {
    keys::KeyStore::Options o;
    o.dataDir = dir;
    o.service = QStringLiteral("PluresDB-test-") + QUuid::createUuid().toString(QUuid::Id128);
    o.timeout = std::chrono::milliseconds(3000);
    o.kdfCost = keys::EncryptedFileVault::KdfCost::minimum();
    return o;
}

void clickOk(QDialog& dialog) {
    QTest::mouseClick(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

}  // namespace

class TestKeyFileDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Before anything in this process talks to D-Bus: libsecret connects once and keeps it.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/pluresdb-no-bus");
        qunsetenv("DISPLAY");
    }

    /// With no Secret Service the UI says the fallback is in use and why, and creating the key
    /// file needs the same passphrase twice, of a minimum length.
    void saysFallbackIsUsedAndCreatesFile() {
        QTemporaryDir dir;
        keys::KeyStore store(options(dir.path()));
        QCOMPARE(store.probe(), keys::KeyStore::Backend::EncryptedFile);

        KeyFileDialog dialog(store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* reason = dialog.findChild<QLabel*>(QStringLiteral("reasonLabel"));
        QVERIFY(reason->isVisible());
        QVERIFY2(reason->text().contains(QStringLiteral("No system keychain could be used")),
                 qPrintable(reason->text()));
        QVERIFY(reason->text().contains(QStringLiteral("encrypted file")));

        auto* pass = dialog.findChild<QLineEdit*>(QStringLiteral("passphraseEdit"));
        auto* confirm = dialog.findChild<QLineEdit*>(QStringLiteral("confirmEdit"));
        QVERIFY(confirm);
        QCOMPARE(pass->echoMode(), QLineEdit::Password);
        QTest::keyClicks(pass, QStringLiteral("short"));
        QTest::keyClicks(confirm, QStringLiteral("short"));
        clickOk(dialog);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.errorText().contains(QStringLiteral("at least 8")));

        pass->clear();
        confirm->clear();
        QTest::keyClicks(pass, QStringLiteral("river stone lamp"));
        QTest::keyClicks(confirm, QStringLiteral("river stone lamb"));
        clickOk(dialog);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.errorText().contains(QStringLiteral("not the same")));
        QVERIFY(dialog.grab().save(QStringLiteral("/tmp/pluresdb-key-file-dialog.png")));

        confirm->clear();
        QTest::keyClicks(confirm, QStringLiteral("river stone lamp"));
        clickOk(dialog);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!store.needsPassphrase());
        const QString key = keys::generateSyncKey();
        QVERIFY(store.storeSyncKey(QStringLiteral("s"), key));
        QVERIFY(store.fallbackFileExists());

        // Later: the file exists, so the dialog asks for the passphrase once and checks it.
        keys::KeyStore later(options(dir.path()));
        QCOMPARE(later.probe(), keys::KeyStore::Backend::EncryptedFile);
        KeyFileDialog unlock(later);
        unlock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&unlock));
        QVERIFY(!unlock.findChild<QLineEdit*>(QStringLiteral("confirmEdit")));
        auto* pass2 = unlock.findChild<QLineEdit*>(QStringLiteral("passphraseEdit"));
        QTest::keyClicks(pass2, QStringLiteral("river stone lamb"));
        clickOk(unlock);
        QVERIFY(unlock.isVisible());
        QVERIFY(unlock.errorText().contains(QStringLiteral("passphrase is wrong")));
        QVERIFY(later.needsPassphrase());
        QVERIFY(unlock.grab().save(QStringLiteral("/tmp/pluresdb-key-file-dialog-unlock.png")));
        pass2->clear();
        QTest::keyClicks(pass2, QStringLiteral("river stone lamp"));
        clickOk(unlock);
        QCOMPARE(unlock.result(), int(QDialog::Accepted));
        QCOMPARE(later.syncKey(QStringLiteral("s"))->value_or(QString()), key);
    }
};

QTEST_MAIN(TestKeyFileDialog)
#include "test_key_file_dialog.moc"
