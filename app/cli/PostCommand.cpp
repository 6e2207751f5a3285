#include "PostCommand.h"

#include "post/PostCreateCommand.h"
#include "post/PostDeleteCommand.h"
#include "post/PostDuplicateCommand.h"
#include "post/PostEditCommand.h"
#include "post/PostImportCommand.h"
#include "post/PostListCommand.h"
#include "post/PostScheduleCommand.h"
#include "post/PostShowCommand.h"
#include "post/PostTransitionCommand.h"

namespace cq::cli {

PostCommand::PostCommand() {
    // In the order `post --help` lists them: roughly the order a post lives through.
    m_subcommands.push_back(std::make_unique<PostCreateCommand>());
    m_subcommands.push_back(std::make_unique<PostImportCommand>());
    m_subcommands.push_back(std::make_unique<PostListCommand>());
    m_subcommands.push_back(std::make_unique<PostShowCommand>());
    m_subcommands.push_back(std::make_unique<PostEditCommand>());
    for (const PostAction action : {PostAction::Submit, PostAction::Approve, PostAction::RequestChanges}) {
        m_subcommands.push_back(std::make_unique<PostTransitionCommand>(action));
    }
    m_subcommands.push_back(std::make_unique<PostScheduleCommand>());
    for (const PostAction action : {PostAction::Cancel, PostAction::Retry, PostAction::MarkPublished}) {
        m_subcommands.push_back(std::make_unique<PostTransitionCommand>(action));
    }
    m_subcommands.push_back(std::make_unique<PostDuplicateCommand>());
    m_subcommands.push_back(std::make_unique<PostDeleteCommand>());
    m_subcommands.push_back(std::make_unique<PostExportCommand>());
}

PostCommand::~PostCommand() = default;

void PostCommand::printUsage(QTextStream &stream) const {
    qsizetype width = 0;
    for (const auto &subcommand : m_subcommands) {
        width = std::max(width, subcommand->name().size() + 1 + subcommand->synopsis().size());
    }
    stream << "Usage: clipqueue-cli post COMMAND ...\n";
    for (const auto &subcommand : m_subcommands) {
        const QString line = subcommand->name() + u' ' + subcommand->synopsis();
        stream << "  " << line.leftJustified(width + 2) << subcommand->summary() << '\n';
    }
    stream << "\nRun 'clipqueue-cli post COMMAND --help' for one command's usage.\n";
}

ExitCode PostCommand::run(const QStringList &arguments, CliStreams streams) {
    if (arguments.isEmpty()) {
        printUsage(streams.err);
        return ExitCode::Usage;
    }
    if (arguments.first() == u"--help" || arguments.first() == u"-h" || arguments.first() == u"help") {
        printUsage(streams.out);
        return ExitCode::Success;
    }
    for (const auto &subcommand : m_subcommands) {
        if (subcommand->name() == arguments.first()) {
            return subcommand->run(arguments.mid(1), streams);
        }
    }
    streams.err << "Unknown post command \"" << arguments.first() << "\".\n";
    printUsage(streams.err);
    return ExitCode::Usage;
}

} // namespace cq::cli
