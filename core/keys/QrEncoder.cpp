#include "core/keys/QrEncoder.h"

#include <QCoreApplication>

#include <qrencode.h>

#include <cerrno>
#include <memory>

namespace pluresdb::keys {

namespace {
// The translation context of this file's messages (Q_DECLARE_TR_FUNCTIONS is what lupdate reads).
struct Messages {
    Q_DECLARE_TR_FUNCTIONS(pluresdb::keys::Qr)
};
}  // namespace

Result<QrMatrix> encodeQr(const QByteArray& utf8) {
    if (utf8.isEmpty() || utf8.size() > kMaxQrPayloadBytes) {
        return makeError(Messages::tr("Cannot make a QR code of %1 bytes.").arg(utf8.size()));
    }
    // Version 0 lets libqrencode pick the smallest version that fits. Byte (8-bit) mode, not
    // QRcode_encodeString's auto modes: the link must round-trip byte for byte.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(utf8.size()),
                          reinterpret_cast<const unsigned char*>(utf8.constData()), 0, QR_ECLEVEL_M),
        &QRcode_free);
    if (!code) {
        return makeError(Messages::tr("libqrencode failed (errno %1).").arg(errno));
    }
    QrMatrix matrix;
    matrix.size = code->width;
    matrix.modules.resize(static_cast<size_t>(code->width) * code->width);
    // libqrencode: bit 0 of each byte is the module colour (1 = dark); the other bits describe its role.
    for (size_t i = 0; i < matrix.modules.size(); ++i) matrix.modules[i] = code->data[i] & 1;
    return matrix;
}

}  // namespace pluresdb::keys
