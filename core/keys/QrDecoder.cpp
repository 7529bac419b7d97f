#include "core/keys/QrDecoder.h"

#include <QCoreApplication>

#include <ReadBarcode.h>

namespace pluresdb::keys {

namespace {
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
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid()) return makeError(Messages::tr("No QR code was found in the picture."));
    // bytes() is the payload as encoded, without ZXing's character-set guessing: the invite
    // parser decodes UTF-8 itself.
    const ZXing::ByteArray& bytes = result.bytes();
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
}

}  // namespace pluresdb::keys
