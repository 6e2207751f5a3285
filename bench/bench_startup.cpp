// The desktop app's start-up, as a user sees it: `clipqueue --no-publish` started 11 times on a data
// folder with an empty database and 11 times on one with 100,000 posts (seeded like bench_store),
// offscreen, with the app's start-up probe on (CLIPQUEUE_STARTUP_PROBE: it reports when its window
// was shown and when its database was ready, then quits). Prints the medians of the wall time from
// QProcess::start to the "window shown" line, and of the app's own two figures (measured from its
// main()). Target: window shown in under 400 ms (wall time) for both. Exit code 0 when it is met.
//
// Usage: bench_startup [RUNS]   (default 11)
#include "SeedPosts.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

namespace {

constexpr qint64 WindowShownTargetMs = 400;
constexpr int GiveUpMs = 60'000;

struct Run {
    qint64 wallShownMs = -1; // QProcess::start to the "window shown" line
    qint64 appShownMs = -1;  // the app's own figure, from its main()
    qint64 appReadyMs = -1;
};

// Opens (and so creates and migrates) the database the app opens for CLIPQUEUE_DATA_DIR, with
// `postCount` posts in it.
bool seed(const QString &dataDir, int postCount) {
    return cq::bench::seedSqlite(QDir(dataDir).filePath(QStringLiteral("clipqueue.sqlite")), postCount)
        .has_value();
}

std::optional<qint64> figure(const QByteArray &output, const char *what) {
    static const QRegularExpression number(QStringLiteral("after (\\d+) ms"));
    for (const QByteArray &line : output.split('\n')) {
        if (line.contains(what)) {
            const auto match = number.match(QString::fromUtf8(line));
            if (match.hasMatch()) {
                return match.captured(1).toLongLong();
            }
        }
    }
    return std::nullopt;
}

// One start of the app; the wall time is taken the moment its "window shown" line arrives.
std::optional<Run> startOnce(const QString &app, const QProcessEnvironment &environment) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardOutputFile(QProcess::nullDevice());
    QByteArray output;
    Run run;
    QElapsedTimer clock;
    QEventLoop loop;
    QObject::connect(&process, &QProcess::readyReadStandardError, &loop, [&] {
        output += process.readAllStandardError();
        if (run.wallShownMs < 0 && output.contains("window shown")) {
            run.wallShownMs = clock.elapsed();
        }
    });
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(GiveUpMs, &loop, &QEventLoop::quit);
    clock.start();
    process.start(app, {QStringLiteral("--no-publish")});
    loop.exec();
    output += process.readAllStandardError();
    const auto shown = figure(output, "window shown");
    const auto ready = figure(output, "database ready");
    if (process.state() != QProcess::NotRunning || process.exitCode() != 0 || !shown || !ready
        || run.wallShownMs < 0) {
        process.kill();
        process.waitForFinished();
        std::printf("the app did not report its start-up (exit %d): %s\n", process.exitCode(),
                    output.constData());
        return std::nullopt;
    }
    run.appShownMs = *shown;
    run.appReadyMs = *ready;
    return run;
}

qint64 median(std::vector<qint64> values) {
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Starts the app `runs` times on `dataDir` and prints the medians; returns the wall-time median.
std::optional<qint64> measure(const QString &label, const QString &dataDir, int runs) {
    const QString app = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("clipqueue"));
    QTemporaryDir config;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("CLIPQUEUE_DATA_DIR"), dataDir);
    environment.insert(QStringLiteral("CLIPQUEUE_TOKEN_STORE"), QStringLiteral("file"));
    environment.insert(QStringLiteral("CLIPQUEUE_STARTUP_PROBE"), QStringLiteral("1"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    environment.remove(QStringLiteral("CLIPQUEUE_DATABASE_URL"));
    std::vector<qint64> wall;
    std::vector<qint64> shown;
    std::vector<qint64> ready;
    for (int i = 0; i < runs; ++i) {
        const auto run = startOnce(app, environment);
        if (!run) {
            return std::nullopt;
        }
        wall.push_back(run->wallShownMs);
        shown.push_back(run->appShownMs);
        ready.push_back(run->appReadyMs);
    }
    std::printf("  %-16s window shown %4lld ms wall (min %lld, max %lld); app's own: window shown %lld ms, "
                "database ready %lld ms\n",
                qPrintable(label), static_cast<long long>(median(wall)),
                static_cast<long long>(*std::min_element(wall.begin(), wall.end())),
                static_cast<long long>(*std::max_element(wall.begin(), wall.end())),
                static_cast<long long>(median(shown)), static_cast<long long>(median(ready)));
    std::fflush(stdout);
    return median(wall);
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    const int runs = arguments.isEmpty() ? 11 : std::max(1, arguments.first().toInt());
    std::printf("bench_startup: clipqueue --no-publish, offscreen, medians of %d starts\n", runs);
    std::fflush(stdout);

    bool met = true;
    for (const int postCount : {0, 100'000}) {
        QTemporaryDir dataDir;
        if (!dataDir.isValid() || !seed(dataDir.path(), postCount)) {
            return 1;
        }
        const QString label =
            postCount == 0 ? QStringLiteral("empty database") : QStringLiteral("100,000 posts");
        const auto wallMs = measure(label, dataDir.path(), runs);
        if (!wallMs) {
            return 1;
        }
        met = met && *wallMs < WindowShownTargetMs;
    }
    std::printf("  (target: window shown in under %lld ms wall time)\n",
                static_cast<long long>(WindowShownTargetMs));
    std::printf("%s\n", met ? "Target met." : "Target MISSED.");
    return met ? 0 : 1;
}
