#pragma once

#include "accounts/TokenStore.h"
#include "post/CreatorInfo.h"
#include "storage/AccountRepository.h"
#include "storage/Database.h"
#include "tiktok/AccessTokenProvider.h"
#include "tiktok/OAuthClient.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QList>
#include <QLockFile>
#include <QObject>

#include <memory>

namespace cq {

// Connected accounts: rows in the database, tokens in the keychain (or the 0600 fallback file). It
// hands out access tokens to the publisher and refreshes them, saving the rotated refresh token
// before the new access token is used. Refreshes of one account are serialised across the runners
// of this machine (threads and processes) by a lock file in `lockDirectory`: TikTok rotates the
// refresh token, so a second refresh with the old one would disconnect the account.
class AccountService final : public tiktok::AccessTokenProvider {
public:
    AccountService(const Database &database, TokenStore &tokens, tiktok::OAuthClient *oauth,
                   const Clock &clock, const QString &lockDirectory = {});

    // Stores the tokens, then the account row; the first account becomes the default.
    std::expected<Account, Error> add(const tiktok::TokenSet &tokens, const QString &displayName = {});
    std::expected<QList<Account>, Error> list() const;
    // By account id or open id; an empty id means the default account.
    std::expected<Account, Error> find(const QString &idOrOpenId) const;

    // Refreshes the access token (TikTok revokes only a live one), revokes the authorisation at
    // TikTok (best effort), then forgets the account's tokens and row.
    void disconnect(const QString &idOrOpenId, std::function<void(std::expected<void, Error>)> done);

    std::expected<QString, Error> accessToken(const QString &accountId) override;
    void refresh(const QString &accountId, const QString &rejectedAccessToken,
                 std::function<void(std::expected<QString, Error>)> done) override;
    // Less than five minutes left on the stored access token.
    bool expiresSoon(const QString &accountId) override;
    std::optional<QStringList> grantedScopes(const QString &accountId) override;

private:
    // A failed refresh as the provider reports it: Network when TikTok's token service was out of
    // reach or failed (retry later), otherwise "reconnect the account".
    static Error refreshFailure(const tiktok::TikTokError &error);
    // Waits for the lock until `deadlineMs` (on m_clock's monotonic reading), then refreshes.
    void refreshLocked(const QString &accountId, const QString &rejectedAccessToken,
                       std::shared_ptr<QLockFile> lock, qint64 deadlineMs,
                       std::function<void(std::expected<QString, Error>)> done);

    const Database &m_db;
    AccountRepository m_accounts;
    TokenStore &m_tokens;
    tiktok::OAuthClient *m_oauth;
    const Clock &m_clock;
    QString m_lockDirectory;
    QObject m_timerContext; // pending lock retries die with the service
};

} // namespace cq
