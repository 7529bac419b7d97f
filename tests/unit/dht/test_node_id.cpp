// Node ids from the public address and the XOR metric (spec/hyperdht.md §2.3, vectors V3).

#include "DhtTestData.h"

#include "core/dht/rpc/NodeId.h"

#include <QTest>

using namespace pluresdb::dht::rpc;
using dhttest::address;
using dhttest::hex;

class TestNodeId : public QObject {
    Q_OBJECT
private slots:
    /// V3: id = BLAKE2b-256(ipv4Address) for the three testnet ports and a public address.
    void derivesIdsLikeDhtRpc() {
        QCOMPARE(nodeIdFor(address(QStringLiteral("127.0.0.1:49737"))),
                 hex("d1dcf835b0d62b9230c41393cb96a34f5f8b9f814f421ca3382dfc1678022e0e"));
        QCOMPARE(nodeIdFor(address(QStringLiteral("127.0.0.1:49738"))),
                 hex("ea50f55683100864aa622153cff29c6f99eea9e753f8e211d6b01e0a8af2ac6c"));
        QCOMPARE(nodeIdFor(address(QStringLiteral("127.0.0.1:49739"))),
                 hex("26fe6ae9a1f45137757384c3a60c80571a6153a27c3c6d3dea8fe8f987b995ce"));
        QCOMPARE(nodeIdFor(address(QStringLiteral("88.99.3.86:49737"))),
                 hex("54d4b9c6441048061f80cf69564cee46a5730adfcd59fbe6c056bb49af771546"));
    }

    /// §2.2: a claimed id is kept only if it matches the UDP source; a node behind a remapping NAT
    /// (different port) or a liar is treated as id-less.
    void validatesClaimedIdsAgainstSource() {
        const QByteArray id = hex("ea50f55683100864aa622153cff29c6f99eea9e753f8e211d6b01e0a8af2ac6c");
        QCOMPARE(validatedId(id, address(QStringLiteral("127.0.0.1:49738"))), id);
        QVERIFY(validatedId(id, address(QStringLiteral("127.0.0.1:49739"))).isEmpty());
        QVERIFY(validatedId(id.left(31), address(QStringLiteral("127.0.0.1:49738"))).isEmpty());
        QVERIFY(validatedId(QByteArray(), address(QStringLiteral("127.0.0.1:49738"))).isEmpty());
    }

    /// §2.3: distance is XOR compared from byte 0, so the first differing high byte decides.
    void xorDistanceIsBigEndian() {
        const QByteArray target(32, '\0');
        QByteArray a(32, '\0'), b(32, '\0');
        a[0] = 0x01;
        b[31] = char(0xff);
        QCOMPARE(compareDistance(target, b, a), -1);
        QCOMPARE(compareDistance(target, a, b), 1);
        QCOMPARE(compareDistance(target, a, a), 0);
        QByteArray t2(32, '\0');
        t2[0] = 0x01;  // now a is at distance 0
        QCOMPARE(compareDistance(t2, a, b), -1);
    }
};

QTEST_GUILESS_MAIN(TestNodeId)
#include "test_node_id.moc"
