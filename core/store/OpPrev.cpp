#include "core/store/OpPrev.h"

#include "core/store/Limits.h"

#include <algorithm>
#include <vector>

namespace pluresdb::store {

namespace {

void putU32(QByteArray& out, uint32_t v) {
    const char b[4] = {char(v), char(v >> 8), char(v >> 16), char(v >> 24)};
    out.append(b, 4);
}

bool getU32(const QByteArray& in, qsizetype* pos, uint32_t* v) {
    if (in.size() - *pos < 4)
        return false;
    const auto* p = reinterpret_cast<const uint8_t*>(in.constData() + *pos);
    *v = uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
    *pos += 4;
    return true;
}

}  // namespace

QByteArray encodeOpPrev(const OpPrev& prev) {
    if (prev.empty())
        return {};
    std::vector<QByteArray> clocks;
    std::vector<std::pair<QByteArray, QByteArray>> entries;  // sorted by UTF-8 name bytes
    for (const auto& [name, hlc] : prev) {
        entries.emplace_back(name.toUtf8(), hlc.encode());
        clocks.push_back(entries.back().second);
    }
    std::sort(clocks.begin(), clocks.end());
    clocks.erase(std::unique(clocks.begin(), clocks.end()), clocks.end());
    std::sort(entries.begin(), entries.end());
    QByteArray out;
    putU32(out, static_cast<uint32_t>(clocks.size()));
    for (const auto& c : clocks)
        out.append(c);
    putU32(out, static_cast<uint32_t>(entries.size()));
    for (const auto& [name, clock] : entries) {
        putU32(out, static_cast<uint32_t>(name.size()));
        out.append(name);
        putU32(out,
               static_cast<uint32_t>(std::lower_bound(clocks.begin(), clocks.end(), clock) - clocks.begin()));
    }
    return out;
}

Result<OpPrev> decodeOpPrev(const QByteArray& bytes) {
    const auto damaged = [] { return makeError(QStringLiteral("an op's history clocks are damaged")); };
    OpPrev out;
    if (bytes.isEmpty())
        return out;
    qsizetype pos = 0;
    uint32_t clockCount = 0;
    if (!getU32(bytes, &pos, &clockCount) || clockCount == 0 ||
        clockCount > static_cast<uint32_t>(bytes.size() / Hlc::kEncodedSize))
        return damaged();
    std::vector<Hlc> clocks;
    QByteArray previousClock;
    for (uint32_t i = 0; i < clockCount; ++i) {
        if (bytes.size() - pos < Hlc::kEncodedSize)
            return damaged();
        const QByteArray c = bytes.mid(pos, Hlc::kEncodedSize);
        pos += Hlc::kEncodedSize;
        auto h = Hlc::decode(c);
        if (!h || (i > 0 && !(previousClock < c)))  // canonical: sorted, distinct
            return damaged();
        previousClock = c;
        clocks.push_back(*h);
    }
    std::vector<bool> used(clockCount, false);
    uint32_t count = 0;
    if (!getU32(bytes, &pos, &count) || count == 0)
        return damaged();
    QByteArray previousName;
    for (uint32_t i = 0; i < count; ++i) {
        uint32_t nameLen = 0, index = 0;
        if (!getU32(bytes, &pos, &nameLen) || nameLen > static_cast<uint32_t>(kMaxFieldNameBytes) ||
            bytes.size() - pos < qsizetype(nameLen))
            return damaged();
        const QByteArray name = bytes.mid(pos, nameLen);
        pos += nameLen;
        if (!getU32(bytes, &pos, &index) || index >= clockCount)
            return damaged();
        if (i > 0 && !(previousName < name))
            return damaged();
        const QString decoded = QString::fromUtf8(name);
        if (decoded.toUtf8() != name)  // not valid UTF-8: would not round-trip
            return damaged();
        previousName = name;
        used[index] = true;
        out.emplace(decoded, clocks[index]);
    }
    if (pos != bytes.size() || std::find(used.begin(), used.end(), false) != used.end())
        return damaged();
    return out;
}

}  // namespace pluresdb::store
