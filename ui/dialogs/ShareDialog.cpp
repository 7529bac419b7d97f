#include "ui/dialogs/ShareDialog.h"

#include "core/keys/QrEncoder.h"
#include "ui/dialogs/SecretClipboard.h"
#include "ui/qr/QrImage.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <cmath>

namespace pluresdb::ui {

namespace {

constexpr int kQrTargetPixels = 280;  // phones read it from a screen at arm's length

SecretClipboard* sharedClipboard() {
    static const QPointer<SecretClipboard> instance = new SecretClipboard(nullptr, qApp);
    return instance;
}

}  // namespace

ShareDialog::ShareDialog(const keys::Invite& invite, SecretClipboard* clipboard, QWidget* parent)
    : QDialog(parent),
      m_clipboard(clipboard ? clipboard : sharedClipboard()),
      m_inviteText(keys::inviteText(invite)) {
    setWindowTitle(invite.name.isEmpty() ? tr("Share space") : tr("Share “%1”").arg(invite.name));

    auto* warningIcon = new QLabel;
    warningIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    auto* warning =
        new QLabel(tr("<b>Anyone who has this invite can read and change everything in this space</b>, "
                      "and can pass it on. There is no way to take it back short of moving to a "
                      "new space. Share it only with people you trust, over a private channel."));
    warning->setObjectName(QStringLiteral("warningLabel"));
    warning->setWordWrap(true);
    auto* warningRow = new QHBoxLayout;
    warningRow->addWidget(warningIcon, 0, Qt::AlignTop);
    warningRow->addWidget(warning, 1);

    const QString link = keys::inviteLink(invite);
    m_qrLabel = new QLabel;
    m_qrLabel->setObjectName(QStringLiteral("qrLabel"));
    m_qrLabel->setAlignment(Qt::AlignCenter);
    if (const auto matrix = keys::encodeQr(link.toUtf8())) {
        const int modules = matrix->size + 2 * kQrQuietZoneModules;
        m_qrImage = renderQrImage(*matrix, std::max(2, kQrTargetPixels / modules));
        m_qrMatrix = *matrix;
        updateQrPixmap();
        m_qrLabel->setToolTip(tr("Scan this code with PluresDB on another device, or save a picture of it."));
    } else {
        m_qrLabel->setText(tr("No QR code: %1").arg(matrix.errorMessage()));
    }

    auto* textCaption = new QLabel(tr("Or send this invite as text:"));
    m_textView = new QPlainTextEdit(m_inviteText);
    m_textView->setObjectName(QStringLiteral("inviteText"));
    m_textView->setReadOnly(true);
    m_textView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_textView->setFixedHeight(m_textView->fontMetrics().lineSpacing() * 8);
    textCaption->setBuddy(m_textView);

    m_copyButton = new QPushButton(tr("&Copy invite"));
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    m_copyButton->setToolTip(
        tr("Copies the invite, marked as a password so clipboard managers do not keep it, "
           "and clears the clipboard after %1 seconds.")
            .arg(SecretClipboard::kClearAfter.count()));
    m_countdownLabel = new QLabel;
    m_countdownLabel->setObjectName(QStringLiteral("countdownLabel"));
    auto* copyRow = new QHBoxLayout;
    copyRow->addWidget(m_copyButton);
    copyRow->addWidget(m_countdownLabel, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copyButton, &QPushButton::clicked, this, &ShareDialog::copyInvite);
    connect(m_clipboard, &SecretClipboard::remainingChanged, this, &ShareDialog::showRemaining);
    connect(m_clipboard, &SecretClipboard::cleared, this, &ShareDialog::showCleared);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(warningRow);
    layout->addWidget(m_qrLabel);
    layout->addWidget(textCaption);
    layout->addWidget(m_textView);
    layout->addLayout(copyRow);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

void ShareDialog::copyInvite() {
    m_clipboard->copy(m_inviteText);
}

void ShareDialog::showRemaining(int seconds) {
    if (seconds <= 0)
        return;
    m_countdownLabel->setText(tr("Copied. The clipboard will be cleared in %n second(s).", nullptr, seconds));
}

void ShareDialog::showCleared() {
    m_countdownLabel->setText(tr("The clipboard was cleared."));
}

void ShareDialog::updateQrPixmap() {
    const qreal ratio = devicePixelRatioF();
    if (!m_qrMatrix || ratio == m_qrRatio)
        return;
    m_qrRatio = ratio;
    // A pixmap scaled by a fractional factor blurs or unevens the modules: draw it at the screen's
    // own resolution with a whole number of device pixels per module, about the logical size.
    const int modules = m_qrMatrix->size + 2 * kQrQuietZoneModules;
    const int logicalModule = std::max(2, kQrTargetPixels / modules);
    const int deviceModule = std::max(1, int(std::floor(logicalModule * ratio)));
    QImage image = renderQrImage(*m_qrMatrix, deviceModule);
    image.setDevicePixelRatio(ratio);
    m_qrLabel->setPixmap(QPixmap::fromImage(image));
}

QPixmap ShareDialog::qrPixmap() const {
    return m_qrLabel->pixmap();
}

bool ShareDialog::event(QEvent* event) {
    // Moved to a screen with another scale (Qt 6.4 has no public DevicePixelRatioChange event yet).
    if (event->type() == QEvent::ScreenChangeInternal || event->type() == QEvent::Show)
        updateQrPixmap();
    return QDialog::event(event);
}

}  // namespace pluresdb::ui
