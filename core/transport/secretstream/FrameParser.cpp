#include "core/transport/secretstream/FrameParser.h"

#include "core/transport/secretstream/SecretStreamConstants.h"

namespace pluresdb::transport::secretstream {

void FrameParser::dropConsumed() {
    m_offset += m_consumed;
    m_consumed = 0;
    if (m_offset == m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    }
}

void FrameParser::feed(const QByteArray& bytes) {
    if (m_failed)
        return;
    dropConsumed();
    // Compact once the consumed prefix dominates, so long streams do not keep growing the buffer.
    if (m_offset > 0 && m_offset >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    if (m_buffer.isEmpty()) {
        m_buffer = bytes;  // implicit sharing: no copy for the common whole-chunk case
    } else {
        m_buffer.append(bytes);
    }
}

FrameParser::Status FrameParser::next(qsizetype maxBody, QByteArrayView* frame, QString* error) {
    dropConsumed();
    if (m_failed) {
        *error = QStringLiteral("frame parser already failed");
        return Status::Error;
    }
    const qsizetype avail = m_buffer.size() - m_offset;
    if (avail < kFrameLengthBytes)
        return Status::NeedMore;
    const auto* p = reinterpret_cast<const uint8_t*>(m_buffer.constData() + m_offset);
    const qsizetype len = p[0] | (p[1] << 8) | (p[2] << 16);
    if (len == 0) {
        m_failed = true;
        *error = QStringLiteral("received a zero-length frame");
        return Status::Error;
    }
    if (len > maxBody) {
        m_failed = true;
        *error = QStringLiteral("received a %1-byte frame where at most %2 bytes are allowed")
                     .arg(len)
                     .arg(maxBody);
        return Status::Error;
    }
    if (avail < kFrameLengthBytes + len)
        return Status::NeedMore;
    *frame = QByteArrayView(m_buffer.constData() + m_offset + kFrameLengthBytes, len);
    m_consumed = kFrameLengthBytes + len;
    return Status::Frame;
}

}  // namespace pluresdb::transport::secretstream
