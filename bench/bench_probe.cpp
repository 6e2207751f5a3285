// Probing speed: 500 generated files probed in-process with libavformat, against one ffprobe
// process per file (what a naive integration does). Target: >= 20x ffprobe, median < 2 ms a file,
// on a warm cache. Also probes a 3 GiB file to show that only headers are read.
//
// Usage: bench_probe [FILE_COUNT]   (default 500)
#include "media/MediaProber.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

namespace {

bool runTool(const QString &program, const QStringList &arguments) {
    QProcess process;
    process.start(program, arguments);
    return process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit
           && process.exitCode() == 0;
}

bool generate(const QString &path, const QStringList &encode) {
    return runTool(QStringLiteral("ffmpeg"),
                   QStringList{QStringLiteral("-nostdin"), QStringLiteral("-loglevel"),
                               QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
                               QStringLiteral("lavfi"), QStringLiteral("-i")}
                       + encode + QStringList{path});
}

double medianMs(std::vector<qint64> nanoseconds) {
    std::sort(nanoseconds.begin(), nanoseconds.end());
    return double(nanoseconds.at(nanoseconds.size() / 2)) / 1e6;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const int fileCount = argc > 1 ? std::max(5, QString::fromLocal8Bit(argv[1]).toInt()) : 500;
    QTemporaryDir dir;
    const QString src = QStringLiteral("testsrc2=size=1080x1920:rate=30:duration=5");

    // Five kinds of file, copied to fileCount names (copies are distinct files to the cache).
    struct Kind {
        QString name;
        QStringList encode;
    };
    const QList<Kind> kinds{
        {QStringLiteral("clip.mp4"),
         {src, QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
          QStringLiteral("ultrafast")}},
        {QStringLiteral("clip.mov"),
         {src, QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
          QStringLiteral("ultrafast"), QStringLiteral("-f"), QStringLiteral("mov")}},
        {QStringLiteral("clip.webm"),
         {QStringLiteral("testsrc2=size=360x640:rate=30:duration=5"), QStringLiteral("-c:v"),
          QStringLiteral("libvpx-vp9"), QStringLiteral("-deadline"), QStringLiteral("realtime"),
          QStringLiteral("-cpu-used"), QStringLiteral("8")}},
        {QStringLiteral("photo.jpg"), {src, QStringLiteral("-frames:v"), QStringLiteral("1")}},
        {QStringLiteral("photo.webp"),
         {src, QStringLiteral("-frames:v"), QStringLiteral("1"), QStringLiteral("-c:v"),
          QStringLiteral("libwebp")}},
    };
    std::printf("Generating %d files (5 kinds, 1080x1920) ...\n", fileCount);
    for (const Kind &kind : kinds) {
        if (!generate(dir.filePath(kind.name), kind.encode)) {
            std::fprintf(stderr, "ffmpeg could not generate %s\n", qPrintable(kind.name));
            return 3;
        }
    }
    QStringList files;
    for (int i = 0; i < fileCount; ++i) {
        const Kind &kind = kinds.at(i % kinds.size());
        const QString path =
            dir.filePath(QStringLiteral("%1-%2").arg(i, 4, 10, QLatin1Char('0')).arg(kind.name));
        QFile::copy(dir.filePath(kind.name), path);
        files << path;
    }

    const cq::MediaProber prober;
    for (const QString &file : files) { // warm the page cache
        (void)prober.probe(file);
    }
    std::vector<qint64> perFile;
    QElapsedTimer total;
    total.start();
    int failures = 0;
    for (const QString &file : files) {
        QElapsedTimer one;
        one.start();
        failures += prober.probe(file).has_value() ? 0 : 1;
        perFile.push_back(one.nsecsElapsed());
    }
    const double inProcessSeconds = double(total.nsecsElapsed()) / 1e9;

    QElapsedTimer parallel;
    parallel.start();
    (void)prober.probeAll(files);
    const double parallelSeconds = double(parallel.nsecsElapsed()) / 1e9;

    std::vector<qint64> ffprobePerFile;
    total.restart();
    for (const QString &file : files) {
        QElapsedTimer one;
        one.start();
        runTool(QStringLiteral("ffprobe"),
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_format"),
                 QStringLiteral("-show_streams"), QStringLiteral("-of"), QStringLiteral("json"), file});
        ffprobePerFile.push_back(one.nsecsElapsed());
    }
    const double ffprobeSeconds = double(total.nsecsElapsed()) / 1e9;

    // A 3 GiB file: the same clip with its index in front, extended with a sparse tail.
    const QString big = dir.filePath(QStringLiteral("big.mp4"));
    generate(big, {src, QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                   QStringLiteral("ultrafast"), QStringLiteral("-movflags"), QStringLiteral("+faststart")});
    QFile(big).resize(3LL * 1024 * 1024 * 1024);
    std::vector<qint64> bigTimes;
    for (int i = 0; i < 21; ++i) {
        QElapsedTimer one;
        one.start();
        (void)prober.probe(big);
        bigTimes.push_back(one.nsecsElapsed());
    }

    const double inProcessRate = fileCount / inProcessSeconds;
    const double ffprobeRate = fileCount / ffprobeSeconds;
    std::printf("\nfiles: %d (%d unreadable)\n", fileCount, failures);
    std::printf("in-process, sequential: %8.1f files/s   median %.3f ms/file\n", inProcessRate,
                medianMs(perFile));
    std::printf("in-process, parallel:   %8.1f files/s   (%d threads)\n", fileCount / parallelSeconds,
                QThread::idealThreadCount());
    std::printf("ffprobe per file:       %8.1f files/s   median %.3f ms/file\n", ffprobeRate,
                medianMs(ffprobePerFile));
    std::printf("ratio (sequential in-process / ffprobe): %.1fx\n", inProcessRate / ffprobeRate);
    std::printf("3 GiB file: median %.3f ms (vs %.3f ms for the 5 s original)\n", medianMs(bigTimes),
                medianMs(perFile));
    const bool ok = inProcessRate / ffprobeRate >= 20.0 && medianMs(perFile) < 2.0 && failures == 0;
    std::printf("targets (>= 20x ffprobe, median < 2 ms): %s\n", ok ? "met" : "NOT met");
    return ok ? 0 : 1;
}
