#include "core/crypto/SecureBytes.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

#include <cstring>
#include <mutex>
#include <new>
#include <vector>

namespace pluresdb::crypto {

namespace {

// Small secrets (keys, chaining keys, HMAC pads, cipher states) come from slabs of libsodium-guarded
// memory (sodium_malloc: mlocked, guard pages around each slab) carved into fixed slots. A Noise
// handshake creates ~100 short-lived secrets; one sodium_malloc each (mmap + mprotect + mlock) made a
// handshake cost ~15x more than the cryptography itself. Freed slots are wiped before reuse; larger
// secrets get their own sodium_malloc. Slabs are never returned (bounded by peak use).
constexpr std::size_t kSlotBytes = 128;
constexpr std::size_t kSlotsPerSlab = 1024;

class SlotPool {
public:
    uint8_t* take() {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_free.empty())
            grow();
        if (m_free.empty())
            return nullptr;
        uint8_t* p = m_free.back();
        m_free.pop_back();
        return p;
    }
    void give(uint8_t* p) {
        sodium_memzero(p, kSlotBytes);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_free.push_back(p);
    }

private:
    void grow() {
        auto* slab = static_cast<uint8_t*>(sodium_malloc(kSlotBytes * kSlotsPerSlab));
        if (!slab)
            return;
        sodium_memzero(slab, kSlotBytes * kSlotsPerSlab);
        m_free.reserve(m_free.size() + kSlotsPerSlab);
        for (std::size_t i = 0; i < kSlotsPerSlab; ++i)
            m_free.push_back(slab + i * kSlotBytes);
    }

    std::mutex m_mutex;
    std::vector<uint8_t*> m_free;
};

SlotPool& pool() {
    static SlotPool* p = new SlotPool;  // never destroyed: secrets may be freed during static destruction
    return *p;
}

}  // namespace

SecureBytes::SecureBytes(std::size_t size) : m_size(size) {
    if (size == 0)
        return;
    ensureSodium();
    m_data = size <= kSlotBytes ? pool().take() : static_cast<uint8_t*>(sodium_malloc(size));
    if (!m_data)
        throw std::bad_alloc();  // out of locked memory is as fatal as out of memory
    sodium_memzero(m_data, size);
}

SecureBytes SecureBytes::fromBytes(const void* data, std::size_t size) {
    SecureBytes s(size);
    if (size)
        std::memcpy(s.m_data, data, size);
    return s;
}

SecureBytes::~SecureBytes() {
    release();
}

void SecureBytes::release() {
    if (m_data) {
        if (m_size <= kSlotBytes)
            pool().give(m_data);  // wiped there
        else
            sodium_free(m_data);  // sodium_free wipes before unmapping
    }
    m_data = nullptr;
    m_size = 0;
}

SecureBytes::SecureBytes(const SecureBytes& other) : SecureBytes(fromBytes(other.m_data, other.m_size)) {}

SecureBytes& SecureBytes::operator=(const SecureBytes& other) {
    if (this != &other)
        *this = fromBytes(other.m_data, other.m_size);
    return *this;
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept : m_data(other.m_data), m_size(other.m_size) {
    other.m_data = nullptr;
    other.m_size = 0;
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept {
    if (this != &other) {
        release();
        m_data = other.m_data;
        m_size = other.m_size;
        other.m_data = nullptr;
        other.m_size = 0;
    }
    return *this;
}

QByteArray SecureBytes::toByteArray() const {
    return QByteArray(reinterpret_cast<const char*>(m_data), static_cast<qsizetype>(m_size));
}

bool SecureBytes::equals(const SecureBytes& other) const {
    if (m_size != other.m_size)
        return false;
    return m_size == 0 || sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

}  // namespace pluresdb::crypto
