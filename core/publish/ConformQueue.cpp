#include "publish/ConformQueue.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <stop_token>

namespace cq {

ConformQueue::ConformQueue() {
    m_videos.setMaxThreadCount(1);
}

ConformQueue::~ConformQueue() {
    for (auto &future : m_running) {
        future.cancel();
    }
    m_photos.clear();
    m_videos.clear();
    m_photos.waitForDone();
    m_videos.waitForDone();
}

QFuture<std::expected<ConformResult, Error>> ConformQueue::conform(PostConformer conformer, Post post,
                                                                   QString baseDirectory,
                                                                   QHash<int, StoredObject> downloaded) {
    QThreadPool *pool = post.videoCount() > 0 ? &m_videos : &m_photos;
    auto job = [conformer = std::move(conformer), post = std::move(post),
                baseDirectory = std::move(baseDirectory),
                downloaded = std::move(downloaded)](QPromise<std::expected<ConformResult, Error>> &promise) {
        promise.setProgressRange(0, ProgressMaximum);
        std::stop_source stop;
        const qsizetype items = std::max<qsizetype>(1, post.media.size());
        // Progress is reported often (every encoded frame), so it is where a cancel is noticed.
        auto progress = [&promise, &stop, items](qsizetype index, double fraction) {
            if (promise.isCanceled()) {
                stop.request_stop();
            }
            promise.setProgressValue(int((double(index) + fraction) / double(items) * ProgressMaximum));
        };
        if (promise.isCanceled()) {
            return;
        }
        promise.addResult(conformer.conform(post, baseDirectory, downloaded, stop.get_token(), progress));
    };
    m_running.removeIf([](const auto &future) { return future.isFinished(); });
    auto future = QtConcurrent::run(pool, std::move(job));
    m_running << future;
    return future;
}

} // namespace cq
