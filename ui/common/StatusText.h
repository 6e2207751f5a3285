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
// "Everyone", "Friends", "Followers", "Only me"; a level TikTok added later keeps its API name.
QString privacyLabel(const QString &level);
// The verb on a button or menu item: "Submit for review", "Approve", "Request changes"...
QString actionLabel(PostAction action);
// What a history row's action name means: "Submitted for review", "Claimed by a runner"...
QString historyActionLabel(const QString &actionName);
// "Published", "Failed", "Unknown outcome".
QString outcomeLabel(AttemptOutcome outcome);

} // namespace cq::ui
