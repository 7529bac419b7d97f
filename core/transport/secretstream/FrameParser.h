#pragma once

// Splits the raw byte stream into secret-stream frames: uint24 LE length || body (connection.md §5.1).
// Bytes arrive in arbitrary chunks; the 3-byte length may straddle chunks. The caller gives the largest
// body it accepts for the next frame (it depends on the stream's phase), so a forged length is refused
// as soon as its 3 bytes are in, before any body is buffered.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace pluresdb::transport::secretstream {

class FrameParser {
public:
    enum class Status { NeedMore, Frame, Error };

    void feed(const QByteArray& bytes);
    // Points *frame at the next complete frame body, without copying; the view stays valid until the
    // next feed() or next(). Error: *error says why; the parser is then failed for good.
    Status next(qsizetype maxBody, QByteArrayView* frame, QString* error);
    // Bytes of an incomplete frame held back (non-zero at end of stream means truncation).
    qsizetype pendingBytes() const { return m_buffer.size() - m_offset - m_consumed; }
    bool hasFailed() const { return m_failed; }

private:
    void dropConsumed();

    QByteArray m_buffer;
    qsizetype m_offset = 0;    // start of the first unconsumed byte
    qsizetype m_consumed = 0;  // bytes handed out by the last next(), dropped lazily
    bool m_failed = false;
};

}  // namespace pluresdb::transport::secretstream
