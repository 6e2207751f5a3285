#pragma once

#include <QFile>
#include <QIODevice>

namespace cq::tiktok {

// A read-only window [offset, offset + length) onto a file, so one upload chunk streams from the
// managed store without the chunk (let alone the video) ever sitting in memory.
class FileSlice final : public QIODevice {
public:
    FileSlice(const QString &path, qint64 offset, qint64 length, QObject *parent = nullptr);

    bool open(OpenMode mode) override;
    void close() override;
    qint64 size() const override { return m_length; }
    bool seek(qint64 position) override;
    bool isSequential() const override { return false; }
    QString errorText() const { return m_file.errorString(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    qint64 m_offset;
    qint64 m_length;
};

} // namespace cq::tiktok
