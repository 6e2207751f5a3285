// Media probing: what libavformat's headers say about real files, and a clear media.unreadable for
// everything that is not a readable video or photo.
#include "TestFixtures.h"
#include "media/FfmpegInput.h"
#include "media/ImageHeader.h"
#include "media/MediaProber.h"
#include "media/RegularFile.h"
#include "media/ThumbnailExtractor.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace cq;
using cq::test::dataPath;
using cq::test::fixturePath;

class TestMediaProbe : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void describesReadableMedia_data();
    void describesReadableMedia();
    void reportsUnreadableFiles_data();
    void reportsUnreadableFiles();
    void reportsRandomBytesAsUnreadable();
    void reportsUnreadablePermissions();
    void handlesNonAsciiAndEmojiNames();
    void urlIsAnEncodedFileUrl();
    void probesManyFilesInParallelInOrder();
    void cancelledProbeSaysSo();
    void extractsRotatedThumbnail();
    void webpExifLengthIsCheckedAgainstTheFile();
    void nonRegularFilesAreRefused();
    void nameSwappedForAFifoAfterTheCheckIsNeverOpened();
    void ffmpegIsGivenTheCheckedFileNotItsName();
    void ffmpegAllocationsAreBounded();
    void truncatedImagesAreRefused_data();
    void truncatedImagesAreRefused();
    void absurdContainerDurationIsRefused();
    void thumbnailsRefuseImageBombs();
    void headerWalkObeysTimeoutAndCancellation();
};

void TestMediaProbe::describesReadableMedia_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("mimeType");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("rotation");
    QTest::addColumn<QString>("codec");
    QTest::addColumn<double>("frameRate");
    QTest::addColumn<double>("durationSeconds");
    QTest::addColumn<bool>("hasAudio");

    QTest::newRow("vertical H.264 MP4 with audio")
        << "vertical.mp4"
        << "video"
        << "video/mp4" << 360 << 640 << 0 << "h264" << 30.0 << 4.0 << true;
    QTest::newRow("MP4 with its index in front (faststart)")
        << "vertical_faststart.mp4"
        << "video"
        << "video/mp4" << 360 << 640 << 0 << "h264" << 30.0 << 4.0 << false;
    QTest::newRow("QuickTime brand 'qt  ' is video/quicktime")
        << "quicktime.mov"
        << "video"
        << "video/quicktime" << 360 << 640 << 0 << "h264" << 30.0 << 4.0 << false;
    QTest::newRow("WebM named .mp4 is video/webm (the bytes win)")
        << "webm_named.mp4"
        << "video"
        << "video/webm" << 360 << 640 << 0 << "vp9" << 30.0 << 4.0 << false;
    QTest::newRow("Matroska is told apart from WebM")
        << "matroska.mkv"
        << "video"
        << "video/x-matroska" << 360 << 640 << 0 << "h264" << 30.0 << 4.0 << false;
    QTest::newRow("H.265") << "hevc.mp4"
                           << "video"
                           << "video/mp4" << 360 << 640 << 0 << "hevc" << 25.0 << 4.0 << false;
    QTest::newRow("landscape") << "landscape.mp4"
                               << "video"
                               << "video/mp4" << 640 << 360 << 0 << "h264" << 30.0 << 4.0 << false;
    // Stored 640x360; its display matrix turns it upright, so TikTok sees 360x640.
    QTest::newRow("rotated phone clip reports display size")
        << "rotated.mp4"
        << "video"
        << "video/mp4" << 360 << 640 << 270 << "h264" << 30.0 << 4.0 << false;
    QTest::newRow("15 fps") << "fps15.mp4"
                            << "video"
                            << "video/mp4" << 360 << 640 << 0 << "h264" << 15.0 << 4.0 << false;
    QTest::newRow("MPEG-4 part 2 codec") << "mpeg4.mp4"
                                         << "video"
                                         << "video/mp4" << 360 << 640 << 0 << "mpeg4" << 30.0 << 4.0 << false;
    QTest::newRow("JPEG photo") << "photo.jpg"
                                << "photo"
                                << "image/jpeg" << 1080 << 1350 << 0 << "mjpeg" << 0.0 << 0.0 << false;
    QTest::newRow("WebP photo") << "photo.webp"
                                << "photo"
                                << "image/webp" << 1080 << 1080 << 0 << "webp" << 0.0 << 0.0 << false;
    QTest::newRow("PNG photo") << "photo.png"
                               << "photo"
                               << "image/png" << 800 << 800 << 0 << "png" << 0.0 << 0.0 << false;
    QTest::newRow("GIF photo") << "photo.gif"
                               << "photo"
                               << "image/gif" << 320 << 240 << 0 << "gif" << 0.0 << 0.0 << false;
    QTest::newRow("JPEG with EXIF orientation 6 reports display size")
        << "data:exif_orientation6.jpg"
        << "photo"
        << "image/jpeg" << 32 << 64 << 90 << "mjpeg" << 0.0 << 0.0 << false;
}

static QString resolve(const QString &file) {
    return file.startsWith(u"data:") ? dataPath(file.mid(5)) : fixturePath(file);
}

void TestMediaProbe::describesReadableMedia() {
    QFETCH(QString, file);
    QFETCH(QString, type);
    QFETCH(QString, mimeType);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, rotation);
    QFETCH(QString, codec);
    QFETCH(double, frameRate);
    QFETCH(double, durationSeconds);
    QFETCH(bool, hasAudio);

    const QString path = resolve(file);
    const auto media = MediaProber().probe(path);
    QVERIFY2(media.has_value(), qPrintable(media ? QString() : media.error().message));
    QCOMPARE(mediaTypeName(media->type.value()), type);
    QCOMPARE(media->mimeType, mimeType);
    QCOMPARE(media->width.value(), width);
    QCOMPARE(media->height.value(), height);
    QCOMPARE(media->rotation.value(), rotation);
    QCOMPARE(media->codec, codec);
    QVERIFY2(qAbs(media->frameRate.value() - frameRate) < 0.01,
             qPrintable(QString::number(*media->frameRate)));
    QVERIFY2(qAbs(media->durationSeconds.value() - durationSeconds) < 0.1,
             qPrintable(QString::number(*media->durationSeconds)));
    QCOMPARE(media->hasAudio.value(), hasAudio);
    QCOMPARE(media->sizeBytes.value(), QFileInfo(path).size());
    QCOMPARE(media->filename, QFileInfo(path).fileName());
}

void TestMediaProbe::reportsUnreadableFiles_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason"); // a word the message must contain, so it says why

    QTest::newRow("missing file") << QDir::temp().filePath(QStringLiteral("clipqueue-no-such-clip.mp4"))
                                  << "does not exist";
    QTest::newRow("zero bytes") << fixturePath(QStringLiteral("empty.mp4")) << "empty";
    QTest::newRow("cut short, index lost") << fixturePath(QStringLiteral("truncated.mp4")) << "cut short";
    QTest::newRow("cut short, index in front")
        << fixturePath(QStringLiteral("truncated_faststart.mp4")) << "cut short";
    QTest::newRow("a directory") << QFileInfo(fixturePath(QStringLiteral("vertical.mp4"))).absolutePath()
                                 << "folder";
    QTest::newRow("audio only") << fixturePath(QStringLiteral("audio_only.m4a")) << "only audio";
    QTest::newRow("a text file") << dataPath(QStringLiteral("README.md")) << "not a video or photo";
}

void TestMediaProbe::reportsUnreadableFiles() {
    QFETCH(QString, path);
    QFETCH(QString, reason);
    const auto media = MediaProber().probe(path);
    QVERIFY(!media.has_value());
    QCOMPARE(media.error().code, ErrorCode::MediaUnreadable);
    QVERIFY2(media.error().message.startsWith(QFileInfo(path).fileName()), qPrintable(media.error().message));
    QVERIFY2(media.error().message.contains(reason), qPrintable(media.error().message));
}

void TestMediaProbe::reportsRandomBytesAsUnreadable() {
    QTemporaryDir dir;
    QRandomGenerator random(20261125); // fixed seed: the same bytes every run
    for (int i = 0; i < 20; ++i) {
        QByteArray bytes(4096 + i * 977, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        const QString path = dir.filePath(QStringLiteral("noise%1.mp4").arg(i));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        const auto media = MediaProber().probe(path);
        QVERIFY2(!media.has_value(), qPrintable(path));
        QCOMPARE(media.error().code, ErrorCode::MediaUnreadable);
    }
}

void TestMediaProbe::reportsUnreadablePermissions() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("locked.mp4"));
    QVERIFY(QFile::copy(fixturePath(QStringLiteral("vertical.mp4")), path));
    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
    if (::geteuid() == 0) {
        // Root reads every file regardless of its mode (as CI runs): probe as `nobody` instead.
        QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::Permissions(0x7755)));
        QProcess probe;
        probe.start(QStringLiteral("runuser"),
                    {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                     cq::test::cliPath(), QStringLiteral("probe"), QStringLiteral("--json"), path});
        QVERIFY(probe.waitForFinished(30000));
        const QByteArray err = probe.readAllStandardError();
        if (probe.exitCode() == 126 || probe.exitCode() == 127 || probe.error() == QProcess::FailedToStart) {
            QSKIP(qPrintable(u"as root this runs the CLI as nobody, which cannot execute it here: "
                             + QString::fromUtf8(err)));
        }
        QCOMPARE(probe.exitCode(), 1);
        const QJsonObject error = QJsonDocument::fromJson(probe.readAllStandardOutput())
                                      .array()
                                      .at(0)
                                      .toObject()
                                      .value(u"error")
                                      .toObject();
        QCOMPARE(error.value(u"code").toString(), QStringLiteral("media.unreadable"));
        QVERIFY2(error.value(u"message").toString().contains(u"permission"),
                 qPrintable(error.value(u"message").toString()));
        return;
    }
    const auto media = MediaProber().probe(path);
    QVERIFY(!media.has_value());
    QCOMPARE(media.error().code, ErrorCode::MediaUnreadable);
    QVERIFY2(media.error().message.contains(u"permission"), qPrintable(media.error().message));
}

void TestMediaProbe::handlesNonAsciiAndEmojiNames() {
    for (const QString &name :
         {QStringLiteral("Clip mit Ümlaut 🎬 final.mp4"), QStringLiteral("фото 📸.jpg")}) {
        const auto media = MediaProber().probe(fixturePath(name));
        QVERIFY2(media.has_value(), qPrintable(name));
        QCOMPARE(media->filename, name);
    }
}

void TestMediaProbe::urlIsAnEncodedFileUrl() {
    const QString path = fixturePath(QStringLiteral("Clip mit Ümlaut 🎬 final.mp4"));
    const auto media = MediaProber().probe(path);
    QVERIFY(media.has_value());
    QVERIFY(media->url.startsWith(u"file:///"));
    QVERIFY2(!media->url.contains(u' '), qPrintable(media->url));
    QCOMPARE(QUrl(media->url).toLocalFile(), QFileInfo(path).absoluteFilePath());
}

void TestMediaProbe::probesManyFilesInParallelInOrder() {
    const QStringList names{QStringLiteral("vertical.mp4"), QStringLiteral("empty.mp4"),
                            QStringLiteral("photo.jpg"), QStringLiteral("landscape.mp4"),
                            QStringLiteral("webm_named.mp4")};
    QStringList paths;
    for (int round = 0; round < 20; ++round) {
        for (const QString &name : names) {
            paths << fixturePath(name);
        }
    }
    const auto results = MediaProber().probeAll(paths);
    QCOMPARE(results.size(), paths.size());
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const QString name = names.at(i % names.size());
        if (name == u"empty.mp4") {
            QVERIFY(!results.at(i).has_value());
        } else {
            QVERIFY(results.at(i).has_value());
            QCOMPARE(results.at(i)->filename, name);
        }
    }
}

void TestMediaProbe::cancelledProbeSaysSo() {
    const std::atomic_bool cancelled{true};
    const auto media = MediaProber().probe(fixturePath(QStringLiteral("vertical.mp4")), &cancelled);
    QVERIFY(!media.has_value());
    QCOMPARE(media.error().code, ErrorCode::Cancelled);
}

void TestMediaProbe::extractsRotatedThumbnail() {
    const auto thumbnail = extractThumbnail(fixturePath(QStringLiteral("rotated.mp4")), 96, 270);
    QVERIFY2(thumbnail.has_value(), qPrintable(thumbnail ? QString() : thumbnail.error().message));
    // Stored landscape: the thumbnail is landscape too, with the rotation for the viewer to apply.
    QCOMPARE(thumbnail->width, 96);
    QCOMPARE(thumbnail->height, 54);
    QCOMPARE(thumbnail->rotation, 270);
    QCOMPARE(thumbnail->rgba.size(), qsizetype(96 * 54 * 4));
    const auto photo = extractThumbnail(fixturePath(QStringLiteral("photo.jpg")), 96, 0);
    QVERIFY(photo.has_value());
    QCOMPARE(photo->height, 96);
    QVERIFY(!extractThumbnail(fixturePath(QStringLiteral("empty.mp4")), 96, 0).has_value());
}

namespace {

// A buffer that remembers the largest read asked of it: a header length taken on trust shows up as
// a read far larger than the file.
class ReadRecordingBuffer final : public QBuffer {
public:
    qint64 largestRead = 0;

protected:
    qint64 readData(char *data, qint64 maxSize) override {
        largestRead = std::max(largestRead, maxSize);
        return QBuffer::readData(data, maxSize);
    }
};

QByteArray littleEndian32(quint32 value) {
    QByteArray bytes(4, '\0');
    for (int i = 0; i < 4; ++i) {
        bytes[i] = char((value >> (8 * i)) & 0xff);
    }
    return bytes;
}

QString writeTemp(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
    return path;
}

} // namespace

// A 116-byte WebP whose EXIF chunk claims 4 GB: nothing larger than the file is ever read.
void TestMediaProbe::webpExifLengthIsCheckedAgainstTheFile() {
    QByteArray webp = "RIFF" + littleEndian32(108) + "WEBP";
    webp += "VP8X" + littleEndian32(10) + QByteArray("\x08\0\0\0", 4) + QByteArray("\x3f\x04\0\x3f\x04\0", 6);
    webp += "EXIF" + littleEndian32(0xfffffff0u);
    webp += QByteArray(116 - webp.size(), 'x');
    QCOMPARE(webp.size(), 116);
    ReadRecordingBuffer device;
    device.setData(webp);
    QVERIFY(device.open(QIODevice::ReadOnly));
    (void)readImageHeader(device, ImageFormat::WebP);
    QVERIFY2(device.largestRead <= webp.size(), qPrintable(QString::number(device.largestRead)));
}

// A FIFO (or any file that is not a regular file) is refused before it is opened: opening one
// blocks until someone writes to it.
void TestMediaProbe::nonRegularFilesAreRefused() {
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("clip.mp4"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    auto future = QtConcurrent::run([fifo] { return MediaProber().probe(fifo); });
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 20000)) {
        QFile writer(fifo); // unblock the probe so the test can end
        writer.open(QIODevice::WriteOnly);
        writer.close();
        future.waitForFinished();
        QFAIL("probing a FIFO blocked");
    }
    const auto media = future.result();
    QVERIFY(!media.has_value());
    QCOMPARE(media.error().code, ErrorCode::MediaUnreadable);
    QVERIFY2(media.error().message.contains(u"not a regular file"), qPrintable(media.error().message));
}

// The name is checked and opened once: swapped for a FIFO right after the check (the test hook runs
// there), it is never opened again, so the probe neither blocks nor describes another file.
void TestMediaProbe::nameSwappedForAFifoAfterTheCheckIsNeverOpened() {
    QTemporaryDir dir;
    const QString path =
        writeTemp(dir, QStringLiteral("clip.mp4"), cq::test::fixtureBytes(QStringLiteral("vertical.mp4")));
    const QByteArray fifo = QFile::encodeName(dir.filePath(QStringLiteral("fifo")));
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    std::atomic_bool swapped = false;
    testing::setAfterOpenHook([&](const QString &opened) {
        if (opened == path && !swapped) { // runs on the probing thread: no QVERIFY here
            swapped = std::rename(fifo.constData(), QFile::encodeName(path).constData()) == 0;
        }
    });
    auto future = QtConcurrent::run([path] { return MediaProber().probe(path); });
    // A probe that opened the name again would block in open(2) on the FIFO: a writer that comes and
    // goes (it can open only while a reader waits) lets such a probe end, with an error.
    const bool finished = QTest::qWaitFor(
        [&] {
            if (swapped) {
                const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
                if (fd >= 0) {
                    ::close(fd);
                }
            }
            return future.isFinished();
        },
        60000);
    testing::setAfterOpenHook({});
    QVERIFY(finished);
    QVERIFY(swapped);
    const auto media = future.result();
    QVERIFY2(media.has_value(), qPrintable(media ? QString() : media.error().message));
    QCOMPARE(media->width, 360);
    QCOMPARE(media->height, 640);
    QCOMPARE(media->hasAudio, true);
}

// Converters and thumbnails open media through the same InputFile as the probe: FFmpeg reads
// ClipQueue's descriptor through its own I/O and gets no name it could open by itself.
void TestMediaProbe::ffmpegIsGivenTheCheckedFileNotItsName() {
    auto opened = ffmpeg::InputFile::open(fixturePath(QStringLiteral("vertical.mp4")),
                                          std::chrono::seconds(20), nullptr);
    QVERIFY(opened.has_value());
    const AVFormatContext *context = (*opened)->context();
    QVERIFY(context->flags & AVFMT_FLAG_CUSTOM_IO);
    QCOMPARE(QByteArray(context->url), QByteArray());
    QVERIFY((*opened)->file().isOpen());

    // Only demuxers of containers ClipQueue knows read a file; an MP3 is refused naming what it is.
    QTemporaryDir dir;
    QByteArray mp3("ID3\x03\0\0\0\0\0\0", 10);
    for (int frame = 0; frame < 20; ++frame) {
        mp3 += QByteArray("\xff\xfb\x90\x64", 4) + QByteArray(413, '\0');
    }
    auto refused = ffmpeg::InputFile::open(writeTemp(dir, QStringLiteral("song.mp3"), mp3),
                                           std::chrono::seconds(20), nullptr);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().failure, ffmpeg::InputFile::Failure::NotMedia);
    QCOMPARE(refused.error().formatName, QStringLiteral("mp3"));
}

// FFmpeg allocates what a file claims: a 287-byte PNG naming a 700 MB chunk made it reserve 1.4 GB
// (fuzz_probe found it; tests/data/fuzz/fuzz_probe/png-chunk-claims-700mb.png). Once ClipQueue
// opened a file, no single FFmpeg allocation may exceed MaxAllocationBytes.
void TestMediaProbe::ffmpegAllocationsAreBounded() {
    const QString claims = cq::test::dataPath(QStringLiteral("fuzz/fuzz_probe/png-chunk-claims-700mb.png"));
    (void)MediaProber().probe(claims);
    void *huge = av_malloc(ffmpeg::MaxAllocationBytes + 1);
    av_free(huge);
    QVERIFY(!huge);
    void *frame = av_malloc(3840 * 2160 * 4); // a 4K RGBA picture
    av_free(frame);
    QVERIFY(frame);
}

void TestMediaProbe::truncatedImagesAreRefused_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<qint64>("keepBytes");
    QTest::newRow("JPEG cut after its header") << "photo.jpg" << qint64(2000);
    QTest::newRow("JPEG without its last byte") << "photo.jpg" << qint64(-1);
    QTest::newRow("PNG cut in a chunk") << "photo.png" << qint64(5000);
    QTest::newRow("WebP cut in its image chunk") << "photo.webp" << qint64(3000);
}

// A photo cut short is damaged: it fails here, not at TikTok.
void TestMediaProbe::truncatedImagesAreRefused() {
    QFETCH(QString, fixture);
    QFETCH(qint64, keepBytes);
    QByteArray bytes = cq::test::fixtureBytes(fixture);
    bytes.truncate(keepBytes < 0 ? bytes.size() + keepBytes : keepBytes);
    QTemporaryDir dir;
    const auto media = MediaProber().probe(writeTemp(dir, u"cut-" + fixture, bytes));
    QVERIFY2(!media.has_value(), "a truncated photo probed as readable");
    QCOMPARE(media.error().code, ErrorCode::MediaUnreadable);
    QVERIFY2(media.error().message.contains(u"cut short") || media.error().message.contains(u"damaged"),
             qPrintable(media.error().message));
}

// A container claiming 2^32 seconds is damaged, not a video of 136 years.
void TestMediaProbe::absurdContainerDurationIsRefused() {
    QByteArray bytes = cq::test::fixtureBytes(QStringLiteral("vertical_faststart.mp4"));
    const qsizetype mvhd = bytes.indexOf("mvhd");
    QVERIFY(mvhd > 0);
    QCOMPARE(bytes.at(mvhd + 4), '\0');                                       // version 0: 32-bit times
    bytes.replace(mvhd + 16, 8, QByteArray("\0\0\0\x01\xff\xff\xff\xff", 8)); // timescale 1, duration 2^32-1
    QTemporaryDir dir;
    const auto media = MediaProber().probe(writeTemp(dir, QStringLiteral("forever.mp4"), bytes));
    QVERIFY2(!media.has_value(), media ? qPrintable(QString::number(*media->durationSeconds)) : "");
    QCOMPARE(media.error().code, ErrorCode::MediaUnreadable);
}

// A 16000x16000 PNG would decode to a gigabyte: its preview is refused from the header.
void TestMediaProbe::thumbnailsRefuseImageBombs() {
    QByteArray png = cq::test::fixtureBytes(QStringLiteral("photo.png"));
    QCOMPARE(png.mid(12, 4), QByteArray("IHDR"));
    png.replace(16, 8, QByteArray("\0\0\x3e\x80\0\0\x3e\x80", 8)); // 16000 x 16000
    QTemporaryDir dir;
    const auto thumbnail = extractThumbnail(writeTemp(dir, QStringLiteral("bomb.png"), png), 96, 0);
    QVERIFY(!thumbnail.has_value());
    QVERIFY2(thumbnail.error().message.contains(u"16000"), qPrintable(thumbnail.error().message));
}

namespace {
// Sets `flag` once more than `afterBytes` were read: a caller cancelling in the middle of a walk.
class CancellingBuffer final : public QBuffer {
public:
    CancellingBuffer(std::atomic_bool &flag, qint64 afterBytes)
        : m_flag(flag)
        , m_afterBytes(afterBytes) {}

protected:
    qint64 readData(char *data, qint64 maxSize) override {
        m_read += maxSize;
        if (m_read > m_afterBytes) {
            m_flag = true;
        }
        return QBuffer::readData(data, maxSize);
    }

private:
    std::atomic_bool &m_flag;
    qint64 m_afterBytes;
    qint64 m_read = 0;
};
} // namespace

// A JPEG padded with 100 MB of fill bytes (or one huge entropy-coded scan) is walked in blocks that
// obey the deadline and cancellation; endless fill is damage, not padding.
void TestMediaProbe::headerWalkObeysTimeoutAndCancellation() {
    const QByteArray filled = QByteArray("\xFF\xD8", 2) + QByteArray(100 * 1024 * 1024, '\xFF');
    QBuffer device;
    device.setData(filled);
    QVERIFY(device.open(QIODevice::ReadOnly));
    QCOMPARE(readImageHeader(device, ImageFormat::Jpeg).error(), ImageHeaderFailure::Damaged);

    const QByteArray photo = cq::test::fixtureBytes(QStringLiteral("photo_large.jpg"));
    QBuffer expired;
    expired.setData(photo);
    QVERIFY(expired.open(QIODevice::ReadOnly));
    QCOMPARE(readImageHeader(expired, ImageFormat::Jpeg, QDeadlineTimer(0)).error(),
             ImageHeaderFailure::TimedOut);

    std::atomic_bool cancel{false};
    CancellingBuffer cancelling(cancel, 0); // cancelled once the first block was read
    cancelling.setData(photo);
    QVERIFY(cancelling.open(QIODevice::ReadOnly));
    QCOMPARE(readImageHeader(cancelling, ImageFormat::Jpeg, QDeadlineTimer(QDeadlineTimer::Forever), &cancel)
                 .error(),
             ImageHeaderFailure::Cancelled);

    QBuffer whole;
    whole.setData(photo);
    QVERIFY(whole.open(QIODevice::ReadOnly));
    QVERIFY(readImageHeader(whole, ImageFormat::Jpeg).has_value());
}

QTEST_GUILESS_MAIN(TestMediaProbe)
#include "tst_mediaprobe.moc"
