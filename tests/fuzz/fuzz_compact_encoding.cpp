// Fuzzes the compact-encoding Decoder (core/encoding): the input is both a program and its data. Each
// step reads one opcode byte and then decodes that codec from the remaining bytes, until the decoder
// fails or the input ends. Invariants: no read past the input (ASan), a failed decoder stays failed,
// the position never exceeds the size, and every decoded varint re-encodes to bytes that decode back.

#include "core/encoding/CompactEncoding.h"

#include <cstddef>
#include <cstdint>

using namespace pluresdb::encoding;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Decoder d(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    while (d.ok() && d.remaining() > 0) {
        const uint8_t op = d.uint8();
        switch (op % 14) {
            case 0: {
                const uint64_t v = d.uint();
                if (d.ok()) {
                    Encoder e;
                    e.uint(v);
                    Decoder again(e.bytes());
                    if (again.uint() != v || !again.ok() || again.remaining() != 0)
                        __builtin_trap();
                }
                break;
            }
            case 1:
                d.uint16();
                break;
            case 2:
                d.uint24();
                break;
            case 3:
                d.uint32();
                break;
            case 4:
                d.uint64();
                break;
            case 5:
                d.boolean();
                break;
            case 6:
                d.buffer();
                break;
            case 7:
                (void)d.string();
                break;
            case 8:
                d.fixed(32);
                break;
            case 9:
                d.ipv4Address();
                break;
            case 10:
                d.ipv6Address();
                break;
            case 11: {
                const uint64_t n = d.arrayLength(6);
                for (uint64_t i = 0; i < n && d.ok(); ++i)
                    d.ipv4Address();
                break;
            }
            case 12:
                d.uint32Varint();
                break;
            case 13:
                d.fixed(64);
                break;
        }
        if (d.position() > static_cast<qsizetype>(size))
            __builtin_trap();
    }
    if (!d.ok()) {
        d.uint();  // reads after a failure are inert and keep the first error
        if (d.ok() || d.error().isEmpty())
            __builtin_trap();
    }
    return 0;
}
