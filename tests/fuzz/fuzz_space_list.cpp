// Fuzz target: the list of spaces (spaces.json) as read from disk. A damaged file gives an error,
// never a crash; whatever decodes has well-formed ids and topics.
#include "core/spaces/SpaceList.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto spaces = pluresdb::spaces::SpaceList::decode(bytes);
    if (!spaces)
        return 0;
    for (const auto& s : *spaces) {
        if (s.id.size() != 16 || s.topicHex.size() != 64 || s.name.isEmpty())
            std::abort();
    }
    return 0;
}
