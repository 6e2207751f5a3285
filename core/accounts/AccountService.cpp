#include "accounts/AccountService.h"

#include "tiktok/AccountToken.h"

#include <QDir>
#include <QTimer>
#include <QUuid>

namespace cq {

namespace {
constexpr int RefreshLockPollMs = 200;
constexpr int RefreshLockWaitMs = 60'000;
constexpr int RefreshLockStaleMs = 120'000;   // longer than a refresh's request timeout
constexpr qint64 RefreshAheadMs = 5 * 60'000; // a token with less left is refreshed before use
} // namespace

AccountService::AccountService(const Database &database, TokenStore &tokens, tiktok::OAuthClient *oauth,
                               const Clock &clock, const QString &lockDirectory)
    : m_db(database)
    , m_accounts(database)
    , m_tokens(tokens)
    , m_oauth(oauth)
    , m_clock(clock)
    , m_lockDirectory(lockDirectory) {
}

std::expected<Account, Error> AccountService::add(const tiktok::TokenSet &tokens,
                                                  const QString &displayName) {
    if (tokens.openId.isEmpty() || tokens.refreshToken.isEmpty()) {
        return std::unexpected(
            Error{ErrorCode::Usage, QStringLiteral("An account needs an open id and a refresh token.")});
    }
    const QStringList scopes = tokens.scopes();
    if (!scopes.isEmpty() && !scopes.contains(u"video.publish") && !scopes.contains(u"video.upload")) {
        return std::unexpected(
            Error{ErrorCode::Usage,
                  u"The TikTok account allowed ClipQueue only " + scopes.join(u", ")
                      + u", which is not enough to post. Connect it again and allow posting (video.publish) "
                        u"or sending to the TikTok inbox (video.upload)."});
    }
    if (auto saved = m_tokens.save(tokens.openId, tokens); !saved) {
        return std::unexpected(saved.error());
    }
    Account account;
    auto done = m_db.transaction([&]() -> std::expected<void, Error> {
        auto existing = m_accounts.findByOpenId(tokens.openId);
        if (!existing) {
            return std::unexpected(existing.error());
        }
        if (*existing) {
            account = **existing;
            account.accessExpiresAt = tokens.accessExpiresAt;
            account.refreshExpiresAt = tokens.refreshExpiresAt;
            if (!scopes.isEmpty()) { // the answer names them: they may have changed
                if (auto stored = m_accounts.updateScopes(account.id, scopes); !stored) {
                    return stored;
                }
            }
            if (displayName.isEmpty()) { // a refresh: keep the name the user gave
                return m_accounts.updateExpiry(account.id, account.accessExpiresAt, account.refreshExpiresAt);
            }
            account.displayName = displayName;
            return m_accounts.update(account);
        }
        auto count = m_accounts.count();
        if (!count) {
            return std::unexpected(count.error());
        }
        account = Account{QUuid::createUuid().toString(QUuid::WithoutBraces),
                          tokens.openId,
                          displayName.isEmpty() ? tokens.openId : displayName,
                          *count == 0, // the first account becomes the default
                          tokens.accessExpiresAt,
                          tokens.refreshExpiresAt};
        if (auto inserted = m_accounts.insert(account, m_clock.nowUtc()); !inserted || scopes.isEmpty()) {
            return inserted;
        }
        return m_accounts.updateScopes(account.id, scopes);
    });
    if (!done) {
        return std::unexpected(done.error());
    }
    return account;
}

std::expected<QList<Account>, Error> AccountService::list() const {
    return m_accounts.list();
}

std::expected<Account, Error> AccountService::find(const QString &idOrOpenId) const {
    auto account = m_accounts.find(idOrOpenId);
    if (!account) {
        return std::unexpected(account.error());
    }
    if (!*account) {
        return std::unexpected(
            Error{ErrorCode::NotFound, idOrOpenId.isEmpty()
                                           ? QStringLiteral("No TikTok account is connected.")
                                           : u"No connected TikTok account is " + idOrOpenId + u'.'});
    }
    return **account;
}

void AccountService::disconnect(const QString &idOrOpenId,
                                std::function<void(std::expected<void, Error>)> done) {
    auto account = find(idOrOpenId);
    if (!account) {
        done(std::unexpected(account.error()));
        return;
    }
    auto forget = [this, account = *account, done](bool revoked) {
        m_tokens.remove(account.openId);
        auto removed = m_accounts.remove(account.id);
        if (!removed) {
            done(std::unexpected(removed.error()));
            return;
        }
        if (!revoked) {
            done(std::unexpected(
                Error{ErrorCode::Io, QStringLiteral("The account was removed here, but TikTok did not "
                                                    "confirm the revocation; remove ClipQueue in the "
                                                    "TikTok app's settings too.")}));
            return;
        }
        done({});
    };
    auto token = accessToken(account->id);
    if (!token || !m_oauth) {
        forget(false);
        return;
    }
    // TikTok revokes only a live access token, and after an idle spell the stored one has run out:
    // refresh first (with the stored token when the refresh fails: it may still be live).
    refresh(account->id, *token, [this, forget, stored = *token](std::expected<QString, Error> fresh) {
        m_oauth->revoke(fresh.value_or(stored), [forget](std::expected<void, tiktok::TikTokError> revoked) {
            forget(revoked.has_value());
        });
    });
}

bool AccountService::expiresSoon(const QString &accountId) {
    // The row keeps the expiry of the stored tokens (add() writes both): no keychain round trip
    // before every call.
    auto account = find(accountId);
    if (!account || !account->accessExpiresAt.isValid()
        || account->accessExpiresAt.toMSecsSinceEpoch() <= 0) {
        return false;
    }
    return account->accessExpiresAt <= m_clock.nowUtc().addMSecs(RefreshAheadMs);
}

std::optional<QStringList> AccountService::grantedScopes(const QString &accountId) {
    auto account = find(accountId);
    auto scopes =
        account ? m_accounts.scopes(account->id) : std::expected<std::optional<QStringList>, Error>();
    return account && scopes ? *scopes : std::nullopt;
}

Error AccountService::refreshFailure(const tiktok::TikTokError &error) {
    using Kind = tiktok::TikTokError::Kind;
    if (error.kind == Kind::Transient || error.kind == Kind::RateLimited) {
        return Error{ErrorCode::Network, u"TikTok's token service could not be reached (" + error.code
                                             + u"); ClipQueue tries again later."};
    }
    return Error{ErrorCode::Io, u"TikTok refused to refresh the account's authorisation (" + error.code
                                    + u"). Reconnect the account."};
}

std::expected<QString, Error> AccountService::accessToken(const QString &accountId) {
    auto account = find(accountId);
    if (!account) {
        return std::unexpected(account.error());
    }
    auto tokens = m_tokens.load(account->openId);
    if (!tokens) {
        return std::unexpected(tokens.error());
    }
    return tokens->accessToken;
}

void AccountService::refresh(const QString &accountId, const QString &rejectedAccessToken,
                             std::function<void(std::expected<QString, Error>)> done) {
    auto account = find(accountId);
    if (!account) {
        done(std::unexpected(account.error()));
        return;
    }
    std::shared_ptr<QLockFile> lock;
    if (!m_lockDirectory.isEmpty()) {
        QDir().mkpath(m_lockDirectory);
        lock = std::make_shared<QLockFile>(QDir(m_lockDirectory).filePath(account->id + u".refresh.lock"));
        lock->setStaleLockTime(RefreshLockStaleMs);
    }
    refreshLocked(account->id, rejectedAccessToken, std::move(lock),
                  m_clock.monotonicMs() + RefreshLockWaitMs, std::move(done));
}

void AccountService::refreshLocked(const QString &accountId, const QString &rejectedAccessToken,
                                   std::shared_ptr<QLockFile> lock, qint64 deadlineMs,
                                   std::function<void(std::expected<QString, Error>)> done) {
    if (lock && !lock->tryLock(0)) {
        // Another runner is refreshing this account: wait without blocking this thread's events.
        if (m_clock.monotonicMs() > deadlineMs) {
            done(std::unexpected(
                Error{ErrorCode::Io, QStringLiteral("Another ClipQueue runner has been refreshing "
                                                    "this account's authorisation for too long. "
                                                    "Try again later.")}));
            return;
        }
        QTimer::singleShot(RefreshLockPollMs, &m_timerContext,
                           [this, accountId, rejectedAccessToken, lock = std::move(lock), deadlineMs,
                            done = std::move(done)]() mutable {
                               refreshLocked(accountId, rejectedAccessToken, std::move(lock), deadlineMs,
                                             std::move(done));
                           });
        return;
    }
    auto account = find(accountId);
    auto tokens = account ? m_tokens.load(account->openId) : std::expected<tiktok::TokenSet, Error>();
    if (!account || !tokens) {
        done(std::unexpected(!account ? account.error() : tokens.error()));
        return;
    }
    // Someone else refreshed while this runner's request was in flight: use their token.
    if (!rejectedAccessToken.isEmpty() && tokens->accessToken != rejectedAccessToken
        && tokens->accessExpiresAt > m_clock.nowUtc()) {
        done(tokens->accessToken);
        return;
    }
    if (!m_oauth) {
        done(std::unexpected(Error{
            ErrorCode::Usage, QStringLiteral("No TikTok app is configured (CLIPQUEUE_TIKTOK_CLIENT_KEY).")}));
        return;
    }
    const QString openId = account->openId;
    // The lock is held until the rotated tokens are saved (it goes with this callback).
    m_oauth->refresh(tokens->refreshToken, [this, openId, lock, done = std::move(done)](auto refreshed) {
        if (!refreshed) {
            done(std::unexpected(refreshFailure(refreshed.error())));
            return;
        }
        const tiktok::TokenSet &next = *refreshed;
        if (next.openId != openId) { // never store another account's tokens under this one
            done(std::unexpected(Error{ErrorCode::Io, QStringLiteral("TikTok's refresh answer named another "
                                                                     "account. Reconnect the account.")}));
            return;
        }
        // The old refresh token is dead now: save the new one before anything else.
        if (auto saved = add(next); !saved) {
            done(std::unexpected(saved.error()));
            return;
        }
        if (lock) {
            lock->unlock();
        }
        done(next.accessToken);
    });
}

} // namespace cq
