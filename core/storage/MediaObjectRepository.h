#pragma once

#include "storage/Database.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <expected>

namespace cq {

// A row of media_objects: one file of the media store that posts may refer to (post_media rows).
struct MediaObject {
    QString sha256; // names the file in the MediaStore
    qint64 sizeBytes = 0;
    QString mimeType;
    QDateTime createdAt; // UTC
};

// Reads and writes the media_objects table, the database's record of what is in the media store.
// Methods do not open transactions of their own: callers wrap multi-row changes in
// Database::transaction().
class MediaObjectRepository {
public:
    explicit MediaObjectRepository(const Database &database);

    // Records an object; an object recorded already is left as it is (two posts may add the same
    // new bytes at once).
    std::expected<void, Error> add(const MediaObject &object);
    // Objects no post refers to any more, by sha256.
    std::expected<QStringList, Error> orphans() const;
    std::expected<void, Error> remove(const QString &sha256);
    // Every recorded object, by sha256.
    std::expected<QList<MediaObject>, Error> all() const;

private:
    const Database &m_db;
};

} // namespace cq
