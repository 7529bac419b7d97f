#pragma once

// What the status bar says about sync: the DHT's state, and per space how many peers are connected
// and whether this device is in sync with them (state digests equal). The sync engine (issue #7)
// feeds it from its own thread through queued calls to the setters; the UI reads it on the GUI thread
// and redraws on changed(). Until an engine runs, the state is Stopped and no space is enabled: the
// UI says "Sync not running" rather than show numbers nobody measured.

#include <QHash>
#include <QObject>
#include <QString>

namespace pluresdb {

class SyncStatus : public QObject {
    Q_OBJECT
public:
    enum class DhtState {
        Stopped,        // no sync engine running
        Bootstrapping,  // contacting the bootstrap nodes
        Online,         // in the DHT: lookups and announces work
        Offline,        // the engine runs but cannot reach the DHT (no network, bootstrap unreachable)
    };
    Q_ENUM(DhtState)

    struct Space {
        bool enabled = false;  // the engine syncs this space
        int peers = 0;         // connected peers that proved the key
        bool inSync = false;   // the state digest equals every connected peer's
        bool operator==(const Space&) const = default;
    };

    // Registers the types for queued calls from the engine thread.
    explicit SyncStatus(QObject* parent = nullptr);

    DhtState dhtState() const { return m_dht; }
    Space space(const QString& spaceId) const { return m_spaces.value(spaceId); }

public slots:
    void setDhtState(pluresdb::SyncStatus::DhtState state);
    void setSpace(const QString& spaceId, const pluresdb::SyncStatus::Space& status);
    void clearSpace(const QString& spaceId);  // sync stopped for the space, or the space was left

signals:
    void changed();

private:
    DhtState m_dht = DhtState::Stopped;
    QHash<QString, Space> m_spaces;
};

}  // namespace pluresdb

Q_DECLARE_METATYPE(pluresdb::SyncStatus::Space)
