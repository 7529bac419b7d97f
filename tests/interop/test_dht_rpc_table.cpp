// Our routing table and NAT sampler decide exactly as the npm modules dht-rpc 6.27 uses
// (kademlia-routing-table 1.0.6, nat-sampler 1.0.1; spec/hyperdht.md §2.7, §2.8): the same ids are
// accepted or refused by full rows, closest() returns the same nodes in the same order, and the
// sampler reaches the same verdict (host, port, hits) after every sample. The references come from
// dht_rpc_table_peer.js; no sockets.

#include "core/dht/rpc/NatSampler.h"
#include "core/dht/rpc/RoutingTable.h"
#include "tests/support/TestSupport.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::dht::rpc;

namespace {

QByteArray hexOf(const QJsonValue& v) {
    return QByteArray::fromHex(v.toString().toLatin1());
}

std::array<uint8_t, 4> ipv4(const QString& s) {
    const quint32 v = QHostAddress(s).toIPv4Address();
    return {uint8_t(v >> 24), uint8_t(v >> 16), uint8_t(v >> 8), uint8_t(v)};
}

}  // namespace

class TestDhtRpcTable : public QObject {
    Q_OBJECT
private slots:
    void sameDecisionsAsNode() {
        const QString dir = qEnvironmentVariable("PLURESDB_INTEROP_DIR");
        const auto run =
            test::runProcess(QStringLiteral("node"),
                             {dir + QStringLiteral("/dht_rpc_table_peer.js"), QStringLiteral("20261129")});
        QVERIFY2(run.exitCode == 0 && !run.crashed && !run.timedOut, run.err.constData());
        int tables = 0, queries = 0, rowsFull = 0, samplers = 0, samples = 0;
        for (const QByteArray& line : run.out.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("kind")).toString() == QLatin1String("table")) {
                ++tables;
                RoutingTable table(hexOf(o.value(QStringLiteral("id"))));
                for (const auto& a : o.value(QStringLiteral("added")).toArray()) {
                    auto n = std::make_shared<TableNode>();
                    n->id = hexOf(a.toObject().value(QStringLiteral("id")));
                    const bool accepted = table.add(n) != RoutingTable::AddResult::RowFull;
                    QCOMPARE(accepted, a.toObject().value(QStringLiteral("ok")).toBool());
                    rowsFull += !accepted;
                }
                QCOMPARE(table.size(), o.value(QStringLiteral("size")).toInt());
                for (const auto& qv : o.value(QStringLiteral("queries")).toArray()) {
                    ++queries;
                    const QJsonObject q = qv.toObject();
                    const auto got = table.closest(hexOf(q.value(QStringLiteral("target"))),
                                                   q.value(QStringLiteral("k")).toInt());
                    const QJsonArray want = q.value(QStringLiteral("closest")).toArray();
                    QCOMPARE(int(got.size()), int(want.size()));
                    for (int i = 0; i < want.size(); ++i)
                        QCOMPARE(got[std::size_t(i)]->id.toHex(), want[i].toString().toLatin1());
                }
            } else {
                ++samplers;
                NatSampler s;
                for (const auto& sv : o.value(QStringLiteral("samples")).toArray()) {
                    ++samples;
                    const QJsonObject e = sv.toObject();
                    const int hits = s.add(ipv4(e.value(QStringLiteral("host")).toString()),
                                           uint16_t(e.value(QStringLiteral("port")).toInt()));
                    QCOMPARE(hits, e.value(QStringLiteral("hits")).toInt());
                    const QJsonValue host = e.value(QStringLiteral("resultHost"));
                    QCOMPARE(s.host().has_value(), !host.isNull());
                    if (s.host())
                        QCOMPARE(*s.host(), ipv4(host.toString()));
                    QCOMPARE(int(s.port()), e.value(QStringLiteral("resultPort")).toInt());
                }
            }
        }
        QCOMPARE(tables, 30);
        QCOMPARE(samplers, 50);
        QVERIFY(rowsFull > 0);  // full rows were exercised
        qInfo("%d tables, %d closest() queries, %d refused by full rows; %d samplers, %d samples", tables,
              queries, rowsFull, samplers, samples);
    }
};

QTEST_GUILESS_MAIN(TestDhtRpcTable)
#include "test_dht_rpc_table.moc"
