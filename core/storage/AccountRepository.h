#pragma once

#include "post/CreatorInfo.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <expected>
#include <optional>

namespace cq {

// A connected TikTok account. Its tokens are in the TokenStore, never in this row.
struct Account {
    QString id;
    QString openId;
    QString displayName;
    bool isDefault = false;
    QDateTime accessExpiresAt;
    QDateTime refreshExpiresAt;
};

// The creator info TikTok last reported for an account, and when it was fetched.
struct StoredCreatorInfo {
    CreatorInfo info;
    QDateTime fetchedAt; // UTC
};

// Reads and writes the accounts table: the connected accounts and the creator info cached with
// them. Methods do not open transactions of their own: callers wrap multi-row changes in
// Database::transaction().
class AccountRepository {
public:
    explicit AccountRepository(const Database &database);

    // In the order they were connected.
    std::expected<QList<Account>, Error> list() const;
    // By account id or open id; an empty id means the default account. Nothing when there is none.
    std::expected<std::optional<Account>, Error> find(const QString &idOrOpenId) const;
    std::expected<std::optional<Account>, Error> findByOpenId(const QString &openId) const;
    std::expected<int, Error> count() const;
    std::expected<bool, Error> hasDefault() const;

    std::expected<void, Error> insert(const Account &account, const QDateTime &createdAt);
    // Writes the open id, display name and expiry times of the row with the account's id.
    std::expected<void, Error> update(const Account &account);
    std::expected<void, Error> updateExpiry(const QString &id, const QDateTime &accessExpiresAt,
                                            const QDateTime &refreshExpiresAt);
    // Records the scopes the account granted (a connection or a refresh names them).
    std::expected<void, Error> updateScopes(const QString &id, const QStringList &scopes);
    // The scopes TikTok granted the account (video.publish, video.upload...); nullopt when not known
    // (connected before ClipQueue stored them) or there is no such account.
    std::expected<std::optional<QStringList>, Error> scopes(const QString &idOrOpenId) const;
    // Deleting an account that is gone already is no error.
    std::expected<void, Error> remove(const QString &id);

    // Caches the account's creator info; its nickname becomes the display name unless the user
    // named the account. NotFound when there is no account `id`.
    std::expected<void, Error> storeCreatorInfo(const QString &id, const CreatorInfo &info,
                                                const QDateTime &fetchedAt);
    // By account id or open id; an empty id means the default account. Nothing when the account
    // is unknown or its creator info was never fetched.
    std::expected<std::optional<StoredCreatorInfo>, Error> creatorInfo(const QString &idOrOpenId) const;

private:
    // Rows matching `idOrOpenId` as find() reads it, with `columns`.
    std::expected<QSqlQuery, Error> select(const QString &columns, const QString &idOrOpenId) const;
    // Runs a SELECT COUNT(*) statement.
    std::expected<int, Error> countRows(const QString &sql) const;

    const Database &m_db;
};

} // namespace cq
