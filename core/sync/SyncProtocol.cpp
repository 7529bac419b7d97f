#include "core/sync/SyncProtocol.h"

#include "core/crypto/Hash.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

namespace pluresdb::sync {

using encoding::Decoder;
using encoding::Encoder;

namespace {

constexpr qsizetype kMinOpBytes = 32 + 1 + 1 + 1 + 1 + 1;  // origin, seq, ms, counter, id length, kind

QByteArray frame(MessageType type, const QByteArray& payload) {
    QByteArray out;
    out.reserve(kFrameHeaderBytes + payload.size());
    out.append(static_cast<char>(type));
    const auto n = static_cast<uint32_t>(payload.size());
    out.append(static_cast<char>(n & 0xff));
    out.append(static_cast<char>((n >> 8) & 0xff));
    out.append(static_cast<char>((n >> 16) & 0xff));
    out.append(payload);
    return out;
}

QByteArray digestBytes(const store::Digest& d) {
    return d.toBytes();
}

}  // namespace

void encodeVersionVector(Encoder& enc, const store::VersionVector& vv) {
    enc.arrayLength(vv.size());
    for (const auto& [site, seq] : vv) {
        enc.fixed(store::siteIdBytes(site));
        enc.uint(seq);
    }
}

store::VersionVector decodeVersionVector(Decoder& dec) {
    store::VersionVector vv;
    const uint64_t n = dec.arrayLength(store::kSiteIdSize + 1);
    for (uint64_t i = 0; i < n && dec.ok(); ++i) {
        const auto site = store::siteIdFromBytes(dec.fixed(store::kSiteIdSize));
        const uint64_t seq = dec.uint();
        if (!dec.ok())
            break;
        if (!site) {
            dec.fail(QStringLiteral("bad site id in version vector"));
            break;
        }
        if (seq > static_cast<uint64_t>(INT64_MAX)) {
            dec.fail(QStringLiteral("sequence number out of range"));
            break;
        }
        if (!vv.emplace(*site, seq).second) {
            dec.fail(QStringLiteral("duplicate origin in version vector"));
            break;
        }
    }
    return vv;
}

void encodeOp(Encoder& enc, const store::Op& op) {
    enc.fixed(store::siteIdBytes(op.origin));
    enc.uint(op.seq);
    enc.uint(static_cast<uint64_t>(std::max<int64_t>(op.hlc.ms, 0)));
    enc.uint(op.hlc.counter);
    enc.string(op.recordId);
    enc.uint8(static_cast<uint8_t>(op.kind));
    if (op.kind == store::OpKind::Put)
        enc.buffer(QJsonDocument(op.fields).toJson(QJsonDocument::Compact));
    // What the writer overwrote (store/OpPrev.h): 0 = unknown, 1 = known and its encoding follows.
    // "Known, no entries" differs from "unknown": the first can still be marked as a conflict.
    enc.uint(op.prev ? 1 : 0);
    if (op.prev)
        enc.buffer(store::encodeOpPrev(*op.prev));
}

Result<store::Op> decodeOp(Decoder& dec) {
    store::Op op;
    const auto origin = store::siteIdFromBytes(dec.fixed(store::kSiteIdSize));
    op.seq = dec.uint();
    const uint64_t ms = dec.uint();
    op.hlc.counter = dec.uint32Varint();
    auto id = dec.string();
    const uint8_t kind = dec.uint8();
    if (!dec.ok())
        return makeError(QStringLiteral("op: %1").arg(dec.error()));
    if (!origin)
        return makeError(QStringLiteral("op: bad origin"));
    if (!id)
        return makeError(QStringLiteral("op: %1").arg(id.errorMessage()));
    if (op.seq == 0 || op.seq > static_cast<uint64_t>(INT64_MAX))
        return makeError(QStringLiteral("op: sequence number out of range"));
    if (ms > static_cast<uint64_t>(INT64_MAX / 2))
        return makeError(QStringLiteral("op: clock out of range"));
    op.origin = *origin;
    op.hlc.ms = static_cast<int64_t>(ms);
    op.hlc.site = *origin;
    op.recordId = std::move(id).value();
    if (kind == static_cast<uint8_t>(store::OpKind::Put)) {
        op.kind = store::OpKind::Put;
        const QByteArray json = dec.buffer();
        if (!dec.ok())
            return makeError(QStringLiteral("op: %1").arg(dec.error()));
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject())
            return makeError(QStringLiteral("op: fields are not a JSON object"));
        op.fields = doc.object();
    } else if (kind == static_cast<uint8_t>(store::OpKind::Delete)) {
        op.kind = store::OpKind::Delete;
    } else {
        return makeError(QStringLiteral("op: unknown kind %1").arg(kind));
    }
    const uint64_t hasPrev = dec.uint();
    if (!dec.ok())
        return makeError(QStringLiteral("op: %1").arg(dec.error()));
    if (hasPrev > 1)
        return makeError(QStringLiteral("op: bad prev flag %1").arg(hasPrev));
    if (hasPrev == 1) {
        const QByteArray bytes = dec.buffer();
        if (!dec.ok())
            return makeError(QStringLiteral("op: %1").arg(dec.error()));
        auto prev = store::decodeOpPrev(bytes);
        if (!prev)
            return makeError(QStringLiteral("op: %1").arg(prev.errorMessage()));
        op.prev = std::move(prev).value();
    }
    return op;
}

qsizetype encodedOpSize(const store::Op& op) {
    Encoder enc;
    encodeOp(enc, op);
    return enc.bytes().size();
}

QByteArray encodeMessage(const Message& m) {
    Encoder enc;
    MessageType type = MessageType::Bye;
    if (const auto* h = std::get_if<HelloMsg>(&m)) {
        type = MessageType::Hello;
        enc.uint(h->version);
        enc.fixed(h->proof);
    } else if (const auto* s = std::get_if<StatusMsg>(&m)) {
        type = MessageType::Status;
        enc.fixed(store::siteIdBytes(s->site));
        encodeVersionVector(enc, s->vv);
        enc.fixed(digestBytes(s->digest));
    } else if (const auto* c = std::get_if<CatchUpMsg>(&m)) {
        type = MessageType::CatchUp;
        enc.uint(c->opsTotal);
        enc.uint(c->bytesTotal);
    } else if (const auto* o = std::get_if<OpsMsg>(&m)) {
        Encoder ops;
        for (const auto& op : o->ops)
            encodeOp(ops, op);
        return encodeOpsFrame(o->batch, o->ops.size(), ops.bytes());
    } else if (const auto* a = std::get_if<AckMsg>(&m)) {
        type = MessageType::Ack;
        enc.uint(a->batch);
        enc.uint(a->applied);
    } else if (const auto* i = std::get_if<IdleMsg>(&m)) {
        type = MessageType::Idle;
        enc.fixed(digestBytes(i->digest));
        encodeVersionVector(enc, i->vv);
    } else if (const auto* b = std::get_if<ByeMsg>(&m)) {
        type = MessageType::Bye;
        enc.string(b->reason.left(500));
    }
    return frame(type, enc.bytes());
}

QByteArray encodeOpsFrame(uint64_t batch, uint64_t count, const QByteArray& encodedOps) {
    Encoder enc;
    enc.uint(batch);
    enc.arrayLength(count);
    QByteArray payload = enc.take();
    payload.append(encodedOps);
    return frame(MessageType::Ops, payload);
}

Result<Message> decodeMessage(uint8_t type, const QByteArray& payload) {
    Decoder dec(payload);
    Message out;
    switch (static_cast<MessageType>(type)) {
        case MessageType::Hello: {
            HelloMsg h;
            h.version = dec.uint();
            h.proof = dec.fixed(kProofBytes);
            out = h;
            break;
        }
        case MessageType::Status: {
            StatusMsg s;
            const auto site = store::siteIdFromBytes(dec.fixed(store::kSiteIdSize));
            s.vv = decodeVersionVector(dec);
            s.digest = store::Digest::fromBytes(dec.fixed(32));
            if (dec.ok() && !site)
                dec.fail(QStringLiteral("bad site id"));
            if (site)
                s.site = *site;
            out = s;
            break;
        }
        case MessageType::CatchUp: {
            CatchUpMsg c;
            c.opsTotal = dec.uint();
            c.bytesTotal = dec.uint();
            out = c;
            break;
        }
        case MessageType::Ops: {
            OpsMsg o;
            o.batch = dec.uint();
            const uint64_t n = dec.arrayLength(kMinOpBytes);
            if (dec.ok() && n > kMaxBatchOps)
                return makeError(
                    QStringLiteral("oversized batch: %1 ops (at most %2)").arg(n).arg(kMaxBatchOps));
            if (!dec.ok())
                break;
            o.ops.reserve(n);
            for (uint64_t i = 0; i < n; ++i) {
                auto op = decodeOp(dec);
                if (!op)
                    return makeError(QStringLiteral("Ops message: %1").arg(op.errorMessage()));
                o.ops.push_back(std::move(op).value());
            }
            out = std::move(o);
            break;
        }
        case MessageType::Ack: {
            AckMsg a;
            a.batch = dec.uint();
            a.applied = dec.uint();
            out = a;
            break;
        }
        case MessageType::Idle: {
            IdleMsg i;
            i.digest = store::Digest::fromBytes(dec.fixed(32));
            i.vv = decodeVersionVector(dec);
            out = i;
            break;
        }
        case MessageType::Bye: {
            ByeMsg b;
            auto r = dec.string();
            if (r)
                b.reason = std::move(r).value().left(500);
            else
                dec.fail(r.errorMessage());
            out = b;
            break;
        }
        default:
            return makeError(QStringLiteral("unknown message type %1").arg(type));
    }
    if (!dec.ok())
        return makeError(QStringLiteral("malformed message type %1: %2").arg(type).arg(dec.error()));
    if (dec.remaining() != 0)
        return makeError(
            QStringLiteral("malformed message type %1: %2 trailing bytes").arg(type).arg(dec.remaining()));
    return out;
}

Result<std::optional<FrameReader::Frame>> FrameReader::next() {
    const qsizetype avail = m_buf.size() - m_pos;
    if (avail < kFrameHeaderBytes) {
        if (m_pos > 0 && avail == 0) {
            m_buf.clear();
            m_pos = 0;
        }
        return std::optional<Frame>{};
    }
    const auto* p = reinterpret_cast<const uint8_t*>(m_buf.constData() + m_pos);
    const qsizetype len = p[1] | (p[2] << 8) | (p[3] << 16);
    if (len > kMaxFramePayload)
        return makeError(
            QStringLiteral("oversized frame: %1 bytes (at most %2)").arg(len).arg(kMaxFramePayload));
    if (avail < kFrameHeaderBytes + len)
        return std::optional<Frame>{};
    Frame f;
    f.type = p[0];
    f.payload = m_buf.mid(m_pos + kFrameHeaderBytes, len);
    m_pos += kFrameHeaderBytes + len;
    if (m_pos > 1024 * 1024 && m_pos * 2 > m_buf.size()) {
        m_buf.remove(0, m_pos);
        m_pos = 0;
    }
    return std::optional<Frame>(std::move(f));
}

std::optional<uint8_t> FrameReader::peekType() const {
    if (buffered() < 1)
        return std::nullopt;
    return static_cast<uint8_t>(m_buf[m_pos]);
}

std::optional<qsizetype> FrameReader::peekLength() const {
    if (buffered() < kFrameHeaderBytes)
        return std::nullopt;
    const auto* p = reinterpret_cast<const uint8_t*>(m_buf.constData() + m_pos);
    return static_cast<qsizetype>(p[1] | (p[2] << 8) | (p[3] << 16));
}

QByteArray computeProof(const QByteArray& syncKey32, const QByteArray& handshakeHash,
                        const QByteArray& senderPublicKey) {
    return crypto::blake2bBatch({handshakeHash, senderPublicKey}, kProofBytes, syncKey32);
}

bool verifyProof(const QByteArray& syncKey32, const QByteArray& handshakeHash,
                 const QByteArray& senderPublicKey, const QByteArray& proof) {
    if (proof.size() != kProofBytes)
        return false;
    const QByteArray expected = computeProof(syncKey32, handshakeHash, senderPublicKey);
    return crypto_verify_32(reinterpret_cast<const unsigned char*>(expected.constData()),
                            reinterpret_cast<const unsigned char*>(proof.constData())) == 0;
}

}  // namespace pluresdb::sync
