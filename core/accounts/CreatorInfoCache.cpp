#include "accounts/CreatorInfoCache.h"

namespace cq {

CreatorInfoCache::CreatorInfoCache(const Database &database, const Clock &clock)
    : m_accounts(database)
    , m_clock(clock) {
}

std::expected<void, Error> CreatorInfoCache::store(const QString &accountId, const CreatorInfo &info) {
    return m_accounts.storeCreatorInfo(accountId, info, m_clock.nowUtc());
}

std::expected<std::optional<CreatorInfoCache::Entry>, Error>
CreatorInfoCache::lookup(const QString &idOrOpenId) const {
    return m_accounts.creatorInfo(idOrOpenId);
}

} // namespace cq
