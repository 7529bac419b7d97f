#pragma once

// compact-encoding (npm compact-encoding 3.5.2) as dht-rpc and hyperdht use it: hyperdht.md §1,
// connection.md §3. Messages are plain concatenations of these codecs, so an Encoder appends and a
// Decoder consumes. The Decoder is bounds-checked: the first failure latches an error, every later
// read returns a zero value, and the caller checks ok()/error() once at the end (or takes a Result
// from finish()). Nothing here throws and nothing reads past the input.

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <vector>

namespace pluresdb::encoding {

// hyperdht.md §1: the array decoder rejects a count above this (compact-encoding's own limit).
inline constexpr uint64_t kMaxArrayLength = 0x100000;

struct Ipv4Address {
    std::array<uint8_t, 4> host{};  // octets in dotted order (127.0.0.1 -> 7f 00 00 01)
    uint16_t port = 0;
    bool operator==(const Ipv4Address&) const = default;
    QString toString() const;
};

struct Ipv6Address {
    std::array<uint8_t, 16> host{};  // network order
    uint16_t port = 0;
    bool operator==(const Ipv6Address&) const = default;
};

class Encoder {
public:
    Encoder() = default;

    void uint(uint64_t v);  // varint, always the shortest form
    void uint8(uint8_t v);
    void uint16(uint16_t v);
    void uint24(uint32_t v);
    void uint32(uint32_t v);
    void uint64(uint64_t v);
    void boolean(bool v);
    void buffer(const QByteArray& bytes);  // uint length || bytes
    void string(const QString& s);         // uint byte length || UTF-8
    void fixed(const QByteArray& bytes);   // fixed32 / fixed64 / raw: no length
    void ipv4Address(const Ipv4Address& a);
    void ipv6Address(const Ipv6Address& a);
    void arrayLength(uint64_t n) { uint(n); }

    const QByteArray& bytes() const { return m_out; }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

class Decoder {
public:
    explicit Decoder(const QByteArray& bytes) : m_data(bytes) {}
    Decoder(const char* data, qsizetype size) : m_data(QByteArray::fromRawData(data, size)) {}

    uint64_t uint();
    uint8_t uint8();
    uint16_t uint16();
    uint32_t uint24();
    uint32_t uint32();
    uint64_t uint64();
    bool boolean();                 // exactly 01 is true (hyperdht.md §1)
    QByteArray buffer();            // uint length || bytes; fails if fewer remain
    Result<QString> string();       // also fails on invalid UTF-8
    QByteArray fixed(qsizetype n);  // exactly n raw bytes
    QByteArray raw();               // the rest
    Ipv4Address ipv4Address();
    Ipv6Address ipv6Address();
    // An array count: fails above kMaxArrayLength, and above what the remaining bytes could hold
    // given each element takes at least minElementSize bytes (so a forged count cannot make the
    // caller reserve huge memory).
    uint64_t arrayLength(qsizetype minElementSize = 1);

    // uint that must fit 32 bits (ids, ports); fails otherwise.
    uint32_t uint32Varint();

    bool ok() const { return m_error.isEmpty(); }
    const QString& error() const { return m_error; }
    qsizetype remaining() const { return m_data.size() - m_pos; }
    qsizetype position() const { return m_pos; }
    // Fails the decoder with `message` unless it has already failed (first error wins).
    void fail(const QString& message);

    // The decoded value, or the first error prefixed with `what`.
    template <typename T>
    Result<T> finish(T value, const char* what) const {
        if (!ok())
            return makeError(QStringLiteral("%1: %2").arg(QLatin1String(what), m_error));
        return value;
    }

private:
    bool need(qsizetype n, const char* what);

    QByteArray m_data;
    qsizetype m_pos = 0;
    QString m_error;
};

}  // namespace pluresdb::encoding
