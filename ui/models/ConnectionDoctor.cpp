#include "ui/models/ConnectionDoctor.h"

namespace pluresdb::ui {

using namespace api::trace;

void ConnectionDoctor::explain(const QString& kind, const QString& message, QString* cause, QString* advice) {
    const QString m = message.toLower();
    if (kind == QLatin1String(kAdmissionFailed)) {
        if (m.contains(QLatin1String("json"))) {
            *cause =
                tr("Admission failed: the peer speaks the PluresDB 2.x JSON protocol, which cannot "
                   "prove the space's key, and 2.x peers are not allowed in this space.");
            *advice =
                tr("Upgrade the peer to PluresDB 3, or allow PluresDB 2.x JSON peers in the space's "
                   "settings if you trust everyone who can reach this device.");
        } else if (m.contains(QLatin1String("version"))) {
            *cause = tr("Admission failed: the peer speaks another version of the sync protocol.");
            *advice = tr("Update both devices to the same PluresDB version.");
        } else {
            *cause =
                tr("Admission failed: the peer does not hold this space's key (its proof of key "
                   "possession did not verify). It reached us, but it is in another space or has a "
                   "wrong key.");
            *advice =
                tr("Share the space again (Space › Share) and have the peer join with that invite; "
                   "check that both devices show the same space. Refused peers are not redialled "
                   "until sync restarts.");
        }
        return;
    }
    if (m.contains(QLatin1String("connection refused"))) {
        *cause =
            tr("Nothing accepts connections at that address: the other device is not running, or "
               "does not serve sync on that port.");
        *advice =
            tr("Start PluresDB on the other device, check the address and port in the network "
               "settings, and that it serves the WebSocket mesh.");
    } else if (m.contains(QLatin1String("host not found")) || m.contains(QLatin1String("not resolve"))) {
        *cause = tr("The host name could not be resolved.");
        *advice = tr("Check the spelling of the address, or use an IP address.");
    } else if (m.contains(QLatin1String("timed out")) || m.contains(QLatin1String("timeout"))) {
        *cause =
            tr("The peer did not answer in time: a firewall may drop the packets, or the address is "
               "wrong.");
        *advice =
            tr("Check firewalls on both devices and on the network; try the LAN address when both "
               "are on the same network.");
    } else if (m.contains(QLatin1String("peer_not_found")) || m.contains(QLatin1String("not found"))) {
        *cause =
            tr("The peer is not announced on the DHT: it is offline, in another space, or uses other "
               "bootstrap nodes.");
        *advice =
            tr("Make sure the peer is online with this space open, and that both use the same "
               "bootstrap nodes (Settings › Network).");
    } else if (m.contains(QLatin1String("holepunch")) || m.contains(QLatin1String("random"))) {
        *cause =
            tr("Holepunching failed: both devices are behind NATs that change ports for every "
               "destination (random), so no direct path could be found.");
        *advice =
            tr("Use a relay, or put one of the devices on a network with a consistent NAT (most home "
               "routers) or with a forwarded port.");
    } else {
        *cause = tr("The connection failed: %1").arg(message);
        *advice =
            tr("Check that the other device is online and in the same space; the debugger's "
               "timeline shows the steps before the failure.");
    }
}

Diagnosis ConnectionDoctor::diagnose(const QString& peerId, const std::vector<api::TraceEvent>& events) {
    Diagnosis d;
    qint64 start = 0;
    bool channel = false;
    for (const auto& e : events) {
        if (e.peerId != peerId || e.isOp())
            continue;
        if (start == 0)
            start = e.atMs;
        DoctorStep s;
        s.atMs = e.atMs - start;
        s.detail = e.detail;
        const QString& k = e.kind;
        if (k == QLatin1String(kFindPeer) || k == QLatin1String(kDhtLookup)) {
            s.title = tr("Look up the peer on the DHT");
        } else if (k == QLatin1String(kDhtAnnounce)) {
            s.title = tr("Announce on the DHT");
        } else if (k == QLatin1String(kHandshake)) {
            s.title = tr("Handshake through a relay node");
        } else if (k == QLatin1String(kNat)) {
            s.title = tr("NAT classes");
        } else if (k == QLatin1String(kPunchRound)) {
            s.title = tr("Holepunch round");
        } else if (k == QLatin1String(kLanPing)) {
            s.title = tr("Try the local network");
        } else if (k == QLatin1String(kPath)) {
            s.title = tr("Connection path");
            s.state = DoctorStep::State::Ok;
        } else if (k == QLatin1String(kConnected) || k == QLatin1String(kAdmissionFailed)) {
            // A sync session exists only once the encrypted channel (Noise) is up.
            if (!channel) {
                d.steps.push_back({tr("Encrypted channel (Noise handshake)"),
                                   k == QLatin1String(kConnected) ? e.detail : QString(), s.atMs,
                                   DoctorStep::State::Ok});
                channel = true;
            }
            if (k == QLatin1String(kConnected)) {
                s.title = tr("Key proof accepted");
                s.detail.clear();
                s.state = DoctorStep::State::Ok;
                d.verdict = Diagnosis::Verdict::Connected;
                d.cause.clear();
                d.advice.clear();
            } else {
                s.title = tr("Key proof failed");
                s.state = DoctorStep::State::Failed;
                d.verdict = Diagnosis::Verdict::Failed;
                explain(k, e.detail, &d.cause, &d.advice);
            }
        } else if (k == QLatin1String(kInSync)) {
            // Sessions say so after every catch-up: one step until something else happens.
            if (!d.steps.empty() && d.steps.back().title == tr("In sync (state digests equal)"))
                continue;
            s.title = tr("In sync (state digests equal)");
            s.state = DoctorStep::State::Ok;
            d.verdict = Diagnosis::Verdict::InSync;
        } else if (k == QLatin1String(kDisconnected)) {
            s.title = tr("Disconnected");
            channel = false;
            if (d.verdict != Diagnosis::Verdict::Failed)
                d.verdict = Diagnosis::Verdict::Disconnected;
        } else if (k == QLatin1String(kError)) {
            s.title = tr("Error");
            s.state = DoctorStep::State::Failed;
            if (d.verdict != Diagnosis::Verdict::Connected && d.verdict != Diagnosis::Verdict::InSync) {
                d.verdict = Diagnosis::Verdict::Failed;
                explain(k, e.detail, &d.cause, &d.advice);
            }
        } else {
            s.title = k;
        }
        d.steps.push_back(std::move(s));
    }
    switch (d.verdict) {
        case Diagnosis::Verdict::Unknown:
            d.summary = tr("No connection attempt seen yet.");
            break;
        case Diagnosis::Verdict::Connected:
            d.summary = tr("Connected; catching up.");
            break;
        case Diagnosis::Verdict::InSync:
            d.summary = tr("Connected and in sync.");
            break;
        case Diagnosis::Verdict::Failed:
            d.summary = tr("Cannot sync with this peer.");
            break;
        case Diagnosis::Verdict::Disconnected:
            d.summary = tr("Was connected; now disconnected.");
            break;
    }
    return d;
}

}  // namespace pluresdb::ui
