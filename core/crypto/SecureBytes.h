#pragma once

// Secret key material in libsodium-guarded memory (sodium_malloc: guard pages, mlock, canary) that is
// wiped when freed. Secrets never live in QByteArray, whose buffers are copied and freed unwiped.

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace pluresdb::crypto {

class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);  // zero-filled
    static SecureBytes fromBytes(const void* data, std::size_t size);
    static SecureBytes fromByteArray(const QByteArray& bytes) {
        return fromBytes(bytes.constData(), bytes.size());
    }
    ~SecureBytes();

    SecureBytes(const SecureBytes& other);
    SecureBytes& operator=(const SecureBytes& other);
    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;

    uint8_t* data() { return m_data; }
    const uint8_t* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // A copy in ordinary memory: for tests and for values that stop being secret (e.g. to print).
    QByteArray toByteArray() const;
    // Constant-time comparison.
    bool equals(const SecureBytes& other) const;

private:
    void release();

    uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
};

}  // namespace pluresdb::crypto
