#pragma once

#include "post/StoredPost.h"
#include "storage/Database.h"
#include "storage/PostRepository.h"

#include <QDateTime>

#include <expected>
#include <optional>

// The queue the benchmarks measure: realistic posts in the proportions of a busy account, inserted
// through PostRepository (bench_store, bench_queue).
namespace cq::bench {

// A realistic post: a caption with hashtags and an emoji, one probed 1080x1920 video, explicit TikTok
// settings, one account, its time: about 700 bytes of post JSON.
StoredPost templatePost(const QDateTime &now);

// Mostly scheduled (80 %) over the next 60 days, the first hour of them due already; the rest
// published over the past 60 days, drafts without a time, and a few in review, failed or cancelled.
void shape(StoredPost &post, int index, int postCount, const QDateTime &now);

// Inserts `postCount` posts through PostRepository, a thousand per transaction, and returns the
// rate in posts per second. Counts the scheduled posts already due at `now` in `dueCount`. The
// posts share a few media objects (the same clip queued many times) whose files are not in any store.
std::expected<double, Error> insertPosts(const Database &database, PostRepository &repository, int postCount,
                                         const QDateTime &now, int &dueCount);

// Opens (so creates and migrates) the SQLite database at `path` and inserts `postCount` posts; says
// what went wrong on stdout and returns nullopt on failure, else the insert rate in posts per second.
std::optional<double> seedSqlite(const QString &path, int postCount);

// Keeps a benchmark away from the developer's own settings, data, keychain and team database: the
// settings go under `home`, the data to `dataDirectory`, tokens to files. Windows default to
// offscreen. Call before the QApplication is made.
void isolateFromTheDeveloper(const QString &home, const QString &dataDirectory);

} // namespace cq::bench
