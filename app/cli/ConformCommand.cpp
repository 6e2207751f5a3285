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

// The command's options, named once for adding and for reading.
struct Options {
    QCommandLineOption creator{QStringLiteral("creator"),
                               QStringLiteral("TikTok creator info to take the maximum length from."),
                               QStringLiteral("FILE")};
    QCommandLineOption outputDir{QStringLiteral("output-dir"),
                                 QStringLiteral("Where converted files go (default: the post's folder)."),
                                 QStringLiteral("DIR")};
    QCommandLineOption trimStart{QStringLiteral("trim-start"),
                                 QStringLiteral("A too-long video keeps the part from S seconds."),
                                 QStringLiteral("S")};
    QCommandLineOption trimEnd{QStringLiteral("trim-end"), QStringLiteral("... up to S seconds."),
                               QStringLiteral("S")};
    QCommandLineOption stripLocation{QStringLiteral("strip-location"),
                                     QStringLiteral("Remove location (all metadata) from every photo.")};
};

std::expected<Post, ExitCode> readPost(const QString &path, QTextStream &err) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << path << ": " << file.errorString() << '\n';
        return std::unexpected(ExitCode::InvalidInput);
    }
    auto parsed = parsePostJson(file.readAll());
    if (!parsed) {
        return std::unexpected(fail(err, parsed.error()));
    }
    return parsed->post;
}

// The creator's maximum length (--creator, else the cache), the trim range and --strip-location.
std::expected<ConformLimits, ExitCode> limitsFrom(const QCommandLineParser &parser, const Options &options,
                                                  const Post &post, QTextStream &err) {
    // A missing end is the start plus the creator's maximum (planConform clamps it).
    const double start =
        parser.isSet(options.trimStart) ? seconds(parser.value(options.trimStart)).value_or(-1.0) : 0.0;
    const double end =
        parser.isSet(options.trimEnd) ? seconds(parser.value(options.trimEnd)).value_or(-1.0) : 1e12;
    if (start < 0 || end <= start) {
        err << "--trim-start and --trim-end take seconds, the end after the start.\n" << usage;
        return std::unexpected(ExitCode::Usage);
    }
    std::optional<CreatorInfo> info;
    if (parser.isSet(options.creator)) {
        auto read = readCreatorInfoFile(parser.value(options.creator));
        if (!read) {
            err << parser.value(options.creator) << ": not TikTok creator info (" << read.error() << ")\n";
            return std::unexpected(ExitCode::Usage);
        }
        info = *read;
    } else {
        info = cachedCreatorInfo(post, err);
    }
    ConformLimits limits = conformLimitsFor(info);
    limits.stripPhotoMetadata = parser.isSet(options.stripLocation);
    if (parser.isSet(options.trimStart) || parser.isSet(options.trimEnd)) {
        limits.trim = TimeRange{start, end};
    }
    return limits;
}

void reportConversions(const ConformResult &result, QTextStream &err) {
    for (const ConformedMedia &item : result.converted) {
        err << "media/" << item.index << ' ' << QFileInfo(item.sourcePath).fileName() << ": "
            << item.description << " -> " << item.outputPath << '\n';
    }
    for (const QString &note : result.notes) {
        err << "note: " << note << '\n';
    }
    if (result.converted.isEmpty()) {
        err << "Nothing to convert.\n";
    }
}

} // namespace

ExitCode ConformCommand::run(const QStringList &arguments, CliStreams streams) {
    QCommandLineParser parser;
    const Options options;
    parser.addOptions(
        {options.creator, options.outputDir, options.trimStart, options.trimEnd, options.stripLocation});
    if (!parser.parse(QStringList{name()} + arguments) || parser.positionalArguments().size() != 1) {
        streams.err << (parser.errorText().isEmpty() ? QString() : parser.errorText() + u'\n') << usage;
        return ExitCode::Usage;
    }
    const QString postPath = parser.positionalArguments().constFirst();
    const QString baseDirectory = QFileInfo(postPath).absolutePath();
    const auto post = readPost(postPath, streams.err);
    if (!post) {
        return post.error();
    }
    const auto limits = limitsFrom(parser, options, *post, streams.err);
    if (!limits) {
        return limits.error();
    }
    const QString directory =
        parser.isSet(options.outputDir) ? parser.value(options.outputDir) : baseDirectory;
    if (!QDir().mkpath(directory)) {
        streams.err << directory << ": cannot create the output folder.\n";
        return ExitCode::Runtime;
    }
    auto result =
        PostConformer({nullptr, QDir(directory).absolutePath()}, *limits).conform(*post, baseDirectory);
    if (!result) {
        return fail(streams.err, result.error());
    }
    reportConversions(*result, streams.err);
    makeLocalUrlsAbsolute(result->post, baseDirectory);
    writeJson(streams.out, QJsonDocument(postToJson(result->post)));
    return ExitCode::Success;
}

} // namespace cq::cli
