#pragma once

// Encodes text (an invite link) as a QR code with libqrencode, in byte mode with error correction
// level M (15 % of the code can be damaged or covered, which a phone photo of a screen needs).

#include "core/common/Result.h"
#include "core/keys/QrMatrix.h"

#include <QByteArray>

namespace pluresdb::keys {

// Version 40 at level M holds 2331 bytes; an invite is under 1 KiB even with a 200-character name.
inline constexpr qsizetype kMaxQrPayloadBytes = 2331;

Result<QrMatrix> encodeQr(const QByteArray& utf8);

}  // namespace pluresdb::keys
