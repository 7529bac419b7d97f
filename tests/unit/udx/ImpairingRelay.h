#pragma once

// An in-process UDP relay on 127.0.0.1 that impairs what passes through it, standing in for
// `tc netem` (which this kernel lacks): random loss, duplication, reordering (a share of packets
// held back for extra time) and fixed added latency, set per direction.
//
//   endpoint A  <->  [front socket | relay | back socket]  <->  endpoint B
// A sends to frontPort(); B sends to backPort() (or learns it from the first packet). The relay
// learns A's address from A's first datagram; B's address is given.
// With PLURESDB_UDX_TRACE=1 it remembers what it did with the last 4096 datagrams (UDX header
// fields decoded); trace() prints them, for a test to show when a transfer stalls.

#include <QElapsedTimer>
#include <QHostAddress>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTimer>
#include <QUdpSocket>
#include <QVariant>

#include <map>
#include <vector>

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
        if (qEnvironmentVariableIntValue("PLURESDB_UDX_TRACE") == 1)
            m_trace.resize(4096);
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

    // The last `count` datagrams (none unless PLURESDB_UDX_TRACE=1), oldest first:
    // time, direction, fate (drop, fwd, dup = sent twice, held = delayed) and the UDX header.
    QString trace(std::size_t count = 200) const {
        QString out;
        const qint64 now = m_clock.elapsed();
        for (std::size_t k = 0; k < m_trace.size(); ++k) {
            const Record& r = m_trace[(m_traceNext + k) % m_trace.size()];
            if (r.fate == 0 || k + count < m_trace.size())
                continue;
            static const char* fates[] = {"", "drop", "fwd", "dup", "held"};
            out += QStringLiteral("    %1 ms ago %2 %3 len %4 type 0x%5 id %6 seq %7 ack %8\n")
                       .arg(now - r.ms, 6)
                       .arg(r.toB ? QLatin1String("A->B") : QLatin1String("B->A"))
                       .arg(QLatin1String(fates[r.fate]), 4)
                       .arg(r.len, 4)
                       .arg(r.type, 2, 16, QLatin1Char('0'))
                       .arg(r.id)
                       .arg(r.seq)
                       .arg(r.ack);
        }
        return out;
    }

private:
    struct Record {
        qint64 ms = 0;
        bool toB = false;
        quint8 fate = 0;  // 1 drop, 2 forwarded, 3 duplicated, 4 held back
        quint8 type = 0;
        int len = 0;
        quint32 id = 0, seq = 0, ack = 0;
    };
    static quint32 le32(const QByteArray& d, int at) {
        const auto* p = reinterpret_cast<const uchar*>(d.constData()) + at;
        return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
    }
    void record(const QByteArray& d, bool toB, quint8 fate) {
        if (m_trace.empty())
            return;
        Record r{m_clock.elapsed(), toB, fate, 0, int(d.size())};
        if (d.size() >= 20) {
            r.type = quint8(d[2]);
            r.id = le32(d, 4);
            r.seq = le32(d, 12);
            r.ack = le32(d, 16);
        }
        m_trace[m_traceNext] = r;
        m_traceNext = (m_traceNext + 1) % m_trace.size();
    }
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
                record(d.data(), fromA, 1);
                continue;
            }
            const int copies = m_rng.generateDouble() < imp.duplicate ? 2 : 1;
            int delay = imp.latencyMs;
            const bool held = m_rng.generateDouble() < imp.reorder;
            if (held)
                delay += imp.reorderDelayMs;
            record(d.data(), fromA, held ? 4 : copies == 2 ? 3 : 2);
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
    std::vector<Record> m_trace;
    std::size_t m_traceNext = 0;
};

}  // namespace pluresdb::test::udx
