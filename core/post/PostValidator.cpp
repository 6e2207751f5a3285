#include "post/PostValidator.h"

#include "post/ConformPlan.h"
#include "post/TikTokRules.h"

#include <QLocale>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace cq {

namespace {

const QString settingsPointer = QStringLiteral("/content/platformOverrides/tiktok/settings");

QString mediaPointer(qsizetype index, QStringView field = {}) {
    QString pointer = u"/content/media/" + QString::number(index);
    if (!field.isEmpty()) {
        pointer += u'/' + field;
    }
    return pointer;
}

QString displayName(const MediaDescriptor &media, qsizetype index) {
    if (!media.filename.isEmpty()) {
        return media.filename;
    }
    const QString fromUrl = QUrl(media.url).fileName();
    return fromUrl.isEmpty() ? u"Media " + QString::number(index + 1) : fromUrl;
}

QString seconds(double value) {
    return QString::number(value, 'f', value < 10 ? 1 : 0) + u" s";
}

// "1 video", "2 videos".
QString counted(qsizetype count, QStringView noun) {
    return QString::number(count) + u' ' + noun + (count == 1 ? u"" : u"s");
}

QString megabytes(qint64 bytes) {
    return QString::number(double(bytes) / 1'000'000.0, 'f', 1) + u" MB";
}

class Checker {
public:
    Checker(const Post &post, const QList<MediaCheck> &checks, const ValidationContext &context)
        : m_post(post)
        , m_checks(checks)
        , m_context(context) {}

    QList<Finding> run() {
        for (qsizetype i = 0; i < m_post.media.size(); ++i) {
            m_items << effectiveMedia(m_post, m_checks, i);
        }
        m_photoPost = isPhotoPost(m_post, m_checks);
        checkMediaSet();
        for (qsizetype i = 0; i < m_post.media.size(); ++i) {
            checkItem(i);
        }
        checkCaption();
        checkPhotoPost();
        // In inbox mode the creator picks privacy, interactions and labels in TikTok's app, and TikTok
        // ignores what the post says about them: nothing to demand or refuse here.
        if (!m_post.tiktok.sendsToDrafts()) {
            checkPrivacyAndDisclosure();
            checkInteractions();
        }
        checkCreator();
        checkSchedule();
        checkAccountSet();
        checkAccounts();
        checkDuplicates();
        return m_findings;
    }

private:
    void error(FindingCode code, const QString &field, const QString &message) {
        m_findings.append({Severity::Error, code, field, message});
    }
    void warning(FindingCode code, const QString &field, const QString &message) {
        m_findings.append({Severity::Warning, code, field, message});
    }

    void checkMediaSet() {
        const QList<MediaDescriptor> &items = m_items;
        if (items.isEmpty()) {
            error(FindingCode::PostMediaRequired, QStringLiteral("/content/media"),
                  QStringLiteral("A TikTok post needs one video or 1 to 35 photos. Add media to the post."));
            return;
        }
        const auto videos =
            std::count_if(items.cbegin(), items.cend(), [](const auto &m) { return m.isVideo(); });
        const auto photos =
            std::count_if(items.cbegin(), items.cend(), [](const auto &m) { return m.isPhoto(); });
        if (videos > 0 && photos > 0) {
            error(FindingCode::PostMixedMedia, QStringLiteral("/content/media"),
                  u"This post mixes " + counted(videos, u"video") + u" and " + counted(photos, u"photo")
                      + u"; TikTok posts are one video or photos only. Remove the videos or the photos.");
        } else if (videos > 1) {
            error(
                FindingCode::PostTooManyVideos, QStringLiteral("/content/media"),
                QStringLiteral("This post has %1 videos; a TikTok post carries one. Keep one video and make "
                               "a post for each of the others.")
                    .arg(videos));
        }
        if (photos > rules::MaxPhotos) {
            error(FindingCode::PostTooManyPhotos, QStringLiteral("/content/media"),
                  QStringLiteral("This post has %1 photos; TikTok takes at most %2. Remove %3.")
                      .arg(photos)
                      .arg(rules::MaxPhotos)
                      .arg(counted(photos - rules::MaxPhotos, u"photo")));
        }
    }

    void checkItem(qsizetype index) {
        const MediaDescriptor &declared = m_post.media.at(index);
        const MediaCheck check = m_checks.value(index);
        const QString name = displayName(check.probed ? *check.probed : declared, index);
        if (check.error) {
            error(FindingCode::MediaUnreadable, mediaPointer(index, u"url"), check.error->message);
            return;
        }
        const MediaLocation location = locateMedia(declared.url);
        if (location.kind == MediaLocation::Kind::Unsupported) {
            error(FindingCode::MediaUnreadable, mediaPointer(index, u"url"),
                  name + u": \"" + declared.url
                      + u"\" is neither a file nor an http(s) URL. Use a file path, a file:// URL or an "
                        u"https:// URL.");
            return;
        }
        if (location.kind == MediaLocation::Kind::Remote && !checkDeclaredComplete(declared, index, name)) {
            return;
        }
        if (check.probed) {
            checkMismatch(declared, *check.probed, index, name);
        }
        const MediaDescriptor &media = m_items.at(index);
        const qsizetype firstFinding = m_findings.size();
        if (media.isVideo()) {
            checkVideo(media, index, name);
        } else if (media.isPhoto()) {
            checkPhoto(media, index, name);
        }
        attachFix(media, firstFinding);
    }

    // Marks the item's findings that its conversion (ConformPlan) clears with what it would do.
    void attachFix(const MediaDescriptor &media, qsizetype firstFinding) {
        const std::optional<ConformPlan> plan = planConform(media, conformLimitsFor(m_context.creator));
        for (qsizetype i = firstFinding; plan && i < m_findings.size(); ++i) {
            if (plan->fixes.contains(m_findings.at(i).code)) {
                m_findings[i].fix = plan->description;
            }
        }
    }

    bool checkDeclaredComplete(const MediaDescriptor &media, qsizetype index, const QString &name) {
        QStringList missing;
        if (!media.type) {
            missing << QStringLiteral("type");
        }
        if (media.mimeType.isEmpty()) {
            missing << QStringLiteral("mimeType");
        }
        if (!media.sizeBytes) {
            missing << QStringLiteral("sizeBytes");
        }
        if (!media.width) {
            missing << QStringLiteral("width");
        }
        if (!media.height) {
            missing << QStringLiteral("height");
        }
        if (media.isVideo() && !media.durationSeconds) {
            missing << QStringLiteral("durationSeconds");
        }
        if (missing.isEmpty()) {
            return true;
        }
        error(FindingCode::MediaMetadataMissing, mediaPointer(index, missing.first()),
              name + u" is remote, so ClipQueue cannot read it until the post is created; declare its "
                  + missing.join(u", ") + u'.');
        return false;
    }

    void checkMismatch(const MediaDescriptor &declared, const MediaDescriptor &probed, qsizetype index,
                       const QString &name) {
        auto mismatch = [&](QStringView field, const QString &was, const QString &is) {
            warning(FindingCode::MediaMetadataMismatch, mediaPointer(index, field),
                    name + u": the post says " + field + u" is " + was + u" but the file says " + is
                        + u"; ClipQueue uses the file's value.");
        };
        if (declared.type && declared.type != probed.type) {
            mismatch(u"type", mediaTypeName(*declared.type), mediaTypeName(*probed.type));
        }
        if (!declared.mimeType.isEmpty() && declared.mimeType != probed.mimeType) {
            mismatch(u"mimeType", declared.mimeType, probed.mimeType);
        }
        if (declared.sizeBytes && declared.sizeBytes != probed.sizeBytes) {
            mismatch(u"sizeBytes", QString::number(*declared.sizeBytes), QString::number(*probed.sizeBytes));
        }
        if (declared.width && declared.width != probed.width) {
            mismatch(u"width", QString::number(*declared.width), QString::number(*probed.width));
        }
        if (declared.height && declared.height != probed.height) {
            mismatch(u"height", QString::number(*declared.height), QString::number(*probed.height));
        }
        // Durations are declared in whole seconds by most tools.
        if (declared.durationSeconds && probed.durationSeconds
            && std::abs(*declared.durationSeconds - *probed.durationSeconds) >= 1.0) {
            mismatch(u"durationSeconds", seconds(*declared.durationSeconds),
                     seconds(*probed.durationSeconds));
        }
    }

    void checkVideo(const MediaDescriptor &media, qsizetype index, const QString &name) {
        static const QStringList containers{QStringLiteral("video/mp4"), QStringLiteral("video/quicktime"),
                                            QStringLiteral("video/webm")};
        static const QStringList codecs{QStringLiteral("h264"), QStringLiteral("hevc"), QStringLiteral("vp8"),
                                        QStringLiteral("vp9")};
        if (!media.mimeType.isEmpty() && !containers.contains(media.mimeType)) {
            error(FindingCode::VideoContainerUnsupported, mediaPointer(index, u"mimeType"),
                  name + u" is " + media.mimeType
                      + u"; TikTok takes MP4, MOV or WebM. Export or remux it as MP4 (H.264).");
        }
        if (!media.codec.isEmpty() && !codecs.contains(media.codec)) {
            error(FindingCode::VideoCodecUnsupported, mediaPointer(index, u"codec"),
                  name + u" uses the " + media.codec
                      + u" codec; TikTok takes H.264, H.265, VP8 or VP9. Export it again as H.264.");
        }
        if (media.frameRate && *media.frameRate > 0
            && (*media.frameRate < rules::MinFrameRate - rules::FrameRateTolerance
                || *media.frameRate > rules::MaxFrameRate + rules::FrameRateTolerance)) {
            error(FindingCode::VideoFrameRateOutOfRange, mediaPointer(index, u"frameRate"),
                  name + u" runs at " + QString::number(*media.frameRate, 'f', 2)
                      + u" fps; TikTok takes 23 to 60 fps. Export it at 30 fps.");
        }
        const int width = media.width.value_or(0);
        const int height = media.height.value_or(0);
        if (media.width && media.height) {
            const QString size = QString::number(width) + u'x' + QString::number(height);
            if (width < rules::MinVideoSidePx || height < rules::MinVideoSidePx) {
                error(FindingCode::VideoDimensionsTooSmall,
                      mediaPointer(index, width < rules::MinVideoSidePx ? u"width" : u"height"),
                      name + u" is " + size
                          + u" px; TikTok needs at least 360 px on each side. Use a larger export "
                            u"(1080x1920 is ideal).");
            }
            if (width > rules::MaxVideoSidePx || height > rules::MaxVideoSidePx) {
                error(FindingCode::VideoDimensionsTooLarge,
                      mediaPointer(index, width > rules::MaxVideoSidePx ? u"width" : u"height"),
                      name + u" is " + size
                          + u" px; TikTok takes at most 4096 px on each side. Scale it down "
                            u"(1080x1920 is ideal).");
            }
            if (width >= height) {
                warning(FindingCode::VideoNotVertical, mediaPointer(index, u"width"),
                        name + u" is " + size + u" px (" + (width == height ? u"square" : u"landscape")
                            + u"); TikTok shows vertical 9:16 video full screen. Consider a vertical crop.");
            }
        }
        if (media.durationSeconds) {
            const double duration = *media.durationSeconds;
            if (duration < rules::MinVideoDurationSeconds) {
                // A warning: the 3 s minimum comes from third-party guides, not TikTok's documentation.
                warning(FindingCode::VideoDurationTooShort, mediaPointer(index, u"durationSeconds"),
                        name + u" is " + seconds(duration)
                            + u" long; TikTok has refused clips shorter than 3 s (duration_check_failed). "
                              u"A longer clip is safer.");
            }
            const std::optional<int> maxDuration =
                m_context.creator ? m_context.creator->maxVideoPostDurationSec : std::nullopt;
            if (maxDuration && duration > *maxDuration) {
                error(FindingCode::VideoDurationTooLong, mediaPointer(index, u"durationSeconds"),
                      name + u" is " + seconds(duration) + u" long; this account may post at most "
                          + seconds(*maxDuration) + u". Trim the video.");
            }
            const std::optional<qint64> coverMs = m_post.tiktok.videoCoverTimestampMs;
            if (coverMs && double(*coverMs) > duration * 1000.0) {
                error(FindingCode::VideoCoverOutOfRange, settingsPointer + u"/videoCoverTimestampMs",
                      u"The cover frame at " + seconds(double(*coverMs) / 1000.0) + u" is past the end of "
                          + name + u" (" + seconds(duration) + u"). Pick a cover frame inside the video.");
            }
        }
        if (media.sizeBytes && *media.sizeBytes > rules::MaxVideoBytes) {
            error(FindingCode::VideoFileTooLarge, mediaPointer(index, u"sizeBytes"),
                  name + u" is " + megabytes(*media.sizeBytes)
                      + u"; TikTok takes videos up to 4 GB. Export it at a lower bit rate.");
        }
    }

    void checkPhoto(const MediaDescriptor &media, qsizetype index, const QString &name) {
        if (!media.mimeType.isEmpty() && media.mimeType != u"image/jpeg" && media.mimeType != u"image/webp") {
            error(FindingCode::PhotoFormatUnsupported, mediaPointer(index, u"mimeType"),
                  name + u" is " + media.mimeType + u"; TikTok takes JPEG or WebP photos. Save it as JPEG.");
        }
        if (media.sizeBytes && *media.sizeBytes > rules::MaxPhotoBytes) {
            error(FindingCode::PhotoFileTooLarge, mediaPointer(index, u"sizeBytes"),
                  name + u" is " + megabytes(*media.sizeBytes)
                      + u"; TikTok takes photos up to 20 MB. Save it with more compression.");
        }
        if (media.width && media.height
            && std::min(*media.width, *media.height) > rules::MaxPhotoShortSidePx) {
            error(FindingCode::PhotoDimensionsTooLarge,
                  mediaPointer(index, *media.width < *media.height ? u"width" : u"height"),
                  name + u" is " + QString::number(*media.width) + u'x' + QString::number(*media.height)
                      + u" px; TikTok refuses photos whose shorter side is over 1080 px. Scale it down (for "
                        u"example to 1080x1440).");
        }
    }

    void checkCaption() {
        const bool photos = m_photoPost;
        const int limit = captionLimitUtf16(photos);
        // TikTok counts UTF-16 code units, as QString::size() does: an emoji outside the BMP is 2.
        if (m_post.text.size() > limit) {
            error(FindingCode::CaptionTooLong, QStringLiteral("/content/text"),
                  QStringLiteral(
                      "The caption is %1 characters (UTF-16 units; most emoji count 2); TikTok takes %2 "
                      "for %3. Shorten it by %4.")
                      .arg(m_post.text.size())
                      .arg(limit)
                      .arg(photos ? QStringLiteral("a photo description") : QStringLiteral("a video"))
                      .arg(m_post.text.size() - limit));
        }
        if (photos && m_post.tiktok.title.size() > rules::MaxPhotoTitleUtf16) {
            error(FindingCode::PhotoTitleTooLong, settingsPointer + u"/title",
                  QStringLiteral("The photo title is %1 characters; TikTok takes %2. Shorten it by %3.")
                      .arg(m_post.tiktok.title.size())
                      .arg(rules::MaxPhotoTitleUtf16)
                      .arg(m_post.tiktok.title.size() - rules::MaxPhotoTitleUtf16));
        }
    }

    void checkPhotoPost() {
        if (!m_photoPost) {
            return;
        }
        const int cover = m_post.tiktok.photoCoverIndex;
        if (cover < 0 || cover >= m_items.size()) {
            error(FindingCode::PhotoCoverOutOfRange, settingsPointer + u"/photoCoverIndex",
                  QStringLiteral("The cover is photo %1, but the post has %2. Choose one of its photos as "
                                 "the cover.")
                      .arg(cover + 1)
                      .arg(counted(m_items.size(), u"photo")));
        }
        if (m_context.photoHostConfigured == false) {
            error(FindingCode::PhotoHostMissing, QStringLiteral("/content/media"),
                  QStringLiteral("TikTok pulls photos from a public web address, and no photo host is set "
                                 "up on this computer. Set CLIPQUEUE_PHOTO_UPLOAD_URL and "
                                 "CLIPQUEUE_PHOTO_PUBLIC_URL (see the README), or post a video."));
        }
    }

    void checkPrivacyAndDisclosure() {
        const TikTokSettings &s = m_post.tiktok;
        const QString field = settingsPointer + u"/privacyLevel";
        if (s.privacyLevel.isEmpty()) {
            error(FindingCode::PrivacyRequired, field,
                  QStringLiteral("Choose who can see this post; TikTok requires an explicit choice."));
        } else if (!privacy::allLevels().contains(s.privacyLevel)) {
            error(FindingCode::PrivacyNotAllowed, field,
                  u"\"" + s.privacyLevel + u"\" is not a TikTok privacy level. Use one of "
                      + privacy::allLevels().join(u", ") + u'.');
        } else if (m_context.creator && !m_context.creator->privacyLevelOptions.contains(s.privacyLevel)) {
            error(FindingCode::PrivacyNotAllowed, field,
                  u"This account cannot post with privacy " + s.privacyLevel + u"; it offers "
                      + m_context.creator->privacyLevelOptions.join(u", ") + u". Choose one of those.");
        }
        if (s.brandContentToggle && s.privacyLevel == QLatin1StringView(privacy::SelfOnly)) {
            error(
                FindingCode::PrivacyBrandedContentPrivate, field,
                QStringLiteral("Branded content visibility cannot be set to private. Choose another privacy "
                               "level or turn off \"Branded content\"."));
        }
        if (s.discloseCommercialContent && !s.brandContentToggle && !s.brandOrganicToggle) {
            error(FindingCode::DisclosureTypeRequired, settingsPointer + u"/discloseCommercialContent",
                  QStringLiteral(
                      "Commercial content disclosure is on: pick \"Your brand\", \"Branded content\" or "
                      "both, or turn the disclosure off."));
        }
    }

    void checkInteractions() {
        const TikTokSettings &s = m_post.tiktok;
        if (m_photoPost) {
            if (!s.disableDuet || !s.disableStitch) {
                error(FindingCode::InteractionNotForPhotos,
                      settingsPointer + (!s.disableDuet ? u"/disableDuet" : u"/disableStitch"),
                      QStringLiteral(
                          "Photo posts have no Duet or Stitch; turn them off (only Comment applies)."));
            }
        }
        if (!m_context.creator) {
            return;
        }
        struct Interaction {
            bool allowed;
            bool creatorDisabled;
            const char16_t *field;
            const char16_t *label;
            bool appliesToPhotos;
        };
        const Interaction interactions[] = {
            {!s.disableComment, m_context.creator->commentDisabled, u"/disableComment", u"Comments", true},
            {!s.disableDuet, m_context.creator->duetDisabled, u"/disableDuet", u"Duet", false},
            {!s.disableStitch, m_context.creator->stitchDisabled, u"/disableStitch", u"Stitch", false},
        };
        for (const Interaction &interaction : interactions) {
            if (interaction.allowed && interaction.creatorDisabled
                && (interaction.appliesToPhotos || !m_photoPost)) {
                error(FindingCode::InteractionDisabledByCreator,
                      settingsPointer + QStringView(interaction.field),
                      QStringView(interaction.label)
                          + u" are turned off in this account's TikTok settings, so the post cannot allow "
                            u"them. "
                            u"Turn the option off.");
            }
        }
    }

    void checkCreator() {
        if (!m_context.creator) {
            warning(FindingCode::CreatorUnknown, QStringLiteral("/accounts"),
                    QStringLiteral(
                        "No creator info yet, so this account's privacy options, interaction settings "
                        "and maximum video length were not checked. Connect the account to check them."));
            return;
        }
        const QString &code = m_context.creator->cannotPostCode;
        if (code.isEmpty()) {
            return;
        }
        QString why;
        if (code == u"spam_risk_too_many_posts") {
            why = QStringLiteral("it has reached TikTok's daily post limit. Schedule the post for tomorrow.");
        } else if (code == u"spam_risk_user_banned_from_posting") {
            why = QStringLiteral("TikTok has banned it from posting. Check the account in the TikTok app.");
        } else if (code == u"reached_active_user_cap") {
            why = QStringLiteral(
                "this TikTok app has reached its daily limit of posting users. Try again tomorrow.");
        } else {
            why = u"TikTok answered " + code + u". Try again later.";
        }
        error(FindingCode::CreatorCannotPost, QStringLiteral("/accounts"),
              u"This account cannot post now: " + why);
    }

    void checkSchedule() {
        if (!m_post.scheduledFor || !m_context.now.isValid()) {
            return;
        }
        const QDateTime &when = *m_post.scheduledFor;
        if (when < m_context.now) {
            error(FindingCode::ScheduleInPast, QStringLiteral("/scheduledFor"),
                  u"The post is scheduled for " + when.toString(Qt::ISODate)
                      + u", which has passed. Pick a later time, or publish now.");
        } else if (m_context.tokenFreshUntil && when > *m_context.tokenFreshUntil) {
            warning(FindingCode::ScheduleTooFar, QStringLiteral("/scheduledFor"),
                    u"The account's TikTok authorisation runs out on "
                        + m_context.tokenFreshUntil->toString(Qt::ISODate)
                        + u", before this post is due. Keep ClipQueue running or reconnect the account "
                          u"before then.");
        }
    }

    void checkAccountSet() {
        if (m_post.platformSetId.isEmpty() || !m_context.accountSet) {
            return;
        }
        const AccountSetCheck &set = *m_context.accountSet;
        if (!set.known) {
            error(FindingCode::PostAccountSetUnknown, QStringLiteral("/platformSetId"),
                  u"There is no account set \"" + m_post.platformSetId
                      + u"\". Pick one that exists (clipqueue-cli accounts sets list) or name the accounts "
                        u"in \"accounts\" instead.");
        } else if (set.accountCount == 0) {
            error(FindingCode::PostAccountSetEmpty, QStringLiteral("/platformSetId"),
                  u"The account set \"" + set.name
                      + u"\" has no accounts, so the post would go nowhere. Add accounts to the set or pick "
                        u"another one.");
        }
    }

    void checkDuplicates() {
        for (const DuplicateMedia &duplicate : m_context.duplicates) {
            warning(FindingCode::MediaDuplicate, u"/media/" + QString::number(duplicate.mediaIndex),
                    u"The same media is already in post " + duplicate.otherPostId + u" ("
                        + duplicate.otherStatus
                        + u") for this account. TikTok may treat a repost as spam; post something new, or "
                          u"go ahead if that is meant.");
        }
    }

    void checkAccounts() {
        if (m_context.requireAccounts && m_post.accounts.isEmpty() && m_post.platformSetId.isEmpty()
            && !m_context.hasDefaultAccount) {
            error(FindingCode::PostNoAccounts, QStringLiteral("/accounts"),
                  QStringLiteral(
                      "No TikTok account is chosen and there is no default account. Connect an account "
                      "or pick one for the post."));
        }
    }

    const Post &m_post;
    const QList<MediaCheck> &m_checks;
    const ValidationContext &m_context;
    QList<MediaDescriptor> m_items; // effective descriptors, parallel to m_post.media
    bool m_photoPost = false;
    QList<Finding> m_findings;
};

} // namespace

bool isPhotoPost(const Post &post, const QList<MediaCheck> &checks) {
    bool photo = false;
    for (qsizetype i = 0; i < post.media.size(); ++i) {
        const MediaDescriptor media = effectiveMedia(post, checks, i);
        if (media.isVideo()) {
            return false;
        }
        photo = photo || media.isPhoto();
    }
    return photo;
}

int captionLimitUtf16(bool photoPost) {
    return photoPost ? rules::MaxDescriptionPhotoUtf16 : rules::MaxCaptionVideoUtf16;
}

MediaDescriptor effectiveMedia(const Post &post, const QList<MediaCheck> &checks, qsizetype index) {
    const MediaDescriptor &declared = post.media.at(index);
    if (index < checks.size() && checks.at(index).probed) {
        MediaDescriptor probed = *checks.at(index).probed;
        probed.url = declared.url;
        probed.sourceJson = declared.sourceJson;
        return probed;
    }
    return declared;
}

QList<Finding> validatePost(const Post &post, const QList<MediaCheck> &checks,
                            const ValidationContext &context) {
    return Checker(post, checks, context).run();
}

} // namespace cq
