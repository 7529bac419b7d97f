// Makes a data directory with a few spaces and records, for screenshots and trying the app:
//   make_demo_data DIR
// Keys go to the keychain through the app's own KeyStore (run inside a D-Bus session with an
// unlocked secret service, as scripts/screenshots.sh does). Adds nothing when DIR has spaces.
#include "core/api/Database.h"
#include "core/keys/KeyStore.h"
#include "core/keys/SyncKey.h"
#include "core/spaces/Settings.h"
#include "core/spaces/SpaceList.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>

using namespace pluresdb;

namespace {

// A colleague's device (a second replica) and this one change the roadmap's title at the same time,
// then exchange ops as sync does: the History tab shows the conflict, both values and the winner.
bool addConcurrentEdit(Database& db) {
    QTemporaryDir peerDir;
    auto peer = store::Store::open(peerDir.path());
    auto ops = db.opsSince({}, 1000);
    if (!peer || !ops || !(*peer)->merge(*ops)) return false;
    if (!(*peer)->put(QStringLiteral("note:roadmap"), QJsonObject{{"title", "Roadmap 2026"}})) return false;
    if (!db.put(QStringLiteral("note:roadmap"), QJsonObject{{"title", "Roadmap (draft)"}}).result().ok) return false;
    auto theirs = (*peer)->opsSince(*db.versionVector(), 1000);
    return theirs && db.merge(*theirs).result().ok;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: make_demo_data DIR [SYNC_KEY [WS_URL...]]\n");
        return 2;
    }
    const QString dir = QString::fromLocal8Bit(argv[1]);
    // For a live demo session (scripts/screenshots.sh): the first space gets this key and the app
    // dials these mesh peers.
    const QString demoKey = argc > 2 ? QString::fromLatin1(argv[2]) : QString();
    QStringList demoPeers;
    for (int i = 3; i < argc; ++i)
        demoPeers << QString::fromLocal8Bit(argv[i]);
    auto list = spaces::SpaceList::load(dir);
    if (!list) {
        std::fprintf(stderr, "make_demo_data: %s\n", qPrintable(list.errorMessage()));
        return 1;
    }
    if (!list->spaces().empty()) return 0;
    keys::KeyStore::Options ko;
    ko.dataDir = dir;
    keys::KeyStore keyStore(ko);
    keyStore.probe();
    if (keyStore.needsPassphrase()) {
        std::fprintf(stderr, "make_demo_data: no keychain here (%s)\n", qPrintable(keyStore.fallbackReason()));
        return 1;
    }
    struct Demo {
        const char* name;
        std::vector<std::pair<const char*, QJsonObject>> records;
    };
    const Demo demos[] = {
        {"Team notes",
         {{"note:welcome", {{"title", "Welcome to PluresDB"}, {"body", "Local-first data that syncs peer to peer."}, {"pinned", true}}},
          {"note:roadmap", {{"title", "Roadmap"}, {"items", QJsonArray{"sync", "desktop app", "installers"}}}},
          {"user:ada", {{"name", "Ada Lovelace"}, {"role", "admin"}}},
          {"user:grace", {{"name", "Grace Hopper"}, {"role", "editor"}}}}},
        {"Household", {{"shopping:milk", {{"qty", 2}, {"done", false}}}, {"shopping:bread", {{"qty", 1}, {"done", true}}}}},
        {"Field survey 2026", {{"site:001", {{"lat", 48.137}, {"lon", 11.575}, {"notes", "north slope"}}}}},
    };
    for (const Demo& d : demos) {
        const QString key = &d == &demos[0] && !demoKey.isEmpty() ? demoKey : keys::generateSyncKey();
        auto space = list->add(QString::fromUtf8(d.name), key);
        if (!space || !keyStore.storeSyncKey(space->id, key)) {
            std::fprintf(stderr, "make_demo_data: cannot add %s\n", d.name);
            return 1;
        }
        auto db = Database::open(list->databaseDir(space->id));
        if (!db) return 1;
        for (const auto& [id, data] : d.records) (*db)->put(QString::fromUtf8(id), data).waitForFinished();
        if (&d == &demos[0] && !addConcurrentEdit(**db)) return 1;
    }
    if (!demoPeers.isEmpty()) {
        spaces::NetworkSettings net;
        net.connectWebSocket = demoPeers;
        if (!net.save(dir)) {
            std::fprintf(stderr, "make_demo_data: cannot save the network settings\n");
            return 1;
        }
    }
    std::printf("demo data in %s\n", qPrintable(dir));
    return 0;
}
