#include "post/StoredPost.h"

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
    for (const auto &[value, name] : outcomeNames) {
        if (value == outcome) {
            return QString::fromLatin1(name);
        }
    }
    return QStringLiteral("unknown");
}

std::optional<AttemptOutcome> attemptOutcomeFromName(const QString &name) {
    for (const auto &[value, text] : outcomeNames) {
        if (name == QLatin1StringView(text)) {
            return value;
        }
    }
    return std::nullopt;
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
