// Two and three SyncNodes over real TCP sockets, and over our UDX, on 127.0.0.1 with secret-stream
// (Noise XX in band): the same protocol the unit tests run over memory pipes, here with the
// kernel's buffering and backpressure. A catch-up of thousands of ops both ways, live ops, a
// bridge, and a wrong key.

#include "core/store/Store.h"
#include "core/sync/SyncNode.h"
#include "core/transport/secretstream/SecretStream.h"
#include "core/transport/tcp/TcpByteStream.h"
#include "core/transport/udx/UdxSocket.h"
#include "core/transport/udx/UdxStream.h"
#include "tests/support/TestSupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pluresdb;
using transport::secretstream::SecretStream;
using transport::secretstream::SecretStreamOptions;
using transport::tcp::TcpByteStream;
using transport::tcp::TcpListener;

namespace {
const QString kKey = QStringLiteral("7e57ab1e7e57ab1e7e57ab1e7e57ab1e7e57ab1e7e57ab1e7e57ab1e7e57ab1e");

struct Node {
    std::unique_ptr<store::Store> store;
    std::unique_ptr<sync::SyncNode> node;
    std::unique_ptr<TcpListener> listener;
    int completes = 0;
    int refused = 0;
};

std::unique_ptr<Node> makeNode(const QString& dir, const QString& key = kKey) {
    auto n = std::make_unique<Node>();
    store::Store::Options so;
    so.durability = store::Store::Durability::Normal;
    n->store = std::move(store::Store::open(dir, so)).value();
    n->node = std::move(sync::SyncNode::create(*n->store, key, {})).value();
    Node* raw = n.get();
    QObject::connect(n->node.get(), &sync::SyncNode::syncComplete, n->node.get(),
                     [raw] { ++raw->completes; });
    QObject::connect(n->node.get(), &sync::SyncNode::peerRefused, n->node.get(), [raw] { ++raw->refused; });
    return n;
}

quint16 listen(Node& n) {
    n.listener = std::make_unique<TcpListener>();
    if (!n.listener->listen(QHostAddress::LocalHost, 0))
        return 0;
    QObject::connect(n.listener.get(), &TcpListener::streamAccepted, n.node.get(), [&n](TcpByteStream* raw) {
        raw->setParent(nullptr);
        SecretStreamOptions o;
        o.isInitiator = false;
        auto* s = new SecretStream(raw, std::move(o));
        n.node->addSecretStream(s);
        s->start();
    });
    return n.listener->serverPort();
}

void dial(Node& n, quint16 port) {
    SecretStreamOptions o;
    o.isInitiator = true;
    auto* s = new SecretStream(TcpByteStream::connectTo(QHostAddress::LocalHost, port), std::move(o));
    n.node->addSecretStream(s);
    s->start();
}

void fill(Node& n, const QString& prefix, int count) {
    std::vector<store::LocalWrite> batch;
    for (int i = 0; i < count; ++i)
        batch.push_back(
            {prefix + QString::number(i), store::OpKind::Put, {{"payload", QString(180, 'p')}, {"i", i}}});
    QVERIFY(n.node->write(batch));
}
}  // namespace

class TestSyncTcp : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp{test::fastTempRoot()};

private slots:
    /// 20k ops one way and 5k the other over TCP converge (digests equal) with stats that match.
    void catchUpBothWays() {
        auto a = makeNode(m_tmp.path() + "/a");
        auto b = makeNode(m_tmp.path() + "/b");
        fill(*a, "a", 20000);
        fill(*b, "b", 5000);
        const quint16 port = listen(*a);
        QVERIFY(port);
        dial(*b, port);
        QTRY_VERIFY_WITH_TIMEOUT(a->completes >= 1 && b->completes >= 1, 120000);
        QCOMPARE(a->store->digest(), b->store->digest());
        QCOMPARE(b->store->list()->size(), size_t(25000));
        QTRY_VERIFY_WITH_TIMEOUT(a->node->totals().bytesSent == b->node->totals().bytesReceived &&
                                     b->node->totals().bytesSent == a->node->totals().bytesReceived,
                                 60000);
        QCOMPARE(a->node->totals().opsSent, quint64(20000));
        QCOMPARE(b->node->totals().opsApplied, quint64(20000));
        // Live.
        QVERIFY(b->node->write({{"live", store::OpKind::Put, {{"x", 1}}}}));
        QTRY_VERIFY_WITH_TIMEOUT(a->store->get("live")->has_value(), 60000);
    }

    /// The same over UDX (our reliable UDP streams, as the swarm will use): 10k ops converge.
    void overUdx() {
        using transport::udx::UdxSocket;
        using transport::udx::UdxStream;
        auto a = makeNode(m_tmp.path() + "/ua");
        auto b = makeNode(m_tmp.path() + "/ub");
        fill(*a, "ua", 10000);
        fill(*b, "ub", 100);
        UdxSocket sa, sb;
        QVERIFY(sa.bind(QHostAddress::LocalHost, 0));
        QVERIFY(sb.bind(QHostAddress::LocalHost, 0));
        auto ua = std::move(UdxStream::withId(1)).value();
        auto ub = std::move(UdxStream::withId(2)).value();
        UdxStream* rawA = ua.get();
        UdxStream* rawB = ub.get();
        SecretStreamOptions oa, ob;
        oa.isInitiator = false;
        ob.isInitiator = true;
        auto* secA = new SecretStream(ua.release(), std::move(oa));
        auto* secB = new SecretStream(ub.release(), std::move(ob));
        a->node->addSecretStream(secA);
        b->node->addSecretStream(secB);
        rawA->acceptFirstPacket(&sa, 2);
        connect(rawA, &transport::ByteStream::connected, secA, [secA] { secA->start(); });
        QVERIFY(rawB->connectTo(&sb, 1, QHostAddress::LocalHost, sa.localPort()));
        secB->start();
        QTRY_VERIFY_WITH_TIMEOUT(a->completes >= 1 && b->completes >= 1, 120000);
        QCOMPARE(a->store->digest(), b->store->digest());
        QCOMPARE(a->store->list()->size(), size_t(10100));
    }

    /// B bridges A and C (A and C never meet); a node with another key is refused by B.
    void bridgeAndWrongKey() {
        auto a = makeNode(m_tmp.path() + "/ba");
        auto b = makeNode(m_tmp.path() + "/bb");
        auto c = makeNode(m_tmp.path() + "/bc");
        auto x = makeNode(m_tmp.path() + "/bx", QStringLiteral("00").repeated(32));
        const quint16 port = listen(*b);
        dial(*a, port);
        dial(*c, port);
        dial(*x, port);
        fill(*a, "fromA", 100);
        fill(*c, "fromC", 100);
        fill(*x, "fromX", 10);
        QTRY_VERIFY_WITH_TIMEOUT(a->store->digest() == c->store->digest() &&
                                     b->store->digest() == c->store->digest() &&
                                     c->store->list()->size() == 200,
                                 60000);
        QTRY_VERIFY_WITH_TIMEOUT(b->refused >= 1 && x->refused >= 1, 60000);
        QCOMPARE(x->store->list()->size(), size_t(10));
        QVERIFY(!b->store->get("fromX0")->has_value());
    }
};

QTEST_GUILESS_MAIN(TestSyncTcp)
#include "test_sync_tcp.moc"
