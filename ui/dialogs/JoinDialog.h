#pragma once

// "Join space": paste an invite (a whole message, a pluresdb:// link, or a bare sync key), or read
// one from a QR code in a picture file or on the clipboard. The invite is checked as it is typed
// and each problem (cut off, mistyped, not an invite) is explained; Join is enabled only for a
// valid invite with a space name.

#include "core/keys/Invite.h"

#include <QDialog>
#include <QImage>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace pluresdb::ui {

class JoinDialog : public QDialog {
    Q_OBJECT

public:
    explicit JoinDialog(QWidget* parent = nullptr);

    // The invite to join, with the name the user chose. Meaningful only when isValid().
    keys::Invite invite() const;
    bool isValid() const;
    keys::InviteError error() const { return m_parse.error; }
    QString statusText() const;

    void setInviteText(
        const QString& text);  // as if pasted; also used for pluresdb:// links opened by the OS
    bool loadQrImageFile(const QString& path);
    bool loadQrImage(const QImage& image);

private:
    void reparse();
    void showQrError(const QString& message);
    void updateAcceptable();
    void openImageFile();
    void pasteImage();

    keys::InviteParse m_parse;
    QPlainTextEdit* m_inviteEdit = nullptr;
    QLabel* m_statusLabel = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QPushButton* m_pasteImageButton = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_nameEdited = false;
};

}  // namespace pluresdb::ui
