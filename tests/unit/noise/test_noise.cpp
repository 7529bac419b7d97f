// Noise IK (as hyperdht runs it) and XX (as secret-stream runs it) against noise-handshake's own bytes:
// connection.md §7.2 (full IK trace), §7.3 (XX) from connection-vectors.json, hyperdht.md §13.2 V7;
// and the failure rules of §2.9 (truncated, forged, wrong key, out of turn).

#include "core/crypto/Ed25519.h"
#include "core/crypto/Hash.h"
#include "core/crypto/Namespaces.h"
#include "core/transport/noise/NoiseConstants.h"
#include "core/transport/noise/NoiseHandshake.h"
#include "core/transport/noise/SymmetricState.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::transport::noise;
using crypto::KeyPair;
using crypto::SecureBytes;

namespace {
QByteArray hex(const QString& s) {
    return QByteArray::fromHex(s.toLatin1());
}
KeyPair seeded(char byte) {
    return crypto::keyPairFromSeed(SecureBytes::fromByteArray(QByteArray(32, byte))).value();
}

QJsonObject loadVectors() {
    QFile f(test::sourceDir() + QStringLiteral("/tests/unit/noise/vectors/connection-vectors.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}
}  // namespace

class TestNoise : public QObject {
    Q_OBJECT
private:
    QJsonObject m_ik;
    QString trace(const QString& step) const {
        for (const auto& row : m_ik.value(QLatin1String("trace")).toArray()) {
            if (row.toArray().at(0).toString() == step)
                return row.toArray().at(1).toString();
        }
        return {};
    }

private slots:
    void initTestCase() {
        m_ik = loadVectors().value(QLatin1String("noise_ik_hyperdht")).toObject();
        QVERIFY2(!m_ik.isEmpty(), "connection-vectors.json not found");
    }

    /// §7.2: IK with hyperdht's prologue reproduces every traced value, both messages, hash, split and
    /// the derived secrets (holepunch secret, stream ids, datagram keys), on both sides.
    void ikHyperdhtVector() {
        const QByteArray prologue = hex(m_ik[QLatin1String("prologue")].toString());
        QCOMPARE(prologue, crypto::nsPeerHandshake());
        NoiseHandshake init(NoisePattern::IK, true, seeded('\x11'), prologue, seeded('\x22').publicKey);
        NoiseHandshake resp(NoisePattern::IK, false, seeded('\x22'), prologue);
        QCOMPARE(init.handshakeHash().toHex(), trace(QStringLiteral("h after pre-message rs")).toLatin1());
        QCOMPARE(resp.handshakeHash().toHex(), trace(QStringLiteral("h after pre-message rs")).toLatin1());
        init.setEphemeralKeyPair(seeded('\x33'));
        resp.setEphemeralKeyPair(seeded('\x44'));

        const QByteArray p1 = hex(m_ik[QLatin1String("clientPayload")].toString());
        const QByteArray p2 = hex(m_ik[QLatin1String("serverPayload")].toString());
        const QByteArray m1 = init.writeMessage(p1).value();
        QCOMPARE(m1.toHex(), m_ik[QLatin1String("message1")].toString().toLatin1());
        QCOMPARE(init.symmetricState().chainingKeyForTesting().toHex(),
                 trace(QStringLiteral("m1: ck after ss")).toLatin1());
        QCOMPARE(init.symmetricState().cipherKeyForTesting().toHex(),
                 trace(QStringLiteral("m1: k after ss")).toLatin1());
        QCOMPARE(init.handshakeHash().toHex(), trace(QStringLiteral("m1: h after payload")).toLatin1());
        QCOMPARE(resp.readMessage(m1).value(), p1);
        QCOMPARE(resp.remoteStaticKey(), seeded('\x11').publicKey);
        const QByteArray m2 = resp.writeMessage(p2).value();
        QCOMPARE(m2.toHex(), m_ik[QLatin1String("message2")].toString().toLatin1());
        QCOMPARE(resp.symmetricState().chainingKeyForTesting().toHex(),
                 trace(QStringLiteral("m2: ck after se")).toLatin1());
        QCOMPARE(init.readMessage(m2).value(), p2);
        QVERIFY(init.isComplete() && resp.isComplete());

        const NoiseResult a = init.result().value();
        const NoiseResult b = resp.result().value();
        const QByteArray hash = hex(m_ik[QLatin1String("handshakeHash")].toString());
        QCOMPARE(a.handshakeHash, hash);
        QCOMPARE(b.handshakeHash, hash);
        QCOMPARE(a.tx.toByteArray().toHex(), m_ik[QLatin1String("initiatorTx")].toString().toLatin1());
        QCOMPARE(a.rx.toByteArray().toHex(), m_ik[QLatin1String("initiatorRx")].toString().toLatin1());
        QVERIFY(a.tx.equals(b.rx) && a.rx.equals(b.tx));
        QCOMPARE(b.remotePublicKey, a.publicKey);
        QCOMPARE(crypto::blake2b(crypto::nsPeerHolepunch(), 32, hash).toHex(),
                 m_ik[QLatin1String("holepunchSecret")].toString().toLatin1());
        QCOMPARE(crypto::blake2b(crypto::nsInitiator(), 32, hash).toHex(),
                 m_ik[QLatin1String("streamIdInitiator")].toString().toLatin1());
        QCOMPARE(crypto::blake2b(crypto::nsResponder(), 32, hash).toHex(),
                 m_ik[QLatin1String("streamIdResponder")].toString().toLatin1());
        QCOMPARE(crypto::blake2bBatch({crypto::nsResponder(), crypto::nsSend()}, 32, hash).toHex(),
                 m_ik[QLatin1String("sendKeyResponderToInitiator")].toString().toLatin1());
    }

    /// §7.2 trace, row by row: every intermediate h, ck, k, DH output and ciphertext that noise-handshake
    /// logged, recomputed with SymmetricState and the Edwards DH (not only the final outputs).
    void ikTraceEveryStep() {
        const KeyPair is = seeded('\x11'), rs = seeded('\x22'), ie = seeded('\x33'), re = seeded('\x44');
        const QByteArray prologue = hex(m_ik[QLatin1String("prologue")].toString());
        SymmetricState st{QByteArray(kProtocolNameIK)};
        QMap<QString, QByteArray> got;
        got[QStringLiteral("protocol_name")] = QByteArray(kProtocolNameIK);
        got[QStringLiteral("h0 = ck0")] = st.handshakeHash();
        st.mixHash(prologue);
        got[QStringLiteral("h after prologue")] = st.handshakeHash();
        st.mixHash(rs.publicKey);
        got[QStringLiteral("h after pre-message rs")] = st.handshakeHash();
        got[QStringLiteral("m1: e (initiator ephemeral pub)")] = ie.publicKey;
        st.mixHash(ie.publicKey);
        got[QStringLiteral("m1: h after e")] = st.handshakeHash();
        const auto es = crypto::ed25519Dh(ie, rs.publicKey).value();
        got[QStringLiteral("m1: es DH")] = es.toByteArray();
        st.mixKey(es);
        got[QStringLiteral("m1: ck after es")] = st.chainingKeyForTesting();
        got[QStringLiteral("m1: k after es")] = st.cipherKeyForTesting();
        got[QStringLiteral("m1: encrypted s (48 B)")] = st.encryptAndHash(is.publicKey);
        got[QStringLiteral("m1: h after s")] = st.handshakeHash();
        const auto ss = crypto::ed25519Dh(is, rs.publicKey).value();
        got[QStringLiteral("m1: ss DH")] = ss.toByteArray();
        st.mixKey(ss);
        got[QStringLiteral("m1: ck after ss")] = st.chainingKeyForTesting();
        got[QStringLiteral("m1: k after ss")] = st.cipherKeyForTesting();
        const QByteArray p1 = hex(m_ik[QLatin1String("clientPayload")].toString());
        got[QStringLiteral("m1: payload plaintext")] = p1;
        got[QStringLiteral("m1: encrypted payload")] = st.encryptAndHash(p1);
        got[QStringLiteral("m1: h after payload")] = st.handshakeHash();
        got[QStringLiteral("m2: e (responder ephemeral pub)")] = re.publicKey;
        st.mixHash(re.publicKey);
        got[QStringLiteral("m2: h after e")] = st.handshakeHash();
        const auto ee = crypto::ed25519Dh(ie, re.publicKey).value();
        got[QStringLiteral("m2: ee DH")] = ee.toByteArray();
        st.mixKey(ee);
        got[QStringLiteral("m2: ck after ee")] = st.chainingKeyForTesting();
        const auto se = crypto::ed25519Dh(is, re.publicKey).value();
        got[QStringLiteral("m2: se DH")] = se.toByteArray();
        st.mixKey(se);
        got[QStringLiteral("m2: ck after se")] = st.chainingKeyForTesting();
        got[QStringLiteral("m2: k after se")] = st.cipherKeyForTesting();
        const QByteArray p2 = hex(m_ik[QLatin1String("serverPayload")].toString());
        got[QStringLiteral("m2: payload plaintext")] = p2;
        got[QStringLiteral("m2: encrypted payload")] = st.encryptAndHash(p2);
        got[QStringLiteral("m2: h after payload = handshake hash")] = st.handshakeHash();
        const auto [k1, k2] = st.split();
        got[QStringLiteral("split k1 (initiator tx / responder rx)")] = k1.toByteArray();
        got[QStringLiteral("split k2 (initiator rx / responder tx)")] = k2.toByteArray();

        const QJsonArray rows = m_ik.value(QLatin1String("trace")).toArray();
        QCOMPARE(rows.size(), 29);
        for (const auto& row : rows) {
            const QString step = row.toArray().at(0).toString();
            QVERIFY2(got.contains(step), qPrintable(QStringLiteral("trace row not recomputed: ") + step));
            const QByteArray want = hex(row.toArray().at(1).toString());
            const QByteArray have = got.value(step);
            QVERIFY2(have == want, qPrintable(step));
        }
    }

    /// §7.3: stand-alone XX (empty prologue, empty payloads) gives Node's three messages, hash and keys.
    void xxSecretStreamVector() {
        const QJsonObject xx = m_ik[QLatin1String("xx")].toObject();
        NoiseHandshake init(NoisePattern::XX, true, seeded('\x11'));
        NoiseHandshake resp(NoisePattern::XX, false, seeded('\x22'));
        init.setEphemeralKeyPair(seeded('\x33'));
        resp.setEphemeralKeyPair(seeded('\x44'));
        const QByteArray m1 = init.writeMessage().value();
        QCOMPARE(m1.toHex(), xx[QLatin1String("m1")].toString().toLatin1());
        QVERIFY(resp.readMessage(m1).value().isEmpty());
        const QByteArray m2 = resp.writeMessage().value();
        QCOMPARE(m2.toHex(), xx[QLatin1String("m2")].toString().toLatin1());
        QVERIFY(init.readMessage(m2).ok());
        const QByteArray m3 = init.writeMessage().value();
        QCOMPARE(m3.toHex(), xx[QLatin1String("m3")].toString().toLatin1());
        QVERIFY(resp.readMessage(m3).ok());
        const NoiseResult a = init.result().value();
        const NoiseResult b = resp.result().value();
        QCOMPARE(a.handshakeHash.toHex(), xx[QLatin1String("hash")].toString().toLatin1());
        QCOMPARE(b.handshakeHash, a.handshakeHash);
        QCOMPARE(a.tx.toByteArray().toHex(), xx[QLatin1String("initiatorTx")].toString().toLatin1());
        QCOMPARE(a.rx.toByteArray().toHex(), xx[QLatin1String("initiatorRx")].toString().toLatin1());
        QCOMPARE(a.remotePublicKey, seeded('\x22').publicKey);
        QCOMPARE(b.remotePublicKey, seeded('\x11').publicKey);
    }

    /// hyperdht.md §13.2 V7: IK with client seed 02, server seed 01 and ephemerals 03/04.
    void ikV7Vector() {
        NoiseHandshake init(NoisePattern::IK, true, seeded('\x02'), crypto::nsPeerHandshake(),
                            seeded('\x01').publicKey);
        NoiseHandshake resp(NoisePattern::IK, false, seeded('\x01'), crypto::nsPeerHandshake());
        init.setEphemeralKeyPair(seeded('\x03'));
        resp.setEphemeralKeyPair(seeded('\x04'));
        const QByteArray p1 = QByteArray::fromHex("011a0000017f00000105b60100fe7f7b3d7f0001");
        const QByteArray p2 =
            QByteArray::fromHex("0159000000017f0000014ac27f000001f3830100fe29d8e7150001017f0000014ac2");
        const QByteArray m1 = init.writeMessage(p1).value();
        QCOMPARE(
            m1.toHex(),
            QByteArray("ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1eb98e814d9b061b59c"
                       "29cb8a24bd293ee473e09abb37a0a40f29c9113dab177d939149ef1d5cb5e8eafb3b626eba3288d7"
                       "48bd565b8a9b119a9935ce4b5b679b78f5e4753436329e1f9131be3a4388633fe9015d"));
        QCOMPARE(resp.readMessage(m1).value(), p1);
        const QByteArray m2 = resp.writeMessage(p2).value();
        QCOMPARE(
            m2.toHex(),
            QByteArray("ca93ac1705187071d67b83c7ff0efe8108e8ec4530575d7726879333dbdabe7cf0c569ebb2c87f7201"
                       "f995e50cfecc7c6c0ebbd2c440fe5c73e151a4a30ae240886798de6b2257222853ad674f98da8ea6"
                       "58"));
        QCOMPARE(init.readMessage(m2).value(), p2);
        const NoiseResult a = init.result().value();
        QCOMPARE(a.handshakeHash.toHex(), QByteArray("6fc4c4c47a75c61b1f63d2bae92ccfd943d5187f4b594f2246dcd4d"
                                                     "00e8a75cf029ae5d8aba1d5387818696cb41fe"
                                                     "9e9e09b4437452566f5567f4b2ad0c6389d"));
        QCOMPARE(a.tx.toByteArray().toHex(),
                 QByteArray("88f41322c8efc67f344de059727676294ec96ff366637cc0db4d57a58a03c3a1"));
        QCOMPARE(a.rx.toByteArray().toHex(),
                 QByteArray("2d9e8726cff2116154a33281bfb730696d45a7dbc01ec0c702f82e9c83002685"));
        QCOMPARE(crypto::blake2b(crypto::nsPeerHolepunch(), 32, a.handshakeHash).toHex(),
                 QByteArray("af71f2e3501aa7b598c17fe49ca7e8a4ceb4124be0cf3054abbbf131be30a37c"));
        QCOMPARE(crypto::blake2b(crypto::nsInitiator(), 32, a.handshakeHash).toHex(),
                 QByteArray("64181ddb1e102a19543cb725d8bf0c2163e7357e0dba83f7c699118d07b99213"));
        QCOMPARE(crypto::blake2b(crypto::nsResponder(), 32, a.handshakeHash).toHex(),
                 QByteArray("7f28aca5aae1a26cedc8280beb3c1d16d138e98d6e017e126f65b3d505fd6dda"));
        QCOMPARE(resp.result()->remotePublicKey, seeded('\x02').publicKey);
    }

    /// Random ephemerals still agree end to end (the normal path, not only the forced vectors).
    void randomEphemeralsAgree() {
        for (NoisePattern p : {NoisePattern::IK, NoisePattern::XX}) {
            const KeyPair r = crypto::generateKeyPair();
            NoiseHandshake init(p, true, crypto::generateKeyPair(), {}, r.publicKey);
            NoiseHandshake resp(p, false, r);
            while (!init.isComplete() || !resp.isComplete()) {
                NoiseHandshake& w = init.isMyTurn() ? init : resp;
                NoiseHandshake& rd = init.isMyTurn() ? resp : init;
                QVERIFY(rd.readMessage(w.writeMessage("x").value()).ok());
            }
            QCOMPARE(init.result()->handshakeHash, resp.result()->handshakeHash);
        }
    }

    /// §2.9: every truncation and every single-bit flip of each message makes the reader fail for good.
    void corruptedMessagesFail() {
        for (NoisePattern p : {NoisePattern::IK, NoisePattern::XX}) {
            const KeyPair r = seeded('\x22');
            NoiseHandshake init(p, true, seeded('\x11'), {}, r.publicKey);
            init.setEphemeralKeyPair(seeded('\x33'));
            const QByteArray m1 = init.writeMessage("payload").value();
            for (int n = 0; n < m1.size(); ++n) {
                NoiseHandshake resp(p, false, r);
                const auto res = resp.readMessage(m1.left(n));
                // XX message 1 is plaintext e || payload: only a short e is detectable.
                if (p == NoisePattern::XX && n >= 32)
                    continue;
                QVERIFY2(!res.ok(), qPrintable(QStringLiteral("truncated to %1").arg(n)));
                QVERIFY(res.errorMessage().startsWith(QLatin1String("Noise handshake failed")));
                QVERIFY(resp.hasFailed());
                QVERIFY(!resp.writeMessage().ok());
            }
            if (p == NoisePattern::IK) {
                for (int i = 32; i < m1.size(); ++i) {
                    QByteArray forged = m1;
                    forged[i] = static_cast<char>(forged[i] ^ 0x01);
                    NoiseHandshake resp(p, false, r);
                    QVERIFY(!resp.readMessage(forged).ok());
                }
            }
        }
    }

    /// IK to the wrong responder key: the real responder cannot decrypt message 1; and a replayed or
    /// out-of-turn message is refused.
    void wrongKeyAndOutOfTurn() {
        NoiseHandshake init(NoisePattern::IK, true, seeded('\x11'), crypto::nsPeerHandshake(),
                            seeded('\x55').publicKey);
        const QByteArray m1 = init.writeMessage({}).value();
        NoiseHandshake resp(NoisePattern::IK, false, seeded('\x22'), crypto::nsPeerHandshake());
        QVERIFY(!resp.readMessage(m1).ok());
        // Prologue mismatch also fails.
        NoiseHandshake resp2(NoisePattern::IK, false, seeded('\x55'));
        QVERIFY(!resp2.readMessage(m1).ok());
        // Out of turn: the initiator cannot read before writing; a finished handshake takes nothing more.
        NoiseHandshake i2(NoisePattern::XX, true, seeded('\x11'));
        QVERIFY(!i2.readMessage(QByteArray(32, '\x01')).ok());
        NoiseHandshake i3(NoisePattern::IK, true, seeded('\x11'));  // IK initiator without remote key
        QVERIFY(!i3.writeMessage().ok());
        // Garbage instead of an ephemeral key: not a valid point, so the DH fails.
        NoiseHandshake resp3(NoisePattern::IK, false, seeded('\x22'));
        QVERIFY(!resp3.readMessage(QByteArray(96, '\xff')).ok());
        QVERIFY(!resp3.result().ok());
        // Oversized messages are refused without processing.
        NoiseHandshake resp4(NoisePattern::XX, false, seeded('\x22'));
        QVERIFY(!resp4.readMessage(QByteArray(65536, '\x01')).ok());
    }
};

QTEST_GUILESS_MAIN(TestNoise)
#include "test_noise.moc"
