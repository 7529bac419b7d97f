#include "ui/dialogs/KeyFileDialog.h"

#include "core/keys/KeyStore.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace pluresdb::ui {

KeyFileDialog::KeyFileDialog(keys::KeyStore& store, QWidget* parent)
    : QDialog(parent), m_store(store), m_creating(!store.fallbackFileExists()) {
    setWindowTitle(m_creating ? tr("Protect your keys with a passphrase") : tr("Unlock your keys"));

    auto* icon = new QLabel;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    m_reasonLabel = new QLabel(store.fallbackReason());
    m_reasonLabel->setObjectName(QStringLiteral("reasonLabel"));
    m_reasonLabel->setWordWrap(true);
    m_reasonLabel->setTextFormat(Qt::PlainText);
    auto* top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(m_reasonLabel, 1);

    auto* advice =
        new QLabel(m_creating ? tr("Choose a passphrase of at least %1 characters. Without it the keys "
                                   "cannot be recovered: write it down somewhere safe.")
                                    .arg(keys::kMinPassphraseLength)
                              : tr("Enter the passphrase of the key file."));
    advice->setWordWrap(true);

    m_passphrase = new QLineEdit;
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    auto* form = new QFormLayout;
    form->addRow(tr("&Passphrase:"), m_passphrase);
    if (m_creating) {
        m_confirm = new QLineEdit;
        m_confirm->setObjectName(QStringLiteral("confirmEdit"));
        m_confirm->setEchoMode(QLineEdit::Password);
        form->addRow(tr("&Repeat:"), m_confirm);
    }

    m_errorLabel = new QLabel;
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c0392b; font-weight: bold;"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(m_creating ? tr("&Create key file") : tr("&Unlock"));
    connect(buttons, &QDialogButtonBox::accepted, this, &KeyFileDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(8);
    layout->addWidget(advice);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString KeyFileDialog::errorText() const { return m_errorLabel->text(); }

void KeyFileDialog::accept() {
    const QString passphrase = m_passphrase->text();
    if (m_creating && passphrase.size() < keys::kMinPassphraseLength) {
        m_errorLabel->setText(
            tr("The passphrase must have at least %1 characters.").arg(keys::kMinPassphraseLength));
        return;
    }
    if (m_creating && passphrase != m_confirm->text()) {
        m_errorLabel->setText(tr("The two passphrases are not the same."));
        return;
    }
    // Argon2id is meant to take about a second here; say so with the cursor rather than a thread,
    // since nothing else can proceed without the keys anyway.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<void> unlocked = m_store.unlockFallback(passphrase);
    QApplication::restoreOverrideCursor();
    if (!unlocked) {
        m_errorLabel->setText(unlocked.errorMessage());
        m_passphrase->selectAll();
        return;
    }
    m_passphrase->clear();
    if (m_confirm) m_confirm->clear();
    QDialog::accept();
}

}  // namespace pluresdb::ui
