// DhtNode on loopback with C++ nodes only (spec/hyperdht.md §2): a bootstrapper and persistent
// nodes form a network; the CommandHandler contract hyperdht builds on (query → reply with token →
// commit with that token; INVALID_TOKEN answered by the node; replies given later or never); the
// built-in PING_NAT, DELAYED_PING and DOWN_HINT; and destroy() finishing everything once.

#include "core/dht/rpc/DhtNode.h"
#include "core/dht/rpc/NodeId.h"
#include "core/dht/rpc/RpcWire.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>

#include <memory>

using namespace pluresdb;
using namespace pluresdb::dht::rpc;

namespace {

constexpr uint64_t kAppCommand = 1234;

bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    return done();
}

quint16 freeUdpPort() {
    QUdpSocket s;
    s.bind(QHostAddress(QStringLiteral("127.0.0.1")), 0);
    return s.localPort();
}

// Answers kAppCommand with the request's value echoed, now or (deferMs > 0) later; records calls.
class EchoHandler final : public CommandHandler {
public:
    void handle(const IncomingRequest& request, ReplyFn reply) override {
        calls.push_back(request);
        if (silent)
            return;
        HandlerReply r;
        r.value = request.request.value.value_or(QByteArray("none"));
        if (deferMs > 0)
            QTimer::singleShot(deferMs, [reply, r] {
                reply(r);
                reply(r); /* a second call is ignored */
            });
        else
            reply(r);
    }
    std::vector<IncomingRequest> calls;
    int deferMs = 0;
    bool silent = false;
};

struct Network {
    std::unique_ptr<DhtNode> boot;
    std::vector<std::unique_ptr<DhtNode>> nodes;
    QString bootAddress;

    bool start(int persistentNodes) {
        DhtNodeOptions b;
        b.host = QStringLiteral("127.0.0.1");
        b.port = freeUdpPort();
        b.bootstrapper = true;
        b.useDefaultBootstrap = false;
        boot = std::make_unique<DhtNode>(b);
        if (!boot->start() || !waitFor([&] { return boot->isBootstrapped(); }, 20000))
            return false;
        bootAddress = QStringLiteral("127.0.0.1:%1").arg(b.port);
        for (int i = 0; i < persistentNodes; ++i)
            if (!add(false))
                return false;
        return true;
    }
    DhtNode* add(std::optional<bool> ephemeral) {
        DhtNodeOptions o;
        o.host = QStringLiteral("127.0.0.1");
        o.bootstrap = {bootAddress};
        o.useDefaultBootstrap = false;
        o.ephemeral = ephemeral;
        nodes.push_back(std::make_unique<DhtNode>(o));
        DhtNode* n = nodes.back().get();
        if (!n->start() || !waitFor([&] { return n->isBootstrapped(); }, 30000))
            return nullptr;
        return n;
    }
};

RpcRequest internalRequest(uint64_t command, std::optional<QByteArray> value = std::nullopt) {
    RpcRequest r;
    r.internal = true;
    r.command = command;
    r.value = std::move(value);
    return r;
}

QByteArray le(uint32_t v, int size) {
    QByteArray b(size, '\0');
    for (int i = 0; i < size; ++i)
        b[i] = char((v >> (8 * i)) & 0xff);
    return b;
}

}  // namespace

class TestDhtNode : public QObject {
    Q_OBJECT
private slots:
    /// A bootstrapper is persistent at once with the id of its address; nodes with ephemeral=false
    /// bootstrapping from it pass the firewall test and become persistent with the id of their
    /// server address; they all know each other.
    void persistentNetwork() {
        Network net;
        QVERIFY(net.start(3));
        QVERIFY(!net.boot->isEphemeral());
        QVERIFY(!net.boot->isFirewalled());
        QCOMPARE(net.boot->id(), nodeIdFor(net.boot->localServerAddress()));
        for (const auto& n : net.nodes) {
            QVERIFY(!n->isEphemeral());
            QVERIFY(!n->isFirewalled());
            QCOMPARE(n->id(), nodeIdFor(n->localServerAddress()));
            QCOMPARE(*n->publicAddress(), n->localServerAddress());
        }
        QVERIFY(waitFor([&] { return net.boot->routingTableSize() == 3; }, 20000));
        QVERIFY(net.nodes.back()->routingTableSize() >= 3);
        // An adaptive node stays ephemeral and firewalled-or-not, and never enters tables.
        DhtNode* eph = net.add(std::nullopt);
        QVERIFY(eph);
        QVERIFY(eph->isEphemeral());
        QVERIFY(eph->routingTableSize() >= 3);
        QTest::qWait(200);
        QCOMPARE(net.boot->routingTableSize(), 3);
    }

    /// hyperdht's pattern: a query for an application command reaches the handlers of persistent
    /// nodes (no token yet), their replies carry values and tokens and come back as closestReplies;
    /// a commit with a reply's token reaches the handler with tokenValid; a wrong token is answered
    /// INVALID_TOKEN by the node without calling the handler.
    void handlerQueryAndCommit() {
        Network net;
        QVERIFY(net.start(2));
        EchoHandler handlers[2];
        for (int i = 0; i < 2; ++i)
            net.nodes[std::size_t(i)]->setCommandHandler(&handlers[i]);
        DhtNode* client = net.add(std::nullopt);
        QVERIFY(client);

        QueryOptions q;
        q.target = QByteArray(32, '\x42');
        q.command = kAppCommand;
        q.value = QByteArray("hello");
        std::optional<QueryResult> result;
        client->query(q, nullptr, [&](const QueryResult& r) { result = r; });
        QVERIFY(waitFor([&] { return result.has_value(); }, 30000));
        QVERIFY(result->ok);
        // The bootstrapper has no handler: it answered UNKNOWN_COMMAND, which is no reply.
        QCOMPARE(int(result->closestReplies.size()), 2);
        for (const auto& r : result->closestReplies) {
            QCOMPARE(*r.response.value, QByteArray("hello"));
            QVERIFY(r.response.token.has_value());
        }
        QCOMPARE(int(handlers[0].calls.size()), 1);
        QVERIFY(!handlers[0].calls[0].tokenValid);
        QVERIFY(handlers[0].calls[0].onServerSocket);
        QVERIFY(net.boot->stats().unknownCommands >= 1);

        const QueryReply& best = result->closestReplies.front();
        RpcRequest commit;
        commit.command = kAppCommand;
        commit.target = q.target;
        commit.token = best.response.token;
        commit.value = QByteArray("commit");
        std::optional<RequestResult> committed;
        client->request(commit, best.from, RequestOptions{}, [&](const RequestResult& r) { committed = r; });
        QVERIFY(waitFor([&] { return committed.has_value(); }, 20000));
        QCOMPARE(int(committed->status), int(RequestStatus::Response));
        QCOMPARE(*committed->response->value, QByteArray("commit"));
        EchoHandler& h = handlers[best.from == net.nodes[0]->localServerAddress() ? 0 : 1];
        QVERIFY(h.calls.back().tokenValid);
        QCOMPARE(h.calls.back().request.value, std::optional<QByteArray>("commit"));

        const auto callsBefore = h.calls.size();
        commit.token = QByteArray(32, '\x01');
        std::optional<RequestResult> rejected;
        client->request(commit, best.from, RequestOptions{}, [&](const RequestResult& r) { rejected = r; });
        QVERIFY(waitFor([&] { return rejected.has_value(); }, 20000));
        QCOMPARE(int(rejected->status), int(RequestStatus::ErrorResponse));
        QCOMPARE(rejected->response->error, kErrorInvalidToken);
        QVERIFY(rejected->response->token.has_value());  // a fresh token to retry with
        QCOMPARE(h.calls.size(), callsBefore);
    }

    /// A handler may answer later (once: a second reply() is ignored) or never (the requester
    /// times out — hyperdht's silent drop of invalid requests).
    void deferredAndSilentReplies() {
        Network net;
        QVERIFY(net.start(1));
        EchoHandler handler;
        handler.deferMs = 300;
        DhtNode* server = net.nodes[0].get();
        server->setCommandHandler(&handler);
        DhtNode* client = net.add(std::nullopt);
        QVERIFY(client);
        RpcRequest r;
        r.command = kAppCommand;
        r.value = QByteArray("later");
        std::vector<RequestResult> results;
        QElapsedTimer t;
        t.start();
        client->request(r, server->localServerAddress(), RequestOptions{},
                        [&](const RequestResult& x) { results.push_back(x); });
        QVERIFY(waitFor([&] { return !results.empty(); }, 20000));
        QVERIFY(t.elapsed() >= 250);
        QCOMPARE(*results[0].response->value, QByteArray("later"));
        QTest::qWait(300);
        QCOMPARE(int(results.size()), 1);
        QCOMPARE(client->stats().unknownTid, quint64(0));  // the second reply() sent nothing

        handler.silent = true;
        RequestOptions once;
        once.retries = 0;
        once.timeoutMs = 400;
        std::optional<RequestResult> timedOut;
        client->request(r, server->localServerAddress(), once, [&](const RequestResult& x) { timedOut = x; });
        QVERIFY(waitFor([&] { return timedOut.has_value(); }, 20000));
        QCOMPARE(int(timedOut->status), int(RequestStatus::Timeout));
    }

    /// PING_NAT answers to the port named in the value (not the source port); DELAYED_PING answers
    /// after the delay and not at all beyond the 10 s maximum.
    void pingNatAndDelayedPing() {
        Network net;
        QVERIFY(net.start(1));
        DhtNode* server = net.nodes[0].get();
        DhtNode* client = net.add(std::nullopt);
        QVERIFY(client);

        QUdpSocket elsewhere;
        QVERIFY(elsewhere.bind(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        RequestOptions once;
        once.retries = 0;
        once.timeoutMs = 1500;
        std::optional<RequestResult> natResult;
        client->request(internalRequest(kCommandPingNat, le(elsewhere.localPort(), 2)),
                        server->localServerAddress(), once, [&](const RequestResult& x) { natResult = x; });
        QVERIFY(waitFor([&] { return elsewhere.hasPendingDatagrams(); }, 10000));
        const QByteArray reply = elsewhere.receiveDatagram().data();
        auto decoded = decodeMessage(reply);
        QVERIFY(decoded.ok());
        const auto& res = std::get<RpcResponse>(*decoded);
        QCOMPARE(int(res.to.port), int(elsewhere.localPort()));
        QCOMPARE(*res.id, server->id());  // persistent, from its server socket
        QVERIFY(waitFor([&] { return natResult.has_value(); }, 10000));
        QCOMPARE(int(natResult->status), int(RequestStatus::Timeout));

        std::optional<RequestResult> delayed;
        QElapsedTimer t;
        t.start();
        RequestOptions slow;
        slow.timeoutMs = 3000;
        client->request(internalRequest(kCommandDelayedPing, le(500, 4)), server->localServerAddress(), slow,
                        [&](const RequestResult& x) { delayed = x; });
        QVERIFY(waitFor([&] { return delayed.has_value(); }, 20000));
        QCOMPARE(int(delayed->status), int(RequestStatus::Response));
        QVERIFY(t.elapsed() >= 450);

        std::optional<RequestResult> tooLong;
        once.timeoutMs = 800;
        client->request(internalRequest(kCommandDelayedPing, le(20000, 4)), server->localServerAddress(),
                        once, [&](const RequestResult& x) { tooLong = x; });
        QVERIFY(waitFor([&] { return tooLong.has_value(); }, 20000));
        QCOMPARE(int(tooLong->status), int(RequestStatus::Timeout));
    }

    /// A flood of DELAYED_PINGs is bounded: at most 256 replies wait at once, the rest are dropped
    /// and counted, and the node still answers a plain PING meanwhile.
    void delayedPingFloodIsBounded() {
        Network net;
        QVERIFY(net.start(1));
        DhtNode* server = net.nodes[0].get();
        QUdpSocket flooder;
        QVERIFY(flooder.bind(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        const quint64 rejectedBefore = server->stats().rejected;
        const Ipv4Address to = server->localServerAddress();
        for (int i = 0; i < 400; ++i) {
            RpcRequest r = internalRequest(kCommandDelayedPing, le(1500, 4));
            r.tid = uint16_t(i + 1);
            r.to = to;
            flooder.writeDatagram(encodeRequest(r), QHostAddress(QStringLiteral("127.0.0.1")), to.port);
        }
        // 400 sent, 256 may wait: the other 144 are dropped (fewer if the kernel dropped some).
        QVERIFY(waitFor([&] { return server->stats().rejected >= rejectedBefore + 100; }, 10000));

        DhtNode* client = net.add(std::nullopt);
        QVERIFY(client);
        std::optional<RequestResult> pong;
        client->request(internalRequest(kCommandPing, std::nullopt), to, RequestOptions{},
                        [&](const RequestResult& x) { pong = x; });
        QVERIFY(waitFor([&] { return pong.has_value(); }, 10000));
        QCOMPARE(int(pong->status), int(RequestStatus::Response));

        int replies = 0;
        QVERIFY(waitFor(
            [&] {
                while (flooder.hasPendingDatagrams()) {
                    flooder.receiveDatagram();
                    ++replies;
                }
                return replies >= 256;
            },
            20000));
        QTest::qWait(300);
        while (flooder.hasPendingDatagrams()) {
            flooder.receiveDatagram();
            ++replies;
        }
        QCOMPARE(replies, 256);
    }

    /// DOWN_HINT about a table node that has gone away makes the receiver ping it and drop it.
    void downHintDropsDeadNode() {
        Network net;
        QVERIFY(net.start(2));
        DhtNode* dying = net.nodes[1].get();
        const Ipv4Address dyingAddress = dying->localServerAddress();
        auto inTable = [&] {
            for (const auto& a : net.boot->routingTableNodes())
                if (a == dyingAddress)
                    return true;
            return false;
        };
        QVERIFY(waitFor(inTable, 10000));
        dying->destroy();
        encoding::Encoder e;
        e.ipv4Address(dyingAddress);
        std::optional<RequestResult> ack;
        net.nodes[0]->request(internalRequest(kCommandDownHint, e.take()), net.boot->localServerAddress(),
                              RequestOptions{}, [&](const RequestResult& x) { ack = x; });
        QVERIFY(waitFor([&] { return ack.has_value(); }, 10000));
        QCOMPARE(int(ack->status), int(RequestStatus::Response));
        QVERIFY(waitFor([&] { return !inTable(); }, 20000));  // 4 unanswered pings ≈ 4 s
    }

    /// Bootstrap entries (§2.9): `suggestedIP@host:port` uses the IP when it answers a PING, else
    /// falls back to resolving the name (here "localhost", from /etc/hosts; 127.0.0.9 has nobody
    /// listening); unparsable entries are skipped.
    void bootstrapEntryForms() {
        Network net;
        QVERIFY(net.start(1));
        const QString port = net.bootAddress.section(QLatin1Char(':'), 1);
        for (const QString& entry :
             {QStringLiteral("127.0.0.1@localhost:") + port, QStringLiteral("127.0.0.9@localhost:") + port}) {
            DhtNodeOptions o;
            o.host = QStringLiteral("127.0.0.1");
            o.bootstrap = {QStringLiteral("not-an-entry"), entry};
            o.useDefaultBootstrap = false;
            DhtNode n(o);
            QVERIFY(n.start());
            QVERIFY2(waitFor([&] { return n.isBootstrapped(); }, 30000), qPrintable(entry));
            QVERIFY2(n.routingTableSize() >= 2, qPrintable(entry));  // the bootstrapper and the other node
        }
    }

    /// destroy() finishes queries and requests in flight exactly once, and the node stops answering.
    void destroyFinishesEverythingOnce() {
        Network net;
        QVERIFY(net.start(1));
        DhtNode* client = net.add(std::nullopt);
        QVERIFY(client);
        QUdpSocket blackhole;  // never answers
        QVERIFY(blackhole.bind(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        Ipv4Address nowhere;
        nowhere.host = {127, 0, 0, 1};
        nowhere.port = blackhole.localPort();
        int requestDone = 0, queryDone = 0;
        client->request(internalRequest(kCommandPing), nowhere, RequestOptions{},
                        [&](const RequestResult& r) {
                            ++requestDone;
                            QCOMPARE(int(r.status), int(RequestStatus::Destroyed));
                        });
        QueryOptions q;
        q.target = QByteArray(32, '\x07');
        q.internal = true;
        q.command = kCommandFindNode;
        q.nodes = {nowhere};
        client->query(q, nullptr, [&](const QueryResult& r) {
            ++queryDone;
            QVERIFY(!r.ok);
        });
        client->destroy();
        QCOMPARE(requestDone, 1);
        QCOMPARE(queryDone, 1);
        client->destroy();
        QTest::qWait(100);
        QCOMPARE(requestDone, 1);
        QCOMPARE(queryDone, 1);
    }
};

QTEST_GUILESS_MAIN(TestDhtNode)
#include "test_dht_node.moc"
