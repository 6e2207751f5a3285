#include "accounts/AccountService.h"

#include "tiktok/AccountToken.h"

#include <QDir>
#include <QTimer>
#include <QUuid>

namespace cq {

namespace {
constexpr int RefreshLockPollMs = 200;
constexpr int RefreshLockWaitMs = 60'000;
constexpr int RefreshLockStaleMs = 120'000; // longer than a refresh's request timeout
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
        return m_accounts.insert(account, m_clock.nowUtc());
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
    auto token = tiktok::AccountToken::open(*this, account->id);
    if (!token || !m_oauth) {
        forget(false);
        return;
    }
    (*token)->call<void>(
        [this](const QString &accessToken, auto answer) { m_oauth->revoke(accessToken, answer); },
        [forget](auto revoked) { forget(revoked.has_value()); });
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
            done(std::unexpected(
                Error{ErrorCode::Io, u"TikTok refused to refresh the account's authorisation ("
                                         + refreshed.error().code + u"). Reconnect the account."}));
            return;
        }
        tiktok::TokenSet next = *refreshed;
        next.openId = next.openId.isEmpty() ? openId : next.openId;
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
