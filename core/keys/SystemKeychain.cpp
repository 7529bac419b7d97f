#include "core/keys/SystemKeychain.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <atomic>

namespace pluresdb::keys {

namespace {

// The translation context of this file's messages (Q_DECLARE_TR_FUNCTIONS is what lupdate reads).
struct Messages {
    Q_DECLARE_TR_FUNCTIONS(pluresdb::keys::SystemKeychain)
};

KeychainReply replyFor(const QKeychain::Job& job) {
    KeychainReply reply;
    switch (job.error()) {
        case QKeychain::NoError:
            reply.status = KeychainStatus::Ok;
            return reply;
        case QKeychain::EntryNotFound:
            reply.status = KeychainStatus::NotFound;
            return reply;
        case QKeychain::AccessDeniedByUser:
        case QKeychain::AccessDenied:
            reply.status = KeychainStatus::Denied;
            reply.message =
                Messages::tr("Access to the system keychain was denied: %1").arg(job.errorString());
            return reply;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
        case QKeychain::CouldNotDeleteEntry:
        case QKeychain::OtherError:
            // OtherError is what libsecret reports when there is no session bus or no Secret
            // Service on it: for us that is "no keychain here", not a reason to stop.
            reply.status = KeychainStatus::Unavailable;
            reply.message = Messages::tr("The system keychain is not available: %1").arg(job.errorString());
            return reply;
    }
    reply.message = Messages::tr("The system keychain gave an unknown error: %1").arg(job.errorString());
    return reply;
}

// Jobs that missed their deadline and have not finished yet. QtKeychain runs its jobs one after
// another in a process-wide queue, so while one is stuck every later job would wait behind it:
// calls fail at once instead of each waiting out its own deadline.
std::atomic<int> g_abandonedJobs{0};

// Runs `job` (already configured) until it finishes or the deadline passes.
KeychainReply runWithDeadline(QKeychain::Job* job, std::chrono::milliseconds timeout,
                              QByteArray (*dataOf)(QKeychain::Job*)) {
    if (!QCoreApplication::instance()) {
        delete job;
        KeychainReply reply;
        reply.message = Messages::tr("The system keychain needs a running Qt application.");
        return reply;
    }
    if (g_abandonedJobs.load() > 0) {
        delete job;
        KeychainReply reply;
        reply.message = Messages::tr("The system keychain stopped answering earlier in this session.");
        return reply;
    }
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    KeychainReply reply;
    bool finished = false;
    // `loop` is the context object: if the deadline passes first, the connection dies with it and
    // the abandoned job (auto-delete) finishes into nothing.
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job* done) {
        finished = true;
        reply = replyFor(*done);
        if (reply.status == KeychainStatus::Ok && dataOf) reply.data = dataOf(done);
        loop.quit();
    });
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->setAutoDelete(true);
    deadline.start(timeout);
    job->start();
    if (!finished) loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!finished) {
        ++g_abandonedJobs;
        QObject::connect(job, &QKeychain::Job::finished, job, [] { --g_abandonedJobs; });
        reply.status = KeychainStatus::Unavailable;
        reply.message = Messages::tr("The system keychain did not answer within %1 ms.").arg(timeout.count());
    }
    return reply;
}

}  // namespace

SystemKeychain::SystemKeychain(QString service, std::chrono::milliseconds timeout)
    : m_service(std::move(service)), m_timeout(timeout) {}

KeychainReply SystemKeychain::read(const QString& entry) const {
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(entry);
    return runWithDeadline(job, m_timeout, [](QKeychain::Job* done) {
        return static_cast<QKeychain::ReadPasswordJob*>(done)->binaryData();
    });
}

KeychainReply SystemKeychain::write(const QString& entry, const QByteArray& secret) const {
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(entry);
    job->setBinaryData(secret);
    return runWithDeadline(job, m_timeout, nullptr);
}

KeychainReply SystemKeychain::remove(const QString& entry) const {
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(entry);
    KeychainReply reply = runWithDeadline(job, m_timeout, nullptr);
    if (reply.status == KeychainStatus::NotFound) reply.status = KeychainStatus::Ok;  // already gone
    return reply;
}

}  // namespace pluresdb::keys
