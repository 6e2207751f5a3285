#pragma once

#include "media/MediaStore.h"
#include "storage/Database.h"

#include <expected>

namespace cq {

// Keeps the media store and its media_objects rows in step: objects no post refers to lose their
// row and then their file. The database decides what is garbage; the store only deletes the files it
// is told to.
class MediaGarbageCollector {
public:
    MediaGarbageCollector(const Database &database, const MediaStore &store);

    // Removes objects no post refers to (rows, then files), files older than an hour that never got
    // a row, and abandoned incoming files and holds; returns how many object files went. Held objects
    // stay (a create running meanwhile, in any process).
    std::expected<int, Error> collect() const;
    // For a create that failed: removes the objects `hold` holds that no row records and no other
    // hold holds, right away; returns how many went.
    std::expected<int, Error> discard(const MediaHold &hold) const;

private:
    // Deletes the rows of objects no post refers to, in one transaction; returns their sha256s.
    std::expected<QStringList, Error> forgetOrphans() const;
    // The sha256s media_objects records.
    std::expected<QSet<QString>, Error> recorded() const;

    const Database &m_db;
    const MediaStore &m_store;
};

} // namespace cq
