#pragma once

// hypercore-crypto's namespace(name, ids): base = BLAKE2b-256(name), ns[id] = BLAKE2b-256(base || id)
// (connection.md §1.1, hyperdht.md §3), and the namespaces the wire uses.

#include <QByteArray>
#include <QList>

namespace pluresdb::crypto {

QByteArray namespaceBase(const QByteArray& name);
QByteArray namespaceId(const QByteArray& name, quint8 id);

// "hyperswarm/secret-stream" ids 0, 1, 2 (connection.md §1.1).
const QByteArray& nsInitiator();
const QByteArray& nsResponder();
const QByteArray& nsSend();
// "hyperswarm/dht" ids = command numbers (hyperdht.md §3).
const QByteArray& nsPeerHandshake();  // 0: the IK prologue
const QByteArray& nsPeerHolepunch();  // 1
const QByteArray& nsAnnounce();       // 4
const QByteArray& nsUnannounce();     // 5
const QByteArray& nsMutablePut();     // 6

}  // namespace pluresdb::crypto
