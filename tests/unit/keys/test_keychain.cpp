// KeyStore against the real Secret Service (gnome-keyring in a private D-Bus session, started by
// scripts/ctest-session.sh), and its encrypted-file fallback where there is none.
//
// The no-keychain cases run in child processes of this same binary (the "child" test functions,
// skipped unless PLURESDB_KEYCHAIN_CHILD is set) because libsecret keeps its first D-Bus
// connection for the life of a process.

#include "core/keys/KeyStore.h"
#include "core/keys/SyncKey.h"
#include "tests/support/TestSupport.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <sodium.h>

using namespace pluresdb;
using namespace pluresdb::keys;

namespace {

constexpr char kPassphrase[] = "correct horse battery staple";

QByteArray fromHex(const QString& hex) { return QByteArray::fromHex(hex.toLatin1()); }

// Every form in which a secret could sit in a file by mistake: hex either case, raw, base64.
QList<QByteArray> plainForms(const QByteArray& raw) {
    return {raw, raw.toHex(), raw.toHex().toUpper(), raw.toBase64(),
            raw.toBase64(QByteArray::Base64UrlEncoding)};
}

// Names of the files under `dir` that contain any of the secrets in a plain form.
QStringList filesWithPlainSecrets(const QString& dir, const QList<QByteArray>& secrets) {
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            hits << path + QStringLiteral(" (unreadable)");
            continue;
        }
        const QByteArray bytes = file.readAll();
        bool found = false;
        for (const QByteArray& secret : secrets) {
            for (const QByteArray& form : plainForms(secret)) found = found || bytes.contains(form);
        }
        if (found) hits << path;
    }
    return hits;
}

QString uniqueService() {
    return QStringLiteral("PluresDB-test-") + QUuid::createUuid().toString(QUuid::Id128);
}

bool secretServiceExpected() { return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"); }

}  // namespace

class TestKeychain : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }

    /// Protects the main path: sync keys and the device seed are stored in, read from and deleted
    /// from the real OS keychain (Secret Service), and the data directory stays free of them.
    void storeReadDeleteThroughSecretService() {
        if (qEnvironmentVariableIsSet("PLURESDB_KEYCHAIN_CHILD")) QSKIP("parent-only test");
        if (!secretServiceExpected()) {
            QSKIP("no D-Bus session: run under dbus-run-session -- bash scripts/ctest-session.sh");
        }
        QTemporaryDir dataDir;
        KeyStore::Options options;
        options.dataDir = dataDir.path();
        options.service = uniqueService();
        KeyStore store(options);
        QCOMPARE(store.probe(), KeyStore::Backend::SystemKeychain);
        QVERIFY(!store.usingFallback());
        QVERIFY(store.fallbackReason().isEmpty());

        const QString keyA = generateSyncKey();
        const QString keyB = generateSyncKey();
        QByteArray seed(kDeviceSeedBytes, Qt::Uninitialized);
        randombytes_buf(seed.data(), kDeviceSeedBytes);

        QVERIFY(store.storeSyncKey(QStringLiteral("space-a"), keyA.toUpper()));  // stored normalised
        QVERIFY(store.storeSyncKey(QStringLiteral("space-b"), keyB));
        QVERIFY(store.storeDeviceSeed(seed));
        // Storing again replaces; bad input is refused before the keychain is touched.
        QVERIFY(store.storeSyncKey(QStringLiteral("space-b"), keyA));
        QVERIFY(store.storeSyncKey(QStringLiteral("space-b"), keyB));
        QVERIFY(!store.storeSyncKey(QStringLiteral("space-c"), keyB.left(63)));
        QVERIFY(!store.storeSyncKey(QString(), keyB));
        QVERIFY(!store.storeDeviceSeed(seed.left(31)));

        // A second KeyStore (a restart of the app) sees the same entries.
        KeyStore again(options);
        auto readA = again.syncKey(QStringLiteral("space-a"));
        QVERIFY2(readA, qPrintable(readA.ok() ? QString() : readA.errorMessage()));
        QCOMPARE(readA->value_or(QString()), keyA);
        QCOMPARE(again.syncKey(QStringLiteral("space-b"))->value_or(QString()), keyB);
        QCOMPARE(again.deviceSeed()->value_or(QByteArray()), seed);
        QVERIFY(!again.syncKey(QStringLiteral("space-none"))->has_value());

        QVERIFY(again.removeSyncKey(QStringLiteral("space-a")));
        QVERIFY(!store.syncKey(QStringLiteral("space-a"))->has_value());
        QCOMPARE(store.syncKey(QStringLiteral("space-b"))->value_or(QString()), keyB);
        QVERIFY(again.removeSyncKey(QStringLiteral("space-a")));  // deleting twice is fine

        QCOMPARE(filesWithPlainSecrets(dataDir.path(), {fromHex(keyA), fromHex(keyB), seed}), QStringList());
        QVERIFY(!store.fallbackFileExists());

        QVERIFY(store.removeSyncKey(QStringLiteral("space-b")));
        QVERIFY(store.removeDeviceSeed());
        QVERIFY(!store.deviceSeed()->has_value());

        // First start on a new device: the seed is made once and then read back, not remade.
        const auto made = store.deviceSeedOrCreate();
        QVERIFY(made);
        QCOMPARE(made->size(), qsizetype(kDeviceSeedBytes));
        QCOMPARE(KeyStore(options).deviceSeedOrCreate().value(), *made);
        QVERIFY(store.removeDeviceSeed());
    }

    /// Protects the fallback: with the session bus pointing at nothing, the store says it falls back
    /// and why, keeps keys in the encrypted file (readable after a restart with the passphrase, not
    /// with a wrong one), and no file under the data directory holds a key in plain text.
    void fallbackWhenNoSecretService_data() {
        QTest::addColumn<QString>("busAddress");
        QTest::newRow("dead socket") << QStringLiteral("unix:path=/nonexistent/pluresdb-no-bus");
        QTest::newRow("no bus at all") << QString();
    }
    void fallbackWhenNoSecretService() {
        if (qEnvironmentVariableIsSet("PLURESDB_KEYCHAIN_CHILD")) QSKIP("parent-only test");
        QFETCH(QString, busAddress);
        QTemporaryDir dataDir;
        const QString keyA = generateSyncKey();
        const QString keyB = generateSyncKey();
        QByteArray seed(kDeviceSeedBytes, Qt::Uninitialized);
        randombytes_buf(seed.data(), kDeviceSeedBytes);

        const ChildOutcome first =
            runChild(QStringLiteral("childStoreInFallback"), busAddress, dataDir.path(),
                     {{"KEY_A", keyA}, {"KEY_B", keyB}, {"SEED", QString::fromLatin1(seed.toHex())}});
        QVERIFY2(first.ok, first.log.constData());
        QVERIFY2(first.log.contains("FALLBACK-REASON: No system keychain could be used"),
                 first.log.constData());
        QVERIFY(QFile::exists(QDir(dataDir.path()).filePath(QLatin1String(EncryptedFileVault::kFileName))));

        const ChildOutcome second =
            runChild(QStringLiteral("childReadBackFallback"), busAddress, dataDir.path(),
                     {{"KEY_A", keyA}, {"KEY_B", keyB}, {"SEED", QString::fromLatin1(seed.toHex())}});
        QVERIFY2(second.ok, second.log.constData());

        // Scan everything the children could have written: the data dir is also their HOME and XDG dirs.
        QCOMPARE(filesWithPlainSecrets(dataDir.path(), {fromHex(keyA), fromHex(keyB), seed}), QStringList());
        const QFile::Permissions perms =
            QFile::permissions(QDir(dataDir.path()).filePath(QLatin1String(EncryptedFileVault::kFileName)));
        QCOMPARE(perms & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
    }

    /// Protects the timeout: a session bus that accepts the connection and then never answers must
    /// not hang the app; the call gives up at its deadline and the fallback is used.
    void keychainThatNeverAnswersTimesOut() {
        if (qEnvironmentVariableIsSet("PLURESDB_KEYCHAIN_CHILD")) QSKIP("parent-only test");
        QTemporaryDir dataDir;
        QLocalServer silent;  // listens; the kernel completes connections; nobody ever replies
        QVERIFY(silent.listen(QDir(dataDir.path()).filePath(QStringLiteral("silent-bus"))));
        const ChildOutcome outcome =
            runChild(QStringLiteral("childProbeTimesOut"),
                     QStringLiteral("unix:path=") + silent.fullServerName(), dataDir.path(), {});
        QVERIFY2(outcome.ok, outcome.log.constData());
        QVERIFY2(outcome.log.contains("did not answer within 1500 ms"), outcome.log.constData());
    }

    /// The scanner above must be able to fail: a key planted in plain text (any form) is found.
    void plainTextScannerFindsPlantedKeys() {
        if (qEnvironmentVariableIsSet("PLURESDB_KEYCHAIN_CHILD")) QSKIP("parent-only test");
        QTemporaryDir dir;
        const QByteArray raw = fromHex(generateSyncKey());
        int planted = 0;
        for (const QByteArray& form : plainForms(raw)) {
            QFile f(QDir(dir.path()).filePath(QStringLiteral("sub/f%1").arg(planted++)));
            QDir().mkpath(QFileInfo(f).path());
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("prefix " + form + " suffix");
        }
        QCOMPARE(filesWithPlainSecrets(dir.path(), {raw}).size(), planted);
    }

    // ---- child processes (run by the tests above; skipped when run directly) ----

    void childStoreInFallback() {
        if (!qEnvironmentVariableIsSet("PLURESDB_KEYCHAIN_CHILD")) QSKIP("child-only test");
        KeyStore store(childOptions());
        QCOMPARE(store.probe(), KeyStore::Backend::EncryptedFile);
        QVERIFY(store.usingFallback());
        QVERIFY(store.needsPassphrase());
        std::printf("FALLBACK-REASON: %s\n", qPrintable(store.fallbackReason()));
        QVERIFY(!store.storeSyncKey(QStringLiteral("a"), childEnv("KEY_A")));  // locked: refused
        QVERIFY(!store.unlockFallback(QStringLiteral("short")));               // too short a passphrase
        QVERIFY(store.unlockFallback(QLatin1String(kPassphrase)));
        QVERIFY(store.storeSyncKey(QStringLiteral("a"), childEnv("KEY_A")));
        QVERIFY(store.storeSyncKey(QStringLiteral("b"), childEnv("KEY_B")));
        QVERIFY(store.storeDeviceSeed(QByteArray::fromHex(childEnv("SEED").toLatin1())));
        QCOMPARE(store.syncKey(QStringLiteral("a"))->value_or(QString()), childEnv("KEY_A"));
    }

    void childReadBackFallback() {
        if (!qEnvironmentVariableIsSet("PLURESDB_KEYCHAIN_CHILD")) QSKIP("child-only test");
        {
            KeyStore wrong(childOptions());
            QCOMPARE(wrong.probe(), KeyStore::Backend::EncryptedFile);
            const Result<void> r = wrong.unlockFallback(QStringLiteral("not the passphrase"));
            QVERIFY(!r);
            QVERIFY(r.errorMessage().contains(QStringLiteral("passphrase is wrong")));
        }
        KeyStore store(childOptions());
        QVERIFY(store.unlockFallback(QLatin1String(kPassphrase)));
        QCOMPARE(store.syncKey(QStringLiteral("a"))->value_or(QString()), childEnv("KEY_A"));
        QCOMPARE(store.syncKey(QStringLiteral("b"))->value_or(QString()), childEnv("KEY_B"));
        QCOMPARE(store.deviceSeed()->value_or(QByteArray()),
                 QByteArray::fromHex(childEnv("SEED").toLatin1()));
        QVERIFY(store.removeSyncKey(QStringLiteral("a")));
        QVERIFY(!store.syncKey(QStringLiteral("a"))->has_value());
        KeyStore restarted(childOptions());
        QVERIFY(restarted.unlockFallback(QLatin1String(kPassphrase)));
        QVERIFY(!restarted.syncKey(QStringLiteral("a"))->has_value());
        QCOMPARE(restarted.syncKey(QStringLiteral("b"))->value_or(QString()), childEnv("KEY_B"));
    }

    void childProbeTimesOut() {
        if (!qEnvironmentVariableIsSet("PLURESDB_KEYCHAIN_CHILD")) QSKIP("child-only test");
        KeyStore::Options options = childOptions();
        options.timeout = std::chrono::milliseconds(1500);
        KeyStore store(options);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(store.probe(), KeyStore::Backend::EncryptedFile);
        std::printf("FALLBACK-REASON: %s\n", qPrintable(store.fallbackReason()));
        std::printf("probe took %lld ms\n", static_cast<long long>(timer.elapsed()));
        QVERIFY(timer.elapsed() >= 1400 && timer.elapsed() < 10'000);

        // While that request hangs, later calls fail at once rather than queue behind it.
        timer.restart();
        const KeychainReply again = SystemKeychain(options.service, options.timeout).read(QStringLiteral("x"));
        QCOMPARE(again.status, KeychainStatus::Unavailable);
        QVERIFY(again.message.contains(QStringLiteral("stopped answering")));
        QVERIFY(timer.elapsed() < 500);
    }

private:
    struct ChildOutcome {
        bool ok = false;
        QByteArray log;
    };

    static QString childEnv(const char* name) {
        return qEnvironmentVariable(QByteArray("PLURESDB_CHILD_") + name);
    }

    static KeyStore::Options childOptions() {
        KeyStore::Options options;
        options.dataDir = qEnvironmentVariable("PLURESDB_CHILD_DATA_DIR");
        options.service = uniqueService();
        options.timeout = std::chrono::milliseconds(3000);
        options.kdfCost = EncryptedFileVault::KdfCost::interactive();
        return options;
    }

    ChildOutcome runChild(const QString& function, const QString& busAddress, const QString& dataDir,
                          const QList<QPair<const char*, QString>>& vars) {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PLURESDB_KEYCHAIN_CHILD"), QStringLiteral("1"));
        env.insert(QStringLiteral("PLURESDB_CHILD_DATA_DIR"), dataDir);
        for (const auto& [name, value] : vars)
            env.insert(QStringLiteral("PLURESDB_CHILD_") + QLatin1String(name), value);
        if (busAddress.isEmpty())
            env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        else
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
        env.remove(QStringLiteral("DISPLAY"));  // no X11 autolaunch of a bus either
        // Anything a library might write "helpfully" lands under the scanned data directory.
        env.insert(QStringLiteral("HOME"), dataDir);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dataDir + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataDir + QStringLiteral("/share"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), dataDir + QStringLiteral("/cache"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dataDir + QStringLiteral("/run"));
        QDir().mkpath(dataDir + QStringLiteral("/run"));
        QFile::setPermissions(dataDir + QStringLiteral("/run"),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {function});
        ChildOutcome outcome;
        if (!child.waitForFinished(60'000)) {
            child.kill();
            child.waitForFinished();
            outcome.log = "child timed out: " + child.readAll();
            return outcome;
        }
        outcome.log = child.readAll();
        // The function must have run, not skipped: a skip would be a test that cannot fail.
        outcome.ok = child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0 &&
                     outcome.log.contains(" 0 failed, 0 skipped");
        return outcome;
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "test_keychain.moc"
