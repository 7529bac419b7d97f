#include "core/transport/udx/UdxStreamRegistry.h"

#include <QRandomGenerator>

namespace pluresdb::transport::udx {

UdxStreamRegistry& UdxStreamRegistry::instance() {
    static UdxStreamRegistry registry;
    return registry;
}

quint32 UdxStreamRegistry::allocate(UdxStream* stream) {
    std::lock_guard lock(m_mutex);
    for (;;) {
        const quint32 id = QRandomGenerator::global()->generate();
        if (m_streams.emplace(id, stream).second)
            return id;
    }
}

bool UdxStreamRegistry::claim(quint32 id, UdxStream* stream) {
    std::lock_guard lock(m_mutex);
    return m_streams.emplace(id, stream).second;
}

void UdxStreamRegistry::release(quint32 id, const UdxStream* stream) {
    std::lock_guard lock(m_mutex);
    auto it = m_streams.find(id);
    if (it != m_streams.end() && it->second == stream)
        m_streams.erase(it);
}

UdxStream* UdxStreamRegistry::find(quint32 id) const {
    std::lock_guard lock(m_mutex);
    auto it = m_streams.find(id);
    return it == m_streams.end() ? nullptr : it->second;
}

std::size_t UdxStreamRegistry::size() const {
    std::lock_guard lock(m_mutex);
    return m_streams.size();
}

}  // namespace pluresdb::transport::udx
