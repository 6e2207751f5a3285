// The whole window under load, in-process and offscreen: a Backend with publishing on and the
// MainWindow over it, publishing to the loopback TikTok stand-in (its own process, as in
// bench_upload, so that its hashing does not run on this GUI thread). A 1 ms timer on the GUI thread
// measures the gaps between its ticks while
//   (a) 200 files (photos and videos made with the ffmpeg CLI, hard-linked under 200 names) are
//       dropped into the composer and probed, and
//   (b) a real 1 GiB MP4 is stored as a post to publish now and uploaded by the window's runner while
//       the queue page is shown (first copied into the media store, then sent in TikTok's chunks).
// Prints the longest gap, the 99th percentile and the gaps over a frame for each phase, beside an
// idle baseline. Target: longest stall < 50 ms in every phase. Exit code 0 when it is met.
//
// Usage: bench_window [FILE_COUNT]   (default 200; needs ffmpeg)
//        bench_window --serve        (the stand-in; prints its port, runs until stdin closes)
#include "CliHarness.h"
#include "SeedPosts.h"
#include "StallMeter.h"
#include "TikTokStandIn.h"
#include "composer/ComposerPage.h"
#include "composer/MediaListModel.h"
#include "composer/MediaProbeQueue.h"
#include "media/MediaProber.h"
#include "publish/WorkspaceSettings.h"
#include "session/Backend.h"
#include "session/Session.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

#include <cstdio>
#include <optional>
#include <unistd.h>

namespace {

using cq::bench::StallMeter;

constexpr double StallTargetMs = 50;
constexpr int IdleBaselineMs = 3000;
constexpr int ProbeGiveUpMs = 5 * 60 * 1000;
constexpr int UploadGiveUpMs = 15 * 60 * 1000;
// After the last probe: thumbnails and findings still arrive for a while.
constexpr int SettleMs = 1000;

bool ffmpeg(const QStringList &arguments) {
    QProcess process;
    process.start(QStringLiteral("ffmpeg"),
                  QStringList{QStringLiteral("-nostdin"), QStringLiteral("-hide_banner"),
                              QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y")}
                      + arguments);
    if (!process.waitForFinished(10 * 60 * 1000) || process.exitCode() != 0) {
        std::printf("ffmpeg %s failed: %s\n", qPrintable(arguments.join(u' ')),
                    process.readAllStandardError().constData());
        return false;
    }
    return true;
}

QString testSource(const char *size, int rate, double seconds) {
    return QStringLiteral("testsrc2=size=%1:rate=%2:duration=%3")
        .arg(QLatin1StringView(size))
        .arg(rate)
        .arg(seconds);
}

// A few real photos and videos, linked under `count` names (every fourth a photo).
std::optional<QStringList> makeDroppedFiles(const QDir &dir, int count) {
    const QStringList x264{QStringLiteral("-c:v"),     QStringLiteral("libx264"),
                           QStringLiteral("-preset"),  QStringLiteral("ultrafast"),
                           QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p")};
    const QString lavfi = QStringLiteral("lavfi");
    const QStringList sources{
        dir.filePath(QStringLiteral("clip.mp4")), dir.filePath(QStringLiteral("photo.jpg")),
        dir.filePath(QStringLiteral("phone.mp4")), dir.filePath(QStringLiteral("photo.png"))};
    if (!ffmpeg(QStringList{QStringLiteral("-f"), lavfi, QStringLiteral("-i"), testSource("1080x1920", 30, 4),
                            QStringLiteral("-f"), lavfi, QStringLiteral("-i"),
                            QStringLiteral("sine=frequency=440:duration=4")}
                + x264
                + QStringList{QStringLiteral("-c:a"), QStringLiteral("aac"), QStringLiteral("-shortest"),
                              sources[0]})
        || !ffmpeg({QStringLiteral("-f"), lavfi, QStringLiteral("-i"), testSource("1080x1350", 1, 1),
                    QStringLiteral("-frames:v"), QStringLiteral("1"), sources[1]})
        || !ffmpeg(
            QStringList{QStringLiteral("-f"), lavfi, QStringLiteral("-i"), testSource("720x1280", 30, 6)}
            + x264 + QStringList{QStringLiteral("-movflags"), QStringLiteral("+faststart"), sources[2]})
        || !ffmpeg({QStringLiteral("-f"), lavfi, QStringLiteral("-i"), testSource("1440x1920", 1, 1),
                    QStringLiteral("-frames:v"), QStringLiteral("1"), sources[3]})) {
        return std::nullopt;
    }
    QStringList files;
    for (int i = 0; i < count; ++i) {
        const QString &source = sources.at(i % sources.size());
        const QString name = dir.filePath(
            QStringLiteral("dropped %1.%2").arg(i, 3, 10, QLatin1Char('0')).arg(QFileInfo(source).suffix()));
        if (::link(QFile::encodeName(source).constData(), QFile::encodeName(name).constData()) != 0
            && !QFile::copy(source, name)) {
            return std::nullopt;
        }
        files << name;
    }
    return files;
}

// A real, probe-able MP4 of a little over 1 GiB, quickly: two seconds of noise encoded losslessly
// (about 265 MB), repeated four times without re-encoding.
std::optional<QString> makeBigVideo(const QDir &dir) {
    const QString segment = dir.filePath(QStringLiteral("segment.mp4"));
    const QString big = dir.filePath(QStringLiteral("big.mp4"));
    if (!ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                 testSource("1080x1920", 30, 2.05) + QStringLiteral(",noise=alls=100:allf=t"),
                 QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                 QStringLiteral("ultrafast"), QStringLiteral("-qp"), QStringLiteral("0"),
                 QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), segment})
        || !ffmpeg({QStringLiteral("-stream_loop"), QStringLiteral("3"), QStringLiteral("-i"), segment,
                    QStringLiteral("-c"), QStringLiteral("copy"), big})) {
        return std::nullopt;
    }
    QFile::remove(segment);
    return big;
}

// The stand-in in its own process; returns its API base.
std::optional<QString> startStandIn(QProcess &server) {
    server.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--serve")});
    if (!server.waitForStarted() || !server.waitForReadyRead(10'000)) {
        std::printf("the stand-in did not start\n");
        return std::nullopt;
    }
    return u"http://127.0.0.1:" + QString::fromLatin1(server.readLine().trimmed());
}

bool importAccount(const QString &apiBase) {
    const cq::test::TikTokStandIn defaults; // the stand-in's credentials
    qputenv("CLIPQUEUE_TIKTOK_API_BASE", apiBase.toUtf8());
    qputenv("CLIPQUEUE_TIKTOK_CLIENT_KEY", defaults.clientKey.toUtf8());
    qputenv("CLIPQUEUE_TIKTOK_CLIENT_SECRET", defaults.clientSecret.toUtf8());
    const cq::test::CliRun imported =
        cq::test::runCli({QStringLiteral("accounts"), QStringLiteral("import"), QStringLiteral("--open-id"),
                          QStringLiteral("open-ana"), QStringLiteral("--access-token"), defaults.accessToken,
                          QStringLiteral("--refresh-token"), defaults.refreshToken, QStringLiteral("--name"),
                          QStringLiteral("Ana")});
    if (imported.exitCode != cq::cli::ExitCode::Success) {
        std::printf("importing the account failed: %s\n", qPrintable(imported.err));
        return false;
    }
    auto session = cq::Session::open();
    if (!session) {
        return false;
    }
    cq::WorkspaceSettings settings((*session)->database());
    return settings.set(QStringLiteral("approval_required"), QStringLiteral("false"))
           && settings.set(QStringLiteral("default_time_zone"), QStringLiteral("Europe/Berlin"));
}

// Runs the event loop until `done` holds (checked every 10 ms) or `giveUpMs` passed.
bool waitFor(const std::function<bool()> &done, int giveUpMs) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > giveUpMs) {
            return false;
        }
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

bool report(const char *phase, const StallMeter &meter) {
    std::printf("    longest GUI-thread stall %.1f ms (target < %.0f ms); 99th percentile %.1f ms; gaps over "
                "%d ms: %ld\n",
                meter.longestMs(), StallTargetMs, meter.percentileMs(0.99), StallMeter::SmoothFrameMs,
                meter.overFrame());
    std::fflush(stdout);
    (void)phase;
    return meter.longestMs() < StallTargetMs;
}

bool dropFiles(cq::ui::MainWindow &window, const QStringList &files, StallMeter &meter) {
    std::printf("  (a) %lld files dropped into the composer and probed\n",
                static_cast<long long>(files.size()));
    window.showPage(cq::ui::MainWindow::Page::Compose);
    QElapsedTimer clock;
    meter.start();
    clock.start();
    window.composer()->addFiles(files);
    const qint64 addedMs = clock.elapsed();
    const bool probed =
        waitFor([&] { return window.composer()->probeQueue()->pending() == 0; }, ProbeGiveUpMs);
    const qint64 probedMs = clock.elapsed();
    waitFor([] { return false; }, SettleMs);
    meter.stop();
    std::printf(
        "    addFiles() returned after %lld ms; all probed after %lld ms (%d rows in the media list)\n",
        static_cast<long long>(addedMs), static_cast<long long>(probedMs),
        window.composer()->mediaModel()->rowCount());
    return report("drop", meter) && probed;
}

cq::Post bigPost(const QString &path, const QString &accountId) {
    cq::Post post;
    post.text = QStringLiteral("A gigabyte from the window #bench");
    post.tiktok.privacyLevel = QString::fromLatin1(cq::privacy::SelfOnly);
    post.accounts = {accountId};
    cq::MediaDescriptor media;
    media.url = QUrl::fromLocalFile(path).toString();
    post.media = {media};
    return post;
}

// Stores the post (copied into the media store on the worker), then waits for the runner to settle it.
bool uploadBig(cq::Backend &backend, cq::ui::MainWindow &window, const QString &path, StallMeter &meter) {
    const qint64 sizeBytes = QFileInfo(path).size();
    std::printf("  (b) a %.2f GiB MP4 posted now and uploaded by the window's runner, queue page shown\n",
                double(sizeBytes) / (1 << 30));
    window.composer()->clear();
    window.showPage(cq::ui::MainWindow::Page::Queue);
    QString postId;
    QString failure;
    std::optional<cq::PostRow> settled;
    qint64 sentBytes = 0;
    QObject::connect(&backend, &cq::Backend::postSettled, &window, [&](const cq::PostRow &row) {
        if (row.post.id == postId) {
            settled = row;
        }
    });
    QObject::connect(&backend, &cq::Backend::uploadProgress, &window,
                     [&](const QString &, qint64 sent, qint64) { sentBytes = sent; });
    QObject::connect(&backend, &cq::Backend::errorOccurred, &window, [](const QString &message) {
        std::printf("    (the backend said: %s)\n", qPrintable(message));
    });
    QElapsedTimer clock;
    meter.start();
    clock.start();
    backend.createPost(bigPost(path, backend.accounts().first().id), QString(), cq::CreateIntent::Submit,
                       &window, [&](std::expected<QList<cq::PostRow>, cq::Error> rows) {
                           if (!rows || rows->isEmpty()) {
                               failure = rows ? QStringLiteral("no row") : rows.error().message;
                           } else if (rows->first().post.status != cq::PostStatus::Scheduled) {
                               failure = u"stored as " + cq::postStatusName(rows->first().post.status);
                               for (const cq::Finding &finding : rows->first().findings) {
                                   failure += u"; " + finding.message;
                               }
                           } else {
                               postId = rows->first().post.id;
                           }
                       });
    const bool stored = waitFor([&] { return !postId.isEmpty() || !failure.isEmpty(); }, UploadGiveUpMs);
    meter.stop();
    const qint64 storedMs = clock.elapsed();
    if (!stored || !failure.isEmpty()) {
        std::printf("    storing the post failed: %s\n", qPrintable(failure));
        return false;
    }
    std::printf("    copied into the media store and stored after %.1f s\n", storedMs / 1000.0);
    const bool storeMet = report("store", meter);

    meter.start();
    clock.restart();
    const bool done = waitFor([&] { return settled.has_value(); }, UploadGiveUpMs);
    meter.stop();
    const double seconds = clock.elapsed() / 1000.0;
    if (!done || settled->post.status != cq::PostStatus::Published) {
        std::printf("    the upload did not finish as published (%s)\n",
                    done ? qPrintable(cq::postStatusName(settled->post.status)) : "timed out");
        return false;
    }
    std::printf("    uploaded and published after %.1f s (%.1f MiB/s, %lld bytes reported sent)\n", seconds,
                double(sizeBytes) / (1 << 20) / seconds, static_cast<long long>(sentBytes));
    return report("upload", meter) && storeMet;
}

} // namespace

int main(int argc, char *argv[]) {
    if (argc > 1 && qstrcmp(argv[1], "--serve") == 0) {
        QCoreApplication app(argc, argv);
        return cq::test::serveStandInUntilStdinCloses();
    }
    QTemporaryDir dir;
    cq::bench::isolateFromTheDeveloper(dir.path(), dir.filePath(QStringLiteral("data")));
    qputenv("CLIPQUEUE_PROFILE_NAME", "ana");
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    const int fileCount = arguments.isEmpty() ? 200 : std::max(1, arguments.first().toInt());
    if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty()) {
        std::printf("bench_window needs the ffmpeg CLI\n");
        return 2;
    }
    const QDir media(dir.filePath(QStringLiteral("media")));
    QDir().mkpath(media.path());
    std::printf("bench_window: the main window offscreen, publishing to the loopback stand-in\n");
    std::fflush(stdout);
    const auto files = makeDroppedFiles(media, fileCount);
    const auto big = makeBigVideo(media);
    QProcess server;
    const auto apiBase = files && big ? startStandIn(server) : std::nullopt;
    if (!apiBase || !importAccount(*apiBase)) {
        return 2;
    }

    const cq::MediaProber prober;
    cq::Backend backend;
    cq::ui::MainWindow window(backend, prober);
    window.resize(1280, 800);
    cq::Backend::Options options;
    options.publish = true;
    options.pollInterval = std::chrono::milliseconds(500);
    backend.start(options);
    window.show();
    if (!waitFor([&] { return backend.isReady() && !backend.accounts().isEmpty(); }, 30'000)) {
        std::printf("the backend did not start\n");
        return 2;
    }
    StallMeter meter;
    const double idleMs = meter.idleBaselineMs(IdleBaselineMs);
    std::printf("  idle event loop, for comparison: longest gap %.1f ms, 99th percentile %.1f ms\n", idleMs,
                meter.percentileMs(0.99));
    const bool dropMet = dropFiles(window, *files, meter);
    const bool uploadMet = uploadBig(backend, window, *big, meter);
    server.closeWriteChannel();
    server.waitForFinished(5000);
    const bool met = dropMet && uploadMet;
    std::printf("%s\n", met ? "Target met." : "Target MISSED.");
    return met ? 0 : 1;
}
