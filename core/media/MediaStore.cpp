#include "media/MediaStore.h"

#include "media/RegularFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStorageInfo>
#include <QUuid>

#include <cerrno>
#include <cstring>
#include <mutex>

Q_LOGGING_CATEGORY(lcStore, "clipqueue.store", QtWarningMsg)

namespace cq {

namespace {

constexpr qint64 ChunkBytes = 1 << 20;
// Less free space than this after a failed write: the disk is full.
constexpr qint64 LowSpaceBytes = 16 * 1024 * 1024;

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
    if (auto opened = openRegularFile(file); !opened) {
        return std::unexpected(Error{ErrorCode::Io, path + u": " + opened.error()});
    }
    return hashFile(file, cancel);
}

MediaHold::MediaHold(const MediaStore &store)
    : m_store(store)
    , m_path(store.root() + u"/holds/" + QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        qCWarning(lcStore).noquote() << "Cannot make a hold at" << m_path << file.errorString();
    }
}

MediaHold::~MediaHold() {
    QFile::remove(m_path);
}

MediaStore::MediaStore(QString rootDirectory)
    : m_root(QDir(rootDirectory).absolutePath()) {
    QDir().mkpath(m_root + u"/objects");
    QDir().mkpath(m_root + u"/incoming");
    QDir().mkpath(m_root + u"/holds");
}

QString MediaStore::pathFor(const QString &sha256) const {
    return m_root + u"/objects/" + sha256.left(2) + u'/' + sha256;
}

QString MediaStore::newIncomingPath() const {
    return m_root + u"/incoming/" + QUuid::createUuid().toString(QUuid::WithoutBraces) + u".part";
}

QString MediaStore::writeFailure(const QFileDevice &file, int systemError) const {
    // Qt often has no words for a failed write ("Unknown error"); the system's errno and the free
    // space do. Say where, too: the store may be on another disk than the one the user looks at.
    const QStorageInfo volume(m_root);
    const bool full = systemError == ENOSPC || systemError == EDQUOT
                      || file.error() == QFileDevice::ResourceError
                      || (volume.isValid() && volume.bytesAvailable() < LowSpaceBytes);
    QString why = file.errorString();
    if (full) {
        why = QStringLiteral("the disk is full");
    } else if (systemError != 0) {
        why = QString::fromLocal8Bit(std::strerror(systemError));
    }
    return u"writing to ClipQueue's media store at " + m_root + u" failed (" + why
           + u"). Free some space there, or move the data folder (CLIPQUEUE_DATA_DIR).";
}

std::expected<StoredObject, Error> MediaStore::importFile(const QString &sourcePath, const Progress &progress,
                                                          const std::atomic_bool *cancel,
                                                          const Inspect &inspect, MediaHold *hold) const {
    QFile source(sourcePath);
    const QString name = QFileInfo(sourcePath).fileName();
    if (auto opened = openRegularFile(source); !opened) {
        return std::unexpected(
            Error{ErrorCode::Io, name + u": cannot read it to copy it into ClipQueue's media store ("
                                     + opened.error() + u")."});
    }
    const QString tempPath = newIncomingPath();
    // Unbuffered: a write that fails (a full disk) fails here, not silently at close().
    QFile temp(tempPath);
    if (!temp.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered)) {
        return std::unexpected(Error{ErrorCode::Io, name + u": " + writeFailure(temp)});
    }
    auto discard = [&temp] {
        temp.close();
        temp.remove();
    };
    auto copied = copyHashing(source, temp, progress, cancel);
    if (!copied) {
        discard();
        return std::unexpected(Error{copied.error().code, name + u": " + copied.error().message});
    }
    temp.close();
    if (inspect) {
        if (auto inspected = inspect(tempPath); !inspected) {
            QFile::remove(tempPath);
            return std::unexpected(inspected.error());
        }
    }
    return place(tempPath, copied->first, copied->second, hold);
}

std::expected<std::pair<QString, qint64>, Error>
MediaStore::copyHashing(QFile &source, QFile &target, const Progress &progress,
                        const std::atomic_bool *cancel) const {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(ChunkBytes, Qt::Uninitialized);
    const qint64 total = source.size();
    qint64 copied = 0;
    while (true) {
        if (cancel && cancel->load()) {
            return std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("copying was cancelled.")});
        }
        const qint64 read = source.read(buffer.data(), buffer.size());
        if (read < 0) {
            return std::unexpected(Error{ErrorCode::Io, u"reading failed (" + source.errorString() + u")."});
        }
        if (read == 0) {
            break;
        }
        errno = 0;
        if (target.write(buffer.constData(), read) != read) {
            return std::unexpected(Error{ErrorCode::Io, writeFailure(target, errno)});
        }
        hash.addData(QByteArrayView(buffer.constData(), read));
        copied += read;
        if (progress) {
            progress(copied, total);
        }
    }
    return std::pair{QString::fromLatin1(hash.result().toHex()), copied};
}

std::expected<StoredObject, Error> MediaStore::adoptDownloaded(const QString &incomingPath,
                                                               MediaHold *hold) const {
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
    return place(incomingPath, *sha, size, hold);
}

std::expected<void, Error> MediaStore::join(MediaHold &hold, const QString &sha256) const {
    if (hold.m_objects.contains(sha256)) {
        return {};
    }
    bool written = false;
    underLock([&] {
        QFile file(hold.m_path);
        written = file.open(QIODevice::WriteOnly | QIODevice::Append)
                  && file.write(sha256.toLatin1() + '\n') == sha256.size() + 1 && file.flush();
    });
    if (!written) {
        return std::unexpected(Error{ErrorCode::Io, u"writing to ClipQueue's media store at " + m_root
                                                        + u" failed (its holds folder cannot be written)."});
    }
    hold.m_objects << sha256;
    return {};
}

std::expected<StoredObject, Error> MediaStore::place(const QString &tempPath, const QString &sha256,
                                                     qint64 sizeBytes, MediaHold *hold) const {
    // Held before it is looked for: a clean-up that runs meanwhile either removed it before (then it
    // is placed anew) or sees the hold and keeps it.
    if (hold) {
        if (auto joined = join(*hold, sha256); !joined) {
            QFile::remove(tempPath);
            return std::unexpected(joined.error());
        }
    }
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

void MediaStore::underLock(const std::function<void()> &work) const {
    // QLockFile keeps processes apart; the threads of this one queue here first.
    static std::mutex threads;
    const std::lock_guard guard(threads);
    QLockFile lock(m_root + u"/store.lock");
    if (!lock.lock()) { // a read-only store: nothing can be placed or removed there anyway
        qCWarning(lcStore).noquote() << "Cannot lock the media store at" << m_root << lock.error();
    }
    work();
}

QSet<QString> MediaStore::heldObjects(const MediaHold *except) const {
    QSet<QString> held;
    QDirIterator holds(m_root + u"/holds", QDir::Files);
    while (holds.hasNext()) {
        const QString path = holds.next();
        QFile file(path);
        if ((except && path == except->path()) || !file.open(QIODevice::ReadOnly)) {
            continue;
        }
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.isEmpty()) {
                held.insert(QString::fromLatin1(line));
            }
        }
    }
    return held;
}

void MediaStore::removeHoldsBefore(const QDateTime &cutoff) const {
    QDirIterator holds(m_root + u"/holds", QDir::Files);
    while (holds.hasNext()) {
        const QFileInfo info(holds.next());
        if (info.lastModified().toUTC() < cutoff) {
            QFile::remove(info.absoluteFilePath());
        }
    }
}

} // namespace cq
