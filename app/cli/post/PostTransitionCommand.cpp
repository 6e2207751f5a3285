#include "PostTransitionCommand.h"

#include "PostOutput.h"
#include "session/Session.h"

namespace cq::cli {

PostTransitionCommand::PostTransitionCommand(PostAction action)
    : m_action(action) {
}

QString PostTransitionCommand::name() const {
    return commandName(m_action);
}

QString PostTransitionCommand::summary() const {
    switch (m_action) {
    case PostAction::Submit:
        return QStringLiteral("a draft to review (or to the queue without approvals)");
    case PostAction::Approve:
        return QStringLiteral("an in_review post, ready to be scheduled");
    case PostAction::RequestChanges:
        return QStringLiteral("back to its author, saying what should change");
    case PostAction::Cancel:
        return QStringLiteral("a post that is not on its way to TikTok");
    case PostAction::Retry:
        return QStringLiteral("a failed or needs_attention post, now");
    case PostAction::MarkPublished:
        return QStringLiteral("a needs_attention post you found on TikTok");
    default:
        return {};
    }
}

QString PostTransitionCommand::synopsis() const {
    switch (comment()) {
    case Comment::None:
        return QStringLiteral("ID [--json]");
    case Comment::Optional:
        return QStringLiteral("ID [--comment T] [--json]");
    case Comment::Required:
        return QStringLiteral("ID --comment T [--json]");
    }
    return {};
}

// History rows carry the comment: people who stop a post or judge it say why.
PostTransitionCommand::Comment PostTransitionCommand::comment() const {
    switch (m_action) {
    case PostAction::Submit:
    case PostAction::Retry:
        return Comment::None;
    case PostAction::RequestChanges:
        return Comment::Required;
    default:
        return Comment::Optional;
    }
}

QList<QCommandLineOption> PostTransitionCommand::options() const {
    if (comment() == Comment::None) {
        return {jsonOption()};
    }
    return {jsonOption(), commentOption()};
}

QString PostTransitionCommand::checkUsage(const QCommandLineParser &parser) const {
    if (comment() == Comment::Required && parser.value(commentOption()).trimmed().isEmpty()) {
        return u"post " + name() + u" needs --comment saying what should change.";
    }
    return {};
}

ExitCode PostTransitionCommand::execute(Session &session, const QCommandLineParser &parser,
                                        CliStreams streams) {
    const QString id = parser.positionalArguments().constFirst();
    const QString text = comment() == Comment::None ? QString() : parser.value(commentOption());
    const auto result = session.posts().act(id, m_action, text);
    if (!result) {
        return fail(streams.err, result.error());
    }
    writePost(streams.out, *result, parser.isSet(jsonOption()));
    return ExitCode::Success;
}

} // namespace cq::cli
