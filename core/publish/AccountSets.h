#pragma once

#include "post/Post.h"
#include "post/PostValidator.h"
#include "storage/AccountRepository.h"
#include "storage/AccountSetRepository.h"
#include "util/Clock.h"

#include <expected>

namespace cq {

// Saved account sets: creating, renaming, filling and deleting them (each change one transaction,
// refusals as ErrorCode::Usage or NotFound saying what to do), and what a post that names one
// (platformSetId) means: the set's accounts, one post each.
class AccountSets {
public:
    AccountSets(const Database &database, const Clock &clock);

    std::expected<QList<AccountSet>, Error> list() const;
    // By id or name; NotFound naming it when there is none.
    std::expected<AccountSet, Error> get(const QString &idOrName) const;

    // A new empty set; names are unique and not blank.
    std::expected<AccountSet, Error> create(const QString &name);
    std::expected<AccountSet, Error> rename(const QString &idOrName, const QString &name);
    // Accounts by id or open id; every one must be connected, else nothing changes.
    std::expected<AccountSet, Error> addAccounts(const QString &idOrName, const QStringList &accounts);
    std::expected<AccountSet, Error> removeAccounts(const QString &idOrName, const QStringList &accounts);
    // Makes the set's members exactly `accountIds` (the window's editor ticks them).
    std::expected<AccountSet, Error> setAccounts(const QString &idOrName, const QStringList &accountIds);
    std::expected<void, Error> remove(const QString &idOrName);

    // What the validator needs to know about the post's platformSetId (nullopt when it names none).
    std::expected<std::optional<AccountSetCheck>, Error> check(const Post &post) const;
    // The post addressed to accounts: a set's accounts (then any listed accounts it lacks) in place of
    // its platformSetId. An unknown or empty set is ValidationFailed naming it. Posts without a set
    // are returned unchanged.
    std::expected<Post, Error> expand(const Post &post) const;

private:
    // The account ids of `accounts` (ids or open ids), or NotFound naming the first unknown one.
    std::expected<QStringList, Error> resolveAccounts(const QStringList &accounts) const;
    std::expected<void, Error> checkName(const QString &name, const QString &exceptId) const;
    // Runs `change` on the set in one transaction and returns the set as it is afterwards.
    std::expected<AccountSet, Error>
    change(const QString &idOrName,
           const std::function<std::expected<void, Error>(const AccountSet &)> &work);

    const Database &m_db;
    const Clock &m_clock;
    AccountSetRepository m_sets;
    AccountRepository m_accounts;
};

} // namespace cq
