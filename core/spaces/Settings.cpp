#include "core/spaces/Settings.h"

#include <QDir>
#include <QHostAddress>
#include <QRegularExpression>
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
    QSettings ini(QDir(dataRoot).filePath(QLatin1String(kFileName)), QSettings::IniFormat);
    ini.beginGroup(QLatin1String(kGroup));
    NetworkSettings s;
    QStringList issues;
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
    QSettings ini(QDir(dataRoot).filePath(QLatin1String(kFileName)), QSettings::IniFormat);
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
