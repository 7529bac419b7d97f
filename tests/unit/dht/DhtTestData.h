#pragma once

// Helpers shared by the dht unit tests: hex, "host:port" parsing and the captured datagrams
// (tests/unit/dht/data/captured_rpc.json, taken from spec/hyperdht-vectors).

#include "core/encoding/CompactEncoding.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace dhttest {

inline QByteArray hex(const char* h) {
    return QByteArray::fromHex(QByteArray(h).replace(' ', "").replace('\n', ""));
}

inline pluresdb::encoding::Ipv4Address address(const QString& hostPort) {
    pluresdb::encoding::Ipv4Address a;
    const QStringList parts = hostPort.split(QLatin1Char(':'));
    const QStringList octets = parts.value(0).split(QLatin1Char('.'));
    for (int i = 0; i < 4 && i < octets.size(); ++i)
        a.host[std::size_t(i)] = uint8_t(octets[i].toUInt());
    a.port = uint16_t(parts.value(1).toUInt());
    return a;
}

inline QJsonArray capturedDatagrams() {
    QFile f(qEnvironmentVariable("PLURESDB_SOURCE_DIR") + QStringLiteral("/tests/unit/dht/data/captured_rpc.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("datagrams")).toArray();
}

}  // namespace dhttest
