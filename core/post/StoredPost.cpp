#include "post/StoredPost.h"

#include "util/EnumNames.h"

#include <array>
#include <utility>

namespace cq {

namespace {
constexpr std::array<std::pair<AttemptOutcome, const char *>, 3> outcomeNames{{
    {AttemptOutcome::Published, "published"},
    {AttemptOutcome::Failed, "failed"},
    {AttemptOutcome::Unknown, "unknown"},
}};
} // namespace

QString attemptOutcomeName(AttemptOutcome outcome) {
    return enumName(outcomeNames, outcome, "unknown");
}

std::optional<AttemptOutcome> attemptOutcomeFromName(const QString &name) {
    return enumFromName<AttemptOutcome>(outcomeNames, name);
}

bool StoredPost::isPhotoPost() const {
    return toPost().isPhotoPost();
}

Post StoredPost::toPost() const {
    Post post;
    static_cast<PostContent &>(post) = content;
    for (const StoredMedia &item : media) {
        post.media << item.descriptor;
    }
    post.scheduledFor = schedule.atUtc;
    return post;
}

} // namespace cq
