// Building blocks of hyperdht connect/listen (spec/hyperdht.md §6.2, §7.4, §8): the address classes
// of the npm `bogon` package, hyperdht's `matchAddress` for the LAN shortcut, and the NAT
// classification of a puncher socket (nat.js) from (reported address, reporting node) samples.

#include "core/dht/hyperdht/ConnectSupport.h"
#include "core/dht/hyperdht/Holepuncher.h"

#include <QTest>

using namespace pluresdb;
using namespace pluresdb::dht::hyperdht;
using encoding::Ipv4Address;

namespace {
Ipv4Address a(uint8_t x, uint8_t y, uint8_t z, uint8_t w, uint16_t port = 0) {
    return Ipv4Address{{x, y, z, w}, port};
}
}  // namespace

class TestConnectSupport : public QObject {
    Q_OBJECT
private slots:
    void bogons() {
        using detail::isPrivateIpv4;
        using detail::isReservedIpv4;
        QVERIFY(isPrivateIpv4(a(10, 1, 2, 3)));
        QVERIFY(isPrivateIpv4(
            a(127, 0, 0, 1)));  // loopback is "private", not reserved (LAN shortcut on one host)
        QVERIFY(!isReservedIpv4(a(127, 0, 0, 1)));
        QVERIFY(isPrivateIpv4(a(100, 64, 0, 1)));
        QVERIFY(!isPrivateIpv4(a(100, 128, 0, 1)));
        QVERIFY(isPrivateIpv4(a(172, 16, 0, 1)));
        QVERIFY(isPrivateIpv4(a(172, 31, 255, 1)));
        QVERIFY(!isPrivateIpv4(a(172, 32, 0, 1)));
        QVERIFY(isPrivateIpv4(a(192, 168, 1, 1)));
        QVERIFY(isPrivateIpv4(a(169, 254, 1, 1)));
        QVERIFY(isReservedIpv4(a(0, 1, 2, 3)));
        QVERIFY(isReservedIpv4(a(192, 0, 2, 1)));
        QVERIFY(isReservedIpv4(a(198, 18, 0, 1)));
        QVERIFY(isReservedIpv4(a(203, 0, 113, 9)));
        QVERIFY(isReservedIpv4(a(224, 0, 0, 1)));
        QVERIFY(isReservedIpv4(a(255, 255, 255, 255)));
        QVERIFY(!detail::isBogonIpv4(a(8, 8, 8, 8)));
        QVERIFY(!detail::isBogonIpv4(a(88, 99, 3, 86)));
    }

    void matchAddress() {
        const std::vector<Ipv4Address> mine{a(192, 168, 122, 238, 1000)};
        // Three matching octets win at once; two beat one; none → nullopt.
        QCOMPARE(*detail::matchAddress(mine, {a(192, 168, 0, 23), a(192, 168, 122, 1)}), a(192, 168, 122, 1));
        QCOMPARE(*detail::matchAddress(mine, {a(192, 1, 0, 1), a(192, 168, 5, 5)}), a(192, 168, 5, 5));
        QCOMPARE(*detail::matchAddress(mine, {a(192, 1, 0, 1)}), a(192, 1, 0, 1));
        QVERIFY(!detail::matchAddress(mine, {a(10, 0, 0, 1)}));
        QVERIFY(!detail::matchAddress(mine, {}));
    }

    void natConsistent() {
        detail::NatAnalyzer nat(true);
        QCOMPARE(nat.firewall(), kFirewallUnknown);
        QVERIFY(!nat.addresses());
        QVERIFY(!nat.add(a(1, 2, 3, 4, 5000), a(9, 9, 9, 1, 1)));
        QVERIFY(!nat.add(a(1, 2, 3, 4, 5000), a(9, 9, 9, 2, 1)));
        // The same node again does not count twice.
        QVERIFY(!nat.add(a(1, 2, 3, 4, 5000), a(9, 9, 9, 2, 1)));
        QCOMPARE(nat.sampled(), 2);
        QVERIFY(nat.add(a(1, 2, 3, 4, 5000), a(9, 9, 9, 3, 1)));  // 3 hits: decided
        QCOMPARE(nat.firewall(), kFirewallConsistent);
        QCOMPARE(*nat.addresses(), std::vector<Ipv4Address>{a(1, 2, 3, 4, 5000)});
    }

    void natRandom() {
        detail::NatAnalyzer nat(true);
        nat.add(a(1, 2, 3, 4, 5000), a(9, 9, 9, 1, 1));
        nat.add(a(1, 2, 3, 4, 5001), a(9, 9, 9, 2, 1));
        nat.add(a(1, 2, 3, 4, 5002), a(9, 9, 9, 3, 1));
        QCOMPARE(nat.firewall(), kFirewallRandom);                               // every port different
        QCOMPARE(*nat.addresses(), std::vector<Ipv4Address>{a(1, 2, 3, 4, 0)});  // the host only
        QVERIFY(nat.add(a(1, 2, 3, 4, 5003), a(9, 9, 9, 4, 1)));                 // 4 samples: analysis over
    }

    void natTwoHitsOneHost() {
        detail::NatAnalyzer nat(true);
        nat.add(a(1, 2, 3, 4, 5000), a(9, 9, 9, 1, 1));
        nat.add(a(1, 2, 3, 4, 5000), a(9, 9, 9, 2, 1));
        nat.add(a(1, 2, 3, 4, 6000), a(9, 9, 9, 3, 1));
        QCOMPARE(nat.firewall(), kFirewallUnknown);  // 2 of 3: undecided
        nat.add(a(1, 2, 3, 4, 7000), a(9, 9, 9, 4, 1));
        QCOMPARE(nat.firewall(), kFirewallRandom);  // one host, > 3 samples, best only 2
    }

    void natFrozen() {
        detail::NatAnalyzer nat(true);
        for (uint8_t i = 1; i <= 3; ++i)
            nat.add(a(1, 2, 3, 4, 5000), a(9, 9, 9, i, 1));
        QCOMPARE(nat.firewall(), kFirewallConsistent);
        nat.freeze();  // sent in a punch round: later samples change nothing
        for (uint8_t i = 4; i <= 9; ++i)
            nat.add(a(1, 2, 3, 4, uint16_t(6000 + i)), a(9, 9, 9, i, 1));
        QCOMPARE(nat.firewall(), kFirewallConsistent);
    }

    void natOpenWhenReachable() {
        detail::NatAnalyzer nat(false);  // the DHT node itself is not firewalled
        QCOMPARE(nat.firewall(), kFirewallOpen);
        QVERIFY(nat.add(a(1, 2, 3, 4, 5000), a(9, 9, 9, 1, 1)));
        QCOMPARE(nat.firewall(), kFirewallOpen);
    }
};

QTEST_GUILESS_MAIN(TestConnectSupport)
#include "test_connect_support.moc"
