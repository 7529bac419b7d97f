#pragma once

// The user's sync settings, for the settings page and for the sync engine (issue #7) to read.
//
// App-wide (NetworkSettings): which DHT bootstrap nodes to use (the public Hyperswarm ones, or a
// private list of host:port), and the WebSocket mesh (serve on a port; connect to URLs). They live in
// the data directory's desktop.ini, group [network]: another --data directory is another profile, e.g.
// one on a private DHT. The language is a preference of the person and lives in the per-user settings
// file (ui/i18n/Language.h), not here.
//
// Per space (SpaceSettings): whether PluresDB 2.x JSON peers are allowed (they cannot prove the key,
// so it is off by default). It lives with the space's data: <dataRoot>/spaces/<id>/space.ini.
//
// Everything read from the files is validated like user input: a bad entry gives the default and
// an error message, never a crash.

#include "core/common/Result.h"

#include <QString>
#include <QStringList>

namespace pluresdb::spaces {

struct BootstrapNode {
    QString host;  // a name or an IPv4 address
    quint16 port = 0;
    bool operator==(const BootstrapNode&) const = default;
    QString toString() const { return QStringLiteral("%1:%2").arg(host).arg(port); }
};

// Parses "host:port" (host: a DNS name or an IPv4 address; port 1-65535).
Result<BootstrapNode> parseBootstrapNode(const QString& text);
// One node per line or comma-separated; blank lines ignored. The error names the bad entry.
Result<QList<BootstrapNode>> parseBootstrapList(const QString& text);
// ws:// or wss:// URLs with a host, one per line or comma-separated.
Result<QStringList> parseWebSocketUrls(const QString& text);

struct NetworkSettings {
    bool privateBootstrap = false;   // false: the public Hyperswarm bootstrap nodes
    QList<BootstrapNode> bootstrap;  // used when privateBootstrap (never empty then)
    bool serveWebSocket = false;     // accept WebSocket mesh peers on wsPort
    quint16 wsPort = 0;              // 1-65535 when serveWebSocket
    QStringList connectWebSocket;    // mesh peers to connect to
    bool operator==(const NetworkSettings&) const = default;

    Result<void> validate() const;

    static constexpr const char* kFileName = "desktop.ini";
    // Reads <dataRoot>/desktop.ini; missing: the defaults. Bad entries are replaced by defaults and
    // described in *problems (may be null).
    static NetworkSettings load(const QString& dataRoot, QString* problems = nullptr);
    Result<void> save(const QString& dataRoot) const;
};

struct SpaceSettings {
    bool allowLegacyJsonPeers = false;
    bool operator==(const SpaceSettings&) const = default;

    static constexpr const char* kFileName = "space.ini";
    static SpaceSettings load(const QString& spaceDir);
    Result<void> save(const QString& spaceDir) const;
};

}  // namespace pluresdb::spaces
