#pragma once

#include "util/Error.h"

#include <QString>

#include <atomic>
#include <expected>
#include <functional>

namespace cq {

class Database;

// A file in the managed media store: named by the SHA-256 of its bytes.
struct StoredObject {
    QString sha256; // 64 lowercase hex digits
    qint64 sizeBytes = 0;
    QString path; // absolute path inside the store
    bool wasAlreadyStored = false;
};

// ClipQueue's managed media store (docs/post-json.md): every media item of a post is copied in at
// creation, so a post scheduled for next week does not depend on the original still being there.
// Files are content-addressed (objects/ab/abcdef...), written through a temporary file, hashed
// while they stream (a 4 GB clip never sits in memory), verified by reading the stored copy back,
// and shared by every post that uses the same bytes. Originals are never modified.
class MediaStore {
public:
    using Progress = std::function<void(qint64 doneBytes, qint64 totalBytes)>;

    explicit MediaStore(QString rootDirectory);

    const QString &root() const { return m_root; }
    QString pathFor(const QString &sha256) const;

    // Copies a local file into the store (or finds the identical object already there).
    std::expected<StoredObject, Error> importFile(const QString &sourcePath, const Progress &progress = {},
                                                  const std::atomic_bool *cancel = nullptr) const;
    // Moves a finished download (a file inside the store's incoming/ folder) into place.
    std::expected<StoredObject, Error> adoptDownloaded(const QString &incomingPath) const;
    // A fresh path under incoming/ for a download to write to.
    QString newIncomingPath() const;

    // Checks that a stored object still has the bytes it is named after.
    std::expected<void, Error> verify(const QString &sha256) const;

    // Removes stored objects no post refers to (rows and files), and files older than an hour that
    // never got a row; returns how many files went.
    std::expected<int, Error> collectGarbage(const Database &database) const;

private:
    std::expected<StoredObject, Error> place(const QString &tempPath, const QString &sha256,
                                             qint64 sizeBytes) const;

    QString m_root;
};

} // namespace cq
