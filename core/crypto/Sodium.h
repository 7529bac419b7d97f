#pragma once

// libsodium must be initialised once before use; every wrapper calls this (cheap after the first).

#include <QByteArray>

namespace pluresdb::crypto {

void ensureSodium();
QByteArray randomBytes(int size);

}  // namespace pluresdb::crypto
