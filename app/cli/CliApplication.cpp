#include "CliApplication.h"

#include "AccountsCommand.h"
#include "ConformCommand.h"
#include "McpCommand.h"
#include "PostCommand.h"
#include "ProbeCommand.h"
#include "ValidateCommand.h"
#include "WorkspaceCommand.h"
#include "session/Session.h"

#include <QCoreApplication>

namespace cq::cli {

CliApplication::CliApplication(PublisherFactory publishers) {
    if (!publishers) {
        publishers = [](Session &session) -> std::expected<std::unique_ptr<Publisher>, Error> {
            return session.makeTikTokPublisher();
        };
    }
    m_commands.push_back(std::make_unique<ProbeCommand>());
    m_commands.push_back(std::make_unique<ValidateCommand>());
    m_commands.push_back(std::make_unique<ConformCommand>());
    m_commands.push_back(std::make_unique<PostCommand>());
    m_commands.push_back(std::make_unique<WorkspaceCommand>());
    m_commands.push_back(std::make_unique<AccountsCommand>());
    m_commands.push_back(std::make_unique<RunCommand>(std::move(publishers)));
    m_commands.push_back(std::make_unique<McpCommand>());
}

void CliApplication::printUsage(QTextStream &stream) const {
    stream << "Usage: clipqueue-cli COMMAND [OPTIONS]\n\nCommands:\n";
    for (const auto &command : m_commands) {
        stream << "  " << command->name().leftJustified(10) << command->summary() << '\n';
    }
    stream << "\nRun 'clipqueue-cli COMMAND --help' for a command's options.\n";
    stream.flush();
}

ExitCode CliApplication::run(const QStringList &arguments, CliStreams streams) {
    if (arguments.size() < 2) {
        printUsage(streams.err);
        return ExitCode::Usage;
    }
    const QString &commandName = arguments.at(1);
    if (commandName == u"--help" || commandName == u"-h" || commandName == u"help") {
        printUsage(streams.out);
        return ExitCode::Success;
    }
    if (commandName == u"--version") {
        streams.out << "clipqueue-cli " << QCoreApplication::applicationVersion() << '\n';
        return ExitCode::Success;
    }
    for (const auto &command : m_commands) {
        if (command->name() == commandName) {
            return command->run(arguments.mid(2), streams);
        }
    }
    streams.err << "Unknown command \"" << commandName << "\".\n";
    printUsage(streams.err);
    return ExitCode::Usage;
}

} // namespace cq::cli
