// Fuzz target: the settings files read from disk (core/spaces/Settings.h): the data directory's
// desktop.ini (bootstrap nodes, WebSocket mesh) and a space's space.ini, plus the parsers of the
// text a user types into the settings page. Input byte 0 picks which: 0 desktop.ini, 1 space.ini,
// 2 a bootstrap list, 3 a list of WebSocket URLs; the rest is the file or the text. Invariants:
// never crash; whatever loads validates (bad entries were replaced by defaults); loaded network
// settings save and load back equal, even from a file with lines QSettings cannot parse (corpus
// input save_unparsable; they are reported by load and mended by save); every parsed entry is
// well-formed.
#include "core/spaces/Settings.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QUrl>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace pluresdb::spaces;

namespace {
QString tempRoot() {
    return QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static QTemporaryDir dir(tempRoot() + QStringLiteral("/fuzz-settings-XXXXXX"));
    if (size > 64 * 1024)
        return 0;
    const uint8_t mode = size > 0 ? data[0] % 4 : 0;
    const QByteArray rest(reinterpret_cast<const char*>(data) + (size > 0 ? 1 : 0),
                          static_cast<qsizetype>(size > 0 ? size - 1 : 0));
    const QString root = dir.path();
    switch (mode) {
        case 0: {
            writeFile(QDir(root).filePath(QLatin1String(NetworkSettings::kFileName)), rest);
            QString problems;
            const NetworkSettings s = NetworkSettings::load(root, &problems);
            if (!s.validate())
                std::abort();
            // A file with lines QSettings cannot parse (e.g. without '=') is mended on save (a
            // .bak copy, then the good lines): the save succeeds and the settings round-trip, and
            // so does the next save. (The file may still hold a line QSettings cannot read back:
            // it writes a foreign key ending in '/' as "key\=value"; the next save mends it.)
            for (int round = 0; round < 2; ++round) {
                if (auto saved = s.save(root); !saved) {
                    std::fprintf(stderr, "save failed: %s\n", qPrintable(saved.errorMessage()));
                    std::abort();
                }
                if (!(NetworkSettings::load(root) == s)) {
                    std::fprintf(stderr, "not saved as loaded\n");
                    std::abort();
                }
            }
            break;
        }
        case 1: {
            writeFile(QDir(root).filePath(QLatin1String(SpaceSettings::kFileName)), rest);
            const SpaceSettings s = SpaceSettings::load(root);
            if (auto saved = s.save(root); !saved) {
                if (saved.errorMessage().isEmpty())
                    std::abort();
            } else if (!(SpaceSettings::load(root) == s)) {
                std::abort();
            }
            break;
        }
        case 2: {
            auto list = parseBootstrapList(QString::fromUtf8(rest));
            if (list) {
                for (const auto& n : *list) {
                    if (n.port == 0 || n.host.isEmpty())
                        std::abort();
                    auto again = parseBootstrapNode(n.toString());
                    if (!again || !(*again == n))
                        std::abort();
                }
            }
            break;
        }
        default: {
            auto urls = parseWebSocketUrls(QString::fromUtf8(rest));
            if (urls) {
                for (const auto& u : *urls) {
                    const QUrl url(u);
                    if (!url.isValid() || url.host().isEmpty() ||
                        (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")))
                        std::abort();
                }
            }
        }
    }
    return 0;
}
