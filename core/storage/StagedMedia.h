#pragma once

#include "media/MediaStore.h"
#include "storage/Database.h"

namespace cq {

// The media one create puts into the store, held (MediaHold) until its posts are stored. Unless
// commit() was called, the objects it added that no row records and no other create holds are
// removed as soon as it goes out of scope: a create that fails after copying or downloading
// (validation, the database refusing the insert, a second file that cannot be read) leaves nothing.
class StagedMedia {
public:
    StagedMedia(const Database &database, const MediaStore &store);
    ~StagedMedia();
    StagedMedia(const StagedMedia &) = delete;
    StagedMedia &operator=(const StagedMedia &) = delete;

    MediaHold &hold() { return m_hold; }
    // The posts that refer to the objects are stored: they stay.
    void commit() { m_committed = true; }

private:
    const Database &m_db;
    MediaHold m_hold;
    bool m_committed = false;
};

} // namespace cq
