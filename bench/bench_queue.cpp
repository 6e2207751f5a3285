// The queue page at scale: 100,000 posts in a SQLite database (seeded like bench_store), the page
// opened offscreen on a real Backend and its table scrolled to the end, every page fetched as the
// view asks for it, while a 1 ms timer measures the longest gap between its ticks on the GUI
// thread. Prints the time until the first rows are painted, the time to scroll to the end and the
// longest stall. Target: longest stall < 50 ms. Exit code 0 when it is met, 1 otherwise.
//
// Usage: bench_queue [POST_COUNT]   (default 100000)
#include "SeedPosts.h"
#include "StallMeter.h"
#include "queue/PostTableModel.h"
#include "queue/QueuePage.h"
#include "session/Backend.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

namespace {

using cq::bench::StallMeter;

constexpr double StallTargetMs = 50;
constexpr int GiveUpMs = 10 * 60 * 1000;
constexpr int IdleBaselineMs = 3000;

// Notes when the table's viewport first paints rows.
class FirstPaint : public QObject {
public:
    FirstPaint(const QAbstractItemModel &model, const QElapsedTimer &clock)
        : m_model(model)
        , m_clock(clock) {}
    std::optional<qint64> ms;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (!ms && event->type() == QEvent::Paint && m_model.rowCount() > 0) {
            ms = m_clock.elapsed();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QAbstractItemModel &m_model;
    const QElapsedTimer &m_clock;
};

bool seed(const QString &path, int postCount) {
    const auto rate = cq::bench::seedSqlite(path, postCount);
    if (rate) {
        std::printf("  seeded %d posts (%.0f posts/s)\n", postCount, *rate);
    }
    return rate.has_value();
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

struct Figures {
    std::optional<qint64> firstRowsMs;
    qint64 scrolledMs = 0;
    int requests = 0;
};

// Shows the page and scrolls its table to the end as a user holding End would: each time a page
// arrives the view is scrolled to its end again, and the view asks the model for the next one.
Figures scrollToEnd(cq::ui::QueuePage &page) {
    QElapsedTimer clock;
    clock.start();
    cq::ui::PostTableModel &model = *page.model();
    QTableView &table = *page.table();
    FirstPaint firstPaint(model, clock);
    table.viewport()->installEventFilter(&firstPaint);
    page.resize(1280, 800);
    page.show();

    Figures figures;
    figures.requests = model.isLoading() ? 1 : 0; // the first page, asked for by the model itself
    QEventLoop loop;
    QObject::connect(&model, &cq::ui::PostTableModel::loadingChanged, &loop, [&](bool loading) {
        if (loading) {
            ++figures.requests;
        } else if (model.isComplete()) {
            loop.quit();
        } else {
            QTimer::singleShot(0, &table, [&] { table.scrollToBottom(); });
        }
    });
    QObject::connect(&model, &cq::ui::PostTableModel::loadFailed, &loop, [&](const QString &message) {
        std::printf("a page failed: %s\n", qPrintable(message));
        loop.quit();
    });
    QTimer::singleShot(GiveUpMs, &loop, &QEventLoop::quit);
    if (!model.isComplete()) {
        loop.exec();
    }
    figures.scrolledMs = clock.elapsed();
    QCoreApplication::processEvents(); // the last page painted
    table.viewport()->removeEventFilter(&firstPaint);
    figures.firstRowsMs = firstPaint.ms;
    return figures;
}

} // namespace

int main(int argc, char *argv[]) {
    QTemporaryDir dir;
    cq::bench::isolateFromTheDeveloper(dir.path(), dir.path());
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    const int postCount = arguments.isEmpty() ? 100'000 : std::max(1, arguments.first().toInt());
    std::printf("bench_queue: %d posts on SQLite, the queue page offscreen\n", postCount);
    std::fflush(stdout);
    // The file the app opens for CLIPQUEUE_DATA_DIR (AppConfig).
    if (!seed(dir.filePath(QStringLiteral("clipqueue.sqlite")), postCount)) {
        return 1;
    }
    cq::Backend backend;
    if (!startBackend(backend)) {
        return 1;
    }

    StallMeter stalls;
    const double idleMs = stalls.idleBaselineMs(IdleBaselineMs);
    stalls.start();
    cq::ui::QueuePage page(backend);
    const Figures figures = scrollToEnd(page);
    stalls.stop();
    const cq::ui::PostTableModel &model = *page.model();

    const bool complete = model.isComplete() && model.rowCount() == postCount;
    std::printf("  time to first rows shown:  %lld ms\n",
                static_cast<long long>(figures.firstRowsMs.value_or(-1)));
    std::printf("  time to scroll to the end: %.2f s (%d requests for pages of %d; %d rows)\n",
                figures.scrolledMs / 1000.0, figures.requests, cq::ui::PostTableModel::PageSize,
                model.rowCount());
    std::printf(
        "  longest GUI-thread stall:  %.1f ms (target < %.0f ms); 99th percentile %.1f ms; gaps over %d ms: "
        "%ld\n",
        stalls.longestMs(), StallTargetMs, stalls.percentileMs(0.99), StallMeter::SmoothFrameMs,
        stalls.overFrame());
    std::printf("  (an idle event loop on this machine, for comparison: longest gap %.1f ms)\n", idleMs);
    if (!complete) {
        std::printf("The queue did not reach its end.\n");
        return 1;
    }
    const bool met = stalls.longestMs() < StallTargetMs;
    std::printf("%s\n", met ? "Target met." : "Target MISSED.");
    return met ? 0 : 1;
}
