#include "common/PostText.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>
#include <QTextBoundaryFinder>

#include <cmath>

namespace cq::ui {

namespace {
// The context both lupdate and the runtime use for these strings.
class PostTextStrings {
    Q_DECLARE_TR_FUNCTIONS(cq::ui::PostText)
};

QString onOff(const QString &what, bool enabled) {
    return enabled ? PostTextStrings::tr("%1 on").arg(what) : PostTextStrings::tr("%1 off").arg(what);
}

QString duration(double seconds) {
    const int whole = int(std::lround(seconds));
    return QStringLiteral("%1:%2").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

QString interactionsLabel(const TikTokSettings &settings, bool photoPost) {
    QStringList parts{onOff(PostTextStrings::tr("Comments"), !settings.disableComment)};
    if (!photoPost) {
        parts << onOff(PostTextStrings::tr("Duet"), !settings.disableDuet)
              << onOff(PostTextStrings::tr("Stitch"), !settings.disableStitch);
    }
    return parts.join(QStringLiteral(" · "));
}

QString commercialLabel(const TikTokSettings &settings) {
    QStringList kinds;
    if (settings.brandOrganicToggle) {
        kinds << PostTextStrings::tr("your brand");
    }
    if (settings.brandContentToggle) {
        kinds << PostTextStrings::tr("branded content (paid partnership)");
    }
    if (!kinds.isEmpty()) {
        return PostTextStrings::tr("Disclosed: %1").arg(kinds.join(QStringLiteral(", ")));
    }
    return settings.discloseCommercialContent ? PostTextStrings::tr("Disclosed (type not chosen)")
                                              : PostTextStrings::tr("Not disclosed");
}

QString aiGeneratedLabel(const TikTokSettings &settings) {
    return settings.isAigc ? PostTextStrings::tr("Yes, labelled as AI-generated") : PostTextStrings::tr("No");
}

QString postModeLabel(const TikTokSettings &settings) {
    return settings.sendsToDrafts()
               ? PostTextStrings::tr("To the creator's TikTok drafts (inbox), to finish in the app")
               : PostTextStrings::tr("Onto the profile");
}

QString mediaShortLabel(const StoredMedia &media, int index) {
    const MediaDescriptor &descriptor = media.descriptor;
    if (descriptor.isVideo()) {
        return descriptor.durationSeconds
                   ? PostTextStrings::tr("Video · %1").arg(duration(*descriptor.durationSeconds))
                   : PostTextStrings::tr("Video");
    }
    return PostTextStrings::tr("Photo %1").arg(index + 1);
}

QString mediaSummary(const MediaDescriptor &media) {
    QStringList parts;
    if (!media.filename.isEmpty()) {
        parts << media.filename;
    }
    if (!media.mimeType.isEmpty()) {
        parts << media.mimeType;
    }
    if (media.width && media.height) {
        parts << QString::number(*media.width) + u'×' + QString::number(*media.height);
    }
    if (media.isVideo() && media.durationSeconds) {
        parts << QLocale().toString(*media.durationSeconds, 'f', 1) + u" s";
    }
    if (media.isVideo() && media.frameRate) {
        parts << QLocale().toString(*media.frameRate, 'g', 4) + u" fps";
    }
    if (media.sizeBytes) {
        parts << QLocale().formattedDataSize(*media.sizeBytes, 1, QLocale::DataSizeSIFormat);
    }
    return parts.join(QStringLiteral(" · "));
}

QString captionPreview(const QString &caption, int maxCharacters) {
    const QString line = caption.simplified();
    if (line.size() <= maxCharacters) {
        return line;
    }
    // Cut at a grapheme boundary so that an emoji or a flag is never split in half.
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, line);
    finder.setPosition(maxCharacters);
    if (!finder.isAtBoundary()) {
        finder.toPreviousBoundary();
    }
    return line.left(finder.position()).trimmed() + u'…';
}

} // namespace cq::ui
