#include "core/api/SyncStatus.h"

namespace pluresdb {

SyncStatus::SyncStatus(QObject* parent) : QObject(parent) {
    qRegisterMetaType<SyncStatus::DhtState>("pluresdb::SyncStatus::DhtState");
    qRegisterMetaType<SyncStatus::Space>("pluresdb::SyncStatus::Space");
}

void SyncStatus::setDhtState(DhtState state) {
    if (state == m_dht)
        return;
    m_dht = state;
    emit changed();
}

void SyncStatus::setSpace(const QString& spaceId, const Space& status) {
    if (auto it = m_spaces.find(spaceId); it != m_spaces.end() && *it == status)
        return;
    m_spaces.insert(spaceId, status);
    emit changed();
}

void SyncStatus::clearSpace(const QString& spaceId) {
    if (m_spaces.remove(spaceId) > 0)
        emit changed();
}

}  // namespace pluresdb
