#pragma once

// @hyperswarm/secret-stream v6 over any ByteStream (connection.md §5): uint24-framed records,
// the header record with the stream id, XChaCha20-Poly1305 secretstream data records, keep-alive,
// timeout, and unordered datagram sealing. Two modes:
//  - in-band: the stream runs the Noise handshake itself (XX by default, IK optional; §5.2);
//  - keys handed in (`handshake` option, hyperdht mode; §5.7): the IK handshake ran elsewhere.
// A SecretStream is itself a ByteStream, so layers above cannot tell it from a plain stream.
// Any malformed, forged, replayed or oversized input destroys the stream with a clear error.

#include "core/crypto/Ed25519.h"
#include "core/crypto/SecretStreamCipher.h"
#include "core/transport/ByteStream.h"
#include "core/transport/noise/NoiseHandshake.h"
#include "core/transport/secretstream/FrameParser.h"

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

namespace pluresdb::transport::secretstream {

struct SecretStreamOptions {
    bool isInitiator = true;
    // In-band mode: our static key pair (a fresh one when invalid) and the pattern.
    crypto::KeyPair keyPair;
    noise::NoisePattern pattern = noise::NoisePattern::XX;
    QByteArray remotePublicKey;  // required for an IK initiator
    // Keys-handed-in mode (§5.7): when set, no handshake runs on the stream.
    std::optional<noise::NoiseResult> handshake;
    int keepAliveMs = 0;             // send an empty record after this much write silence (0 = off; §5.6)
    int timeoutMs = 0;               // destroy after this much read silence (0 = off; §5.6)
    int handshakeTimeoutMs = 10000;  // in-band handshake + peer header deadline (0 = off)

    // Determinism for the vector tests only (§5.9): forced ephemeral, secretstream header, datagram counter.
    std::optional<crypto::KeyPair> ephemeralForTesting;
    QByteArray headerForTesting;
    QByteArray datagramCounterForTesting;
};

class SecretStream final : public ByteStream {
    Q_OBJECT
public:
    // Takes ownership of `raw` (reparents it). Call start() once signals are connected.
    SecretStream(ByteStream* raw, SecretStreamOptions options, QObject* parent = nullptr);
    ~SecretStream() override;

    void start();
    // Holds start() back until releaseStart(): a start() meanwhile is remembered and runs on release.
    // For an owner that surfaces the stream later than its creator starts it (the swarm keeps a
    // duplicate connection back until the old one closed): what the peer sends meanwhile stays
    // buffered instead of being delivered to nobody.
    void holdStart() { m_startHeld = true; }
    void releaseStart();

    // ByteStream. write() encrypts one record per call (splitting writes above the 16 MiB record limit);
    // writes made before the handshake completes are queued and sent right after our header.
    bool write(const QByteArray& bytes) override;
    void end() override;
    void destroy(const QString& error = {}) override;
    qint64 bytesToWrite() const override;
    bool isOpen() const override { return !m_closed; }
    QString remoteDescription() const override;

    // Sends an empty record now (what the keep-alive timer sends; §5.6). False before the handshake.
    bool sendKeepAlive();

    bool isInitiator() const { return m_options.isInitiator; }
    bool isHandshakeComplete() const { return m_push != nullptr; }
    QByteArray handshakeHash() const { return m_handshakeHash; }
    QByteArray publicKey() const { return m_publicKey; }
    QByteArray remotePublicKey() const { return m_remotePublicKey; }
    // The stream the records travel on (a UdxStream for hyperdht connections; blind relaying needs
    // its socket and remote address, spec/hyperdht.md §11).
    ByteStream* rawStream() const { return m_raw.data(); }

    // Unordered datagrams (§5.5), for transports with message support (UDX): seal one for sending,
    // or open one received (an error for anything not sealed by the peer with the current keys).
    Result<QByteArray> sealDatagram(const QByteArray& message);
    Result<QByteArray> openDatagram(const QByteArray& envelope) const;

private:
    enum class Phase { Idle, Handshaking, AwaitingHeader, Open };

    void onRawData(const QByteArray& bytes);
    void processFrames();
    void onRawRemoteEnded();
    void onRawClosed(const QString& error);
    bool handleFrame(QByteArrayView frame);
    bool handleHandshakeFrame(QByteArrayView frame);
    bool handleHeaderFrame(QByteArrayView frame);
    bool handleDataFrame(QByteArrayView frame);
    bool sendHandshakeMessage();
    bool onKeysReady(const noise::NoiseResult& result, const QByteArray& finalHandshakeMessage = {});
    void sendFrame(const char* body, qsizetype len);
    void writeRecord(const char* data, qsizetype len);
    void maybeEndRaw();
    void fail(const QString& error);

    QPointer<ByteStream> m_raw;
    SecretStreamOptions m_options;
    std::unique_ptr<noise::NoiseHandshake> m_noise;
    FrameParser m_parser;
    Phase m_phase = Phase::Idle;
    std::unique_ptr<crypto::SecretStreamPush> m_push;
    std::unique_ptr<crypto::SecretStreamPull> m_pull;
    QByteArray m_handshakeHash;
    QByteArray m_publicKey;
    QByteArray m_remotePublicKey;
    QByteArray m_expectedRemoteId;
    crypto::SecureBytes m_rxKey;  // until the peer's header arrives
    crypto::SecureBytes m_sendKey;
    crypto::SecureBytes m_receiveKey;
    QByteArray m_datagramCounter;
    QByteArray m_datagramCounterInitial;
    QList<QByteArray> m_pendingWrites;
    qint64 m_pendingBytes = 0;
    bool m_endRequested = false;
    bool m_rawEnded = false;
    bool m_remoteEnded = false;
    // The raw stream ended or closed before start(): handled in start(), after the kept bytes.
    bool m_rawEndedBeforeStart = false;
    bool m_startHeld = false;
    bool m_startPending = false;
    std::optional<QString> m_rawClosedBeforeStart;
    bool m_closed = false;
    QTimer m_keepAlive;
    QTimer m_timeout;
    QTimer m_handshakeTimer;
};

}  // namespace pluresdb::transport::secretstream
