#include "WorkspaceCommand.h"

#include "session/Session.h"
#include "storage/WorkspaceSettingsRepository.h"

#include <QTimeZone>

namespace cq::cli {

ExitCode WorkspaceCommand::run(const QStringList &arguments, CliStreams streams) {
    const auto usage = QStringLiteral("Usage: clipqueue-cli workspace show\n"
                                      "       clipqueue-cli workspace set approval_required true|false\n"
                                      "       clipqueue-cli workspace set default_time_zone Europe/Berlin\n"
                                      "       clipqueue-cli workspace set grace_minutes 15\n");
    const bool show = arguments == QStringList{QStringLiteral("show")};
    const bool set = arguments.size() == 3 && arguments.first() == u"set";
    if (!show && !set) {
        streams.err << usage;
        return ExitCode::Usage;
    }
    const QStringList keys{QString::fromLatin1(settings::ApprovalRequired),
                           QString::fromLatin1(settings::DefaultTimeZone),
                           QString::fromLatin1(settings::GraceMinutes)};
    if (set) {
        const QString &key = arguments.at(1);
        const QString &value = arguments.at(2);
        bool valid = false;
        if (key == keys.at(0)) {
            valid = value == u"true" || value == u"false";
        } else if (key == keys.at(1)) {
            valid = QTimeZone(value.toUtf8()).isValid();
        } else if (key == keys.at(2)) {
            value.toUInt(&valid);
        }
        if (!valid) {
            streams.err << "\"" << value << "\" is not a valid value for \"" << key << "\".\n" << usage;
            return ExitCode::Usage;
        }
    }
    auto session = Session::open();
    if (!session) {
        streams.err << session.error().message << '\n';
        return ExitCode::Runtime;
    }
    WorkspaceSettingsRepository workspace((*session)->database());
    if (set) {
        if (auto stored = workspace.setValue(arguments.at(1), arguments.at(2)); !stored) {
            streams.err << stored.error().message << '\n';
            return ExitCode::Runtime;
        }
    }
    auto approval = (*session)->posts().approvalRequired();
    auto zone = (*session)->posts().defaultTimeZone();
    auto grace = workspace.value(keys.at(2), QStringLiteral("15"));
    if (!approval || !zone || !grace) {
        streams.err << "Cannot read the workspace settings.\n";
        return ExitCode::Runtime;
    }
    streams.out << "database: " << (*session)->config().database.describe() << '\n'
                << "media store: " << (*session)->store().root() << '\n'
                << "approval_required: " << (*approval ? "true" : "false") << '\n'
                << "default_time_zone: " << QString::fromUtf8(zone->id()) << '\n'
                << "grace_minutes: " << *grace << '\n';
    return ExitCode::Success;
}

} // namespace cq::cli
