#pragma once

// A space's sync over Hyperswarm (issue #7): one Swarm on its own HyperDht per syncing space,
// joined (server + client) on topic = SHA-256 of the key's 64 lowercase hex characters; every
// swarm connection becomes a SyncNode session (addSecretStream) with a PeerLink of kind "swarm"
// saying how the connection was made. Peers the node refused (no key proof) are banned in the
// swarm, so they are not redialled while the node runs. Engine thread.

#include "core/common/Result.h"
#include "core/swarm/Swarm.h"

#include <QObject>

#include <memory>
#include <vector>

namespace pluresdb::sync {

class SyncNode;

// The swarm topic of a (normalised, 64 lowercase hex) sync key.
QByteArray swarmTopicForKey(const QString& normalisedKey);

class SwarmSync : public QObject {
    Q_OBJECT
public:
    struct Options {
        std::vector<QString> bootstrap;  // empty: the public hyperdht bootstrap nodes
        QString host = QStringLiteral("0.0.0.0");
    };
    static Result<std::unique_ptr<SwarmSync>> start(SyncNode& node, const QString& normalisedKey,
                                                    const Options& options);
    ~SwarmSync() override;

    // Leaves the topic (unannounces) and closes the DHT; done() afterwards.
    void stop(std::function<void()> done);

    swarm::Swarm& swarm() { return *m_swarm; }
    QByteArray topic() const { return m_topic; }

signals:
    // DHT and connection activity for the sync debugger (kinds: lookup, announce, unannounce,
    // listen, connect, connect-failed, duplicate, refused, banned, step:<ConnectStep kind>).
    void trace(const QString& kind, const QString& keyHex, const QString& detail);

private:
    SwarmSync() = default;
    std::unique_ptr<swarm::Swarm> m_swarm;
    QByteArray m_topic;
};

}  // namespace pluresdb::sync
