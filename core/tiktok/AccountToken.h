#pragma once

#include "tiktok/AccessTokenProvider.h"
#include "tiktok/TikTokError.h"

#include <expected>
#include <functional>
#include <memory>

namespace cq::tiktok {

// One account's access token over the calls of one task (a publish, a creator-info query, a
// revocation). Every authenticated call runs through call(): a token that runs out soon is
// refreshed first, and when TikTok answers access_token_invalid the provider refreshes the token
// and that call is sent once more. A call refreshes at most once: a token refused right after a
// refresh means the account itself lost its authorisation, and refreshing again would only rotate
// the refresh token. Later calls of the task may refresh again (a status poll can outlive a token).
class AccountToken : public std::enable_shared_from_this<AccountToken> {
public:
    template<typename T>
    using Call = std::function<void(const QString &accessToken, TikTokCallback<T> done)>;

    static std::expected<std::shared_ptr<AccountToken>, Error> open(AccessTokenProvider &provider,
                                                                    const QString &accountId);

    const QString &accountId() const { return m_accountId; }
    int refreshCount() const { return m_refreshes; }

    // `done` gets the call's answer; a refresh that failed is "access_token_invalid" (reconnect)
    // or, when TikTok's token service was unreachable, the transient "token_refresh_unavailable".
    template<typename T>
    void call(Call<T> request, TikTokCallback<T> done) {
        auto send = [self = shared_from_this(), request, done] {
            const QString used = self->m_token;
            request(used, [self, request, done, used](std::expected<T, TikTokError> answer) {
                if (answer || answer.error().kind != TikTokError::Kind::Auth) {
                    done(std::move(answer));
                    return;
                }
                if (self->m_token != used) { // another call of this task refreshed meanwhile
                    request(self->m_token, done);
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
        };
        if (!m_provider.expiresSoon(m_accountId)) {
            send();
            return;
        }
        refresh([send, done](std::optional<TikTokError> failed) {
            // A token that runs out soon still works until then: only a refusal ends the call.
            if (failed && failed->kind == TikTokError::Kind::Auth) {
                done(std::unexpected(*failed));
                return;
            }
            send();
        });
    }

private:
    AccountToken(AccessTokenProvider &provider, QString accountId, QString token);
    void refresh(std::function<void(std::optional<TikTokError> failed)> next);

    AccessTokenProvider &m_provider;
    QString m_accountId;
    QString m_token;
    int m_refreshes = 0;
};

} // namespace cq::tiktok
