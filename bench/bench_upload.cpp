// A 1 GiB video uploaded to the loopback TikTok stand-in in TikTok's chunk plan, by ClipQueue's
// TikTokClient (chunks streamed from the file) and, for comparison, by one `curl` process sending
// the same chunks to the same server. The stand-in runs in its own process and checks every chunk
// (Content-Range, Content-Length, order) and hashes what it receives; it keeps no bodies.
// Prints the throughput of each, the ratio, and this process's peak resident memory growth during
// the upload. Targets: at least 80% of curl's throughput, peak RSS growth under 64 MiB.
// Exit code 0 when both are met.
//
// Usage: bench_upload [SIZE_MIB]   (default 1024)
//        bench_upload --serve      (the stand-in; prints its port, runs until stdin closes)
#include "AwaitClient.h"
#include "TikTokStandIn.h"
#include "tiktok/ChunkPlan.h"
#include "tiktok/TikTokClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <unistd.h>

using namespace cq::tiktok;
using cq::test::await;

namespace {

constexpr double MinRatio = 0.80;
constexpr qint64 MaxRssGrowthBytes = 64LL * 1024 * 1024;

// A kB figure from /proc/self/status ("VmRSS", "VmHWM"), in bytes.
qint64 procStatusBytes(const QByteArray &field) {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':'))) {
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong() * 1024;
        }
    }
    return -1;
}

// Resets VmHWM to the current RSS (Linux >= 4.0), so the peak is the upload's own.
void resetPeakRss() {
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (clearRefs.open(QIODevice::WriteOnly)) {
        clearRefs.write("5");
    }
}

bool writeRandomFile(const QString &path, qint64 size) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    QRandomGenerator random(42);
    QByteArray block(4 << 20, Qt::Uninitialized);
    for (qint64 written = 0; written < size;) {
        random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        const qint64 n = file.write(block.constData(), std::min<qint64>(block.size(), size - written));
        if (n <= 0) {
            return false;
        }
        written += n;
    }
    return true;
}

std::expected<VideoInit, TikTokError> initUpload(TikTokClient &client, const QString &token,
                                                 const ChunkPlan &plan) {
    const QJsonObject postInfo{{QStringLiteral("title"), QStringLiteral("bench")},
                               {QStringLiteral("privacy_level"), QStringLiteral("SELF_ONLY")},
                               {QStringLiteral("brand_content_toggle"), false}};
    return await<VideoInit>(
        [&](auto done) { client.initVideoUpload(token, PostMode::DirectPost, postInfo, plan, done); });
}

double mibPerSecond(qint64 bytes, qint64 nanoseconds) {
    return double(bytes) / (1024.0 * 1024.0) / (double(nanoseconds) / 1e9);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    if (arguments.value(0) == u"--serve") {
        return cq::test::serveStandInUntilStdinCloses();
    }
    const qint64 sizeMib = arguments.isEmpty() ? 1024 : arguments.first().toLongLong();
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (sizeMib <= 0) {
        std::fprintf(stderr, "Usage: bench_upload [SIZE_MIB]\n");
        return 2;
    }
    if (curl.isEmpty()) {
        std::fprintf(stderr, "bench_upload needs curl for the comparison: apt-get install curl\n");
        return 2;
    }
    const qint64 size = sizeMib * 1024 * 1024;
    const auto plan = ChunkPlan::forSize(size);
    QTemporaryDir dir;
    const QString video = dir.filePath(QStringLiteral("video.mp4"));
    if (!plan || !dir.isValid() || !writeRandomFile(video, size)) {
        std::fprintf(stderr, "cannot write a %lld MiB file under %s\n", sizeMib,
                     qPrintable(QDir::tempPath()));
        return 2;
    }

    QProcess server;
    server.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--serve")});
    if (!server.waitForStarted() || !server.waitForReadyRead(10'000)) {
        std::fprintf(stderr, "the stand-in did not start\n");
        return 2;
    }
    const QString apiBase = u"http://127.0.0.1:" + QString::fromLatin1(server.readLine().trimmed());
    const cq::test::TikTokStandIn defaults; // the stand-in's credentials
    const QString token = defaults.accessToken;
    std::printf("Uploading %lld MiB in %d chunks of %lld bytes to the stand-in at %s\n", sizeMib,
                plan->totalChunkCount, plan->chunkSizeBytes, qPrintable(apiBase));

    QNetworkAccessManager network;
    cq::net::HttpTransport http(network);
    ApiConfig config;
    config.apiBase = QUrl(apiBase);
    TikTokClient client(http, config);

    // ClipQueue: chunks streamed from the file by TikTokClient, one after the other.
    auto init = initUpload(client, token, *plan);
    if (!init) {
        std::fprintf(stderr, "init failed: %s\n", qPrintable(init.error().message));
        return 2;
    }
    resetPeakRss();
    const qint64 rssBefore = procStatusBytes("VmRSS");
    QElapsedTimer timer;
    timer.start();
    int lastStatus = 0;
    for (int chunk = 0; chunk < plan->totalChunkCount; ++chunk) {
        const auto status = await<ChunkAnswer>(
            [&](auto done) {
                client.uploadChunk(init->uploadUrl, video, QStringLiteral("video/mp4"), *plan, chunk, done);
            },
            600'000);
        if (!status) {
            std::fprintf(stderr, "chunk %d failed: %s\n", chunk, qPrintable(status.error().message));
            return 2;
        }
        lastStatus = status->httpStatus;
    }
    const qint64 clientNs = timer.nsecsElapsed();
    const qint64 rssGrowth = procStatusBytes("VmHWM") - rssBefore;
    if (lastStatus != 201) {
        std::fprintf(stderr, "the stand-in did not confirm the whole file (HTTP %d)\n", lastStatus);
        return 2;
    }

    // curl: the same chunks as files (split before the clock starts), one process, one PUT per chunk.
    auto curlInit = initUpload(client, token, *plan);
    if (!curlInit) {
        std::fprintf(stderr, "init failed: %s\n", qPrintable(curlInit.error().message));
        return 2;
    }
    QStringList curlArguments;
    {
        QFile source(video);
        source.open(QIODevice::ReadOnly);
        for (int chunk = 0; chunk < plan->totalChunkCount; ++chunk) {
            const QString part = dir.filePath(u"chunk" + QString::number(chunk));
            QFile out(part);
            out.open(QIODevice::WriteOnly);
            for (qint64 left = plan->sizeOf(chunk); left > 0;) {
                const QByteArray block = source.read(std::min<qint64>(left, 4 << 20));
                out.write(block);
                left -= block.size();
            }
            const qint64 first = plan->offsetOf(chunk);
            if (chunk > 0) {
                curlArguments << QStringLiteral("--next");
            }
            curlArguments << QStringLiteral("-sS") << QStringLiteral("-o") << QStringLiteral("/dev/null")
                          << QStringLiteral("-w") << QStringLiteral("%{http_code}\n") << QStringLiteral("-T")
                          << part << QStringLiteral("-H") << QStringLiteral("Content-Type: video/mp4")
                          << QStringLiteral("-H")
                          << QStringLiteral("Content-Range: bytes %1-%2/%3")
                                 .arg(first)
                                 .arg(first + plan->sizeOf(chunk) - 1)
                                 .arg(size)
                          << curlInit->uploadUrl.toString();
        }
    }
    QProcess curlProcess;
    timer.restart();
    curlProcess.start(curl, curlArguments);
    curlProcess.waitForFinished(-1);
    const qint64 curlNs = timer.nsecsElapsed();
    const QList<QByteArray> codes = curlProcess.readAllStandardOutput().trimmed().split('\n');
    if (curlProcess.exitCode() != 0 || codes.value(codes.size() - 1) != "201") {
        std::fprintf(stderr, "curl failed (exit %d, last HTTP %s): %s\n", curlProcess.exitCode(),
                     codes.value(codes.size() - 1).constData(),
                     curlProcess.readAllStandardError().constData());
        return 2;
    }
    server.closeWriteChannel();
    server.waitForFinished(5000);

    const double ours = mibPerSecond(size, clientNs);
    const double theirs = mibPerSecond(size, curlNs);
    const double ratio = ours / theirs;
    const bool met = ratio >= MinRatio && rssGrowth < MaxRssGrowthBytes;
    std::printf("ClipQueue TikTokClient  %8.1f MiB/s  (%.2f s)\n", ours, double(clientNs) / 1e9);
    std::printf("curl                    %8.1f MiB/s  (%.2f s)\n", theirs, double(curlNs) / 1e9);
    std::printf("ratio                   %8.0f %%   (target >= %.0f %%)\n", ratio * 100, MinRatio * 100);
    std::printf("peak RSS growth         %8.1f MiB  (target < %lld MiB)\n",
                double(rssGrowth) / (1024.0 * 1024.0), MaxRssGrowthBytes / (1024 * 1024));
    std::printf("%s\n", met ? "Targets met." : "TARGETS MISSED.");
    return met ? 0 : 1;
}
