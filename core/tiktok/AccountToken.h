#pragma once

#include "tiktok/AccessTokenProvider.h"
#include "tiktok/TikTokError.h"

#include <expected>
#include <functional>
#include <memory>

namespace cq::tiktok {

// One account's access token over the calls of one task (a publish, a creator-info query, a
// revocation). Every authenticated call runs through call(): when TikTok answers
// access_token_invalid, the provider refreshes the token and the call is sent once more. That
// happens at most once per AccountToken: a token refused right after a refresh means the account
// itself lost its authorisation, and refreshing again would only rotate the refresh token.
class AccountToken : public std::enable_shared_from_this<AccountToken> {
public:
    template<typename T>
    using Call = std::function<void(const QString &accessToken, TikTokCallback<T> done)>;

    static std::expected<std::shared_ptr<AccountToken>, Error> open(AccessTokenProvider &provider,
                                                                    const QString &accountId);

    const QString &accountId() const { return m_accountId; }

    // `done` gets the call's answer; a refresh that failed is the error "access_token_invalid"
    // with the provider's words.
    template<typename T>
    void call(Call<T> request, TikTokCallback<T> done) {
        request(m_token, [self = shared_from_this(), request, done](std::expected<T, TikTokError> answer) {
            if (answer || answer.error().kind != TikTokError::Kind::Auth || self->m_refreshed) {
                done(std::move(answer));
                return;
            }
            self->refresh([self, request, done](std::optional<TikTokError> failed) {
                if (failed) {
                    done(std::unexpected(*failed));
                    return;
                }
                request(self->m_token, done);
            });
        });
    }

private:
    AccountToken(AccessTokenProvider &provider, QString accountId, QString token);
    void refresh(std::function<void(std::optional<TikTokError> failed)> next);

    AccessTokenProvider &m_provider;
    QString m_accountId;
    QString m_token;
    bool m_refreshed = false;
};

} // namespace cq::tiktok
