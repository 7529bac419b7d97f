#include "ui/dialogs/JoinDialog.h"

#include "ui/qr/QrImage.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pluresdb::ui {

JoinDialog::JoinDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Join space"));

    auto* intro =
        new QLabel(tr("Paste the invite you received — the whole message, a pluresdb:// link or a "
                      "sync key — or open a picture of its QR code."));
    intro->setWordWrap(true);

    m_inviteEdit = new QPlainTextEdit;
    m_inviteEdit->setObjectName(QStringLiteral("inviteEdit"));
    m_inviteEdit->setPlaceholderText(tr("pluresdb://join?…"));
    m_inviteEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_inviteEdit->setTabChangesFocus(true);
    m_inviteEdit->setFixedHeight(m_inviteEdit->fontMetrics().lineSpacing() * 5);

    auto* openImageButton = new QPushButton(tr("Open &QR picture…"));
    openImageButton->setObjectName(QStringLiteral("openImageButton"));
    m_pasteImageButton = new QPushButton(tr("&Paste QR picture"));
    m_pasteImageButton->setObjectName(QStringLiteral("pasteImageButton"));
    m_pasteImageButton->setToolTip(
        tr("Reads a QR code from a picture on the clipboard (a screenshot, say)."));
    auto* imageRow = new QHBoxLayout;
    imageRow->addWidget(openImageButton);
    imageRow->addWidget(m_pasteImageButton);
    imageRow->addStretch(1);

    m_statusLabel = new QLabel;
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Room for the longest message up front: the dialog does not grow while the user types.
    m_statusLabel->setMinimumHeight(m_statusLabel->fontMetrics().lineSpacing() * 4);

    m_nameEdit = new QLineEdit;
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setMaxLength(static_cast<int>(keys::kMaxSpaceNameLength));
    m_nameEdit->setPlaceholderText(tr("A name for this space on this device"));
    auto* form = new QFormLayout;
    form->addRow(tr("Space &name:"), m_nameEdit);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Join"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_inviteEdit, &QPlainTextEdit::textChanged, this, &JoinDialog::reparse);
    connect(m_nameEdit, &QLineEdit::textEdited, this, [this] {
        m_nameEdited = true;
        updateAcceptable();
    });
    connect(openImageButton, &QPushButton::clicked, this, &JoinDialog::openImageFile);
    connect(m_pasteImageButton, &QPushButton::clicked, this, &JoinDialog::pasteImage);
    auto updatePasteButton = [this] {
        const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
        m_pasteImageButton->setEnabled(mime && mime->hasImage());
    };
    connect(QGuiApplication::clipboard(), &QClipboard::dataChanged, this, updatePasteButton);
    updatePasteButton();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_inviteEdit);
    layout->addLayout(imageRow);
    layout->addWidget(m_statusLabel);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
    reparse();
}

keys::Invite JoinDialog::invite() const {
    keys::Invite result = m_parse.invite;
    result.name = m_nameEdit->text().trimmed();
    return result;
}

bool JoinDialog::isValid() const { return m_parse.ok() && !m_nameEdit->text().trimmed().isEmpty(); }

QString JoinDialog::statusText() const { return m_statusLabel->text(); }

void JoinDialog::setInviteText(const QString& text) { m_inviteEdit->setPlainText(text); }

bool JoinDialog::loadQrImageFile(const QString& path) {
    const Result<QByteArray> payload = decodeQrImageFile(path);
    if (!payload) {
        showQrError(payload.errorMessage());
        return false;
    }
    setInviteText(QString::fromUtf8(*payload));
    return m_parse.ok();
}

bool JoinDialog::loadQrImage(const QImage& image) {
    const Result<QByteArray> payload = decodeQrImage(image);
    if (!payload) {
        showQrError(payload.errorMessage());
        return false;
    }
    setInviteText(QString::fromUtf8(*payload));
    return m_parse.ok();
}

void JoinDialog::showQrError(const QString& message) {
    m_parse = keys::InviteParse{keys::InviteError::Malformed, message, {}};
    m_statusLabel->setText(tr("Could not read a QR code: %1").arg(message));
    m_statusLabel->setStyleSheet(QStringLiteral("color: #c0392b; font-weight: bold;"));
    updateAcceptable();
}

void JoinDialog::reparse() {
    const QString text = m_inviteEdit->toPlainText();
    m_parse = keys::parseInvite(text);
    if (m_parse.error == keys::InviteError::Empty) {
        m_statusLabel->setText(QString());
    } else if (!m_parse.ok()) {
        m_statusLabel->setText(m_parse.message);
    } else if (m_parse.invite.hadChecksum) {
        m_statusLabel->setText(
            m_parse.invite.name.isEmpty()
                ? tr("Valid invite; its checksum matches.")
                : tr("Valid invite to “%1”; its checksum matches.").arg(m_parse.invite.name));
    } else {
        m_statusLabel->setText(
            tr("A bare sync key: it has the right form, but without an invite link nothing "
               "can check it for typos. Give the space a name below."));
    }
    // Errors in a strong colour that also reads in dark themes; good news in the normal text colour.
    m_statusLabel->setStyleSheet(m_parse.ok() || m_parse.error == keys::InviteError::Empty
                                     ? QString()
                                     : QStringLiteral("color: #c0392b; font-weight: bold;"));
    if (m_parse.ok() && !m_nameEdited) m_nameEdit->setText(m_parse.invite.name);
    updateAcceptable();
}

void JoinDialog::updateAcceptable() { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isValid()); }

void JoinDialog::openImageFile() {
    QStringList patterns;
    for (const QByteArray& format : QImageReader::supportedImageFormats()) {
        patterns << QStringLiteral("*.") + QString::fromLatin1(format);
    }
    const QString path = QFileDialog::getOpenFileName(this, tr("Open QR picture"), QString(),
                                                      tr("Pictures (%1)").arg(patterns.join(u' ')));
    if (!path.isEmpty()) loadQrImageFile(path);
}

void JoinDialog::pasteImage() {
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    if (!mime || !mime->hasImage()) {
        showQrError(tr("There is no picture on the clipboard."));
        return;
    }
    loadQrImage(qvariant_cast<QImage>(mime->imageData()));
}

}  // namespace pluresdb::ui
