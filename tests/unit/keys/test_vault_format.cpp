// The encrypted key file (core/keys/VaultFormat.h, EncryptedFileVault.h): layout, limits on what
// a tampered file can ask for, and that tampering or a wrong passphrase is detected.

#include "core/keys/EncryptedFileVault.h"
#include "core/keys/VaultFormat.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pluresdb::keys;

namespace {

const QString kPassphrase = QStringLiteral("a long enough passphrase");

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

}  // namespace

class TestVaultFormat : public QObject {
    Q_OBJECT

private slots:
    /// Entries and header serialise and parse back; the header has the documented size and magic.
    void roundTrip() {
        VaultEntries entries{{QStringLiteral("sync-key/a"), QByteArray(32, '\x01')},
                             {QStringLiteral("device-identity-seed"), QByteArray(32, '\x02')},
                             {QStringLiteral("ключ"), QByteArray()}};
        const auto parsed = parseVaultEntries(serializeVaultEntries(entries));
        QVERIFY(parsed);
        QCOMPARE(parsed->size(), entries.size());
        QCOMPARE(parsed->at(QStringLiteral("sync-key/a")), entries.at(QStringLiteral("sync-key/a")));

        VaultHeader header{2, 65536, QByteArray(kVaultSaltBytes, 's'), QByteArray(kVaultNonceBytes, 'n')};
        const QByteArray bytes = serializeVaultHeader(header);
        QCOMPARE(bytes.size(), qsizetype(kVaultHeaderBytes));
        QVERIFY(bytes.startsWith("PDBVAULT\x01\x01"));
        QByteArray sealed;
        const auto back = parseVaultHeader(bytes + QByteArray(kVaultMacBytes, 'm'), &sealed);
        QVERIFY2(back, qPrintable(back.ok() ? QString() : back.errorMessage()));
        QCOMPARE(back->opsLimit, 2u);
        QCOMPARE(back->memLimitKiB, 65536u);
        QCOMPARE(back->salt, header.salt);
        QCOMPARE(sealed, QByteArray(kVaultMacBytes, 'm'));
    }

    /// A header cannot make us burn unbounded CPU or memory, and foreign or truncated files are refused.
    void rejectsBadHeaders() {
        const QByteArray mac(kVaultMacBytes, 'm');
        auto header = [](uint32_t ops, uint32_t mem) {
            return serializeVaultHeader(
                {ops, mem, QByteArray(kVaultSaltBytes, 's'), QByteArray(kVaultNonceBytes, 'n')});
        };
        QVERIFY(!parseVaultHeader(header(kMaxVaultOpsLimit + 1, 65536) + mac));
        QVERIFY(!parseVaultHeader(header(0, 65536) + mac));
        QVERIFY(!parseVaultHeader(header(2, kMaxVaultMemLimitKiB + 1) + mac));
        QVERIFY(!parseVaultHeader(header(2, 1) + mac));
        QVERIFY(!parseVaultHeader(header(2, 65536)));  // no room for the MAC
        QByteArray newer = header(2, 65536) + mac;
        newer[8] = 2;
        QVERIFY(parseVaultHeader(newer).errorMessage().contains(QStringLiteral("newer version")));
        QVERIFY(!parseVaultHeader(QByteArray("SQLite format 3").leftJustified(200, '\0')));
        QVERIFY(!parseVaultEntries(QByteArray()));
        QVERIFY(!parseVaultEntries(QByteArray::fromHex("ffffffff")));  // absurd count
        QVERIFY(
            !parseVaultEntries(QByteArray::fromHex("01000000"
                                                   "0500"
                                                   "6162")));  // cut name
        QVERIFY(!parseVaultEntries(serializeVaultEntries({{QStringLiteral("a"), "x"}}) + "trailing"));
        // Out of order or repeated names (found by fuzz_vault: one content, one encoding).
        QVERIFY(
            !parseVaultEntries(QByteArray::fromHex("02000000"
                                                   "0100"
                                                   "62"
                                                   "0000"
                                                   "0100"
                                                   "61"
                                                   "0000")));
        QVERIFY(
            !parseVaultEntries(QByteArray::fromHex("02000000"
                                                   "0100"
                                                   "61"
                                                   "0000"
                                                   "0100"
                                                   "61"
                                                   "0000")));
        QVERIFY(
            parseVaultEntries(QByteArray::fromHex("02000000"
                                                  "0100"
                                                  "61"
                                                  "0000"
                                                  "0100"
                                                  "62"
                                                  "0000")));
    }

    /// The file vault stores, reopens with the right passphrase only, detects any flipped byte,
    /// never reuses a nonce across writes, and is owner-only on disk.
    void fileVault() {
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(QLatin1String(EncryptedFileVault::kFileName));
        const QByteArray secret =
            QByteArray::fromHex("8899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677");
        {
            auto vault = EncryptedFileVault::open(path, kPassphrase, EncryptedFileVault::KdfCost::minimum());
            QVERIFY(vault);
            QVERIFY((*vault)->write(QStringLiteral("sync-key/x"), secret));
        }
        const QByteArray first = readFile(path);
        QVERIFY(!first.contains(secret));
        QVERIFY(!first.contains(secret.toHex()));
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

        QVERIFY(!EncryptedFileVault::open(path, QStringLiteral("wrong passphrase"),
                                          EncryptedFileVault::KdfCost::minimum()));
        {
            auto vault = EncryptedFileVault::open(path, kPassphrase, EncryptedFileVault::KdfCost::minimum());
            QVERIFY(vault);
            QCOMPARE((*vault)->read(QStringLiteral("sync-key/x")).value_or(QByteArray()), secret);
            QVERIFY((*vault)->write(QStringLiteral("sync-key/y"), secret));
        }
        const QByteArray second = readFile(path);
        QVERIFY(first.mid(36, kVaultNonceBytes) != second.mid(36, kVaultNonceBytes));
        QCOMPARE(first.mid(20, kVaultSaltBytes), second.mid(20, kVaultSaltBytes));

        for (qsizetype at : {qsizetype(40), qsizetype(kVaultHeaderBytes), second.size() - 1}) {
            QByteArray tampered = second;
            tampered[at] = static_cast<char>(tampered[at] ^ 0x01);
            writeFile(path, tampered);
            const auto vault =
                EncryptedFileVault::open(path, kPassphrase, EncryptedFileVault::KdfCost::minimum());
            QVERIFY(!vault);
            QVERIFY(vault.errorMessage().contains(QStringLiteral("damaged")));
        }
    }
};

QTEST_GUILESS_MAIN(TestVaultFormat)
#include "test_vault_format.moc"
