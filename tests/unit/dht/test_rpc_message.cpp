// dht-rpc message framing (spec/hyperdht.md §2.2) against every dht-rpc datagram captured from the
// Node packages (§13.4 C1–C23 and the rest of open.pcap/punch.pcap), plus every flag combination
// and malformed input.

#include "DhtTestData.h"

#include "core/dht/hyperdht/HyperDhtWire.h"
#include "core/dht/hyperdht/Records.h"
#include "core/dht/hyperdht/RelayValues.h"
#include "core/dht/rpc/RpcMessage.h"
#include "core/dht/rpc/RpcWire.h"

#include <QTest>

using namespace pluresdb;
using namespace pluresdb::dht;
using namespace pluresdb::dht::rpc;
using dhttest::address;
using dhttest::hex;

namespace {

QByteArray jsonHex(const QJsonValue& v) {
    return QByteArray::fromHex(v.toString().toLatin1());
}

uint64_t modeNumber(const QString& name) {
    static const QStringList names{QStringLiteral("FROM_CLIENT"), QStringLiteral("FROM_SERVER"),
                                   QStringLiteral("FROM_RELAY"), QStringLiteral("FROM_SECOND_RELAY"),
                                   QStringLiteral("REPLY")};
    return uint64_t(names.indexOf(name));
}

std::vector<encoding::Ipv4Address> addressList(const QJsonValue& v) {
    std::vector<encoding::Ipv4Address> out;
    for (const auto& a : v.toArray())
        out.push_back(address(a.toString()));
    return out;
}

void comparePeer(const hyperdht::PeerRecord& peer, const QJsonObject& expected) {
    QCOMPARE(peer.publicKey, jsonHex(expected.value(QStringLiteral("publicKey"))));
    QVERIFY(peer.relayAddresses == addressList(expected.value(QStringLiteral("relayAddresses"))));
}

// Decodes a captured value with the hyperdht/dht-rpc codec its command implies and compares it with
// the spec decoder's fields. `kind` is the command name (requests) or the replied-to name.
void compareValue(const QString& kind, const QByteArray& raw, const QJsonObject& expected) {
    using namespace pluresdb::dht::hyperdht;
    if (kind == QLatin1String("PING_NAT")) {
        QCOMPARE(raw.size(), 2);
        QCOMPARE(int(uint8_t(raw[0]) | uint8_t(raw[1]) << 8), expected.value(QStringLiteral("port")).toInt());
    } else if (kind == QLatin1String("ANNOUNCE") || kind == QLatin1String("UNANNOUNCE")) {
        auto v = decodeAnnounceValue(raw);
        QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.errorMessage()));
        QVERIFY(v->peer.has_value());
        comparePeer(*v->peer, expected.value(QStringLiteral("peer")).toObject());
        QCOMPARE(v->signature.value_or(QByteArray()), jsonHex(expected.value(QStringLiteral("signature"))));
        QCOMPARE(v->refresh.has_value(), expected.contains(QStringLiteral("refresh")));
        QCOMPARE(encodeAnnounceValue(*v), raw);
    } else if (kind == QLatin1String("LOOKUP")) {
        auto v = decodeLookupReply(raw);
        QVERIFY(v.ok());
        const QJsonArray peers = expected.value(QStringLiteral("peers")).toArray();
        QCOMPARE(qsizetype(v->peers.size()), peers.size());
        for (qsizetype i = 0; i < peers.size(); ++i)
            comparePeer(v->peers[std::size_t(i)], peers[i].toObject());
        QCOMPARE(v->bump, uint64_t(expected.value(QStringLiteral("bump")).toInteger()));
        QCOMPARE(encodeLookupReply(*v), raw);
    } else if (kind == QLatin1String("FIND_PEER")) {
        auto v = decodePeerRecord(raw);
        QVERIFY(v.ok());
        comparePeer(*v, expected.value(QStringLiteral("peer")).toObject());
        QCOMPARE(encodePeerRecord(*v), raw);
    } else if (kind == QLatin1String("PEER_HANDSHAKE")) {
        auto v = decodeHandshakeValue(raw);
        QVERIFY(v.ok());
        QCOMPARE(v->mode, modeNumber(expected.value(QStringLiteral("mode")).toString()));
        QCOMPARE(v->noise, jsonHex(expected.value(QStringLiteral("noise"))));
        QCOMPARE(v->peerAddress.has_value(), expected.contains(QStringLiteral("peerAddress")));
        if (v->peerAddress)
            QVERIFY(*v->peerAddress == address(expected.value(QStringLiteral("peerAddress")).toString()));
        QCOMPARE(v->relayAddress.has_value(), expected.contains(QStringLiteral("relayAddress")));
        if (v->relayAddress)
            QVERIFY(*v->relayAddress == address(expected.value(QStringLiteral("relayAddress")).toString()));
        QCOMPARE(encodeHandshakeValue(*v), raw);
    } else if (kind == QLatin1String("PEER_HOLEPUNCH")) {
        auto v = decodeHolepunchValue(raw);
        QVERIFY(v.ok());
        QCOMPARE(v->mode, modeNumber(expected.value(QStringLiteral("mode")).toString()));
        QCOMPARE(v->id, uint64_t(expected.value(QStringLiteral("id")).toInteger()));
        QCOMPARE(v->payload, jsonHex(expected.value(QStringLiteral("payload(encrypted)"))));
        QCOMPARE(v->peerAddress.has_value(), expected.contains(QStringLiteral("peerAddress")));
        if (v->peerAddress)
            QVERIFY(*v->peerAddress == address(expected.value(QStringLiteral("peerAddress")).toString()));
        QCOMPARE(encodeHolepunchValue(*v), raw);
    } else {
        QFAIL(qPrintable(QStringLiteral("captured value of %1 has no codec in this test").arg(kind)));
    }
}

}  // namespace

class TestRpcMessage : public QObject {
    Q_OBJECT
private slots:
    void captured_data() {
        QTest::addColumn<QJsonObject>("datagram");
        const QJsonArray all = dhttest::capturedDatagrams();
        QVERIFY2(all.size() > 200, "tests/unit/dht/data/captured_rpc.json missing or short");
        for (const auto& d : all) {
            const QJsonObject o = d.toObject();
            QTest::addRow("%s-%d", qPrintable(o.value(QStringLiteral("capture")).toString()),
                          o.value(QStringLiteral("index")).toInt())
                << o;
        }
    }

    /// Every captured dht-rpc datagram decodes to the fields the spec's independent decoder found
    /// (flags, tid, to, id, token, command, target, closerNodes, error, value — the value through
    /// its hyperdht codec) and re-encodes byte for byte.
    void captured() {
        QFETCH(QJsonObject, datagram);
        const QByteArray wire = jsonHex(datagram.value(QStringLiteral("hex")));
        const QJsonObject dec = datagram.value(QStringLiteral("decoded")).toObject();
        QVERIFY(looksLikeRpc(wire));
        auto m = decodeMessage(wire);
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.errorMessage()));
        QCOMPARE(encodeMessage(*m), wire);
        QCOMPARE(int(uint8_t(wire[1])), dec.value(QStringLiteral("flags")).toInt());

        const bool isRequest = dec.value(QStringLiteral("type")).toString() == QLatin1String("REQUEST");
        QCOMPARE(std::holds_alternative<RpcRequest>(*m), isRequest);
        auto checkCommon = [&](uint16_t tid, const encoding::Ipv4Address& to, const auto& id, const auto& token) {
            QCOMPARE(int(tid), dec.value(QStringLiteral("tid")).toInt());
            QCOMPARE(to.toString(), dec.value(QStringLiteral("to")).toString());
            QCOMPARE(id.has_value(), dec.contains(QStringLiteral("id")));
            if (id)
                QCOMPARE(*id, jsonHex(dec.value(QStringLiteral("id"))));
            QCOMPARE(token.has_value(), dec.contains(QStringLiteral("token")));
            if (token)
                QCOMPARE(*token, jsonHex(dec.value(QStringLiteral("token"))));
        };
        if (isRequest) {
            const auto& r = std::get<RpcRequest>(*m);
            checkCommon(r.tid, r.to, r.id, r.token);
            if (QTest::currentTestFailed())
                return;
            QCOMPARE(r.internal, dec.value(QStringLiteral("internal")).toBool());
            const QString command = dec.value(QStringLiteral("command")).toString();  // "NAME(n)"
            const QString name = command.section(QLatin1Char('('), 0, 0);
            QCOMPARE(QString::number(r.command), command.section(QLatin1Char('('), 1).chopped(1));
            QCOMPARE(r.target.has_value(), dec.contains(QStringLiteral("target")));
            if (r.target)
                QCOMPARE(*r.target, jsonHex(dec.value(QStringLiteral("target"))));
            QCOMPARE(r.value.has_value(), dec.contains(QStringLiteral("value")));
            if (r.value)
                compareValue(name, *r.value, dec.value(QStringLiteral("value")).toObject());
        } else {
            const auto& r = std::get<RpcResponse>(*m);
            checkCommon(r.tid, r.to, r.id, r.token);
            if (QTest::currentTestFailed())
                return;
            QVERIFY(r.closerNodes == addressList(dec.value(QStringLiteral("closerNodes"))));
            QCOMPARE(r.error, uint64_t(dec.value(QStringLiteral("error")).toInteger(0)));
            QCOMPARE(r.value.has_value(), dec.contains(QStringLiteral("value")));
            if (r.value)
                compareValue(dec.value(QStringLiteral("inReplyTo")).toString(), *r.value,
                             dec.value(QStringLiteral("value")).toObject());
        }
    }

    /// Every strict prefix of every captured datagram is rejected with an error (each field is
    /// either fixed-size or length-prefixed, so nothing truncated can pass as complete).
    void truncatedCapturesAreRejected() {
        for (const auto& d : dhttest::capturedDatagrams()) {
            const QByteArray wire = jsonHex(d.toObject().value(QStringLiteral("hex")));
            for (qsizetype n = 0; n < wire.size(); ++n)
                QVERIFY2(!decodeMessage(wire.left(n)).ok(), qPrintable(wire.left(n).toHex()));
        }
    }

    /// C1 (§13.4) spelled out: FIND_NODE from an ephemeral node, internal flag, target, no id.
    void c1FindNodeRequest() {
        const QByteArray wire = hex("030c364e7f00000149c2028f470bd1c59d98728b1a37aa183c4dad4751dd2ca180f4f8eb38b9e50a79d93c");
        auto m = decodeMessage(wire);
        QVERIFY(m.ok());
        const auto& r = std::get<RpcRequest>(*m);
        QCOMPARE(r.tid, uint16_t(20022));
        QCOMPARE(r.to.toString(), QStringLiteral("127.0.0.1:49737"));
        QVERIFY(r.internal);
        QCOMPARE(r.command, kCommandFindNode);
        QVERIFY(!r.id && !r.token && !r.value);
        QCOMPARE(*r.target, hex("8f470bd1c59d98728b1a37aa183c4dad4751dd2ca180f4f8eb38b9e50a79d93c"));
    }

    /// C11 (§13.4): a response with id, token, closerNodes and a peer-record value.
    void c11FindPeerResponse() {
        const QByteArray wire = hex(
            "13170db77f000001f099ea50f55683100864aa622153cff29c6f99eea9e753f8"
            "e211d6b01e0a8af2ac6ce0ce6a8e17b62a7616d36b40a0c8e24ab012965f24ae"
            "d946ef17fabd9c8b013f017f0000014bc2218a88e3dd7409f195fd52db2d3cba"
            "5d72ca6709bf1d94121bf3748801b40f6f5c00");
        auto m = decodeMessage(wire);
        QVERIFY(m.ok());
        const auto& r = std::get<RpcResponse>(*m);
        QCOMPARE(r.tid, uint16_t(46861));
        QCOMPARE(r.to.toString(), QStringLiteral("127.0.0.1:39408"));
        QCOMPARE(r.closerNodes.size(), std::size_t(1));
        QCOMPARE(r.closerNodes[0].toString(), QStringLiteral("127.0.0.1:49739"));
        QCOMPARE(r.error, kErrorOk);
        QCOMPARE(r.value->size(), 33);
        QCOMPARE(encodeResponse(r), wire);
    }

    /// C24–C27 (§13.4) are UDX packets sharing the socket: not dht-rpc, so the RPC decoder refuses
    /// them and a demultiplexer can hand them on (§9.2). So are 1-byte holepunch probes.
    void udxPacketsAreNotRpc() {
        for (const char* h : {"ff010000a9d8e715000040000000000001000000", "ff010200", "00"}) {
            QVERIFY(!looksLikeRpc(hex(h)));
            QVERIFY(!decodeMessage(hex(h)).ok());
        }
    }

    /// All 32 request flag combinations and all 32 response combinations round-trip, and the flags
    /// byte written is exactly the set of present fields.
    void everyFlagCombination() {
        const encoding::Ipv4Address to = address(QStringLiteral("10.1.2.3:65535"));
        for (int flags = 0; flags < 32; ++flags) {
            RpcRequest q;
            q.tid = uint16_t(0xfffe - flags);
            q.to = to;
            if (flags & 1) q.id = QByteArray(32, 'i');
            if (flags & 2) q.token = QByteArray(32, 't');
            q.internal = (flags & 4) != 0;
            q.command = uint64_t(flags) * 1000;  // also exercises multi-byte command varints
            if (flags & 8) q.target = QByteArray(32, 'g');
            if (flags & 16) q.value = flags % 3 ? QByteArray(300, 'v') : QByteArray();  // empty is still present
            const QByteArray qw = encodeRequest(q);
            QCOMPARE(uint8_t(qw[0]), kRequestByte);
            QCOMPARE(int(uint8_t(qw[1])), flags);
            auto qd = decodeMessage(qw);
            QVERIFY(qd.ok());
            QVERIFY(std::get<RpcRequest>(*qd) == q);

            RpcResponse s;
            s.tid = uint16_t(flags);
            s.to = to;
            if (flags & 1) s.id = QByteArray(32, 'i');
            if (flags & 2) s.token = QByteArray(32, 't');
            if (flags & 4) s.closerNodes = {to, address(QStringLiteral("1.2.3.4:5"))};
            if (flags & 8) s.error = flags == 8 ? kErrorSeqTooLow : kErrorInvalidToken;
            if (flags & 16) s.value = QByteArray(flags, 'v');
            const QByteArray sw = encodeResponse(s);
            QCOMPARE(uint8_t(sw[0]), kResponseByte);
            QCOMPARE(int(uint8_t(sw[1])), flags);
            auto sd = decodeMessage(sw);
            QVERIFY(sd.ok());
            QVERIFY(std::get<RpcResponse>(*sd) == s);
        }
    }

    /// Bad first bytes, too-short datagrams and forged array counts fail with an error; trailing
    /// bytes after the last field are ignored as Node ignores them.
    void malformedInput() {
        QVERIFY(!decodeMessage(QByteArray()).ok());
        QVERIFY(!decodeMessage(hex("03")).ok());
        QVERIFY(!decodeMessage(hex("23000000")).ok());  // version 3, type 2: not ours
        QVERIFY(!decodeMessage(hex("04000000")).ok());  // type 0, version 4
        // Response claiming 0xffffffff closer nodes with six bytes left.
        auto huge = decodeMessage(hex("13 04 0100 000000000000 fe ffffffff 010203040506"));
        QVERIFY(!huge.ok());
        QVERIFY(huge.errorMessage().contains(QStringLiteral("dht-rpc response")));
        // A wrong-size id would shift every later field: the encoder keeps the frame well-formed.
        RpcRequest q;
        q.id = QByteArray(5, 'x');
        auto back = decodeMessage(encodeRequest(q));
        QVERIFY(back.ok());
        QCOMPARE(std::get<RpcRequest>(*back).id->size(), 32);
        // Trailing bytes are ignored.
        const QByteArray ping = hex("0304364e7f00000149c200");
        auto withTail = decodeMessage(ping + "junk");
        QVERIFY(withTail.ok());
        QCOMPARE(encodeMessage(*withTail), ping);
    }
};

QTEST_GUILESS_MAIN(TestRpcMessage)
#include "test_rpc_message.moc"
