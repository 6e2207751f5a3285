#include "storage/MediaObjectRepository.h"

namespace cq {

MediaObjectRepository::MediaObjectRepository(const Database &database)
    : m_db(database) {
}

std::expected<void, Error> MediaObjectRepository::add(const MediaObject &object) {
    // One statement, so that two posts adding the same new object at once do not collide
    // (SQLite 3.24+ and PostgreSQL both know ON CONFLICT).
    auto added =
        m_db.exec(QStringLiteral("INSERT INTO media_objects (sha256, size_bytes, mime_type, "
                                 "created_at_ms) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING"),
                  {object.sha256, object.sizeBytes,
                   // Qt binds a null QString as NULL; the column is NOT NULL.
                   object.mimeType.isNull() ? QStringLiteral("") : object.mimeType,
                   object.createdAt.toMSecsSinceEpoch()});
    if (!added) {
        return std::unexpected(added.error());
    }
    return {};
}

std::expected<QStringList, Error> MediaObjectRepository::orphans() const {
    auto query = m_db.exec(QStringLiteral("SELECT sha256 FROM media_objects m WHERE NOT EXISTS "
                                          "(SELECT 1 FROM post_media p WHERE p.sha256 = m.sha256) "
                                          "ORDER BY sha256"));
    if (!query) {
        return std::unexpected(query.error());
    }
    QStringList hashes;
    while (query->next()) {
        hashes << query->value(0).toString();
    }
    return hashes;
}

std::expected<void, Error> MediaObjectRepository::remove(const QString &sha256) {
    auto removed = m_db.exec(QStringLiteral("DELETE FROM media_objects WHERE sha256 = ?"), {sha256});
    if (!removed) {
        return std::unexpected(removed.error());
    }
    return {};
}

std::expected<QList<MediaObject>, Error> MediaObjectRepository::all() const {
    auto query = m_db.exec(QStringLiteral(
        "SELECT sha256, size_bytes, mime_type, created_at_ms FROM media_objects ORDER BY sha256"));
    if (!query) {
        return std::unexpected(query.error());
    }
    QList<MediaObject> objects;
    while (query->next()) {
        objects << MediaObject{query->value(0).toString(), query->value(1).toLongLong(),
                               query->value(2).toString(),
                               QDateTime::fromMSecsSinceEpoch(query->value(3).toLongLong(), Qt::UTC)};
    }
    return objects;
}

} // namespace cq
