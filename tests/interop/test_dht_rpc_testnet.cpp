// The C++ dht-rpc node against a Node hyperdht/testnet (spec/hyperdht.md §2, §12(a)): it
// bootstraps, fills its routing table from the testnet's persistent nodes, and its FIND_NODE
// queries and single requests get answers. 127.0.0.1 only; the testnet is dht_rpc_peer.js.

#include "core/dht/rpc/DhtNode.h"
#include "core/dht/rpc/NodeId.h"
#include "core/dht/rpc/RpcWire.h"
#include "tests/interop/DhtRpcPeer.h"

#include <QRandomGenerator>
#include <QTest>

using namespace pluresdb;
using namespace pluresdb::dht::rpc;
using pluresdb::test::dhtrpc::NodeDhtPeer;
using pluresdb::test::dhtrpc::waitFor;

namespace {

std::vector<QString> bootstrapList(const QJsonObject& ready) {
    std::vector<QString> out;
    for (const auto& v : ready.value(QStringLiteral("bootstrap")).toArray())
        out.push_back(v.toString());
    return out;
}

DhtNodeOptions localOptions(std::vector<QString> bootstrap) {
    DhtNodeOptions o;
    o.host = QStringLiteral("127.0.0.1");
    o.bootstrap = std::move(bootstrap);
    o.useDefaultBootstrap = false;
    return o;
}

QByteArray randomTarget() {
    QByteArray t(32, '\0');
    for (auto& c : t)
        c = char(QRandomGenerator::global()->bounded(256));
    return t;
}

}  // namespace

class TestDhtRpcTestnet : public QObject {
    Q_OBJECT
private slots:
    /// A default (adaptive) C++ node bootstraps against a 6-node hyperdht testnet, puts ≥ 4 of its
    /// persistent nodes in its table (their ids checked against their addresses), and a FIND_NODE
    /// query for a random target gets replies with ids and tokens-free closest replies.
    void bootstrapsAndQueries() {
        NodeDhtPeer testnet(QJsonObject{{QStringLiteral("testnet"), 6}});
        const QJsonObject ready = testnet.waitReady();
        QVERIFY2(ready.value(QStringLiteral("ready")).toBool(), testnet.stderrText().constData());

        DhtNode node(localOptions(bootstrapList(ready)));
        bool gotReady = false;
        connect(&node, &DhtNode::ready, this, [&] { gotReady = true; });
        QVERIFY(node.start());
        QVERIFY(waitFor([&] { return gotReady; }, 60000));
        QVERIFY(node.isBootstrapped());
        QVERIFY(waitFor([&] { return node.routingTableSize() >= 4; }, 30000));
        for (const auto& a : node.routingTableNodes())
            QCOMPARE(QByteArray(nodeIdFor(a)).size(), 32);

        QueryOptions q;
        q.target = randomTarget();
        q.internal = true;
        q.command = kCommandFindNode;
        int replies = 0;
        std::optional<QueryResult> result;
        node.query(
            q, [&](const QueryReply&) { ++replies; }, [&](const QueryResult& r) { result = r; });
        QVERIFY(waitFor([&] { return result.has_value(); }, 60000));
        QVERIFY2(result->ok, qPrintable(result->error));
        QVERIFY(replies >= 4);
        QVERIFY(result->closestReplies.size() >= 4);
        for (const auto& r : result->closestReplies)
            QCOMPARE(*r.response.id, nodeIdFor(r.from));
        for (std::size_t i = 1; i < result->closestReplies.size(); ++i)
            QVERIFY(compareDistance(q.target, *result->closestReplies[i - 1].response.id,
                                    *result->closestReplies[i].response.id) < 0);

        // One plain request (PING) to a table node.
        std::optional<RequestResult> ping;
        RpcRequest p;
        p.internal = true;
        p.command = kCommandPing;
        node.request(p, node.routingTableNodes().front(), RequestOptions{},
                     [&](const RequestResult& r) { ping = r; });
        QVERIFY(waitFor([&] { return ping.has_value(); }, 20000));
        QCOMPARE(int(ping->status), int(RequestStatus::Response));
        QCOMPARE(node.stats().undecodable, quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestDhtRpcTestnet)
#include "test_dht_rpc_testnet.moc"
