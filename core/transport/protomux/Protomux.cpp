// protomux 3 channel bookkeeping, following npm protomux 3.12.1: local ids are reused after a
// close once the remote knew the channel; the remote may only grow its ids by one at a time; a
// remote open waits in `incoming` until a local channel takes it, otherwise it is rejected.

#include "core/transport/protomux/Protomux.h"

#include "core/transport/ByteStream.h"

#include <QTimer>

namespace pluresdb::transport::protomux {

// ---- channel ----

void ProtomuxChannel::open(const QByteArray& handshake) {
    if (m_openSent || m_closed || !m_mux || m_mux->m_dead)
        return;
    m_openSent = true;
    Protomux& mux = *m_mux;
    std::size_t slot = mux.m_local.size();
    for (std::size_t i = 0; i < mux.m_local.size(); ++i)
        if (!mux.m_local[i] && mux.m_freeIds.count(i)) {
            slot = i;
            break;
        }
    if (slot == mux.m_local.size())
        mux.m_local.push_back(nullptr);
    mux.m_freeIds.erase(slot);
    mux.m_local[slot] = this;
    m_localId = slot + 1;
    Protomux::Info& info = mux.m_infos[Protomux::infoKey(m_protocol, m_id)];
    ++info.opened;
    if (m_remoteId == 0)
        info.outgoing.push_back(m_localId);
    mux.write(encodeOpen(OpenFrame{m_localId, m_protocol, m_id, handshake}));
    if (m_remoteId != 0) {
        // The remote opened first: its open is known, report ours open after this call returns.
        QPointer<Protomux> guard(m_mux);
        ProtomuxChannel* self = this;
        QTimer::singleShot(0, m_mux, [guard, self] {
            if (guard && !self->m_closed && !self->m_opened)
                self->fullyOpen();
        });
    }
}

void ProtomuxChannel::fullyOpen() {
    if (m_opened || m_closed || !m_mux)
        return;
    Protomux::Remote* r = (m_remoteId && m_remoteId <= m_mux->m_remote.size())
                              ? m_mux->m_remote[m_remoteId - 1].get()
                              : nullptr;
    const QByteArray handshake = r ? r->handshake : QByteArray();
    m_opened = true;
    QPointer<Protomux> guard(m_mux);
    if (onOpen)
        onOpen(handshake);
    if (!guard || !r || m_closed)
        return;
    r->waiting = false;
    r->handshake.clear();
    auto pending = std::move(r->pending);
    r->pending.clear();
    for (auto& [type, payload] : pending) {
        guard->m_buffered -= payload.size();
        if (m_closed || !guard)
            return;
        if (onMessage)
            onMessage(type, payload);
        if (!guard)
            return;
    }
}

bool ProtomuxChannel::send(uint64_t type, const QByteArray& payload) {
    if (m_closed || !m_openSent || !m_mux || m_mux->m_dead)
        return false;
    return m_mux->write(encodeMessage(m_localId, type, payload));
}

void ProtomuxChannel::close() {
    if (m_closed || !m_mux)
        return;
    if (m_openSent && !m_mux->m_dead)
        m_mux->write(encodeClose(m_localId));
    closeLocally(false);
}

void ProtomuxChannel::closeLocally(bool byRemote) {
    if (m_closed)
        return;
    m_closed = true;
    if (m_mux)
        m_mux->released(this);
    if (onClose)
        onClose(byRemote);
}

// ---- mux ----

Protomux::Protomux(ByteStream* stream, QObject* parent) : QObject(parent), m_stream(stream) {
    if (!stream) {
        m_dead = true;
        return;
    }
    connect(stream, &ByteStream::dataReceived, this, &Protomux::onData);
    connect(stream, &ByteStream::closed, this, [this](const QString&) { onStreamClosed(); });
    // protomux ends its side when the remote ended (no half-open mode).
    connect(stream, &ByteStream::remoteEnded, this, [this] {
        if (m_stream)
            m_stream->end();
    });
}

Protomux::~Protomux() {
    for (auto& ch : m_channels) {
        ch->onOpen = {};
        ch->onMessage = {};
        ch->onClose = {};
        ch->m_mux = nullptr;
    }
}

QByteArray Protomux::infoKey(const QString& protocol, const QByteArray& id) {
    return protocol.toUtf8() + "##" + id.toHex();
}

ProtomuxChannel* Protomux::createChannel(const QString& protocol, const QByteArray& id, bool unique) {
    if (m_dead || !m_stream || !m_stream->isOpen())
        return nullptr;
    Info& info = m_infos[infoKey(protocol, id)];
    if (unique && info.opened > 0)
        return nullptr;
    m_channels.push_back(std::unique_ptr<ProtomuxChannel>(new ProtomuxChannel(this, protocol, id)));
    ProtomuxChannel* ch = m_channels.back().get();
    while (!info.incoming.empty()) {
        const uint64_t remoteId = info.incoming.front();
        info.incoming.pop_front();
        Remote* r = remoteId <= m_remote.size() ? m_remote[remoteId - 1].get() : nullptr;
        if (!r)
            continue;
        r->channel = ch;
        ch->m_remoteId = remoteId;
        break;
    }
    return ch;
}

bool Protomux::write(const QByteArray& frame) {
    if (m_dead || !m_stream)
        return false;
    return m_stream->write(frame);
}

void Protomux::released(ProtomuxChannel* ch) {
    Info& info = m_infos[infoKey(ch->m_protocol, ch->m_id)];
    if (ch->m_openSent && info.opened > 0)
        --info.opened;
    if (ch->m_localId) {
        std::erase(info.outgoing, ch->m_localId);
        if (ch->m_localId <= m_local.size() && m_local[ch->m_localId - 1] == ch)
            m_local[ch->m_localId - 1] = nullptr;
        // Reusable only once the remote knew it (else its late open reply would hit a new channel).
        if (ch->m_remoteId)
            m_freeIds.insert(ch->m_localId - 1);
    }
    if (ch->m_remoteId && ch->m_remoteId <= m_remote.size()) {
        if (Remote* r = m_remote[ch->m_remoteId - 1].get()) {
            for (auto& p : r->pending)
                m_buffered -= p.second.size();
            m_remote[ch->m_remoteId - 1].reset();
        }
    }
    ch->m_remoteId = 0;
}

void Protomux::onData(const QByteArray& message) {
    if (m_dead)
        return;
    auto frames = decodeFrames(message);
    if (!frames) {
        fail(frames.errorMessage());
        return;
    }
    QPointer<Protomux> guard(this);
    for (const Frame& f : *frames) {
        if (!guard || m_dead)
            return;
        if (!handle(f))
            return;
    }
}

bool Protomux::handle(const Frame& frame) {
    if (const auto* open = std::get_if<OpenFrame>(&frame))
        return onOpenFrame(*open);
    if (const auto* reject = std::get_if<RejectFrame>(&frame)) {
        onRejectFrame(reject->channel);
        return !m_dead;
    }
    if (const auto* close = std::get_if<CloseFrame>(&frame)) {
        onCloseFrame(close->channel);
        return !m_dead;
    }
    const auto& m = std::get<MessageFrame>(frame);
    Remote* r = m.channel <= m_remote.size() ? m_remote[m.channel - 1].get() : nullptr;
    if (!r)
        return true;  // a channel already closed: ignored, as protomux does
    if (r->waiting) {
        m_buffered += m.payload.size();
        if (m_buffered > kMaxBufferedBytes) {
            fail(QStringLiteral("the peer sent more than %1 bytes for channels not yet open")
                     .arg(kMaxBufferedBytes));
            return false;
        }
        r->pending.emplace_back(m.type, m.payload);
        return true;
    }
    if (r->channel && r->channel->onMessage && !r->channel->m_closed)
        r->channel->onMessage(m.type, m.payload);
    return !m_dead;
}

bool Protomux::onOpenFrame(const OpenFrame& f) {
    if (f.channel == 0) {  // the control session cannot be opened: refuse, as protomux does
        write(encodeReject(0));
        return true;
    }
    const uint64_t rid = f.channel - 1;
    if (rid == m_remote.size()) {
        if (m_remote.size() >= std::size_t(kMaxRemoteChannels)) {
            fail(QStringLiteral("the peer opened more than %1 channels").arg(kMaxRemoteChannels));
            return false;
        }
        m_remote.emplace_back();
    }
    if (rid >= m_remote.size() || m_remote[rid]) {
        fail(QStringLiteral("invalid protomux open message (channel %1)").arg(f.channel));
        return false;
    }
    const QByteArray key = infoKey(f.protocol, f.id);
    Info& info = m_infos[key];
    m_remote[rid] = std::make_unique<Remote>();
    Remote* r = m_remote[rid].get();
    r->handshake = f.handshake;
    if (!info.outgoing.empty()) {
        const uint64_t localId = info.outgoing.front();
        info.outgoing.pop_front();
        ProtomuxChannel* ch = localId <= m_local.size() ? m_local[localId - 1] : nullptr;
        if (!ch) {
            m_remote[rid].reset();
            return true;
        }
        r->channel = ch;
        ch->m_remoteId = f.channel;
        ch->fullyOpen();
        return !m_dead;
    }
    info.incoming.push_back(f.channel);
    QPointer<Protomux> guard(this);
    if (onRemoteOpen)
        onRemoteOpen(f.protocol, f.id);
    if (!guard || m_dead)
        return false;
    Info& again = m_infos[key];
    if (std::find(again.incoming.begin(), again.incoming.end(), f.channel) != again.incoming.end()) {
        std::erase(again.incoming, f.channel);
        if (m_remote[rid] && !m_remote[rid]->channel) {
            for (auto& p : m_remote[rid]->pending)
                m_buffered -= p.second.size();
            m_remote[rid].reset();
        }
        write(encodeReject(f.channel));
    }
    return true;
}

void Protomux::onRejectFrame(uint64_t localId) {
    for (auto& [key, info] : m_infos) {
        auto it = std::find(info.outgoing.begin(), info.outgoing.end(), localId);
        if (it == info.outgoing.end())
            continue;
        info.outgoing.erase(it);
        ProtomuxChannel* ch = localId <= m_local.size() ? m_local[localId - 1] : nullptr;
        if (localId >= 1)
            m_freeIds.insert(localId - 1);
        if (ch)
            ch->closeLocally(true);
        return;
    }
    fail(QStringLiteral("invalid protomux reject message (channel %1)").arg(localId));
}

void Protomux::onCloseFrame(uint64_t remoteId) {
    if (remoteId == 0 || remoteId > m_remote.size())
        return;
    Remote* r = m_remote[remoteId - 1].get();
    if (!r)
        return;
    if (r->channel) {
        r->channel->closeLocally(true);
        return;
    }
    // Closed before a local channel took it.
    for (auto& [key, info] : m_infos)
        std::erase(info.incoming, remoteId);
    for (auto& p : r->pending)
        m_buffered -= p.second.size();
    m_remote[remoteId - 1].reset();
}

void Protomux::onStreamClosed() {
    m_dead = true;
    QPointer<Protomux> guard(this);
    for (std::size_t i = 0; i < m_channels.size() && guard; ++i) {
        ProtomuxChannel* ch = m_channels[i].get();
        if (!ch->m_closed)
            ch->closeLocally(true);
    }
}

void Protomux::fail(const QString& error) {
    if (m_dead)
        return;
    QPointer<Protomux> guard(this);
    if (onError)
        onError(error);
    if (!guard)
        return;
    if (m_stream)
        m_stream->destroy(error);
    if (guard)
        onStreamClosed();
}

}  // namespace pluresdb::transport::protomux
