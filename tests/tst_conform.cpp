// "Fix it for me": the conversion plan, the fix on findings, the photo and video converters, the
// post conformer (into the store, originals untouched) and the queue (off the thread, progress,
// cancel), on generated fixtures. Every output is probed, validated and decoded to its last frame.
#include "TestFixtures.h"
#include "media/MediaProber.h"
#include "media/MediaStore.h"
#include "media/convert/PhotoConverter.h"
#include "media/convert/VideoConverter.h"
#include "post/ConformPlan.h"
#include "post/PostValidator.h"
#include "publish/ConformQueue.h"
#include "publish/PostConformer.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPoint>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace cq;
using cq::test::dataPath;
using cq::test::filesUnder;
using cq::test::fixturePath;

namespace {

// What decoding every video frame of a file found.
struct Decoded {
    int frames = 0;
    double lastFrameSeconds = -1;
    bool failed = false;
};

// Decodes every frame of the file's best video stream: the first and the last must decode.
Decoded decodeAllFrames(const QString &path) {
    Decoded result;
    AVFormatContext *context = nullptr;
    if (avformat_open_input(&context, QFile::encodeName(path).constData(), nullptr, nullptr) < 0) {
        return {0, -1, true};
    }
    avformat_find_stream_info(context, nullptr);
    const int index = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    AVStream *stream = context->streams[index];
    const AVCodec *codec = avcodec_find_decoder(stream->codecpar->codec_id);
    AVCodecContext *decoder = avcodec_alloc_context3(codec);
    avcodec_parameters_to_context(decoder, stream->codecpar);
    avcodec_open2(decoder, codec, nullptr);
    AVPacket *packet = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    auto drain = [&] {
        while (avcodec_receive_frame(decoder, frame) >= 0) {
            ++result.frames;
            result.lastFrameSeconds = double(frame->best_effort_timestamp) * av_q2d(stream->time_base);
        }
    };
    while (av_read_frame(context, packet) >= 0) {
        if (packet->stream_index == index && avcodec_send_packet(decoder, packet) < 0) {
            result.failed = true;
        }
        av_packet_unref(packet);
        drain();
    }
    avcodec_send_packet(decoder, nullptr);
    drain();
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&decoder);
    avformat_close_input(&context);
    return result;
}

// The luma plane of a photo's picture, row by row.
struct Luma {
    int width = 0;
    int height = 0;
    QByteArray pixels;
    int at(int x, int y) const { return quint8(pixels.at(y * width + x)); }
};

Luma lumaOf(const QString &path) {
    Luma luma;
    AVFormatContext *context = nullptr;
    if (avformat_open_input(&context, QFile::encodeName(path).constData(), nullptr, nullptr) < 0) {
        return luma;
    }
    avformat_find_stream_info(context, nullptr);
    AVStream *stream = context->streams[0];
    const AVCodec *codec = avcodec_find_decoder(stream->codecpar->codec_id);
    AVCodecContext *decoder = avcodec_alloc_context3(codec);
    avcodec_parameters_to_context(decoder, stream->codecpar);
    avcodec_open2(decoder, codec, nullptr);
    AVPacket *packet = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    if (av_read_frame(context, packet) >= 0 && avcodec_send_packet(decoder, packet) >= 0) {
        avcodec_send_packet(decoder, nullptr);
        if (avcodec_receive_frame(decoder, frame) >= 0) {
            luma.width = frame->width;
            luma.height = frame->height;
            for (int y = 0; y < frame->height; ++y) {
                luma.pixels.append(reinterpret_cast<const char *>(frame->data[0] + y * frame->linesize[0]),
                                   frame->width);
            }
        }
    }
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&decoder);
    avformat_close_input(&context);
    return luma;
}

// Mean absolute difference between `upright` and `stored` turned by `map` (upright x, y -> stored x, y).
double difference(const Luma &upright, const Luma &stored, const std::function<QPoint(int, int)> &map) {
    double sum = 0;
    for (int y = 0; y < upright.height; ++y) {
        for (int x = 0; x < upright.width; ++x) {
            const QPoint from = map(x, y);
            sum += std::abs(upright.at(x, y) - stored.at(from.x(), from.y()));
        }
    }
    return sum / (upright.width * upright.height);
}

// A JPEG with an EXIF segment that has a GPS IFD (GPSLatitudeRef "N") and a recognisable marker.
QByteArray jpegWithLocation(const QByteArray &jpeg) {
    const QByteArray tiff = QByteArray("MM\x00\x2a\x00\x00\x00\x08", 8)
                            + QByteArray("\x00\x01\x88\x25\x00\x04\x00\x00\x00\x01\x00\x00\x00\x1a", 14)
                            + QByteArray(4, '\0') // no next IFD; the GPS IFD follows at 26
                            + QByteArray("\x00\x01\x00\x01\x00\x02\x00\x00\x00\x02N\x00\x00\x00", 14)
                            + QByteArray(4, '\0') + QByteArray("ClipQueueTestLocation 52.52N 13.40E");
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    const qsizetype length = payload.size() + 2;
    const QByteArray segment = QByteArray("\xFF\xE1", 2) + char(length >> 8) + char(length & 0xff) + payload;
    return jpeg.left(2) + segment + jpeg.mid(2);
}

QByteArray sha256Of(const QString &path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

MediaDescriptor probed(const QString &path) {
    auto media = MediaProber().probe(path);
    if (!media) {
        qFatal("cannot probe %s: %s", qPrintable(path), qPrintable(media.error().message));
    }
    return *media;
}

Post postWith(const QString &path) {
    Post post;
    post.text = QStringLiteral("caption");
    post.tiktok.privacyLevel = QStringLiteral("SELF_ONLY");
    MediaDescriptor media;
    media.url = fileUrlForPath(path);
    post.media << media;
    return post;
}

CreatorInfo creatorWithMaximum(int seconds) {
    CreatorInfo creator;
    creator.privacyLevelOptions = {QStringLiteral("SELF_ONLY")};
    creator.maxVideoPostDurationSec = seconds;
    return creator;
}

QStringList errorCodes(const QList<Finding> &findings) {
    QStringList codes;
    for (const Finding &finding : findings) {
        if (finding.isError()) {
            codes << findingCodeName(finding.code);
        }
    }
    return codes;
}

QList<Finding> validateFile(const QString &path, const std::optional<CreatorInfo> &creator) {
    ValidationContext context;
    context.creator = creator;
    return validatePost(postWith(path), {MediaCheck{probed(path), std::nullopt}}, context);
}

} // namespace

class TestConform : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void planScalesPhotosToAShorterSideOf1080();
    void planVideo_data();
    void planVideo();
    void acceptedMediaNeedsNoPlan();
    void validatorAttachesTheFixToFindingsTheConversionClears();
    void photosBecomeAcceptedJpegsInTheStore_data();
    void photosBecomeAcceptedJpegsInTheStore();
    void exifOrientationIsAppliedToThePixels();
    void strippingLocationKeepsTheJpegsPictureBytes();
    void videosBecomeAcceptedMp4s_data();
    void videosBecomeAcceptedMp4s();
    void trimKeepsThePickedRange();
    void tooLargeVideoIsReencodedToFit();
    void cancellingLeavesNoFileBehind();
    void queueConvertsOffTheCallingThreadWithProgress();
    void queueCancelLeavesTheStoreClean();
    void destroyingTheQueueStopsItsConversions();
};

void TestConform::planScalesPhotosToAShorterSideOf1080() {
    MediaDescriptor media = probed(fixturePath(QStringLiteral("photo_4000x3000.jpg")));
    const auto plan = planConform(media, ConformLimits{});
    QVERIFY(plan && plan->photo && !plan->video);
    QCOMPARE(plan->photo->width, 1440);
    QCOMPARE(plan->photo->height, 1080);
    QCOMPARE(plan->description, QStringLiteral("scale to 1440x1080 JPEG"));
    QCOMPARE(plan->fixes, QList{FindingCode::PhotoDimensionsTooLarge});

    media = probed(fixturePath(QStringLiteral("screenshot.png")));
    const auto png = planConform(media, ConformLimits{});
    QVERIFY(png && png->photo);
    QCOMPARE(png->photo->width, 1080);
    QCOMPARE(png->photo->height, 2337);
    QVERIFY(png->fixes.contains(FindingCode::PhotoFormatUnsupported));
}

void TestConform::planVideo_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("maxDuration");
    QTest::addColumn<FindingCode>("fixes");
    QTest::addColumn<bool>("reencode");
    QTest::addColumn<double>("frameRate");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("description");
    QTest::newRow("120 fps") << "fps120.mp4" << 0 << FindingCode::VideoFrameRateOutOfRange << true << 60.0
                             << QSize(360, 640) << "re-encode as H.264/AAC MP4, at 60 fps";
    QTest::newRow("15 fps") << "fps15.mp4" << 0 << FindingCode::VideoFrameRateOutOfRange << true << 30.0
                            << QSize(360, 640) << "re-encode as H.264/AAC MP4, at 30 fps";
    QTest::newRow("200x200") << "tiny.mp4" << 0 << FindingCode::VideoDimensionsTooSmall << true << 0.0
                             << QSize(360, 360) << "re-encode as H.264/AAC MP4, scaled to 360x360";
    QTest::newRow("480x4112") << "huge.mp4" << 0 << FindingCode::VideoDimensionsTooLarge << true << 0.0
                              << QSize(478, 4096) << "re-encode as H.264/AAC MP4, scaled to 478x4096";
    QTest::newRow("MPEG-4 part 2") << "mpeg4.mp4" << 0 << FindingCode::VideoCodecUnsupported << true << 0.0
                                   << QSize(360, 640) << "re-encode as H.264/AAC MP4";
    QTest::newRow("H.264 in Matroska")
        << "matroska.mkv" << 0 << FindingCode::VideoContainerUnsupported << false << 0.0 << QSize(360, 640)
        << "repackage as MP4 without re-encoding";
    QTest::newRow("VP8 in Matroska") << "vp8.mkv" << 0 << FindingCode::VideoContainerUnsupported << true
                                     << 0.0 << QSize(360, 640) << "re-encode as H.264/AAC MP4";
    QTest::newRow("8 s, creator's maximum 5 s")
        << "long.mp4" << 5 << FindingCode::VideoDurationTooLong << true << 0.0 << QSize(360, 640)
        << "re-encode as H.264/AAC MP4, trimmed to 0.0 s - 5.0 s";
}

void TestConform::planVideo() {
    QFETCH(QString, fixture);
    QFETCH(int, maxDuration);
    QFETCH(FindingCode, fixes);
    QFETCH(bool, reencode);
    QFETCH(double, frameRate);
    QFETCH(QSize, size);
    QFETCH(QString, description);
    ConformLimits limits;
    if (maxDuration > 0) {
        limits.maxDurationSeconds = maxDuration;
    }
    const auto plan = planConform(probed(fixturePath(fixture)), limits);
    QVERIFY(plan && plan->video && !plan->photo);
    QVERIFY2(plan->fixes.contains(fixes), qPrintable(findingCodeName(fixes)));
    QCOMPARE(plan->video->reencodeVideo, reencode);
    QCOMPARE(plan->video->frameRate, frameRate);
    QCOMPARE(QSize(plan->video->width, plan->video->height), size);
    QCOMPARE(plan->description, description);
}

void TestConform::acceptedMediaNeedsNoPlan() {
    for (const char *name : {"vertical.mp4", "webm_named.mp4", "hevc.mp4", "photo.jpg", "photo.webp"}) {
        QVERIFY2(!planConform(probed(fixturePath(QString::fromLatin1(name))), ConformLimits{}), name);
    }
    // Over 4 GB: the bit rate is computed from the budget and the length (here 1 MB over 4 s).
    MediaDescriptor media = probed(fixturePath(QStringLiteral("high_bitrate.mp4")));
    ConformLimits limits;
    limits.maxVideoBytes = 1'000'000;
    const auto plan = planConform(media, limits);
    QVERIFY(plan && plan->video);
    QCOMPARE(plan->fixes, QList{FindingCode::VideoFileTooLarge});
    QCOMPARE(plan->video->videoBitsPerSecond,
             qint64(1'000'000 * 8 * 0.95 / 4.0) - encoding::AacBitsPerSecond);
}

void TestConform::validatorAttachesTheFixToFindingsTheConversionClears() {
    Post post = postWith(fixturePath(QStringLiteral("screenshot.png")));
    post.text = QString(2300, u'x'); // caption.too_long: no conversion clears that
    const MediaDescriptor media = probed(fixturePath(QStringLiteral("screenshot.png")));
    const QList<Finding> findings =
        validatePost(post, {MediaCheck{media, std::nullopt}}, ValidationContext{});
    int withFix = 0;
    for (const Finding &finding : findings) {
        if (finding.code == FindingCode::PhotoFormatUnsupported
            || finding.code == FindingCode::PhotoDimensionsTooLarge) {
            QCOMPARE(finding.fix, QStringLiteral("scale to 1080x2337 JPEG"));
            QCOMPARE(finding.toJson().value(u"fix").toString(), finding.fix);
            ++withFix;
        } else {
            QVERIFY2(finding.fix.isEmpty(), qPrintable(findingCodeName(finding.code)));
            QVERIFY(!finding.toJson().contains(u"fix"));
        }
    }
    QCOMPARE(withFix, 2);
    // The creator's maximum length makes trimming a fix; without creator info there is no such finding.
    const QList<Finding> tooLong =
        validateFile(fixturePath(QStringLiteral("long.mp4")), creatorWithMaximum(5));
    const auto duration = std::find_if(tooLong.cbegin(), tooLong.cend(), [](const Finding &finding) {
        return finding.code == FindingCode::VideoDurationTooLong;
    });
    QVERIFY(duration != tooLong.cend());
    QCOMPARE(duration->fix, QStringLiteral("re-encode as H.264/AAC MP4, trimmed to 0.0 s - 5.0 s"));
}

void TestConform::photosBecomeAcceptedJpegsInTheStore_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QSize>("size");
    QTest::newRow("4000x3000 JPEG") << "photo_4000x3000.jpg"
                                    << "photo.dimensions_too_large" << QSize(1440, 1080);
    QTest::newRow("1440x1920 JPEG") << "photo_large.jpg"
                                    << "photo.dimensions_too_large" << QSize(1080, 1440);
    QTest::newRow("PNG screenshot with alpha") << "screenshot.png"
                                               << "photo.format_unsupported" << QSize(1080, 2337);
    QTest::newRow("GIF") << "photo.gif"
                         << "photo.format_unsupported" << QSize(320, 240);
    QTest::newRow("small PNG") << "photo.png"
                               << "photo.format_unsupported" << QSize(800, 800);
}

void TestConform::photosBecomeAcceptedJpegsInTheStore() {
    QFETCH(QString, fixture);
    QFETCH(QString, code);
    QFETCH(QSize, size);
    const QString source = fixturePath(fixture);
    QVERIFY(errorCodes(validateFile(source, std::nullopt)).contains(code));
    const QByteArray sourceHash = sha256Of(source);
    const QDateTime sourceModified = QFileInfo(source).lastModified();

    QTemporaryDir dir;
    const MediaStore store(dir.filePath(QStringLiteral("media")));
    auto result =
        PostConformer({&store, {}}, ConformLimits{}).conform(postWith(source), QString(), {}, {}, {});
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    QCOMPARE(result->converted.size(), 1);
    const ConformedMedia &item = result->converted.constFirst();
    QVERIFY(item.outputPath.startsWith(store.root() + u"/objects/"));
    QVERIFY(store.verify(QFileInfo(item.outputPath).fileName()));
    QCOMPARE(item.probed.mimeType, QStringLiteral("image/jpeg"));
    QCOMPARE(QSize(*item.probed.width, *item.probed.height), size);
    QVERIFY(*item.probed.sizeBytes < 10'000'000);
    QCOMPARE(result->post.media.constFirst().url, fileUrlForPath(item.outputPath));
    QCOMPARE(result->post.media.constFirst().filename,
             QFileInfo(fixture).completeBaseName() + u".tiktok.jpg");
    QVERIFY(errorCodes(validateFile(item.outputPath, std::nullopt)).isEmpty());
    const Decoded decoded = decodeAllFrames(item.outputPath);
    QCOMPARE(decoded.frames, 1);
    QVERIFY(!decoded.failed);
    // The original is only read; nothing is left in incoming/.
    QCOMPARE(sha256Of(source), sourceHash);
    QCOMPARE(QFileInfo(source).lastModified(), sourceModified);
    QVERIFY(filesUnder(store.root() + u"/incoming").isEmpty());
}

void TestConform::exifOrientationIsAppliedToThePixels() {
    // 64x32 stored, EXIF orientation 6: it displays as 32x64, and the converted JPEG is 32x64
    // upright with no orientation left to apply.
    const QString source = dataPath(QStringLiteral("exif_orientation6.jpg"));
    const MediaDescriptor media = probed(source);
    QCOMPARE(QSize(*media.width, *media.height), QSize(32, 64));
    QTemporaryDir dir;
    const QString output = dir.filePath(QStringLiteral("upright.jpg"));
    auto converted = PhotoConverter().convert(source, output, PhotoConversion{32, 64, 1'000'000});
    QVERIFY2(converted, converted ? "" : qPrintable(converted.error().message));
    const MediaDescriptor upright = probed(output);
    QCOMPARE(QSize(*upright.width, *upright.height), QSize(32, 64));
    QCOMPARE(*upright.rotation, 0);
    // The pixels are the stored ones turned 90 degrees clockwise (not squeezed, not turned the
    // other way): upright (x, y) is stored (y, 31 - x).
    const Luma stored = lumaOf(source);
    const Luma turned = lumaOf(output);
    QCOMPARE(QSize(stored.width, stored.height), QSize(64, 32));
    QCOMPARE(QSize(turned.width, turned.height), QSize(32, 64));
    const double clockwise = difference(turned, stored, [](int x, int y) { return QPoint(y, 31 - x); });
    const double counterClockwise =
        difference(turned, stored, [](int x, int y) { return QPoint(63 - y, x); });
    QVERIFY2(clockwise < 12 && clockwise * 2 < counterClockwise,
             qPrintable(QStringLiteral("%1 vs %2").arg(clockwise).arg(counterClockwise)));
}

void TestConform::strippingLocationKeepsTheJpegsPictureBytes() {
    QTemporaryDir dir;
    const QByteArray original = cq::test::fixtureBytes(QStringLiteral("photo.jpg"));
    const QString source = dir.filePath(QStringLiteral("located.jpg"));
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(jpegWithLocation(original));
    file.close();
    // Not a finding: only when asked.
    QVERIFY(!planConform(probed(source), ConformLimits{}));
    ConformLimits limits;
    limits.stripPhotoMetadata = true;
    const auto plan = planConform(probed(source), limits);
    QVERIFY(plan && plan->photo && plan->photo->keepPixels);
    QCOMPARE(plan->description, QStringLiteral("remove metadata (location)"));

    QDir(dir.path()).mkdir(QStringLiteral("out"));
    auto result =
        PostConformer({nullptr, dir.filePath(QStringLiteral("out"))}, limits).conform(postWith(source), {});
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    QFile output(result->converted.constFirst().outputPath);
    QVERIFY(output.open(QIODevice::ReadOnly));
    const QByteArray stripped = output.readAll();
    QVERIFY(!stripped.contains("ClipQueueTestLocation"));
    QVERIFY(!stripped.contains("Exif"));
    // The picture is the same bytes: nothing was re-encoded.
    QCOMPARE(stripped.mid(stripped.indexOf("\xFF\xDA")), original.mid(original.indexOf("\xFF\xDA")));
    QCOMPARE(decodeAllFrames(output.fileName()).frames, 1);

    // A JPEG that EXIF turns upright cannot just lose its EXIF: it is re-encoded upright.
    const auto turned = planConform(probed(dataPath(QStringLiteral("exif_orientation6.jpg"))), limits);
    QVERIFY(turned && turned->photo && !turned->photo->keepPixels);
    QCOMPARE(turned->description, QStringLiteral("convert to a 32x64 JPEG, turned upright"));
}

void TestConform::videosBecomeAcceptedMp4s_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("maxDuration");
    QTest::newRow("120 fps with audio") << "fps120.mp4"
                                        << "video.frame_rate_out_of_range" << 0;
    QTest::newRow("120 fps, rotated by its display matrix") << "rotated_fps120.mp4"
                                                            << "video.frame_rate_out_of_range" << 0;
    QTest::newRow("15 fps") << "fps15.mp4"
                            << "video.frame_rate_out_of_range" << 0;
    QTest::newRow("200x200") << "tiny.mp4"
                             << "video.dimensions_too_small" << 0;
    QTest::newRow("480x4112") << "huge.mp4"
                              << "video.dimensions_too_large" << 0;
    QTest::newRow("MPEG-4 part 2") << "mpeg4.mp4"
                                   << "video.codec_unsupported" << 0;
    QTest::newRow("MPEG-4 part 2 and PCM audio in AVI") << "mpeg4_pcm.avi"
                                                        << "video.codec_unsupported" << 0;
    QTest::newRow("VP8 in Matroska") << "vp8.mkv"
                                     << "video.container_unsupported" << 0;
    QTest::newRow("H.264 in Matroska, repackaged") << "matroska.mkv"
                                                   << "video.container_unsupported" << 0;
    QTest::newRow("8 s, creator's maximum 5 s") << "long.mp4"
                                                << "video.duration_too_long" << 5;
}

void TestConform::videosBecomeAcceptedMp4s() {
    QFETCH(QString, fixture);
    QFETCH(QString, code);
    QFETCH(int, maxDuration);
    const QString source = fixturePath(fixture);
    const std::optional<CreatorInfo> creator =
        maxDuration > 0 ? std::optional(creatorWithMaximum(maxDuration)) : std::nullopt;
    QVERIFY(errorCodes(validateFile(source, creator)).contains(code));
    const MediaDescriptor before = probed(source);
    const QByteArray sourceHash = sha256Of(source);

    QTemporaryDir dir;
    const MediaStore store(dir.filePath(QStringLiteral("media")));
    double lastProgress = 0;
    auto result = PostConformer({&store, {}}, conformLimitsFor(creator))
                      .conform(postWith(source), QString(), {}, {},
                               [&lastProgress](qsizetype, double fraction) { lastProgress = fraction; });
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    QCOMPARE(result->converted.size(), 1);
    const QString output = result->converted.constFirst().outputPath;
    const MediaDescriptor after = probed(output);
    QCOMPARE(after.mimeType, QStringLiteral("video/mp4"));
    QCOMPARE(after.codec, QStringLiteral("h264"));
    QCOMPARE(*after.hasAudio, *before.hasAudio);
    QCOMPARE(*after.rotation, *before.rotation);
    QCOMPARE(lastProgress, 1.0);
    // Display aspect kept (within rounding to even sizes).
    QVERIFY(std::abs(double(*after.width) / *after.height - double(*before.width) / *before.height) < 0.02);
    const QStringList remaining = errorCodes(validateFile(output, creator));
    QVERIFY2(remaining.isEmpty(), qPrintable(remaining.join(u", ")));
    const Decoded decoded = decodeAllFrames(output);
    QVERIFY(!decoded.failed);
    QVERIFY(decoded.frames >= int(*after.durationSeconds * *after.frameRate) - 2);
    QVERIFY(decoded.lastFrameSeconds >= *after.durationSeconds - 0.2);
    QCOMPARE(sha256Of(source), sourceHash);
}

void TestConform::trimKeepsThePickedRange() {
    const QString source = fixturePath(QStringLiteral("long.mp4"));
    ConformLimits limits = conformLimitsFor(creatorWithMaximum(5));
    limits.trim = TimeRange{2.0, 6.0};
    const auto plan = planConform(probed(source), limits);
    QVERIFY(plan && plan->video && plan->video->trim);
    QCOMPARE(plan->description, QStringLiteral("re-encode as H.264/AAC MP4, trimmed to 2.0 s - 6.0 s"));
    QTemporaryDir dir;
    const QString output = dir.filePath(QStringLiteral("trimmed.mp4"));
    auto converted = VideoConverter().convert(source, output, *plan->video);
    QVERIFY2(converted, converted ? "" : qPrintable(converted.error().message));
    const MediaDescriptor trimmed = probed(output);
    QVERIFY2(std::abs(*trimmed.durationSeconds - 4.0) < 0.05,
             qPrintable(QString::number(*trimmed.durationSeconds)));
    QVERIFY(*trimmed.hasAudio);
    const Decoded decoded = decodeAllFrames(output);
    QCOMPARE(decoded.frames, 120);
}

void TestConform::tooLargeVideoIsReencodedToFit() {
    // TikTok's limit is 4 GB; the same computation is tested against a limit a quarter of this file.
    const QString source = fixturePath(QStringLiteral("high_bitrate.mp4"));
    const MediaDescriptor before = probed(source);
    ConformLimits limits;
    limits.maxVideoBytes = *before.sizeBytes / 4;
    QTemporaryDir dir;
    auto result = PostConformer({nullptr, dir.path()}, limits).conform(postWith(source), QString());
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    const ConformedMedia &item = result->converted.constFirst();
    QCOMPARE(QFileInfo(item.outputPath).fileName(), QStringLiteral("high_bitrate.tiktok.mp4"));
    QVERIFY2(*item.probed.sizeBytes <= limits.maxVideoBytes,
             qPrintable(QStringLiteral("%1 > %2").arg(*item.probed.sizeBytes).arg(limits.maxVideoBytes)));
    QVERIFY(!planConform(item.probed, limits));
    QVERIFY(!decodeAllFrames(item.outputPath).failed);
    // Only the converted file is in the output folder: no temporary file is left.
    QCOMPARE(filesUnder(dir.path()), QStringList{QStringLiteral("high_bitrate.tiktok.mp4")});
}

void TestConform::cancellingLeavesNoFileBehind() {
    const QString source = fixturePath(QStringLiteral("huge.mp4"));
    const auto plan = planConform(probed(source), ConformLimits{});
    QVERIFY(plan && plan->video);
    QTemporaryDir dir;
    const QString output = dir.filePath(QStringLiteral("out.mp4"));
    std::stop_source stop;
    auto converted = VideoConverter().convert(source, output, *plan->video, stop.get_token(),
                                              [&stop](double) { stop.request_stop(); });
    QVERIFY(!converted);
    QCOMPARE(converted.error().code, ErrorCode::Cancelled);
    QVERIFY(!QFileInfo::exists(output));
}

void TestConform::queueConvertsOffTheCallingThreadWithProgress() {
    QTemporaryDir dir;
    const MediaStore store(dir.filePath(QStringLiteral("media")));
    ConformQueue queue;
    auto future = queue.conform(PostConformer({&store, {}}, ConformLimits{}),
                                postWith(fixturePath(QStringLiteral("fps15.mp4"))), QString());
    QFutureWatcher<std::expected<ConformResult, Error>> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    QSignalSpy progress(&watcher, &QFutureWatcherBase::progressValueChanged);
    watcher.setFuture(future);
    QVERIFY(finished.wait(120'000) || future.isFinished());
    QVERIFY(future.resultCount() == 1);
    const auto result = future.result();
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    QCOMPARE(future.progressValue(), ConformQueue::ProgressMaximum);
    QVERIFY(!result->converted.isEmpty());
    QVERIFY(errorCodes(validateFile(result->converted.constFirst().outputPath, std::nullopt)).isEmpty());
}

void TestConform::queueCancelLeavesTheStoreClean() {
    QTemporaryDir dir;
    const MediaStore store(dir.filePath(QStringLiteral("media")));
    ConformQueue queue;
    auto future = queue.conform(PostConformer({&store, {}}, ConformLimits{}),
                                postWith(fixturePath(QStringLiteral("huge.mp4"))), QString());
    QTRY_VERIFY_WITH_TIMEOUT(future.progressValue() > 0 || future.isFinished(), 120'000);
    future.cancel();
    future.waitForFinished();
    // Either the cancel arrived in time (no result) or the conversion had finished; in no case is a
    // half-written file left in the store.
    QVERIFY(filesUnder(store.root() + u"/incoming").isEmpty());
    if (future.resultCount() == 0 || !future.result()) {
        QVERIFY(filesUnder(store.root() + u"/objects").isEmpty());
    }
}

void TestConform::destroyingTheQueueStopsItsConversions() {
    QTemporaryDir dir;
    const MediaStore store(dir.filePath(QStringLiteral("media")));
    QFuture<std::expected<ConformResult, Error>> future;
    {
        ConformQueue queue;
        future = queue.conform(PostConformer({&store, {}}, ConformLimits{}),
                               postWith(fixturePath(QStringLiteral("huge.mp4"))), QString());
        QTRY_VERIFY_WITH_TIMEOUT(future.progressValue() > 0 || future.isFinished(), 120'000);
    } // the app quits
    QVERIFY(future.isFinished());
    QVERIFY(filesUnder(store.root() + u"/incoming").isEmpty());
}

QTEST_GUILESS_MAIN(TestConform)
#include "tst_conform.moc"
