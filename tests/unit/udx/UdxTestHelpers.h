#pragma once

// Shared by the UDX tests: deterministic payloads, a receiving sink that hashes what arrives,
// and waiting on the event loop with a watchdog.

#include "core/transport/udx/UdxStream.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <functional>

namespace pluresdb::test::udx {

// `size` pseudo-random bytes from `seed` (so both ends of a test can know them).
inline QByteArray payload(qint64 size, quint32 seed) {
    QByteArray b(size, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    auto* p = reinterpret_cast<quint32*>(b.data());
    for (qint64 i = 0; i < size / 4; ++i) p[i] = rng.generate();
    for (qint64 i = size / 4 * 4; i < size; ++i) b[i] = char(rng.generate());
    return b;
}

inline QByteArray sha256(const QByteArray& b) { return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex(); }

// Runs the event loop until `done()` or the watchdog; returns done().
inline bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired()) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

// Hashes everything a stream delivers and records how it closed.
struct Sink {
    QCryptographicHash hash{QCryptographicHash::Sha256};
    qint64 bytes = 0;
    bool remoteEnded = false;
    bool closed = false;
    QString closeError;
    QList<QByteArray> messages;

    void attach(transport::udx::UdxStream* s) {
        QObject::connect(s, &transport::ByteStream::dataReceived, s, [this](const QByteArray& d) {
            hash.addData(d);
            bytes += d.size();
        });
        QObject::connect(s, &transport::ByteStream::remoteEnded, s, [this] { remoteEnded = true; });
        QObject::connect(s, &transport::ByteStream::closed, s, [this](const QString& e) {
            closed = true;
            closeError = e;
        });
        QObject::connect(s, &transport::udx::UdxStream::messageReceived, s, [this](const QByteArray& m) { messages << m; });
    }
    QByteArray digest() { return hash.result().toHex(); }
};

}  // namespace pluresdb::test::udx
