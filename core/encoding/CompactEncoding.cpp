#include "core/encoding/CompactEncoding.h"

#include <QStringDecoder>

namespace pluresdb::encoding {

namespace {

void putLe(QByteArray& out, uint64_t v, int width) {
    for (int i = 0; i < width; ++i)
        out.append(static_cast<char>((v >> (8 * i)) & 0xff));
}

}  // namespace

QString Ipv4Address::toString() const {
    return QStringLiteral("%1.%2.%3.%4:%5").arg(host[0]).arg(host[1]).arg(host[2]).arg(host[3]).arg(port);
}

// hyperdht.md §1 `uint`: <= 0xFC one byte; 0xFD + u16; 0xFE + u32; 0xFF + u64.
void Encoder::uint(uint64_t v) {
    if (v <= 0xfc) {
        m_out.append(static_cast<char>(v));
    } else if (v <= 0xffff) {
        m_out.append(static_cast<char>(0xfd));
        putLe(m_out, v, 2);
    } else if (v <= 0xffffffffULL) {
        m_out.append(static_cast<char>(0xfe));
        putLe(m_out, v, 4);
    } else {
        m_out.append(static_cast<char>(0xff));
        putLe(m_out, v, 8);
    }
}

void Encoder::uint8(uint8_t v) {
    m_out.append(static_cast<char>(v));
}
void Encoder::uint16(uint16_t v) {
    putLe(m_out, v, 2);
}
void Encoder::uint24(uint32_t v) {
    putLe(m_out, v, 3);
}
void Encoder::uint32(uint32_t v) {
    putLe(m_out, v, 4);
}
void Encoder::uint64(uint64_t v) {
    putLe(m_out, v, 8);
}
void Encoder::boolean(bool v) {
    m_out.append(v ? '\x01' : '\x00');
}

void Encoder::buffer(const QByteArray& bytes) {
    uint(static_cast<uint64_t>(bytes.size()));
    m_out.append(bytes);
}

void Encoder::string(const QString& s) {
    buffer(s.toUtf8());
}
void Encoder::fixed(const QByteArray& bytes) {
    m_out.append(bytes);
}

void Encoder::ipv4Address(const Ipv4Address& a) {
    m_out.append(reinterpret_cast<const char*>(a.host.data()), 4);
    uint16(a.port);
}

void Encoder::ipv6Address(const Ipv6Address& a) {
    m_out.append(reinterpret_cast<const char*>(a.host.data()), 16);
    uint16(a.port);
}

void Decoder::fail(const QString& message) {
    if (m_error.isEmpty())
        m_error = message;
}

bool Decoder::need(qsizetype n, const char* what) {
    if (!ok())
        return false;
    if (n < 0 || remaining() < n) {
        fail(QStringLiteral("truncated %1 at byte %2 (need %3, have %4)")
                 .arg(QLatin1String(what))
                 .arg(m_pos)
                 .arg(n)
                 .arg(remaining()));
        return false;
    }
    return true;
}

namespace {
uint64_t getLe(const char* p, int width) {
    uint64_t v = 0;
    for (int i = 0; i < width; ++i)
        v |= static_cast<uint64_t>(static_cast<uint8_t>(p[i])) << (8 * i);
    return v;
}
}  // namespace

#define PLURES_FIXED_LE(name, type, width)                                          \
    type Decoder::name() {                                                          \
        if (!need(width, #name))                                                    \
            return 0;                                                               \
        const type v = static_cast<type>(getLe(m_data.constData() + m_pos, width)); \
        m_pos += width;                                                             \
        return v;                                                                   \
    }
PLURES_FIXED_LE(uint8, uint8_t, 1)
PLURES_FIXED_LE(uint16, uint16_t, 2)
PLURES_FIXED_LE(uint24, uint32_t, 3)
PLURES_FIXED_LE(uint32, uint32_t, 4)
PLURES_FIXED_LE(uint64, uint64_t, 8)
#undef PLURES_FIXED_LE

// Decoders accept any of the four forms (hyperdht.md §1), not only the shortest.
uint64_t Decoder::uint() {
    if (!need(1, "uint"))
        return 0;
    const uint8_t first = static_cast<uint8_t>(m_data[m_pos]);
    if (first <= 0xfc) {
        ++m_pos;
        return first;
    }
    const int width = first == 0xfd ? 2 : first == 0xfe ? 4 : 8;
    if (!need(1 + width, "uint"))
        return 0;
    const uint64_t v = getLe(m_data.constData() + m_pos + 1, width);
    m_pos += 1 + width;
    return v;
}

uint32_t Decoder::uint32Varint() {
    const uint64_t v = uint();
    if (v > 0xffffffffULL) {
        fail(QStringLiteral("uint %1 does not fit 32 bits").arg(v));
        return 0;
    }
    return static_cast<uint32_t>(v);
}

bool Decoder::boolean() {
    return uint8() == 1;
}

QByteArray Decoder::fixed(qsizetype n) {
    if (!need(n, "fixed bytes"))
        return {};
    QByteArray out(m_data.constData() + m_pos, n);
    m_pos += n;
    return out;
}

QByteArray Decoder::buffer() {
    const uint64_t len = uint();
    if (!ok())
        return {};
    if (len > static_cast<uint64_t>(remaining())) {
        fail(QStringLiteral("buffer length %1 exceeds the %2 bytes left").arg(len).arg(remaining()));
        return {};
    }
    return fixed(static_cast<qsizetype>(len));
}

Result<QString> Decoder::string() {
    const QByteArray bytes = buffer();
    if (!ok())
        return makeError(m_error);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString s = decoder.decode(bytes);
    if (decoder.hasError()) {
        fail(QStringLiteral("string is not valid UTF-8"));
        return makeError(m_error);
    }
    return s;
}

QByteArray Decoder::raw() {
    return fixed(remaining());
}

Ipv4Address Decoder::ipv4Address() {
    Ipv4Address a;
    if (!need(6, "ipv4Address"))
        return a;
    for (int i = 0; i < 4; ++i)
        a.host[i] = static_cast<uint8_t>(m_data[m_pos + i]);
    m_pos += 4;
    a.port = uint16();
    return a;
}

Ipv6Address Decoder::ipv6Address() {
    Ipv6Address a;
    if (!need(18, "ipv6Address"))
        return a;
    for (int i = 0; i < 16; ++i)
        a.host[i] = static_cast<uint8_t>(m_data[m_pos + i]);
    m_pos += 16;
    a.port = uint16();
    return a;
}

uint64_t Decoder::arrayLength(qsizetype minElementSize) {
    const uint64_t n = uint();
    if (!ok())
        return 0;
    if (n > kMaxArrayLength) {
        fail(QStringLiteral("array length %1 exceeds the limit %2").arg(n).arg(kMaxArrayLength));
        return 0;
    }
    if (minElementSize > 0 && n > static_cast<uint64_t>(remaining() / minElementSize)) {
        fail(QStringLiteral("array length %1 exceeds what the %2 bytes left can hold")
                 .arg(n)
                 .arg(remaining()));
        return 0;
    }
    return n;
}

}  // namespace pluresdb::encoding
