#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

namespace pluresdb::test {

QString sourceDir() {
    return qEnvironmentVariable("PLURESDB_SOURCE_DIR", QStringLiteral("."));
}
QString binaryDir() {
    return qEnvironmentVariable("PLURESDB_BINARY_DIR", QStringLiteral("."));
}
QString cliPath() {
    return QDir(binaryDir()).filePath(QStringLiteral("app/pluresdb-cli"));
}

QString fastTempRoot() {
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    if (shm.isDir() && shm.isWritable())
        return QStringLiteral("/dev/shm/pluresdb-test-XXXXXX");
    return QDir::temp().filePath(QStringLiteral("pluresdb-test-XXXXXX"));
}

ProcessResult runProcess(const QString& program, const QStringList& args, const QByteArray& input,
                         int timeoutMs) {
    ProcessResult result;
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10'000)) {
        result.err = p.errorString().toUtf8();
        return result;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        result.timedOut = true;
        p.kill();
        p.waitForFinished(5'000);
    }
    result.crashed = p.exitStatus() == QProcess::CrashExit;
    result.exitCode = p.exitCode();
    result.out = p.readAllStandardOutput();
    result.err = p.readAllStandardError();
    return result;
}

}  // namespace pluresdb::test
