#include "accounts/CreatorInfoCache.h"

#include <QJsonDocument>

namespace cq {

CreatorInfoCache::CreatorInfoCache(const Database &database, const Clock &clock)
    : m_db(database)
    , m_clock(clock) {
}

std::expected<void, Error> CreatorInfoCache::store(const QString &accountId, const CreatorInfo &info) {
    // The nickname becomes the display name unless the user named the account.
    auto done = m_db.exec(QStringLiteral("UPDATE accounts SET creator_info_json = ?, creator_info_at_ms = ?, "
                                         "display_name = CASE WHEN display_name = open_id AND ? <> '' THEN ? "
                                         "ELSE display_name END WHERE id = ?"),
                          {QString::fromUtf8(QJsonDocument(info.toJson()).toJson(QJsonDocument::Compact)),
                           m_clock.nowUtc().toMSecsSinceEpoch(), info.nickname, info.nickname, accountId});
    if (!done) {
        return std::unexpected(done.error());
    }
    if (done->numRowsAffected() != 1) {
        return std::unexpected(
            Error{ErrorCode::NotFound, u"No connected TikTok account is " + accountId + u'.'});
    }
    return {};
}

std::expected<std::optional<CreatorInfoCache::Entry>, Error>
CreatorInfoCache::lookup(const QString &idOrOpenId) const {
    auto query = idOrOpenId.isEmpty()
                     ? m_db.exec(QStringLiteral("SELECT creator_info_json, creator_info_at_ms FROM accounts "
                                                "WHERE is_default = 1"))
                     : m_db.exec(QStringLiteral("SELECT creator_info_json, creator_info_at_ms FROM accounts "
                                                "WHERE id = ? OR open_id = ?"),
                                 {idOrOpenId, idOrOpenId});
    if (!query) {
        return std::unexpected(query.error());
    }
    if (!query->next() || query->value(0).isNull()) {
        return std::optional<Entry>();
    }
    const auto info =
        CreatorInfo::fromJson(QJsonDocument::fromJson(query->value(0).toString().toUtf8()).object());
    if (!info) { // written by this class, so only a damaged row gets here: fetch it again
        return std::optional<Entry>();
    }
    return Entry{*info, QDateTime::fromMSecsSinceEpoch(query->value(1).toLongLong(), Qt::UTC)};
}

} // namespace cq
