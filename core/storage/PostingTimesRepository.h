#pragma once

#include "post/PostingTimes.h"
#include "storage/Database.h"

#include <QHash>

#include <expected>

namespace cq {

// Reads and writes each account's weekly posting times (table posting_times, schema 7): one row per
// weekday and minute, all rows of an account in the account's zone.
class PostingTimesRepository {
public:
    explicit PostingTimesRepository(const Database &database);

    // The account's times; empty (in UTC) when it has none.
    std::expected<PostingTimes, Error> get(const QString &accountId) const;
    // Every account that has posting times.
    std::expected<QHash<QString, PostingTimes>, Error> all() const;
    // Replaces the account's times, in one transaction of its own (empty times: none).
    std::expected<void, Error> set(const QString &accountId, const PostingTimes &times) const;

private:
    std::expected<QHash<QString, PostingTimes>, Error> select(const QString &where,
                                                              const QVariantList &values) const;

    const Database &m_db;
};

} // namespace cq
