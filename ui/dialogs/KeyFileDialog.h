#pragma once

// Shown when KeyStore fell back to the encrypted key file: tells the user why (no system keychain,
// or one that did not answer) and asks for the file's passphrase — a new one, typed twice, when the
// file does not exist yet. Accepting unlocks the KeyStore; a wrong passphrase keeps the dialog open
// with the error.

#include <QDialog>

class QLabel;
class QLineEdit;

namespace pluresdb::keys {
class KeyStore;
}

namespace pluresdb::ui {

class KeyFileDialog : public QDialog {
    Q_OBJECT

public:
    explicit KeyFileDialog(keys::KeyStore& store, QWidget* parent = nullptr);

    void accept() override;
    QString errorText() const;

private:
    keys::KeyStore& m_store;
    bool m_creating;
    QLabel* m_reasonLabel = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_errorLabel = nullptr;
};

}  // namespace pluresdb::ui
