#include "publish/AccountSets.h"

#include <QCoreApplication>
#include <QUuid>

namespace cq {

namespace {

// The context of the texts the window shows (translated there; English in the command-line tool).
class Text {
    Q_DECLARE_TR_FUNCTIONS(cq::AccountSets)
};

std::unexpected<Error> noSuchSet(const QString &idOrName) {
    return std::unexpected(
        Error{ErrorCode::NotFound,
              Text::tr("There is no account set \"%1\" (clipqueue-cli accounts sets list shows them).")
                  .arg(idOrName)});
}

} // namespace

AccountSets::AccountSets(const Database &database, const Clock &clock)
    : m_db(database)
    , m_clock(clock)
    , m_sets(database)
    , m_accounts(database) {
}

std::expected<QList<AccountSet>, Error> AccountSets::list() const {
    return m_sets.list();
}

std::expected<AccountSet, Error> AccountSets::get(const QString &idOrName) const {
    auto set = m_sets.find(idOrName);
    if (!set) {
        return std::unexpected(set.error());
    }
    if (!*set) {
        return noSuchSet(idOrName);
    }
    return **set;
}

std::expected<void, Error> AccountSets::checkName(const QString &name, const QString &exceptId) const {
    if (name.trimmed().isEmpty()) {
        return std::unexpected(Error{ErrorCode::Usage, Text::tr("An account set needs a name.")});
    }
    auto existing = m_sets.find(name);
    if (!existing) {
        return std::unexpected(existing.error());
    }
    if (*existing && (*existing)->id != exceptId) {
        return std::unexpected(
            Error{ErrorCode::Usage,
                  Text::tr("There is an account set named \"%1\" already; pick another name.").arg(name)});
    }
    return {};
}

std::expected<AccountSet, Error> AccountSets::create(const QString &name) {
    const AccountSet set{QUuid::createUuid().toString(QUuid::WithoutBraces), name.trimmed(), {}};
    auto done = m_db.transaction([&]() -> std::expected<void, Error> {
        if (auto fits = checkName(set.name, QString()); !fits) {
            return fits;
        }
        return m_sets.insert(set, m_clock.nowUtc());
    });
    if (!done) {
        return std::unexpected(done.error());
    }
    return set;
}

std::expected<AccountSet, Error>
AccountSets::change(const QString &idOrName,
                    const std::function<std::expected<void, Error>(const AccountSet &)> &work) {
    QString id;
    auto done = m_db.transaction([&]() -> std::expected<void, Error> {
        auto set = get(idOrName);
        if (!set) {
            return std::unexpected(set.error());
        }
        id = set->id;
        return work(*set);
    });
    if (!done) {
        return std::unexpected(done.error());
    }
    return get(id);
}

std::expected<AccountSet, Error> AccountSets::rename(const QString &idOrName, const QString &name) {
    return change(idOrName, [&](const AccountSet &set) -> std::expected<void, Error> {
        if (auto fits = checkName(name.trimmed(), set.id); !fits) {
            return fits;
        }
        return m_sets.rename(set.id, name.trimmed());
    });
}

std::expected<QStringList, Error> AccountSets::resolveAccounts(const QStringList &accounts) const {
    QStringList ids;
    for (const QString &reference : accounts) {
        auto account = reference.isEmpty() ? std::expected<std::optional<Account>, Error>(std::nullopt)
                                           : m_accounts.find(reference);
        if (!account) {
            return std::unexpected(account.error());
        }
        if (!*account) {
            return std::unexpected(
                Error{ErrorCode::NotFound,
                      Text::tr("No connected TikTok account is \"%1\" (clipqueue-cli accounts list).")
                          .arg(reference)});
        }
        if (!ids.contains((*account)->id)) {
            ids << (*account)->id;
        }
    }
    return ids;
}

std::expected<AccountSet, Error> AccountSets::addAccounts(const QString &idOrName,
                                                          const QStringList &accounts) {
    return change(idOrName, [&](const AccountSet &set) -> std::expected<void, Error> {
        auto ids = resolveAccounts(accounts);
        if (!ids) {
            return std::unexpected(ids.error());
        }
        // One millisecond apart, so that the set keeps the order they were given in.
        const QDateTime now = m_clock.nowUtc();
        for (qsizetype i = 0; i < ids->size(); ++i) {
            if (auto added = m_sets.addMember(set.id, ids->at(i), now.addMSecs(i)); !added) {
                return added;
            }
        }
        return {};
    });
}

std::expected<AccountSet, Error> AccountSets::removeAccounts(const QString &idOrName,
                                                             const QStringList &accounts) {
    return change(idOrName, [&](const AccountSet &set) -> std::expected<void, Error> {
        auto ids = resolveAccounts(accounts);
        if (!ids) {
            return std::unexpected(ids.error());
        }
        for (const QString &id : std::as_const(*ids)) {
            if (auto removed = m_sets.removeMember(set.id, id); !removed) {
                return removed;
            }
        }
        return {};
    });
}

std::expected<AccountSet, Error> AccountSets::setAccounts(const QString &idOrName,
                                                          const QStringList &accountIds) {
    return change(idOrName, [&](const AccountSet &set) -> std::expected<void, Error> {
        auto ids = resolveAccounts(accountIds);
        if (!ids) {
            return std::unexpected(ids.error());
        }
        for (const QString &id : set.accountIds) {
            if (!ids->contains(id)) {
                if (auto removed = m_sets.removeMember(set.id, id); !removed) {
                    return removed;
                }
            }
        }
        const QDateTime now = m_clock.nowUtc();
        for (qsizetype i = 0; i < ids->size(); ++i) {
            if (auto added = m_sets.addMember(set.id, ids->at(i), now.addMSecs(i)); !added) {
                return added;
            }
        }
        return {};
    });
}

std::expected<void, Error> AccountSets::remove(const QString &idOrName) {
    return m_db.transaction([&]() -> std::expected<void, Error> {
        auto set = get(idOrName);
        if (!set) {
            return std::unexpected(set.error());
        }
        return m_sets.remove(set->id);
    });
}

std::expected<std::optional<AccountSetCheck>, Error> AccountSets::check(const Post &post) const {
    if (post.platformSetId.isEmpty()) {
        return std::optional<AccountSetCheck>();
    }
    auto set = m_sets.find(post.platformSetId);
    if (!set) {
        return std::unexpected(set.error());
    }
    if (!*set) {
        return std::optional(AccountSetCheck{});
    }
    return std::optional(
        AccountSetCheck{true, (*set)->name, int((*set)->accountIds.size()), (*set)->accountIds.value(0)});
}

std::expected<Post, Error> AccountSets::expand(const Post &post) const {
    if (post.platformSetId.isEmpty()) {
        return post;
    }
    auto checked = check(post);
    if (!checked) {
        return std::unexpected(checked.error());
    }
    ValidationContext context;
    context.accountSet = *checked;
    Post onlySet;
    onlySet.platformSetId = post.platformSetId;
    for (const Finding &finding : validatePost(onlySet, {}, context)) {
        if (finding.code == FindingCode::PostAccountSetUnknown
            || finding.code == FindingCode::PostAccountSetEmpty) {
            return std::unexpected(Error{ErrorCode::ValidationFailed, finding.message});
        }
    }
    auto set = get(post.platformSetId);
    if (!set) {
        return std::unexpected(set.error());
    }
    Post expanded = post;
    expanded.accounts = set->accountIds;
    for (const QString &account : post.accounts) {
        auto id = resolveAccounts({account});
        const QString resolved = id ? id->constFirst() : account; // kept as given, as without a set
        if (!expanded.accounts.contains(resolved)) {
            expanded.accounts << resolved;
        }
    }
    expanded.platformSetId.clear(); // each stored post goes to its one account
    return expanded;
}

} // namespace cq
