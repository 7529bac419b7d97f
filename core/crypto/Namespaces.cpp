#include "core/crypto/Namespaces.h"

#include "core/crypto/Hash.h"

namespace pluresdb::crypto {

QByteArray namespaceBase(const QByteArray& name) {
    return blake2b(name);
}

QByteArray namespaceId(const QByteArray& name, quint8 id) {
    return blake2b(namespaceBase(name) + QByteArray(1, static_cast<char>(id)));
}

namespace {
const QByteArray kSecretStreamName = QByteArrayLiteral("hyperswarm/secret-stream");
const QByteArray kDhtName = QByteArrayLiteral("hyperswarm/dht");
}  // namespace

const QByteArray& nsInitiator() {
    static const QByteArray v = namespaceId(kSecretStreamName, 0);
    return v;
}
const QByteArray& nsResponder() {
    static const QByteArray v = namespaceId(kSecretStreamName, 1);
    return v;
}
const QByteArray& nsSend() {
    static const QByteArray v = namespaceId(kSecretStreamName, 2);
    return v;
}
const QByteArray& nsPeerHandshake() {
    static const QByteArray v = namespaceId(kDhtName, 0);
    return v;
}
const QByteArray& nsPeerHolepunch() {
    static const QByteArray v = namespaceId(kDhtName, 1);
    return v;
}
const QByteArray& nsAnnounce() {
    static const QByteArray v = namespaceId(kDhtName, 4);
    return v;
}
const QByteArray& nsUnannounce() {
    static const QByteArray v = namespaceId(kDhtName, 5);
    return v;
}
const QByteArray& nsMutablePut() {
    static const QByteArray v = namespaceId(kDhtName, 6);
    return v;
}

}  // namespace pluresdb::crypto
