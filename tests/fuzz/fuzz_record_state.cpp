// Fuzz target: a record's field registers as read back from SQLite (RecordState encoding). The bytes
// come from disk, so a damaged or hostile file must give an error, never a crash or an over-read;
// whatever decodes must re-encode to the same bytes (the encoding is canonical: the digest hashes it).
#include "core/store/RecordState.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto fields = pluresdb::store::RecordState::decodeFields(bytes);
    if (!fields)
        return 0;
    pluresdb::store::RecordState state;
    state.fields = std::move(fields).value();
    if (state.encodeFields() != bytes)
        std::abort();
    (void)state.visibleJson();
    return 0;
}
