#include "queue/PostFilterMatch.h"

namespace cq::ui {

bool matchesFilter(const PostFilter &filter, const StoredPost &post) {
    if (!filter.statuses.isEmpty() && !filter.statuses.contains(post.status)) {
        return false;
    }
    if (!filter.accountId.isEmpty() && post.accountId() != filter.accountId) {
        return false;
    }
    const std::optional<QDateTime> &at = post.schedule.atUtc;
    if ((filter.fromUtc && (!at || *at < *filter.fromUtc))
        || (filter.beforeUtc && (!at || *at >= *filter.beforeUtc))) {
        return false;
    }
    return filter.captionContains.isEmpty()
           || post.content.text.contains(filter.captionContains, Qt::CaseInsensitive);
}

} // namespace cq::ui
