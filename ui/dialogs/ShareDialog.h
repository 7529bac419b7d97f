#pragma once

// "Share space": the invite as a QR code (to scan with a phone or photograph) and as text, a Copy
// button that puts it on the clipboard as a secret for 30 s with a visible countdown, and a warning
// that whoever holds the invite can read and write the space.

#include "core/keys/Invite.h"
#include "core/keys/QrMatrix.h"

#include <QDialog>
#include <QPixmap>

#include <QImage>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace pluresdb::ui {

class SecretClipboard;

class ShareDialog : public QDialog {
    Q_OBJECT

public:
    // `clipboard` null: one shared SecretClipboard owned by the application, so the countdown
    // continues (and the clipboard is still cleared) after this dialog closes.
    explicit ShareDialog(const keys::Invite& invite, SecretClipboard* clipboard = nullptr,
                         QWidget* parent = nullptr);

    QString inviteText() const { return m_inviteText; }
    QImage qrImage() const { return m_qrImage; }
    // The picture on screen: whole device pixels per module at the screen's scale (crisp at 150 %).
    QPixmap qrPixmap() const;

protected:
    bool event(QEvent* event) override;

private:
    void updateQrPixmap();
    void copyInvite();
    void showRemaining(int seconds);
    void showCleared();

    SecretClipboard* m_clipboard;
    QString m_inviteText;
    QImage m_qrImage;
    std::optional<keys::QrMatrix> m_qrMatrix;
    qreal m_qrRatio = 0;  // the device pixel ratio the pixmap was drawn for
    QLabel* m_qrLabel = nullptr;
    QPlainTextEdit* m_textView = nullptr;
    QPushButton* m_copyButton = nullptr;
    QLabel* m_countdownLabel = nullptr;
};

}  // namespace pluresdb::ui
