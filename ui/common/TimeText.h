#pragma once

#include "post/StoredPost.h"

#include <QDateTime>
#include <QString>

#include <utility>

namespace cq::ui {

// A moment as people read it, in the locale's words: "Thu 24 Dec 2026, 18:00" (en_GB).
QString momentLabel(const QDateTime &moment);
// With seconds, in this computer's zone, short enough for a table column, for logs people compare
// with TikTok's: "18:00:05" today, else "24/12/2026 18:00:05" (the locale's short date).
QString preciseMomentLabel(const QDateTime &moment);

// When a post goes out, in the zone it was scheduled in and, when that reads differently, in this
// computer's zone: "Thu 24 Dec 2026, 18:00 Europe/Berlin (17:00 your time)". "As soon as possible"
// for a post without a time.
QString scheduleLabel(const PostSchedule &schedule);

// scheduleLabel() on two lines, for a table row: the moment in the post's zone with the zone
// ("Thu 24 Dec 2026, 18:00 Europe/Berlin", or "As soon as possible"), and the time here when this
// computer's clock reads differently ("17:00 your time"; empty otherwise).
std::pair<QString, QString> scheduleLines(const PostSchedule &schedule);

// The moment in the post's zone alone, for a list row: "Thu 24 Dec 2026, 18:00 Europe/Berlin"; without
// the zone when this computer's clock reads the same.
QString scheduleShortLabel(const PostSchedule &schedule);

} // namespace cq::ui
