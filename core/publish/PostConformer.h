#pragma once

#include "media/MediaProber.h"
#include "media/MediaStore.h"
#include "post/ConformPlan.h"
#include "post/Post.h"

#include <QHash>
#include <QStringList>

#include <expected>
#include <functional>
#include <stop_token>

namespace cq {

// One media item a conversion replaced.
struct ConformedMedia {
    qsizetype index = 0;
    QString description; // the plan's, e.g. "scale to 1080x1440 JPEG"
    QString sourcePath;  // the original, untouched
    QString outputPath;  // the converted file (a store object or a file in the output folder)
    MediaDescriptor probed;
};

struct ConformResult {
    Post post; // the same post, its converted items now pointing at the converted files
    QList<ConformedMedia> converted;
    QStringList notes; // items that needed a fix but were left as they were, and why
};

// Makes a post's media acceptable to TikTok: probes every local item, plans its conversion
// (planConform) and runs it (PhotoConverter, VideoConverter). Each output is written to a
// temporary file first and moved into place whole: into the managed media store as a new object,
// or into a folder beside the originals; a cancelled or failed conversion leaves nothing behind.
// Originals are only read. Blocking: run it off the GUI thread (ConformQueue does).
class PostConformer {
public:
    // Where converted files go: the store, else `directory`.
    struct Destination {
        const MediaStore *store = nullptr;
        QString directory;
        // With `store`: the hold of the create the converted objects are for.
        MediaHold *hold = nullptr;
    };
    // Item `index` is `fraction` (0 to 1) done.
    using Progress = std::function<void(qsizetype index, double fraction)>;

    PostConformer(Destination destination, ConformLimits limits);

    // Relative paths are taken from `baseDirectory`. `downloaded` are remote items already in the
    // store (downloadRemoteMedia()), converted from there; other remote items are left with a note.
    std::expected<ConformResult, Error> conform(const Post &post, const QString &baseDirectory,
                                                const QHash<int, StoredObject> &downloaded = {},
                                                std::stop_token stop = {},
                                                const Progress &progress = {}) const;

    // Converts one file whose probe is `probed` as `plan` says; the result is probed like any media.
    std::expected<ConformedMedia, Error> conformFile(const QString &sourcePath, const MediaDescriptor &probed,
                                                     const ConformPlan &plan, std::stop_token stop = {},
                                                     const std::function<void(double)> &progress = {}) const;

private:
    std::expected<QString, Error> placeOutput(const QString &tempPath, const QString &finalName) const;
    QString temporaryPath(const QString &finalName) const;

    Destination m_destination;
    ConformLimits m_limits;
    MediaProber m_prober;
};

} // namespace cq
