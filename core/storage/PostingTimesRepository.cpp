#include "storage/PostingTimesRepository.h"

#include <QSqlQuery>

namespace cq {

PostingTimesRepository::PostingTimesRepository(const Database &database)
    : m_db(database) {
}

std::expected<QHash<QString, PostingTimes>, Error>
PostingTimesRepository::select(const QString &where, const QVariantList &values) const {
    auto query = m_db.exec(u"SELECT account_id, weekday, minute_of_day, time_zone FROM posting_times " + where
                               + u" ORDER BY account_id, weekday, minute_of_day",
                           values);
    if (!query) {
        return std::unexpected(query.error());
    }
    QHash<QString, PostingTimes> result;
    while (query->next()) {
        PostingTimes &times = result[query->value(0).toString()];
        times.timeZone = query->value(3).toString();
        const int minute = query->value(2).toInt();
        times.times << PostingTime{query->value(1).toInt(), QTime(minute / 60, minute % 60)};
    }
    return result;
}

std::expected<PostingTimes, Error> PostingTimesRepository::get(const QString &accountId) const {
    auto found = select(QStringLiteral("WHERE account_id = ?"), {accountId});
    if (!found) {
        return std::unexpected(found.error());
    }
    return found->value(accountId);
}

std::expected<QHash<QString, PostingTimes>, Error> PostingTimesRepository::all() const {
    return select(QString(), {});
}

std::expected<void, Error> PostingTimesRepository::set(const QString &accountId,
                                                       const PostingTimes &times) const {
    return m_db.transaction([&]() -> std::expected<void, Error> {
        if (auto removed =
                m_db.exec(QStringLiteral("DELETE FROM posting_times WHERE account_id = ?"), {accountId});
            !removed) {
            return std::unexpected(removed.error());
        }
        for (const PostingTime &t : times.times) {
            auto inserted =
                m_db.exec(QStringLiteral("INSERT INTO posting_times (account_id, weekday, "
                                         "minute_of_day, time_zone) VALUES (?, ?, ?, ?)"),
                          {accountId, t.weekday, t.time.hour() * 60 + t.time.minute(), times.timeZone});
            if (!inserted) {
                return std::unexpected(inserted.error());
            }
        }
        return {};
    });
}

} // namespace cq
