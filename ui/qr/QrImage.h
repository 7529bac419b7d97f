#pragma once

// QR codes as pictures: painting a core QrMatrix into a QImage for the share dialog, and turning a
// picture (a file, the clipboard) into the greyscale view the core's ZXing decoder reads. The core
// stays free of QtGui; this is the only place the two meet.

#include "core/common/Result.h"
#include "core/keys/QrMatrix.h"

#include <QByteArray>
#include <QImage>
#include <QString>

namespace pluresdb::ui {

inline constexpr int kQrQuietZoneModules = 4;  // ISO/IEC 18004 requires 4 light modules around the code

// Black on white, `modulePixels` per module, with the quiet zone. Grayscale8.
QImage renderQrImage(const keys::QrMatrix& matrix, int modulePixels);

// The payload of the QR code in `image` (any format; converted to 8-bit grey first).
Result<QByteArray> decodeQrImage(const QImage& image);

// Reads a picture file (refusing huge ones before decoding them) and decodes its QR code.
Result<QByteArray> decodeQrImageFile(const QString& path);

}  // namespace pluresdb::ui
