#include "common/StatusText.h"

#include "post/Post.h"

#include <QCoreApplication>
#include <QHash>

namespace cq::ui {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("cq::ui::StatusText", text);
}
} // namespace

QString statusLabel(PostStatus status) {
    switch (status) {
    case PostStatus::Draft:
        return tr("Draft");
    case PostStatus::InReview:
        return tr("In review");
    case PostStatus::ChangesRequested:
        return tr("Changes requested");
    case PostStatus::Approved:
        return tr("Approved");
    case PostStatus::Scheduled:
        return tr("Scheduled");
    case PostStatus::Publishing:
        return tr("Publishing");
    case PostStatus::Processing:
        return tr("Processing");
    case PostStatus::Published:
        return tr("Published");
    case PostStatus::Failed:
        return tr("Failed");
    case PostStatus::Cancelled:
        return tr("Cancelled");
    case PostStatus::NeedsAttention:
        return tr("Needs attention");
    }
    return postStatusName(status);
}

QString statusDescription(PostStatus status) {
    switch (status) {
    case PostStatus::Draft:
        return tr("Not submitted yet: it will not be published.");
    case PostStatus::InReview:
        return tr("Waiting for a reviewer to approve it.");
    case PostStatus::ChangesRequested:
        return tr("A reviewer asked for changes: edit it and submit it again.");
    case PostStatus::Approved:
        return tr("Approved: schedule it to publish it.");
    case PostStatus::Scheduled:
        return tr("Will be published at its time.");
    case PostStatus::Publishing:
        return tr("Being sent to TikTok now.");
    case PostStatus::Processing:
        return tr("Sent: TikTok is processing it.");
    case PostStatus::Published:
        return tr("Published on TikTok.");
    case PostStatus::Failed:
        return tr("Publishing failed: retry it, or duplicate and edit it.");
    case PostStatus::Cancelled:
        return tr("Cancelled: it will not be published.");
    case PostStatus::NeedsAttention:
        return tr("TikTok may or may not have it: check TikTok, then mark it published or retry.");
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
        return tr("Everyone");
    }
    if (level == QLatin1StringView(privacy::MutualFollowFriends)) {
        return tr("Friends");
    }
    if (level == QLatin1StringView(privacy::FollowerOfCreator)) {
        return tr("Followers");
    }
    if (level == QLatin1StringView(privacy::SelfOnly)) {
        return tr("Only me");
    }
    if (level.isEmpty()) {
        return tr("Not chosen");
    }
    return level; // a level TikTok added later: its API name is better than nothing
}

QString actionLabel(PostAction action) {
    switch (action) {
    case PostAction::Submit:
        return tr("Submit for review");
    case PostAction::Approve:
        return tr("Approve");
    case PostAction::RequestChanges:
        return tr("Request changes");
    case PostAction::Schedule:
        return tr("Schedule");
    case PostAction::Edit:
        return tr("Edit");
    case PostAction::Cancel:
        return tr("Cancel post");
    case PostAction::Retry:
        return tr("Retry");
    case PostAction::MarkPublished:
        return tr("Mark as published");
    case PostAction::Delete:
        return tr("Delete draft");
    default:
        return Lifecycle::actionName(action); // runner actions have no button
    }
}

QString historyActionLabel(const QString &actionName) {
    static const QHash<QString, const char *> words{
        {QStringLiteral("create"), "Created"},
        {QStringLiteral("duplicate"), "Duplicated"},
        {QStringLiteral("submit"), "Submitted"},
        {QStringLiteral("approve"), "Approved"},
        {QStringLiteral("request_changes"), "Requested changes"},
        {QStringLiteral("schedule"), "Scheduled"},
        {QStringLiteral("edit"), "Edited"},
        {QStringLiteral("cancel"), "Cancelled"},
        {QStringLiteral("retry"), "Retried"},
        {QStringLiteral("mark_published"), "Marked as published"},
        {QStringLiteral("claim"), "Picked up to publish"},
        {QStringLiteral("take_over"), "Taken over by another runner"},
        {QStringLiteral("publish_id"), "Sent to TikTok"},
        {QStringLiteral("processing"), "TikTok is processing"},
        {QStringLiteral("published"), "Published"},
        {QStringLiteral("failed"), "Failed"},
        {QStringLiteral("unknown"), "Outcome unknown"},
        {QStringLiteral("missed"), "Missed its time"},
    };
    const auto word = words.constFind(actionName);
    return word == words.cend() ? actionName : tr(*word);
}

QString outcomeLabel(AttemptOutcome outcome) {
    switch (outcome) {
    case AttemptOutcome::Published:
        return tr("Published");
    case AttemptOutcome::Failed:
        return tr("Failed");
    case AttemptOutcome::Unknown:
        return tr("Unknown outcome");
    }
    return attemptOutcomeName(outcome);
}

} // namespace cq::ui
