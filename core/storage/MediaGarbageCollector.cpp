#include "storage/MediaGarbageCollector.h"

#include "storage/MediaObjectRepository.h"

#include <QSet>

namespace cq {

namespace {
// A post being created copies its media in before its rows are written: its files stay this long.
constexpr qint64 SettleSeconds = 3600;
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

std::expected<int, Error> MediaGarbageCollector::collect() const {
    auto orphans = forgetOrphans();
    if (!orphans) {
        return std::unexpected(orphans.error());
    }
    // Files go only after their rows are gone. Files that never got a row (a creation that failed or
    // crashed after copying) go once they are an hour old. File times are real time, so this is
    // the real clock, not the injected one.
    auto known = MediaObjectRepository(m_db).all();
    if (!known) {
        return std::unexpected(known.error());
    }
    QSet<QString> recorded;
    for (const MediaObject &object : *known) {
        recorded.insert(object.sha256);
    }
    const QDateTime settled = QDateTime::currentDateTimeUtc().addSecs(-SettleSeconds);
    QStringList doomed;
    for (const QString &sha256 : *orphans) {
        if (!recorded.contains(sha256)) { // else a post created meanwhile recorded it again
            doomed << sha256;
        }
    }
    for (const QString &sha256 : m_store.objectsModifiedBefore(settled)) {
        if (!recorded.contains(sha256) && !doomed.contains(sha256)) {
            doomed << sha256;
        }
    }
    const int removed = m_store.removeObjects(doomed);
    m_store.removeIncomingBefore(settled);
    return removed;
}

} // namespace cq
