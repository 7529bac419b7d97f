#include "core/spaces/Settings.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QUrl>

namespace pluresdb::spaces {

namespace {

// A DNS name (RFC 1123 labels) or a dotted IPv4 address.
bool validHost(const QString& host) {
    if (host.isEmpty() || host.size() > 253)
        return false;
    static const QRegularExpression ipv4Like(QStringLiteral(R"(^[0-9.]+$)"));
    if (ipv4Like.match(host).hasMatch()) {
        QHostAddress a;
        return a.setAddress(host) && a.protocol() == QAbstractSocket::IPv4Protocol;
    }
    static const QRegularExpression name(QStringLiteral(
        R"(^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$)"));
    return name.match(host).hasMatch();
}

QStringList splitEntries(const QString& text) {
    static const QRegularExpression sep(QStringLiteral(R"([\n\r,]+)"));
    QStringList out;
    for (const QString& part : text.split(sep)) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

constexpr char kGroup[] = "network";

// Splits an INI file into lines the way QSettings does: '\n', '\r' and "\r\n" end a line.
QList<QByteArray> iniLines(const QByteArray& bytes) {
    QList<QByteArray> lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n' || bytes[i] == '\r') {
            lines << bytes.mid(start, i - start);
            if (bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n')
                ++i;
            start = i + 1;
        }
    }
    if (start < bytes.size())
        lines << bytes.mid(start);
    return lines;
}

// A line QSettings cannot parse: not blank, not a ';' comment, not a "[section]", and no '='
// before a ';' (e.g. "bootstrap private", "#comment", "[network"). QSettings skips such a line
// when reading; it keeps the good ones.
bool badIniLine(const QByteArray& line) {
    const QByteArray t = line.trimmed();
    if (t.isEmpty() || t.startsWith(';'))
        return false;
    if (t.contains('\0'))
        return true;
    if (t.startsWith('['))
        return !t.contains(']');
    const qsizetype eq = t.indexOf('=');
    const qsizetype semicolon = t.indexOf(';');
    return eq < 0 || (semicolon >= 0 && semicolon < eq);
}

// The 1-based numbers of the lines of `bytes` QSettings cannot parse.
QList<int> badIniLines(const QByteArray& bytes) {
    QList<int> bad;
    const QList<QByteArray> lines = iniLines(bytes);
    for (int i = 0; i < lines.size(); ++i)
        if (badIniLine(lines[i]))
            bad << i + 1;
    return bad;
}

QString iniPath(const QString& dataRoot) {
    return QDir(dataRoot).filePath(QLatin1String(NetworkSettings::kFileName));
}

// QSettings does not rewrite a file it could not parse the way one expects: depending on the Qt
// version and on what it has cached, save() failed with FormatError, or the bad line silently
// went. So a file with bad lines is mended first: a copy goes to <file>.bak, then the file is
// replaced (atomically) by its good lines, an unclosed "[section" closed.
Result<void> mendIniFile(const QString& path) {
    QFile in(path);
    if (!in.exists())
        return {};
    if (!in.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read %1: %2").arg(path, in.errorString()));
    const QByteArray bytes = in.readAll();
    in.close();
    if (badIniLines(bytes).isEmpty())
        return {};
    const QString bak = path + QStringLiteral(".bak");
    QFile::remove(bak);
    if (!QFile::copy(path, bak))
        return makeError(QStringLiteral("cannot keep a copy of %1 in %2").arg(path, bak));
    QByteArray good;
    for (const QByteArray& line : iniLines(bytes)) {
        if (!badIniLine(line))
            good += line + '\n';
        else if (const QByteArray t = line.trimmed(); t.startsWith('[') && !t.contains('\0'))
            good += t + "]\n";  // "[window": the lines after it were meant for that section
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(good) != good.size() || !out.commit())
        return makeError(QStringLiteral("cannot rewrite %1: %2").arg(path, out.errorString()));
    return {};
}

}  // namespace

Result<BootstrapNode> parseBootstrapNode(const QString& text) {
    const QString t = text.trimmed();
    const int colon = t.lastIndexOf(u':');
    if (colon <= 0 || colon == t.size() - 1)
        return makeError(QStringLiteral("\"%1\" is not host:port (e.g. node1.example.org:49737)").arg(t));
    const QString host = t.left(colon);
    bool ok = false;
    const uint port = t.mid(colon + 1).toUInt(&ok);
    if (!validHost(host))
        return makeError(QStringLiteral("\"%1\": \"%2\" is not a host name or IPv4 address").arg(t, host));
    if (!ok || port == 0 || port > 65535)
        return makeError(QStringLiteral("\"%1\": the port must be a number from 1 to 65535").arg(t));
    return BootstrapNode{host, quint16(port)};
}

Result<QList<BootstrapNode>> parseBootstrapList(const QString& text) {
    QList<BootstrapNode> out;
    for (const QString& entry : splitEntries(text)) {
        auto node = parseBootstrapNode(entry);
        if (!node)
            return node.error();
        if (!out.contains(*node))
            out << *node;
    }
    return out;
}

Result<QStringList> parseWebSocketUrls(const QString& text) {
    QStringList out;
    for (const QString& entry : splitEntries(text)) {
        const QUrl url(entry, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || (scheme != u"ws" && scheme != u"wss") || url.host().isEmpty()) {
            return makeError(
                QStringLiteral("\"%1\" is not a WebSocket URL (ws://host:port or wss://host:port)")
                    .arg(entry));
        }
        if (!out.contains(entry))
            out << entry;
    }
    return out;
}

Result<void> NetworkSettings::validate() const {
    if (privateBootstrap && bootstrap.isEmpty())
        return makeError(QStringLiteral("a private DHT needs at least one bootstrap node"));
    for (const auto& node : bootstrap) {
        if (auto r = parseBootstrapNode(node.toString()); !r)
            return r.error();
    }
    if (serveWebSocket && wsPort == 0)
        return makeError(QStringLiteral("the WebSocket port must be a number from 1 to 65535"));
    if (auto r = parseWebSocketUrls(connectWebSocket.join(u'\n')); !r)
        return r.error();
    return {};
}

NetworkSettings NetworkSettings::load(const QString& dataRoot, QString* problems) {
    QStringList issues;
    if (QFile file(iniPath(dataRoot)); file.open(QIODevice::ReadOnly)) {
        const QList<int> bad = badIniLines(file.readAll());
        if (!bad.isEmpty()) {
            QStringList numbers;
            for (int n : bad.mid(0, 5))
                numbers << QString::number(n);
            if (bad.size() > 5)
                numbers << QStringLiteral("…");
            issues << (bad.size() == 1 ? QStringLiteral("%1: line %2 is not key=value and was ignored")
                                       : QStringLiteral("%1: lines %2 are not key=value and were ignored"))
                              .arg(file.fileName(), numbers.join(QStringLiteral(", "))) +
                          QStringLiteral(
                              " (the other values are kept; saving rewrites the file and keeps "
                              "the old one as %1.bak)")
                              .arg(QLatin1String(kFileName));
        }
    }
    QSettings ini(iniPath(dataRoot), QSettings::IniFormat);
    ini.beginGroup(QLatin1String(kGroup));
    NetworkSettings s;
    const QString mode = ini.value(QStringLiteral("bootstrap"), QStringLiteral("public")).toString();
    auto nodes = parseBootstrapList(ini.value(QStringLiteral("bootstrapNodes")).toStringList().join(u'\n'));
    if (!nodes)
        issues << nodes.errorMessage();
    else
        s.bootstrap = *nodes;
    s.privateBootstrap = mode == u"private" && !s.bootstrap.isEmpty();
    if (mode == u"private" && !s.privateBootstrap)
        issues << QStringLiteral("no valid private bootstrap node: using the public DHT");
    s.serveWebSocket = ini.value(QStringLiteral("wsServe"), false).toBool();
    bool ok = false;
    const uint port = ini.value(QStringLiteral("wsPort"), 0).toUInt(&ok);
    s.wsPort = ok && port <= 65535 ? quint16(port) : 0;
    if (s.serveWebSocket && s.wsPort == 0) {
        s.serveWebSocket = false;
        issues << QStringLiteral("the WebSocket port is not valid: not serving");
    }
    auto urls = parseWebSocketUrls(ini.value(QStringLiteral("wsConnect")).toStringList().join(u'\n'));
    if (!urls)
        issues << urls.errorMessage();
    else
        s.connectWebSocket = *urls;
    if (problems)
        *problems = issues.join(QStringLiteral("; "));
    return s;
}

Result<void> NetworkSettings::save(const QString& dataRoot) const {
    if (auto r = validate(); !r)
        return r;
    if (auto r = mendIniFile(iniPath(dataRoot)); !r)
        return r;
    QSettings ini(iniPath(dataRoot), QSettings::IniFormat);
    ini.beginGroup(QLatin1String(kGroup));
    ini.setValue(QStringLiteral("bootstrap"),
                 privateBootstrap ? QStringLiteral("private") : QStringLiteral("public"));
    QStringList nodes;
    for (const auto& n : bootstrap)
        nodes << n.toString();
    ini.setValue(QStringLiteral("bootstrapNodes"), nodes);
    ini.setValue(QStringLiteral("wsServe"), serveWebSocket);
    ini.setValue(QStringLiteral("wsPort"), wsPort);
    ini.setValue(QStringLiteral("wsConnect"), connectWebSocket);
    ini.endGroup();
    ini.sync();
    if (ini.status() == QSettings::FormatError)
        return makeError(
            QStringLiteral("cannot write %1: QSettings cannot read a line of it").arg(ini.fileName()));
    if (ini.status() != QSettings::NoError)
        return makeError(QStringLiteral("cannot write %1").arg(ini.fileName()));
    return {};
}

SpaceSettings SpaceSettings::load(const QString& spaceDir) {
    QSettings ini(QDir(spaceDir).filePath(QLatin1String(kFileName)), QSettings::IniFormat);
    SpaceSettings s;
    s.allowLegacyJsonPeers = ini.value(QStringLiteral("sync/allowLegacyJsonPeers"), false).toBool();
    return s;
}

Result<void> SpaceSettings::save(const QString& spaceDir) const {
    if (!QDir().mkpath(spaceDir))
        return makeError(QStringLiteral("cannot create %1").arg(spaceDir));
    QSettings ini(QDir(spaceDir).filePath(QLatin1String(kFileName)), QSettings::IniFormat);
    ini.setValue(QStringLiteral("sync/allowLegacyJsonPeers"), allowLegacyJsonPeers);
    ini.sync();
    if (ini.status() != QSettings::NoError)
        return makeError(QStringLiteral("cannot write %1").arg(ini.fileName()));
    return {};
}

}  // namespace pluresdb::spaces
