#pragma once

// Shared by the UDX tests: deterministic payloads, a receiving sink that hashes what arrives,
// and waiting on the event loop with a watchdog.

#include "core/transport/udx/UdxStream.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cstring>
#include <functional>

namespace pluresdb::test::udx {

// `size` pseudo-random bytes from `seed` (so both ends of a test can know them).
// xorshift64*: fast enough that making a gigabyte of test data costs well under a second.
inline QByteArray payload(qint64 size, quint32 seed) {
    QByteArray b(size, Qt::Uninitialized);
    quint64 x = 0x9E3779B97F4A7C15ull ^ (quint64(seed) << 1 | 1);
    auto next = [&x] {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        return x * 0x2545F4914F6CDD1Dull;
    };
    for (qint64 i = 0; i + 8 <= size; i += 8) {
        const quint64 v = next();
        std::memcpy(b.data() + i, &v, 8);
    }
    for (qint64 i = size / 8 * 8; i < size; ++i)
        b[i] = char(next());
    return b;
}

inline QByteArray sha256(const QByteArray& b) {
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
}

// Runs the event loop until `done()` or the watchdog; returns done().
inline bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

// Hashes everything a stream delivers (or, with `expect` set, compares it byte for byte, which is
// much cheaper for big runs) and records how it closed.
struct Sink {
    QCryptographicHash hash{QCryptographicHash::Sha256};
    const QByteArray* expect = nullptr;
    bool mismatch = false;
    qint64 bytes = 0;
    bool remoteEnded = false;
    bool closed = false;
    QString closeError;
    QList<QByteArray> messages;

    void attach(transport::udx::UdxStream* s) {
        QObject::connect(s, &transport::ByteStream::dataReceived, s, [this](const QByteArray& d) {
            if (expect)
                mismatch |= bytes + d.size() > expect->size() ||
                            std::memcmp(expect->constData() + bytes, d.constData(), size_t(d.size())) != 0;
            else
                hash.addData(d);
            bytes += d.size();
        });
        QObject::connect(s, &transport::ByteStream::remoteEnded, s, [this] { remoteEnded = true; });
        QObject::connect(s, &transport::ByteStream::closed, s, [this](const QString& e) {
            closed = true;
            closeError = e;
        });
        QObject::connect(s, &transport::udx::UdxStream::messageReceived, s,
                         [this](const QByteArray& m) { messages << m; });
    }
    QByteArray digest() { return hash.result().toHex(); }
};

}  // namespace pluresdb::test::udx
