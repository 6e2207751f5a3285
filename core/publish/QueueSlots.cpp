#include "publish/QueueSlots.h"

#include "storage/AccountRepository.h"
#include "storage/PostingTimesRepository.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <QSet>

#include <algorithm>

namespace cq {

namespace {

// The context of the texts the window shows (translated there; English in the command-line tool).
class Text {
    Q_DECLARE_TR_FUNCTIONS(cq::QueueSlots)
};
// Posts go out by the minute: a post at 18:30:20 holds the 18:30 posting time.
qint64 minuteOf(qint64 ms) {
    return ms / 60000;
}
} // namespace

QueueSlots::QueueSlots(const Database &database, const PostRepository &posts)
    : m_db(database)
    , m_posts(posts) {
}

std::expected<QList<QueueSlot>, Error> QueueSlots::freeOf(const QString &accountId, const PostingTimes &times,
                                                          const QDateTime &fromUtc,
                                                          const QDateTime &beforeUtc,
                                                          const QList<QDateTime> &alsoTaken) const {
    QList<QueueSlot> free;
    const QList<QDateTime> candidates = times.between(fromUtc, beforeUtc);
    if (candidates.isEmpty()) {
        return free;
    }
    // One query for the whole range, however many posting times it holds.
    auto taken = m_posts.takenTimes(accountId, candidates.first(), candidates.last().addSecs(60));
    if (!taken) {
        return std::unexpected(taken.error());
    }
    QSet<qint64> takenMinutes;
    for (qint64 ms : *taken) {
        takenMinutes.insert(minuteOf(ms));
    }
    for (const QDateTime &at : alsoTaken) {
        takenMinutes.insert(minuteOf(at.toMSecsSinceEpoch()));
    }
    for (const QDateTime &at : candidates) {
        if (!takenMinutes.contains(minuteOf(at.toMSecsSinceEpoch()))) {
            free << QueueSlot{accountId, at, times.timeZone};
        }
    }
    return free;
}

std::expected<QList<QueueSlot>, Error> QueueSlots::freeBetween(const QDateTime &fromUtc,
                                                               const QDateTime &beforeUtc,
                                                               const QString &accountId) const {
    const PostingTimesRepository repository(m_db);
    auto all = repository.all();
    if (!all) {
        return std::unexpected(all.error());
    }
    QList<QueueSlot> result;
    for (auto it = all->cbegin(); it != all->cend(); ++it) {
        if (!accountId.isEmpty() && it.key() != accountId) {
            continue;
        }
        auto free = freeOf(it.key(), it.value(), fromUtc, beforeUtc, {});
        if (!free) {
            return std::unexpected(free.error());
        }
        result << *free;
    }
    std::sort(result.begin(), result.end(), [](const QueueSlot &a, const QueueSlot &b) {
        return std::pair(a.atUtc, a.accountId) < std::pair(b.atUtc, b.accountId);
    });
    return result;
}

std::expected<std::optional<QueueSlot>, Error> QueueSlots::nextFree(const QString &accountId,
                                                                    const QDateTime &afterUtc,
                                                                    const QList<QDateTime> &alsoTaken) const {
    auto times = PostingTimesRepository(m_db).get(accountId);
    if (!times) {
        return std::unexpected(times.error());
    }
    // A week at a time: most queues have a free time within days, and each look is one query.
    for (int day = 0; day < HorizonDays; day += 7) {
        const QDateTime from = afterUtc.addDays(day);
        auto free = freeOf(accountId, *times, from, from.addDays(7), alsoTaken);
        if (!free) {
            return std::unexpected(free.error());
        }
        if (!free->isEmpty()) {
            return std::optional<QueueSlot>(free->first());
        }
        if (times->isEmpty()) {
            break;
        }
    }
    return std::optional<QueueSlot>();
}

std::expected<QueueSlot, Error> QueueSlots::addToQueue(Post &post, const QDateTime &nowUtc,
                                                       const QList<QDateTime> &alsoTaken) const {
    auto account = AccountRepository(m_db).find(post.accounts.value(0));
    if (!account) {
        return std::unexpected(account.error());
    }
    if (!*account) {
        return std::unexpected(
            Error{ErrorCode::Usage,
                  Text::tr("Add to queue needs an account: connect one or name it in the post.")});
    }
    auto slot = nextFree((*account)->id, nowUtc, alsoTaken);
    if (!slot) {
        return std::unexpected(slot.error());
    }
    if (!*slot) {
        return std::unexpected(
            Error{ErrorCode::Usage,
                  Text::tr("Account %1 has no free posting time. Set its weekly times first, "
                           "e.g. clipqueue-cli accounts times %2 --set \"mon-fri 18:30, sat 11:00\"")
                      .arg((*account)->displayName, (*account)->id)});
    }
    post.scheduledFor = (*slot)->atUtc.toTimeZone(QTimeZone((*slot)->timeZone.toUtf8()));
    return **slot;
}

} // namespace cq
