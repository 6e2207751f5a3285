#pragma once

#include "util/Error.h"

#include <QString>
#include <QStringList>

#include <expected>
#include <functional>
#include <optional>

namespace cq::tiktok {

// Hands out an account's access token and refreshes it (rotating the refresh token) when TikTok
// says it expired. The OAuth/keychain implementation lives with the accounts; tests pass a fake.
class AccessTokenProvider {
public:
    virtual ~AccessTokenProvider() = default;
    virtual std::expected<QString, Error> accessToken(const QString &accountId) = 0;
    // `rejectedAccessToken` is the token TikTok just refused (or the one about to expire): when
    // another runner already replaced it, the replacement is answered instead of rotating the
    // refresh token again. A failure with ErrorCode::Network means TikTok's token service could not
    // be reached (5xx, network): retry later; any other failure means the account must reconnect.
    virtual void refresh(const QString &accountId, const QString &rejectedAccessToken,
                         std::function<void(std::expected<QString, Error>)> done) = 0;
    // Whether the stored access token runs out soon enough that it should be refreshed before the
    // next call (saves TikTok a 401 round trip after every idle period).
    virtual bool expiresSoon(const QString & /*accountId*/) { return false; }
    // The scopes the account granted (video.publish, video.upload...); nullopt when unknown (an
    // account connected before ClipQueue stored them), which allows everything.
    virtual std::optional<QStringList> grantedScopes(const QString & /*accountId*/) { return std::nullopt; }
};

} // namespace cq::tiktok
