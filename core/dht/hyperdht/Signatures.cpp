#include "core/dht/hyperdht/Signatures.h"

#include "core/crypto/Hash.h"
#include "core/crypto/Namespaces.h"
#include "core/dht/hyperdht/HyperDhtWire.h"

namespace pluresdb::dht::hyperdht {

QByteArray announceSignable(AnnounceKind kind, const QByteArray& target, const QByteArray& nodeId,
                            const QByteArray& token, const PeerRecord& peer,
                            const std::optional<QByteArray>& refresh) {
    QByteArrayList parts{target, nodeId, token, encodePeerRecord(peer)};
    if (refresh)
        parts.append(*refresh);
    const QByteArray& ns = kind == AnnounceKind::Announce ? crypto::nsAnnounce() : crypto::nsUnannounce();
    return ns + crypto::blake2bBatch(parts);
}

QByteArray signAnnounce(AnnounceKind kind, const QByteArray& target, const QByteArray& nodeId,
                        const QByteArray& token, const PeerRecord& peer,
                        const std::optional<QByteArray>& refresh, const crypto::KeyPair& keyPair) {
    return crypto::sign(announceSignable(kind, target, nodeId, token, peer, refresh), keyPair);
}

bool verifyAnnounce(AnnounceKind kind, const QByteArray& target, const QByteArray& nodeId,
                    const QByteArray& token, const AnnounceValue& value) {
    if (!value.peer || !value.signature || value.peer->publicKey.size() != kPublicKeySize)
        return false;
    return crypto::verify(*value.signature,
                          announceSignable(kind, target, nodeId, token, *value.peer, value.refresh),
                          value.peer->publicKey);
}

QByteArray mutableSignable(uint64_t seq, const QByteArray& value) {
    encoding::Encoder e;
    e.uint(seq);
    e.buffer(value);
    return crypto::nsMutablePut() + crypto::blake2b(e.bytes());
}

QByteArray signMutable(uint64_t seq, const QByteArray& value, const crypto::KeyPair& keyPair) {
    return crypto::sign(mutableSignable(seq, value), keyPair);
}

bool verifyMutable(const QByteArray& publicKey, uint64_t seq, const QByteArray& value,
                   const QByteArray& signature) {
    if (publicKey.size() != kPublicKeySize)
        return false;
    return crypto::verify(signature, mutableSignable(seq, value), publicKey);
}

}  // namespace pluresdb::dht::hyperdht
