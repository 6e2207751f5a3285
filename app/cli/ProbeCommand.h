#pragma once

#include "CliCommand.h"
#include "media/MediaDescriptor.h"

#include <QJsonObject>

#include <expected>

namespace cq::cli {

// One probe result as `probe --json` (and the MCP media_probe tool) writes it: the descriptor, or
// {url, filename, error: {code, message}} for a file that cannot be read.
QJsonObject probeResultJson(const QString &path, const std::expected<MediaDescriptor, Error> &result);

// `probe [--json] FILE...`: one media descriptor per file, probed in parallel.
class ProbeCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("probe"); }
    QString summary() const override {
        return QStringLiteral("Describe media files as TikTok posting needs them");
    }
    ExitCode run(const QStringList &arguments, CliStreams streams) override;
};

} // namespace cq::cli
