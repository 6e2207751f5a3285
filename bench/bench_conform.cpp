// Conversion speed and memory: ClipQueue's in-process conversion (VideoConverter, as `post create
// --conform` runs it) next to the `ffmpeg` command line doing the same conversion with the same
// encoder settings (libx264 preset and CRF, fps filter, audio copied), one after the other in one
// run. Both run as child processes, so that wall time and peak memory (getrusage maxrss) are
// measured the same way. Target: at least 95 % of ffmpeg's speed. On a busy machine wall time is
// mostly the scheduler's share, so user CPU time is printed beside it and is what the target is
// checked on (system time swings by 3x between runs there: page reclaim, not the conversion).
//
// Usage: bench_conform [RUNS]   (default 3 runs per clip and tool, alternating; the best counts)
//        bench_conform --convert SOURCE OUTPUT   (the child: probe, plan, convert)
#include "media/MediaProber.h"
#include "media/convert/VideoConverter.h"
#include "post/ConformPlan.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <vector>

extern char **environ;

namespace {

struct ChildRun {
    double seconds = 0;
    double cpuSeconds = 0; // user time: the work done, whatever share of the cores it got
    long maxRssKiB = 0;
    bool ok = false;
};

// Runs a program to its end and measures its wall time and peak resident memory.
ChildRun runChild(const QStringList &arguments) {
    std::vector<QByteArray> storage;
    for (const QString &argument : arguments) {
        storage.push_back(argument.toLocal8Bit());
    }
    std::vector<char *> argv;
    for (QByteArray &argument : storage) {
        argv.push_back(argument.data());
    }
    argv.push_back(nullptr);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv.front(), nullptr, nullptr, argv.data(), environ) != 0) {
        return {};
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid) {
        return {};
    }
    const auto seconds = [](const timeval &time) {
        return double(time.tv_sec) + double(time.tv_usec) / 1e6;
    };
    return {double(timer.nsecsElapsed()) / 1e9, seconds(usage.ru_utime) + seconds(usage.ru_stime),
            usage.ru_maxrss, WIFEXITED(status) && WEXITSTATUS(status) == 0};
}

bool generate(const QStringList &arguments) {
    QProcess process;
    process.start(QStringLiteral("ffmpeg"),
                  QStringList{QStringLiteral("-nostdin"), QStringLiteral("-loglevel"),
                              QStringLiteral("error"), QStringLiteral("-y")}
                      + arguments);
    return process.waitForFinished(300'000) && process.exitCode() == 0;
}

// The child: what PostConformer does for one video, without the store.
int convertOnly(const QString &source, const QString &output) {
    auto media = cq::MediaProber().probe(source);
    if (!media) {
        return 3;
    }
    const auto plan = cq::planConform(*media, cq::ConformLimits{});
    if (!plan || !plan->video) {
        return 3;
    }
    return cq::VideoConverter().convert(source, output, *plan->video) ? 0 : 3;
}

struct Clip {
    QString name;
    QStringList generate;     // ffmpeg arguments after -y
    QStringList ffmpegOutput; // the same conversion for the ffmpeg CLI, after -i SOURCE
    QString expectedPlan;
};

QStringList x264Settings() {
    return {QStringLiteral("-c:v"),    QStringLiteral("libx264"),
            QStringLiteral("-preset"), QString::fromLatin1(cq::encoding::X264Preset),
            QStringLiteral("-crf"),    QString::number(cq::encoding::X264Crf)};
}

struct Measured {
    std::vector<ChildRun> ours;
    std::vector<ChildRun> theirs;
    qint64 oursBytes = 0;
    qint64 theirsBytes = 0;
};

// Generates the clip, checks that ClipQueue plans the conversion the ffmpeg command mirrors, and
// runs both `runs` times, alternating.
std::optional<Measured> measure(const Clip &clip, const QString &source, const QTemporaryDir &dir, int runs) {
    if (!generate(clip.generate + QStringList{source})) {
        std::fprintf(stderr, "ffmpeg could not generate %s\n", qPrintable(clip.name));
        return std::nullopt;
    }
    const auto media = cq::MediaProber().probe(source);
    const auto plan = media ? cq::planConform(*media, cq::ConformLimits{}) : std::nullopt;
    if (!plan || plan->description != clip.expectedPlan) {
        std::fprintf(stderr, "unexpected plan for %s: %s\n", qPrintable(clip.name),
                     plan ? qPrintable(plan->description) : "none");
        return std::nullopt;
    }
    const QString ours = dir.filePath(QStringLiteral("clipqueue.mp4"));
    const QString theirs = dir.filePath(QStringLiteral("ffmpeg.mp4"));
    Measured measured;
    for (int run = 0; run < runs; ++run) {
        measured.ours.push_back(
            runChild({QCoreApplication::applicationFilePath(), QStringLiteral("--convert"), source, ours}));
        measured.theirs.push_back(
            runChild(QStringList{QStringLiteral("ffmpeg"), QStringLiteral("-nostdin"),
                                 QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"),
                                 QStringLiteral("-noautorotate"), QStringLiteral("-i"), source}
                     + clip.ffmpegOutput + QStringList{theirs}));
        if (!measured.ours.back().ok || !measured.theirs.back().ok) {
            std::fprintf(stderr, "a conversion of %s failed\n", qPrintable(clip.name));
            return std::nullopt;
        }
    }
    measured.oursBytes = QFileInfo(ours).size();
    measured.theirsBytes = QFileInfo(theirs).size();
    return measured;
}

double bestOf(const std::vector<ChildRun> &runs, double ChildRun::*field) {
    std::vector<double> values;
    for (const ChildRun &run : runs) {
        values.push_back(run.*field);
    }
    // The best run: other work on a shared machine only ever adds time.
    return *std::min_element(values.begin(), values.end());
}

long peakKiB(const std::vector<ChildRun> &runs) {
    long peak = 0;
    for (const ChildRun &run : runs) {
        peak = std::max(peak, run.maxRssKiB);
    }
    return peak;
}

// One row; whether the target (by user CPU time) is met.
bool printRow(const QString &name, const Measured &m) {
    const double wall = bestOf(m.theirs, &ChildRun::seconds) / bestOf(m.ours, &ChildRun::seconds);
    const double cpu = bestOf(m.theirs, &ChildRun::cpuSeconds) / bestOf(m.ours, &ChildRun::cpuSeconds);
    std::printf("%-58s %6.2f / %5.2f s %6.2f / %5.2f s %5.0f%% / %3.0f%% %7.0f / %4.0f MiB\n",
                qPrintable(name), bestOf(m.ours, &ChildRun::seconds), bestOf(m.theirs, &ChildRun::seconds),
                bestOf(m.ours, &ChildRun::cpuSeconds), bestOf(m.theirs, &ChildRun::cpuSeconds), wall * 100,
                cpu * 100, double(peakKiB(m.ours)) / 1024, double(peakKiB(m.theirs)) / 1024);
    std::printf("  output: ClipQueue %lld bytes, ffmpeg %lld bytes%s\n", m.oursBytes, m.theirsBytes,
                m.oursBytes == m.theirsBytes ? " (same size: same encoding)" : "");
    return cpu >= 0.95;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    if (argc == 4 && QByteArray(argv[1]) == "--convert") {
        return convertOnly(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    }
    const int runs = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 3;
    QTemporaryDir dir;
    const QStringList fps60{QStringLiteral("-vf"), QStringLiteral("fps=60,format=yuv420p")};
    const QList<Clip> clips{
        {QStringLiteral("1080x1920, 120 fps, 2 s, H.264 + AAC -> 60 fps"),
         {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
          QStringLiteral("testsrc2=size=1080x1920:rate=120:duration=2"), QStringLiteral("-f"),
          QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=frequency=440:duration=2"),
          QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
          QStringLiteral("ultrafast"), QStringLiteral("-c:a"), QStringLiteral("aac"),
          QStringLiteral("-shortest")},
         fps60 + x264Settings() + QStringList{QStringLiteral("-c:a"), QStringLiteral("copy")},
         QStringLiteral("re-encode as H.264/AAC MP4, at 60 fps")},
        {QStringLiteral("3840x2160, 120 fps, 0.5 s, MPEG-4 part 2 -> H.264, 60 fps"),
         {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
          QStringLiteral("testsrc2=size=3840x2160:rate=120:duration=0.5"), QStringLiteral("-c:v"),
          QStringLiteral("mpeg4"), QStringLiteral("-q:v"), QStringLiteral("4")},
         fps60 + x264Settings(),
         QStringLiteral("re-encode as H.264/AAC MP4, at 60 fps")},
    };
    bool allMet = true;
    std::printf("%-58s %16s %16s %13s %18s\n", "clip", "wall: CQ / ffmpeg", "user: CQ / ffmpeg",
                "speed wall/user", "peak RSS: CQ / ffmpeg");
    for (int c = 0; c < clips.size(); ++c) {
        const QString source = dir.filePath(QStringLiteral("source%1.mp4").arg(c));
        const auto measured = measure(clips.at(c), source, dir, runs);
        if (!measured) {
            return 3;
        }
        allMet = printRow(clips.at(c).name, *measured) && allMet;
    }
    std::printf(
        "best of %d runs each, alternating; target (>= 95 %% of ffmpeg's speed, by user CPU time): %s\n",
        runs, allMet ? "met" : "NOT met");
    return allMet ? 0 : 1;
}
