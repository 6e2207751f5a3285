// The queue at scale: 100,000 posts on SQLite and on PostgreSQL (a throwaway server, when
// installed). Prints the insert rate and the median of the due-post query, the first page of the
// queue sorted by time, and a cold `clipqueue-cli post list --status scheduled --json` process.
// Targets: due query < 5 ms, first page < 50 ms, cold list < 300 ms.
//
// Usage: bench_store [POST_COUNT]   (default 100000)
#include "PostgresServer.h"
#include "media/MediaStore.h"
#include "publish/PostService.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

double medianMs(int runs, const std::function<void()> &work)
{
    std::vector<qint64> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(timer.nsecsElapsed());
    }
    std::sort(times.begin(), times.end());
    return double(times.at(times.size() / 2)) / 1e6;
}

struct Figures {
    double insertsPerSecond = 0;
    double dueMs = 0;
    double firstPageMs = 0;
    double coldListMs = 0;
    bool ok = false;
};

Figures measure(const cq::DatabaseConfig &config, const QProcessEnvironment &cliEnvironment, const QString &dataDir,
                int postCount)
{
    Figures figures;
    auto database = cq::Database::open(config);
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error().message));
        return figures;
    }
    cq::MediaStore store(dataDir + QStringLiteral("/media"));
    cq::SystemClock clock;
    cq::PostService service(**database, store, clock, QStringLiteral("bench"));
    cq::PostRepository &repository = service.repository();

    // One realistic post (~600 bytes of JSON, one media row) as the template.
    cq::StoredPost post;
    post.post.text = QStringLiteral("Launch clip for the new feature #launch #product #behindthescenes 🎬");
    cq::MediaDescriptor media;
    media.url = QStringLiteral("file:///home/ana/clips/launch.mp4");
    media.type = cq::MediaType::Video;
    media.mimeType = QStringLiteral("video/mp4");
    media.sizeBytes = 18'432'000;
    media.filename = QStringLiteral("launch.mp4");
    media.width = 1080;
    media.height = 1920;
    media.durationSeconds = 24;
    post.post.media = {media};
    post.post.tiktok.privacyLevel = QStringLiteral("PUBLIC_TO_EVERYONE");
    post.post.accounts = {QStringLiteral("acct-1")};
    post.media = {cq::StoredMedia{QString(64, u'a'), media.url, media}};
    post.createdBy = QStringLiteral("bench");
    post.timeZone = QStringLiteral("Europe/Berlin");
    const QDateTime now = clock.nowUtc();

    QElapsedTimer timer;
    timer.start();
    const int batch = 1000;
    for (int start = 0; start < postCount; start += batch) {
        auto done = (*database)->transaction([&]() -> std::expected<void, cq::Error> {
            for (int i = start; i < std::min(postCount, start + batch); ++i) {
                cq::StoredPost copy = post;
                copy.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                copy.status = i % 10 == 0 ? cq::PostStatus::Published
                                          : (i % 10 == 1 ? cq::PostStatus::Draft : cq::PostStatus::Scheduled);
                // Spread over the next 60 days; a few are due already.
                copy.scheduledAtUtc = now.addSecs(qint64(i) * 60 * 60 * 24 * 60 / postCount - 3600);
                copy.media.first().sha256 = QString(64, QLatin1Char("abcdef"[i % 6]));
                copy.createdAt = now;
                copy.updatedAt = now;
                if (auto inserted = repository.insert(copy); !inserted) {
                    return inserted;
                }
            }
            return {};
        });
        if (!done) {
            std::fprintf(stderr, "%s\n", qPrintable(done.error().message));
            return figures;
        }
    }
    figures.insertsPerSecond = postCount / (double(timer.nsecsElapsed()) / 1e9);
    if (config.backend == cq::DatabaseConfig::Backend::Postgres) {
        (*database)->exec(QStringLiteral("ANALYZE"));
    }

    int dueCount = 0;
    figures.dueMs = medianMs(21, [&] { dueCount = int(repository.dueIds(now, 25)->size()); });
    int pageCount = 0;
    figures.firstPageMs =
        medianMs(21, [&] { pageCount = int(repository.list(cq::PostStatus::Scheduled, 100)->size()); });

    bool cliOk = true;
    figures.coldListMs = medianMs(11, [&] {
        QProcess cli;
        cli.setProcessEnvironment(cliEnvironment);
        cli.start(QStringLiteral(CLIPQUEUE_CLI_PATH), {QStringLiteral("post"), QStringLiteral("list"),
                                                       QStringLiteral("--status"), QStringLiteral("scheduled"),
                                                       QStringLiteral("--json")});
        cli.waitForFinished(30000);
        cliOk = cliOk && cli.exitCode() == 0
                && QJsonDocument::fromJson(cli.readAllStandardOutput()).array().size() == 100;
    });
    std::printf("  (due query found %d, first page %d posts, CLI output %s)\n", dueCount, pageCount,
                cliOk ? "valid" : "INVALID");
    figures.ok = cliOk && pageCount == 100 && dueCount > 0;
    return figures;
}

bool report(const char *backend, const Figures &f)
{
    const bool met = f.ok && f.dueMs < 5 && f.firstPageMs < 50 && f.coldListMs < 300;
    std::printf("%-10s  inserts %8.0f posts/s   due %6.2f ms   first page %6.2f ms   cold CLI list %6.1f ms   %s\n",
                backend, f.insertsPerSecond, f.dueMs, f.firstPageMs, f.coldListMs, met ? "targets met" : "NOT met");
    return met;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int postCount = argc > 1 ? std::max(1000, QString::fromLocal8Bit(argv[1]).toInt()) : 100'000;
    std::printf("%d posts per backend. Targets: due < 5 ms, first page < 50 ms, cold list < 300 ms.\n", postCount);
    bool allMet = true;

    QTemporaryDir sqliteDir;
    QProcessEnvironment sqliteEnvironment = QProcessEnvironment::systemEnvironment();
    sqliteEnvironment.insert(QStringLiteral("CLIPQUEUE_DATA_DIR"), sqliteDir.path());
    sqliteEnvironment.remove(QStringLiteral("CLIPQUEUE_DATABASE_URL"));
    std::printf("SQLite:\n");
    allMet &= report("SQLite", measure(cq::DatabaseConfig::sqlite(sqliteDir.filePath(QStringLiteral("clipqueue.sqlite"))),
                                       sqliteEnvironment, sqliteDir.path(), postCount));

    cq::test::PostgresServer server;
    if (!server.isRunning()) {
        std::printf("PostgreSQL: skipped: %s\n", qPrintable(server.whyNotRunning()));
    } else {
        QTemporaryDir pgDir;
        QProcessEnvironment pgEnvironment = QProcessEnvironment::systemEnvironment();
        pgEnvironment.insert(QStringLiteral("CLIPQUEUE_DATA_DIR"), pgDir.path());
        pgEnvironment.insert(QStringLiteral("CLIPQUEUE_DATABASE_URL"), server.url(QStringLiteral("bench")));
        std::printf("PostgreSQL:\n");
        allMet &= report("PostgreSQL", measure(server.config(QStringLiteral("bench")), pgEnvironment, pgDir.path(),
                                               postCount));
    }
    return allMet ? 0 : 1;
}
