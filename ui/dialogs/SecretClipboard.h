#pragma once

// Puts a secret (an invite) on the clipboard for a limited time, the way password managers do
// (KeePassXC): the data is marked for clipboard managers as a password so they do not keep it in
// their history (`x-kde-passwordManagerHint: secret`, honoured by KDE Klipper and others), and after
// kClearAfter the clipboard is emptied — unless the user has copied something else meanwhile.
//
// Time is read from an injectable WallClock and checked on a ticking QTimer, so a test can advance
// a fake clock instead of waiting 30 s. One object outlives the share dialog (it is parented to
// the application by default) so closing the dialog right after Copy still clears the clipboard.

#include "core/store/Hlc.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

namespace pluresdb::ui {

class SecretClipboard : public QObject {
    Q_OBJECT

public:
    static constexpr std::chrono::seconds kClearAfter{30};
    static constexpr const char* kPasswordManagerHintMime = "x-kde-passwordManagerHint";

    // `clock` null: the system clock. It must outlive this object.
    explicit SecretClipboard(const store::WallClock* clock = nullptr, QObject* parent = nullptr);
    ~SecretClipboard() override;

    void copy(const QString& secret);
    bool isCounting() const { return m_timer.isActive(); }
    int remainingSeconds() const { return m_remaining; }
    void setTickInterval(std::chrono::milliseconds interval) { m_timer.setInterval(interval); }

signals:
    void remainingChanged(int seconds);
    void cleared();  // the countdown ended (the clipboard was emptied if it still held the secret)

private:
    void tick();
    void clearIfStillOurs();

    store::SystemWallClock m_systemClock;
    const store::WallClock* m_clock;
    QTimer m_timer;
    QString m_secret;
    int64_t m_deadlineMs = 0;
    int m_remaining = 0;
};

}  // namespace pluresdb::ui
