#pragma once

#include "media/MediaDownloader.h"
#include "media/MediaStore.h"
#include "post/Finding.h"
#include "post/Post.h"
#include "publish/AccountSets.h"
#include "publish/PostLifecycle.h"
#include "storage/StagedMedia.h"

#include <QHash>

class QNetworkAccessManager;

namespace cq {

// Turns a post in the JSON contract into stored posts: every media item is probed and copied (or,
// downloaded beforehand, checked) into the managed store, then the post is inserted as a draft, one
// post per account (of its account set, when it names one), in one transaction, and submitted when
// asked.
class PostImporter {
public:
    PostImporter(PostLifecycle &lifecycle, const MediaStore &store);

    struct CreateResult {
        StoredPost post;              // the first (or only) account's post
        QList<StoredPost> perAccount; // one post per account listed, `post` first
        QList<Finding> findings;
        // Set when submitting was asked for and refused (validation errors, say): the posts are
        // stored whole as drafts all the same, and this says why they were not submitted.
        std::optional<Error> notSubmitted;
    };
    // Relative paths are taken from `baseDirectory`. Remote media must have been downloaded already:
    // pass their stored objects in `downloaded` by media index (downloadRemoteMedia()).
    // `progress` counts the bytes of local files copied into the store, over all of them. A post
    // naming an unknown or empty account set is refused (ValidationFailed) before anything is copied.
    // What it copies joins `staged` (the caller's, holding the downloads too; else one of its own),
    // committed once the posts are stored: a create that fails leaves no object behind.
    std::expected<CreateResult, Error> create(const Post &post, const QString &baseDirectory, bool submit,
                                              const QHash<int, StoredObject> &downloaded = {},
                                              const MediaStore::Progress &progress = {},
                                              StagedMedia *staged = nullptr);

private:
    std::expected<StoredMedia, Error> storeMedia(const MediaDescriptor &declared,
                                                 const QString &baseDirectory,
                                                 const std::optional<StoredObject> &downloaded,
                                                 const MediaStore::Progress &progress, MediaHold &hold) const;
    // Copies a local file into the store (joining `hold`) and probes the copy.
    std::expected<std::pair<MediaDescriptor, StoredObject>, Error>
    importLocal(const QString &path, const MediaStore::Progress &progress, MediaHold &hold) const;
    // Probes a downloaded object where it is stored.
    std::expected<std::pair<MediaDescriptor, StoredObject>, Error>
    probeDownloaded(const MediaDescriptor &declared, const StoredObject &object) const;

    PostLifecycle &m_lifecycle;
    const MediaStore &m_store;
    AccountSets m_sets;
};

// Downloads every remote media item of `post` into the store (blocking, with a local event loop),
// refusing more bytes than declared (or than TikTok accepts for the type when undeclared), under
// the downloader's rules (`options`: private addresses, deadlines).
// Returns the stored objects by media index, for PostImporter::create(), held by `options.hold`
// (StagedMedia::hold(), passed to create() too).
std::expected<QHash<int, StoredObject>, Error>
downloadRemoteMedia(const Post &post, QNetworkAccessManager &network, const MediaStore &store,
                    const MediaDownloader::Options &options = {});

} // namespace cq
