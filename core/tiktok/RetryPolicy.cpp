#include "tiktok/RetryPolicy.h"

#include <QRandomGenerator>

// Under the publisher's category: retries are part of how a publish goes.
Q_LOGGING_CATEGORY(lcRetry, "clipqueue.publish", QtInfoMsg)

namespace cq::tiktok {

std::optional<std::chrono::milliseconds> RetryPolicy::waitAfter(const TikTokError &error, int failures,
                                                                Repeatable repeatable) const {
    const bool rateLimited = error.kind == TikTokError::Kind::RateLimited;
    if (error.kind != TikTokError::Kind::Transient && !rateLimited) {
        return std::nullopt; // permanent, or still refused after the token's one refresh
    }
    if (failures >= maxAttempts || (repeatable == Repeatable::OnlyIfRefused && !rateLimited)) {
        return std::nullopt;
    }
    return rateLimited ? rateLimitWait : backoff(failures);
}

std::chrono::milliseconds RetryPolicy::backoff(int failures) const {
    const qint64 base = firstBackoff.count() << std::min(failures, 16);
    const qint64 capped = std::min<qint64>(base, maxBackoff.count());
    return std::chrono::milliseconds(capped / 2 + QRandomGenerator::global()->bounded(capped / 2 + 1));
}

} // namespace cq::tiktok
