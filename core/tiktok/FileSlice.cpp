#include "tiktok/FileSlice.h"

#include "media/RegularFile.h"

namespace cq::tiktok {

FileSlice::FileSlice(const QString &path, qint64 offset, qint64 length, QObject *parent)
    : QIODevice(parent)
    , m_file(path)
    , m_offset(offset)
    , m_length(length) {
}

bool FileSlice::open(OpenMode mode) {
    if ((mode & WriteOnly) || !openRegularFile(m_file) || m_file.size() < m_offset + m_length
        || !m_file.seek(m_offset)) {
        m_file.close();
        return false;
    }
    return QIODevice::open(mode);
}

void FileSlice::close() {
    m_file.close();
    QIODevice::close();
}

bool FileSlice::seek(qint64 position) {
    if (position < 0 || position > m_length || !m_file.seek(m_offset + position)) {
        return false;
    }
    return QIODevice::seek(position);
}

qint64 FileSlice::readData(char *data, qint64 maxSize) {
    const qint64 remaining = m_length - (m_file.pos() - m_offset);
    if (remaining <= 0) {
        return 0; // end of the slice
    }
    return m_file.read(data, std::min(maxSize, remaining));
}

} // namespace cq::tiktok
