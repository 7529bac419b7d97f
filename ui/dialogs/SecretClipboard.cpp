#include "ui/dialogs/SecretClipboard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>

namespace pluresdb::ui {

SecretClipboard::SecretClipboard(const store::WallClock* clock, QObject* parent)
    : QObject(parent), m_clock(clock ? clock : &m_systemClock) {
    m_timer.setInterval(std::chrono::milliseconds(250));  // the label never lags a second behind
    connect(&m_timer, &QTimer::timeout, this, &SecretClipboard::tick);
}

SecretClipboard::~SecretClipboard() {
    // Quitting the app must not leave the secret behind on the clipboard.
    if (isCounting()) clearIfStillOurs();
}

void SecretClipboard::copy(const QString& secret) {
    auto* mime = new QMimeData;
    mime->setText(secret);
    mime->setData(QString::fromLatin1(kPasswordManagerHintMime), QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(mime, QClipboard::Clipboard);
    m_secret = secret;
    m_deadlineMs = m_clock->nowMs() + std::chrono::milliseconds(kClearAfter).count();
    m_remaining = static_cast<int>(kClearAfter.count());
    m_timer.start();
    emit remainingChanged(m_remaining);
}

void SecretClipboard::tick() {
    const int64_t left = m_deadlineMs - m_clock->nowMs();
    const int seconds = left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
    if (seconds != m_remaining) {
        m_remaining = seconds;
        emit remainingChanged(m_remaining);
    }
    if (seconds == 0) {
        m_timer.stop();
        clearIfStillOurs();
        emit cleared();
    }
}

void SecretClipboard::clearIfStillOurs() {
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (clipboard->text(QClipboard::Clipboard) == m_secret) clipboard->clear(QClipboard::Clipboard);
    m_secret.fill(QChar(0));
    m_secret.clear();
}

}  // namespace pluresdb::ui
