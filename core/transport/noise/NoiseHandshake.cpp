#include "core/transport/noise/NoiseHandshake.h"

#include "core/transport/noise/NoiseConstants.h"

#include <initializer_list>

namespace pluresdb::transport::noise {

using crypto::SecureBytes;

NoiseHandshake::NoiseHandshake(NoisePattern pattern, bool isInitiator, crypto::KeyPair staticKeyPair,
                               const QByteArray& prologue, const QByteArray& remoteStaticKey)
    : m_pattern(pattern),
      m_initiator(isInitiator),
      m_s(std::move(staticKeyPair)),
      m_rs(remoteStaticKey),
      m_symmetric(QByteArray(pattern == NoisePattern::IK ? kProtocolNameIK : kProtocolNameXX)) {
    // §2.6: the prologue is always mixed, even when empty.
    m_symmetric.mixHash(prologue);
    if (m_pattern == NoisePattern::IK) {
        // Pre-message "<- s": both sides hash the responder's static key.
        m_symmetric.mixHash(m_initiator ? m_rs : m_s.publicKey);
        if (m_initiator && m_rs.size() != crypto::kEd25519PublicKeyBytes) {
            m_failed = true;  // reported by the first writeMessage
        }
    }
}

const std::initializer_list<NoiseHandshake::Token>& NoiseHandshake::tokensFor(int index) const {
    static const std::initializer_list<Token> ik[] = {{Token::E, Token::ES, Token::S, Token::SS},
                                                      {Token::E, Token::EE, Token::SE}};
    static const std::initializer_list<Token> xx[] = {
        {Token::E}, {Token::E, Token::EE, Token::S, Token::ES}, {Token::S, Token::SE}};
    return m_pattern == NoisePattern::IK ? ik[index] : xx[index];
}

bool NoiseHandshake::isMyTurn() const {
    if (isComplete() || m_failed)
        return false;
    return (m_messageIndex % 2 == 0) == m_initiator;
}

Error NoiseHandshake::fail(const QString& why) {
    m_failed = true;
    return makeError(QStringLiteral("Noise handshake failed: %1").arg(why));
}

// §2.7 role mapping: which local and remote key each DH token combines.
Result<void> NoiseHandshake::mixDh(Token t) {
    const bool localEphemeral =
        (t == Token::EE) || (t == Token::ES && m_initiator) || (t == Token::SE && !m_initiator);
    const bool remoteEphemeral =
        (t == Token::EE) || (t == Token::SE && m_initiator) || (t == Token::ES && !m_initiator);
    const crypto::KeyPair* local = localEphemeral ? (m_e ? &*m_e : nullptr) : &m_s;
    const QByteArray& remote = remoteEphemeral ? m_re : m_rs;
    if (!local || !local->isValid())
        return fail(QStringLiteral("missing local key"));
    auto dh = crypto::ed25519Dh(*local, remote);
    if (!dh)
        return fail(dh.errorMessage());
    m_symmetric.mixKey(*dh);
    return {};
}

Result<QByteArray> NoiseHandshake::writeMessage(const QByteArray& payload) {
    if (m_failed)
        return fail(QStringLiteral("handshake already failed"));
    if (isComplete())
        return fail(QStringLiteral("handshake already complete"));
    if (!isMyTurn())
        return fail(QStringLiteral("not our turn to write"));
    QByteArray out;
    for (Token t : tokensFor(m_messageIndex)) {
        switch (t) {
            case Token::E:
                if (!m_e)
                    m_e = crypto::generateKeyPair();
                out += m_e->publicKey;
                m_symmetric.mixHash(m_e->publicKey);
                break;
            case Token::S:
                out += m_symmetric.encryptAndHash(m_s.publicKey);
                break;
            default:
                if (auto r = mixDh(t); !r)
                    return r.error();
        }
    }
    out += m_symmetric.encryptAndHash(payload);
    if (out.size() > kMaxMessageLen)
        return fail(QStringLiteral("message longer than 65535 bytes"));
    ++m_messageIndex;
    return out;
}

Result<QByteArray> NoiseHandshake::readMessage(const QByteArray& message) {
    if (m_failed)
        return fail(QStringLiteral("handshake already failed"));
    if (isComplete())
        return fail(QStringLiteral("handshake already complete"));
    if (isMyTurn())
        return fail(QStringLiteral("received a message out of turn"));
    if (message.size() > kMaxMessageLen)
        return fail(QStringLiteral("message longer than 65535 bytes"));
    qsizetype pos = 0;
    for (Token t : tokensFor(m_messageIndex)) {
        switch (t) {
            case Token::E:
                if (message.size() - pos < kDhLen)
                    return fail(QStringLiteral("insufficient bytes"));
                m_re = message.mid(pos, kDhLen);
                pos += kDhLen;
                m_symmetric.mixHash(m_re);
                break;
            case Token::S: {
                const int len = kDhLen + (m_symmetric.hasKey() ? kTagLen : 0);
                if (message.size() - pos < len)
                    return fail(QStringLiteral("insufficient bytes"));
                auto rs = m_symmetric.decryptAndHash(message.mid(pos, len));
                if (!rs)
                    return fail(QStringLiteral("static key: %1").arg(rs.errorMessage()));
                m_rs = std::move(rs).value();
                pos += len;
                break;
            }
            default:
                if (auto r = mixDh(t); !r)
                    return r.error();
        }
    }
    const QByteArray rest = message.mid(pos);
    if (m_symmetric.hasKey() && rest.size() < kTagLen)
        return fail(QStringLiteral("insufficient bytes"));
    auto payload = m_symmetric.decryptAndHash(rest);
    if (!payload)
        return fail(QStringLiteral("payload: %1").arg(payload.errorMessage()));
    ++m_messageIndex;
    return payload;
}

Result<NoiseResult> NoiseHandshake::result() const {
    if (m_failed || !isComplete())
        return makeError(QStringLiteral("Noise handshake is not complete"));
    auto [k1, k2] = m_symmetric.split();
    NoiseResult r;
    r.isInitiator = m_initiator;
    // §2.8: initiator tx = k1, rx = k2; the responder the reverse.
    r.tx = m_initiator ? std::move(k1) : std::move(k2);
    r.rx = m_initiator ? std::move(k2) : std::move(k1);
    r.handshakeHash = m_symmetric.handshakeHash();
    r.publicKey = m_s.publicKey;
    r.remotePublicKey = m_rs;
    return r;
}

}  // namespace pluresdb::transport::noise
