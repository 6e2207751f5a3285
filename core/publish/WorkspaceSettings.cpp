#include "publish/WorkspaceSettings.h"

namespace cq {

QStringList settings::mcpToolNames() {
    return {QStringLiteral("media_probe"),      QStringLiteral("posts_validate"),
            QStringLiteral("posts_create"),     QStringLiteral("posts_schedule"),
            QStringLiteral("posts_list"),       QStringLiteral("posts_get"),
            QStringLiteral("posts_cancel"),     QStringLiteral("accounts_list"),
            QStringLiteral("account_sets_list")};
}

namespace {

// "all", "none", or tool names separated by commas (spaces allowed).
std::expected<QStringList, QString> parseToolList(const QString &value) {
    const QStringList known = settings::mcpToolNames();
    if (value.trimmed() == u"all") {
        return known;
    }
    if (value.trimmed() == u"none") {
        return QStringList();
    }
    QStringList named;
    for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
        const QString name = part.trimmed();
        if (!known.contains(name)) {
            return std::unexpected(u"\"" + name + u"\" is not an MCP tool; known: " + known.join(u", ")
                                   + u'.');
        }
        named << name;
    }
    QStringList ordered;
    for (const QString &name : known) {
        if (named.contains(name)) {
            ordered << name;
        }
    }
    return ordered;
}

} // namespace

WorkspaceSettings::WorkspaceSettings(const Database &database)
    : m_repository(database) {
}

std::expected<bool, Error> WorkspaceSettings::approvalRequired() const {
    auto value = m_repository.value(QString::fromLatin1(settings::ApprovalRequired), QStringLiteral("false"));
    if (!value) {
        return std::unexpected(value.error());
    }
    return *value == u"true";
}

std::expected<QTimeZone, Error> WorkspaceSettings::defaultTimeZone() const {
    auto value = m_repository.value(QString::fromLatin1(settings::DefaultTimeZone), QString());
    if (!value) {
        return std::unexpected(value.error());
    }
    const QTimeZone zone(value->toUtf8());
    return value->isEmpty() || !zone.isValid() ? QTimeZone::systemTimeZone() : zone;
}

std::expected<std::chrono::minutes, Error> WorkspaceSettings::gracePeriod() const {
    auto minutes = m_repository.value(QString::fromLatin1(settings::GraceMinutes), QStringLiteral("15"));
    if (!minutes) {
        return std::unexpected(minutes.error());
    }
    bool ok = false;
    const int value = minutes->toInt(&ok);
    return std::chrono::minutes(ok && value >= 0 ? value : 15);
}

std::expected<QStringList, Error> WorkspaceSettings::mcpTools() const {
    auto value = m_repository.value(QString::fromLatin1(settings::McpTools), QStringLiteral("all"));
    if (!value) {
        return std::unexpected(value.error());
    }
    // Written through set(), so only a hand-edited row fails here: then no tool, rather than all.
    return parseToolList(*value).value_or(QStringList());
}

QStringList WorkspaceSettings::keys() {
    return {QString::fromLatin1(settings::ApprovalRequired), QString::fromLatin1(settings::DefaultTimeZone),
            QString::fromLatin1(settings::GraceMinutes), QString::fromLatin1(settings::McpTools)};
}

std::expected<void, Error> WorkspaceSettings::set(const QString &key, const QString &value) {
    if (key == QLatin1StringView(settings::ApprovalRequired)) {
        if (value != u"true" && value != u"false") {
            return std::unexpected(
                Error{ErrorCode::Usage, QStringLiteral("approval_required is true or false.")});
        }
    } else if (key == QLatin1StringView(settings::DefaultTimeZone)) {
        if (!QTimeZone(value.toUtf8()).isValid()) {
            return std::unexpected(Error{ErrorCode::Usage, u"\"" + value
                                                               + u"\" is not a time zone; use an IANA name "
                                                                 u"such as Europe/Berlin."});
        }
    } else if (key == QLatin1StringView(settings::GraceMinutes)) {
        bool ok = false;
        if (value.toInt(&ok) < 0 || !ok) {
            return std::unexpected(Error{
                ErrorCode::Usage, QStringLiteral("grace_minutes is a whole number of minutes, 0 or more.")});
        }
    } else if (key == QLatin1StringView(settings::McpTools)) {
        if (auto tools = parseToolList(value); !tools) {
            return std::unexpected(Error{ErrorCode::Usage, tools.error()});
        }
    } else {
        return std::unexpected(Error{ErrorCode::Usage, u"Unknown setting \"" + key + u"\"; known: "
                                                           + keys().join(u", ") + u'.'});
    }
    return m_repository.setValue(key, value);
}

} // namespace cq
