#pragma once

// The settings page: DHT bootstrap nodes (public, or a private list of host:port), the WebSocket
// mesh (serve on a port, connect to URLs), whether the current space accepts PluresDB 2.x JSON
// peers, and the language. Input is checked as it is typed; OK and Apply stay disabled while an
// entry is wrong, and the error says which entry and why. Apply (and OK) change the language at
// once: every open window is translated again, no restart.

#include "core/spaces/Settings.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;

namespace pluresdb::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    struct Values {
        spaces::NetworkSettings network;
        std::optional<spaces::SpaceSettings> space;  // nullopt: no space selected
        QString language;                            // "" = follow the system
    };

    // `spaceName` names the current space in the per-space group (empty when `values.space` is unset).
    SettingsDialog(const Values& values, const QString& spaceName, QWidget* parent = nullptr);

    // The values as entered, or the first problem with them.
    Result<Values> values() const;
    QString errorText() const;
    bool canAccept() const;

    // For tests: the inputs.
    QRadioButton* publicBootstrapButton() const { return m_public; }
    QRadioButton* privateBootstrapButton() const { return m_private; }
    QPlainTextEdit* bootstrapEdit() const { return m_bootstrap; }
    QCheckBox* serveCheck() const { return m_serve; }
    QSpinBox* portSpin() const { return m_port; }
    QPlainTextEdit* connectEdit() const { return m_connect; }
    QCheckBox* legacyCheck() const { return m_legacy; }
    QComboBox* languageCombo() const { return m_language; }

signals:
    // Apply or OK with valid values: the window stores them and applies the language.
    void applied(const pluresdb::ui::SettingsDialog::Values& values);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void validate();
    void apply();

    QString m_spaceName;
    bool m_hasSpace = false;
    QGroupBox* m_dhtGroup;
    QRadioButton* m_public;
    QRadioButton* m_private;
    QPlainTextEdit* m_bootstrap;
    QGroupBox* m_wsGroup;
    QCheckBox* m_serve;
    QSpinBox* m_port;
    QLabel* m_connectLabel;
    QPlainTextEdit* m_connect;
    QGroupBox* m_spaceGroup;
    QCheckBox* m_legacy;
    QLabel* m_legacyNote;
    QGroupBox* m_languageGroup;
    QComboBox* m_language;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

}  // namespace pluresdb::ui
