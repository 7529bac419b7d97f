#include "core/transport/secretstream/SecretStream.h"

#include "core/crypto/Hash.h"
#include "core/crypto/Namespaces.h"
#include "core/crypto/SecretBox.h"
#include "core/crypto/Sodium.h"
#include "core/transport/noise/NoiseConstants.h"
#include "core/transport/secretstream/SecretStreamConstants.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace pluresdb::transport::secretstream {

using crypto::SecureBytes;

SecretStream::SecretStream(ByteStream* raw, SecretStreamOptions options, QObject* parent)
    : ByteStream(parent), m_raw(raw), m_options(std::move(options)) {
    if (m_raw) {
        m_raw->setParent(this);
        connect(m_raw, &ByteStream::dataReceived, this, &SecretStream::onRawData);
        connect(m_raw, &ByteStream::remoteEnded, this, &SecretStream::onRawRemoteEnded);
        connect(m_raw, &ByteStream::closed, this, &SecretStream::onRawClosed);
        connect(m_raw, &ByteStream::drained, this, [this] {
            if (m_pendingWrites.isEmpty())
                emit drained();
        });
    }
    m_keepAlive.setSingleShot(true);
    m_timeout.setSingleShot(true);
    m_handshakeTimer.setSingleShot(true);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] { sendKeepAlive(); });
    connect(&m_timeout, &QTimer::timeout, this, [this] { fail(QStringLiteral("Stream timed out")); });
    connect(&m_handshakeTimer, &QTimer::timeout, this,
            [this] { fail(QStringLiteral("Noise handshake failed: timed out waiting for the peer")); });
}

SecretStream::~SecretStream() = default;

void SecretStream::releaseStart() {
    if (!m_startHeld)
        return;
    m_startHeld = false;
    if (m_startPending) {
        m_startPending = false;
        start();
    }
}

void SecretStream::start() {
    if (m_phase != Phase::Idle || m_closed)
        return;
    if (m_startHeld) {
        m_startPending = true;
        return;
    }
    if (!m_raw || !m_raw->isOpen()) {
        fail(QStringLiteral("the underlying stream is not open"));
        return;
    }
    if (m_options.timeoutMs > 0)
        m_timeout.start(m_options.timeoutMs);
    if (m_options.handshakeTimeoutMs > 0)
        m_handshakeTimer.start(m_options.handshakeTimeoutMs);
    QPointer<SecretStream> self(this);
    if (m_options.handshake) {
        const noise::NoiseResult keys = *m_options.handshake;
        if (onKeysReady(keys) && self && !m_closed)
            processFrames();
        if (self && !m_closed && m_rawEndedBeforeStart)
            onRawRemoteEnded();
        if (self && !m_closed && m_rawClosedBeforeStart)
            onRawClosed(*m_rawClosedBeforeStart);
        return;
    }
    if (!m_options.keyPair.isValid())
        m_options.keyPair = crypto::generateKeyPair();
    m_noise = std::make_unique<noise::NoiseHandshake>(
        m_options.pattern, m_options.isInitiator, m_options.keyPair, QByteArray(), m_options.remotePublicKey);
    if (m_options.ephemeralForTesting)
        m_noise->setEphemeralKeyPair(*m_options.ephemeralForTesting);
    m_phase = Phase::Handshaking;
    if (m_noise->isMyTurn() && !sendHandshakeMessage())
        return;  // §5.2: the initiator speaks first
    if (self && !m_closed)
        processFrames();
    if (self && !m_closed && m_rawEndedBeforeStart)
        onRawRemoteEnded();
    if (self && !m_closed && m_rawClosedBeforeStart)
        onRawClosed(*m_rawClosedBeforeStart);
}

void SecretStream::sendFrame(const char* body, qsizetype len) {
    QByteArray frame(kFrameLengthBytes + len, Qt::Uninitialized);
    frame[0] = static_cast<char>(len & 0xff);
    frame[1] = static_cast<char>((len >> 8) & 0xff);
    frame[2] = static_cast<char>((len >> 16) & 0xff);
    if (len)
        std::memcpy(frame.data() + kFrameLengthBytes, body, static_cast<size_t>(len));
    m_raw->write(frame);
}

bool SecretStream::sendHandshakeMessage() {
    auto msg = m_noise->writeMessage();
    if (!msg) {
        fail(msg.errorMessage());
        return false;
    }
    if (m_noise->isComplete()) {
        // Our message completes the handshake (XX initiator, IK responder). Switch to the keyed phase
        // before it goes out: a raw stream may deliver the peer's header synchronously inside write().
        return onKeysReady(m_noise->result().value(), *msg);
    }
    sendFrame(msg->constData(), msg->size());
    return !m_closed;
}

// §5.3: keys known -> send our header at once (the peer's is not awaited), then anything queued.
bool SecretStream::onKeysReady(const noise::NoiseResult& result, const QByteArray& finalHandshakeMessage) {
    if (result.tx.size() != crypto::kSecretStreamKeyBytes ||
        result.rx.size() != crypto::kSecretStreamKeyBytes || result.handshakeHash.size() != noise::kHashLen) {
        fail(QStringLiteral("secret-stream: handshake keys have the wrong sizes"));
        return false;
    }
    m_handshakeHash = result.handshakeHash;
    m_rxKey = result.rx;
    m_publicKey = result.publicKey;
    m_remotePublicKey = result.remotePublicKey;
    const QByteArray& ownNs = m_options.isInitiator ? crypto::nsInitiator() : crypto::nsResponder();
    const QByteArray& otherNs = m_options.isInitiator ? crypto::nsResponder() : crypto::nsInitiator();
    const QByteArray ownId = crypto::blake2b(ownNs, kStreamIdBytes, m_handshakeHash);
    m_expectedRemoteId = crypto::blake2b(otherNs, kStreamIdBytes, m_handshakeHash);
    // §5.5 datagram keys: BLAKE2b-256(NS_role || NS_SEND; key = handshakeHash).
    m_sendKey =
        SecureBytes::fromByteArray(crypto::blake2bBatch({ownNs, crypto::nsSend()}, 32, m_handshakeHash));
    m_receiveKey =
        SecureBytes::fromByteArray(crypto::blake2bBatch({otherNs, crypto::nsSend()}, 32, m_handshakeHash));
    m_datagramCounter = m_options.datagramCounterForTesting.size() == kDatagramCounterBytes
                            ? m_options.datagramCounterForTesting
                            : crypto::randomBytes(kDatagramCounterBytes);
    m_datagramCounterInitial = m_datagramCounter;

    m_push = std::make_unique<crypto::SecretStreamPush>();
    m_pull = std::make_unique<crypto::SecretStreamPull>();
    QByteArray header;
    if (m_options.headerForTesting.size() == crypto::kSecretStreamHeaderBytes) {
        header = m_options.headerForTesting;
        m_push->initWithHeader(result.tx, header);
    } else {
        header = m_push->init(result.tx);
    }
    m_options.handshake.reset();  // keys now live only in the cipher states
    m_noise.reset();
    m_phase = Phase::AwaitingHeader;
    QPointer<SecretStream> self(this);
    if (!finalHandshakeMessage.isEmpty())
        sendFrame(finalHandshakeMessage.constData(), finalHandshakeMessage.size());
    if (!self || m_closed)
        return false;
    const QByteArray body = ownId + header;
    sendFrame(body.constData(), body.size());
    if (!self || m_closed)
        return false;
    if (m_options.keepAliveMs > 0)
        m_keepAlive.start(m_options.keepAliveMs);

    const QList<QByteArray> pending = std::exchange(m_pendingWrites, {});
    m_pendingBytes = 0;
    for (const QByteArray& w : pending) {
        writeRecord(w.constData(), w.size());
        if (!self || m_closed)
            return false;
    }
    emit connected();
    if (!self || m_closed)
        return false;
    maybeEndRaw();
    return true;
}

void SecretStream::writeRecord(const char* data, qsizetype len) {
    // §5.4: len = n + 17 || push(m, tag MESSAGE, no AD); encrypted straight into the frame buffer.
    const qsizetype body = len + kRecordOverhead;
    QByteArray frame(kFrameLengthBytes + body, Qt::Uninitialized);
    frame[0] = static_cast<char>(body & 0xff);
    frame[1] = static_cast<char>((body >> 8) & 0xff);
    frame[2] = static_cast<char>((body >> 16) & 0xff);
    m_push->push(data, len, frame.data() + kFrameLengthBytes);
    m_raw->write(frame);
    if (m_options.keepAliveMs > 0)
        m_keepAlive.start(m_options.keepAliveMs);
}

bool SecretStream::write(const QByteArray& bytes) {
    if (m_closed || m_endRequested || !m_raw)
        return false;
    if (bytes.isEmpty())
        return true;
    if (!m_push) {
        m_pendingWrites.append(bytes);
        m_pendingBytes += bytes.size();
        return true;
    }
    for (qsizetype off = 0; off < bytes.size(); off += kMaxRecordPlaintext) {
        writeRecord(bytes.constData() + off, std::min<qsizetype>(kMaxRecordPlaintext, bytes.size() - off));
    }
    return true;
}

bool SecretStream::sendKeepAlive() {
    if (!m_push || m_rawEnded || m_closed)
        return false;
    writeRecord(nullptr, 0);
    return true;
}

void SecretStream::end() {
    if (m_closed || m_endRequested)
        return;
    m_endRequested = true;
    maybeEndRaw();
}

void SecretStream::maybeEndRaw() {
    // Ending before our header is out would leave the peer without keys: wait for the handshake.
    if (!m_endRequested || m_rawEnded || !m_push || m_closed)
        return;
    m_rawEnded = true;
    m_keepAlive.stop();
    m_raw->end();
}

void SecretStream::destroy(const QString& error) {
    if (m_closed)
        return;
    m_closed = true;
    m_keepAlive.stop();
    m_timeout.stop();
    m_handshakeTimer.stop();
    m_pendingWrites.clear();
    if (m_raw)
        m_raw->destroy(error);
    emit closed(error);
}

void SecretStream::fail(const QString& error) {
    destroy(error.isEmpty() ? QStringLiteral("secret-stream failed") : error);
}

qint64 SecretStream::bytesToWrite() const {
    return m_pendingBytes + (m_raw ? m_raw->bytesToWrite() : 0);
}

QString SecretStream::remoteDescription() const {
    return m_raw ? m_raw->remoteDescription() : QString();
}

void SecretStream::onRawData(const QByteArray& bytes) {
    if (m_closed)
        return;
    m_parser.feed(bytes);
    if (m_phase == Phase::Idle)
        return;  // kept until start(): the peer may be quicker than our owner
    if (m_options.timeoutMs > 0)
        m_timeout.start(m_options.timeoutMs);
    processFrames();
}

void SecretStream::processFrames() {
    QPointer<SecretStream> self(this);
    while (self && !m_closed) {
        qsizetype maxBody = kMaxFrameBody;
        if (m_phase == Phase::Handshaking)
            maxBody = kMaxHandshakeFrame;
        if (m_phase == Phase::AwaitingHeader)
            maxBody = kHeaderRecordBody;
        QByteArrayView frame;
        QString error;
        const auto status = m_parser.next(maxBody, &frame, &error);
        if (status == FrameParser::Status::NeedMore)
            return;
        if (status == FrameParser::Status::Error) {
            if (m_phase == Phase::Handshaking)
                error = QStringLiteral("Noise handshake failed: %1").arg(error);
            else if (m_phase == Phase::AwaitingHeader)
                error = QStringLiteral("Invalid header message received: %1").arg(error);
            fail(error);
            return;
        }
        if (!handleFrame(frame))
            return;
    }
}

bool SecretStream::handleFrame(QByteArrayView frame) {
    switch (m_phase) {
        case Phase::Handshaking:
            return handleHandshakeFrame(frame);
        case Phase::AwaitingHeader:
            return handleHeaderFrame(frame);
        case Phase::Open:
            return handleDataFrame(frame);
        case Phase::Idle:
            break;
    }
    return false;
}

bool SecretStream::handleHandshakeFrame(QByteArrayView frame) {
    auto payload = m_noise->readMessage(frame.toByteArray());
    if (!payload) {
        fail(payload.errorMessage());
        return false;
    }
    if (m_noise->isComplete())
        return onKeysReady(m_noise->result().value());
    if (m_noise->isMyTurn())
        return sendHandshakeMessage();
    return true;
}

// §5.3: exactly 56 bytes, and the id the *other* role derives from the same handshake hash.
bool SecretStream::handleHeaderFrame(QByteArrayView frame) {
    if (frame.size() != kHeaderRecordBody) {
        fail(QStringLiteral("Invalid header message received"));
        return false;
    }
    if (sodium_memcmp(frame.data(), m_expectedRemoteId.constData(), kStreamIdBytes) != 0) {
        fail(QStringLiteral("Invalid header received: the stream id does not match this handshake"));
        return false;
    }
    if (!m_pull->init(m_rxKey, frame.sliced(kStreamIdBytes).toByteArray())) {
        fail(QStringLiteral("Invalid header received"));
        return false;
    }
    m_rxKey = SecureBytes();
    m_phase = Phase::Open;
    m_handshakeTimer.stop();
    return true;
}

bool SecretStream::handleDataFrame(QByteArrayView frame) {
    if (frame.size() < kRecordOverhead) {
        fail(QStringLiteral("Invalid message received: a %1-byte record is shorter than 17 bytes")
                 .arg(frame.size()));
        return false;
    }
    QByteArray plain(frame.size() - kRecordOverhead, Qt::Uninitialized);
    if (!m_pull->pull(frame.data(), frame.size(), plain.data())) {
        fail(QStringLiteral(
            "Invalid message received: record failed authentication (forged, replayed or reordered)"));
        return false;
    }
    // Zero-length records are keep-alives (§5.6); a byte stream has nothing to deliver for them.
    if (plain.isEmpty())
        return true;
    QPointer<SecretStream> self(this);
    emit dataReceived(plain);
    return self && !m_closed;
}

void SecretStream::onRawRemoteEnded() {
    if (m_closed)
        return;
    if (m_phase == Phase::Idle) {
        m_rawEndedBeforeStart = true;  // like the bytes before it: kept until start()
        return;
    }
    if (m_phase != Phase::Open) {
        fail(m_phase == Phase::AwaitingHeader
                 ? QStringLiteral("stream ended before the peer's header record")
                 : QStringLiteral("Noise handshake failed: stream ended during the handshake"));
        return;
    }
    if (m_parser.pendingBytes() > 0) {
        fail(QStringLiteral("stream ended in the middle of a record (%1 bytes left over)")
                 .arg(m_parser.pendingBytes()));
        return;
    }
    m_remoteEnded = true;
    m_timeout.stop();
    emit remoteEnded();
}

void SecretStream::onRawClosed(const QString& error) {
    if (m_closed)
        return;
    if (m_phase == Phase::Idle && m_rawEndedBeforeStart && error.isEmpty()) {
        m_rawClosedBeforeStart = error;  // a clean close after END: the kept bytes still count
        return;
    }
    QString why = error;
    if (why.isEmpty() && m_phase != Phase::Open)
        why = QStringLiteral("stream closed before the handshake completed");
    if (why.isEmpty() && !m_remoteEnded)
        why = QStringLiteral("stream closed before the peer ended it");
    m_closed = true;
    m_keepAlive.stop();
    m_timeout.stop();
    m_handshakeTimer.stop();
    emit closed(why);
}

Result<QByteArray> SecretStream::sealDatagram(const QByteArray& message) {
    if (!m_push)
        return makeError(QStringLiteral("secret-stream: no keys yet"));
    // §5.5: increment first; wrapping back to the initial value exhausts the nonce space.
    sodium_increment(reinterpret_cast<unsigned char*>(m_datagramCounter.data()), kDatagramCounterBytes);
    if (m_datagramCounter == m_datagramCounterInitial) {
        fail(QStringLiteral("udp send nonce exhausted"));
        return makeError(QStringLiteral("udp send nonce exhausted"));
    }
    const QByteArray nonce = m_datagramCounter + QByteArray(16, '\0');
    return m_datagramCounter + crypto::secretBoxSeal(m_sendKey, nonce, message);
}

Result<QByteArray> SecretStream::openDatagram(const QByteArray& envelope) const {
    if (m_receiveKey.isEmpty())
        return makeError(QStringLiteral("secret-stream: no keys yet"));
    if (envelope.size() < kDatagramOverhead)
        return makeError(QStringLiteral("datagram shorter than 24 bytes"));
    const QByteArray nonce = envelope.left(kDatagramCounterBytes) + QByteArray(16, '\0');
    return crypto::secretBoxOpen(m_receiveKey, nonce, envelope.mid(kDatagramCounterBytes));
}

}  // namespace pluresdb::transport::secretstream
