#pragma once

#include "post/CreatorInfo.h"
#include "storage/AccountRepository.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QDateTime>

#include <expected>
#include <optional>

namespace cq {

// The creator info TikTok last reported for each connected account, kept in the accounts table.
// It is refreshed when an account is connected and before every publish; `validate` and the
// composer check posts against it without a network call.
class CreatorInfoCache {
public:
    CreatorInfoCache(const Database &database, const Clock &clock);

    using Entry = StoredCreatorInfo;

    // Stamped with the clock's now.
    std::expected<void, Error> store(const QString &accountId, const CreatorInfo &info);
    // By account id or open id; an empty id means the default account. No entry when the account
    // is unknown or its creator info was never fetched.
    std::expected<std::optional<Entry>, Error> lookup(const QString &idOrOpenId) const;

private:
    AccountRepository m_accounts;
    const Clock &m_clock;
};

} // namespace cq
