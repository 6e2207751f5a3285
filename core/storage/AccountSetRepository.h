#pragma once

#include "storage/Database.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <expected>
#include <optional>

namespace cq {

// A named group of connected accounts ("brand channels"): a post that names the set
// (platformSetId) goes to each of its accounts.
struct AccountSet {
    QString id;
    QString name;
    QStringList accountIds; // in the order they were added

    bool operator==(const AccountSet &) const = default;
};

// Reads and writes the account_sets and account_set_members tables. Methods do not open
// transactions of their own: callers wrap multi-row changes in Database::transaction().
class AccountSetRepository {
public:
    explicit AccountSetRepository(const Database &database);

    // By name, with their members.
    std::expected<QList<AccountSet>, Error> list() const;
    // By id, else by exact name. Nothing when there is no such set.
    std::expected<std::optional<AccountSet>, Error> find(const QString &idOrName) const;

    std::expected<void, Error> insert(const AccountSet &set, const QDateTime &createdAt);
    std::expected<void, Error> rename(const QString &id, const QString &name);
    // Adding a member twice is no error (it keeps its place).
    std::expected<void, Error> addMember(const QString &setId, const QString &accountId,
                                         const QDateTime &addedAt);
    std::expected<void, Error> removeMember(const QString &setId, const QString &accountId);
    // With its members; deleting a set that is gone already is no error.
    std::expected<void, Error> remove(const QString &id);

private:
    std::expected<QStringList, Error> members(const QString &setId) const;

    const Database &m_db;
};

} // namespace cq
