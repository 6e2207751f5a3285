// The queue at scale: 100,000 posts on SQLite and on PostgreSQL (a throwaway server, when installed).
// Inserts them through PostRepository in batched transactions and prints the rate, then the median
// of 21 warm runs of the due-post query and of the queue's first page sorted by time, and the median
// of 11 cold `clipqueue-cli post list --status scheduled --json` processes.
// Targets: due query < 5 ms, first page < 50 ms, cold list < 300 ms. Exit code 0 when every backend
// that ran met them all, 1 otherwise. When a target is missed (or with --explain) the query plans of
// the measured statements are printed.
//
// Usage: bench_store [--explain] [POST_COUNT]   (default 100000)
#include "PostgresServer.h"
#include "post/PostJson.h"
#include "storage/Database.h"
#include "storage/PostRepository.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <vector>

namespace {

constexpr double DueTargetMs = 5;
constexpr double FirstPageTargetMs = 50;
constexpr double ColdListTargetMs = 300;
constexpr int QueryRuns = 21;
constexpr int ProcessRuns = 11;
constexpr int DueLimit = 25;
constexpr int PageSize = 100;
constexpr int BatchSize = 1000;
constexpr int MediaObjectCount = 6;
constexpr qint64 SpreadMs = 60LL * 24 * 60 * 60 * 1000; // 60 days
constexpr qint64 OverdueMs = 60LL * 60 * 1000;          // the first hour of the queue is due already
constexpr int CliTimeoutMs = 30'000;

struct Result {
    QString backend;
    QString skipped; // why, when the backend did not run
    QString failure; // why, when the bench itself could not finish
    double insertsPerSecond = 0;
    qsizetype postJsonBytes = 0;
    double dueMs = 0;
    qsizetype dueCount = 0;
    double firstPageMs = 0;
    qsizetype firstPageCount = 0;
    double coldListMs = 0;

    bool ran() const { return skipped.isEmpty() && failure.isEmpty(); }
    bool met() const {
        return ran() && dueMs < DueTargetMs && firstPageMs < FirstPageTargetMs
               && coldListMs < ColdListTargetMs;
    }
};

double medianMs(std::vector<qint64> nanoseconds) {
    std::sort(nanoseconds.begin(), nanoseconds.end());
    return double(nanoseconds.at(nanoseconds.size() / 2)) / 1e6;
}

// A realistic post: a caption with hashtags and an emoji, one probed 1080x1920 video, explicit TikTok
// settings, one account, its time: about 700 bytes of post JSON.
cq::StoredPost templatePost(const QDateTime &now) {
    cq::MediaDescriptor media;
    media.url = QStringLiteral("file:///home/ana/Videos/teaser.mp4");
    media.type = cq::MediaType::Video;
    media.mimeType = QStringLiteral("video/mp4");
    media.sizeBytes = 18'432'000;
    media.filename = QStringLiteral("teaser.mp4");
    media.width = 1080;
    media.height = 1920;
    media.durationSeconds = 24.533;

    cq::StoredPost post;
    post.content.text = QStringLiteral("Launch day, behind the scenes 🎬 #launch #smallbusiness");
    post.content.tiktok.privacyLevel = QString::fromLatin1(cq::privacy::PublicToEveryone);
    post.content.tiktok.disableDuet = false;
    post.content.tiktok.disableStitch = false;
    post.content.tiktok.disableComment = false;
    post.content.accounts = {QStringLiteral("6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f")};
    post.media = {cq::StoredMedia{QString(), media}};
    post.createdBy = QStringLiteral("ana@studio");
    post.schedule.timeZone = QStringLiteral("Europe/Berlin");
    post.createdAt = now;
    post.updatedAt = now;
    return post;
}

// Mostly scheduled (80 %) over the next 60 days, the first hour of them due already; the rest
// published over the past 60 days, drafts without a time, and a few in review, failed or cancelled.
void shape(cq::StoredPost &post, int index, int postCount, const QDateTime &now) {
    const qint64 offsetMs = qint64(index) * SpreadMs / postCount;
    const int bucket = index % 100;
    post.publishId.clear();
    if (bucket < 80) {
        post.status = cq::PostStatus::Scheduled;
        post.schedule.atUtc = now.addMSecs(offsetMs - OverdueMs);
    } else if (bucket < 88) {
        post.status = cq::PostStatus::Published;
        post.schedule.atUtc = now.addMSecs(-offsetMs - OverdueMs);
        post.publishId = u"v_pub_url~v2." + QString::number(7'300'000'000'000'000'000LL + index);
    } else if (bucket < 94) {
        post.status = cq::PostStatus::Draft;
        post.schedule.atUtc.reset();
    } else if (bucket < 97) {
        post.status = cq::PostStatus::InReview;
        post.schedule.atUtc = now.addMSecs(offsetMs);
    } else if (bucket < 99) {
        post.status = cq::PostStatus::Failed;
        post.schedule.atUtc = now.addMSecs(-offsetMs - OverdueMs);
    } else {
        post.status = cq::PostStatus::Cancelled;
        post.schedule.atUtc = now.addMSecs(offsetMs);
    }
}

// The statements PostRepository runs for dueIds() and list() (core/storage/PostRepository.cpp, as
// of this bench), with literal values, for EXPLAIN.
void explain(const cq::Database &database, const QDateTime &now) {
    const bool sqlite = database.backend() == cq::DatabaseConfig::Backend::Sqlite;
    const QString nowMs = QString::number(now.toMSecsSinceEpoch());
    const QStringList statements{
        QStringLiteral("SELECT id FROM posts WHERE status = 'scheduled' AND scheduled_at_ms IS NULL "
                       "ORDER BY scheduled_at_ms NULLS FIRST, id LIMIT %1")
            .arg(DueLimit),
        QStringLiteral("SELECT id FROM posts WHERE status = 'scheduled' AND scheduled_at_ms <= %1 "
                       "ORDER BY scheduled_at_ms, id LIMIT %2")
            .arg(nowMs)
            .arg(DueLimit),
        QStringLiteral(
            "SELECT id, status, post_json, scheduled_at_ms, time_zone, publish_id, created_by, "
            "created_at_ms, updated_at_ms, revision, claimed_by, lease_until_ms FROM posts "
            "WHERE status = 'scheduled' ORDER BY scheduled_at_ms NULLS FIRST, id LIMIT %1 OFFSET 0")
            .arg(PageSize),
        QStringLiteral("SELECT scheduled_at_ms FROM posts WHERE status = 'scheduled' AND "
                       "scheduled_at_ms IS NOT NULL ORDER BY scheduled_at_ms NULLS FIRST, id LIMIT 1"),
    };
    for (const QString &sql : statements) {
        std::printf("    %s\n", qPrintable(sql));
        auto plan = database.exec((sqlite ? u"EXPLAIN QUERY PLAN " : u"EXPLAIN (ANALYZE, BUFFERS) ") + sql);
        if (!plan) {
            std::printf("      (EXPLAIN failed: %s)\n", qPrintable(plan.error().message));
            continue;
        }
        while (plan->next()) {
            std::printf("      %s\n", qPrintable(plan->value(sqlite ? 3 : 0).toString()));
        }
    }
}

// Inserts `postCount` posts through PostRepository, BatchSize per transaction.
// Counts the scheduled posts already due at `now` in `dueCount`.
std::expected<double, cq::Error> insertPosts(const cq::Database &database, cq::PostRepository &repository,
                                             int postCount, const QDateTime &now, int &dueCount) {
    cq::StoredPost post = templatePost(now);
    const QString caption = post.content.text;
    QElapsedTimer timer;
    timer.start();
    for (int start = 0; start < postCount; start += BatchSize) {
        auto done = database.transaction([&]() -> std::expected<void, cq::Error> {
            for (int index = start; index < std::min(postCount, start + BatchSize); ++index) {
                post.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                post.content.text = caption + u" #" + QString::number(index);
                shape(post, index, postCount, now);
                if (post.status == cq::PostStatus::Scheduled && *post.schedule.atUtc <= now) {
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

// One `clipqueue-cli post list --status scheduled --json` process per run; wall time from start to
// finished. Every run must exit 0 and print a JSON array of PageSize posts.
std::expected<double, QString> coldList(const QProcessEnvironment &environment) {
    std::vector<qint64> times;
    for (int run = 0; run < ProcessRuns; ++run) {
        QProcess cli;
        cli.setProcessEnvironment(environment);
        QElapsedTimer timer;
        timer.start();
        cli.start(QStringLiteral(CLIPQUEUE_CLI_PATH),
                  {QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--status"),
                   QStringLiteral("scheduled"), QStringLiteral("--json")});
        if (!cli.waitForFinished(CliTimeoutMs)) {
            cli.kill();
            cli.waitForFinished(5000);
            return std::unexpected(QStringLiteral("%1 did not finish within %2 s (%3)")
                                       .arg(QStringLiteral(CLIPQUEUE_CLI_PATH))
                                       .arg(CliTimeoutMs / 1000)
                                       .arg(cli.errorString()));
        }
        times.push_back(timer.nsecsElapsed());
        const QString errors = QString::fromLocal8Bit(cli.readAllStandardError()).trimmed();
        if (cli.exitStatus() != QProcess::NormalExit || cli.exitCode() != 0) {
            return std::unexpected(
                QStringLiteral("clipqueue-cli exited with %1: %2").arg(cli.exitCode()).arg(errors.left(500)));
        }
        QJsonParseError parseError;
        const QJsonDocument json = QJsonDocument::fromJson(cli.readAllStandardOutput(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !json.isArray()) {
            return std::unexpected(u"clipqueue-cli printed no JSON array: " + parseError.errorString());
        }
        if (json.array().size() != PageSize) {
            return std::unexpected(QStringLiteral("clipqueue-cli listed %1 posts, not %2")
                                       .arg(json.array().size())
                                       .arg(PageSize));
        }
    }
    return medianMs(times);
}

Result measure(const QString &backend, const cq::DatabaseConfig &config,
               const QProcessEnvironment &cliEnvironment, int postCount, bool alwaysExplain) {
    Result result;
    result.backend = backend;
    auto database = cq::Database::open(config);
    if (!database) {
        result.failure = database.error().message;
        return result;
    }
    cq::PostRepository repository(**database);
    const cq::SystemClock clock;
    const QDateTime now = clock.nowUtc();
    cq::StoredPost sample = templatePost(now);
    shape(sample, postCount / 2, postCount, now); // a scheduled one
    sample.content.text += u" #" + QString::number(postCount / 2);
    const QByteArray postJson = QJsonDocument(cq::postToJson(sample.toPost())).toJson(QJsonDocument::Compact);
    result.postJsonBytes = postJson.size();
    if (alwaysExplain) {
        std::printf("  a scheduled post's post_json: %s\n", postJson.constData());
    }

    std::printf("%s: inserting %d posts...\n", qPrintable(backend), postCount);
    std::fflush(stdout);
    int dueAtStart = 0;
    auto rate = insertPosts(**database, repository, postCount, now, dueAtStart);
    if (!rate) {
        result.failure = rate.error().message;
        return result;
    }
    result.insertsPerSecond = *rate;
    if ((*database)->backend() == cq::DatabaseConfig::Backend::Postgres) {
        // What autovacuum does shortly after a bulk load: planner statistics for the new rows.
        (*database)->exec(QStringLiteral("ANALYZE"));
    }

    // Warm: one untimed run of each, then QueryRuns timed runs.
    auto timeQuery = [&](const std::function<std::expected<qsizetype, cq::Error>()> &query,
                         qsizetype &count) -> std::expected<double, cq::Error> {
        std::vector<qint64> times;
        for (int run = 0; run <= QueryRuns; ++run) {
            QElapsedTimer timer;
            timer.start();
            auto rows = query();
            const qint64 elapsed = timer.nsecsElapsed();
            if (!rows) {
                return std::unexpected(rows.error());
            }
            count = *rows;
            if (run > 0) {
                times.push_back(elapsed);
            }
        }
        return medianMs(times);
    };
    auto due = timeQuery(
        [&]() -> std::expected<qsizetype, cq::Error> {
            auto ids = repository.dueIds(now, DueLimit);
            return ids ? std::expected<qsizetype, cq::Error>(ids->size()) : std::unexpected(ids.error());
        },
        result.dueCount);
    auto page = timeQuery(
        [&]() -> std::expected<qsizetype, cq::Error> {
            auto posts = repository.list(cq::PostStatus::Scheduled, PageSize);
            return posts ? std::expected<qsizetype, cq::Error>(posts->size())
                         : std::unexpected(posts.error());
        },
        result.firstPageCount);
    if (!due || !page) {
        result.failure = (!due ? due.error() : page.error()).message;
        return result;
    }
    result.dueMs = *due;
    result.firstPageMs = *page;
    // Posts fall due while the bench runs: at least as many as were due at the start.
    const int dueExpected = std::min(DueLimit, dueAtStart);
    if (result.dueCount < dueExpected || result.firstPageCount != PageSize) {
        result.failure =
            QStringLiteral("the due query found %1 posts (expected %2), the first page %3 (expected %4)")
                .arg(result.dueCount)
                .arg(dueExpected)
                .arg(result.firstPageCount)
                .arg(PageSize);
        return result;
    }

    auto cold = coldList(cliEnvironment);
    if (!cold) {
        result.failure = cold.error();
        return result;
    }
    result.coldListMs = *cold;
    if (alwaysExplain || !result.met()) {
        std::printf("  query plans on %s:\n", qPrintable(backend));
        explain(**database, now);
    }
    return result;
}

QString figure(double value, int decimals) {
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

void printTable(const QList<Result> &results) {
    std::printf("\n%-40s %10s", "", "target");
    for (const Result &result : results) {
        std::printf(" %12s", qPrintable(result.backend));
    }
    struct Row {
        const char *label;
        const char *target;
        std::function<QString(const Result &)> value;
    };
    const QList<Row> rows{
        {"inserts (posts/s, batches of 1000)", "",
         [](const Result &r) {
             return figure(r.insertsPerSecond, 0);
         }},
        {"post_json (bytes)", "",
         [](const Result &r) {
             return QString::number(r.postJsonBytes);
         }},
        {"due query, dueIds(now, 25) (ms)", "< 5",
         [](const Result &r) {
             return figure(r.dueMs, 3);
         }},
        {"first page, list(scheduled, 100) (ms)", "< 50",
         [](const Result &r) {
             return figure(r.firstPageMs, 2);
         }},
        {"cold CLI post list --json (ms)", "< 300",
         [](const Result &r) {
             return figure(r.coldListMs, 1);
         }},
        {"targets", "",
         [](const Result &r) {
             return r.met() ? QStringLiteral("met") : QStringLiteral("MISSED");
         }},
    };
    for (const Row &row : rows) {
        std::printf("\n%-40s %10s", row.label, row.target);
        for (const Result &result : results) {
            std::printf(" %12s", result.ran() ? qPrintable(row.value(result)) : "-");
        }
    }
    std::printf("\n\n");
    for (const Result &result : results) {
        if (!result.skipped.isEmpty()) {
            std::printf("%s skipped: %s\n", qPrintable(result.backend), qPrintable(result.skipped));
        } else if (!result.failure.isEmpty()) {
            std::printf("%s FAILED: %s\n", qPrintable(result.backend), qPrintable(result.failure));
        }
    }
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    const bool alwaysExplain = arguments.removeAll(QStringLiteral("--explain")) > 0;
    const int postCount = arguments.isEmpty() ? 100'000 : std::max(1000, arguments.first().toInt());
    std::printf("bench_store: %d posts per backend; medians of %d warm runs (%d processes for the CLI)\n",
                postCount, QueryRuns, ProcessRuns);
    QList<Result> results;

    QProcessEnvironment baseEnvironment = QProcessEnvironment::systemEnvironment();
    baseEnvironment.remove(QStringLiteral("CLIPQUEUE_DATABASE_URL"));
    {
        QTemporaryDir sqliteDir;
        QProcessEnvironment environment = baseEnvironment;
        environment.insert(QStringLiteral("CLIPQUEUE_DATA_DIR"), sqliteDir.path());
        // The file the CLI opens for CLIPQUEUE_DATA_DIR (AppConfig).
        const auto config =
            cq::DatabaseConfig::sqlite(sqliteDir.filePath(QStringLiteral("clipqueue.sqlite")));
        results << measure(QStringLiteral("SQLite"), config, environment, postCount, alwaysExplain);
    }
    {
        cq::test::PostgresServer server;
        if (!server.isRunning()) {
            Result skipped;
            skipped.backend = QStringLiteral("PostgreSQL");
            skipped.skipped = server.whyNotRunning();
            results << skipped;
        } else {
            QTemporaryDir dataDir;
            QProcessEnvironment environment = baseEnvironment;
            environment.insert(QStringLiteral("CLIPQUEUE_DATA_DIR"), dataDir.path());
            environment.insert(QStringLiteral("CLIPQUEUE_DATABASE_URL"), server.url(QStringLiteral("bench")));
            results << measure(QStringLiteral("PostgreSQL"), server.config(QStringLiteral("bench")),
                               environment, postCount, alwaysExplain);
        }
    }

    printTable(results);
    const bool allMet = std::all_of(results.cbegin(), results.cend(), [](const Result &result) {
        return !result.skipped.isEmpty() || result.met();
    });
    std::printf("%s\n", allMet ? "All targets met." : "Some targets were MISSED (see above).");
    return allMet ? 0 : 1;
}
