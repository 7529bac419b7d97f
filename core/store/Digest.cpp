#include "core/store/Digest.h"

#include <sodium.h>

namespace pluresdb::store {

void Digest::toggle(const QByteArray& rowHash) {
    for (size_t i = 0; i < bytes.size() && i < static_cast<size_t>(rowHash.size()); ++i) {
        bytes[i] ^= static_cast<uint8_t>(rowHash[static_cast<int>(i)]);
    }
}

QByteArray Digest::toBytes() const {
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<int>(bytes.size()));
}

QString Digest::toHex() const { return QString::fromLatin1(toBytes().toHex()); }

Digest Digest::fromBytes(const QByteArray& b) {
    Digest d;
    if (b.size() == static_cast<int>(d.bytes.size())) std::copy(b.begin(), b.end(), d.bytes.begin());
    return d;
}

namespace {

void absorb(crypto_generichash_state& st, const QByteArray& part) {
    const auto len = static_cast<uint32_t>(part.size());
    const uint8_t prefix[4] = {uint8_t(len), uint8_t(len >> 8), uint8_t(len >> 16), uint8_t(len >> 24)};
    crypto_generichash_update(&st, prefix, sizeof prefix);
    crypto_generichash_update(&st, reinterpret_cast<const uint8_t*>(part.constData()), part.size());
}

QByteArray finish(crypto_generichash_state& st) {
    QByteArray out(32, Qt::Uninitialized);
    crypto_generichash_final(&st, reinterpret_cast<uint8_t*>(out.data()), 32);
    return out;
}

}  // namespace

QByteArray fieldRowHash(const QString& recordId, const QString& field, const QByteArray& hlc,
                        const QByteArray& valueJsonOrNull, bool tombstone) {
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, 32);
    absorb(st, QByteArrayLiteral("pluresdb/field/v1"));
    absorb(st, recordId.toUtf8());
    absorb(st, field.toUtf8());
    absorb(st, hlc);
    absorb(st, tombstone ? QByteArrayLiteral("\x00") : QByteArrayLiteral("\x01") + valueJsonOrNull);
    return finish(st);
}

QByteArray recordRowHash(const QString& recordId, const QByteArray& putHlc, const QByteArray& delHlc) {
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, 32);
    absorb(st, QByteArrayLiteral("pluresdb/record/v1"));
    absorb(st, recordId.toUtf8());
    absorb(st, putHlc);
    absorb(st, delHlc);
    return finish(st);
}

}  // namespace pluresdb::store
