// Validation (docs/validation.md): every rule as a table row whose name says the case and whose
// columns carry the expected code. The first half uses described media, the second real files.
#include "TestFixtures.h"
#include "media/MediaProber.h"
#include "post/PostMediaCheck.h"
#include "post/PostValidator.h"

#include <QTest>

#include <functional>

using namespace cq;

namespace {

struct Case {
    Post post;
    QList<MediaCheck> checks;
    ValidationContext context;
};
using Mutation = std::function<void(Case &)>;

const QDateTime now(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);

// Media as a post declares it before probing: just where it is.
MediaDescriptor atUrl(const QString &url) {
    MediaDescriptor media;
    media.url = url;
    return media;
}

MediaDescriptor probedVideo() {
    MediaDescriptor media;
    media.url = QStringLiteral("file:///clips/launch.mp4");
    media.filename = QStringLiteral("launch.mp4");
    media.type = MediaType::Video;
    media.mimeType = QStringLiteral("video/mp4");
    media.codec = QStringLiteral("h264");
    media.width = 1080;
    media.height = 1920;
    media.durationSeconds = 24.0;
    media.frameRate = 30.0;
    media.sizeBytes = 18'432'000;
    media.rotation = 0;
    media.hasAudio = true;
    return media;
}

MediaDescriptor probedPhoto(int index = 0) {
    MediaDescriptor media;
    media.url = QStringLiteral("file:///photos/p%1.jpg").arg(index);
    media.filename = QStringLiteral("p%1.jpg").arg(index);
    media.type = MediaType::Photo;
    media.mimeType = QStringLiteral("image/jpeg");
    media.codec = QStringLiteral("mjpeg");
    media.width = 1080;
    media.height = 1350;
    media.sizeBytes = 600'000;
    return media;
}

CreatorInfo openCreator() {
    CreatorInfo creator;
    creator.nickname = QStringLiteral("Ana");
    creator.privacyLevelOptions = privacy::allLevels();
    creator.maxVideoPostDurationSec = 60;
    return creator;
}

// A post TikTok accepts: one probed vertical video, a privacy level, a known creator.
Case validVideoPost() {
    Case c;
    c.post.text = QStringLiteral("Launch day #launch");
    c.post.media = {atUrl(probedVideo().url)};
    c.checks = {MediaCheck{probedVideo(), std::nullopt}};
    c.post.tiktok.privacyLevel = QString::fromLatin1(privacy::PublicToEveryone);
    c.post.accounts = {QStringLiteral("acct-1")};
    c.context.now = now;
    c.context.creator = openCreator();
    return c;
}

void setPhotos(Case &c, int count) {
    c.post.media.clear();
    c.checks.clear();
    for (int i = 0; i < count; ++i) {
        c.post.media << atUrl(probedPhoto(i).url);
        c.checks << MediaCheck{probedPhoto(i), std::nullopt};
    }
}

MediaDescriptor &video(Case &c) {
    return *c.checks.first().probed;
}

// A remote video with everything declared.
MediaDescriptor remoteVideo() {
    MediaDescriptor media = probedVideo();
    media.url = QStringLiteral("https://cdn.example.com/launch.mp4");
    media.codec.clear();
    media.frameRate.reset();
    return media;
}

QString utf16Caption(int units) {
    // Emoji outside the BMP count two UTF-16 units each; end on a one-unit letter when odd.
    QString caption;
    while (caption.size() + 2 <= units) {
        caption += QStringLiteral("🎬");
    }
    if (caption.size() < units) {
        caption += u'a';
    }
    return caption;
}

bool hasCode(const QList<Finding> &findings, FindingCode code, Severity severity) {
    return std::any_of(findings.cbegin(), findings.cend(),
                       [&](const Finding &f) { return f.code == code && f.severity == severity; });
}

QString describe(const QList<Finding> &findings) {
    QStringList lines;
    for (const Finding &f : findings) {
        lines << findingCodeName(f.code) + u' ' + f.field + u": " + f.message;
    }
    return lines.join(u'\n');
}

} // namespace

Q_DECLARE_METATYPE(Mutation)
Q_DECLARE_METATYPE(cq::FindingCode)

class TestPostValidator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theValidPostHasNoFindings();
    void rules_data();
    void rules();
    void fieldPointsAtTheMediaItem();
    void probedValuesWinOverDeclaredOnes();
    void realFiles_data();
    void realFiles();
    void relativePathsResolveAgainstThePostFolder();
};

void TestPostValidator::theValidPostHasNoFindings() {
    Case c = validVideoPost();
    const QList<Finding> findings = validatePost(c.post, c.checks, c.context);
    QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
}

void TestPostValidator::rules_data() {
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<FindingCode>("code");
    QTest::addColumn<bool>("expected"); // the finding is there (true) or must not be (false)
    QTest::addColumn<bool>("isError");

    auto row = [](const char *name, Mutation mutate, FindingCode code, bool expected, bool isError = true) {
        QTest::newRow(name) << mutate << code << expected << isError;
    };
    using F = FindingCode;

    // Media set.
    row(
        "text-only post", [](Case &c) { c.post.media.clear(), c.checks.clear(); }, F::PostMediaRequired,
        true);
    row(
        "video and photo mixed",
        [](Case &c) {
            c.post.media << atUrl(probedPhoto().url);
            c.checks << MediaCheck{probedPhoto(), std::nullopt};
        },
        F::PostMixedMedia, true);
    row(
        "two videos",
        [](Case &c) {
            c.post.media << c.post.media.first();
            c.checks << c.checks.first();
        },
        F::PostTooManyVideos, true);
    row(
        "35 photos", [](Case &c) { setPhotos(c, 35); }, F::PostTooManyPhotos, false);
    row(
        "36 photos", [](Case &c) { setPhotos(c, 36); }, F::PostTooManyPhotos, true);
    row(
        "1 photo", [](Case &c) { setPhotos(c, 1); }, F::PostMediaRequired, false);

    // Media items.
    row(
        "unreadable local file",
        [](Case &c) {
            c.checks.first() =
                MediaCheck{std::nullopt, Error{ErrorCode::MediaUnreadable, QStringLiteral("x: gone")}};
        },
        F::MediaUnreadable, true);
    row(
        "unsupported URL scheme",
        [](Case &c) {
            c.post.media.first().url = QStringLiteral("ftp://example.com/a.mp4");
            c.checks.clear();
        },
        F::MediaUnreadable, true);
    row(
        "remote media fully declared",
        [](Case &c) {
            c.post.media = {remoteVideo()};
            c.checks.clear();
        },
        F::MediaMetadataMissing, false);
    row(
        "remote media without height",
        [](Case &c) {
            c.post.media = {remoteVideo()};
            c.post.media.first().height.reset();
            c.checks.clear();
        },
        F::MediaMetadataMissing, true);
    row(
        "remote video without duration",
        [](Case &c) {
            c.post.media = {remoteVideo()};
            c.post.media.first().durationSeconds.reset();
            c.checks.clear();
        },
        F::MediaMetadataMissing, true);
    row(
        "declared width differs from the file", [](Case &c) { c.post.media.first().width = 720; },
        F::MediaMetadataMismatch, true, false);
    row(
        "declared duration within a second", [](Case &c) { c.post.media.first().durationSeconds = 24.4; },
        F::MediaMetadataMismatch, false, false);

    // Video rules.
    row(
        "AVI container", [](Case &c) { video(c).mimeType = QStringLiteral("video/x-msvideo"); },
        F::VideoContainerUnsupported, true);
    row(
        "Matroska container", [](Case &c) { video(c).mimeType = QStringLiteral("video/x-matroska"); },
        F::VideoContainerUnsupported, true);
    row(
        "WebM container", [](Case &c) { video(c).mimeType = QStringLiteral("video/webm"); },
        F::VideoContainerUnsupported, false);
    row(
        "QuickTime container", [](Case &c) { video(c).mimeType = QStringLiteral("video/quicktime"); },
        F::VideoContainerUnsupported, false);
    row(
        "MPEG-4 part 2 codec", [](Case &c) { video(c).codec = QStringLiteral("mpeg4"); },
        F::VideoCodecUnsupported, true);
    row(
        "H.265 codec", [](Case &c) { video(c).codec = QStringLiteral("hevc"); }, F::VideoCodecUnsupported,
        false);
    row(
        "VP9 codec", [](Case &c) { video(c).codec = QStringLiteral("vp9"); }, F::VideoCodecUnsupported,
        false);
    row(
        "22.9 fps", [](Case &c) { video(c).frameRate = 22.9; }, F::VideoFrameRateOutOfRange, true);
    row(
        "23.976 fps", [](Case &c) { video(c).frameRate = 24000.0 / 1001.0; }, F::VideoFrameRateOutOfRange,
        false);
    row(
        "60 fps", [](Case &c) { video(c).frameRate = 60.0; }, F::VideoFrameRateOutOfRange, false);
    row(
        "61 fps", [](Case &c) { video(c).frameRate = 61.0; }, F::VideoFrameRateOutOfRange, true);
    row(
        "359 px wide", [](Case &c) { video(c).width = 359; }, F::VideoDimensionsTooSmall, true);
    row(
        "360 px wide", [](Case &c) { video(c).width = 360; }, F::VideoDimensionsTooSmall, false);
    row(
        "4096 px tall", [](Case &c) { video(c).height = 4096; }, F::VideoDimensionsTooLarge, false);
    row(
        "4097 px tall", [](Case &c) { video(c).height = 4097; }, F::VideoDimensionsTooLarge, true);
    row(
        "2.9 s long", [](Case &c) { video(c).durationSeconds = 2.9; }, F::VideoDurationTooShort, true);
    row(
        "3 s long", [](Case &c) { video(c).durationSeconds = 3.0; }, F::VideoDurationTooShort, false);
    row(
        "60 s with a 60 s creator limit", [](Case &c) { video(c).durationSeconds = 60.0; },
        F::VideoDurationTooLong, false);
    row(
        "60.5 s with a 60 s creator limit", [](Case &c) { video(c).durationSeconds = 60.5; },
        F::VideoDurationTooLong, true);
    row(
        "long video, creator unknown",
        [](Case &c) {
            video(c).durationSeconds = 900.0;
            c.context.creator.reset();
        },
        F::VideoDurationTooLong, false);
    row(
        "4,000,000,000 bytes", [](Case &c) { video(c).sizeBytes = 4'000'000'000; }, F::VideoFileTooLarge,
        false);
    row(
        "4,000,000,001 bytes", [](Case &c) { video(c).sizeBytes = 4'000'000'001; }, F::VideoFileTooLarge,
        true);
    row(
        "landscape video", [](Case &c) { video(c).width = 1920, video(c).height = 1080; },
        F::VideoNotVertical, true, false);
    row(
        "square video", [](Case &c) { video(c).width = 1080, video(c).height = 1080; }, F::VideoNotVertical,
        true, false);
    row(
        "cover frame at the end", [](Case &c) { c.post.tiktok.videoCoverTimestampMs = 24000; },
        F::VideoCoverOutOfRange, false);
    row(
        "cover frame past the end", [](Case &c) { c.post.tiktok.videoCoverTimestampMs = 24001; },
        F::VideoCoverOutOfRange, true);

    // Photo rules.
    row(
        "PNG photo",
        [](Case &c) {
            setPhotos(c, 1);
            c.checks.first().probed->mimeType = QStringLiteral("image/png");
        },
        F::PhotoFormatUnsupported, true);
    row(
        "WebP photo",
        [](Case &c) {
            setPhotos(c, 1);
            c.checks.first().probed->mimeType = QStringLiteral("image/webp");
        },
        F::PhotoFormatUnsupported, false);
    row(
        "20,000,000-byte photo",
        [](Case &c) {
            setPhotos(c, 1);
            c.checks.first().probed->sizeBytes = 20'000'000;
        },
        F::PhotoFileTooLarge, false);
    row(
        "20,000,001-byte photo",
        [](Case &c) {
            setPhotos(c, 1);
            c.checks.first().probed->sizeBytes = 20'000'001;
        },
        F::PhotoFileTooLarge, true);
    row(
        "photo 1080x1920 (shorter side at the limit)",
        [](Case &c) {
            setPhotos(c, 1);
            c.checks.first().probed->height = 1920;
        },
        F::PhotoDimensionsTooLarge, false);
    row(
        "photo 1086x1448 (refused by TikTok)",
        [](Case &c) {
            setPhotos(c, 1);
            c.checks.first().probed->width = 1086;
            c.checks.first().probed->height = 1448;
        },
        F::PhotoDimensionsTooLarge, true);
    row(
        "landscape photo 1920x1080",
        [](Case &c) {
            setPhotos(c, 1);
            c.checks.first().probed->width = 1920;
            c.checks.first().probed->height = 1080;
        },
        F::PhotoDimensionsTooLarge, false);

    // Captions, counted in UTF-16 units.
    row(
        "video caption of 2200 units with emoji", [](Case &c) { c.post.text = utf16Caption(2200); },
        F::CaptionTooLong, false);
    row(
        "video caption of 2201 units with emoji", [](Case &c) { c.post.text = utf16Caption(2201); },
        F::CaptionTooLong, true);
    row(
        "photo description of 4000 units",
        [](Case &c) {
            setPhotos(c, 2);
            c.post.text = utf16Caption(4000);
        },
        F::CaptionTooLong, false);
    row(
        "photo description of 4001 units",
        [](Case &c) {
            setPhotos(c, 2);
            c.post.text = utf16Caption(4001);
        },
        F::CaptionTooLong, true);
    row(
        "photo title of 90 units",
        [](Case &c) {
            setPhotos(c, 1);
            c.post.tiktok.title = utf16Caption(90);
        },
        F::PhotoTitleTooLong, false);
    row(
        "photo title of 91 units",
        [](Case &c) {
            setPhotos(c, 1);
            c.post.tiktok.title = utf16Caption(91);
        },
        F::PhotoTitleTooLong, true);

    // Privacy and disclosure.
    row(
        "no privacy chosen", [](Case &c) { c.post.tiktok.privacyLevel.clear(); }, F::PrivacyRequired, true);
    row(
        "privacy not offered to this creator",
        [](Case &c) { c.context.creator->privacyLevelOptions = {QString::fromLatin1(privacy::SelfOnly)}; },
        F::PrivacyNotAllowed, true);
    row(
        "privacy that is no TikTok level",
        [](Case &c) { c.post.tiktok.privacyLevel = QStringLiteral("FRIENDS"); }, F::PrivacyNotAllowed, true);
    row(
        "branded content posted privately",
        [](Case &c) {
            c.post.tiktok.privacyLevel = QString::fromLatin1(privacy::SelfOnly);
            c.post.tiktok.discloseCommercialContent = true;
            c.post.tiktok.brandContentToggle = true;
        },
        F::PrivacyBrandedContentPrivate, true);
    row(
        "own brand posted privately",
        [](Case &c) {
            c.post.tiktok.privacyLevel = QString::fromLatin1(privacy::SelfOnly);
            c.post.tiktok.discloseCommercialContent = true;
            c.post.tiktok.brandOrganicToggle = true;
        },
        F::PrivacyBrandedContentPrivate, false);
    row(
        "disclosure on without a type", [](Case &c) { c.post.tiktok.discloseCommercialContent = true; },
        F::DisclosureTypeRequired, true);
    row(
        "disclosure on with your brand",
        [](Case &c) {
            c.post.tiktok.discloseCommercialContent = true;
            c.post.tiktok.brandOrganicToggle = true;
        },
        F::DisclosureTypeRequired, false);

    // Interactions.
    row(
        "comments allowed, creator disabled comments",
        [](Case &c) {
            c.post.tiktok.disableComment = false;
            c.context.creator->commentDisabled = true;
        },
        F::InteractionDisabledByCreator, true);
    row(
        "duet allowed, creator disabled duets",
        [](Case &c) {
            c.post.tiktok.disableDuet = false;
            c.context.creator->duetDisabled = true;
        },
        F::InteractionDisabledByCreator, true);
    row(
        "stitch allowed, creator disabled stitches",
        [](Case &c) {
            c.post.tiktok.disableStitch = false;
            c.context.creator->stitchDisabled = true;
        },
        F::InteractionDisabledByCreator, true);
    row(
        "comments off, creator disabled comments", [](Case &c) { c.context.creator->commentDisabled = true; },
        F::InteractionDisabledByCreator, false);
    row(
        "duet allowed on a photo post",
        [](Case &c) {
            setPhotos(c, 2);
            c.post.tiktok.disableDuet = false;
        },
        F::InteractionNotForPhotos, true);
    row(
        "comments allowed on a photo post",
        [](Case &c) {
            setPhotos(c, 2);
            c.post.tiktok.disableComment = false;
        },
        F::InteractionNotForPhotos, false);

    // Creator.
    row(
        "creator may not post now",
        [](Case &c) { c.context.creator->cannotPostCode = QStringLiteral("spam_risk_too_many_posts"); },
        F::CreatorCannotPost, true);
    row(
        "no creator info", [](Case &c) { c.context.creator.reset(); }, F::CreatorUnknown, true, false);

    // Inbox mode (MEDIA_UPLOAD): the creator picks privacy, interactions and labels in TikTok's app.
    const auto toInbox = [](Case &c) {
        c.post.tiktok.postMode = QStringLiteral("MEDIA_UPLOAD");
    };
    row(
        "inbox mode without a privacy level",
        [toInbox](Case &c) {
            toInbox(c);
            c.post.tiktok.privacyLevel.clear();
        },
        F::PrivacyRequired, false);
    row(
        "inbox mode with a disclosure left open",
        [toInbox](Case &c) {
            toInbox(c);
            c.post.tiktok.discloseCommercialContent = true;
        },
        F::DisclosureTypeRequired, false);
    row(
        "direct post with a disclosure left open",
        [](Case &c) { c.post.tiktok.discloseCommercialContent = true; }, F::DisclosureTypeRequired, true);

    // Photo cover and the photo host.
    row(
        "photo cover past the last photo",
        [](Case &c) {
            setPhotos(c, 3);
            c.post.tiktok.photoCoverIndex = 3;
        },
        F::PhotoCoverOutOfRange, true);
    row(
        "photo cover on the last photo",
        [](Case &c) {
            setPhotos(c, 3);
            c.post.tiktok.photoCoverIndex = 2;
        },
        F::PhotoCoverOutOfRange, false);
    row(
        "photos without a photo host on the publishing machine",
        [](Case &c) {
            setPhotos(c, 2);
            c.context.photoHostConfigured = false;
        },
        F::PhotoHostMissing, true);
    row(
        "photos, photo host unknown here", [](Case &c) { setPhotos(c, 2); }, F::PhotoHostMissing, false);
    row(
        "a video needs no photo host", [](Case &c) { c.context.photoHostConfigured = false; },
        F::PhotoHostMissing, false);

    // Schedule and accounts.
    row(
        "scheduled a minute ago", [](Case &c) { c.post.scheduledFor = now.addSecs(-60); }, F::ScheduleInPast,
        true);
    row(
        "scheduled tomorrow", [](Case &c) { c.post.scheduledFor = now.addDays(1); }, F::ScheduleInPast,
        false);
    row(
        "scheduled after the authorisation runs out",
        [](Case &c) {
            c.post.scheduledFor = now.addDays(200);
            c.context.tokenFreshUntil = now.addDays(180);
        },
        F::ScheduleTooFar, true, false);
    row(
        "submitted without accounts or a default",
        [](Case &c) {
            c.post.accounts.clear();
            c.context.requireAccounts = true;
        },
        F::PostNoAccounts, true);
    row(
        "submitted without accounts, with a default",
        [](Case &c) {
            c.post.accounts.clear();
            c.context.requireAccounts = true;
            c.context.hasDefaultAccount = true;
        },
        F::PostNoAccounts, false);
    row(
        "submitted to a platform set",
        [](Case &c) {
            c.post.accounts.clear();
            c.post.platformSetId = QStringLiteral("brand-channels");
            c.context.requireAccounts = true;
        },
        F::PostNoAccounts, false);
}

void TestPostValidator::rules() {
    QFETCH(Mutation, mutate);
    QFETCH(FindingCode, code);
    QFETCH(bool, expected);
    QFETCH(bool, isError);

    Case c = validVideoPost();
    mutate(c);
    const QList<Finding> findings = validatePost(c.post, c.checks, c.context);
    const Severity severity = isError ? Severity::Error : Severity::Warning;
    QVERIFY2(hasCode(findings, code, severity) == expected,
             qPrintable(u"expected " + findingCodeName(code) + (expected ? u" present" : u" absent")
                        + u", got:\n" + describe(findings)));
    for (const Finding &finding : findings) {
        QVERIFY2(!finding.message.isEmpty(), qPrintable(findingCodeName(finding.code)));
        QVERIFY2(finding.field.startsWith(u'/'), qPrintable(finding.field));
    }
}

void TestPostValidator::fieldPointsAtTheMediaItem() {
    Case c = validVideoPost();
    setPhotos(c, 3);
    c.checks[2].probed->width = 1440;
    c.checks[2].probed->height = 1920;
    const QList<Finding> findings = validatePost(c.post, c.checks, c.context);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().code, FindingCode::PhotoDimensionsTooLarge);
    QCOMPARE(findings.first().field, QStringLiteral("/content/media/2/width"));
    QVERIFY2(findings.first().message.startsWith(u"p2.jpg "), qPrintable(findings.first().message));
}

void TestPostValidator::probedValuesWinOverDeclaredOnes() {
    Case c = validVideoPost();
    c.post.media.first().width = 200; // declared too small, but the file is 1080 wide
    const QList<Finding> findings = validatePost(c.post, c.checks, c.context);
    QVERIFY(hasCode(findings, FindingCode::MediaMetadataMismatch, Severity::Warning));
    QVERIFY(!hasCode(findings, FindingCode::VideoDimensionsTooSmall, Severity::Error));
    QCOMPARE(effectiveMedia(c.post, c.checks, 0).width, 1080);
}

void TestPostValidator::realFiles_data() {
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<FindingCode>("code");
    QTest::addColumn<bool>("expected");

    auto row = [](const char *name, std::initializer_list<const char *> names, FindingCode code,
                  bool expected) {
        QStringList files;
        for (const char *file : names) {
            files << QString::fromUtf8(file);
        }
        QTest::newRow(name) << files << code << expected;
    };
    using F = FindingCode;
    row("vertical MP4 passes", {"vertical.mp4"}, F::VideoNotVertical, false);
    row("rotated phone clip counts as vertical", {"rotated.mp4"}, F::VideoNotVertical, false);
    row("landscape clip", {"landscape.mp4"}, F::VideoNotVertical, true);
    row("2 s clip", {"short.mp4"}, F::VideoDurationTooShort, true);
    row("15 fps clip", {"fps15.mp4"}, F::VideoFrameRateOutOfRange, true);
    row("240x320 clip", {"small.mp4"}, F::VideoDimensionsTooSmall, true);
    row("4112 px tall clip", {"huge.mp4"}, F::VideoDimensionsTooLarge, true);
    row("MPEG-4 part 2 clip", {"mpeg4.mp4"}, F::VideoCodecUnsupported, true);
    row("Matroska clip", {"matroska.mkv"}, F::VideoContainerUnsupported, true);
    row("WebM named .mp4 is fine", {"webm_named.mp4"}, F::VideoContainerUnsupported, false);
    row("QuickTime clip is fine", {"quicktime.mov"}, F::VideoContainerUnsupported, false);
    row("empty file", {"empty.mp4"}, F::MediaUnreadable, true);
    row("truncated file", {"truncated.mp4"}, F::MediaUnreadable, true);
    row("audio only", {"audio_only.m4a"}, F::MediaUnreadable, true);
    row("1440x1920 photo", {"photo_large.jpg"}, F::PhotoDimensionsTooLarge, true);
    row("PNG photo", {"photo.png"}, F::PhotoFormatUnsupported, true);
    row("GIF photo", {"photo.gif"}, F::PhotoFormatUnsupported, true);
    row("JPEG and WebP photos", {"photo.jpg", "photo.webp"}, F::PhotoFormatUnsupported, false);
    row("video and photo", {"vertical.mp4", "photo.jpg"}, F::PostMixedMedia, true);
    row("non-ASCII names", {"Clip mit Ümlaut 🎬 final.mp4"}, F::MediaUnreadable, false);
}

void TestPostValidator::realFiles() {
    QFETCH(QStringList, files);
    QFETCH(FindingCode, code);
    QFETCH(bool, expected);

    Post post;
    post.tiktok.privacyLevel = QString::fromLatin1(privacy::SelfOnly);
    for (const QString &file : files) {
        post.media << atUrl(fileUrlForPath(cq::test::fixturePath(file)));
    }
    const QList<MediaCheck> checks = checkPostMedia(post, MediaProber());
    ValidationContext context;
    context.now = now;
    context.creator = openCreator();
    const QList<Finding> findings = validatePost(post, checks, context);
    QVERIFY2(std::any_of(findings.cbegin(), findings.cend(), [&](const Finding &f) { return f.code == code; })
                 == expected,
             qPrintable(describe(findings)));
    if (!expected && code == FindingCode::MediaUnreadable) {
        QVERIFY2(!hasErrors(findings), qPrintable(describe(findings)));
    }
}

void TestPostValidator::relativePathsResolveAgainstThePostFolder() {
    Post post;
    post.media << atUrl(QStringLiteral("vertical.mp4"));
    const QString folder = QFileInfo(cq::test::fixturePath(QStringLiteral("vertical.mp4"))).absolutePath();
    const QList<MediaCheck> checks = checkPostMedia(post, MediaProber(), folder);
    QVERIFY(checks.first().probed.has_value());
    QCOMPARE(checks.first().probed->height, 640);
}

QTEST_GUILESS_MAIN(TestPostValidator)
#include "tst_postvalidator.moc"
