#include "core/keys/QrDecoder.h"

#include <QCoreApplication>

// <ZXing/...>: zxing-cpp 3's pkg-config file adds only the include root (1.x also adds ZXing/).
#include <ZXing/ReadBarcode.h>

namespace pluresdb::keys {

namespace {

// zxing-cpp 2.2 renamed DecodeHints to ReaderOptions and 3.0 dropped the old name; Debian 12 has
// 1.4, vcpkg and Homebrew have 3.x. ReadBarcode's result (Result, later Barcode) is used through
// auto, and its bytes() (ByteArray, later std::vector<uint8_t>) through data()/size().
#if __has_include(<ZXing/ReaderOptions.h>)
using ReaderOptions = ZXing::ReaderOptions;
#else
using ReaderOptions = ZXing::DecodeHints;
#endif

// The translation context of this file's messages (Q_DECLARE_TR_FUNCTIONS is what lupdate reads).
struct Messages {
    Q_DECLARE_TR_FUNCTIONS(pluresdb::keys::Qr)
};
}  // namespace

Result<QByteArray> decodeQr(const LuminanceView& image) {
    if (!image.pixels || image.width <= 0 || image.height <= 0 || image.bytesPerLine < image.width) {
        return makeError(Messages::tr("The picture is empty."));
    }
    if (image.width > kMaxQrImageSide || image.height > kMaxQrImageSide) {
        return makeError(Messages::tr("The picture is too large (%1 x %2 pixels; at most %3 on a side).")
                             .arg(image.width)
                             .arg(image.height)
                             .arg(kMaxQrImageSide));
    }
    const ZXing::ImageView view(image.pixels, image.width, image.height, ZXing::ImageFormat::Lum,
                                image.bytesPerLine, 1);
    ReaderOptions options;
    options.setFormats(ZXing::BarcodeFormat::QRCode);
    options.setTryHarder(true);
    options.setTryRotate(true);
    const auto result = ZXing::ReadBarcode(view, options);
    if (!result.isValid()) return makeError(Messages::tr("No QR code was found in the picture."));
    // bytes() is the payload as encoded, without ZXing's character-set guessing: the invite
    // parser decodes UTF-8 itself.
    const auto& bytes = result.bytes();
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
}

}  // namespace pluresdb::keys
