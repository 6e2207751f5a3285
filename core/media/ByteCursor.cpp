#include "media/ByteCursor.h"

namespace cq {

ByteCursor::ByteCursor(QIODevice &device, const QDeadlineTimer &deadline, const std::atomic_bool *cancel)
    : m_device(device)
    , m_deadline(deadline)
    , m_cancel(cancel)
    , m_size(device.isSequential() ? 0 : device.size()) {
}

bool ByteCursor::checkInterrupt() {
    if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
        m_interrupted = true;
    } else if (m_deadline.hasExpired()) {
        m_interrupted = true;
        m_timedOut = true;
    }
    return m_interrupted;
}

// Makes the block holding `position` current.
bool ByteCursor::fill(qint64 position) {
    if (m_blockStart >= 0 && position >= m_blockStart && position < m_blockStart + m_block.size()) {
        return true;
    }
    if (m_interrupted || checkInterrupt() || position >= m_size || !m_device.seek(position)) {
        return false;
    }
    m_block.resize(qsizetype(std::min(BlockBytes, m_size - position)));
    const qint64 read = m_device.read(m_block.data(), m_block.size());
    if (read <= 0) {
        m_blockStart = -1;
        return false;
    }
    m_block.truncate(qsizetype(read));
    m_blockStart = position;
    return true;
}

std::optional<quint8> ByteCursor::byte() {
    if (m_pos >= m_size || !fill(m_pos)) {
        return std::nullopt;
    }
    return static_cast<quint8>(m_block.at(qsizetype(m_pos++ - m_blockStart)));
}

std::optional<QByteArray> ByteCursor::take(qint64 count) {
    if (count < 0 || count > MaxTakeBytes || count > remaining()) {
        return std::nullopt;
    }
    QByteArray bytes;
    bytes.reserve(qsizetype(count));
    while (bytes.size() < count) {
        if (!fill(m_pos)) {
            return std::nullopt;
        }
        const qsizetype offset = qsizetype(m_pos - m_blockStart);
        const qsizetype piece = qsizetype(std::min<qint64>(count - bytes.size(), m_block.size() - offset));
        bytes.append(m_block.constData() + offset, piece);
        m_pos += piece;
    }
    return bytes;
}

bool ByteCursor::seek(qint64 position) {
    if (position < 0 || position > m_size || m_interrupted) {
        return false;
    }
    m_pos = position;
    return true;
}

bool ByteCursor::skipPast(const QByteArray &pattern) {
    Q_ASSERT(pattern.size() == 2);
    bool previousMatchesFirst = false; // the block before ended with pattern[0]
    while (fill(m_pos)) {
        const qsizetype offset = qsizetype(m_pos - m_blockStart);
        if (previousMatchesFirst && m_block.at(offset) == pattern.at(1)) {
            m_pos += 1;
            return true;
        }
        const qsizetype found = m_block.indexOf(pattern, offset);
        if (found >= 0) {
            m_pos = m_blockStart + found + pattern.size();
            return true;
        }
        previousMatchesFirst = m_block.endsWith(pattern.at(0));
        m_pos = m_blockStart + m_block.size();
    }
    return false;
}

} // namespace cq
