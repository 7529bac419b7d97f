#pragma once

// Finds and decodes a QR code in an 8-bit greyscale picture with ZXing (a photo or screenshot of
// an invite). The picture comes from outside (a file, the clipboard), so sizes are checked and a
// picture without a readable code is an error, never a crash.

#include "core/common/Result.h"

#include <QByteArray>

#include <cstdint>

namespace pluresdb::keys {

inline constexpr int kMaxQrImageSide = 10'000;  // pixels; a larger picture is refused before decoding

struct LuminanceView {
    const uint8_t* pixels = nullptr;  // 0 = black, 255 = white
    int width = 0;
    int height = 0;
    int bytesPerLine = 0;  // >= width
};

// The code's payload bytes (for an invite: the UTF-8 link).
Result<QByteArray> decodeQr(const LuminanceView& image);

}  // namespace pluresdb::keys
