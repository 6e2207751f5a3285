#include "post/Lifecycle.h"

#include <QCoreApplication>

#include "util/EnumNames.h"
#include <algorithm>

#include <array>
#include <utility>

namespace cq {

namespace {

using enum PostStatus;
using A = PostAction;

// Read top to bottom: the first row whose action, status and approval condition match wins.
const std::array<LifecycleRule, 20> table{{
    {A::Submit,
     {Draft, ChangesRequested},
     InReview,
     ApprovalCondition::WhenRequired,
     ValidationGate::RefuseOnErrors},
    {A::Submit,
     {Draft, ChangesRequested},
     Scheduled,
     ApprovalCondition::WhenNotRequired,
     ValidationGate::RefuseOnErrors},
    {A::Approve, {InReview}, Approved, ApprovalCondition::Any, ValidationGate::RefuseOnErrors},
    {A::RequestChanges, {InReview, Approved}, ChangesRequested},
    {A::Schedule,
     {Approved, Scheduled},
     Scheduled,
     ApprovalCondition::WhenRequired,
     ValidationGate::RefuseOnErrors},
    {A::Schedule,
     {Draft, ChangesRequested, Approved, Scheduled},
     Scheduled,
     ApprovalCondition::WhenNotRequired,
     ValidationGate::RefuseOnErrors},
    // Editing withdraws an approval; without approvals a scheduled post stays scheduled while valid.
    {A::Edit, {Scheduled}, Scheduled, ApprovalCondition::WhenNotRequired, ValidationGate::DraftOnErrors},
    {A::Edit, {Draft, ChangesRequested, InReview, Approved, Scheduled}, Draft},
    // Once ClipQueue talks to TikTok, cancelling could leave a post half-sent: wait for the outcome.
    {A::Cancel, {Draft, InReview, ChangesRequested, Approved, Scheduled, Failed, NeedsAttention}, Cancelled},
    {A::Retry, {Failed, NeedsAttention}, Scheduled},
    {A::MarkPublished, {NeedsAttention}, Published},
    {A::Delete, {Draft, ChangesRequested, Cancelled, Failed, Published}, std::nullopt},
    {A::Claim, {Scheduled}, Publishing, ApprovalCondition::Any, ValidationGate::None, true},
    {A::TakeOver, {Publishing}, Publishing, ApprovalCondition::Any, ValidationGate::None, true},
    // From processing too: TikTok's FAILED with a reason it asks to retry (internal...) starts a new
    // upload with a new publish id.
    {A::StorePublishId,
     {Publishing, Processing},
     Publishing,
     ApprovalCondition::Any,
     ValidationGate::None,
     true},
    {A::StartProcessing, {Publishing}, Processing, ApprovalCondition::Any, ValidationGate::None, true},
    {A::Publish, {Publishing, Processing}, Published, ApprovalCondition::Any, ValidationGate::None, true},
    {A::Fail, {Publishing, Processing}, Failed, ApprovalCondition::Any, ValidationGate::None, true},
    {A::MarkUnknown,
     {Scheduled, Publishing, Processing},
     NeedsAttention,
     ApprovalCondition::Any,
     ValidationGate::None,
     true},
    // Processing too: after TikTok's FAILED asked for a new upload, nothing is at TikTok.
    {A::Defer, {Publishing, Processing}, Scheduled, ApprovalCondition::Any, ValidationGate::None, true},
}};

constexpr std::array<std::pair<PostAction, const char *>, 17> names{{
    {A::Submit, "submit"},
    {A::Approve, "approve"},
    {A::RequestChanges, "request_changes"},
    {A::Schedule, "schedule"},
    {A::Edit, "edit"},
    {A::Cancel, "cancel"},
    {A::Retry, "retry"},
    {A::MarkPublished, "mark_published"},
    {A::Delete, "delete"},
    {A::Claim, "claim"},
    {A::TakeOver, "take_over"},
    {A::StorePublishId, "publish_id"},
    {A::StartProcessing, "processing"},
    {A::Publish, "published"},
    {A::Fail, "failed"},
    {A::MarkUnknown, "unknown"},
    {A::Defer, "deferred"},
}};

// The verb in "it cannot be … now".
QString pastParticiple(PostAction action) {
    switch (action) {
    case A::Submit:
        return QCoreApplication::translate("Lifecycle", "submitted");
    case A::Approve:
        return QCoreApplication::translate("Lifecycle", "approved");
    case A::RequestChanges:
        return QCoreApplication::translate("Lifecycle", "sent back for changes");
    case A::Schedule:
        return QCoreApplication::translate("Lifecycle", "scheduled");
    case A::Edit:
        return QCoreApplication::translate("Lifecycle", "edited");
    case A::Cancel:
        return QCoreApplication::translate("Lifecycle", "cancelled");
    case A::Retry:
        return QCoreApplication::translate("Lifecycle", "retried");
    case A::MarkPublished:
        return QCoreApplication::translate("Lifecycle", "marked as published");
    case A::Delete:
        return QCoreApplication::translate("Lifecycle", "deleted (cancel it first)");
    default:
        return QCoreApplication::translate("Lifecycle", "moved on by a runner");
    }
}

bool approvalMatches(ApprovalCondition condition, bool approvalRequired) {
    switch (condition) {
    case ApprovalCondition::Any:
        return true;
    case ApprovalCondition::WhenRequired:
        return approvalRequired;
    case ApprovalCondition::WhenNotRequired:
        return !approvalRequired;
    }
    return false;
}

} // namespace

std::span<const LifecycleRule> Lifecycle::rules() {
    return table;
}

std::optional<LifecycleRule> Lifecycle::find(PostAction action, PostStatus status, bool approvalRequired) {
    for (const LifecycleRule &rule : table) {
        if (rule.action == action && approvalMatches(rule.approval, approvalRequired)
            && std::find(rule.from.begin(), rule.from.end(), status) != rule.from.end()) {
            return rule;
        }
    }
    return std::nullopt;
}

QList<PostAction> Lifecycle::userActions(PostStatus status, bool approvalRequired) {
    QList<PostAction> actions;
    for (const LifecycleRule &rule : table) {
        if (!rule.byRunner && !actions.contains(rule.action) && find(rule.action, status, approvalRequired)) {
            actions << rule.action;
        }
    }
    std::sort(actions.begin(), actions.end());
    return actions;
}

QString Lifecycle::whyNot(PostAction action, PostStatus status, bool approvalRequired) {
    if (allows(action, status, approvalRequired)) {
        return {};
    }
    // Allowed once approved: say so instead of a bare "cannot".
    if (action == A::Schedule && approvalRequired && (allows(action, status, false) || status == InReview)) {
        return QCoreApplication::translate("Lifecycle",
                                           "This post is %1; this workspace requires approval, so it can be "
                                           "scheduled once a reviewer approves it.")
            .arg(postStatusWords(status));
    }
    return QCoreApplication::translate("Lifecycle", "This post is %1; it cannot be %2 now.")
        .arg(postStatusWords(status), pastParticiple(action));
}

std::optional<PostAction> Lifecycle::rescheduleAction(PostStatus status, bool approvalRequired) {
    const auto schedule = find(A::Schedule, status, approvalRequired);
    if (schedule && schedule->to == status) {
        return A::Schedule;
    }
    if (allows(A::Edit, status, approvalRequired)) {
        return A::Edit;
    }
    return std::nullopt;
}

QString Lifecycle::actionName(PostAction action) {
    return enumName(names, action, "unknown");
}

std::optional<PostAction> Lifecycle::actionFromName(const QString &name) {
    return enumFromName<PostAction>(names, name);
}

} // namespace cq
