#include "queue/QueueText.h"

#include "common/PostText.h"

#include <QCoreApplication>

#include <cmath>

namespace cq::ui {

namespace {
QString translated(const char *text) {
    return QCoreApplication::translate("QueueText", text);
}

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
    const QString videos = videoCount == 1 ? translated("1 video") : translated("%1 videos").arg(videoCount);
    const QString photos = photoCount == 1 ? translated("1 photo") : translated("%1 photos").arg(photoCount);
    if (videoCount > 0 && photoCount > 0) {
        return videos + u", " + photos;
    }
    if (videoCount > 0) {
        return videos + u" · " + duration(videoSeconds);
    }
    if (photoCount > 0) {
        return photos;
    }
    return translated("No media");
}

QString QueueText::findingsSummary(int errorCount, int warningCount) {
    QStringList parts;
    if (errorCount > 0) {
        parts << (errorCount == 1 ? translated("1 error") : translated("%1 errors").arg(errorCount));
    }
    if (warningCount > 0) {
        parts << (warningCount == 1 ? translated("1 warning") : translated("%1 warnings").arg(warningCount));
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
