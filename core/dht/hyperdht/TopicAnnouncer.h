#pragma once

// Keeps one key pair announced on one topic (spec/hyperdht.md §4.6, §12(b)): each round first
// announces the key itself (FIND_PEER → ANNOUNCE to the 3 closest, which become its relays), then
// the topic with those relay addresses (LOOKUP → ANNOUNCE to the ≤ 20 closest). Storing nodes drop
// an un-refreshed record after 13.3–26.7 min (§4.5), so rounds repeat well before that (default
// every 5 min, like the hyperdht server announcer); a failed round is retried sooner. stop()
// unannounces the topic and the key.

#include "core/dht/hyperdht/HyperDht.h"

#include <QObject>
#include <QTimer>

namespace pluresdb::dht::hyperdht {

inline constexpr int kDefaultAnnounceIntervalMs = 5 * 60 * 1000;
inline constexpr int kAnnounceRetryMs = 5 * 1000;

struct AnnounceRound {
    int topicCommits = 0;  // storing nodes that accepted the topic record
    int selfCommits = 0;   // relays that accepted the announce-self
    std::vector<encoding::Ipv4Address> relayAddresses;
};

class TopicAnnouncer : public QObject {
    Q_OBJECT
public:
    TopicAnnouncer(HyperDht& dht, QByteArray topic, crypto::KeyPair keyPair,
                   int intervalMs = kDefaultAnnounceIntervalMs, QObject* parent = nullptr);

    void start();
    // Unannounces (best effort) and calls done once that finished.
    void stop(std::function<void()> done);
    int rounds() const { return m_rounds; }
    const std::vector<encoding::Ipv4Address>& relayAddresses() const { return m_relayAddresses; }

signals:
    void announced(const pluresdb::dht::hyperdht::AnnounceRound& round);
    void roundFailed(const QString& error);

private:
    void runRound();

    HyperDht& m_dht;
    QByteArray m_topic;
    crypto::KeyPair m_keyPair;
    int m_intervalMs;
    QTimer m_timer;
    bool m_running = false;
    bool m_inRound = false;
    int m_rounds = 0;
    std::vector<encoding::Ipv4Address> m_relayAddresses;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

}  // namespace pluresdb::dht::hyperdht
