#include "ui/dialogs/SettingsDialog.h"

#include "ui/i18n/Language.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pluresdb::ui {

SettingsDialog::SettingsDialog(const Values& values, const QString& spaceName, QWidget* parent)
    : QDialog(parent), m_spaceName(spaceName), m_hasSpace(values.space.has_value()) {
    // DHT bootstrap.
    m_dhtGroup = new QGroupBox;
    m_public = new QRadioButton;
    m_private = new QRadioButton;
    m_bootstrap = new QPlainTextEdit;
    m_bootstrap->setTabChangesFocus(true);
    m_bootstrap->setMaximumHeight(fontMetrics().lineSpacing() * 5 + 12);
    QStringList nodes;
    for (const auto& n : values.network.bootstrap)
        nodes << n.toString();
    m_bootstrap->setPlainText(nodes.join(u'\n'));
    (values.network.privateBootstrap ? m_private : m_public)->setChecked(true);
    auto* dhtLayout = new QVBoxLayout(m_dhtGroup);
    dhtLayout->addWidget(m_public);
    dhtLayout->addWidget(m_private);
    dhtLayout->addWidget(m_bootstrap);

    // WebSocket mesh.
    m_wsGroup = new QGroupBox;
    m_serve = new QCheckBox;
    m_serve->setChecked(values.network.serveWebSocket);
    m_port = new QSpinBox;
    m_port->setRange(1, 65535);
    m_port->setValue(values.network.wsPort > 0 ? values.network.wsPort : 8765);
    m_connectLabel = new QLabel;
    m_connect = new QPlainTextEdit;
    m_connect->setTabChangesFocus(true);
    m_connect->setMaximumHeight(fontMetrics().lineSpacing() * 4 + 12);
    m_connect->setPlainText(values.network.connectWebSocket.join(u'\n'));
    auto* serveRow = new QHBoxLayout;
    serveRow->addWidget(m_serve);
    serveRow->addWidget(m_port);
    serveRow->addStretch();
    auto* wsLayout = new QVBoxLayout(m_wsGroup);
    wsLayout->addLayout(serveRow);
    wsLayout->addWidget(m_connectLabel);
    wsLayout->addWidget(m_connect);

    // This space.
    m_spaceGroup = new QGroupBox;
    m_legacy = new QCheckBox;
    m_legacy->setChecked(values.space && values.space->allowLegacyJsonPeers);
    m_legacyNote = new QLabel;
    m_legacyNote->setWordWrap(true);
    auto* spaceLayout = new QVBoxLayout(m_spaceGroup);
    spaceLayout->addWidget(m_legacy);
    spaceLayout->addWidget(m_legacyNote);
    m_spaceGroup->setEnabled(m_hasSpace);

    // Language: the system's, or one with a catalogue (native names are not translated).
    m_languageGroup = new QGroupBox;
    m_language = new QComboBox;
    m_language->addItem(QString(), QString());
    for (const auto& lang : i18n::availableLanguages())
        m_language->addItem(lang.nativeName, lang.code);
    const int current = m_language->findData(values.language);
    m_language->setCurrentIndex(current < 0 ? 0 : current);
    auto* languageLayout = new QVBoxLayout(m_languageGroup);
    languageLayout->addWidget(m_language);

    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_dhtGroup);
    layout->addWidget(m_wsGroup);
    layout->addWidget(m_spaceGroup);
    layout->addWidget(m_languageGroup);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_public, &QRadioButton::toggled, this, &SettingsDialog::validate);
    connect(m_bootstrap, &QPlainTextEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_serve, &QCheckBox::toggled, this, &SettingsDialog::validate);
    connect(m_connect, &QPlainTextEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!canAccept())
            return;
        apply();
        accept();
    });
    retranslateUi();
    validate();
    resize(sizeHint().expandedTo(QSize(520, 0)));
}

void SettingsDialog::retranslateUi() {
    setWindowTitle(tr("Settings"));
    m_dhtGroup->setTitle(tr("DHT bootstrap nodes"));
    m_public->setText(tr("Public Hyperswarm DHT (default)"));
    m_private->setText(tr("Private DHT, these nodes (host:port, one per line):"));
    m_bootstrap->setPlaceholderText(tr("node1.example.org:49737"));
    m_wsGroup->setTitle(tr("WebSocket mesh (where UDP is blocked)"));
    m_serve->setText(tr("Accept WebSocket peers on port"));
    m_connectLabel->setText(tr("Connect to (ws:// or wss:// URLs, one per line):"));
    m_connect->setPlaceholderText(tr("wss://relay.example.org:8765"));
    m_spaceGroup->setTitle(m_hasSpace ? tr("This space: %1").arg(m_spaceName)
                                      : tr("This space (none selected)"));
    m_legacy->setText(tr("Allow PluresDB 2.x peers (JSON protocol)"));
    m_legacyNote->setText(
        tr("They cannot prove that they hold the key: anyone who finds the space's "
           "topic could read and write its data. Turn this on only to sync with "
           "devices still on PluresDB 2.x."));
    m_languageGroup->setTitle(tr("Language"));
    m_language->setItemText(0, tr("System default"));
    validate();
}

void SettingsDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

namespace {
QStringList entries(const QString& text) {
    static const QRegularExpression separators(QStringLiteral("[\\n\\r,]+"));
    QStringList out;
    for (const QString& part : text.split(separators)) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}
}  // namespace

Result<SettingsDialog::Values> SettingsDialog::values() const {
    Values v;
    // Each entry is checked here too, so that the message names it in the user's language.
    for (const QString& entry : entries(m_bootstrap->toPlainText())) {
        if (!spaces::parseBootstrapNode(entry)) {
            return makeError(
                tr("\"%1\" is not a bootstrap node: write host:port, e.g. node1.example.org:49737 "
                   "(a host name or IPv4 address, and a port from 1 to 65535).")
                    .arg(entry));
        }
    }
    for (const QString& entry : entries(m_connect->toPlainText())) {
        if (!spaces::parseWebSocketUrls(entry)) {
            return makeError(
                tr("\"%1\" is not a WebSocket address: write ws://host:port or wss://host:port.").arg(entry));
        }
    }
    auto nodes = spaces::parseBootstrapList(m_bootstrap->toPlainText());
    if (!nodes)
        return makeError(tr("Bootstrap node %1").arg(nodes.errorMessage()));
    v.network.privateBootstrap = m_private->isChecked();
    v.network.bootstrap = *nodes;
    if (v.network.privateBootstrap && v.network.bootstrap.isEmpty())
        return makeError(
            tr("Enter at least one bootstrap node for a private DHT, or choose the public one."));
    v.network.serveWebSocket = m_serve->isChecked();
    v.network.wsPort = quint16(m_port->value());
    auto urls = spaces::parseWebSocketUrls(m_connect->toPlainText());
    if (!urls)
        return makeError(tr("WebSocket peer %1").arg(urls.errorMessage()));
    v.network.connectWebSocket = *urls;
    if (m_hasSpace)
        v.space = spaces::SpaceSettings{m_legacy->isChecked()};
    v.language = m_language->currentData().toString();
    return v;
}

QString SettingsDialog::errorText() const {
    return m_error->text();
}

bool SettingsDialog::canAccept() const {
    return values().ok();
}

void SettingsDialog::validate() {
    m_bootstrap->setEnabled(m_private->isChecked());
    m_port->setEnabled(m_serve->isChecked());
    auto v = values();
    m_error->setText(v ? QString() : v.errorMessage());
    m_error->setVisible(!v);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(v.ok());
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(v.ok());
}

void SettingsDialog::apply() {
    auto v = values();
    if (v)
        emit applied(*v);
}

}  // namespace pluresdb::ui
