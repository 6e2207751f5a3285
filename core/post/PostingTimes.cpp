#include "post/PostingTimes.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace cq {

namespace {

// The context of the texts the window shows (translated there; English in the command-line tool).
class Text {
    Q_DECLARE_TR_FUNCTIONS(cq::PostingTimes)
};

const QStringList &dayNames() {
    static const QStringList names{QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
                                   QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"),
                                   QStringLiteral("sun")};
    return names;
}

// 1 … 7 for "mon", "Monday", "TUE"…; 0 when it is no day.
int weekdayOf(const QString &word) {
    const QString lower = word.toLower();
    for (int i = 0; i < dayNames().size(); ++i) {
        if (lower.startsWith(dayNames().at(i))) {
            return i + 1;
        }
    }
    return 0;
}

Error unreadable(const QString &part) {
    return Error{ErrorCode::Usage,
                 Text::tr("Cannot read the posting times at \"%1\": write days and times such "
                          "as \"mon-fri 18:30, sat 11:00\".")
                     .arg(part)};
}

// The weekdays a day word or range names ("mon-fri", "sat", "daily").
std::expected<QList<int>, Error> daysOf(const QString &word) {
    if (word.compare(u"daily", Qt::CaseInsensitive) == 0) {
        return QList<int>{1, 2, 3, 4, 5, 6, 7};
    }
    const QStringList ends = word.split(QRegularExpression(QStringLiteral("[-–]")));
    const int first = weekdayOf(ends.value(0));
    const int last = ends.size() == 2 ? weekdayOf(ends.value(1)) : first;
    if (first == 0 || last == 0 || ends.size() > 2) {
        return std::unexpected(unreadable(word));
    }
    QList<int> days;
    for (int day = first;; day = day % 7 + 1) { // "sat-mon" wraps over the weekend
        days << day;
        if (day == last) {
            break;
        }
    }
    return days;
}

} // namespace

std::expected<PostingTimes, Error> PostingTimes::parse(const QString &text, const QString &timeZone) {
    if (!QTimeZone(timeZone.toUtf8()).isValid()) {
        return std::unexpected(Error{
            ErrorCode::Usage,
            Text::tr("\"%1\" is not a time zone; use an IANA name such as Europe/Berlin.").arg(timeZone)});
    }
    PostingTimes result;
    result.timeZone = timeZone;
    for (const QString &group : text.split(u',', Qt::SkipEmptyParts)) {
        const QStringList words = group.simplified().split(u' ', Qt::SkipEmptyParts);
        if (words.size() < 2) {
            return std::unexpected(unreadable(group.trimmed()));
        }
        auto days = daysOf(words.first());
        if (!days) {
            return std::unexpected(days.error());
        }
        for (const QString &word : words.mid(1)) {
            const QTime time = QTime::fromString(word, u"H:mm");
            if (!time.isValid()) {
                return std::unexpected(unreadable(word));
            }
            for (int day : *days) {
                result.times << PostingTime{day, time};
            }
        }
    }
    std::sort(result.times.begin(), result.times.end(), [](const PostingTime &a, const PostingTime &b) {
        return std::pair(a.weekday, a.time) < std::pair(b.weekday, b.time);
    });
    result.times.erase(std::unique(result.times.begin(), result.times.end()), result.times.end());
    return result;
}

QString PostingTimes::toText() const {
    // Each day's times as one string, then runs of neighbouring days with the same times.
    QStringList perDay(8);
    for (const PostingTime &t : times) {
        perDay[t.weekday] +=
            (perDay[t.weekday].isEmpty() ? QString() : QStringLiteral(" ")) + t.time.toString(u"HH:mm");
    }
    QStringList groups;
    for (int day = 1; day <= 7;) {
        int last = day;
        while (last < 7 && perDay[last + 1] == perDay[day]) {
            ++last;
        }
        if (!perDay[day].isEmpty()) {
            QString name = dayNames().at(day - 1);
            name[0] = name[0].toUpper();
            QString lastName = dayNames().at(last - 1);
            lastName[0] = lastName[0].toUpper();
            groups << (last == day ? name : name + u'-' + lastName) + u' ' + perDay[day];
        }
        day = last + 1;
    }
    return groups.join(QStringLiteral(", "));
}

QList<QDateTime> PostingTimes::between(const QDateTime &fromUtc, const QDateTime &beforeUtc) const {
    QList<QDateTime> result;
    const QTimeZone zone(timeZone.toUtf8());
    if (!zone.isValid() || times.isEmpty()) {
        return result;
    }
    // A day either side: the zone's dates differ from UTC's.
    const QDate firstDay = fromUtc.toTimeZone(zone).date().addDays(-1);
    const QDate lastDay = beforeUtc.toTimeZone(zone).date().addDays(1);
    for (QDate day = firstDay; day <= lastDay; day = day.addDays(1)) {
        for (const PostingTime &t : times) {
            if (t.weekday != day.dayOfWeek()) {
                continue;
            }
            const QDateTime at = QDateTime(day, t.time, zone).toUTC();
            if (at.isValid() && at >= fromUtc && at < beforeUtc) {
                result << at;
            }
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

} // namespace cq
