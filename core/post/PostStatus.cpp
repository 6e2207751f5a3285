#include "post/PostStatus.h"

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
    for (const auto &[value, name] : names) {
        if (value == status) {
            return QString::fromLatin1(name);
        }
    }
    return QStringLiteral("unknown");
}

std::optional<PostStatus> postStatusFromName(const QString &name) {
    for (const auto &[value, text] : names) {
        if (name == QLatin1StringView(text)) {
            return value;
        }
    }
    return std::nullopt;
}

} // namespace cq
