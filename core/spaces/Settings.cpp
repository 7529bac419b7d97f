#include "core/spaces/Settings.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QTemporaryFile>
#include <QUrl>

#include <functional>

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

// Only spaces and tabs are blanks to QSettings (a line of "\v" is not empty to it).
QByteArray iniTrimmed(const QByteArray& line) {
    qsizetype begin = 0, end = line.size();
    while (begin < end && (line[begin] == ' ' || line[begin] == '\t'))
        ++begin;
    while (end > begin && (line[end - 1] == ' ' || line[end - 1] == '\t'))
        --end;
    return line.mid(begin, end - begin);
}

// A line QSettings cannot parse: not blank, not a ';' comment, not a "[section]", and no '='
// (outside quotes, unescaped) before a ';' (e.g. "bootstrap private", "#comment", "[network",
// "k\=1"). QSettings skips such a line when reading; it keeps the good ones.
bool badIniLine(const QByteArray& line) {
    const QByteArray t = iniTrimmed(line);
    if (t.isEmpty() || t.startsWith(';'))
        return false;
    if (t.contains('\0'))
        return true;
    if (t.startsWith('[')) {  // a ';' starts a comment, also in a section line
        const qsizetype close = t.indexOf(']'), semicolon = t.indexOf(';');
        return close < 0 || (semicolon >= 0 && semicolon < close);
    }
    // key=value: an '=' outside double quotes, not escaped by '\\', before any ';' outside quotes.
    bool quoted = false;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (c == '\\')
            ++i;
        else if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '=')
            return false;
        else if (!quoted && c == ';')
            return true;
    }
    return true;
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

// Writes `bytes` to `path` atomically (a temporary file renamed over it).
Result<void> replaceFile(const QString& path, const QByteArray& bytes) {
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return makeError(QStringLiteral("cannot rewrite %1: %2").arg(path, out.errorString()));
    return {};
}

// The good lines of an INI file; an unclosed "[section" is closed (the lines after it were meant
// for that section).
QByteArray goodIniLines(const QByteArray& bytes) {
    QByteArray good;
    for (const QByteArray& line : iniLines(bytes)) {
        if (!badIniLine(line))
            good += line + '\n';
        else if (const QByteArray t = iniTrimmed(line);
                 t.startsWith('[') && !t.contains('\0') && !t.contains(';') && !t.contains(']'))
            good += t + "]\n";
    }
    return good;
}

// Rebuilds an INI file from what QSettings can read of `bytes`, plus `write`'s values, in QSettings'
// own format. Both steps use fresh uniquely named files, so no cached state of `path` is involved.
Result<void> rebuildIniFile(const QString& path, const QByteArray& bytes,
                            const std::function<void(QSettings&)>& write) {
    const QString pattern = path + QStringLiteral(".XXXXXX");
    QTemporaryFile in(pattern), out(pattern);
    if (!in.open() || in.write(bytes) != bytes.size() || !in.flush() || !out.open())
        return makeError(QStringLiteral("cannot rewrite %1: no temporary file beside it").arg(path));
    in.close();
    out.close();
    {
        const QSettings old(in.fileName(), QSettings::IniFormat);
        QSettings fresh(out.fileName(), QSettings::IniFormat);
        for (const QString& key : old.allKeys())
            fresh.setValue(key, old.value(key));
        write(fresh);
        fresh.sync();
        if (fresh.status() != QSettings::NoError)
            return makeError(QStringLiteral("cannot rewrite %1").arg(path));
    }
    // Read it back by name: QSettings replaced the file, the QTemporaryFile's handle is stale.
    QFile rebuilt(out.fileName());
    if (!rebuilt.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot rewrite %1: %2").arg(path, rebuilt.errorString()));
    return replaceFile(path, rebuilt.readAll());
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

// QSettings does not rewrite a file it could not parse the way one expects: depending on the Qt
// version and on what it has cached, the save failed with FormatError every time, or the bad line
// silently went. So a file with lines QSettings cannot parse is mended first: a copy goes to
// <file>.bak, then the file is replaced (atomically) by its good lines. Should QSettings still find
// a line it cannot parse, the file is rebuilt from the values QSettings can read of it.
Result<void> NetworkSettings::save(const QString& dataRoot) const {
    if (auto r = validate(); !r)
        return r;
    const QString path = iniPath(dataRoot);
    QByteArray original;
    if (QFile in(path); in.exists()) {
        if (!in.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("cannot read %1: %2").arg(path, in.errorString()));
        original = in.readAll();
    }
    bool backedUp = false;
    const auto backUp = [&]() -> Result<void> {
        if (backedUp || original.isEmpty())
            return {};
        backedUp = true;
        return replaceFile(path + QStringLiteral(".bak"), original);
    };
    QByteArray current = original;
    if (!badIniLines(original).isEmpty()) {
        if (auto r = backUp(); !r)
            return r;
        current = goodIniLines(original);
        if (auto r = replaceFile(path, current); !r)
            return r;
    }
    const auto write = [this](QSettings& ini) {
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
    };
    QSettings::Status status;
    {
        QSettings ini(path, QSettings::IniFormat);
        write(ini);
        ini.sync();
        status = ini.status();
    }
    if (status == QSettings::FormatError) {
        if (auto r = backUp(); !r)
            return r;
        return rebuildIniFile(path, current, write);
    }
    if (status != QSettings::NoError)
        return makeError(QStringLiteral("cannot write %1").arg(path));
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
