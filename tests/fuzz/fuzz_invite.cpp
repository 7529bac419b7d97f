// Fuzzes the invite parser (core/keys/Invite.h): any pasted text, link or QR payload. Beyond "no
// crash, no hang", checks that whatever it accepts is a normalised key with a bounded, clean name,
// and that an accepted checksummed invite re-encodes to a link that parses to the same invite.

#include "core/keys/Invite.h"
#include "core/keys/SyncKey.h"

#include <QString>

#include <cstdint>
#include <cstdlib>

using namespace pluresdb::keys;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 2 * kMaxInviteTextLength) return 0;  // the parser refuses these up front
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const InviteParse parsed = parseInvite(text);
    if (!parsed.ok()) {
        if (parsed.message.isEmpty()) std::abort();
        return 0;
    }
    if (!isNormalisedSyncKey(parsed.invite.key)) std::abort();
    if (parsed.invite.name.size() > kMaxSpaceNameLength) std::abort();
    if (parsed.invite.hadChecksum) {
        const InviteParse again = parseInvite(inviteLink(parsed.invite));
        if (!again.ok() || again.invite.key != parsed.invite.key || again.invite.name != parsed.invite.name) {
            std::abort();
        }
    }
    return 0;
}
