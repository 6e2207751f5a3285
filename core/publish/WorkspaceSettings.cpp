#include "publish/WorkspaceSettings.h"

namespace cq {

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

QStringList WorkspaceSettings::keys() {
    return {QString::fromLatin1(settings::ApprovalRequired), QString::fromLatin1(settings::DefaultTimeZone),
            QString::fromLatin1(settings::GraceMinutes)};
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
    } else {
        return std::unexpected(Error{ErrorCode::Usage, u"Unknown setting \"" + key + u"\"; known: "
                                                           + keys().join(u", ") + u'.'});
    }
    return m_repository.setValue(key, value);
}

} // namespace cq
