#pragma once

// A QR code as a square of dark/light modules, with no quiet zone and no pixels: the core encodes,
// the UI (ui/qr/) paints. Kept free of QtGui so pluresdb_core and pluresdb-cli stay GUI-free.

#include <cstdint>
#include <vector>

namespace pluresdb::keys {

struct QrMatrix {
    int size = 0;                  // modules per side (21 for version 1 … 177 for version 40)
    std::vector<uint8_t> modules;  // size*size, row-major, 1 = dark

    bool isEmpty() const { return size == 0; }
    bool dark(int x, int y) const { return modules[static_cast<size_t>(y) * size + x] != 0; }
};

}  // namespace pluresdb::keys
