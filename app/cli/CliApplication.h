#pragma once

#include "CliCommand.h"

#include <memory>
#include <vector>

namespace cq::cli {

// Dispatches `clipqueue-cli SUBCOMMAND ARGS...` to its command.
class CliApplication {
public:
    CliApplication();
    ExitCode run(const QStringList &arguments, CliStreams streams);

private:
    void printUsage(QTextStream &stream) const;
    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace cq::cli
