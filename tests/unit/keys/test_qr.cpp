// QR encoding (libqrencode) and decoding (ZXing) in the core, without QtGui: the test paints the
// matrix into a greyscale buffer itself.

#include "core/keys/Invite.h"
#include "core/keys/QrDecoder.h"
#include "core/keys/QrEncoder.h"
#include "core/keys/SyncKey.h"

#include <QRandomGenerator>
#include <QTest>

#include <vector>

using namespace pluresdb::keys;

namespace {

struct Picture {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;
    LuminanceView view() const { return {pixels.data(), width, height, width}; }
};

Picture paint(const QrMatrix& m, int scale, int quiet = 4) {
    Picture p;
    p.width = p.height = (m.size + 2 * quiet) * scale;
    p.pixels.assign(static_cast<size_t>(p.width) * p.height, 255);
    for (int y = 0; y < m.size; ++y) {
        for (int x = 0; x < m.size; ++x) {
            if (!m.dark(x, y)) continue;
            for (int dy = 0; dy < scale; ++dy) {
                for (int dx = 0; dx < scale; ++dx) {
                    p.pixels[static_cast<size_t>((y + quiet) * scale + dy) * p.width + (x + quiet) * scale +
                             dx] = 0;
                }
            }
        }
    }
    return p;
}

}  // namespace

class TestQr : public QObject {
    Q_OBJECT

private slots:
    /// An invite link survives encode → paint → decode byte for byte, including a non-ASCII name.
    void inviteRoundTrip() {
        const QString link = inviteLink(Invite{generateSyncKey(), QStringLiteral("Café 🏡 notes"), true});
        const auto matrix = encodeQr(link.toUtf8());
        QVERIFY2(matrix, qPrintable(matrix.ok() ? QString() : matrix.errorMessage()));
        QVERIFY(matrix->size >= 21 && matrix->size <= 177 && (matrix->size - 17) % 4 == 0);
        const Picture picture = paint(*matrix, 4);
        const auto decoded = decodeQr(picture.view());
        QVERIFY2(decoded, qPrintable(decoded.ok() ? QString() : decoded.errorMessage()));
        QCOMPARE(QString::fromUtf8(*decoded), link);
        QVERIFY(parseInvite(QString::fromUtf8(*decoded)).ok());
    }

    /// The longest invite (200-character non-ASCII name) still fits a QR code and decodes.
    void longestInviteFits() {
        const QString link =
            inviteLink(Invite{generateSyncKey(), QStringLiteral("é").repeated(kMaxSpaceNameLength), true});
        const auto matrix = encodeQr(link.toUtf8());
        QVERIFY(matrix);
        const auto decoded = decodeQr(paint(*matrix, 3).view());
        QVERIFY2(decoded, qPrintable(decoded.ok() ? QString() : decoded.errorMessage()));
        QCOMPARE(QString::fromUtf8(*decoded), link);
    }

    /// Pictures without a code, empty or absurd pictures, and oversized payloads are errors.
    void errors() {
        Picture noise;
        noise.width = noise.height = 200;
        noise.pixels.resize(200 * 200);
        for (auto& px : noise.pixels) px = static_cast<uint8_t>(QRandomGenerator::global()->bounded(256));
        QVERIFY(!decodeQr(noise.view()));
        Picture white;
        white.width = white.height = 100;
        white.pixels.assign(100 * 100, 255);
        const auto none = decodeQr(white.view());
        QVERIFY(!none);
        QVERIFY(none.errorMessage().contains(QStringLiteral("No QR code")));
        QVERIFY(!decodeQr(LuminanceView{}));
        QVERIFY(!decodeQr(LuminanceView{white.pixels.data(), 100, 100, 50}));  // stride < width
        QVERIFY(decodeQr(LuminanceView{white.pixels.data(), kMaxQrImageSide + 1, 1, kMaxQrImageSide + 1})
                    .errorMessage()
                    .contains(QStringLiteral("too large")));
        QVERIFY(!encodeQr(QByteArray()));
        QVERIFY(!encodeQr(QByteArray(kMaxQrPayloadBytes + 1, 'a')));
    }
};

QTEST_GUILESS_MAIN(TestQr)
#include "test_qr.moc"
