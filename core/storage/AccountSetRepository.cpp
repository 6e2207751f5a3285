#include "storage/AccountSetRepository.h"

namespace cq {

namespace {

std::expected<void, Error> done(const std::expected<QSqlQuery, Error> &query) {
    if (!query) {
        return std::unexpected(query.error());
    }
    return {};
}

} // namespace

AccountSetRepository::AccountSetRepository(const Database &database)
    : m_db(database) {
}

std::expected<QStringList, Error> AccountSetRepository::members(const QString &setId) const {
    auto query = m_db.exec(QStringLiteral("SELECT account_id FROM account_set_members WHERE set_id = ? "
                                          "ORDER BY added_at_ms, account_id"),
                           {setId});
    if (!query) {
        return std::unexpected(query.error());
    }
    QStringList ids;
    while (query->next()) {
        ids << query->value(0).toString();
    }
    return ids;
}

std::expected<QList<AccountSet>, Error> AccountSetRepository::list() const {
    auto query = m_db.exec(QStringLiteral("SELECT id, name FROM account_sets ORDER BY name, id"));
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<AccountSet> sets;
    while (query->next()) {
        sets << AccountSet{query->value(0).toString(), query->value(1).toString(), {}};
    }
    // A handful of sets: one small query each keeps the SQL portable and plain.
    for (AccountSet &set : sets) {
        auto ids = members(set.id);
        if (!ids) {
            return std::unexpected(ids.error());
        }
        set.accountIds = *ids;
    }
    return sets;
}

std::expected<std::optional<AccountSet>, Error> AccountSetRepository::find(const QString &idOrName) const {
    // An id wins over a set that happens to be named like another set's id.
    auto query = m_db.exec(QStringLiteral("SELECT id, name FROM account_sets WHERE id = ? OR name = ? "
                                          "ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END"),
                           {idOrName, idOrName, idOrName});
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next()) {
        return std::optional<AccountSet>();
    }
    AccountSet set{query->value(0).toString(), query->value(1).toString(), {}};
    auto ids = members(set.id);
    if (!ids) {
        return std::unexpected(ids.error());
    }
    set.accountIds = *ids;
    return set;
}

std::expected<void, Error> AccountSetRepository::insert(const AccountSet &set, const QDateTime &createdAt) {
    return done(
        m_db.exec(QStringLiteral("INSERT INTO account_sets (id, name, created_at_ms) VALUES (?, ?, ?)"),
                  {set.id, set.name, createdAt.toMSecsSinceEpoch()}));
}

std::expected<void, Error> AccountSetRepository::rename(const QString &id, const QString &name) {
    return done(m_db.exec(QStringLiteral("UPDATE account_sets SET name = ? WHERE id = ?"), {name, id}));
}

std::expected<void, Error> AccountSetRepository::addMember(const QString &setId, const QString &accountId,
                                                           const QDateTime &addedAt) {
    auto existing = m_db.exec(
        QStringLiteral("SELECT COUNT(*) FROM account_set_members WHERE set_id = ? AND account_id = ?"),
        {setId, accountId});
    if (!existing) {
        return std::unexpected(existing.error());
    }
    if (existing->next() && existing->value(0).toInt() > 0) {
        return {};
    }
    return done(m_db.exec(
        QStringLiteral("INSERT INTO account_set_members (set_id, account_id, added_at_ms) VALUES (?, ?, ?)"),
        {setId, accountId, addedAt.toMSecsSinceEpoch()}));
}

std::expected<void, Error> AccountSetRepository::removeMember(const QString &setId,
                                                              const QString &accountId) {
    return done(
        m_db.exec(QStringLiteral("DELETE FROM account_set_members WHERE set_id = ? AND account_id = ?"),
                  {setId, accountId}));
}

std::expected<void, Error> AccountSetRepository::remove(const QString &id) {
    // Members explicitly too: the cascade needs foreign keys on, which is a per-connection setting.
    if (auto members =
            done(m_db.exec(QStringLiteral("DELETE FROM account_set_members WHERE set_id = ?"), {id}));
        !members) {
        return members;
    }
    return done(m_db.exec(QStringLiteral("DELETE FROM account_sets WHERE id = ?"), {id}));
}

} // namespace cq
