#include "post/PostStatus.h"

#include "util/EnumNames.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace cq {

namespace {
// The names are a contract (database, CLI, JSON); translated only for the window's sentences.
constexpr std::array<std::pair<PostStatus, const char *>, 11> names{{
    {PostStatus::Draft, QT_TRANSLATE_NOOP("PostStatus", "draft")},
    {PostStatus::InReview, QT_TRANSLATE_NOOP("PostStatus", "in_review")},
    {PostStatus::ChangesRequested, QT_TRANSLATE_NOOP("PostStatus", "changes_requested")},
    {PostStatus::Approved, QT_TRANSLATE_NOOP("PostStatus", "approved")},
    {PostStatus::Scheduled, QT_TRANSLATE_NOOP("PostStatus", "scheduled")},
    {PostStatus::Publishing, QT_TRANSLATE_NOOP("PostStatus", "publishing")},
    {PostStatus::Processing, QT_TRANSLATE_NOOP("PostStatus", "processing")},
    {PostStatus::Published, QT_TRANSLATE_NOOP("PostStatus", "published")},
    {PostStatus::Failed, QT_TRANSLATE_NOOP("PostStatus", "failed")},
    {PostStatus::Cancelled, QT_TRANSLATE_NOOP("PostStatus", "cancelled")},
    {PostStatus::NeedsAttention, QT_TRANSLATE_NOOP("PostStatus", "needs_attention")},
}};
} // namespace

QString postStatusName(PostStatus status) {
    return enumName(names, status, "unknown");
}

QString postStatusWords(PostStatus status) {
    return QCoreApplication::translate("PostStatus", postStatusName(status).toLatin1().constData());
}

std::optional<PostStatus> postStatusFromName(const QString &name) {
    return enumFromName<PostStatus>(names, name);
}

} // namespace cq
