#include "queue/QueueText.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace cq::ui {

namespace {
QString translated(const char *text) {
    return QCoreApplication::translate("QueueText", text);
}

// The locale's short time without seconds (the C locale's short format has them): "18:30", "6:30 PM".
QString shortTime(const QTime &time) {
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss")).remove(QStringLiteral(".ss"));
    return locale.toString(time, format);
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
        line = line.trimmed();
        if (!line.isEmpty()) {
            return line.left(maxChars).toString();
        }
    }
    return {};
}

ScheduleFormatter::ScheduleFormatter(QTimeZone here)
    : m_here(std::move(here)) {
}

const QTimeZone &ScheduleFormatter::zone(const QString &zoneId) const {
    auto found = m_zones.constFind(zoneId);
    if (found == m_zones.cend()) {
        QTimeZone zone(zoneId.toUtf8());
        found = m_zones.insert(zoneId, zone.isValid() ? zone : QTimeZone::utc());
    }
    return *found;
}

QString ScheduleFormatter::dayAndTime(const QDateTime &local) const {
    const QLocale locale;
    // The year only when it is not this one: the queue is mostly about the coming weeks.
    const QString dayFormat = local.date().year() == QDate::currentDate().year()
                                  ? QStringLiteral("ddd d MMM")
                                  : QStringLiteral("ddd d MMM yyyy");
    return locale.toString(local.date(), dayFormat) + u", " + shortTime(local.time());
}

QString ScheduleFormatter::text(const std::optional<QDateTime> &atUtc, const QString &zoneId) const {
    if (!atUtc) {
        return translated("As soon as possible");
    }
    const QTimeZone &postZone = zone(zoneId);
    const QDateTime there = atUtc->toTimeZone(postZone);
    QString result = dayAndTime(there) + u' ' + postZone.abbreviation(*atUtc);
    if (postZone.offsetFromUtc(*atUtc) != m_here.offsetFromUtc(*atUtc)) {
        const QDateTime here = atUtc->toTimeZone(m_here);
        const QString time = here.date() == there.date() ? shortTime(here.time()) : dayAndTime(here);
        result += u'\n' + translated("%1 here").arg(time);
    }
    return result;
}

QString ScheduleFormatter::toolTip(const std::optional<QDateTime> &atUtc, const QString &zoneId) const {
    if (!atUtc) {
        return translated("No time set: published as soon as possible once scheduled.");
    }
    const QTimeZone &postZone = zone(zoneId);
    return QLocale().toString(atUtc->toTimeZone(postZone), QLocale::LongFormat) + u" ("
           + QString::fromUtf8(postZone.id()) + u')';
}

} // namespace cq::ui
