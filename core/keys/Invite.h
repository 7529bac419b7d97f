#pragma once

// Invites: how a sync key travels from one person to another (ARCHITECTURE.md §1).
//
// Link (version 1):
//     pluresdb://join?v=1&key=<64 lowercase hex>&name=<percent-encoded UTF-8>&check=<8 hex>
// `check` is the first 4 bytes of BLAKE2b-128 keyed with "pluresdb invite v1" over the 32 raw key
// bytes followed by the UTF-8 name. A key with a mistyped hex digit, or a name that was edited,
// fails the check with its own message; a key that was cut short fails the length check; neither is
// reported as a "malformed link". The encoder percent-encodes every name byte except A-Z a-z 0-9 - _
// so a link never ends in punctuation and can be found inside a chat message and trimmed safely.
//
// The parser accepts, in this order: any text that contains a pluresdb:// link (a whole pasted
// message works), a bare 64-hex key, or a text in which exactly one word is a 64-hex key. Input is
// outside bytes: it is bounded (kMaxInviteTextLength) and never crashes (tests/fuzz/fuzz_invite.cpp).

#include <QString>
#include <QStringView>

namespace pluresdb::keys {

inline constexpr qsizetype kMaxInviteTextLength = 16 * 1024;  // a long chat message, not a file
inline constexpr qsizetype kMaxSpaceNameLength = 200;         // UTF-16 units, after decoding
inline constexpr const char* kInviteScheme = "pluresdb";
inline constexpr const char* kInviteAction = "join";
inline constexpr int kInviteVersion = 1;
inline constexpr int kInviteChecksumBytes = 4;

struct Invite {
    QString key;               // normalised: 64 lowercase hex
    QString name;              // the space name; empty for a bare key
    bool hadChecksum = false;  // false for a bare key: nothing vouches for it beyond its form
};

enum class InviteError {
    None,
    Empty,               // nothing but whitespace
    TooLong,             // more than kMaxInviteTextLength
    Malformed,           // not an invite at all, or a link we cannot read
    Incomplete,          // a link that stops early (no key or no checksum, or a short checksum)
    BadKey,              // the key is the wrong length or has a non-hex character
    ChecksumMismatch,    // the key or the name was changed: a typo, or an edited link
    UnsupportedVersion,  // made by a newer PluresDB
};

struct InviteParse {
    InviteError error = InviteError::None;
    QString message;  // translated, for the user; never contains the key
    Invite invite;    // valid only when error == None

    bool ok() const { return error == InviteError::None; }
};

QString inviteChecksum(const QString& normalisedKey, const QString& name);  // 8 lowercase hex
QString inviteLink(const Invite& invite);
// A short message for chat or e-mail that contains the link (and so pastes back into JoinDialog).
QString inviteText(const Invite& invite);

InviteParse parseInvite(QStringView text);

}  // namespace pluresdb::keys
