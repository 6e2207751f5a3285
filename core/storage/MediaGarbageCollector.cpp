#include "storage/MediaGarbageCollector.h"

#include "storage/MediaObjectRepository.h"

#include <QSet>

namespace cq {

namespace {
// A post being created copies its media in before its rows are written: its files stay this long.
constexpr qint64 SettleSeconds = 3600;
// A hold left this long belongs to a process that crashed: no create takes a day (the longest
// download allowed, 4 GB at 256 KiB/s, takes under five hours).
constexpr qint64 StaleHoldSeconds = 24 * 3600;
} // namespace

MediaGarbageCollector::MediaGarbageCollector(const Database &database, const MediaStore &store)
    : m_db(database)
    , m_store(store) {
}

std::expected<QStringList, Error> MediaGarbageCollector::forgetOrphans() const {
    MediaObjectRepository objects(m_db);
    QStringList orphans;
    auto forgotten = m_db.transaction([&]() -> std::expected<void, Error> {
        auto found = objects.orphans();
        if (!found) {
            return std::unexpected(found.error());
        }
        orphans = *found;
        for (const QString &sha256 : orphans) {
            if (auto removed = objects.remove(sha256); !removed) {
                return std::unexpected(removed.error());
            }
        }
        return {};
    });
    if (!forgotten) {
        return std::unexpected(forgotten.error());
    }
    return orphans;
}

std::expected<QSet<QString>, Error> MediaGarbageCollector::recorded() const {
    auto known = MediaObjectRepository(m_db).all();
    if (!known) {
        return std::unexpected(known.error());
    }
    QSet<QString> hashes;
    for (const MediaObject &object : *known) {
        hashes.insert(object.sha256);
    }
    return hashes;
}

std::expected<int, Error> MediaGarbageCollector::collect() const {
    std::expected<int, Error> removed = 0;
    m_store.underLock([&] {
        auto orphans = forgetOrphans();
        if (!orphans) {
            removed = std::unexpected(orphans.error());
            return;
        }
        // Files go only after their rows are gone. Files that never got a row (a creation that failed
        // or crashed after copying) go once they are an hour old. File times are real time, so this
        // is the real clock, not the injected one.
        auto known = recorded();
        if (!known) {
            removed = std::unexpected(known.error());
            return;
        }
        const QSet<QString> held = m_store.heldObjects();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime settled = now.addSecs(-SettleSeconds);
        QStringList doomed;
        // Not recorded: else a post created meanwhile recorded it again.
        for (const QString &sha256 : *orphans + m_store.objectsModifiedBefore(settled)) {
            if (!known->contains(sha256) && !held.contains(sha256) && !doomed.contains(sha256)) {
                doomed << sha256;
            }
        }
        removed = m_store.removeObjects(doomed);
        m_store.removeIncomingBefore(settled);
        m_store.removeHoldsBefore(now.addSecs(-StaleHoldSeconds));
    });
    return removed;
}

std::expected<int, Error> MediaGarbageCollector::discard(const MediaHold &hold) const {
    std::expected<int, Error> removed = 0;
    m_store.underLock([&] {
        auto known = recorded();
        if (!known) {
            removed = std::unexpected(known.error());
            return;
        }
        const QSet<QString> others = m_store.heldObjects(&hold);
        QStringList doomed;
        for (const QString &sha256 : hold.objects()) {
            if (!known->contains(sha256) && !others.contains(sha256)) {
                doomed << sha256;
            }
        }
        removed = m_store.removeObjects(doomed);
    });
    return removed;
}

} // namespace cq
