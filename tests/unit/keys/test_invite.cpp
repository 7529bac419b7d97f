// Invite links and texts (core/keys/Invite.h): round trips, what is accepted, and that each kind
// of damage gets its own clear error.

#include "core/keys/Invite.h"
#include "core/keys/SyncKey.h"

#include <QTest>

using namespace pluresdb::keys;

namespace {

const QString kKey = QStringLiteral("00112233445566778899aabbccddeeff").repeated(2);

QString replaceParam(QString link, const QString& name, const QString& value) {
    const qsizetype at = link.indexOf(name + QLatin1Char('='));
    const qsizetype end = link.indexOf(QLatin1Char('&'), at);
    link.replace(at, (end < 0 ? link.size() : end) - at, name + QLatin1Char('=') + value);
    return link;
}

}  // namespace

class TestInvite : public QObject {
    Q_OBJECT

private slots:
    /// A link made by inviteLink() parses back to the same key and name, for ASCII, non-Latin,
    /// emoji, punctuation and empty names.
    void roundTrip_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("ascii") << QStringLiteral("Team notes");
        QTest::newRow("empty") << QString();
        QTest::newRow("unicode") << QStringLiteral("Família Straße 家族 🏡");
        QTest::newRow("url chars") << QStringLiteral("a&b=c?d#e%f+g/h.i, (j)");
        QTest::newRow("longest") << QStringLiteral("x").repeated(kMaxSpaceNameLength);
    }
    void roundTrip() {
        QFETCH(QString, name);
        const Invite invite{kKey, name, true};
        const QString link = inviteLink(invite);
        QVERIFY(
            link.startsWith(QStringLiteral("pluresdb://join?v=1&key=") + kKey + QStringLiteral("&name=")));
        const InviteParse parsed = parseInvite(link);
        QVERIFY2(parsed.ok(), qPrintable(parsed.message));
        QCOMPARE(parsed.invite.key, kKey);
        QCOMPARE(parsed.invite.name, name);
        QVERIFY(parsed.invite.hadChecksum);
        // The link is plain ASCII with nothing a chat app would cut it at.
        for (QChar c : link) QVERIFY(c.unicode() > ' ' && c.unicode() < 0x7f && c != u'"' && c != u'<');
    }

    /// The checksum is a fixed function of key and name (a test vector, so other implementations
    /// can check theirs): BLAKE2b-128 keyed "pluresdb invite v1" over raw key || UTF-8 name, first 4 bytes.
    void checksumVector() {
        QVERIFY(inviteChecksum(kKey, QStringLiteral("Team notes")) !=
                inviteChecksum(kKey, QStringLiteral("Team notez")));
        QCOMPARE(inviteChecksum(kKey, QStringLiteral("Team notes")).size(),
                 qsizetype(2 * kInviteChecksumBytes));
        QCOMPARE(inviteChecksum(kKey, QStringLiteral("Team notes")),
                 QStringLiteral("6b48f36f"));  // Python hashlib.blake2b
    }

    /// A link whose name shows unencoded (as a browser's address bar displays it) still parses,
    /// emoji included, and its checksum matches.
    void acceptsUnencodedNonAsciiName() {
        const QString name = QStringLiteral("Café🏡家");  // no space: a space ends a link in text
        const QString link = QStringLiteral("pluresdb://join?v=1&key=") + kKey + QStringLiteral("&name=") +
                             name + QStringLiteral("&check=") + inviteChecksum(kKey, name);
        const InviteParse parsed = parseInvite(link);
        QVERIFY2(parsed.ok(), qPrintable(parsed.message));
        QCOMPARE(parsed.invite.name, name);
    }

    /// Pasting a whole message, a link wrapped in <> or quotes, or followed by punctuation, works.
    void findsLinkInText_data() {
        QTest::addColumn<QString>("text");
        const QString link = inviteLink(Invite{kKey, QStringLiteral("Home"), true});
        QTest::newRow("invite text") << inviteText(Invite{kKey, QStringLiteral("Home"), true});
        QTest::newRow("angle brackets") << QStringLiteral("join: <") + link + QStringLiteral(">");
        QTest::newRow("quotes") << QStringLiteral("\"") + link + QStringLiteral("\"");
        QTest::newRow("trailing period") << QStringLiteral("Here it is: ") + link + QStringLiteral(".");
        QTest::newRow("parenthesis") << QStringLiteral("(") + link + QStringLiteral(")");
        QTest::newRow("upper-case scheme") << QStringLiteral("PLURESDB://JOIN") + link.mid(15);
        QTest::newRow("newlines") << QStringLiteral("\r\n\r\n") + link +
                                         QStringLiteral("\r\n-- \r\nsent from phone");
        QTest::newRow("slash before query") << QStringLiteral("pluresdb://join/") + link.mid(15);
        QTest::newRow("upper-case key") << replaceParam(link, QStringLiteral("key"), kKey.toUpper());
    }
    void findsLinkInText() {
        QFETCH(QString, text);
        const InviteParse parsed = parseInvite(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.message));
        QCOMPARE(parsed.invite.key, kKey);
        QCOMPARE(parsed.invite.name, QStringLiteral("Home"));
    }

    /// A bare key (any case, surrounding space) and a message whose one 64-hex word is the key are
    /// accepted, marked as not checksummed.
    void acceptsBareKey() {
        for (const QString& text : {kKey, kKey.toUpper(), QStringLiteral("  ") + kKey + QStringLiteral("\n"),
                                    QStringLiteral("the key is ") + kKey + QStringLiteral(", thanks")}) {
            const InviteParse parsed = parseInvite(text);
            QVERIFY2(parsed.ok(), qPrintable(parsed.message));
            QCOMPARE(parsed.invite.key, kKey);
            QVERIFY(parsed.invite.name.isEmpty());
            QVERIFY(!parsed.invite.hadChecksum);
        }
    }

    /// Each kind of damage gets its own kind and message; a changed key digit or name is a
    /// checksum error, a cut key is a key error, and neither says "malformed".
    void clearErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        const QString link = inviteLink(Invite{kKey, QStringLiteral("Home"), true});
        QString typo = link;
        typo[link.indexOf(QStringLiteral("key=")) + 4 + 10] = u'f';  // '5' -> 'f': still hex
        QTest::newRow("typo in key") << typo << int(InviteError::ChecksumMismatch)
                                     << QStringLiteral("checksum does not match");
        QTest::newRow("edited name") << replaceParam(link, QStringLiteral("name"), QStringLiteral("Hone"))
                                     << int(InviteError::ChecksumMismatch)
                                     << QStringLiteral("checksum does not match");
        QTest::newRow("wrong check") << replaceParam(link, QStringLiteral("check"),
                                                     QStringLiteral("00000000"))
                                     << int(InviteError::ChecksumMismatch)
                                     << QStringLiteral("checksum does not match");
        QTest::newRow("cut key") << replaceParam(link, QStringLiteral("key"), kKey.left(50))
                                 << int(InviteError::BadKey)
                                 << QStringLiteral("50 characters but needs exactly 64: it looks cut off");
        QString nonHex = kKey;
        nonHex[20] = u'x';
        QTest::newRow("non-hex key") << replaceParam(link, QStringLiteral("key"), nonHex)
                                     << int(InviteError::BadKey) << QStringLiteral("at position 21");
        QTest::newRow("link cut in key") << link.left(link.indexOf(QStringLiteral("key=")) + 30)
                                         << int(InviteError::BadKey) << QStringLiteral("it looks cut off");
        QTest::newRow("link cut before check")
            << link.left(link.indexOf(QStringLiteral("&check"))) << int(InviteError::Incomplete)
            << QStringLiteral("no checksum");
        QTest::newRow("link cut in check")
            << link.left(link.size() - 3) << int(InviteError::Incomplete) << QStringLiteral("too short");
        QTest::newRow("link cut before key") << QStringLiteral("pluresdb://join?v=1&ke")
                                             << int(InviteError::Incomplete) << QStringLiteral("no key");
        QTest::newRow("only scheme") << QStringLiteral("pluresdb://join") << int(InviteError::Incomplete)
                                     << QStringLiteral("cut off");
        QTest::newRow("other action") << QStringLiteral("pluresdb://leave?key=") + kKey
                                      << int(InviteError::Malformed) << QStringLiteral("not an invite");
        QTest::newRow("no query") << QStringLiteral("pluresdb://join#") + kKey << int(InviteError::Malformed)
                                  << QStringLiteral("malformed");
        QTest::newRow("bad percent") << replaceParam(link, QStringLiteral("name"), QStringLiteral("Ho%4"))
                                     << int(InviteError::Malformed) << QStringLiteral("percent-encoding");
        QTest::newRow("bad utf8") << replaceParam(link, QStringLiteral("name"), QStringLiteral("%C3%28"))
                                  << int(InviteError::Malformed) << QStringLiteral("percent-encoding");
        QTest::newRow("control char") << replaceParam(link, QStringLiteral("name"), QStringLiteral("a%0Ab"))
                                      << int(InviteError::Malformed) << QStringLiteral("control characters");
        QTest::newRow("twice") << link + QStringLiteral("&key=") + kKey << int(InviteError::Malformed)
                               << QStringLiteral("appears twice");
        QTest::newRow("non-hex check")
            << replaceParam(link, QStringLiteral("check"), QStringLiteral("zzzzzzzz"))
            << int(InviteError::Malformed) << QStringLiteral("not hexadecimal");
        QTest::newRow("newer version")
            << replaceParam(link, QStringLiteral("v"), QStringLiteral("2"))
            << int(InviteError::UnsupportedVersion) << QStringLiteral("newer version");
        QTest::newRow("https link") << QStringLiteral("https://example.org/join?key=") + kKey
                                    << int(InviteError::Malformed) << QStringLiteral("not a PluresDB invite");
        QTest::newRow("prose") << QStringLiteral("hello, how are you?") << int(InviteError::Malformed)
                               << QStringLiteral("No PluresDB invite link");
        QTest::newRow("two keys") << kKey + QStringLiteral(" ") + generateSyncKey()
                                  << int(InviteError::Malformed) << QStringLiteral("No PluresDB invite link");
        QTest::newRow("empty") << QStringLiteral(" \n\t ") << int(InviteError::Empty)
                               << QStringLiteral("Paste");
        QTest::newRow("too long") << QStringLiteral("a").repeated(kMaxInviteTextLength + 1)
                                  << int(InviteError::TooLong) << QStringLiteral("too long");
        QTest::newRow("long name") << replaceParam(link, QStringLiteral("name"),
                                                   QStringLiteral("x").repeated(201))
                                   << int(InviteError::Malformed) << QStringLiteral("longer than 200");
    }
    void clearErrors() {
        QFETCH(QString, text);
        QFETCH(int, error);
        QFETCH(QString, message);
        const InviteParse parsed = parseInvite(text);
        QCOMPARE(int(parsed.error), error);
        QVERIFY2(parsed.message.contains(message), qPrintable(parsed.message));
        if (error == int(InviteError::ChecksumMismatch) || error == int(InviteError::BadKey)) {
            QVERIFY(!parsed.message.contains(QStringLiteral("malformed")));
        }
        QVERIFY(!parsed.message.contains(kKey.left(16)));  // errors never echo the key
    }
};

QTEST_GUILESS_MAIN(TestInvite)
#include "test_invite.moc"
