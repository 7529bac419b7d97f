// InviteLinkOpener (ui/windows/InviteLinkOpener.h): how a clicked pluresdb:// link reaches the
// running app on macOS (a QFileOpenEvent) ends in the Join dialog with that link, checked as valid;
// other URLs and files are left alone.

#include "core/keys/Invite.h"
#include "core/keys/SyncKey.h"
#include "core/spaces/SpaceList.h"
#include "ui/dialogs/JoinDialog.h"
#include "ui/windows/InviteLinkOpener.h"
#include "ui/windows/MainWindow.h"

#include <QApplication>
#include <QFileOpenEvent>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace pluresdb;
using namespace pluresdb::ui;

namespace {

// The modal Join dialog, once it is open (the opener shows it from a queued call).
JoinDialog* openJoinDialog() {
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* d = qobject_cast<JoinDialog*>(w); d && d->isVisible())
            return d;
    return nullptr;
}

}  // namespace

class TestInviteLinkOpener : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { qputenv("PLURESDB_NO_MODAL_ERRORS", "1"); }

    /// A pluresdb:// open event is consumed and opens the Join dialog holding exactly that link,
    /// which the dialog accepts as a valid invite (the name comes through percent-decoded).
    void inviteLinkOpensJoinDialog() {
        QTemporaryDir dir;
        auto spaces = spaces::SpaceList::load(dir.path());
        QVERIFY(spaces);
        MainWindow window(std::move(spaces).value(), nullptr);
        window.show();
        auto* opener = new InviteLinkOpener(&window);
        qApp->installEventFilter(opener);

        keys::Invite invite;
        invite.key = keys::generateSyncKey();
        invite.name = QStringLiteral("Team notes");
        const QString link = keys::inviteLink(invite);

        QString seenText, seenStatus, seenName;
        bool seenValid = false;
        QTimer poll;  // the dialog runs its own event loop: look at it from inside, then close it
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto* d = openJoinDialog()) {
                seenText = d->findChild<QPlainTextEdit*>(QStringLiteral("inviteEdit"))->toPlainText();
                seenValid = d->isValid();
                seenStatus = d->statusText();
                seenName = d->invite().name;
                d->reject();
            }
        });
        poll.start(20);

        QFileOpenEvent event{QUrl(link)};
        QVERIFY(QApplication::sendEvent(qApp, &event));  // consumed
        QTRY_VERIFY_WITH_TIMEOUT(!seenText.isEmpty(), 20000);
        QCOMPARE(seenText, link);
        QVERIFY2(seenValid, qPrintable(seenStatus));
        QCOMPARE(seenName, QStringLiteral("Team notes"));
        qApp->removeEventFilter(opener);
    }

    /// A file or another scheme is not ours: the event goes on, and no Join dialog opens.
    void otherUrlsAreLeftAlone() {
        QTemporaryDir dir;
        auto spaces = spaces::SpaceList::load(dir.path());
        QVERIFY(spaces);
        MainWindow window(std::move(spaces).value(), nullptr);
        window.show();
        InviteLinkOpener opener(&window);
        QFileOpenEvent file{QUrl::fromLocalFile(dir.filePath(QStringLiteral("notes.json")))};
        QFileOpenEvent web{QUrl(QStringLiteral("https://example.org/join?key=00"))};
        QVERIFY(!opener.eventFilter(qApp, &file));
        QVERIFY(!opener.eventFilter(qApp, &web));
        QTest::qWait(200);
        QVERIFY(!openJoinDialog());
    }
};

QTEST_MAIN(TestInviteLinkOpener)
#include "test_invite_link_opener.moc"
