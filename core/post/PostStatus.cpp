#include "post/PostStatus.h"

#include "util/EnumNames.h"

#include <array>
#include <utility>

namespace cq {

namespace {
constexpr std::array<std::pair<PostStatus, const char *>, 11> names{{
    {PostStatus::Draft, "draft"},
    {PostStatus::InReview, "in_review"},
    {PostStatus::ChangesRequested, "changes_requested"},
    {PostStatus::Approved, "approved"},
    {PostStatus::Scheduled, "scheduled"},
    {PostStatus::Publishing, "publishing"},
    {PostStatus::Processing, "processing"},
    {PostStatus::Published, "published"},
    {PostStatus::Failed, "failed"},
    {PostStatus::Cancelled, "cancelled"},
    {PostStatus::NeedsAttention, "needs_attention"},
}};
} // namespace

QString postStatusName(PostStatus status) {
    return enumName(names, status, "unknown");
}

std::optional<PostStatus> postStatusFromName(const QString &name) {
    return enumFromName<PostStatus>(names, name);
}

} // namespace cq
