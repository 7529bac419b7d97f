#pragma once

// An in-process UDP relay on 127.0.0.1 that impairs what passes through it, standing in for
// `tc netem` (which this kernel lacks): random loss, duplication, reordering (a share of packets
// held back for extra time) and fixed added latency, set per direction.
//
//   endpoint A  <->  [front socket | relay | back socket]  <->  endpoint B
// A sends to frontPort(); B sends to backPort() (or learns it from the first packet). The relay
// learns A's address from A's first datagram; B's address is given.

#include <QElapsedTimer>
#include <QHostAddress>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTimer>
#include <QUdpSocket>
#include <QVariant>

#include <map>

namespace pluresdb::test::udx {

struct Impairment {
    double loss = 0;       // probability a datagram is dropped
    double duplicate = 0;  // probability it is sent twice
    double reorder = 0;    // probability it is held back by reorderDelayMs
    int reorderDelayMs = 3;
    int latencyMs = 0;  // added to every datagram
};

class ImpairingRelay : public QObject {
public:
    ImpairingRelay(Impairment toB, Impairment toA, quint16 bPort, quint32 seed = 1)
        : m_toB(toB), m_toA(toA), m_bPort(bPort), m_rng(seed) {
        for (QUdpSocket* s : {&m_front, &m_back}) {
            s->bind(QHostAddress::LocalHost, 0);
            s->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, QVariant(8 * 1024 * 1024));
            s->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, QVariant(8 * 1024 * 1024));
        }
        connect(&m_front, &QUdpSocket::readyRead, this, [this] { pump(m_front, true); });
        connect(&m_back, &QUdpSocket::readyRead, this, [this] { pump(m_back, false); });
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, &ImpairingRelay::release);
        m_clock.start();
    }
    quint16 frontPort() const { return m_front.localPort(); }
    quint16 backPort() const { return m_back.localPort(); }
    void setBPort(quint16 p) { m_bPort = p; }
    quint64 dropped() const { return m_dropped; }
    quint64 forwarded() const { return m_forwarded; }

private:
    struct Held {
        QByteArray data;
        bool toB;
    };

    void pump(QUdpSocket& s, bool fromA) {
        while (s.hasPendingDatagrams()) {
            QNetworkDatagram d = s.receiveDatagram(4096);
            if (fromA)
                m_aPort = quint16(d.senderPort());
            else if (m_bPort == 0)
                m_bPort = quint16(d.senderPort());
            const Impairment& imp = fromA ? m_toB : m_toA;
            if (m_rng.generateDouble() < imp.loss) {
                ++m_dropped;
                continue;
            }
            const int copies = m_rng.generateDouble() < imp.duplicate ? 2 : 1;
            int delay = imp.latencyMs;
            if (m_rng.generateDouble() < imp.reorder)
                delay += imp.reorderDelayMs;
            for (int c = 0; c < copies; ++c) {
                if (delay == 0)
                    send(d.data(), fromA);
                else
                    m_held.emplace(m_clock.elapsed() + delay, Held{d.data(), fromA});
            }
        }
        armTimer();
    }
    void send(const QByteArray& data, bool toB) {
        ++m_forwarded;
        if (toB)
            m_back.writeDatagram(data, QHostAddress::LocalHost, m_bPort);
        else if (m_aPort)
            m_front.writeDatagram(data, QHostAddress::LocalHost, m_aPort);
    }
    void release() {
        const qint64 now = m_clock.elapsed();
        while (!m_held.empty() && m_held.begin()->first <= now) {
            send(m_held.begin()->second.data, m_held.begin()->second.toB);
            m_held.erase(m_held.begin());
        }
        armTimer();
    }
    void armTimer() {
        if (m_held.empty())
            return;
        const qint64 wait = std::max<qint64>(0, m_held.begin()->first - m_clock.elapsed());
        if (!m_timer.isActive() || m_timer.remainingTime() > wait)
            m_timer.start(int(wait));
    }

    Impairment m_toB, m_toA;
    quint16 m_bPort = 0;
    quint16 m_aPort = 0;
    QRandomGenerator m_rng;
    QUdpSocket m_front, m_back;
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::multimap<qint64, Held> m_held;
    quint64 m_dropped = 0;
    quint64 m_forwarded = 0;
};

}  // namespace pluresdb::test::udx
