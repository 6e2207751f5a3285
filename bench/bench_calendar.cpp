// The calendar at scale, offscreen. (1) A month view holding 3,000 posts (about a hundred a day,
// with thumbnails) painted again and again into a pixmap: the time of one full paint. Target:
// < 16 ms (one frame at 60 Hz). (2) 100,000 posts in a SQLite database (seeded like bench_queue),
// the calendar page on a real Backend, and posts dragged to another day: the time from the drop to
// the stored, re-validated post coming back (CalendarPage::movePost through Backend::schedule).
// Target: < 50 ms. Also prints how long the page takes to load and show a month of 3,000 posts out of
// the 100,000. Exit code 0 when both targets are met, 1 otherwise.
//
// Usage: bench_calendar [POST_COUNT]   (default 100000)
#include "SeedPosts.h"
#include "calendar/CalendarGrid.h"
#include "calendar/CalendarPage.h"
#include "session/Backend.h"
#include "storage/Database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPainter>
#include <QPixmap>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

constexpr double PaintTargetMs = 16;
constexpr double CommitTargetMs = 50;
constexpr int PaintRuns = 40;
constexpr int Moves = 25;

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// 3,000 posts over March 2031 in mixed statuses, with 24 different pictures.
QList<cq::ui::CalendarEntry> monthOfPosts() {
    using enum cq::PostStatus;
    const QList<cq::PostStatus> statuses{Scheduled, Scheduled, Published, Draft, InReview, Failed, Cancelled};
    QList<cq::ui::CalendarEntry> entries;
    const QDateTime start(QDate(2031, 3, 1), QTime(6, 0), QTimeZone::utc());
    for (int i = 0; i < 3000; ++i) {
        cq::ui::CalendarEntry entry;
        entry.id = QString::number(i);
        entry.atUtc = start.addSecs(qint64(i) * 31 * 86400 / 3000);
        entry.timeZone = QStringLiteral("Europe/Berlin");
        entry.status = statuses.at(i % statuses.size());
        entry.caption = QStringLiteral("Behind the scenes #%1").arg(i);
        entry.account = i % 3 == 0 ? QStringLiteral("@studio.kai") : QStringLiteral("@ana.makes");
        entry.cover.sha256 = QString::number(i % 24);
        entry.movable = entry.status != Published;
        entries << entry;
    }
    return entries;
}

std::pair<double, double> paintFigures() {
    cq::ui::CalendarGrid grid;
    grid.resize(1400, 860);
    grid.setViewZone(QTimeZone("Europe/Berlin"));
    grid.setCurrentDate(QDate(2031, 3, 15));
    grid.setThumbnailSource([](const cq::StoredMedia &media) {
        QImage image(256, 456, QImage::Format_RGB32);
        image.fill(QColor::fromHsv(media.sha256.toInt() * 15, 120, 200));
        return image;
    });
    QElapsedTimer clock;
    clock.start();
    grid.setEntries(monthOfPosts());
    std::printf("  placing 3000 posts: %.1f ms\n", double(clock.nsecsElapsed()) / 1e6);
    QPixmap target(grid.size());
    grid.render(&target); // warm-up: fonts, thumbnails scaled once
    std::vector<double> runs;
    for (int i = 0; i < PaintRuns; ++i) {
        clock.restart();
        grid.render(&target);
        runs.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    return {median(runs), *std::max_element(runs.begin(), runs.end())};
}

bool startBackend(cq::Backend &backend) {
    QEventLoop loop;
    QObject::connect(&backend, &cq::Backend::ready, &loop, &QEventLoop::quit);
    QObject::connect(&backend, &cq::Backend::failedToStart, &loop, [&](const QString &message) {
        std::printf("the backend did not start: %s\n", qPrintable(message));
        loop.quit();
    });
    backend.start({.publish = false, .pollInterval = std::chrono::seconds(2), .publisherFactory = {}});
    loop.exec();
    return backend.isReady();
}

// 3,000 scheduled posts of the bench's own over four quiet weeks after the seeded 60 days: the busy
// month the page loads and shows.
QStringList insertMonth(const QString &path, const QDate &monday, int count) {
    auto database = cq::Database::open(cq::DatabaseConfig::sqlite(path));
    QStringList ids;
    if (!database) {
        return ids;
    }
    cq::PostRepository repository(**database);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QTimeZone berlin("Europe/Berlin");
    (*database)->transaction([&]() -> std::expected<void, cq::Error> {
        for (int i = 0; i < count; ++i) {
            cq::StoredPost post = cq::bench::templatePost(now);
            post.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            post.status = cq::PostStatus::Scheduled;
            const QDateTime at(monday.addDays(i % 28), QTime(8 + i % 12, (i / 28) % 60), berlin);
            post.schedule = {at.toUTC(), QStringLiteral("Europe/Berlin")};
            post.createdAt = now;
            post.updatedAt = now;
            // The clip the seeded posts share: the duplicate check has thousands of posts to look through.
            post.media.first().sha256 = QString(64, QLatin1Char('0'));
            if (repository.insert(post)) {
                ids << post.id;
            }
        }
        return {};
    });
    return ids;
}

std::vector<double> commitFigures(cq::ui::CalendarPage &page, const QStringList &ids) {
    std::vector<double> runs;
    QElapsedTimer clock;
    for (const QString &id : ids) {
        const auto entry = std::find_if(page.grid()->entries().cbegin(), page.grid()->entries().cend(),
                                        [&](const cq::ui::CalendarEntry &e) { return e.id == id; });
        if (entry == page.grid()->entries().cend()) {
            continue;
        }
        QEventLoop loop;
        bool moved = false;
        clock.restart();
        page.movePost(id, entry->atUtc.addDays(3), true, [&](bool ok) {
            moved = ok;
            loop.quit();
        });
        loop.exec();
        if (moved) {
            runs.push_back(double(clock.nsecsElapsed()) / 1e6);
        }
    }
    return runs;
}

} // namespace

int main(int argc, char *argv[]) {
    QTemporaryDir dir;
    cq::bench::isolateFromTheDeveloper(dir.path(), dir.path());
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    const int postCount = arguments.isEmpty() ? 100'000 : std::max(1, arguments.first().toInt());

    std::printf("bench_calendar: the month view with 3000 posts, painted %d times\n", PaintRuns);
    const auto [paintMedian, paintMax] = paintFigures();
    std::printf("  one paint: median %.1f ms, longest %.1f ms (target < %.0f ms)\n", paintMedian, paintMax,
                PaintTargetMs);

    std::printf("bench_calendar: drag reschedule on SQLite with %d posts\n", postCount);
    std::fflush(stdout);
    const QString path = dir.filePath(QStringLiteral("clipqueue.sqlite"));
    if (!cq::bench::seedSqlite(path, postCount)) {
        return 1;
    }
    // The first Monday of a month after the seeded 60 days: its four weeks are all in the month's view.
    const QDate later = QDate::currentDate().addDays(70);
    QDate monday(later.year(), later.month(), 1);
    monday = monday.addMonths(1);
    monday = monday.addDays((8 - monday.dayOfWeek()) % 7);
    const QStringList ids = insertMonth(path, monday, 3000).mid(0, Moves);
    cq::Backend backend;
    if (!startBackend(backend)) {
        return 1;
    }
    cq::ui::CalendarPage page(backend);
    page.resize(1400, 900);
    page.setViewZone(QStringLiteral("Europe/Berlin"));
    page.grid()->setCurrentDate(monday);
    QElapsedTimer loadClock;
    loadClock.start();
    page.show(); // the page loads when it is first shown
    qint64 firstShownMs = -1;
    while (page.isLoading()) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        if (firstShownMs < 0 && !page.grid()->entries().isEmpty()) {
            firstShownMs = loadClock.elapsed();
        }
    }
    std::printf("  the first 1000 posts shown after %lld ms\n", firstShownMs);
    std::printf("  the month (its own 3000 posts) loaded and shown in %lld ms (%lld posts)\n",
                loadClock.elapsed(), qint64(page.grid()->entries().size()));
    const std::vector<double> commits = commitFigures(page, ids);
    if (commits.empty()) {
        std::printf("  no post could be moved\n");
        return 1;
    }
    const double commitMedian = median(commits);
    const double commitMax = *std::max_element(commits.begin(), commits.end());
    std::printf("  %zu moves: drop to stored median %.1f ms, longest %.1f ms (target < %.0f ms)\n",
                commits.size(), commitMedian, commitMax, CommitTargetMs);
    return paintMedian < PaintTargetMs && commitMedian < CommitTargetMs ? 0 : 1;
}
