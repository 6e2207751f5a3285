#include "post/PostValidator.h"

#include "post/ConformPlan.h"
#include "post/PostStatus.h"
#include "post/TikTokRules.h"
#include "util/Plural.h"

#include <QCoreApplication>
#include <QLocale>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace cq {

namespace {

// The context of the findings' texts, for lupdate and the runtime (the window shows them translated).
class Text {
    Q_DECLARE_TR_FUNCTIONS(cq::PostValidator)
};

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
    return fromUrl.isEmpty() ? Text::tr("Media %1").arg(index + 1) : fromUrl;
}

QString seconds(double value) {
    return QString::number(value, 'f', value < 10 ? 1 : 0) + u" s";
}

// A stored post's status name, translated where the window shows it.
QString statusWords(const QString &name) {
    const std::optional<PostStatus> status = postStatusFromName(name);
    return status ? postStatusWords(*status) : name;
}

QString photos(qsizetype count) {
    return englishPlural(Text::tr("%n photo(s)", nullptr, int(count)), count);
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
                  Text::tr("A TikTok post needs one video or 1 to 35 photos. Add media to the post."));
            return;
        }
        const auto videos =
            std::count_if(items.cbegin(), items.cend(), [](const auto &m) { return m.isVideo(); });
        const auto photoCount =
            std::count_if(items.cbegin(), items.cend(), [](const auto &m) { return m.isPhoto(); });
        if (videos > 0 && photoCount > 0) {
            error(FindingCode::PostMixedMedia, QStringLiteral("/content/media"),
                  Text::tr("This post mixes %1 and %2; TikTok posts are one video or photos only. Remove "
                           "the videos or the photos.")
                      .arg(englishPlural(Text::tr("%n video(s)", nullptr, int(videos)), videos),
                           photos(photoCount)));
        } else if (videos > 1) {
            error(FindingCode::PostTooManyVideos, QStringLiteral("/content/media"),
                  Text::tr("This post has %1 videos; a TikTok post carries one. Keep one video and make a "
                           "post for each of the others.")
                      .arg(videos));
        }
        if (photoCount > rules::MaxPhotos) {
            error(FindingCode::PostTooManyPhotos, QStringLiteral("/content/media"),
                  Text::tr("This post has %1 photos; TikTok takes at most %2. Remove %3.")
                      .arg(photoCount)
                      .arg(rules::MaxPhotos)
                      .arg(photos(photoCount - rules::MaxPhotos)));
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
                  Text::tr("%1: \"%2\" is neither a file nor an http(s) URL. Use a file path, a file:// URL "
                           "or an https:// URL.")
                      .arg(name, declared.url));
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
              Text::tr("%1 is remote, so ClipQueue cannot read it until the post is created; declare "
                       "its %2.")
                  .arg(name, missing.join(u", ")));
        return false;
    }

    void checkMismatch(const MediaDescriptor &declared, const MediaDescriptor &probed, qsizetype index,
                       const QString &name) {
        auto mismatch = [&](QStringView field, const QString &was, const QString &is) {
            warning(FindingCode::MediaMetadataMismatch, mediaPointer(index, field),
                    Text::tr("%1: the post says %2 is %3 but the file says %4; ClipQueue uses the "
                             "file's value.")
                        .arg(name, field.toString(), was, is));
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
                  Text::tr("%1 is %2; TikTok takes MP4, MOV or WebM. Export or remux it as MP4 (H.264).")
                      .arg(name, media.mimeType));
        }
        if (!media.codec.isEmpty() && !codecs.contains(media.codec)) {
            error(FindingCode::VideoCodecUnsupported, mediaPointer(index, u"codec"),
                  Text::tr("%1 uses the %2 codec; TikTok takes H.264, H.265, VP8 or VP9. Export it again "
                           "as H.264.")
                      .arg(name, media.codec));
        }
        if (media.frameRate && *media.frameRate > 0
            && (*media.frameRate < rules::MinFrameRate - rules::FrameRateTolerance
                || *media.frameRate > rules::MaxFrameRate + rules::FrameRateTolerance)) {
            error(FindingCode::VideoFrameRateOutOfRange, mediaPointer(index, u"frameRate"),
                  Text::tr("%1 runs at %2 fps; TikTok takes 23 to 60 fps. Export it at 30 fps.")
                      .arg(name, QString::number(*media.frameRate, 'f', 2)));
        }
        const int width = media.width.value_or(0);
        const int height = media.height.value_or(0);
        if (media.width && media.height) {
            const QString size = QString::number(width) + u'x' + QString::number(height);
            if (width < rules::MinVideoSidePx || height < rules::MinVideoSidePx) {
                error(FindingCode::VideoDimensionsTooSmall,
                      mediaPointer(index, width < rules::MinVideoSidePx ? u"width" : u"height"),
                      Text::tr("%1 is %2 px; TikTok needs at least 360 px on each side. Use a larger "
                               "export (1080x1920 is ideal).")
                          .arg(name, size));
            }
            if (width > rules::MaxVideoSidePx || height > rules::MaxVideoSidePx) {
                error(FindingCode::VideoDimensionsTooLarge,
                      mediaPointer(index, width > rules::MaxVideoSidePx ? u"width" : u"height"),
                      Text::tr("%1 is %2 px; TikTok takes at most 4096 px on each side. Scale it down "
                               "(1080x1920 is ideal).")
                          .arg(name, size));
            }
            if (width >= height) {
                warning(FindingCode::VideoNotVertical, mediaPointer(index, u"width"),
                        Text::tr("%1 is %2 px (%3); TikTok shows vertical 9:16 video full screen. Consider "
                                 "a vertical crop.")
                            .arg(name, size, width == height ? Text::tr("square") : Text::tr("landscape")));
            }
        }
        if (media.durationSeconds) {
            const double duration = *media.durationSeconds;
            if (duration < rules::MinVideoDurationSeconds) {
                // A warning: the 3 s minimum comes from third-party guides, not TikTok's documentation.
                warning(FindingCode::VideoDurationTooShort, mediaPointer(index, u"durationSeconds"),
                        Text::tr("%1 is %2 long; TikTok has refused clips shorter than 3 s "
                                 "(duration_check_failed). A longer clip is safer.")
                            .arg(name, seconds(duration)));
            }
            const std::optional<int> maxDuration =
                m_context.creator ? m_context.creator->maxVideoPostDurationSec : std::nullopt;
            if (maxDuration && duration > *maxDuration) {
                error(FindingCode::VideoDurationTooLong, mediaPointer(index, u"durationSeconds"),
                      Text::tr("%1 is %2 long; this account may post at most %3. Trim the video.")
                          .arg(name, seconds(duration), seconds(*maxDuration)));
            }
            const std::optional<qint64> coverMs = m_post.tiktok.videoCoverTimestampMs;
            if (coverMs && double(*coverMs) > duration * 1000.0) {
                error(FindingCode::VideoCoverOutOfRange, settingsPointer + u"/videoCoverTimestampMs",
                      Text::tr("The cover frame at %1 is past the end of %2 (%3). Pick a cover frame inside "
                               "the video.")
                          .arg(seconds(double(*coverMs) / 1000.0), name, seconds(duration)));
            }
        }
        if (media.sizeBytes && *media.sizeBytes > rules::MaxVideoBytes) {
            error(FindingCode::VideoFileTooLarge, mediaPointer(index, u"sizeBytes"),
                  Text::tr("%1 is %2; TikTok takes videos up to 4 GB. Export it at a lower bit rate.")
                      .arg(name, megabytes(*media.sizeBytes)));
        }
    }

    void checkPhoto(const MediaDescriptor &media, qsizetype index, const QString &name) {
        if (!media.mimeType.isEmpty() && media.mimeType != u"image/jpeg" && media.mimeType != u"image/webp") {
            error(FindingCode::PhotoFormatUnsupported, mediaPointer(index, u"mimeType"),
                  Text::tr("%1 is %2; TikTok takes JPEG or WebP photos. Save it as JPEG.")
                      .arg(name, media.mimeType));
        }
        if (media.sizeBytes && *media.sizeBytes > rules::MaxPhotoBytes) {
            error(FindingCode::PhotoFileTooLarge, mediaPointer(index, u"sizeBytes"),
                  Text::tr("%1 is %2; TikTok takes photos up to 20 MB. Save it with more compression.")
                      .arg(name, megabytes(*media.sizeBytes)));
        }
        if (media.width && media.height
            && std::min(*media.width, *media.height) > rules::MaxPhotoShortSidePx) {
            error(FindingCode::PhotoDimensionsTooLarge,
                  mediaPointer(index, *media.width < *media.height ? u"width" : u"height"),
                  Text::tr("%1 is %2 px; TikTok refuses photos whose shorter side is over 1080 px. Scale it "
                           "down (for example to 1080x1440).")
                      .arg(name, QString::number(*media.width) + u'x' + QString::number(*media.height)));
        }
    }

    void checkCaption() {
        const bool photos = m_photoPost;
        const int limit = captionLimitUtf16(photos);
        // TikTok counts UTF-16 code units, as QString::size() does: an emoji outside the BMP is 2.
        if (m_post.text.size() > limit) {
            error(FindingCode::CaptionTooLong, QStringLiteral("/content/text"),
                  (photos ? Text::tr("The caption is %1 characters (UTF-16 units; most emoji count 2); "
                                     "TikTok takes %2 for a photo description. Shorten it by %3.")
                          : Text::tr("The caption is %1 characters (UTF-16 units; most emoji count 2); "
                                     "TikTok takes %2 for a video. Shorten it by %3."))
                      .arg(m_post.text.size())
                      .arg(limit)
                      .arg(m_post.text.size() - limit));
        }
        if (photos && m_post.tiktok.title.size() > rules::MaxPhotoTitleUtf16) {
            error(FindingCode::PhotoTitleTooLong, settingsPointer + u"/title",
                  Text::tr("The photo title is %1 characters; TikTok takes %2. Shorten it by %3.")
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
                  Text::tr("The cover is photo %1, but the post has %2. Choose one of its photos as the "
                           "cover.")
                      .arg(QString::number(cover + 1), photos(m_items.size())));
        }
        if (m_context.photoHostConfigured == false) {
            error(
                FindingCode::PhotoHostMissing, QStringLiteral("/content/media"),
                Text::tr("TikTok pulls photos from a public web address, and no photo host is set up on "
                         "this computer. Set CLIPQUEUE_PHOTO_UPLOAD_URL and CLIPQUEUE_PHOTO_PUBLIC_URL (see "
                         "the README), or post a video."));
        }
    }

    void checkPrivacyAndDisclosure() {
        const TikTokSettings &s = m_post.tiktok;
        const QString field = settingsPointer + u"/privacyLevel";
        if (s.privacyLevel.isEmpty()) {
            error(FindingCode::PrivacyRequired, field,
                  Text::tr("Choose who can see this post; TikTok requires an explicit choice."));
        } else if (!privacy::allLevels().contains(s.privacyLevel)) {
            error(FindingCode::PrivacyNotAllowed, field,
                  Text::tr("\"%1\" is not a TikTok privacy level. Use one of %2.")
                      .arg(s.privacyLevel, privacy::allLevels().join(u", ")));
        } else if (m_context.creator && !m_context.creator->privacyLevelOptions.contains(s.privacyLevel)) {
            error(FindingCode::PrivacyNotAllowed, field,
                  Text::tr("This account cannot post with privacy %1; it offers %2. Choose one of those.")
                      .arg(s.privacyLevel, m_context.creator->privacyLevelOptions.join(u", ")));
        }
        if (s.brandContentToggle && s.privacyLevel == QLatin1StringView(privacy::SelfOnly)) {
            error(FindingCode::PrivacyBrandedContentPrivate, field,
                  Text::tr("Branded content visibility cannot be set to private. Choose another privacy "
                           "level or turn off \"Branded content\"."));
        }
        if (s.discloseCommercialContent && !s.brandContentToggle && !s.brandOrganicToggle) {
            error(FindingCode::DisclosureTypeRequired, settingsPointer + u"/discloseCommercialContent",
                  Text::tr("Commercial content disclosure is on: pick \"Your brand\", \"Branded content\" "
                           "or both, or turn the disclosure off."));
        }
    }

    void checkInteractions() {
        const TikTokSettings &s = m_post.tiktok;
        if (m_photoPost) {
            if (!s.disableDuet || !s.disableStitch) {
                error(FindingCode::InteractionNotForPhotos,
                      settingsPointer + (!s.disableDuet ? u"/disableDuet" : u"/disableStitch"),
                      Text::tr("Photo posts have no Duet or Stitch; turn them off (only Comment applies)."));
            }
        }
        if (!m_context.creator) {
            return;
        }
        struct Interaction {
            bool allowed;
            bool creatorDisabled;
            const char16_t *field;
            QString message;
            bool appliesToPhotos;
        };
        const Interaction interactions[] = {
            {!s.disableComment, m_context.creator->commentDisabled, u"/disableComment",
             Text::tr("Comments are turned off in this account's TikTok settings, so the post cannot allow "
                      "them. Turn the option off."),
             true},
            {!s.disableDuet, m_context.creator->duetDisabled, u"/disableDuet",
             Text::tr("Duet is turned off in this account's TikTok settings, so the post cannot allow it. "
                      "Turn the option off."),
             false},
            {!s.disableStitch, m_context.creator->stitchDisabled, u"/disableStitch",
             Text::tr("Stitch is turned off in this account's TikTok settings, so the post cannot allow "
                      "it. Turn the option off."),
             false},
        };
        for (const Interaction &interaction : interactions) {
            if (interaction.allowed && interaction.creatorDisabled
                && (interaction.appliesToPhotos || !m_photoPost)) {
                error(FindingCode::InteractionDisabledByCreator,
                      settingsPointer + QStringView(interaction.field), interaction.message);
            }
        }
    }

    void checkCreator() {
        if (!m_context.creator) {
            warning(FindingCode::CreatorUnknown, QStringLiteral("/accounts"),
                    Text::tr("No creator info yet, so this account's privacy options, interaction settings "
                             "and maximum video length were not checked. Connect the account to check "
                             "them."));
            return;
        }
        const QString &code = m_context.creator->cannotPostCode;
        if (code.isEmpty()) {
            return;
        }
        QString why;
        if (code == u"spam_risk_too_many_posts") {
            why = Text::tr("it has reached TikTok's daily post limit. Schedule the post for tomorrow.");
        } else if (code == u"spam_risk_user_banned_from_posting") {
            why = Text::tr("TikTok has banned it from posting. Check the account in the TikTok app.");
        } else if (code == u"reached_active_user_cap") {
            why =
                Text::tr("this TikTok app has reached its daily limit of posting users. Try again tomorrow.");
        } else {
            why = Text::tr("TikTok answered %1. Try again later.").arg(code);
        }
        error(FindingCode::CreatorCannotPost, QStringLiteral("/accounts"),
              Text::tr("This account cannot post now: %1").arg(why));
    }

    void checkSchedule() {
        if (!m_post.scheduledFor || !m_context.now.isValid()) {
            return;
        }
        const QDateTime &when = *m_post.scheduledFor;
        if (when < m_context.now) {
            error(FindingCode::ScheduleInPast, QStringLiteral("/scheduledFor"),
                  Text::tr("The post is scheduled for %1, which has passed. Pick a later time, or publish "
                           "now.")
                      .arg(when.toString(Qt::ISODate)));
        } else if (m_context.tokenFreshUntil && when > *m_context.tokenFreshUntil) {
            warning(FindingCode::ScheduleTooFar, QStringLiteral("/scheduledFor"),
                    Text::tr("The account's TikTok authorisation runs out on %1, before this post is due. "
                             "Keep ClipQueue running or reconnect the account before then.")
                        .arg(m_context.tokenFreshUntil->toString(Qt::ISODate)));
        }
    }

    void checkAccountSet() {
        if (m_post.platformSetId.isEmpty() || !m_context.accountSet) {
            return;
        }
        const AccountSetCheck &set = *m_context.accountSet;
        if (!set.known) {
            error(FindingCode::PostAccountSetUnknown, QStringLiteral("/platformSetId"),
                  Text::tr("There is no account set \"%1\". Pick one that exists (clipqueue-cli accounts "
                           "sets list) or name the accounts in \"accounts\" instead.")
                      .arg(m_post.platformSetId));
        } else if (set.accountCount == 0) {
            error(FindingCode::PostAccountSetEmpty, QStringLiteral("/platformSetId"),
                  Text::tr("The account set \"%1\" has no accounts, so the post would go nowhere. Add "
                           "accounts to the set or pick another one.")
                      .arg(set.name));
        }
    }

    void checkDuplicates() {
        for (const DuplicateMedia &duplicate : m_context.duplicates) {
            warning(FindingCode::MediaDuplicate, u"/media/" + QString::number(duplicate.mediaIndex),
                    Text::tr("The same media is already in post %1 (%2) for this account. TikTok may treat a "
                             "repost as spam; post something new, or go ahead if that is meant.")
                        .arg(duplicate.otherPostId, statusWords(duplicate.otherStatus)));
        }
    }

    void checkAccounts() {
        if (m_context.requireAccounts && m_post.accounts.isEmpty() && m_post.platformSetId.isEmpty()
            && !m_context.hasDefaultAccount) {
            error(FindingCode::PostNoAccounts, QStringLiteral("/accounts"),
                  Text::tr("No TikTok account is chosen and there is no default account. Connect an account "
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
