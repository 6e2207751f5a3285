#include "storage/StagedMedia.h"

#include "storage/MediaGarbageCollector.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcStaged, "clipqueue.store", QtWarningMsg)

namespace cq {

StagedMedia::StagedMedia(const Database &database, const MediaStore &store)
    : m_db(database)
    , m_hold(store) {
}

StagedMedia::~StagedMedia() {
    if (m_committed || m_hold.objects().isEmpty()) {
        return;
    }
    // What is left (a database that fails now) goes at the next start, once an hour old.
    if (auto discarded = MediaGarbageCollector(m_db, m_hold.store()).discard(m_hold); !discarded) {
        qCWarning(lcStaged).noquote()
            << "Removing the media of a failed create failed:" << discarded.error().message;
    }
}

} // namespace cq
