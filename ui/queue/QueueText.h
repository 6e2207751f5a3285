#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace cq::ui {

// The words of the queue's columns, apart from the models so that they are tested on their own.
namespace QueueText {
// "1 video · 0:24", "5 photos", "1 video, 2 photos", "No media".
QString mediaSummary(int videoCount, int photoCount, double videoSeconds);
// "0:24", "12:05", "1:02:03" (whole seconds, rounded down, as players show them).
QString duration(double seconds);
// "2 errors, 1 warning", "1 error", "3 warnings"; empty when there are none.
QString findingsSummary(int errorCount, int warningCount);
// The caption's first non-empty line, at most `maxChars` characters (the view elides the rest).
QString captionLine(const QString &caption, int maxChars = 200);
} // namespace QueueText

// A post's time as the queue shows it: in the zone the user picked it in ("Tue 1 Dec, 18:30 CET"),
// with the time here on a second line when the clocks of the two zones differ at that moment.
// Keeps the zones it has looked up: the rows of a queue share a handful.
class ScheduleFormatter {
public:
    explicit ScheduleFormatter(QTimeZone here = QTimeZone::systemTimeZone());

    // "As soon as possible" without a time.
    QString text(const std::optional<QDateTime> &atUtc, const QString &zoneId) const;
    // The full date and time with the zone's name, for a tooltip.
    QString toolTip(const std::optional<QDateTime> &atUtc, const QString &zoneId) const;

private:
    const QTimeZone &zone(const QString &zoneId) const;
    QString dayAndTime(const QDateTime &local) const;

    QTimeZone m_here;
    mutable QHash<QString, QTimeZone> m_zones;
};

} // namespace cq::ui
