#pragma once

#include "publish/PostConformer.h"

#include <QFuture>
#include <QThreadPool>

namespace cq {

// Runs post conversions off the calling thread: photo posts on a pool of their own, video posts
// one at a time (one x264 encode already uses every core). The returned future carries the result,
// reports progress as 0 to ProgressMaximum over the post's converted items, and cancel() stops the
// conversion, which then leaves no file behind. Destroying the queue (the app quitting) cancels
// every conversion, queued or running, and waits for the running ones to stop: nothing
// half-written is left, and the user starts the fix again next time.
class ConformQueue {
public:
    static constexpr int ProgressMaximum = 1000;

    ConformQueue();
    ~ConformQueue();
    ConformQueue(const ConformQueue &) = delete;
    ConformQueue &operator=(const ConformQueue &) = delete;

    QFuture<std::expected<ConformResult, Error>> conform(PostConformer conformer, Post post,
                                                         QString baseDirectory,
                                                         QHash<int, StoredObject> downloaded = {});

private:
    QThreadPool m_photos;
    QThreadPool m_videos;
    QList<QFuture<std::expected<ConformResult, Error>>> m_running; // to cancel on destruction
};

} // namespace cq
