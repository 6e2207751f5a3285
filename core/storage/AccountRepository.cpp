#include "storage/AccountRepository.h"

#include <QJsonDocument>

namespace cq {

namespace {

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

std::expected<std::optional<Account>, Error> firstAccount(std::expected<QSqlQuery, Error> query) {
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next()) {
        return std::optional<Account>();
    }
    return readAccount(*query);
}

// Qt binds a null QString as SQL NULL; NOT NULL text columns get an empty string instead.
QString text(const QString &value) {
    return value.isNull() ? QStringLiteral("") : value;
}

std::expected<void, Error> done(const std::expected<QSqlQuery, Error> &query) {
    if (!query) {
        return std::unexpected(query.error());
    }
    return {};
}

} // namespace

AccountRepository::AccountRepository(const Database &database)
    : m_db(database) {
}

std::expected<QSqlQuery, Error> AccountRepository::select(const QString &columns,
                                                          const QString &idOrOpenId) const {
    const QString head = u"SELECT " + columns + u" FROM accounts WHERE ";
    if (idOrOpenId.isEmpty()) {
        return m_db.exec(head + u"is_default = 1");
    }
    return m_db.exec(head + u"id = ? OR open_id = ?", {idOrOpenId, idOrOpenId});
}

std::expected<int, Error> AccountRepository::countRows(const QString &sql) const {
    auto query = m_db.exec(sql);
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next()) {
        return std::unexpected(Error{ErrorCode::Database, QStringLiteral("Cannot count the accounts.")});
    }
    return query->value(0).toInt();
}

std::expected<QList<Account>, Error> AccountRepository::list() const {
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

std::expected<std::optional<Account>, Error> AccountRepository::find(const QString &idOrOpenId) const {
    return firstAccount(select(QLatin1StringView(AccountColumns), idOrOpenId));
}

std::expected<std::optional<Account>, Error> AccountRepository::findByOpenId(const QString &openId) const {
    return firstAccount(m_db.exec(
        u"SELECT " + QLatin1StringView(AccountColumns) + u" FROM accounts WHERE open_id = ?", {openId}));
}

std::expected<int, Error> AccountRepository::count() const {
    return countRows(QStringLiteral("SELECT COUNT(*) FROM accounts"));
}

std::expected<bool, Error> AccountRepository::hasDefault() const {
    auto defaults = countRows(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE is_default = 1"));
    if (!defaults) {
        return std::unexpected(defaults.error());
    }
    return *defaults > 0;
}

std::expected<void, Error> AccountRepository::insert(const Account &account, const QDateTime &createdAt) {
    return done(m_db.exec(QStringLiteral("INSERT INTO accounts (id, open_id, display_name, is_default, "
                                         "access_expires_at_ms, refresh_expires_at_ms, created_at_ms) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                          {account.id, account.openId, text(account.displayName), account.isDefault ? 1 : 0,
                           account.accessExpiresAt.toMSecsSinceEpoch(),
                           account.refreshExpiresAt.toMSecsSinceEpoch(), createdAt.toMSecsSinceEpoch()}));
}

std::expected<void, Error> AccountRepository::update(const Account &account) {
    return done(
        m_db.exec(QStringLiteral("UPDATE accounts SET open_id = ?, display_name = ?, "
                                 "access_expires_at_ms = ?, refresh_expires_at_ms = ? WHERE id = ?"),
                  {account.openId, text(account.displayName), account.accessExpiresAt.toMSecsSinceEpoch(),
                   account.refreshExpiresAt.toMSecsSinceEpoch(), account.id}));
}

std::expected<void, Error> AccountRepository::updateExpiry(const QString &id,
                                                           const QDateTime &accessExpiresAt,
                                                           const QDateTime &refreshExpiresAt) {
    return done(m_db.exec(QStringLiteral("UPDATE accounts SET access_expires_at_ms = ?, "
                                         "refresh_expires_at_ms = ? WHERE id = ?"),
                          {accessExpiresAt.toMSecsSinceEpoch(), refreshExpiresAt.toMSecsSinceEpoch(), id}));
}

std::expected<void, Error> AccountRepository::updateScopes(const QString &id, const QStringList &scopes) {
    return done(
        m_db.exec(QStringLiteral("UPDATE accounts SET scopes = ? WHERE id = ?"), {scopes.join(u','), id}));
}

std::expected<std::optional<QStringList>, Error> AccountRepository::scopes(const QString &idOrOpenId) const {
    auto query = select(QStringLiteral("scopes"), idOrOpenId);
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next() || query->value(0).isNull()) {
        return std::optional<QStringList>();
    }
    return std::optional<QStringList>(query->value(0).toString().split(u',', Qt::SkipEmptyParts));
}

std::expected<void, Error> AccountRepository::remove(const QString &id) {
    return done(m_db.exec(QStringLiteral("DELETE FROM accounts WHERE id = ?"), {id}));
}

std::expected<void, Error> AccountRepository::storeCreatorInfo(const QString &id, const CreatorInfo &info,
                                                               const QDateTime &fetchedAt) {
    // An account the user did not name has its open id as display name (AccountService::add).
    auto query =
        m_db.exec(QStringLiteral("UPDATE accounts SET creator_info_json = ?, creator_info_at_ms = ?, "
                                 "display_name = CASE WHEN display_name = open_id AND ? <> '' THEN ? "
                                 "ELSE display_name END WHERE id = ?"),
                  {QString::fromUtf8(QJsonDocument(info.toJson()).toJson(QJsonDocument::Compact)),
                   fetchedAt.toMSecsSinceEpoch(), info.nickname, info.nickname, id});
    if (!query) {
        return std::unexpected(query.error());
    }
    if (query->numRowsAffected() != 1) {
        return std::unexpected(Error{ErrorCode::NotFound, u"No connected TikTok account is " + id + u'.'});
    }
    return {};
}

std::expected<std::optional<StoredCreatorInfo>, Error>
AccountRepository::creatorInfo(const QString &idOrOpenId) const {
    auto query = select(QStringLiteral("creator_info_json, creator_info_at_ms"), idOrOpenId);
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next() || query->value(0).isNull()) {
        return std::optional<StoredCreatorInfo>();
    }
    const auto info =
        CreatorInfo::fromJson(QJsonDocument::fromJson(query->value(0).toString().toUtf8()).object());
    if (!info) { // written by storeCreatorInfo(), so only a damaged row gets here: fetch it again
        return std::optional<StoredCreatorInfo>();
    }
    return StoredCreatorInfo{*info, QDateTime::fromMSecsSinceEpoch(query->value(1).toLongLong(), Qt::UTC)};
}

} // namespace cq
