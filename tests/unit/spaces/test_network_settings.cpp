// The data directory's desktop.ini (core/spaces/Settings.h) when a person or another program has
// left a line in it that is not key=value: loading says which line and keeps the good values,
// saving keeps a .bak copy of the file, rewrites it and succeeds, and the other groups of the file
// (the window's geometry, the last space) survive.

#include "core/spaces/Settings.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace pluresdb::spaces;

namespace {

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestNetworkSettings : public QObject {
    Q_OBJECT

private slots:
    /// The reported bug: a line without '=' made every save() fail ("cannot write desktop.ini").
    void lineWithoutEqualsIsReportedKeptAndRewritten_data() {
        QTest::addColumn<QByteArray>("badLine");
        QTest::newRow("words") << QByteArray("bootstrap private");
        QTest::newRow("hash comment") << QByteArray("# my DHT");
        QTest::newRow("semicolon first") << QByteArray("note;x=1");
        QTest::newRow("escaped equals") << QByteArray("note\\=1");
        QTest::newRow("vertical tab") << QByteArray("\v");
    }
    void lineWithoutEqualsIsReportedKeptAndRewritten() {
        QFETCH(QByteArray, badLine);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = QDir(dir.path()).filePath(QLatin1String(NetworkSettings::kFileName));
        const QByteArray original =
            "[network]\r\nbootstrap=private\r\nbootstrapNodes=dht1.example.org:49737, "
            "10.0.0.2:10001\r\n" +
            badLine + "\r\nwsServe=true\r\nwsPort=8765\r\n\r\n[spaces]\r\nlast=abc\r\n";
        QVERIFY(writeFile(path, original));

        QString problems;
        NetworkSettings s = NetworkSettings::load(dir.path(), &problems);
        QVERIFY2(problems.contains(QStringLiteral("line 4 is not key=value")), qPrintable(problems));
        QVERIFY2(problems.contains(QStringLiteral("desktop.ini.bak")), qPrintable(problems));
        // The good values around the bad line are kept.
        QVERIFY(s.privateBootstrap);
        QCOMPARE(s.bootstrap.size(), 2);
        QCOMPARE(s.bootstrap.at(1).toString(), QStringLiteral("10.0.0.2:10001"));
        QVERIFY(s.serveWebSocket);
        QCOMPARE(s.wsPort, quint16(8765));

        s.connectWebSocket = {QStringLiteral("ws://127.0.0.1:9000")};
        const auto saved = s.save(dir.path());
        QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
        QCOMPARE(readFile(path + QStringLiteral(".bak")), original);
        QVERIFY(!readFile(path).contains(badLine));

        problems.clear();
        QCOMPARE(NetworkSettings::load(dir.path(), &problems), s);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QCOMPARE(QSettings(path, QSettings::IniFormat).value(QStringLiteral("spaces/last")).toString(),
                 QStringLiteral("abc"));

        // And every later save works too.
        s.wsPort = 8766;
        QVERIFY(s.save(dir.path()));
        QCOMPARE(NetworkSettings::load(dir.path()).wsPort, quint16(8766));
    }

    /// An unclosed "[section" line: the lines after it were meant for that section, so saving closes
    /// it; loading says which line it was.
    void unclosedSectionIsClosed() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = QDir(dir.path()).filePath(QLatin1String(NetworkSettings::kFileName));
        const QByteArray original = "[network]\nwsServe=true\nwsPort=7000\n[window\ngeometry=xyz\n";
        QVERIFY(writeFile(path, original));
        QString problems;
        const NetworkSettings s = NetworkSettings::load(dir.path(), &problems);
        QVERIFY2(problems.contains(QStringLiteral("line 4 is not key=value")), qPrintable(problems));
        QCOMPARE(s.wsPort, quint16(7000));
        const auto saved = s.save(dir.path());
        QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
        QCOMPARE(readFile(path + QStringLiteral(".bak")), original);
        problems.clear();
        QCOMPARE(NetworkSettings::load(dir.path(), &problems), s);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QCOMPARE(QSettings(path, QSettings::IniFormat).value(QStringLiteral("window/geometry")).toString(),
                 QStringLiteral("xyz"));
    }

    /// Lines after which QSettings reads the rest of the file differently (an open quote runs on
    /// over the next lines; a ';' in a section line comments out its ']'): reported, and saving
    /// keeps a .bak, writes what was loaded plus the change, and leaves a file without bad lines.
    void oddLinesAreMended_data() {
        QTest::addColumn<QByteArray>("badLine");
        QTest::newRow("quoted equals") << QByteArray("\"note=1");
        QTest::newRow("semicolon in section") << QByteArray("[window;]");
        QTest::newRow("nul") << QByteArray("a=\0", 3);
    }
    void oddLinesAreMended() {
        QFETCH(QByteArray, badLine);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = QDir(dir.path()).filePath(QLatin1String(NetworkSettings::kFileName));
        const QByteArray original =
            "[network]\nwsPort=7000\n" + badLine + "\nwsServe=true\n[spaces]\nlast=x\n";
        QVERIFY(writeFile(path, original));
        QString problems;
        NetworkSettings s = NetworkSettings::load(dir.path(), &problems);
        QVERIFY2(problems.contains(QStringLiteral("line 3 is not key=value")), qPrintable(problems));
        QCOMPARE(s.wsPort, quint16(7000));
        s.connectWebSocket = {QStringLiteral("ws://127.0.0.1:9000")};
        const auto saved = s.save(dir.path());
        QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
        QCOMPARE(readFile(path + QStringLiteral(".bak")), original);
        problems.clear();
        QCOMPARE(NetworkSettings::load(dir.path(), &problems), s);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    /// A well-formed file is not rewritten by the mending step and gets no .bak.
    void goodFileHasNoBackup() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = QDir(dir.path()).filePath(QLatin1String(NetworkSettings::kFileName));
        QVERIFY(writeFile(path, "; a comment\n[network]\nwsServe=false\n\n[spaces]\nlast=x\n"));
        QString problems;
        const NetworkSettings s = NetworkSettings::load(dir.path(), &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QVERIFY(s.save(dir.path()));
        QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));
        QCOMPARE(NetworkSettings::load(dir.path()), s);
    }

    /// Many bad lines: the message names the first five, and all of them go on save.
    void manyBadLinesAreNamedBriefly() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = QDir(dir.path()).filePath(QLatin1String(NetworkSettings::kFileName));
        QVERIFY(writeFile(path, "a\nb\n[network]\nc\nwsPort=1\nd\ne\rf\n"));
        QString problems;
        const NetworkSettings s = NetworkSettings::load(dir.path(), &problems);
        QVERIFY2(problems.contains(QStringLiteral("lines 1, 2, 4, 6, 7, … are not key=value")),
                 qPrintable(problems));
        QCOMPARE(s.wsPort, quint16(1));
        QVERIFY(s.save(dir.path()));
        problems.clear();
        QCOMPARE(NetworkSettings::load(dir.path(), &problems), s);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestNetworkSettings)
#include "test_network_settings.moc"
