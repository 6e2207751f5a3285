#pragma once

#include "tiktok/TikTokError.h"

#include <QLoggingCategory>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcRetry)

namespace cq::tiktok {

// How a request to TikTok (or the photo host) is retried: the one policy every request of a publish
// goes by. Transient failures are retried with exponential backoff and full jitter, rate limits
// waited out (TikTok counts per minute), everything else is final.
struct RetryPolicy {
    // Whether a request may be sent again after a timeout or a dropped connection, when it may
    // have reached TikTok: yes for reads and uploads, not for a request that creates a post by
    // itself. A refused request (429) never reached the post and may always be sent again.
    enum class Repeatable { Always, OnlyIfRefused };

    int maxAttempts = 5; // per request
    std::chrono::milliseconds firstBackoff{std::chrono::seconds(1)};
    std::chrono::milliseconds maxBackoff{std::chrono::seconds(60)};
    std::chrono::milliseconds rateLimitWait{std::chrono::seconds(61)}; // per-minute windows

    // How long to wait before sending again after the `failures`-th failure, `error`; nullopt
    // when the request has failed for good.
    std::optional<std::chrono::milliseconds> waitAfter(const TikTokError &error, int failures,
                                                       Repeatable repeatable) const;
    // The exponential backoff after `failures` failures, capped, with full jitter so that several
    // runners do not retry in step.
    std::chrono::milliseconds backoff(int failures) const;
};

// Sends `attempt` until it succeeds (`succeeded`) or `policy` gives up (`failed`), waiting between
// attempts with timers on `context`'s thread; nothing more runs once `context` is gone.
template<typename T>
void runWithRetries(QObject *context, const RetryPolicy &policy, RetryPolicy::Repeatable repeatable,
                    std::function<void(TikTokCallback<T>)> attempt, std::function<void(T)> succeeded,
                    std::function<void(const TikTokError &)> failed) {
    auto failures = std::make_shared<int>(0);
    auto send = std::make_shared<std::function<void()>>();
    *send = [=] {
        attempt([=](std::expected<T, TikTokError> result) {
            if (result) {
                *send = nullptr; // breaks the self-reference: this request is done
                succeeded(*result);
                return;
            }
            const auto wait = policy.waitAfter(result.error(), ++*failures, repeatable);
            if (!wait) {
                *send = nullptr;
                failed(result.error());
                return;
            }
            qCInfo(lcRetry) << "retrying after" << result.error().code << "in" << wait->count() << "ms";
            QTimer::singleShot(*wait, context, [send] { (*send)(); });
        });
    };
    (*send)();
}

} // namespace cq::tiktok
