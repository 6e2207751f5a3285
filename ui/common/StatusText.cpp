#include "common/StatusText.h"

#include <QCoreApplication>

namespace cq::ui {

namespace {
QString translated(const char *text) {
    return QCoreApplication::translate("StatusText", text);
}
} // namespace

QString statusWord(PostStatus status) {
    switch (status) {
    case PostStatus::Draft:
        return translated("Draft");
    case PostStatus::InReview:
        return translated("In review");
    case PostStatus::ChangesRequested:
        return translated("Changes requested");
    case PostStatus::Approved:
        return translated("Approved");
    case PostStatus::Scheduled:
        return translated("Scheduled");
    case PostStatus::Publishing:
        return translated("Publishing");
    case PostStatus::Processing:
        return translated("Processing");
    case PostStatus::Published:
        return translated("Published");
    case PostStatus::Failed:
        return translated("Failed");
    case PostStatus::Cancelled:
        return translated("Cancelled");
    case PostStatus::NeedsAttention:
        return translated("Needs attention");
    }
    return postStatusName(status);
}

QString statusDescription(PostStatus status) {
    switch (status) {
    case PostStatus::Draft:
        return translated("Not submitted yet: it will not be published.");
    case PostStatus::InReview:
        return translated("Waiting for a reviewer to approve it.");
    case PostStatus::ChangesRequested:
        return translated("A reviewer asked for changes: edit it and submit it again.");
    case PostStatus::Approved:
        return translated("Approved: schedule it to publish it.");
    case PostStatus::Scheduled:
        return translated("Will be published at its time.");
    case PostStatus::Publishing:
        return translated("Being sent to TikTok now.");
    case PostStatus::Processing:
        return translated("Sent: TikTok is processing it.");
    case PostStatus::Published:
        return translated("Published on TikTok.");
    case PostStatus::Failed:
        return translated("Publishing failed: retry it, or duplicate and edit it.");
    case PostStatus::Cancelled:
        return translated("Cancelled: it will not be published.");
    case PostStatus::NeedsAttention:
        return translated("TikTok may or may not have it: check TikTok, then mark it published or retry.");
    }
    return {};
}

StatusTone statusTone(PostStatus status) {
    switch (status) {
    case PostStatus::Draft:
    case PostStatus::Cancelled:
        return StatusTone::Neutral;
    case PostStatus::InReview:
    case PostStatus::Approved:
    case PostStatus::Scheduled:
    case PostStatus::Publishing:
    case PostStatus::Processing:
        return StatusTone::Active;
    case PostStatus::Published:
        return StatusTone::Positive;
    case PostStatus::ChangesRequested:
    case PostStatus::NeedsAttention:
        return StatusTone::Warning;
    case PostStatus::Failed:
        return StatusTone::Negative;
    }
    return StatusTone::Neutral;
}

} // namespace cq::ui
