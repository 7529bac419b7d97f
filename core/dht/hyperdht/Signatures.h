#pragma once

// What hyperdht signs (spec/hyperdht.md §4.4, vectors V6). An announce is bound to one storing
// node (its id) and one token it issued, so it cannot be replayed elsewhere or after the token
// expires; a mutable value is bound to its seq.

#include "core/crypto/Ed25519.h"
#include "core/dht/hyperdht/Records.h"

#include <QByteArray>

namespace pluresdb::dht::hyperdht {

enum class AnnounceKind { Announce, Unannounce };

// NS ‖ BLAKE2b-256(target ‖ nodeId ‖ token ‖ encode(peer) ‖ refresh-or-nothing), 64 bytes.
QByteArray announceSignable(AnnounceKind kind, const QByteArray& target, const QByteArray& nodeId,
                            const QByteArray& token, const PeerRecord& peer,
                            const std::optional<QByteArray>& refresh);
QByteArray signAnnounce(AnnounceKind kind, const QByteArray& target, const QByteArray& nodeId,
                        const QByteArray& token, const PeerRecord& peer,
                        const std::optional<QByteArray>& refresh, const crypto::KeyPair& keyPair);
// Verifies value.signature with value.peer.publicKey; false if either is missing.
bool verifyAnnounce(AnnounceKind kind, const QByteArray& target, const QByteArray& nodeId,
                    const QByteArray& token, const AnnounceValue& value);

// NS.MUTABLE_PUT ‖ BLAKE2b-256(uint(seq) ‖ buffer(value)), 64 bytes.
QByteArray mutableSignable(uint64_t seq, const QByteArray& value);
QByteArray signMutable(uint64_t seq, const QByteArray& value, const crypto::KeyPair& keyPair);
bool verifyMutable(const QByteArray& publicKey, uint64_t seq, const QByteArray& value,
                   const QByteArray& signature);

}  // namespace pluresdb::dht::hyperdht
