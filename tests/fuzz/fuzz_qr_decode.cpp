// Fuzzes the QR decoder wrapper (core/keys/QrDecoder.h) with arbitrary greyscale pictures: the
// first two bytes choose the width (the picture is whatever the rest of the input fills), so the
// fuzzer explores odd shapes, strides and content. ZXing does the decoding; we own the bounds.

#include "core/keys/QrDecoder.h"

#include <cstdint>

using namespace pluresdb::keys;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 3 || size > 64 * 1024) return 0;
    const int width = 1 + ((data[0] | (data[1] << 8)) % 512);
    const uint8_t* pixels = data + 2;
    const int height = static_cast<int>((size - 2) / static_cast<size_t>(width));
    if (height == 0) return 0;
    (void)decodeQr(LuminanceView{pixels, width, height, width});
    return 0;
}
