#pragma once

// A protomux 3 multiplexer over a message stream (a SecretStream: one write is one message),
// wire-compatible with npm protomux 3.12.1 (framing in ProtomuxWire.h). Channels are opened by
// protocol name plus an optional id; a channel is open once both sides have sent an open for the
// same (protocol, id). Messages are numbered by the order the protocol defines them. Either side
// may close a channel; a closed stream closes every channel.
//
// Not a Q_OBJECT on purpose (callbacks, so the layers above own it without moc). Everything runs
// on the stream's thread. Bad frames destroy the stream with a clear error, never crash.

#include "core/transport/protomux/ProtomuxWire.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <vector>

namespace pluresdb::transport {
class ByteStream;
}

namespace pluresdb::transport::protomux {

class Protomux;

class ProtomuxChannel {
public:
    const QString& protocol() const { return m_protocol; }
    const QByteArray& id() const { return m_id; }
    bool isOpened() const { return m_opened; }  // both sides opened
    bool isClosed() const { return m_closed; }

    // Sends our open (with an optional raw handshake). onOpen follows once the remote's open is
    // known (at once, on the next event-loop pass, when the remote opened first).
    void open(const QByteArray& handshake = {});
    // Sends message `type`; false when the channel is closed or the stream refuses.
    bool send(uint64_t type, const QByteArray& payload);
    void close();

    std::function<void(const QByteArray& remoteHandshake)> onOpen;
    std::function<void(uint64_t type, const QByteArray& payload)> onMessage;
    std::function<void(bool byRemote)> onClose;  // once, also when it never opened

private:
    friend class Protomux;
    ProtomuxChannel(Protomux* mux, QString protocol, QByteArray id)
        : m_mux(mux), m_protocol(std::move(protocol)), m_id(std::move(id)) {}
    void fullyOpen();
    void closeLocally(bool byRemote);

    Protomux* m_mux;
    QString m_protocol;
    QByteArray m_id;
    uint64_t m_localId = 0;   // ours, 1-based; 0 before open()
    uint64_t m_remoteId = 0;  // the remote's, 1-based; 0 until known
    bool m_openSent = false;
    bool m_opened = false;
    bool m_closed = false;
};

class Protomux : public QObject {
public:
    // Bytes a remote may make us buffer for channels we have not opened yet (protomux pauses the
    // stream at 32 KiB; a stream here cannot pause, so past this limit the stream is destroyed).
    static constexpr qsizetype kMaxBufferedBytes = 1024 * 1024;
    static constexpr int kMaxRemoteChannels = 1024;

    // Reads `stream`'s messages from now on; does not own it.
    explicit Protomux(ByteStream* stream, QObject* parent = nullptr);
    ~Protomux() override;

    ByteStream* stream() const { return m_stream.data(); }

    // A new channel for (protocol, id); nullptr when the stream is gone or (unique) a channel for
    // it is already open. When the remote has already opened one, it is paired with that.
    ProtomuxChannel* createChannel(const QString& protocol, const QByteArray& id = {}, bool unique = true);

    // The remote opened a channel no local channel waits for. Create and open() one for it inside
    // this callback to accept; otherwise it is rejected.
    std::function<void(const QString& protocol, const QByteArray& id)> onRemoteOpen;
    // A malformed frame or a broken limit: the stream is destroyed with this error right after.
    std::function<void(const QString& error)> onError;

private:
    friend class ProtomuxChannel;
    struct Info {
        int opened = 0;                 // channels opened locally and not closed
        std::deque<uint64_t> outgoing;  // our local ids waiting for the remote's open
        std::deque<uint64_t> incoming;  // remote ids waiting for a local channel
    };
    struct Remote {
        ProtomuxChannel* channel = nullptr;
        QByteArray handshake;                                  // until the channel is fully open
        std::vector<std::pair<uint64_t, QByteArray>> pending;  // messages before that
        bool waiting = true;                                   // not yet fully open
    };
    static QByteArray infoKey(const QString& protocol, const QByteArray& id);

    void onData(const QByteArray& message);
    bool handle(const Frame& frame);
    bool onOpenFrame(const OpenFrame& f);
    void onRejectFrame(uint64_t localId);
    void onCloseFrame(uint64_t remoteId);
    void onStreamClosed();
    void fail(const QString& error);
    bool write(const QByteArray& frame);
    void released(ProtomuxChannel* ch);

    QPointer<ByteStream> m_stream;
    std::vector<std::unique_ptr<ProtomuxChannel>> m_channels;  // every channel ever created
    std::vector<ProtomuxChannel*> m_local;                     // by local id − 1; nullptr = free
    std::vector<std::unique_ptr<Remote>> m_remote;             // by remote id − 1; nullptr = free
    std::map<QByteArray, Info> m_infos;
    std::set<std::size_t> m_freeIds;  // local slots that may be reused
    qsizetype m_buffered = 0;
    bool m_dead = false;
};

}  // namespace pluresdb::transport::protomux
