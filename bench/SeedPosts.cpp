#include "SeedPosts.h"

#include <QDir>

#include "util/Clock.h"

#include <cstdio>

#include <QElapsedTimer>
#include <QUuid>

#include <algorithm>

namespace cq::bench {

namespace {
constexpr int BatchSize = 1000;
constexpr int MediaObjectCount = 6;
constexpr qint64 SpreadMs = 60LL * 24 * 60 * 60 * 1000; // 60 days
constexpr qint64 OverdueMs = 60LL * 60 * 1000;          // the first hour of the queue is due already
} // namespace

StoredPost templatePost(const QDateTime &now) {
    MediaDescriptor media;
    media.url = QStringLiteral("file:///home/ana/Videos/teaser.mp4");
    media.type = MediaType::Video;
    media.mimeType = QStringLiteral("video/mp4");
    media.sizeBytes = 18'432'000;
    media.filename = QStringLiteral("teaser.mp4");
    media.width = 1080;
    media.height = 1920;
    media.durationSeconds = 24.533;

    StoredPost post;
    post.content.text = QStringLiteral("Launch day, behind the scenes 🎬 #launch #smallbusiness");
    post.content.tiktok.privacyLevel = QString::fromLatin1(privacy::PublicToEveryone);
    post.content.tiktok.disableDuet = false;
    post.content.tiktok.disableStitch = false;
    post.content.tiktok.disableComment = false;
    post.content.accounts = {QStringLiteral("6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f")};
    post.media = {StoredMedia{QString(), media}};
    post.createdBy = QStringLiteral("ana@studio");
    post.schedule.timeZone = QStringLiteral("Europe/Berlin");
    post.createdAt = now;
    post.updatedAt = now;
    return post;
}

void shape(StoredPost &post, int index, int postCount, const QDateTime &now) {
    const qint64 offsetMs = qint64(index) * SpreadMs / postCount;
    const int bucket = index % 100;
    post.publishId.clear();
    if (bucket < 80) {
        post.status = PostStatus::Scheduled;
        post.schedule.atUtc = now.addMSecs(offsetMs - OverdueMs);
    } else if (bucket < 88) {
        post.status = PostStatus::Published;
        post.schedule.atUtc = now.addMSecs(-offsetMs - OverdueMs);
        post.publishId = u"v_pub_url~v2." + QString::number(7'300'000'000'000'000'000LL + index);
    } else if (bucket < 94) {
        post.status = PostStatus::Draft;
        post.schedule.atUtc.reset();
    } else if (bucket < 97) {
        post.status = PostStatus::InReview;
        post.schedule.atUtc = now.addMSecs(offsetMs);
    } else if (bucket < 99) {
        post.status = PostStatus::Failed;
        post.schedule.atUtc = now.addMSecs(-offsetMs - OverdueMs);
    } else {
        post.status = PostStatus::Cancelled;
        post.schedule.atUtc = now.addMSecs(offsetMs);
    }
}

std::expected<double, Error> insertPosts(const Database &database, PostRepository &repository, int postCount,
                                         const QDateTime &now, int &dueCount) {
    StoredPost post = templatePost(now);
    const QString caption = post.content.text;
    QElapsedTimer timer;
    timer.start();
    for (int start = 0; start < postCount; start += BatchSize) {
        auto done = database.transaction([&]() -> std::expected<void, Error> {
            for (int index = start; index < std::min(postCount, start + BatchSize); ++index) {
                post.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                post.content.text = caption + u" #" + QString::number(index);
                shape(post, index, postCount, now);
                if (post.status == PostStatus::Scheduled && *post.schedule.atUtc <= now) {
                    ++dueCount;
                }
                // A few media objects shared by all posts (the same clip queued many times).
                post.media.first().sha256 =
                    QString(64, QLatin1Char("0123456789abcdef"[index % MediaObjectCount]));
                if (auto inserted = repository.insert(post); !inserted) {
                    return inserted;
                }
            }
            return {};
        });
        if (!done) {
            return std::unexpected(done.error());
        }
    }
    return postCount / (double(timer.nsecsElapsed()) / 1e9);
}

std::optional<double> seedSqlite(const QString &path, int postCount) {
    auto database = Database::open(DatabaseConfig::sqlite(path));
    if (!database) {
        std::printf("cannot open %s: %s\n", qPrintable(path), qPrintable(database.error().message));
        return std::nullopt;
    }
    if (postCount == 0) {
        return 0.0;
    }
    PostRepository repository(**database);
    int due = 0;
    auto rate = insertPosts(**database, repository, postCount, SystemClock().nowUtc(), due);
    if (!rate) {
        std::printf("seeding failed: %s\n", qPrintable(rate.error().message));
        return std::nullopt;
    }
    return *rate;
}

void isolateFromTheDeveloper(const QString &home, const QString &dataDirectory) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    qputenv("XDG_CONFIG_HOME", QDir(home).filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", QDir(home).filePath(QStringLiteral("share")).toUtf8());
    qputenv("CLIPQUEUE_DATA_DIR", dataDirectory.toUtf8());
    qputenv("CLIPQUEUE_TOKEN_STORE", "file");
    qunsetenv("CLIPQUEUE_DATABASE_URL");
}

} // namespace cq::bench
