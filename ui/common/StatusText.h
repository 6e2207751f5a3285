#pragma once

#include "post/Lifecycle.h"
#include "post/PostStatus.h"
#include "post/StoredPost.h"

#include <QString>

// The words people read for ClipQueue's API names: statuses, privacy levels, actions. One place, so
// that every page says "Needs attention" the same way and translators see each word once.
namespace cq::ui {

// "Draft", "In review", ..., "Needs attention".
QString statusLabel(PostStatus status);
// One sentence on what a status means and what comes next, for tooltips.
QString statusDescription(PostStatus status);

// How a status looks beside others: a badge mixes its background from the palette by tone, so that
// a post that needs the user stands out in light and dark themes alike (and always shows its word).
enum class StatusTone {
    Neutral,  // nothing will happen by itself: draft, cancelled
    Active,   // on its way: in review, approved, scheduled, publishing, processing
    Positive, // published
    Warning,  // the user must look: changes requested, needs attention
    Negative, // failed
};
StatusTone statusTone(PostStatus status);
// "Everyone", "Friends", "Followers", "Only me"; a level TikTok added later keeps its API name.
QString privacyLabel(const QString &level);
// The verb on a button or menu item: "Submit for review", "Approve", "Request changes"...
QString actionLabel(PostAction action);
// What a history row's action name means: "Submitted for review", "Claimed by a runner"...
QString historyActionLabel(const QString &actionName);
// "Published", "Failed", "Unknown outcome".
QString outcomeLabel(AttemptOutcome outcome);

} // namespace cq::ui
