#include "media/MediaStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
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

bool isSha256(const QString &name) {
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{64}$"));
    return pattern.match(name).hasMatch();
}

} // namespace

std::expected<QString, Error> sha256OfFile(const QString &path, const std::atomic_bool *cancel) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(Error{ErrorCode::Io, path + u": " + file.errorString()});
    }
    return hashFile(file, cancel);
}

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

QStringList MediaStore::objectsModifiedBefore(const QDateTime &cutoff) const {
    QStringList names;
    QDirIterator objects(m_root + u"/objects", QDir::Files, QDirIterator::Subdirectories);
    while (objects.hasNext()) {
        const QFileInfo info(objects.next());
        if (isSha256(info.fileName()) && info.lastModified().toUTC() < cutoff) {
            names << info.fileName();
        }
    }
    return names;
}

int MediaStore::removeObjects(const QStringList &sha256s) const {
    int removed = 0;
    for (const QString &sha256 : sha256s) {
        if (!isSha256(sha256)) {
            continue;
        }
        QFile file(pathFor(sha256));
        // Stored objects are read-only (place()); make this one writable so it can go.
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        removed += file.remove() ? 1 : 0;
    }
    return removed;
}

void MediaStore::removeIncomingBefore(const QDateTime &cutoff) const {
    QDirIterator incoming(m_root + u"/incoming", QDir::Files);
    while (incoming.hasNext()) {
        const QFileInfo info(incoming.next());
        if (info.lastModified().toUTC() < cutoff) {
            QFile::remove(info.absoluteFilePath());
        }
    }
}

} // namespace cq
