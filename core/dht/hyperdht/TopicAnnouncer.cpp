#include "core/dht/hyperdht/TopicAnnouncer.h"

#include "core/crypto/Hash.h"

namespace pluresdb::dht::hyperdht {

TopicAnnouncer::TopicAnnouncer(HyperDht& dht, QByteArray topic, crypto::KeyPair keyPair, int intervalMs,
                               QObject* parent)
    : QObject(parent),
      m_dht(dht),
      m_topic(std::move(topic)),
      m_keyPair(std::move(keyPair)),
      m_intervalMs(intervalMs) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TopicAnnouncer::runRound);
}

void TopicAnnouncer::start() {
    if (m_running)
        return;
    m_running = true;
    runRound();
}

void TopicAnnouncer::runRound() {
    if (!m_running || m_inRound)
        return;
    m_inRound = true;
    std::weak_ptr<bool> alive = m_alive;
    m_dht.announceSelf(m_keyPair, [this, alive](const AnnounceSelfResult& self) {
        if (alive.expired() || !m_running) {
            if (!alive.expired())
                m_inRound = false;
            return;
        }
        // Without relays the topic record still names the key; a later round adds them.
        if (!self.relayAddresses.empty())
            m_relayAddresses = self.relayAddresses;
        const int selfCommits = self.commit.committed;
        m_dht.announce(m_topic, m_keyPair, m_relayAddresses,
                       [this, alive, selfCommits](const CommitResult& r) {
                           if (alive.expired())
                               return;
                           m_inRound = false;
                           if (!m_running)
                               return;
                           if (r.ok) {
                               ++m_rounds;
                               m_timer.start(m_intervalMs);
                               emit announced(AnnounceRound{r.committed, selfCommits, m_relayAddresses});
                           } else {
                               m_timer.start(std::min(kAnnounceRetryMs, m_intervalMs));
                               emit roundFailed(r.error);
                           }
                       });
    });
}

void TopicAnnouncer::stop(std::function<void()> done) {
    m_running = false;
    m_timer.stop();
    std::weak_ptr<bool> alive = m_alive;
    const crypto::KeyPair keys = m_keyPair;
    HyperDht* dht = &m_dht;
    // Unannounce the topic, then the announce-self record.
    m_dht.unannounce(m_topic, keys, [dht, keys, done = std::move(done)](const CommitResult&) {
        dht->unannounce(crypto::blake2b(keys.publicKey), keys, [done](const CommitResult&) {
            if (done)
                done();
        });
    });
}

}  // namespace pluresdb::dht::hyperdht
