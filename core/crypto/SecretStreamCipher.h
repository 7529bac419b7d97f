#pragma once

// libsodium's crypto_secretstream_xchacha20poly1305, one direction each: the record cipher of
// @hyperswarm/secret-stream (connection.md §5.3–§5.4). The state lives in guarded memory.

#include "core/common/Result.h"
#include "core/crypto/SecureBytes.h"

#include <QByteArray>

namespace pluresdb::crypto {

inline constexpr int kSecretStreamHeaderBytes = 24;
inline constexpr int kSecretStreamABytes = 17;  // encrypted tag(1) + MAC(16)
inline constexpr int kSecretStreamKeyBytes = 32;

class SecretStreamPush {
public:
    SecretStreamPush();
    // Random header (init_push). Returns the 24-byte header to send.
    QByteArray init(const SecureBytes& key);
    // A chosen header: the state init_pull derives equals init_push's for that header
    // (connection.md §5.9). For deterministic tests only.
    bool initWithHeader(const SecureBytes& key, const QByteArray& header);
    // Encrypts `len` bytes into `out` (len + 17 bytes), tag MESSAGE, no additional data.
    void push(const char* in, qsizetype len, char* out);
    QByteArray push(const QByteArray& plaintext);

private:
    SecureBytes m_state;
};

class SecretStreamPull {
public:
    SecretStreamPull();
    bool init(const SecureBytes& key, const QByteArray& header);
    // Decrypts `len` (>= 17) bytes into `out` (len - 17 bytes). False on a forged/replayed/reordered record.
    bool pull(const char* in, qsizetype len, char* out);
    Result<QByteArray> pull(const QByteArray& ciphertext);

private:
    SecureBytes m_state;
};

}  // namespace pluresdb::crypto
