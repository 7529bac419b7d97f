#include "core/keys/VaultFormat.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <cstring>

namespace pluresdb::keys {

namespace {

// The translation context of this file's messages (Q_DECLARE_TR_FUNCTIONS is what lupdate reads).
struct Messages {
    Q_DECLARE_TR_FUNCTIONS(pluresdb::keys::VaultFormat)
};

void putU16(QByteArray& out, uint16_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>(v >> 8);
}

void putU32(QByteArray& out, uint32_t v) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// A bounds-checked little-endian reader over a byte array.
class Reader {
public:
    explicit Reader(const QByteArray& bytes) : m_bytes(bytes) {}
    bool has(qsizetype n) const { return n >= 0 && m_bytes.size() - m_pos >= n; }
    uint16_t u16() {
        const auto* p = reinterpret_cast<const uint8_t*>(m_bytes.constData()) + m_pos;
        m_pos += 2;
        return static_cast<uint16_t>(p[0] | (p[1] << 8));
    }
    uint32_t u32() {
        const auto* p = reinterpret_cast<const uint8_t*>(m_bytes.constData()) + m_pos;
        m_pos += 4;
        return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
    }
    QByteArray bytes(qsizetype n) {
        QByteArray out = m_bytes.mid(m_pos, n);
        m_pos += n;
        return out;
    }
    bool atEnd() const { return m_pos == m_bytes.size(); }

private:
    const QByteArray& m_bytes;
    qsizetype m_pos = 0;
};

}  // namespace

QByteArray serializeVaultHeader(const VaultHeader& header) {
    QByteArray out(kVaultMagic, sizeof kVaultMagic);
    out += static_cast<char>(kVaultFormatVersion);
    out += static_cast<char>(kVaultKdfArgon2id13);
    putU16(out, 0);
    putU32(out, header.opsLimit);
    putU32(out, header.memLimitKiB);
    out += header.salt;
    out += header.nonce;
    return out;
}

Result<VaultHeader> parseVaultHeader(const QByteArray& file, QByteArray* sealed) {
    if (file.size() > kMaxVaultFileBytes)
        return makeError(Messages::tr("The key file is too large to be ours."));
    if (file.size() < kVaultHeaderBytes + kVaultMacBytes ||
        std::memcmp(file.constData(), kVaultMagic, sizeof kVaultMagic) != 0) {
        return makeError(Messages::tr("The key file is not a PluresDB key file, or it is cut short."));
    }
    Reader in(file);
    in.bytes(sizeof kVaultMagic);
    const QByteArray versionAndKdf = in.bytes(2);
    if (static_cast<uint8_t>(versionAndKdf[0]) != kVaultFormatVersion) {
        return makeError(Messages::tr("The key file was written by a newer version of PluresDB (format %1).")
                             .arg(static_cast<uint8_t>(versionAndKdf[0])));
    }
    if (static_cast<uint8_t>(versionAndKdf[1]) != kVaultKdfArgon2id13) {
        return makeError(Messages::tr("The key file uses an unknown key derivation (%1).")
                             .arg(static_cast<uint8_t>(versionAndKdf[1])));
    }
    if (in.u16() != 0) return makeError(Messages::tr("The key file header is damaged."));
    VaultHeader header;
    header.opsLimit = in.u32();
    header.memLimitKiB = in.u32();
    if (header.opsLimit < kMinVaultOpsLimit || header.opsLimit > kMaxVaultOpsLimit ||
        header.memLimitKiB < kMinVaultMemLimitKiB || header.memLimitKiB > kMaxVaultMemLimitKiB) {
        return makeError(
            Messages::tr("The key file asks for key derivation costs outside the allowed range."));
    }
    header.salt = in.bytes(kVaultSaltBytes);
    header.nonce = in.bytes(kVaultNonceBytes);
    if (sealed) *sealed = file.mid(kVaultHeaderBytes);
    return header;
}

QByteArray serializeVaultEntries(const VaultEntries& entries) {
    QByteArray out;
    putU32(out, static_cast<uint32_t>(entries.size()));
    for (const auto& [name, value] : entries) {
        const QByteArray nameBytes = name.toUtf8();
        putU16(out, static_cast<uint16_t>(nameBytes.size()));
        out += nameBytes;
        putU16(out, static_cast<uint16_t>(value.size()));
        out += value;
    }
    return out;
}

Result<VaultEntries> parseVaultEntries(const QByteArray& plaintext) {
    const Error damaged = makeError(Messages::tr("The key file's contents are damaged."));
    Reader in(plaintext);
    if (!in.has(4)) return damaged;
    const uint32_t count = in.u32();
    if (count > kMaxVaultEntries) return damaged;
    VaultEntries entries;
    for (uint32_t i = 0; i < count; ++i) {
        if (!in.has(2)) return damaged;
        const uint16_t nameLength = in.u16();
        if (!in.has(nameLength)) return damaged;
        const QByteArray nameBytes = in.bytes(nameLength);
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString name = decoder.decode(nameBytes);
        if (decoder.hasError() || name.isEmpty()) return damaged;
        if (!in.has(2)) return damaged;
        const uint16_t valueLength = in.u16();
        if (!in.has(valueLength)) return damaged;
        // Names are strictly increasing (the order the writer's std::map gives): one canonical
        // encoding per content, and no name twice.
        if (!entries.empty() && !(entries.rbegin()->first < name)) return damaged;
        entries.emplace_hint(entries.end(), name, in.bytes(valueLength));
    }
    if (!in.atEnd()) return damaged;
    return entries;
}

}  // namespace pluresdb::keys
