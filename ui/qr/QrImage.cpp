#include "ui/qr/QrImage.h"

#include "core/keys/QrDecoder.h"

#include <QCoreApplication>
#include <QImageReader>

namespace pluresdb::ui {

namespace {
// The translation context of this file's messages (Q_DECLARE_TR_FUNCTIONS is what lupdate reads).
struct Messages {
    Q_DECLARE_TR_FUNCTIONS(pluresdb::ui::QrImage)
};
}  // namespace

QImage renderQrImage(const keys::QrMatrix& matrix, int modulePixels) {
    if (matrix.isEmpty() || modulePixels < 1) return {};
    const int side = (matrix.size + 2 * kQrQuietZoneModules) * modulePixels;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < matrix.size; ++y) {
        for (int x = 0; x < matrix.size; ++x) {
            if (!matrix.dark(x, y)) continue;
            const int left = (x + kQrQuietZoneModules) * modulePixels;
            const int top = (y + kQrQuietZoneModules) * modulePixels;
            for (int row = top; row < top + modulePixels; ++row) {
                memset(image.scanLine(row) + left, 0, static_cast<size_t>(modulePixels));
            }
        }
    }
    return image;
}

Result<QByteArray> decodeQrImage(const QImage& image) {
    if (image.isNull()) return makeError(Messages::tr("The picture is empty or could not be read."));
    if (image.width() > keys::kMaxQrImageSide || image.height() > keys::kMaxQrImageSide) {
        return makeError(Messages::tr("The picture is too large (%1 x %2 pixels).")
                             .arg(image.width())
                             .arg(image.height()));
    }
    // Transparent pixels (a PNG with an alpha channel) count as white: codes are dark on light.
    QImage opaque(image.size(), QImage::Format_RGB32);
    opaque.fill(Qt::white);
    {
        QImage source = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        for (int y = 0; y < source.height(); ++y) {
            const auto* in = reinterpret_cast<const QRgb*>(source.constScanLine(y));
            auto* out = reinterpret_cast<QRgb*>(opaque.scanLine(y));
            for (int x = 0; x < source.width(); ++x) {
                const QRgb p = in[x];
                const int a = qAlpha(p);
                // Premultiplied: composite over white by adding the missing white.
                out[x] = qRgb(qRed(p) + 255 - a, qGreen(p) + 255 - a, qBlue(p) + 255 - a);
            }
        }
    }
    const QImage grey = opaque.convertToFormat(QImage::Format_Grayscale8);
    return keys::decodeQr(keys::LuminanceView{grey.constBits(), grey.width(), grey.height(),
                                              static_cast<int>(grey.bytesPerLine())});
}

Result<QByteArray> decodeQrImageFile(const QString& path) {
    QImageReader reader(path);
    const QSize size = reader.size();  // from the header, before any pixel is decoded
    if (size.isValid() && (size.width() > keys::kMaxQrImageSide || size.height() > keys::kMaxQrImageSide)) {
        return makeError(
            Messages::tr("The picture is too large (%1 x %2 pixels).").arg(size.width()).arg(size.height()));
    }
    reader.setAllocationLimit(512);  // MiB; a lying header cannot make Qt allocate more
    const QImage image = reader.read();
    if (image.isNull()) {
        return makeError(Messages::tr("Could not read the picture %1: %2").arg(path, reader.errorString()));
    }
    return decodeQrImage(image);
}

}  // namespace pluresdb::ui
