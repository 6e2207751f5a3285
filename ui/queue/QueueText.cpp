#include "queue/QueueText.h"

#include "common/PostText.h"

#include <QCoreApplication>

#include <cmath>

namespace cq::ui {

namespace {
// The context both lupdate and the runtime use for these strings.
class QueueTextStrings {
    Q_DECLARE_TR_FUNCTIONS(cq::ui::QueueText)
};
} // namespace

QString QueueText::duration(double seconds) {
    const qint64 whole = qint64(std::floor(std::max(0.0, seconds)));
    const qint64 hours = whole / 3600;
    const qint64 minutes = whole / 60 % 60;
    const QLatin1Char zero('0');
    if (hours == 0) {
        return QStringLiteral("%1:%2").arg(minutes).arg(whole % 60, 2, 10, zero);
    }
    return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, zero).arg(whole % 60, 2, 10, zero);
}

QString QueueText::mediaSummary(int videoCount, int photoCount, double videoSeconds) {
    const QString videos = QueueTextStrings::tr("%n video(s)", nullptr, videoCount);
    const QString photos = QueueTextStrings::tr("%n photo(s)", nullptr, photoCount);
    if (videoCount > 0 && photoCount > 0) {
        return videos + u", " + photos;
    }
    if (videoCount > 0) {
        return videos + u" · " + duration(videoSeconds);
    }
    if (photoCount > 0) {
        return photos;
    }
    return QueueTextStrings::tr("No media");
}

QString QueueText::findingsSummary(int errorCount, int warningCount) {
    QStringList parts;
    if (errorCount > 0) {
        parts << QueueTextStrings::tr("%n error(s)", nullptr, errorCount);
    }
    if (warningCount > 0) {
        parts << QueueTextStrings::tr("%n warning(s)", nullptr, warningCount);
    }
    return parts.join(u", ");
}

QString QueueText::captionLine(const QString &caption, int maxChars) {
    for (QStringView line : QStringView(caption).split(u'\n')) {
        if (!line.trimmed().isEmpty()) {
            return captionPreview(line.toString(), maxChars);
        }
    }
    return {};
}

} // namespace cq::ui
