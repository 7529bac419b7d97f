// Fuzz target: an op's history clocks (OpPrev encoding), read from the op log on disk and, with the
// sync protocol, from peers. Damaged bytes must give an error, never a crash or an over-read; whatever
// decodes must re-encode to the same bytes (the encoding is canonical).
#include "core/store/OpPrev.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto prev = pluresdb::store::decodeOpPrev(bytes);
    if (!prev)
        return 0;
    if (pluresdb::store::encodeOpPrev(*prev) != bytes)
        std::abort();
    return 0;
}
