// Sync-key validation and normalisation (core/keys/SyncKey.h).

#include "core/keys/SyncKey.h"

#include <QSet>
#include <QTest>

using namespace pluresdb::keys;

class TestSyncKey : public QObject {
    Q_OBJECT

private slots:
    /// Upper- and mixed-case keys name the same space as their lowercase form (the topic is the
    /// SHA-256 of the lowercase hex), and surrounding whitespace from a paste is ignored.
    void normalisesToLowercase() {
        const QString lower = QStringLiteral("0123456789abcdef").repeated(4);
        QCOMPARE(normaliseSyncKey(lower).value(), lower);
        QCOMPARE(normaliseSyncKey(lower.toUpper()).value(), lower);
        QCOMPARE(normaliseSyncKey(QStringLiteral("  \t") + lower.toUpper() + QStringLiteral("\n")).value(),
                 lower);
        QVERIFY(isNormalisedSyncKey(lower));
        QVERIFY(!isNormalisedSyncKey(lower.toUpper()));
    }

    /// Errors say what is wrong in a way a user can act on, and never repeat the key.
    void clearErrors_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const QString key = QStringLiteral("0123456789abcdef").repeated(4);
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("short") << key.left(63)
                               << QStringLiteral("63 characters but needs exactly 64: it looks cut off");
        QTest::newRow("long") << key + QStringLiteral("a")
                              << QStringLiteral("65 characters but needs exactly 64");
        QString bad = key;
        bad[16] = u'g';
        QTest::newRow("non-hex at 17") << bad << QStringLiteral("not a hex digit (0-9, a-f) at position 17");
        QTest::newRow("inner space") << key.left(10) + QStringLiteral(" ") + key.mid(10)
                                     << QStringLiteral("at position 11");
        QTest::newRow("unicode digit")
            << QStringLiteral("\u0661") + key.mid(1) << QStringLiteral("at position 1");
    }
    void clearErrors() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const auto result = normaliseSyncKey(input);
        QVERIFY(!result);
        QVERIFY2(result.errorMessage().contains(expected), qPrintable(result.errorMessage()));
        if (input.size() > 20) QVERIFY(!result.errorMessage().contains(input.trimmed().left(20)));
    }

    /// Generated keys are valid, normalised and different each time.
    void generatesRandomNormalisedKeys() {
        QSet<QString> seen;
        for (int i = 0; i < 64; ++i) {
            const QString key = generateSyncKey();
            QVERIFY(isNormalisedSyncKey(key));
            QCOMPARE(normaliseSyncKey(key).value(), key);
            seen.insert(key);
        }
        QCOMPARE(seen.size(), 64);
    }
};

QTEST_GUILESS_MAIN(TestSyncKey)
#include "test_sync_key.moc"
