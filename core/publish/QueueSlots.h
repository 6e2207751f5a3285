#pragma once

#include "post/Post.h"
#include "post/PostingTimes.h"
#include "storage/Database.h"
#include "storage/PostRepository.h"

#include <QDateTime>
#include <QList>

#include <expected>
#include <optional>

namespace cq {

// One posting time of an account, as an instant and the account's zone it is read in.
struct QueueSlot {
    QString accountId;
    QDateTime atUtc;
    QString timeZone;
};

// Where "add to queue" puts a post: each account's weekly posting times (PostingTimesRepository)
// minus the times its posts already hold. A posting time is taken when a post of the account, in any
// status but cancelled and failed, goes out at that very minute.
class QueueSlots {
public:
    // How far ahead a queue is filled: a year of posting times is more than anyone plans.
    static constexpr int HorizonDays = 366;

    QueueSlots(const Database &database, const PostRepository &posts);

    // Free posting times at or after `fromUtc` and before `beforeUtc`, soonest first, of one account
    // (or of every account with posting times when `accountId` is empty).
    std::expected<QList<QueueSlot>, Error> freeBetween(const QDateTime &fromUtc, const QDateTime &beforeUtc,
                                                       const QString &accountId = {}) const;
    // The account's next free posting time after `afterUtc`; nullopt when it has no posting times
    // (or none is free within HorizonDays). `alsoTaken` holds times given out already but not
    // stored yet (a bulk "add all to queue" fills one after the other).
    std::expected<std::optional<QueueSlot>, Error> nextFree(const QString &accountId,
                                                            const QDateTime &afterUtc,
                                                            const QList<QDateTime> &alsoTaken = {}) const;

    // "Add to queue": gives `post` the next free posting time after `nowUtc` of its account (the
    // first it names, else the default account), in the account's zone. Usage error, saying how to
    // set them, when the account has no posting times. `alsoTaken` as for nextFree().
    std::expected<QueueSlot, Error> addToQueue(Post &post, const QDateTime &nowUtc,
                                               const QList<QDateTime> &alsoTaken = {}) const;

private:
    std::expected<QList<QueueSlot>, Error> freeOf(const QString &accountId, const PostingTimes &times,
                                                  const QDateTime &fromUtc, const QDateTime &beforeUtc,
                                                  const QList<QDateTime> &alsoTaken) const;

    const Database &m_db;
    const PostRepository &m_posts;
};

} // namespace cq
