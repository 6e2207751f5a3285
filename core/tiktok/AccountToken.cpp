#include "tiktok/AccountToken.h"

namespace cq::tiktok {

AccountToken::AccountToken(AccessTokenProvider &provider, QString accountId, QString token)
    : m_provider(provider)
    , m_accountId(std::move(accountId))
    , m_token(std::move(token)) {
}

std::expected<std::shared_ptr<AccountToken>, Error> AccountToken::open(AccessTokenProvider &provider,
                                                                       const QString &accountId) {
    auto token = provider.accessToken(accountId);
    if (!token) {
        return std::unexpected(token.error());
    }
    return std::shared_ptr<AccountToken>(new AccountToken(provider, accountId, *token));
}

void AccountToken::refresh(std::function<void(std::optional<TikTokError> failed)> next) {
    ++m_refreshes;
    m_provider.refresh(
        m_accountId, m_token,
        [self = shared_from_this(), next = std::move(next)](std::expected<QString, Error> token) {
            if (!token) {
                // TikTok's token service down or out of reach is no reason to reconnect: retry later.
                const bool unreachable = token.error().code == ErrorCode::Network;
                next(fromError(token.error(),
                               unreachable ? QStringLiteral("token_refresh_unavailable")
                                           : QStringLiteral("access_token_invalid"),
                               unreachable ? TikTokError::Kind::Transient : TikTokError::Kind::Auth));
                return;
            }
            self->m_token = *token;
            next(std::nullopt);
        });
}

} // namespace cq::tiktok
