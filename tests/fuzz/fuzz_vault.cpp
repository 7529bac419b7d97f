// Fuzzes the parsers of the encrypted key file (core/keys/VaultFormat.h): the header of a file
// read from disk, and the entry list (normally only reached after the MAC check; fuzzed directly
// so a bug there cannot hide behind the encryption). Parsed entries must re-serialise identically.

#include "core/keys/VaultFormat.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using namespace pluresdb::keys;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QByteArray sealed;
    const auto header = parseVaultHeader(bytes, &sealed);
    if (header) {
        if (header->opsLimit > kMaxVaultOpsLimit || header->memLimitKiB > kMaxVaultMemLimitKiB) std::abort();
        if (header->salt.size() != kVaultSaltBytes || header->nonce.size() != kVaultNonceBytes) std::abort();
        if (sealed.size() < kVaultMacBytes) std::abort();
    }
    const auto entries = parseVaultEntries(bytes);
    if (entries && serializeVaultEntries(*entries) != bytes) std::abort();
    return 0;
}
