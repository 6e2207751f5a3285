#include "media/MediaStore.h"

#include "storage/Database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QUuid>

namespace cq {

namespace {

constexpr qint64 ChunkBytes = 1 << 20;

std::expected<QString, Error> hashFile(QFile &file, const std::atomic_bool *cancel) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(ChunkBytes, Qt::Uninitialized);
    while (true) {
        if (cancel && cancel->load()) {
            return std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("Cancelled.")});
        }
        const qint64 read = file.read(buffer.data(), buffer.size());
        if (read < 0) {
            return std::unexpected(Error{ErrorCode::Io, file.fileName() + u": " + file.errorString()});
        }
        if (read == 0) {
            break;
        }
        hash.addData(QByteArrayView(buffer.constData(), read));
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

MediaStore::MediaStore(QString rootDirectory)
    : m_root(QDir(rootDirectory).absolutePath()) {
    QDir().mkpath(m_root + u"/objects");
    QDir().mkpath(m_root + u"/incoming");
}

QString MediaStore::pathFor(const QString &sha256) const {
    return m_root + u"/objects/" + sha256.left(2) + u'/' + sha256;
}

QString MediaStore::newIncomingPath() const {
    return m_root + u"/incoming/" + QUuid::createUuid().toString(QUuid::WithoutBraces) + u".part";
}

std::expected<StoredObject, Error> MediaStore::importFile(const QString &sourcePath, const Progress &progress,
                                                          const std::atomic_bool *cancel) const {
    QFile source(sourcePath);
    const QString name = QFileInfo(sourcePath).fileName();
    if (!source.open(QIODevice::ReadOnly)) {
        return std::unexpected(
            Error{ErrorCode::Io, name + u": cannot read it to copy it into ClipQueue's media store ("
                                     + source.errorString() + u")."});
    }
    const QString tempPath = newIncomingPath();
    QFile temp(tempPath);
    if (!temp.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        return std::unexpected(Error{ErrorCode::Io, u"Cannot write to the media store at " + m_root + u" ("
                                                        + temp.errorString()
                                                        + u"). Check free space and permissions."});
    }
    auto discard = [&temp] {
        temp.close();
        temp.remove();
    };
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(ChunkBytes, Qt::Uninitialized);
    const qint64 total = source.size();
    qint64 copied = 0;
    while (true) {
        if (cancel && cancel->load()) {
            discard();
            return std::unexpected(Error{ErrorCode::Cancelled, name + u": copying was cancelled."});
        }
        const qint64 read = source.read(buffer.data(), buffer.size());
        if (read < 0) {
            discard();
            return std::unexpected(
                Error{ErrorCode::Io, name + u": reading failed (" + source.errorString() + u")."});
        }
        if (read == 0) {
            break;
        }
        if (temp.write(buffer.constData(), read) != read) {
            const QString why = temp.errorString();
            discard();
            return std::unexpected(Error{ErrorCode::Io, name + u": writing the store copy failed (" + why
                                                            + u"). Check free space in " + m_root + u'.'});
        }
        hash.addData(QByteArrayView(buffer.constData(), read));
        copied += read;
        if (progress) {
            progress(copied, total);
        }
    }
    if (!temp.flush()) {
        discard();
        return std::unexpected(Error{ErrorCode::Io, name + u": writing the store copy failed."});
    }
    temp.close();
    return place(tempPath, QString::fromLatin1(hash.result().toHex()), copied);
}

std::expected<StoredObject, Error> MediaStore::adoptDownloaded(const QString &incomingPath) const {
    QFile file(incomingPath);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(Error{ErrorCode::Io, incomingPath + u": " + file.errorString()});
    }
    auto sha = hashFile(file, nullptr);
    if (!sha) {
        return std::unexpected(sha.error());
    }
    const qint64 size = file.size();
    file.close();
    return place(incomingPath, *sha, size);
}

std::expected<StoredObject, Error> MediaStore::place(const QString &tempPath, const QString &sha256,
                                                     qint64 sizeBytes) const {
    StoredObject object{sha256, sizeBytes, pathFor(sha256), false};
    if (QFileInfo(object.path).size() == sizeBytes && verify(sha256)) {
        QFile::remove(tempPath); // the same bytes are stored already
        object.wasAlreadyStored = true;
        return object;
    }
    QDir().mkpath(QFileInfo(object.path).absolutePath());
    QFile::remove(object.path); // a damaged earlier copy
    if (!QFile::rename(tempPath, object.path)) {
        QFile::remove(tempPath);
        return std::unexpected(
            Error{ErrorCode::Io, u"Cannot move a copy into the media store at " + m_root + u'.'});
    }
    QFile::setPermissions(object.path, QFileDevice::ReadOwner | QFileDevice::ReadUser);
    // Read the stored copy back: what the scheduler will upload next week is what was hashed now.
    if (auto verified = verify(sha256); !verified) {
        QFile::remove(object.path);
        return std::unexpected(verified.error());
    }
    return object;
}

std::expected<void, Error> MediaStore::verify(const QString &sha256) const {
    QFile file(pathFor(sha256));
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(Error{ErrorCode::NotFound, u"Stored media " + sha256.left(12)
                                                              + u" is missing from " + m_root + u'.'});
    }
    auto actual = hashFile(file, nullptr);
    if (!actual) {
        return std::unexpected(actual.error());
    }
    if (*actual != sha256) {
        return std::unexpected(Error{ErrorCode::Io, u"Stored media " + sha256.left(12)
                                                        + u" is damaged (its bytes changed on disk)."});
    }
    return {};
}

std::expected<int, Error> MediaStore::collectGarbage(const Database &database) const {
    QStringList orphans;
    auto result = database.transaction([&]() -> std::expected<void, Error> {
        auto query = database.exec(QStringLiteral("SELECT sha256 FROM media_objects m WHERE NOT EXISTS "
                                                  "(SELECT 1 FROM post_media p WHERE p.sha256 = m.sha256)"));
        if (!query) {
            return std::unexpected(query.error());
        }
        while (query->next()) {
            orphans << query->value(0).toString();
        }
        for (const QString &sha : orphans) {
            if (auto removed =
                    database.exec(QStringLiteral("DELETE FROM media_objects WHERE sha256 = ?"), {sha});
                !removed) {
                return std::unexpected(removed.error());
            }
        }
        return {};
    });
    if (!result) {
        return std::unexpected(result.error());
    }
    // Files go only after the rows are gone. Files that never got a row (a creation that failed or
    // crashed after copying) go too once they are an hour old, so a creation in progress keeps its copy.
    QSet<QString> known;
    auto rows = database.exec(QStringLiteral("SELECT sha256 FROM media_objects"));
    if (!rows) {
        return std::unexpected(rows.error());
    }
    while (rows->next()) {
        known.insert(rows->value(0).toString());
    }
    const QDateTime settled = QDateTime::currentDateTimeUtc().addSecs(-3600);
    int removed = 0;
    QDirIterator objects(m_root + u"/objects", QDir::Files, QDirIterator::Subdirectories);
    while (objects.hasNext()) {
        const QFileInfo info(objects.next());
        const bool orphan = orphans.contains(info.fileName());
        if (orphan || (!known.contains(info.fileName()) && info.lastModified().toUTC() < settled)) {
            QFile file(info.absoluteFilePath());
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            removed += file.remove() ? 1 : 0;
        }
    }
    QDirIterator incoming(m_root + u"/incoming", QDir::Files);
    while (incoming.hasNext()) {
        const QFileInfo info(incoming.next());
        if (info.lastModified().toUTC() < settled) {
            QFile::remove(info.absoluteFilePath());
        }
    }
    return removed;
}

} // namespace cq
