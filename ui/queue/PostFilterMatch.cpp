#include "queue/PostFilterMatch.h"

namespace cq::ui {

namespace {
// SQLite's lower(): ASCII letters only.
QString asciiLower(const QString &text) {
    QString lower = text;
    for (QChar &c : lower) {
        if (c >= u'A' && c <= u'Z') {
            c = QChar(c.unicode() + (u'a' - u'A'));
        }
    }
    return lower;
}
} // namespace

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
    // As the repository compares: lower(caption) LIKE the lower-cased words.
    return filter.captionContains.isEmpty()
           || asciiLower(post.content.text).contains(filter.captionContains.toLower());
}

} // namespace cq::ui
