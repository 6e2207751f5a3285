#pragma once

#include "tiktok/TikTokClient.h"

#include <QEventLoop>
#include <QTimer>

#include <functional>
#include <optional>

namespace cq::test {

// Runs one asynchronous TikTokClient call to completion in a local event loop (not qWaitFor, whose
// sleeps between rounds would throttle a large upload to a crawl). No answer within `timeoutMs`
// is the transient error "test_timeout".
template<typename T>
std::expected<T, tiktok::TikTokError>
await(const std::function<void(tiktok::TikTokClient::Callback<T>)> &call, int timeoutMs = 60'000) {
    std::optional<std::expected<T, tiktok::TikTokError>> result;
    QEventLoop loop;
    call([&](std::expected<T, tiktok::TikTokError> value) {
        result = std::move(value);
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!result) {
        tiktok::TikTokError timeout;
        timeout.kind = tiktok::TikTokError::Kind::Transient;
        timeout.code = QStringLiteral("test_timeout");
        timeout.message = QStringLiteral("no answer in time");
        return std::unexpected(timeout);
    }
    return *result;
}

} // namespace cq::test
