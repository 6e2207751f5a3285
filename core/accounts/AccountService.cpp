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
constexpr auto AccountColumns =
    "id, open_id, display_name, is_default, access_expires_at_ms, refresh_expires_at_ms";

Account readAccount(const QSqlQuery &query) {
    return Account{query.value(0).toString(),
                   query.value(1).toString(),
                   query.value(2).toString(),
                   query.value(3).toInt() == 1,
                   QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC),
                   QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC)};
}
} // namespace

AccountService::AccountService(const Database &database, TokenStore &tokens, tiktok::OAuthClient *oauth,
                               const Clock &clock, const QString &lockDirectory)
    : m_db(database)
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
        auto existing =
            m_db.exec(QStringLiteral("SELECT id FROM accounts WHERE open_id = ?"), {tokens.openId});
        if (!existing) {
            return std::unexpected(existing.error());
        }
        const bool known = existing->next();
        const QString id =
            known ? existing->value(0).toString() : QUuid::createUuid().toString(QUuid::WithoutBraces);
        existing->finish();
        auto count = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM accounts"));
        if (!count || !count->next()) {
            return std::unexpected(count ? Error{ErrorCode::Database, QStringLiteral("accounts")}
                                         : count.error());
        }
        const bool first = count->value(0).toInt() == 0;
        count->finish();
        const QVariantList values{tokens.openId, displayName.isEmpty() ? tokens.openId : displayName,
                                  tokens.accessExpiresAt.toMSecsSinceEpoch(),
                                  tokens.refreshExpiresAt.toMSecsSinceEpoch()};
        if (known && displayName.isEmpty()) { // a refresh: keep the name the user gave
            auto written = m_db.exec(QStringLiteral("UPDATE accounts SET access_expires_at_ms = ?, "
                                                    "refresh_expires_at_ms = ? WHERE id = ?"),
                                     {values.at(2), values.at(3), id});
            if (!written) {
                return std::unexpected(written.error());
            }
            account =
                Account{id, tokens.openId, QString(), false, tokens.accessExpiresAt, tokens.refreshExpiresAt};
            return {};
        }
        auto written =
            known ? m_db.exec(
                QStringLiteral("UPDATE accounts SET open_id = ?, display_name = ?, access_expires_at_ms = ?, "
                               "refresh_expires_at_ms = ? WHERE id = ?"),
                values + QVariantList{id})
                  : m_db.exec(
                      QStringLiteral("INSERT INTO accounts (open_id, display_name, access_expires_at_ms, "
                                     "refresh_expires_at_ms, id, is_default, created_at_ms) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                      values + QVariantList{id, first ? 1 : 0, m_clock.nowUtc().toMSecsSinceEpoch()});
        if (!written) {
            return std::unexpected(written.error());
        }
        account = Account{id,    tokens.openId,          values.at(1).toString(),
                          first, tokens.accessExpiresAt, tokens.refreshExpiresAt};
        return {};
    });
    if (!done) {
        return std::unexpected(done.error());
    }
    return account;
}

std::expected<QList<Account>, Error> AccountService::list() const {
    auto query = m_db.exec(u"SELECT " + QLatin1StringView(AccountColumns)
                           + u" FROM accounts ORDER BY created_at_ms, id");
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<Account> accounts;
    while (query->next()) {
        accounts << readAccount(*query);
    }
    return accounts;
}

std::expected<Account, Error> AccountService::find(const QString &idOrOpenId) const {
    auto query = idOrOpenId.isEmpty() ? m_db.exec(u"SELECT " + QLatin1StringView(AccountColumns)
                                                  + u" FROM accounts WHERE is_default = 1")
                                      : m_db.exec(u"SELECT " + QLatin1StringView(AccountColumns)
                                                      + u" FROM accounts WHERE id = ? OR open_id = ?",
                                                  {idOrOpenId, idOrOpenId});
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next()) {
        return std::unexpected(
            Error{ErrorCode::NotFound, idOrOpenId.isEmpty()
                                           ? QStringLiteral("No TikTok account is connected.")
                                           : u"No connected TikTok account is " + idOrOpenId + u'.'});
    }
    return readAccount(*query);
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
        auto removed = m_db.exec(QStringLiteral("DELETE FROM accounts WHERE id = ?"), {account.id});
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
    refreshLocked(account->id, rejectedAccessToken, std::move(lock), QDeadlineTimer(RefreshLockWaitMs),
                  std::move(done));
}

void AccountService::refreshLocked(const QString &accountId, const QString &rejectedAccessToken,
                                   std::shared_ptr<QLockFile> lock, QDeadlineTimer deadline,
                                   std::function<void(std::expected<QString, Error>)> done) {
    if (lock && !lock->tryLock(0)) {
        // Another runner is refreshing this account: wait without blocking this thread's events.
        if (deadline.hasExpired()) {
            done(std::unexpected(
                Error{ErrorCode::Io, QStringLiteral("Another ClipQueue runner has been refreshing "
                                                    "this account's authorisation for too long. "
                                                    "Try again later.")}));
            return;
        }
        QTimer::singleShot(RefreshLockPollMs, &m_timerContext,
                           [this, accountId, rejectedAccessToken, lock = std::move(lock), deadline,
                            done = std::move(done)]() mutable {
                               refreshLocked(accountId, rejectedAccessToken, std::move(lock), deadline,
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
