#include "common/StatusText.h"

#include "post/Post.h"

#include <QCoreApplication>
#include <QHash>

namespace cq::ui {

namespace {
// The context both lupdate and the runtime use for these strings.
class StatusTextStrings {
    Q_DECLARE_TR_FUNCTIONS(cq::ui::StatusText)
};
} // namespace

QString statusLabel(PostStatus status) {
    switch (status) {
    case PostStatus::Draft:
        return StatusTextStrings::tr("Draft");
    case PostStatus::InReview:
        return StatusTextStrings::tr("In review");
    case PostStatus::ChangesRequested:
        return StatusTextStrings::tr("Changes requested");
    case PostStatus::Approved:
        return StatusTextStrings::tr("Approved");
    case PostStatus::Scheduled:
        return StatusTextStrings::tr("Scheduled");
    case PostStatus::Publishing:
        return StatusTextStrings::tr("Publishing");
    case PostStatus::Processing:
        return StatusTextStrings::tr("Processing");
    case PostStatus::Published:
        return StatusTextStrings::tr("Published");
    case PostStatus::Failed:
        return StatusTextStrings::tr("Failed");
    case PostStatus::Cancelled:
        return StatusTextStrings::tr("Cancelled");
    case PostStatus::NeedsAttention:
        return StatusTextStrings::tr("Needs attention");
    }
    return postStatusName(status);
}

QString statusDescription(PostStatus status) {
    switch (status) {
    case PostStatus::Draft:
        return StatusTextStrings::tr("Not submitted yet: it will not be published.");
    case PostStatus::InReview:
        return StatusTextStrings::tr("Waiting for a reviewer to approve it.");
    case PostStatus::ChangesRequested:
        return StatusTextStrings::tr("A reviewer asked for changes: edit it and submit it again.");
    case PostStatus::Approved:
        return StatusTextStrings::tr("Approved: schedule it to publish it.");
    case PostStatus::Scheduled:
        return StatusTextStrings::tr("Will be published at its time.");
    case PostStatus::Publishing:
        return StatusTextStrings::tr("Being sent to TikTok now.");
    case PostStatus::Processing:
        return StatusTextStrings::tr("Sent: TikTok is processing it.");
    case PostStatus::Published:
        return StatusTextStrings::tr("Published on TikTok.");
    case PostStatus::Failed:
        return StatusTextStrings::tr("Publishing failed: retry it, or duplicate and edit it.");
    case PostStatus::Cancelled:
        return StatusTextStrings::tr("Cancelled: it will not be published.");
    case PostStatus::NeedsAttention:
        return StatusTextStrings::tr(
            "TikTok may or may not have it: check TikTok, then mark it published or retry.");
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

QString privacyLabel(const QString &level) {
    if (level == QLatin1StringView(privacy::PublicToEveryone)) {
        return StatusTextStrings::tr("Everyone");
    }
    if (level == QLatin1StringView(privacy::MutualFollowFriends)) {
        return StatusTextStrings::tr("Friends");
    }
    if (level == QLatin1StringView(privacy::FollowerOfCreator)) {
        return StatusTextStrings::tr("Followers");
    }
    if (level == QLatin1StringView(privacy::SelfOnly)) {
        return StatusTextStrings::tr("Only me");
    }
    if (level.isEmpty()) {
        return StatusTextStrings::tr("Not chosen");
    }
    return level; // a level TikTok added later: its API name is better than nothing
}

QString actionLabel(PostAction action) {
    switch (action) {
    case PostAction::Submit:
        return StatusTextStrings::tr("Submit for review");
    case PostAction::Approve:
        return StatusTextStrings::tr("Approve");
    case PostAction::RequestChanges:
        return StatusTextStrings::tr("Request changes");
    case PostAction::Schedule:
        return StatusTextStrings::tr("Schedule");
    case PostAction::Edit:
        return StatusTextStrings::tr("Edit");
    case PostAction::Cancel:
        return StatusTextStrings::tr("Cancel post");
    case PostAction::Retry:
        return StatusTextStrings::tr("Retry");
    case PostAction::MarkPublished:
        return StatusTextStrings::tr("Mark as published");
    case PostAction::Delete:
        return StatusTextStrings::tr("Delete draft");
    default:
        return Lifecycle::actionName(action); // runner actions have no button
    }
}

QString historyActionLabel(const QString &actionName) {
    static const QHash<QString, const char *> words{
        {QStringLiteral("create"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Created")},
        {QStringLiteral("duplicate"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Duplicated")},
        {QStringLiteral("submit"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Submitted")},
        {QStringLiteral("approve"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Approved")},
        {QStringLiteral("request_changes"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Requested changes")},
        {QStringLiteral("schedule"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Scheduled")},
        {QStringLiteral("edit"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Edited")},
        {QStringLiteral("cancel"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Cancelled")},
        {QStringLiteral("retry"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Retried")},
        {QStringLiteral("mark_published"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Marked as published")},
        {QStringLiteral("claim"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Picked up to publish")},
        {QStringLiteral("take_over"),
         QT_TRANSLATE_NOOP("cq::ui::StatusText", "Taken over by another runner")},
        {QStringLiteral("publish_id"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Sent to TikTok")},
        {QStringLiteral("processing"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "TikTok is processing")},
        {QStringLiteral("published"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Published")},
        {QStringLiteral("failed"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Failed")},
        {QStringLiteral("unknown"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Outcome unknown")},
        {QStringLiteral("missed"), QT_TRANSLATE_NOOP("cq::ui::StatusText", "Missed its time")},
    };
    const auto word = words.constFind(actionName);
    return word == words.cend() ? actionName : StatusTextStrings::tr(*word);
}

QString outcomeLabel(AttemptOutcome outcome) {
    switch (outcome) {
    case AttemptOutcome::Published:
        return StatusTextStrings::tr("Published");
    case AttemptOutcome::Failed:
        return StatusTextStrings::tr("Failed");
    case AttemptOutcome::Unknown:
        return StatusTextStrings::tr("Unknown outcome");
    }
    return attemptOutcomeName(outcome);
}

} // namespace cq::ui
