#pragma once

#include "util/Error.h"

#include <QDateTime>
#include <QFile>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <expected>
#include <functional>

namespace cq {

// A file in the managed media store: named by the SHA-256 of its bytes.
struct StoredObject {
    QString sha256; // 64 lowercase hex digits
    qint64 sizeBytes = 0;
    QString path; // absolute path inside the store
    bool wasAlreadyStored = false;
};

// The SHA-256 of a file's bytes (64 lowercase hex digits), read in chunks: what the store names an
// object after, so that a file can be matched with stored media before it is stored.
std::expected<QString, Error> sha256OfFile(const QString &path, const std::atomic_bool *cancel = nullptr);

class MediaStore;

// A create's hold on the objects it puts into the store (or finds there), from before it places
// them until its rows refer to them: no clean-up removes a held object, whoever runs it (another
// create that failed, the collector, another process). A hold is a file, holds/<id>, one sha256 a
// line; it ends (the file goes) with this object.
class MediaHold {
public:
    explicit MediaHold(const MediaStore &store);
    ~MediaHold();
    MediaHold(const MediaHold &) = delete;
    MediaHold &operator=(const MediaHold &) = delete;

    const MediaStore &store() const { return m_store; }
    const QString &path() const { return m_path; }
    // The objects held, in the order they joined.
    const QStringList &objects() const { return m_objects; }

private:
    friend class MediaStore;
    const MediaStore &m_store;
    QString m_path;
    QStringList m_objects;
};

// ClipQueue's managed media store (docs/post-json.md): every media item of a post is copied in at
// creation, so a post scheduled for next week does not depend on the original still being there.
// Files are content-addressed (objects/ab/abcdef...), written through a temporary file, hashed
// while they stream (a 4 GB clip never sits in memory), verified by reading the stored copy back,
// and shared by every post that uses the same bytes. Originals are never modified.
class MediaStore {
public:
    using Progress = std::function<void(qint64 doneBytes, qint64 totalBytes)>;
    // Looks at a finished copy (under its temporary name) before it becomes a stored object; an
    // error discards the copy. The importer probes here, so the descriptor describes stored bytes.
    using Inspect = std::function<std::expected<void, Error>(const QString &copyPath)>;

    explicit MediaStore(QString rootDirectory);

    const QString &root() const { return m_root; }
    QString pathFor(const QString &sha256) const;

    // Copies a local regular file into the store (or finds the identical object already there),
    // hashing while it copies; `inspect` sees the copy before it is placed. The object joins `hold`
    // before it is placed.
    std::expected<StoredObject, Error> importFile(const QString &sourcePath, const Progress &progress = {},
                                                  const std::atomic_bool *cancel = nullptr,
                                                  const Inspect &inspect = {},
                                                  MediaHold *hold = nullptr) const;
    // Moves a finished download (a file inside the store's incoming/ folder) into place, joining
    // `hold` first.
    std::expected<StoredObject, Error> adoptDownloaded(const QString &incomingPath,
                                                       MediaHold *hold = nullptr) const;
    // A fresh path under incoming/ for a download to write to.
    QString newIncomingPath() const;

    // "writing to ClipQueue's media store at ROOT failed (why)...": where, and a full disk said as
    // such, for a write to `file` under the store that failed with `systemError` (errno, or 0).
    QString writeFailure(const QFileDevice &file, int systemError = 0) const;

    // Checks that a stored object still has the bytes it is named after.
    std::expected<void, Error> verify(const QString &sha256) const;

    // The store only deletes what it is told to: which objects are still needed is the database's
    // business (MediaGarbageCollector in storage/ asks it, then calls these).
    // Objects (by sha256) whose files were last modified before `cutoff`.
    QStringList objectsModifiedBefore(const QDateTime &cutoff) const;
    // Deletes the files of the named objects; returns how many went. Names that are not a sha256
    // are ignored, so no path outside objects/ can be reached.
    int removeObjects(const QStringList &sha256s) const;
    // Deletes copies and downloads under incoming/ last modified before `cutoff`: leftovers of an
    // import or a download that crashed.
    void removeIncomingBefore(const QDateTime &cutoff) const;

    // Runs `work` while no other thread or process joins an object to a hold or removes objects
    // (a lock file, store.lock): whoever removes objects checks the holds under it, and a hold is
    // joined under it before its object is looked for, so neither can miss the other.
    void underLock(const std::function<void()> &work) const;
    // The objects held by every hold but `except`.
    QSet<QString> heldObjects(const MediaHold *except = nullptr) const;
    // Deletes holds last modified before `cutoff`: those of a process that crashed.
    void removeHoldsBefore(const QDateTime &cutoff) const;

private:
    // Copies `source` to `target`, hashing what it copies; answers the sha256 and the size.
    std::expected<std::pair<QString, qint64>, Error>
    copyHashing(QFile &source, QFile &target, const Progress &progress, const std::atomic_bool *cancel) const;
    std::expected<StoredObject, Error> place(const QString &tempPath, const QString &sha256, qint64 sizeBytes,
                                             MediaHold *hold) const;
    std::expected<void, Error> join(MediaHold &hold, const QString &sha256) const;

    QString m_root;
};

} // namespace cq
