#pragma once

#include "media/MediaProber.h"
#include "post/Post.h"
#include "post/PostValidator.h"
#include "post/StoredPost.h"

namespace cq {

// Probes every local media item of a post (in parallel, each distinct file once) and reports the
// ones ClipQueue cannot locate. Remote items are left to their declared values. Relative paths are
// taken from `baseDirectory` (the folder of the post's JSON file). Blocking.
QList<MediaCheck> checkPostMedia(const Post &post, const MediaProber &prober,
                                 const QString &baseDirectory = {});

// The checks of a stored post: its media was probed at creation and is in the store, so its
// descriptors are the probed values.
QList<MediaCheck> storedMediaChecks(const StoredPost &post);

} // namespace cq
