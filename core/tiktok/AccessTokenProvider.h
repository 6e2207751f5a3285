#pragma once

#include "util/Error.h"

#include <QString>

#include <expected>
#include <functional>

namespace cq::tiktok {

// Hands out an account's access token and refreshes it (rotating the refresh token) when TikTok
// says it expired. The OAuth/keychain implementation lives with the accounts; tests pass a fake.
class AccessTokenProvider {
public:
    virtual ~AccessTokenProvider() = default;
    virtual std::expected<QString, Error> accessToken(const QString &accountId) = 0;
    // `rejectedAccessToken` is the token TikTok just refused: when another runner already replaced
    // it, the replacement is answered instead of rotating the refresh token again.
    virtual void refresh(const QString &accountId, const QString &rejectedAccessToken,
                         std::function<void(std::expected<QString, Error>)> done) = 0;
};

} // namespace cq::tiktok
