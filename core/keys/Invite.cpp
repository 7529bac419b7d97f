#include "core/keys/Invite.h"

#include "core/keys/SyncKey.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringDecoder>

#include <sodium.h>

#include <array>
#include <optional>

namespace pluresdb::keys {

namespace {

constexpr char kChecksumContext[] = "pluresdb invite v1";  // the BLAKE2b key; 18 bytes
constexpr qsizetype kMaxQueryParameters = 32;
constexpr qsizetype kChecksumHexLength = 2 * kInviteChecksumBytes;

// The translation context of this file's messages (Q_DECLARE_TR_FUNCTIONS is what lupdate reads).
struct Messages {
    Q_DECLARE_TR_FUNCTIONS(pluresdb::keys::Invite)
};

InviteParse failure(InviteError error, QString message) {
    InviteParse result;
    result.error = error;
    result.message = std::move(message);
    return result;
}

InviteParse success(Invite invite) {
    InviteParse result;
    result.invite = std::move(invite);
    return result;
}

bool isUnreservedForEncoder(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool isHexDigit(char16_t u) {
    return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F');
}

int hexValue(char16_t u) {
    if (u >= '0' && u <= '9') return u - '0';
    if (u >= 'a' && u <= 'f') return u - 'a' + 10;
    return u - 'A' + 10;
}

QString percentEncode(const QString& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    QString out;
    for (const char c : text.toUtf8()) {
        if (isUnreservedForEncoder(c)) {
            out += QLatin1Char(c);
        } else {
            const auto b = static_cast<unsigned char>(c);
            out += QLatin1Char('%');
            out += QLatin1Char(kHex[b >> 4]);
            out += QLatin1Char(kHex[b & 0xF]);
        }
    }
    return out;
}

// Strict percent-decoding of a query value into UTF-8: a stray '%' or invalid UTF-8 is an error
// (returns false), never a guess. '+' is a space, as in HTML form encoding, for links made by hand.
bool percentDecode(QStringView value, QString& out) {
    QByteArray bytes;
    bytes.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char16_t u = value[i].unicode();
        if (u == '%') {
            if (i + 2 >= value.size()) return false;
            const char16_t hi = value[i + 1].unicode();
            const char16_t lo = value[i + 2].unicode();
            if (!isHexDigit(hi) || !isHexDigit(lo)) return false;
            bytes += static_cast<char>(hexValue(hi) * 16 + hexValue(lo));
            i += 2;
        } else if (u == '+') {
            bytes += ' ';
        } else if (u < 0x80) {
            bytes += static_cast<char>(u);
        } else {
            // A link copied from a browser's address bar may show non-ASCII unencoded. Convert the
            // whole run at once so surrogate pairs (emoji) stay together.
            qsizetype end = i;
            while (end < value.size() && value[end].unicode() >= 0x80) ++end;
            bytes += value.mid(i, end - i).toUtf8();
            i = end - 1;
        }
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    out = decoder.decode(bytes);
    return !decoder.hasError();
}

bool hasControlCharacter(const QString& text) {
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
            c == QChar::LineSeparator || c == QChar::ParagraphSeparator) {
            return true;
        }
    }
    return false;
}

bool endsLink(char16_t u) {
    return u <= ' ' || u == '<' || u == '>' || u == '"' || u == '\'' || u == '`' || u == 0x00A0 ||
           u == 0x201C || u == 0x201D;  // whitespace, quotes and brackets that chat apps put around links
}

bool isTrailingPunctuation(char16_t u) {
    return u == '.' || u == ',' || u == ';' || u == ':' || u == '!' || u == '?' || u == ')' || u == ']' ||
           u == '}';
}

InviteParse parseLink(QStringView link) {
    const QString prefix = QLatin1String(kInviteScheme) + QLatin1String("://");
    QStringView rest = link.mid(prefix.size());
    const QString action = QLatin1String(kInviteAction);
    if (!rest.startsWith(action, Qt::CaseInsensitive)) {
        return failure(InviteError::Malformed,
                       Messages::tr("This pluresdb:// link is not an invite (it does not start "
                                    "with pluresdb://join)."));
    }
    rest = rest.mid(action.size());
    if (rest.startsWith(u'/')) rest = rest.mid(1);
    if (rest.isEmpty()) {
        return failure(InviteError::Incomplete,
                       Messages::tr("The invite link stops before the key: it looks cut off."));
    }
    if (!rest.startsWith(u'?')) {
        return failure(InviteError::Malformed,
                       Messages::tr("The invite link is malformed (expected '?' after "
                                    "pluresdb://join)."));
    }
    rest = rest.mid(1);

    std::optional<QString> version, key, name, check;
    qsizetype count = 0;
    for (QStringView pair : rest.split(u'&', Qt::SkipEmptyParts)) {
        if (++count > kMaxQueryParameters) {
            return failure(InviteError::Malformed,
                           Messages::tr("The invite link is malformed (too many parameters)."));
        }
        const qsizetype eq = pair.indexOf(u'=');
        const QStringView field = eq < 0 ? pair : pair.left(eq);
        const QStringView raw = eq < 0 ? QStringView() : pair.mid(eq + 1);
        std::optional<QString>* slot = nullptr;
        if (field == u"v")
            slot = &version;
        else if (field == u"key")
            slot = &key;
        else if (field == u"name")
            slot = &name;
        else if (field == u"check")
            slot = &check;
        else
            continue;  // unknown parameters are for newer versions; the checksum does not cover them
        if (slot->has_value()) {
            return failure(
                InviteError::Malformed,
                Messages::tr("The invite link is malformed (parameter '%1' appears twice).").arg(field));
        }
        QString value;
        if (!percentDecode(raw, value)) {
            return failure(
                InviteError::Malformed,
                Messages::tr("The invite link is malformed (bad percent-encoding in '%1').").arg(field));
        }
        *slot = std::move(value);
    }

    if (version && *version != QString::number(kInviteVersion)) {
        return failure(
            InviteError::UnsupportedVersion,
            Messages::tr("This invite was made by a newer version of PluresDB (invite version %1). "
                         "Please update the app.")
                .arg(version->left(8)));
    }
    if (!key) {
        return failure(InviteError::Incomplete,
                       Messages::tr("The invite link has no key: it looks cut off."));
    }
    const Result<QString> normalised = normaliseSyncKey(*key);
    if (!normalised) {
        return failure(InviteError::BadKey,
                       Messages::tr("The key in the invite is wrong. %1").arg(normalised.errorMessage()));
    }
    const QString spaceName = name.value_or(QString());
    if (spaceName.size() > kMaxSpaceNameLength) {
        return failure(InviteError::Malformed,
                       Messages::tr("The invite link is malformed (the space name is longer "
                                    "than %1 characters).")
                           .arg(kMaxSpaceNameLength));
    }
    if (hasControlCharacter(spaceName)) {
        return failure(InviteError::Malformed,
                       Messages::tr("The invite link is malformed (the space name has control characters)."));
    }
    if (!check || check->isEmpty()) {
        return failure(InviteError::Incomplete,
                       Messages::tr("The invite link has no checksum: it looks cut off."));
    }
    for (QChar c : *check) {
        if (!isHexDigit(c.unicode())) {
            return failure(InviteError::Malformed,
                           Messages::tr("The invite link is malformed (the checksum is not hexadecimal)."));
        }
    }
    if (check->size() < kChecksumHexLength) {
        return failure(InviteError::Incomplete,
                       Messages::tr("The invite's checksum is too short: the link looks cut off."));
    }
    if (check->size() > kChecksumHexLength) {
        return failure(InviteError::Malformed,
                       Messages::tr("The invite link is malformed (the checksum is too long)."));
    }
    if (check->toLower() != inviteChecksum(*normalised, spaceName)) {
        return failure(
            InviteError::ChecksumMismatch,
            Messages::tr("The invite's checksum does not match its key and space name: a character was "
                         "changed or mistyped. Ask for the invite again, or copy it instead of typing it."));
    }
    return success(Invite{*normalised, spaceName, true});
}

// A whole message with no link: accept it if exactly one word is a well-formed key.
std::optional<QString> singleKeyWord(QStringView text) {
    std::optional<QString> found;
    for (QStringView word : text.split(u' ', Qt::SkipEmptyParts)) {
        while (!word.isEmpty() && (isTrailingPunctuation(word.back().unicode()) || word.back() == u'"')) {
            word.chop(1);
        }
        while (!word.isEmpty() && (word.front() == u'(' || word.front() == u'"')) word = word.mid(1);
        if (word.size() != kSyncKeyHexLength) continue;
        const Result<QString> key = normaliseSyncKey(word);
        if (!key) continue;
        if (found && *found != *key) return std::nullopt;  // two different keys: which one is meant?
        found = *key;
    }
    return found;
}

}  // namespace

QString inviteChecksum(const QString& normalisedKey, const QString& name) {
    if (sodium_init() < 0) qFatal("libsodium failed to initialise");
    std::array<unsigned char, kSyncKeyBytes> raw{};
    const QByteArray hex = normalisedKey.toLatin1();
    size_t rawLength = 0;
    sodium_hex2bin(raw.data(), raw.size(), hex.constData(), static_cast<size_t>(hex.size()), nullptr,
                   &rawLength, nullptr);
    const QByteArray nameBytes = name.toUtf8();
    crypto_generichash_state state;
    std::array<unsigned char, crypto_generichash_BYTES_MIN> digest{};
    crypto_generichash_init(&state, reinterpret_cast<const unsigned char*>(kChecksumContext),
                            sizeof kChecksumContext - 1, digest.size());
    crypto_generichash_update(&state, raw.data(), raw.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(nameBytes.constData()),
                              static_cast<unsigned long long>(nameBytes.size()));
    crypto_generichash_final(&state, digest.data(), digest.size());
    sodium_memzero(raw.data(), raw.size());
    sodium_memzero(&state, sizeof state);
    char out[kChecksumHexLength + 1];
    sodium_bin2hex(out, sizeof out, digest.data(), kInviteChecksumBytes);
    return QString::fromLatin1(out, kChecksumHexLength);
}

QString inviteLink(const Invite& invite) {
    return QStringLiteral("%1://%2?v=%3&key=%4&name=%5&check=%6")
        .arg(QLatin1String(kInviteScheme), QLatin1String(kInviteAction), QString::number(kInviteVersion),
             invite.key, percentEncode(invite.name), inviteChecksum(invite.key, invite.name));
}

QString inviteText(const Invite& invite) {
    return Messages::tr(
               "You are invited to the PluresDB space \"%1\". Open this link in "
               "PluresDB, or paste this whole message into Join space:\n%2")
        .arg(invite.name, inviteLink(invite));
}

InviteParse parseInvite(QStringView text) {
    if (text.size() > kMaxInviteTextLength) {
        return failure(InviteError::TooLong,
                       Messages::tr("The text is too long to be an invite (more than %1 characters).")
                           .arg(kMaxInviteTextLength));
    }
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return failure(InviteError::Empty, Messages::tr("Paste an invite link or a sync key."));

    const QString prefix = QLatin1String(kInviteScheme) + QLatin1String("://");
    const qsizetype start = trimmed.indexOf(prefix, 0, Qt::CaseInsensitive);
    if (start >= 0) {
        qsizetype end = start + prefix.size();
        while (end < trimmed.size() && !endsLink(trimmed[end].unicode())) ++end;
        QStringView link = trimmed.mid(start, end - start);
        while (!link.isEmpty() && isTrailingPunctuation(link.back().unicode())) link.chop(1);
        return parseLink(link);
    }

    bool hasSpace = false;
    for (QChar c : trimmed) hasSpace = hasSpace || c.isSpace();
    if (!hasSpace) {
        if (trimmed.contains(u"://")) {
            return failure(InviteError::Malformed,
                           Messages::tr("This is a link, but not a PluresDB invite (those start "
                                        "with pluresdb://)."));
        }
        const Result<QString> key = normaliseSyncKey(trimmed);
        if (!key) return failure(InviteError::BadKey, key.errorMessage());
        return success(Invite{*key, QString(), false});
    }
    QString flattened = trimmed.toString();
    for (QChar& c : flattened) {
        if (c.isSpace()) c = u' ';
    }
    if (const std::optional<QString> key = singleKeyWord(flattened))
        return success(Invite{*key, QString(), false});
    return failure(InviteError::Malformed,
                   Messages::tr("No PluresDB invite link (pluresdb://join?...) or sync key was "
                                "found in the text."));
}

}  // namespace pluresdb::keys
