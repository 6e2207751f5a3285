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
    // a row, and abandoned incoming files; returns how many object files went.
    std::expected<int, Error> collect() const;

private:
    // Deletes the rows of objects no post refers to, in one transaction; returns their sha256s.
    std::expected<QStringList, Error> forgetOrphans() const;

    const Database &m_db;
    const MediaStore &m_store;
};

} // namespace cq
