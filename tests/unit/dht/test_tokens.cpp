// Rotating write tokens (spec/hyperdht.md §2.4, vectors V3).

#include "DhtTestData.h"

#include "core/dht/rpc/RpcWire.h"
#include "core/dht/rpc/TokenSecrets.h"

#include <QTest>

using namespace pluresdb;
using namespace pluresdb::dht::rpc;
using dhttest::hex;

namespace {
crypto::SecureBytes filled(char c) {
    return crypto::SecureBytes::fromByteArray(QByteArray(32, c));
}
}  // namespace

class TestTokens : public QObject {
    Q_OBJECT
private slots:
    /// V3: token = BLAKE2b-256(input = "127.0.0.1", key = secret), issued with the newer secret.
    void issuesTokensLikeDhtRpc() {
        TokenSecrets s(filled(0x02), filled(0x01));
        QCOMPARE(s.issue(QStringLiteral("127.0.0.1")),
                 hex("ed9291f718dd75a0390cf8fd4828a9fedc3fcf919ff1f9724f33b187ecd9b461"));
    }

    /// V3: rotation makes the new secret BLAKE2b-256(old secrets[0]); checked through the token it
    /// issues after two rotations (secrets[1] = H(secret 0x01) once 0x01 has moved to slot 0).
    void rotatesLikeDhtRpc() {
        TokenSecrets s(filled(0x01), filled(0x01));
        s.rotate();  // [0x01, H(0x01)]
        TokenSecrets expected(filled(0x00),
                              crypto::SecureBytes::fromByteArray(
                                  hex("f40ceaf86e5776923332b8d8fd3bef849cadb19c6996bc272af1f648d9566a4c")));
        QCOMPARE(s.issue(QStringLiteral("127.0.0.1")), expected.issue(QStringLiteral("127.0.0.1")));
    }

    /// §2.4: a token stays valid through one rotation and dies on the second; only the host is
    /// bound, and a token for another host or of the wrong size is refused.
    void tokenLifetime() {
        TokenSecrets s;
        const QByteArray t = s.issue(QStringLiteral("10.0.0.7"));
        QVERIFY(s.validate(QStringLiteral("10.0.0.7"), t));
        QVERIFY(!s.validate(QStringLiteral("10.0.0.8"), t));
        QVERIFY(!s.validate(QStringLiteral("10.0.0.7"), t.left(31)));
        QVERIFY(!s.validate(QStringLiteral("10.0.0.7"), QByteArray(32, '\0')));
        s.rotate();
        QVERIFY(s.validate(QStringLiteral("10.0.0.7"), t));
        QVERIFY(s.issue(QStringLiteral("10.0.0.7")) != t);
        s.rotate();
        QVERIFY(!s.validate(QStringLiteral("10.0.0.7"), t));
    }

    /// §2.4: rotation happens on every 10th 750 ms tick (7.5 s), not before.
    void rotatesEveryTenthTick() {
        TokenSecrets s;
        const QByteArray t = s.issue(QStringLiteral("127.0.0.1"));
        for (int i = 0; i < kTicksPerTokenRotation - 1; ++i)
            s.tick();
        QCOMPARE(s.issue(QStringLiteral("127.0.0.1")), t);
        s.tick();
        QVERIFY(s.issue(QStringLiteral("127.0.0.1")) != t);
        QVERIFY(s.validate(QStringLiteral("127.0.0.1"), t));
        for (int i = 0; i < kTicksPerTokenRotation; ++i)
            s.tick();
        QVERIFY(!s.validate(QStringLiteral("127.0.0.1"), t));
    }
};

QTEST_GUILESS_MAIN(TestTokens)
#include "test_tokens.moc"
