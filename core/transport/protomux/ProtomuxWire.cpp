// protomux 3 framing (see ProtomuxWire.h for the layout).

#include "core/transport/protomux/ProtomuxWire.h"

#include "core/encoding/CompactEncoding.h"

namespace pluresdb::transport::protomux {

using encoding::Decoder;
using encoding::Encoder;

namespace {

// Decodes the part of a frame after its channel id (`channel`), appending to `out`. `nested` is set
// inside a batch, where protomux does not allow another batch.
void decodeBody(Decoder& d, uint64_t channel, bool nested, std::vector<Frame>& out) {
    const uint64_t type = d.uint();
    if (!d.ok())
        return;
    if (channel != kControlChannel) {
        out.push_back(MessageFrame{channel, type, d.raw()});
        return;
    }
    switch (type) {
        case kControlBatch: {
            if (nested) {
                d.fail(QStringLiteral("a batch inside a batch"));
                return;
            }
            uint64_t current = d.uint();
            int entries = 0;
            while (d.ok() && d.remaining() > 0) {
                const uint64_t len = d.uint();
                if (!d.ok())
                    return;
                if (len == 0) {
                    current = d.uint();
                    continue;
                }
                if (++entries > kMaxBatchEntries) {
                    d.fail(QStringLiteral("more than %1 entries in a batch").arg(kMaxBatchEntries));
                    return;
                }
                if (len > uint64_t(d.remaining())) {
                    d.fail(QStringLiteral("a batch entry runs past the frame"));
                    return;
                }
                const QByteArray entry = d.fixed(qsizetype(len));
                Decoder inner(entry);
                decodeBody(inner, current, true, out);
                if (!inner.ok()) {
                    d.fail(inner.error());
                    return;
                }
            }
            return;
        }
        case kControlOpen: {
            OpenFrame f;
            f.channel = d.uint();
            auto protocol = d.string();
            if (!d.ok())
                return;
            if (!protocol) {
                d.fail(protocol.errorMessage());
                return;
            }
            f.protocol = *protocol;
            if (f.protocol.toUtf8().size() > kMaxProtocolNameBytes) {
                d.fail(QStringLiteral("protocol name too long"));
                return;
            }
            const uint64_t idLen = d.uint();
            if (!d.ok())
                return;
            if (idLen > uint64_t(kMaxChannelIdBytes) || idLen > uint64_t(d.remaining())) {
                d.fail(QStringLiteral("bad channel id length"));
                return;
            }
            f.id = d.fixed(qsizetype(idLen));
            f.handshake = d.raw();
            out.push_back(std::move(f));  // channel 0 is the mux's to refuse
            return;
        }
        case kControlReject:
            out.push_back(RejectFrame{d.uint()});
            return;
        case kControlClose:
            out.push_back(CloseFrame{d.uint()});
            return;
        default:
            d.raw();  // unknown control message: ignored (protomux's switch has no default)
            return;
    }
}

}  // namespace

Result<std::vector<Frame>> decodeFrames(const QByteArray& message) {
    std::vector<Frame> out;
    if (message.isEmpty())
        return out;
    Decoder d(message);
    const uint64_t channel = d.uint();
    if (d.ok())
        decodeBody(d, channel, false, out);
    if (!d.ok())
        return makeError(QStringLiteral("bad protomux frame: %1").arg(d.error()));
    return out;
}

QByteArray encodeOpen(const OpenFrame& f) {
    Encoder e;
    e.uint(kControlChannel);
    e.uint(kControlOpen);
    e.uint(f.channel);
    e.string(f.protocol);
    e.buffer(f.id);  // optionalBuffer: a zero length stands for null
    e.fixed(f.handshake);
    return e.take();
}

QByteArray encodeReject(uint64_t channel) {
    Encoder e;
    e.uint(kControlChannel);
    e.uint(kControlReject);
    e.uint(channel);
    return e.take();
}

QByteArray encodeClose(uint64_t channel) {
    Encoder e;
    e.uint(kControlChannel);
    e.uint(kControlClose);
    e.uint(channel);
    return e.take();
}

QByteArray encodeMessage(uint64_t channel, uint64_t type, const QByteArray& payload) {
    Encoder e;
    e.uint(channel);
    e.uint(type);
    e.fixed(payload);
    return e.take();
}

QByteArray encodeBatch(const std::vector<std::pair<uint64_t, QByteArray>>& entries) {
    Encoder e;
    e.uint(kControlChannel);
    e.uint(kControlBatch);
    if (entries.empty())
        return e.take();
    uint64_t current = entries.front().first;
    e.uint(current);
    for (const auto& [channel, body] : entries) {
        if (body.isEmpty())
            continue;  // a zero length would read as a channel switch
        if (channel != current) {
            e.uint(0);
            e.uint(channel);
            current = channel;
        }
        e.buffer(body);
    }
    return e.take();
}

}  // namespace pluresdb::transport::protomux
