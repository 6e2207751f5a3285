#include "ConformCommand.h"

#include "CreatorInfoSource.h"
#include "post/PostJson.h"
#include "publish/PostConformer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace cq::cli {

namespace {

const auto usage = QStringLiteral(
    "Usage: clipqueue-cli conform [--creator FILE] [--output-dir DIR] [--trim-start S] [--trim-end S] "
    "[--strip-location] POST.json\n");

std::optional<double> seconds(const QString &value) {
    bool ok = false;
    const double number = value.toDouble(&ok);
    return ok && number >= 0 ? std::optional(number) : std::nullopt;
}

// Local paths become absolute file URLs, so that the printed post works from any folder.
void makeLocalUrlsAbsolute(Post &post, const QString &baseDirectory) {
    for (MediaDescriptor &media : post.media) {
        const MediaLocation location = locateMedia(media.url);
        if (location.kind == MediaLocation::Kind::LocalFile) {
            media.url = fileUrlForPath(QDir(baseDirectory).absoluteFilePath(location.localPath));
        }
    }
}

} // namespace

ExitCode ConformCommand::run(const QStringList &arguments, CliStreams streams) {
    QCommandLineParser parser;
    const QCommandLineOption creator(QStringLiteral("creator"),
                                     QStringLiteral("TikTok creator info to take the maximum length from."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption outputDir(
        QStringLiteral("output-dir"),
        QStringLiteral("Where converted files go (default: the post's folder)."), QStringLiteral("DIR"));
    const QCommandLineOption trimStart(QStringLiteral("trim-start"),
                                       QStringLiteral("A too-long video keeps the part from S seconds."),
                                       QStringLiteral("S"));
    const QCommandLineOption trimEnd(QStringLiteral("trim-end"), QStringLiteral("... up to S seconds."),
                                     QStringLiteral("S"));
    const QCommandLineOption stripLocation(
        QStringLiteral("strip-location"), QStringLiteral("Remove location (all metadata) from every photo."));
    parser.addOptions({creator, outputDir, trimStart, trimEnd, stripLocation});
    if (!parser.parse(QStringList{name()} + arguments) || parser.positionalArguments().size() != 1) {
        streams.err << (parser.errorText().isEmpty() ? QString() : parser.errorText() + u'\n') << usage;
        return ExitCode::Usage;
    }
    // A missing end is the start plus the creator's maximum (planConform clamps it).
    const double start = parser.isSet(trimStart) ? seconds(parser.value(trimStart)).value_or(-1.0) : 0.0;
    const double end = parser.isSet(trimEnd) ? seconds(parser.value(trimEnd)).value_or(-1.0) : 1e12;
    if (start < 0 || end <= start) {
        streams.err << "--trim-start and --trim-end take seconds, the end after the start.\n" << usage;
        return ExitCode::Usage;
    }
    const QString postPath = parser.positionalArguments().constFirst();
    const QString baseDirectory = QFileInfo(postPath).absolutePath();
    QFile file(postPath);
    if (!file.open(QIODevice::ReadOnly)) {
        streams.err << postPath << ": " << file.errorString() << '\n';
        return ExitCode::InvalidInput;
    }
    const auto parsed = parsePostJson(file.readAll());
    if (!parsed) {
        return fail(streams.err, parsed.error());
    }

    std::optional<CreatorInfo> info;
    if (parser.isSet(creator)) {
        auto read = readCreatorInfoFile(parser.value(creator));
        if (!read) {
            streams.err << parser.value(creator) << ": not TikTok creator info (" << read.error() << ")\n";
            return ExitCode::Usage;
        }
        info = *read;
    } else {
        info = cachedCreatorInfo(parsed->post, streams.err);
    }
    ConformLimits limits = conformLimitsFor(info);
    limits.stripPhotoMetadata = parser.isSet(stripLocation);
    if (parser.isSet(trimStart) || parser.isSet(trimEnd)) {
        limits.trim = TimeRange{start, end};
    }
    const QString directory = parser.isSet(outputDir) ? parser.value(outputDir) : baseDirectory;
    if (!QDir().mkpath(directory)) {
        streams.err << directory << ": cannot create the output folder.\n";
        return ExitCode::Runtime;
    }

    auto result =
        PostConformer({nullptr, QDir(directory).absolutePath()}, limits).conform(parsed->post, baseDirectory);
    if (!result) {
        return fail(streams.err, result.error());
    }
    for (const ConformedMedia &item : std::as_const(result->converted)) {
        streams.err << "media/" << item.index << ' ' << QFileInfo(item.sourcePath).fileName() << ": "
                    << item.description << " -> " << item.outputPath << '\n';
    }
    for (const QString &note : std::as_const(result->notes)) {
        streams.err << "note: " << note << '\n';
    }
    if (result->converted.isEmpty()) {
        streams.err << "Nothing to convert.\n";
    }
    makeLocalUrlsAbsolute(result->post, baseDirectory);
    writeJson(streams.out, QJsonDocument(postToJson(result->post)));
    return ExitCode::Success;
}

} // namespace cq::cli
