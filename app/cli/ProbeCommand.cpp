#include "ProbeCommand.h"

#include "media/MediaProber.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>

namespace cq::cli {

namespace {

QString describe(const MediaDescriptor &media) {
    QStringList parts{mediaTypeName(*media.type), media.mimeType,
                      QString::number(*media.width) + u'x' + QString::number(*media.height)};
    if (media.isVideo()) {
        parts << QString::number(media.durationSeconds.value_or(0), 'f', 2) + u" s"
              << QString::number(media.frameRate.value_or(0), 'f', 2) + u" fps" << media.codec
              << (media.hasAudio.value_or(false) ? QStringLiteral("audio") : QStringLiteral("no audio"));
    } else {
        parts << media.codec;
    }
    if (media.rotation.value_or(0) != 0) {
        parts << u"rotated " + QString::number(*media.rotation) + u"°";
    }
    parts << QString::number(media.sizeBytes.value_or(0)) + u" bytes";
    return parts.join(u"  ");
}

} // namespace

QJsonObject probeResultJson(const QString &path, const std::expected<MediaDescriptor, Error> &result) {
    if (result) {
        return mediaDescriptorToJson(*result);
    }
    return QJsonObject{
        {QStringLiteral("url"), fileUrlForPath(path)},
        {QStringLiteral("filename"), QFileInfo(path).fileName()},
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), errorCodeName(result.error().code)},
                                              {QStringLiteral("message"), result.error().message}}},
    };
}

ExitCode ProbeCommand::run(const QStringList &arguments, CliStreams streams) {
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print one JSON array in argument order."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Media files to probe."),
                                 QStringLiteral("FILE..."));
    if (!parser.parse(QStringList{name()} + arguments)) {
        streams.err << parser.errorText() << "\nUsage: clipqueue-cli probe [--json] FILE...\n";
        return ExitCode::Usage;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        streams.err << "Usage: clipqueue-cli probe [--json] FILE...\n";
        return ExitCode::Usage;
    }

    const auto results = MediaProber().probeAll(files);
    bool anyUnreadable = false;
    QJsonArray array;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const auto &result = results.at(i);
        array.append(probeResultJson(files.at(i), result));
        anyUnreadable = anyUnreadable || !result;
        if (parser.isSet(json)) {
            continue;
        }
        if (result) {
            streams.out << result->filename << ": " << describe(*result) << '\n';
        } else {
            streams.out << QFileInfo(files.at(i)).fileName() << ": " << errorCodeName(result.error().code)
                        << ": " << result.error().message << '\n';
        }
    }
    if (parser.isSet(json)) {
        writeJson(streams.out, QJsonDocument(array));
    }
    streams.out.flush();
    return anyUnreadable ? ExitCode::InvalidInput : ExitCode::Success;
}

} // namespace cq::cli
