// Conversion speed and memory: ClipQueue's in-process conversion (VideoConverter, as `post create
// --conform` runs it) next to the `ffmpeg` command line doing the same conversion with the same
// encoder settings (libx264 preset and CRF, fps filter, audio copied), one after the other in one
// run. Both run as child processes, so that wall time and peak memory (getrusage maxrss) are
// measured the same way. Target: at least 95 % of ffmpeg's speed.
//
// Usage: bench_conform [RUNS]   (default 2 runs per clip and tool, alternating)
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
    return {double(timer.nsecsElapsed()) / 1e9, usage.ru_maxrss,
            WIFEXITED(status) && WEXITSTATUS(status) == 0};
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

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

QStringList x264Settings() {
    return {QStringLiteral("-c:v"),    QStringLiteral("libx264"),
            QStringLiteral("-preset"), QString::fromLatin1(cq::encoding::X264Preset),
            QStringLiteral("-crf"),    QString::number(cq::encoding::X264Crf)};
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    if (argc == 4 && QByteArray(argv[1]) == "--convert") {
        return convertOnly(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    }
    const int runs = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 2;
    QTemporaryDir dir;
    const QStringList fps60{QStringLiteral("-vf"), QStringLiteral("fps=60,format=yuv420p")};
    const QList<Clip> clips{
        {QStringLiteral("1080x1920, 120 fps, 1 s, H.264 + AAC -> 60 fps"),
         {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
          QStringLiteral("testsrc2=size=1080x1920:rate=120:duration=1"), QStringLiteral("-f"),
          QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=frequency=440:duration=1"),
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
    const QString self = QCoreApplication::applicationFilePath();
    bool allMet = true;
    std::printf("%-55s %10s %10s %8s %12s %12s\n", "clip", "ClipQueue", "ffmpeg", "speed", "ClipQueue RSS",
                "ffmpeg RSS");
    for (int c = 0; c < clips.size(); ++c) {
        const Clip &clip = clips.at(c);
        const QString source = dir.filePath(QStringLiteral("source%1.mp4").arg(c));
        if (!generate(clip.generate + QStringList{source})) {
            std::fprintf(stderr, "ffmpeg could not generate %s\n", qPrintable(clip.name));
            return 3;
        }
        const auto media = cq::MediaProber().probe(source);
        const auto plan = media ? cq::planConform(*media, cq::ConformLimits{}) : std::nullopt;
        if (!plan || plan->description != clip.expectedPlan) {
            std::fprintf(stderr, "unexpected plan for %s: %s\n", qPrintable(clip.name),
                         plan ? qPrintable(plan->description) : "none");
            return 3;
        }
        std::vector<double> ours;
        std::vector<double> theirs;
        long oursRss = 0;
        long theirsRss = 0;
        for (int run = 0; run < runs; ++run) {
            const ChildRun a =
                runChild({self, QStringLiteral("--convert"), source, dir.filePath(QStringLiteral("a.mp4"))});
            const ChildRun b = runChild(
                QStringList{QStringLiteral("ffmpeg"), QStringLiteral("-nostdin"), QStringLiteral("-loglevel"),
                            QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-noautorotate"),
                            QStringLiteral("-i"), source}
                + clip.ffmpegOutput + QStringList{dir.filePath(QStringLiteral("b.mp4"))});
            if (!a.ok || !b.ok) {
                std::fprintf(stderr, "a conversion failed (ClipQueue %d, ffmpeg %d)\n", a.ok, b.ok);
                return 3;
            }
            ours.push_back(a.seconds);
            theirs.push_back(b.seconds);
            oursRss = std::max(oursRss, a.maxRssKiB);
            theirsRss = std::max(theirsRss, b.maxRssKiB);
        }
        const double speed = median(theirs) / median(ours);
        allMet = allMet && speed >= 0.95;
        std::printf("%-55s %9.2fs %9.2fs %7.0f%% %9.0f MiB %9.0f MiB\n", qPrintable(clip.name), median(ours),
                    median(theirs), speed * 100, double(oursRss) / 1024, double(theirsRss) / 1024);
        std::printf("  output sizes: ClipQueue %lld bytes, ffmpeg %lld bytes\n",
                    QFileInfo(dir.filePath(QStringLiteral("a.mp4"))).size(),
                    QFileInfo(dir.filePath(QStringLiteral("b.mp4"))).size());
    }
    std::printf("medians of %d runs each; target (>= 95 %% of ffmpeg's speed): %s\n", runs,
                allMet ? "met" : "NOT met");
    return allMet ? 0 : 1;
}
