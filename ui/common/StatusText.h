#pragma once

#include "post/PostStatus.h"

#include <QString>

namespace cq::ui {

// How a status looks beside others: a badge mixes its background from the palette by tone, so a
// post that needs the user stands out in light and dark themes alike (and always shows its word).
enum class StatusTone {
    Neutral,  // nothing will happen by itself: draft, cancelled
    Active,   // on its way: in review, approved, scheduled, publishing, processing
    Positive, // published
    Warning,  // the user must look: changes requested, needs attention
    Negative, // failed
};

// The word a person reads for a status: "Needs attention", "In review".
QString statusWord(PostStatus status);
// One sentence on what the status means and what comes next, for tooltips.
QString statusDescription(PostStatus status);
StatusTone statusTone(PostStatus status);

} // namespace cq::ui
