#pragma once

// Sync nodes on temporary stores, linked by in-memory secret-streams (MemoryPipe + SecretStream,
// Noise XX in band): the real protocol stack minus the sockets.

#include "core/store/Store.h"
#include "core/sync/SyncNode.h"
#include "core/transport/secretstream/SecretStream.h"
#include "tests/support/TestSupport.h"
#include "tests/unit/secretstream/MemoryPipe.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

namespace pluresdb::test {

struct SyncPeer {
    QString dir;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<sync::SyncNode> node;
    QStringList events;  // "connected", "disconnected", "complete", "refused:...", "error:..."
    int completes = 0;

    bool put(const QString& id, const QJsonObject& data) {
        return bool(node->write({store::LocalWrite{id, store::OpKind::Put, data}}));
    }
    bool remove(const QString& id) {
        return bool(node->write({store::LocalWrite{id, store::OpKind::Delete, {}}}));
    }
    QJsonObject get(const QString& id) {
        auto r = store->get(id);
        return r && r->has_value() ? (*r)->data : QJsonObject{};
    }
    QString digest() const { return store->digest().toHex(); }
};

inline std::unique_ptr<SyncPeer> makePeer(const QString& dir, const QString& key, bool legacy = false,
                                          const store::WallClock* clock = nullptr) {
    auto p = std::make_unique<SyncPeer>();
    p->dir = dir;
    store::Store::Options so;
    so.durability = store::Store::Durability::Normal;
    so.clock = clock;
    auto st = store::Store::open(dir, so);
    if (!st)
        qFatal("open store: %s", qPrintable(st.errorMessage()));
    p->store = std::move(st).value();
    sync::SyncNode::Options o;
    o.legacyJson = legacy;
    o.clock = clock;
    auto n = sync::SyncNode::create(*p->store, key, o);
    if (!n)
        qFatal("create node: %s", qPrintable(n.errorMessage()));
    p->node = std::move(n).value();
    SyncPeer* raw = p.get();
    QObject::connect(raw->node.get(), &sync::SyncNode::peerConnected, raw->node.get(),
                     [raw](const sync::PeerInfo&) { raw->events << QStringLiteral("connected"); });
    QObject::connect(
        raw->node.get(), &sync::SyncNode::peerDisconnected, raw->node.get(),
        [raw](const sync::PeerInfo&, const QString&) { raw->events << QStringLiteral("disconnected"); });
    QObject::connect(raw->node.get(), &sync::SyncNode::syncComplete, raw->node.get(),
                     [raw](const sync::PeerInfo&) {
                         raw->events << QStringLiteral("complete");
                         ++raw->completes;
                     });
    QObject::connect(raw->node.get(), &sync::SyncNode::peerRefused, raw->node.get(),
                     [raw](const sync::PeerInfo&, const QString& why) {
                         raw->events << QStringLiteral("refused:") + why;
                     });
    QObject::connect(
        raw->node.get(), &sync::SyncNode::error, raw->node.get(),
        [raw](const QString&, const QString& m) { raw->events << QStringLiteral("error:") + m; });
    return p;
}

// A connected pair of in-memory pipes, each wrapped in a SecretStream handed to its node.
struct Link {
    QPointer<PipeEnd> a;
    QPointer<PipeEnd> b;
    void cut() {
        if (a)
            a->destroy(QStringLiteral("link cut"));
    }
};

inline Link linkPeers(SyncPeer& initiator, SyncPeer& responder) {
    auto* pa = new PipeEnd;
    auto* pb = new PipeEnd;
    PipeEnd::link(pa, pb);
    using transport::secretstream::SecretStream;
    using transport::secretstream::SecretStreamOptions;
    SecretStreamOptions oa;
    oa.isInitiator = true;
    SecretStreamOptions ob;
    ob.isInitiator = false;
    auto* sa = new SecretStream(pa, std::move(oa));
    auto* sb = new SecretStream(pb, std::move(ob));
    initiator.node->addSecretStream(sa);
    responder.node->addSecretStream(sb);
    sa->start();
    sb->start();
    return Link{pa, pb};
}

}  // namespace pluresdb::test
