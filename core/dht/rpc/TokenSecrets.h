#pragma once

// Rotating write tokens (spec/hyperdht.md §2.4). A token binds the requester's host (not its
// port) to one of this node's two secrets, so a node only accepts a write from an address that has
// recently queried it. Time is driven from outside: the owner calls tick() every kTickMs (750 ms)
// and the secrets rotate on every kTicksPerTokenRotation-th tick, so a token stays valid 7.5–15 s.

#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>

namespace pluresdb::dht::rpc {

class TokenSecrets {
public:
    // Two fresh secrets from the CSPRNG.
    TokenSecrets();
    // Given secrets (tests and the V3 vectors); each must be 32 bytes.
    TokenSecrets(const crypto::SecureBytes& older, const crypto::SecureBytes& newer);

    // BLAKE2b-256(input = dotted host, key = secret): the newer secret issues tokens for replies.
    QByteArray issue(const QString& host) const;
    // Accepts a token made with either secret (constant-time comparison).
    bool validate(const QString& host, const QByteArray& token) const;
    // The 750 ms tick; rotates on every 10th.
    void tick();
    // secrets[0] := secrets[1]; secrets[1] := BLAKE2b-256(old secrets[0]).
    void rotate();

private:
    QByteArray tokenWith(const crypto::SecureBytes& secret, const QString& host) const;

    crypto::SecureBytes m_secrets[2];
    int m_ticks = 0;
};

}  // namespace pluresdb::dht::rpc
