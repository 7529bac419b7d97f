// Fuzz target: the PluresDB 2.x JSON compatibility path (LegacyJson.h): newline-delimited JSON
// from a peer that cannot prove the key. Any bytes give an error per line or a message, never a
// crash; a decoded put maps to writes and re-encodes to a line that decodes again.
#include "core/sync/LegacyJson.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace pluresdb::sync;
    LineReader lines;
    lines.append(QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    lines.append("\n");
    for (int i = 0; i < 64; ++i) {
        auto l = lines.next();
        if (!l || !l->has_value())
            break;
        auto m = decodeLegacyLine(**l);
        if (!m)
            continue;
        if (m->kind == LegacyMessage::Kind::Put) {
            (void)legacyPutToWrites(m->node);
            const QByteArray again = encodeLegacyPut(m->originId, m->node);
            auto back = decodeLegacyLine(again.chopped(1));
            if (!back || back->node.id != m->node.id)
                std::abort();
        }
    }
    return 0;
}
