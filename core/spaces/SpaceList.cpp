#include "core/spaces/SpaceList.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sodium.h>

#include <cmath>

namespace pluresdb::spaces {

namespace {

constexpr int kFormatVersion = 1;
constexpr qsizetype kMaxFileBytes = 4 * 1024 * 1024;

bool isLowerHex(const QString& s, int length) {
    if (s.size() != length)
        return false;
    for (QChar c : s) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

// The translation context of this file's messages (Q_DECLARE_TR_FUNCTIONS is what lupdate reads; a
// free tr() helper is invisible to it).
struct Messages {
    Q_DECLARE_TR_FUNCTIONS(pluresdb::spaces::SpaceList)
};

}  // namespace

QString topicForKey(const QString& normalisedKey) {
    return QString::fromLatin1(
        QCryptographicHash::hash(normalisedKey.toLatin1(), QCryptographicHash::Sha256).toHex());
}

Result<std::vector<Space>> SpaceList::decode(const QByteArray& json) {
    const auto damaged = [](const QString& why) {
        return makeError(
            Messages::tr("the list of spaces (%1) is damaged: %2").arg(QLatin1String(kFileName), why));
    };
    if (json.size() > kMaxFileBytes)
        return damaged(Messages::tr("it is too large"));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return damaged(err.errorString());
    if (!doc.isObject())
        return damaged(Messages::tr("not a JSON object"));
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("version")).toInt(-1) != kFormatVersion) {
        return damaged(Messages::tr("unknown format version"));
    }
    std::vector<Space> out;
    const QJsonValue list = root.value(QLatin1String("spaces"));
    if (!list.isArray())
        return damaged(Messages::tr("no list of spaces"));
    for (const QJsonValue& v : list.toArray()) {
        const QJsonObject o = v.toObject();
        Space s;
        s.id = o.value(QLatin1String("id")).toString();
        s.name = o.value(QLatin1String("name")).toString();
        s.topicHex = o.value(QLatin1String("topic")).toString();
        // A creation time out of range (or missing) is shown as unknown (0), like a missing one;
        // converting it would be undefined behaviour (found by fuzz_space_list).
        const double created = o.value(QLatin1String("created")).toDouble();
        s.createdMs = std::isfinite(created) && std::abs(created) < 9.0e15 ? static_cast<qint64>(created) : 0;
        if (!isLowerHex(s.id, 16) || !isLowerHex(s.topicHex, 64) || s.name.isEmpty() ||
            s.name.size() > kMaxNameLength) {
            return damaged(Messages::tr("an entry is incomplete"));
        }
        for (const Space& other : out) {
            if (other.id == s.id)
                return damaged(Messages::tr("two entries have the same id"));
        }
        out.push_back(std::move(s));
    }
    return out;
}

Result<SpaceList> SpaceList::load(const QString& dataRoot) {
    SpaceList list(dataRoot);
    QFile f(QDir(dataRoot).filePath(QLatin1String(kFileName)));
    if (!f.exists())
        return list;
    if (!f.open(QIODevice::ReadOnly)) {
        return makeError(Messages::tr("cannot read %1: %2").arg(f.fileName(), f.errorString()));
    }
    auto spaces = decode(f.read(kMaxFileBytes + 1));
    if (!spaces)
        return spaces.error();
    list.m_spaces = std::move(spaces).value();
    return list;
}

std::optional<Space> SpaceList::find(const QString& id) const {
    for (const Space& s : m_spaces) {
        if (s.id == id)
            return s;
    }
    return std::nullopt;
}

std::optional<Space> SpaceList::findByTopic(const QString& topicHex) const {
    for (const Space& s : m_spaces) {
        if (s.topicHex == topicHex)
            return s;
    }
    return std::nullopt;
}

QString SpaceList::databaseDir(const QString& id) const {
    return QDir(m_root).filePath(QStringLiteral("spaces/") + id);
}

Result<QString> SpaceList::checkName(const QString& name) {
    const QString n = name.simplified();
    if (n.isEmpty())
        return makeError(Messages::tr("a space needs a name"));
    if (n.size() > kMaxNameLength)
        return makeError(Messages::tr("a space name has at most %1 characters").arg(kMaxNameLength));
    return n;
}

Result<Space> SpaceList::add(const QString& name, const QString& normalisedKey) {
    auto n = checkName(name);
    if (!n)
        return n.error();
    if (!isLowerHex(normalisedKey, 64))
        return makeError(Messages::tr("the sync key is not 64 lowercase hex characters"));
    const QString topic = topicForKey(normalisedKey);
    if (auto existing = findByTopic(topic)) {
        return makeError(Messages::tr("you are already in this space (\"%1\")").arg(existing->name));
    }
    if (sodium_init() < 0)
        return makeError(Messages::tr("libsodium failed to initialise."));
    unsigned char raw[8];
    randombytes_buf(raw, sizeof raw);
    Space s{QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(raw), sizeof raw).toHex()), *n,
            topic, QDateTime::currentMSecsSinceEpoch()};
    m_spaces.push_back(s);
    if (auto r = save(); !r) {
        m_spaces.pop_back();
        return r.error();
    }
    return s;
}

Result<void> SpaceList::rename(const QString& id, const QString& name) {
    auto n = checkName(name);
    if (!n)
        return n.error();
    for (Space& s : m_spaces) {
        if (s.id != id)
            continue;
        const QString before = s.name;
        s.name = *n;
        if (auto r = save(); !r) {
            s.name = before;
            return r;
        }
        return {};
    }
    return makeError(Messages::tr("no such space"));
}

Result<void> SpaceList::remove(const QString& id) {
    const auto before = m_spaces;
    std::erase_if(m_spaces, [&](const Space& s) { return s.id == id; });
    if (m_spaces.size() == before.size())
        return makeError(Messages::tr("no such space"));
    if (auto r = save(); !r) {
        m_spaces = before;
        return r;
    }
    return {};
}

Result<void> SpaceList::save() const {
    if (!QDir().mkpath(m_root))
        return makeError(Messages::tr("cannot create %1").arg(m_root));
    QJsonArray list;
    for (const Space& s : m_spaces) {
        list.append(QJsonObject{{"id", s.id},
                                {"name", s.name},
                                {"topic", s.topicHex},
                                {"created", static_cast<double>(s.createdMs)}});
    }
    QSaveFile f(QDir(m_root).filePath(QLatin1String(kFileName)));
    if (!f.open(QIODevice::WriteOnly))
        return makeError(Messages::tr("cannot write %1: %2").arg(f.fileName(), f.errorString()));
    f.write(QJsonDocument(QJsonObject{{"version", kFormatVersion}, {"spaces", list}})
                .toJson(QJsonDocument::Indented));
    if (!f.commit())
        return makeError(Messages::tr("cannot write %1: %2").arg(f.fileName(), f.errorString()));
    return {};
}

}  // namespace pluresdb::spaces
