// hyperdht values and signatures against the real npm hyperdht 6.34 (spec/hyperdht.md §4.1, §4.4,
// §5.1, §6.2, §7.1, §7.3): dht_values_peer.js encodes random values with hyperdht's own codecs and
// signs them with its own signing code; every one must decode here, re-encode byte for byte, and
// every signature must verify and be reproduced exactly (Ed25519 is deterministic). No sockets.

#include "core/crypto/Ed25519.h"
#include "core/dht/hyperdht/HolepunchPayload.h"
#include "core/dht/hyperdht/NoisePayload.h"
#include "core/dht/hyperdht/Records.h"
#include "core/dht/hyperdht/RelayValues.h"
#include "core/dht/hyperdht/Signatures.h"
#include "tests/support/TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <map>

using namespace pluresdb;
using namespace pluresdb::dht::hyperdht;

namespace {

QByteArray hexField(const QJsonObject& o, const char* key) {
    return QByteArray::fromHex(o.value(QLatin1String(key)).toString().toLatin1());
}

template <typename Decode, typename Encode>
bool roundTrips(const QByteArray& wire, Decode decode, Encode encode, QString* why) {
    auto v = decode(wire);
    if (!v) {
        *why = v.errorMessage();
        return false;
    }
    if (encode(*v) != wire) {
        *why = QStringLiteral("re-encoded as %1").arg(QString::fromLatin1(encode(*v).toHex()));
        return false;
    }
    return true;
}

crypto::KeyPair keys(const QJsonObject& o) {
    return *crypto::keyPairFromSecretKey(crypto::SecureBytes::fromByteArray(hexField(o, "secretKey")));
}

}  // namespace

class TestDhtValuesInterop : public QObject {
    Q_OBJECT
private slots:
    /// 2 400 values from hyperdht's encoders (every codec, every optional field at random, varints
    /// of every width) decode and re-encode byte for byte; announce/unannounce/mutable signatures
    /// made by hyperdht verify here and our signatures of the same input are identical.
    void valuesFromHyperdht() {
        const QString dir = qEnvironmentVariable("PLURESDB_INTEROP_DIR");
        const auto run = test::runProcess(QStringLiteral("node"),
                                          {dir + QStringLiteral("/dht_values_peer.js"), QStringLiteral("20261129"),
                                           QStringLiteral("200")});
        QVERIFY2(run.exitCode == 0 && !run.crashed && !run.timedOut, run.err.constData());
        std::map<QString, int> seen;
        int signaturesChecked = 0;
        for (const QByteArray& line : run.out.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QString codec = o.value(QStringLiteral("codec")).toString();
            const QByteArray wire = hexField(o, "hex");
            QString why;
            bool ok = false;
            if (codec == QLatin1String("peer"))
                ok = roundTrips(wire, decodePeerRecord, [](const PeerRecord& p) { return encodePeerRecord(p); }, &why);
            else if (codec == QLatin1String("lookup"))
                ok = roundTrips(wire, decodeLookupReply, encodeLookupReply, &why);
            else if (codec == QLatin1String("announce"))
                ok = roundTrips(wire, decodeAnnounceValue, encodeAnnounceValue, &why);
            else if (codec == QLatin1String("mutablePut"))
                ok = roundTrips(wire, decodeMutablePutRequest, encodeMutablePutRequest, &why);
            else if (codec == QLatin1String("mutableGet"))
                ok = roundTrips(wire, decodeMutableGetResponse, encodeMutableGetResponse, &why);
            else if (codec == QLatin1String("plugin"))
                ok = roundTrips(wire, decodePluginRequest, encodePluginRequest, &why);
            else if (codec == QLatin1String("handshake"))
                ok = roundTrips(wire, decodeHandshakeValue, encodeHandshakeValue, &why);
            else if (codec == QLatin1String("holepunch"))
                ok = roundTrips(wire, decodeHolepunchValue, encodeHolepunchValue, &why);
            else if (codec == QLatin1String("holepunchPayload"))
                ok = roundTrips(wire, decodeHolepunchPayload, encodeHolepunchPayload, &why);
            else if (codec == QLatin1String("noisePayload"))
                ok = roundTrips(wire, decodeNoisePayload, encodeNoisePayload, &why);
            else
                QFAIL(qPrintable(QStringLiteral("unknown codec %1").arg(codec)));
            QVERIFY2(ok, qPrintable(QStringLiteral("%1 %2: %3").arg(codec, QString::fromLatin1(wire.toHex()), why)));
            ++seen[codec];

            if (codec == QLatin1String("announce") && o.contains(QStringLiteral("secretKey"))) {
                const auto kind = o.value(QStringLiteral("kind")).toString() == QLatin1String("announce")
                                      ? AnnounceKind::Announce
                                      : AnnounceKind::Unannounce;
                const AnnounceValue v = *decodeAnnounceValue(wire);
                const QByteArray target = hexField(o, "target"), id = hexField(o, "id"), token = hexField(o, "token");
                QVERIFY(verifyAnnounce(kind, target, id, token, v));
                QCOMPARE(signAnnounce(kind, target, id, token, *v.peer, v.refresh, keys(o)), *v.signature);
                QVERIFY(!verifyAnnounce(kind == AnnounceKind::Announce ? AnnounceKind::Unannounce : AnnounceKind::Announce,
                                        target, id, token, v));
                ++signaturesChecked;
            } else if (codec == QLatin1String("mutablePut")) {
                const MutablePutRequest r = *decodeMutablePutRequest(wire);
                QVERIFY(verifyMutable(r.publicKey, r.seq, r.value, r.signature));
                QCOMPARE(signMutable(r.seq, r.value, keys(o)), r.signature);
                QVERIFY(!verifyMutable(r.publicKey, r.seq + 1, r.value, r.signature));
                ++signaturesChecked;
            }
        }
        QCOMPARE(seen.size(), std::size_t(10));
        for (const auto& [codec, n] : seen)
            QVERIFY2(n >= 200, qPrintable(codec));
        QCOMPARE(signaturesChecked, 400);
    }
};

QTEST_GUILESS_MAIN(TestDhtValuesInterop)
#include "test_dht_values.moc"
