#pragma once

#include "util/Error.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>

#include <expected>

namespace cq {

// One weekly posting time: a weekday (1 = Monday … 7 = Sunday, as Qt counts) and a wall-clock time.
struct PostingTime {
    int weekday = 1;
    QTime time;
    bool operator==(const PostingTime &) const = default;
};

// An account's weekly posting times ("Mon–Fri 18:30, Sat 11:00") read in the account's time zone,
// so that 18:30 stays 18:30 there across daylight-saving changes. "Add to queue" puts a post in the
// next one no other post of the account holds.
struct PostingTimes {
    QString timeZone = QStringLiteral("UTC"); // an IANA id
    QList<PostingTime> times;                 // sorted by weekday, then time; no repeats

    bool isEmpty() const { return times.isEmpty(); }
    bool operator==(const PostingTimes &) const = default;

    // Reads "mon-fri 18:30, sat 11:00" (day names or ranges in English, three letters or whole,
    // "daily" for every day; 24-hour times, several per day allowed: "mon 9:00 18:30"). Usage
    // errors name the part that could not be read.
    static std::expected<PostingTimes, Error> parse(const QString &text, const QString &timeZone);
    // The same times written back in parse()'s words, one group per set of days sharing times:
    // "Mon–Fri 18:30, Sat 11:00" (with an ASCII hyphen).
    QString toText() const;

    // Every posting time at or after `fromUtc` and before `beforeUtc`, as UTC instants, soonest
    // first. A wall-clock time the clocks skip on the day they spring forward is taken at the same
    // time after the change (Qt moves it forward by the gap); one that happens twice, the first.
    QList<QDateTime> between(const QDateTime &fromUtc, const QDateTime &beforeUtc) const;
};

} // namespace cq
