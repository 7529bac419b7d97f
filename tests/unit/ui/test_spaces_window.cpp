// The main window's spaces as a user works with them: create a space (its key goes to the
// keychain, never to a file), join one from an invite, refuse joining the same space twice, share
// (the invite carries the same key and name), rename, leave (keeping or removing the data), and
// find everything again after a restart. Runs with the real KeyStore: the Secret Service when the
// test session has one (scripts/test.sh starts gnome-keyring), else the encrypted key file.

#include "core/keys/KeyStore.h"
#include "core/keys/SyncKey.h"
#include "core/spaces/SpaceList.h"
#include "ui/windows/MainWindow.h"
#include "ui/windows/RecordsPanel.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace pluresdb;
using namespace pluresdb::ui;

class TestSpacesWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { qputenv("PLURESDB_NO_MODAL_ERRORS", "1"); }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        keys::KeyStore::Options o;
        o.dataDir = m_dir->path();
        o.service = QStringLiteral("PluresDB-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        o.kdfCost = keys::EncryptedFileVault::KdfCost::minimum();
        o.timeout = std::chrono::milliseconds(3000);
        m_keys = std::make_unique<keys::KeyStore>(o);
        m_keys->probe();
        if (m_keys->needsPassphrase())
            QVERIFY(m_keys->unlockFallback(QStringLiteral("test passphrase")));
        m_created.clear();
    }
    void cleanup() {
        for (const QString& id : m_created)
            (void)m_keys->removeSyncKey(id);
        m_keys.reset();
        m_dir.reset();
    }

    /// A new window with no spaces offers to create or join; creating one selects it, stores its
    /// key in the key store, and opens an empty data browser for it.
    void createSpace() {
        auto w = window();
        QCOMPARE(w->spaceListWidget()->count(), 0);
        QVERIFY(!w->currentPanel());
        auto id = w->createSpace("Team notes");
        QVERIFY2(id, qPrintable(id.ok() ? QString() : id.errorMessage()));
        m_created << *id;
        QCOMPARE(w->spaceListWidget()->count(), 1);
        QCOMPARE(w->currentSpaceId(), *id);
        QVERIFY(w->currentPanel());
        auto key = m_keys->syncKey(*id);
        QVERIFY(key && key->has_value());
        QVERIFY(keys::normaliseSyncKey(**key));
        QCOMPARE(w->spaceList()->find(*id)->topicHex, spaces::topicForKey(**key));
        QVERIFY(!w->createSpace("   "));  // a name is needed
    }

    /// Joining from an invite adds the space with the invite's key and name; joining the same
    /// space again is refused with a clear message.
    void joinFromInvite() {
        auto w = window();
        const keys::Invite invite{keys::generateSyncKey(), "Household", true};
        auto id = w->joinSpace(invite);
        QVERIFY(id);
        m_created << *id;
        QCOMPARE(**m_keys->syncKey(*id), invite.key);
        QCOMPARE(w->spaceList()->find(*id)->name, QString("Household"));
        auto again = w->joinSpace(keys::Invite{invite.key.toUpper(), "Other name", true});
        QVERIFY(!again);
        QVERIFY2(again.errorMessage().contains("already in this space"), qPrintable(again.errorMessage()));
        QCOMPARE(w->spaceListWidget()->count(), 1);
    }

    /// Share gives an invite with the space's key and name, which parses back to the same space.
    void shareRoundTrip() {
        auto w = window();
        auto id = *w->createSpace("Project X");
        m_created << id;
        auto invite = w->inviteFor(id);
        QVERIFY(invite);
        const auto parsed = keys::parseInvite(keys::inviteText(*invite));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.invite.key, **m_keys->syncKey(id));
        QCOMPARE(parsed.invite.name, QString("Project X"));
    }

    /// Spaces, the records in them, and the last space survive a restart; rename sticks.
    void persistsAcrossRestart() {
        QString a, b;
        {
            auto w = window();
            a = *w->createSpace("Alpha");
            b = *w->createSpace("Beta");
            m_created << a << b;
            w->selectSpace(a);
            auto f = w->currentPanel()->database()->put("doc", QJsonObject{{"v", 1}});
            f.waitForFinished();
            QVERIFY(w->renameSpace(a, "Alpha renamed"));
        }
        auto w = window();
        QCOMPARE(w->spaceListWidget()->count(), 2);
        QCOMPARE(w->currentSpaceId(), a);
        QCOMPARE(w->spaceList()->find(a)->name, QString("Alpha renamed"));
        QCOMPARE(**w->currentPanel()->database()->get("doc"), (QJsonObject{{"v", 1}}));
    }

    /// Leaving forgets the key; the data is kept or removed as the user chose.
    void leave() {
        auto w = window();
        const QString keep = *w->createSpace("Keep data");
        const QString drop = *w->createSpace("Drop data");
        m_created << keep << drop;
        const QString keepDir = w->spaceList()->databaseDir(keep);
        const QString dropDir = w->spaceList()->databaseDir(drop);
        QVERIFY(QDir(dropDir).exists());
        QVERIFY(w->leaveSpace(drop, true));
        QVERIFY(!QDir(dropDir).exists());
        QVERIFY(!m_keys->syncKey(drop)->has_value());
        QVERIFY(w->leaveSpace(keep, false));
        QVERIFY(QDir(keepDir).exists());
        QVERIFY(!m_keys->syncKey(keep)->has_value());
        QCOMPARE(w->spaceListWidget()->count(), 0);
        QVERIFY(!w->currentPanel());
    }

    /// No sync key is ever written in plain text in the data directory (hex in either case).
    void noKeyInPlainText() {
        auto w = window();
        const QString id = *w->createSpace("Secret");
        m_created << id;
        const QString key = **m_keys->syncKey(id);
        w.reset();
        QDirIterator it(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(key.toLatin1()), qPrintable(f.fileName()));
            QVERIFY2(!bytes.contains(key.toUpper().toLatin1()), qPrintable(f.fileName()));
            QVERIFY2(!bytes.contains(QByteArray::fromHex(key.toLatin1())), qPrintable(f.fileName()));
        }
    }

    /// A damaged spaces.json is reported clearly and not overwritten.
    void damagedListIsReported() {
        QFile f(QDir(m_dir->path()).filePath("spaces.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\":1,\"spaces\":[{\"id\":\"zz\"}]}");
        f.close();
        auto list = spaces::SpaceList::load(m_dir->path());
        QVERIFY(!list);
        QVERIFY2(list.errorMessage().contains("damaged"), qPrintable(list.errorMessage()));
    }

private:
    std::unique_ptr<MainWindow> window() {
        auto list = spaces::SpaceList::load(m_dir->path());
        if (!list)
            qFatal("%s", qPrintable(list.errorMessage()));
        auto w = std::make_unique<MainWindow>(std::move(list).value(), m_keys.get());
        w->show();
        return w;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<keys::KeyStore> m_keys;
    QStringList m_created;
};

QTEST_MAIN(TestSpacesWindow)
#include "test_spaces_window.moc"
