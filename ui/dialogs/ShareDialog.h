#pragma once

// "Share space": the invite as a QR code (to scan with a phone or photograph) and as text, a Copy
// button that puts it on the clipboard as a secret for 30 s with a visible countdown, and a warning
// that whoever holds the invite can read and write the space.

#include "core/keys/Invite.h"

#include <QDialog>
#include <QImage>

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

private:
    void copyInvite();
    void showRemaining(int seconds);
    void showCleared();

    SecretClipboard* m_clipboard;
    QString m_inviteText;
    QImage m_qrImage;
    QLabel* m_qrLabel = nullptr;
    QPlainTextEdit* m_textView = nullptr;
    QPushButton* m_copyButton = nullptr;
    QLabel* m_countdownLabel = nullptr;
};

}  // namespace pluresdb::ui
