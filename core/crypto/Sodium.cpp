#include "core/crypto/Sodium.h"

#include <sodium.h>

#include <cstdlib>

namespace pluresdb::crypto {

void ensureSodium() {
    static const bool initialised = [] {
        // sodium_init fails only when no entropy source exists; nothing secure can run then.
        if (sodium_init() < 0)
            std::abort();
        return true;
    }();
    (void)initialised;
}

QByteArray randomBytes(int size) {
    ensureSodium();
    QByteArray out(size, Qt::Uninitialized);
    randombytes_buf(out.data(), static_cast<size_t>(size));
    return out;
}

}  // namespace pluresdb::crypto
