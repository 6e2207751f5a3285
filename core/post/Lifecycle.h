#pragma once

#include "post/PostStatus.h"

#include <QList>
#include <QString>

#include <optional>
#include <span>

namespace cq {

// Everything that moves a post from one status to another (docs/lifecycle.md). People take the
// first group of actions; runners take the rest.
enum class PostAction {
    Submit,
    Approve,
    RequestChanges,
    Schedule,
    Edit,
    Cancel,
    Retry,
    MarkPublished,
    Delete,
    // Runner actions.
    Claim,
    TakeOver,
    StorePublishId,
    StartProcessing,
    Publish,
    Fail,
    MarkUnknown, // an unknown outcome, or a time that passed while nothing ran
    Defer,       // nothing reached TikTok and the cause passes (offline, a posting cap): try later
};

// Whether a rule holds when the workspace requires approval.
enum class ApprovalCondition { Any, WhenRequired, WhenNotRequired };

// What a transition does with validation findings.
enum class ValidationGate {
    None,
    RefuseOnErrors, // the post must have no validation error (submit, approve, schedule)
    DraftOnErrors,  // an edit of a scheduled post stays scheduled only while it is valid
};

// One allowed transition: `action` takes a post in one of `from` to `to` (nullopt for delete).
struct LifecycleRule {
    PostAction action;
    QList<PostStatus> from;
    std::optional<PostStatus> to;
    ApprovalCondition approval = ApprovalCondition::Any;
    ValidationGate validation = ValidationGate::None;
    bool byRunner = false;
};

// The post lifecycle as one table: the service applies it, `post show` and the window ask it which
// actions a post allows, and why one is not.
class Lifecycle {
public:
    static std::span<const LifecycleRule> rules();
    // The first rule that lets `action` move a post in `status`; nullopt when it is not allowed.
    static std::optional<LifecycleRule> find(PostAction action, PostStatus status, bool approvalRequired);
    static bool allows(PostAction action, PostStatus status, bool approvalRequired) {
        return find(action, status, approvalRequired).has_value();
    }
    // The actions people may take on a post in `status`, in the order of PostAction.
    static QList<PostAction> userActions(PostStatus status, bool approvalRequired);
    // Why `action` is not allowed now, in words for people ("Post … is published; it cannot be
    // cancelled."); empty when it is allowed.
    static QString whyNot(PostAction action, PostStatus status, bool approvalRequired);

    // Which action moves a post in `status` to another time (a drag in the calendar): Schedule where
    // the post stays scheduled (validated again at the new time, refused with errors), otherwise
    // Edit, with the edit's approval rule (a review or approval is withdrawn); nullopt when the post
    // cannot move (publishing, published, cancelled...).
    static std::optional<PostAction> rescheduleAction(PostStatus status, bool approvalRequired);

    static QString actionName(PostAction action); // "submit", "request_changes", ... (history, CLI, JSON)
    static std::optional<PostAction> actionFromName(const QString &name);
};

} // namespace cq
