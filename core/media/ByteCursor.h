#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QIODevice>

#include <atomic>
#include <optional>

namespace cq {

// Reads a random-access device forwards in blocks for a parser of untrusted files: every position
// and length is checked against the device's size before anything is read or allocated, at most
// MaxTakeBytes are handed out at once, and the deadline and cancellation are checked whenever a
// block is read. A failed call leaves stopped() set; interrupted() says whether time or the caller
// stopped it rather than the bytes.
class ByteCursor {
public:
    static constexpr qint64 BlockBytes = 64 * 1024;
    static constexpr qint64 MaxTakeBytes = 256 * 1024;

    ByteCursor(QIODevice &device, const QDeadlineTimer &deadline, const std::atomic_bool *cancel);

    qint64 size() const { return m_size; }
    qint64 pos() const { return m_pos; }
    qint64 remaining() const { return m_size - m_pos; }
    bool atEnd() const { return m_pos >= m_size; }

    // The next byte, or nullopt at the end of the device.
    std::optional<quint8> byte();
    // Exactly `count` bytes (at most MaxTakeBytes), or nullopt when fewer remain.
    std::optional<QByteArray> take(qint64 count);
    // Moves to `position` (0 to size()); false beyond the end.
    bool seek(qint64 position);
    bool skip(qint64 count) { return count >= 0 && count <= remaining() && seek(m_pos + count); }
    // Moves just past the next occurrence of `pattern` (two bytes); false when it does not occur.
    bool skipPast(const QByteArray &pattern);

    // True when the deadline passed or the caller cancelled (checked at every block).
    bool interrupted() const { return m_interrupted; }
    bool timedOut() const { return m_timedOut; }

private:
    bool fill(qint64 position);
    bool checkInterrupt();

    QIODevice &m_device;
    QDeadlineTimer m_deadline;
    const std::atomic_bool *m_cancel;
    qint64 m_size;
    qint64 m_pos = 0;
    QByteArray m_block;
    qint64 m_blockStart = -1;
    bool m_interrupted = false;
    bool m_timedOut = false;
};

} // namespace cq
