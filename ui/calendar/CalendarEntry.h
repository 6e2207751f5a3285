#pragma once

#include "post/PostStatus.h"
#include "post/StoredPost.h"

#include <QDateTime>
#include <QString>

namespace cq::ui {

// One post as the calendar draws it: when (an instant, and the zone the post keeps), what it is and
// whether it can be dragged (the lifecycle says which action moves it, if any).
struct CalendarEntry {
    QString id;
    QDateTime atUtc;
    QString timeZone; // the post's own zone: a move keeps it
    PostStatus status = PostStatus::Draft;
    QString caption;
    QString account;   // the account's label
    StoredMedia cover; // the first media item (sha256 empty: none)
    bool movable = false;
};

// A posting time of an account no post holds yet: shown as an empty slot to fill.
struct CalendarSlot {
    QDateTime atUtc;
    QString timeZone; // the account's zone
    QString accountId;
    QString account; // the account's label
};

} // namespace cq::ui
