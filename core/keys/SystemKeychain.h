#pragma once

// The OS keychain through QtKeychain (libsecret / Secret Service on Linux, Keychain on macOS,
// Credential Manager on Windows), with a deadline on every call.
//
// QtKeychain jobs are asynchronous and some backends can stall for good (a Secret Service that
// never answers, a KWallet prompt nobody sees). Each call here runs its job in a local event loop
// that a timer ends after `timeout`; a job that misses the deadline is abandoned (it deletes
// itself whenever it finishes) and the call reports Unavailable; until it finishes, every later
// call reports Unavailable at once (QtKeychain queues jobs, so they would only wait behind it).
// The local loop keeps the GUI painting, but it does run other events: callers must not call this
// from a slot that can re-enter.

#include <QByteArray>
#include <QString>

#include <chrono>

namespace pluresdb::keys {

enum class KeychainStatus {
    Ok,
    NotFound,     // the backend works and has no such entry
    Unavailable,  // no backend, no D-Bus, no Secret Service, or the deadline passed
    Denied,       // the user or the system refused access: do not silently fall back
};

struct KeychainReply {
    KeychainStatus status = KeychainStatus::Unavailable;
    QByteArray data;  // Ok reads only
    QString message;  // why, when not Ok (translated; never contains a secret)
};

class SystemKeychain {
public:
    // Long enough for a person to answer the keychain's unlock prompt on a real desktop, short
    // enough that a keychain that never answers does not look like a hung app.
    static constexpr std::chrono::milliseconds kDefaultTimeout{10'000};

    explicit SystemKeychain(QString service, std::chrono::milliseconds timeout = kDefaultTimeout);

    KeychainReply read(const QString& entry) const;
    KeychainReply write(const QString& entry, const QByteArray& secret) const;
    KeychainReply remove(const QString& entry) const;

    const QString& service() const { return m_service; }

private:
    QString m_service;
    std::chrono::milliseconds m_timeout;
};

}  // namespace pluresdb::keys
