#include "core/crypto/SecureBytes.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

#include <cstring>
#include <new>

namespace pluresdb::crypto {

SecureBytes::SecureBytes(std::size_t size) : m_size(size) {
    if (size == 0) return;
    ensureSodium();
    m_data = static_cast<uint8_t*>(sodium_malloc(size));
    if (!m_data) throw std::bad_alloc();  // out of locked memory is as fatal as out of memory
    sodium_memzero(m_data, size);
}

SecureBytes SecureBytes::fromBytes(const void* data, std::size_t size) {
    SecureBytes s(size);
    if (size) std::memcpy(s.m_data, data, size);
    return s;
}

SecureBytes::~SecureBytes() { release(); }

void SecureBytes::release() {
    if (m_data) sodium_free(m_data);  // sodium_free wipes before unmapping
    m_data = nullptr;
    m_size = 0;
}

SecureBytes::SecureBytes(const SecureBytes& other) : SecureBytes(fromBytes(other.m_data, other.m_size)) {}

SecureBytes& SecureBytes::operator=(const SecureBytes& other) {
    if (this != &other) *this = fromBytes(other.m_data, other.m_size);
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
    if (m_size != other.m_size) return false;
    return m_size == 0 || sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

}  // namespace pluresdb::crypto
