#include "common/TimeText.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

namespace cq::ui {

namespace {
// The context both lupdate and the runtime use for these strings.
class TimeTextStrings {
    Q_DECLARE_TR_FUNCTIONS(cq::ui::TimeText)
};

// The locale's long date with short names ("Thu, Dec 24, 2026" in the US, "Thu 24 Dec 2026" in the
// UK): unambiguous, in the order people there read dates, and short enough for a side panel.
QString dateLabel(const QDate &date) {
    const QLocale locale;
    QString format = locale.dateFormat(QLocale::LongFormat);
    format.replace(QStringLiteral("dddd"), QStringLiteral("ddd"))
        .replace(QStringLiteral("MMMM"), QStringLiteral("MMM"));
    return locale.toString(date, format);
}

// Hours and minutes as the locale writes them (some locales' short format has seconds: a post's
// time never needs them).
QString timeOfDay(const QDateTime &moment) {
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    return locale.toString(moment.time(), format);
}

// The post's moment in its own zone (UTC when the zone is unknown to this computer).
QDateTime inPostZone(const PostSchedule &schedule) {
    const QTimeZone zone(schedule.timeZone.toUtf8());
    return schedule.atUtc->toTimeZone(zone.isValid() ? zone : QTimeZone::utc());
}
} // namespace

QString momentLabel(const QDateTime &moment) {
    if (!moment.isValid()) {
        return {};
    }
    return dateLabel(moment.date()) + u", " + timeOfDay(moment);
}

QString preciseMomentLabel(const QDateTime &moment) {
    if (!moment.isValid()) {
        return {};
    }
    const QDateTime local = moment.toLocalTime();
    const QLocale locale;
    const QString time = locale.toString(local.time(), QStringLiteral("HH:mm:ss"));
    if (local.date() == QDate::currentDate()) {
        return time;
    }
    return locale.toString(local.date(), QLocale::ShortFormat) + u' ' + time;
}

QString scheduleLabel(const PostSchedule &schedule) {
    const auto [there, here] = scheduleLines(schedule);
    return here.isEmpty() ? there : there + u' ' + TimeTextStrings::tr("(%1)").arg(here);
}

std::pair<QString, QString> scheduleLines(const PostSchedule &schedule) {
    if (!schedule.atUtc) {
        return {TimeTextStrings::tr("As soon as possible"), QString()};
    }
    const QDateTime there = inPostZone(schedule);
    const QDateTime here = schedule.atUtc->toLocalTime();
    const QString inZone = momentLabel(there) + u' ' + schedule.timeZone;
    if (here.date() == there.date() && here.time() == there.time()) {
        return {inZone, QString()};
    }
    const QString local = here.date() == there.date() ? timeOfDay(here) : momentLabel(here);
    return {inZone, TimeTextStrings::tr("%1 your time").arg(local)};
}

QString scheduleShortLabel(const PostSchedule &schedule) {
    if (!schedule.atUtc) {
        return TimeTextStrings::tr("As soon as possible");
    }
    const QDateTime there = inPostZone(schedule);
    const QDateTime here = schedule.atUtc->toLocalTime();
    const bool readsTheSame = here.date() == there.date() && here.time() == there.time();
    return readsTheSame ? momentLabel(there) : momentLabel(there) + u' ' + schedule.timeZone;
}

} // namespace cq::ui
