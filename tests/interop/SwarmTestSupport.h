#pragma once

// Helpers of the swarm interop tests: `pluresdb-cli swarm` as a child process fed from a file and
// writing to a file (hashes compared with the Node hyperswarm peer's), and in-process C++ swarms on
// a loopback testnet.

#include "HyperDhtNodePeer.h"
#include "core/crypto/Hash.h"
#include "core/swarm/Swarm.h"
#include "core/transport/ByteStream.h"
#include "tests/support/TestSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QPointer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <random>
#include <set>

namespace pluresdb::test::swarmtest {

inline QJsonObject op(const char* name, QJsonObject fields = {}) {
    fields.insert(QStringLiteral("op"), QString::fromLatin1(name));
    return fields;
}

inline QByteArray randomTopic() {
    QByteArray t(32, 0);
    std::random_device rd;
    for (auto& c : t)
        c = char(rd());
    return t;
}

// Writes `size` pseudo-random bytes to `path`; returns their SHA-256 (hex).
inline QString writeRandomFile(const QString& path, qint64 size) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    std::mt19937_64 rng(std::random_device{}());
    QCryptographicHash h(QCryptographicHash::Sha256);
    QByteArray block(1 << 20, 0);
    for (qint64 left = size; left > 0;) {
        const qint64 n = std::min<qint64>(left, block.size());
        for (qint64 i = 0; i < n; i += 8) {
            const uint64_t v = rng();
            std::memcpy(block.data() + i, &v, size_t(std::min<qint64>(8, n - i)));
        }
        f.write(block.constData(), n);
        h.addData(QByteArrayView(block.constData(), n));
        left -= n;
    }
    return QString::fromLatin1(h.result().toHex());
}

inline QString fileSha256(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

// One `pluresdb-cli swarm` run.
struct CliSwarm {
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString outPath;
    QByteArray err;

    void start(const QByteArray& topic, const QStringList& bootstrap, const QString& inPath,
               const QString& out, const QStringList& roles = {}) {
        outPath = out;
        process->setStandardInputFile(inPath);
        process->setStandardOutputFile(out);
        QStringList args{QStringLiteral("swarm"), QStringLiteral("--topic"),
                         QString::fromLatin1(topic.toHex()), QStringLiteral("--bootstrap"),
                         bootstrap.join(QLatin1Char(','))};
        args << roles;
        process->start(cliPath(), args);
    }
    // The REMOTE key once printed (runs the event loop while waiting).
    QString waitRemote(int timeoutMs) {
        QString remote;
        (void)QTest::qWaitFor(
            [&] {
                err += process->readAllStandardError();
                const int at = err.indexOf("REMOTE ");
                if (at >= 0 && err.indexOf('\n', at) > at) {
                    remote = QString::fromLatin1(err.mid(at + 7, 64));
                    return true;
                }
                return process->state() == QProcess::NotRunning;
            },
            timeoutMs);
        return remote;
    }
    // Waits for a line of stderr (e.g. "FLUSHED").
    bool waitLine(const QByteArray& line, int timeoutMs) {
        return QTest::qWaitFor(
                   [&] {
                       err += process->readAllStandardError();
                       return err.contains("\n" + line + "\n") || process->state() == QProcess::NotRunning;
                   },
                   timeoutMs) &&
               err.contains("\n" + line + "\n");
    }
    // Exit code once finished, -1 on timeout (event loop keeps running: in-process DHT nodes serve).
    int waitExit(int timeoutMs) {
        const bool done =
            QTest::qWaitFor([&] { return process->state() == QProcess::NotRunning; }, timeoutMs);
        err += process->readAllStandardError();
        if (!done) {
            process->kill();
            process->waitForFinished(3000);
            return -1;
        }
        return process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -2;
    }
    ~CliSwarm() {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(3000);
        }
    }
};

// An in-process C++ swarm on 127.0.0.1 that keeps every connection it is given.
struct CppSwarm {
    std::unique_ptr<swarm::Swarm> swarm;
    std::unique_ptr<QObject> owner = std::make_unique<QObject>();
    std::vector<QPointer<transport::ByteStream>> streams;
    std::vector<QByteArray> remotes;  // one per connection event
    QByteArray publicKey;
    QStringList events;  // connect failures and duplicate decisions, for failure messages

    static std::unique_ptr<CppSwarm> create(const QStringList& bootstrap, crypto::KeyPair keyPair = {}) {
        swarm::SwarmOptions o;
        o.bootstrap = std::vector<QString>(bootstrap.begin(), bootstrap.end());
        o.host = QStringLiteral("127.0.0.1");
        o.keyPair = std::move(keyPair);
        auto made = swarm::Swarm::createWithDht(o);
        if (!made)
            return nullptr;
        auto s = std::make_unique<CppSwarm>();
        s->swarm = std::move(made).value();
        s->publicKey = s->swarm->keyPair().publicKey;
        CppSwarm* raw = s.get();
        QObject::connect(
            s->swarm.get(), &swarm::Swarm::connection, raw->owner.get(),
            [raw](transport::ByteStream* stream, const swarm::SwarmPeer& peer) {
                stream->setParent(raw->owner.get());
                raw->streams.push_back(stream);
                raw->remotes.push_back(peer.publicKey);
                raw->events << QStringLiteral("open %1 %2")
                                   .arg(QString::fromLatin1(peer.publicKey.toHex().left(8)),
                                        peer.client ? QStringLiteral("client") : QStringLiteral("server"));
                QObject::connect(stream, &transport::ByteStream::closed, raw->owner.get(),
                                 [raw, k = peer.publicKey](const QString& e) {
                                     raw->events << QStringLiteral("closed %1 %2")
                                                        .arg(QString::fromLatin1(k.toHex().left(8)), e);
                                 });
            });
        QObject::connect(
            s->swarm.get(), &swarm::Swarm::trace, raw->owner.get(),
            [raw](const QString& kind, const QByteArray& key, const QString& detail) {
                if (kind == QLatin1String("connect-failed") || kind == QLatin1String("duplicate") ||
                    kind == QLatin1String("connect") || kind == QLatin1String("refused"))
                    raw->events << kind + QLatin1Char(' ') + QString::fromLatin1(key.toHex().left(8)) +
                                       QLatin1Char(' ') + detail;
            });
        return s;
    }
    int open() const {
        int n = 0;
        for (const auto& s : streams)
            if (s && s->isOpen())
                ++n;
        return n;
    }
    std::set<QByteArray> openRemotes() const {
        std::set<QByteArray> out;
        for (size_t i = 0; i < streams.size(); ++i)
            if (streams[i] && streams[i]->isOpen())
                out.insert(remotes[i]);
        return out;
    }
    // Leaves everything and closes the DHT (waits up to 10 s), then drops the connections.
    void shutdown() {
        auto done = std::make_shared<bool>(false);
        swarm->destroy([done] { *done = true; });
        (void)QTest::qWaitFor([&] { return *done; }, 10'000);
        for (auto& s : streams)
            if (s)
                s->destroy();
        swarm.reset();
    }
};

}  // namespace pluresdb::test::swarmtest
