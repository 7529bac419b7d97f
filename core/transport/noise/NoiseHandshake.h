#pragma once

// A Noise handshake state for the two patterns Hyperswarm uses (connection.md §2):
//   IK  as hyperdht runs it (prologue NS_PEER_HANDSHAKE, payloads = noisePayload), and
//   XX  as @hyperswarm/secret-stream runs it stand-alone (empty prologue, empty payloads).
// Messages are read and written whole (the caller frames them); any malformed, truncated or
// forged message is an error value and leaves the handshake failed for good (§2.9).

#include "core/common/Result.h"
#include "core/crypto/Ed25519.h"
#include "core/crypto/SecureBytes.h"
#include "core/transport/noise/SymmetricState.h"

#include <QByteArray>

#include <optional>

namespace pluresdb::transport::noise {

enum class NoisePattern { IK, XX };

// What a completed handshake hands on (§2.8): the secret-stream keys and the handshake hash.
struct NoiseResult {
    crypto::SecureBytes tx;      // 32 bytes
    crypto::SecureBytes rx;      // 32 bytes
    QByteArray handshakeHash;    // 64 bytes
    QByteArray publicKey;        // own static key
    QByteArray remotePublicKey;  // the peer's static key (its identity)
    bool isInitiator = false;
};

class NoiseHandshake {
public:
    // `remoteStaticKey` is required for the IK initiator (the responder's key, known in advance).
    NoiseHandshake(NoisePattern pattern, bool isInitiator, crypto::KeyPair staticKeyPair,
                   const QByteArray& prologue = {}, const QByteArray& remoteStaticKey = {});

    // Forces the ephemeral key pair (deterministic vectors only; normally fresh per handshake).
    void setEphemeralKeyPair(crypto::KeyPair ephemeral) { m_e = std::move(ephemeral); }

    // Whether the next step is ours to write (true) or the peer's message to read (false).
    bool isMyTurn() const;
    bool isComplete() const { return m_messageIndex >= messageCount(); }
    bool hasFailed() const { return m_failed; }

    Result<QByteArray> writeMessage(const QByteArray& payload = {});
    // Returns the decrypted payload of the peer's message.
    Result<QByteArray> readMessage(const QByteArray& message);

    // After completion: keys, hash and identities (Split, §2.8).
    Result<NoiseResult> result() const;

    const QByteArray& handshakeHash() const { return m_symmetric.handshakeHash(); }
    const QByteArray& remoteStaticKey() const { return m_rs; }
    const SymmetricState& symmetricState() const { return m_symmetric; }

private:
    enum class Token { E, S, EE, ES, SE, SS };
    int messageCount() const { return m_pattern == NoisePattern::IK ? 2 : 3; }
    const std::initializer_list<Token>& tokensFor(int index) const;
    Result<void> mixDh(Token t);
    Error fail(const QString& why);

    NoisePattern m_pattern;
    bool m_initiator;
    crypto::KeyPair m_s;
    std::optional<crypto::KeyPair> m_e;
    QByteArray m_rs;
    QByteArray m_re;
    SymmetricState m_symmetric;
    int m_messageIndex = 0;
    bool m_failed = false;
};

}  // namespace pluresdb::transport::noise
