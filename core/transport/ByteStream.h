#pragma once

// A reliable, ordered, full-duplex byte stream with half-close: what secret-stream and the sync
// protocol run over. A TCP socket implements it, and so do a UDX stream and a WebSocket.
// All calls and signals happen on the thread the object lives on (the engine thread in the app).

#include <QByteArray>
#include <QObject>
#include <QString>

namespace pluresdb::transport {

class ByteStream : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~ByteStream() override = default;

    // Queues bytes for sending. Returns false once the write side is ended or the stream closed.
    virtual bool write(const QByteArray& bytes) = 0;
    // Ends the write side after everything queued has been sent (FIN / END).
    virtual void end() = 0;
    // Tears the stream down at once; `error` empty means a deliberate local close.
    virtual void destroy(const QString& error = {}) = 0;
    // Bytes queued but not yet handed to the network (or not yet acknowledged), for backpressure.
    virtual qint64 bytesToWrite() const = 0;
    virtual bool isOpen() const = 0;
    // A human-readable remote endpoint ("127.0.0.1:4000"), for logs and the UI.
    virtual QString remoteDescription() const = 0;

signals:
    void connected();                    // ready to carry data (for streams that connect)
    void dataReceived(const QByteArray& bytes);
    void drained();                      // bytesToWrite() fell to zero
    void remoteEnded();                  // the peer ended its write side
    void closed(const QString& error);   // fully closed; error empty on a clean close of both sides
};

}  // namespace pluresdb::transport
