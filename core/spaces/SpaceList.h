#pragma once

// The spaces this device belongs to (ARCHITECTURE.md §1): for each, an id, the name the user sees,
// the swarm topic, and where its database lives. The list is a small JSON file in the data
// directory (spaces.json); the sync keys themselves are never in it: they live in the keychain
// (keys::KeyStore, entry sync-key/<space id>). The topic is public anyway (it is what the DHT sees),
// and lets the app tell that an invite is for a space it already has.
//
// The file is outside input: a damaged one gives a clear error, never a crash, and is not
// overwritten until the user acts.

#include "core/common/Result.h"

#include <QString>

#include <optional>
#include <vector>

namespace pluresdb::spaces {

struct Space {
    QString id;        // 16 lowercase hex, random; names the database folder and the keychain entry
    QString name;      // what the user calls it
    QString topicHex;  // SHA-256 of the 64 lowercase hex characters of the sync key
    qint64 createdMs = 0;
};

// The swarm topic of a sync key (ARCHITECTURE.md §4): SHA-256 of its 64 lowercase hex characters.
QString topicForKey(const QString& normalisedKey);

class SpaceList {
public:
    static constexpr const char* kFileName = "spaces.json";
    static constexpr int kMaxNameLength = 200;

    // Reads <dataRoot>/spaces.json; a missing file is an empty list.
    static Result<SpaceList> load(const QString& dataRoot);
    // Decodes the file's bytes (exposed for the fuzz target).
    static Result<std::vector<Space>> decode(const QByteArray& json);

    const std::vector<Space>& spaces() const { return m_spaces; }
    std::optional<Space> find(const QString& id) const;
    std::optional<Space> findByTopic(const QString& topicHex) const;
    QString databaseDir(const QString& id) const;  // <dataRoot>/spaces/<id>
    QString dataRoot() const { return m_root; }

    // Each change is written to disk at once (atomically) before it returns.
    Result<Space> add(const QString& name, const QString& normalisedKey);
    Result<void> rename(const QString& id, const QString& name);
    Result<void> remove(const QString& id);

private:
    explicit SpaceList(QString root) : m_root(std::move(root)) {}
    Result<void> save() const;
    static Result<QString> checkName(const QString& name);

    QString m_root;
    std::vector<Space> m_spaces;
};

}  // namespace pluresdb::spaces
