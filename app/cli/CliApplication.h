#pragma once

#include "CliCommand.h"
#include "RunCommand.h"

#include <memory>
#include <vector>

namespace cq::cli {

// Dispatches `clipqueue-cli SUBCOMMAND ARGS...` to its command.
class CliApplication {
public:
    // `publishers` makes the publisher for `run`; the default one explains that TikTok publishing
    // is not configured.
    explicit CliApplication(PublisherFactory publishers = {});
    ExitCode run(const QStringList &arguments, CliStreams streams);

private:
    void printUsage(QTextStream &stream) const;
    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace cq::cli
