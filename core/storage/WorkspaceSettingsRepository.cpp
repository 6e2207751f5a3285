#include "storage/WorkspaceSettingsRepository.h"

namespace cq {

WorkspaceSettingsRepository::WorkspaceSettingsRepository(const Database &database)
    : m_db(database) {
}

std::expected<QString, Error> WorkspaceSettingsRepository::value(const QString &key,
                                                                 const QString &fallback) const {
    auto query = m_db.exec(QStringLiteral("SELECT value FROM workspace_settings WHERE key = ?"), {key});
    if (!query) {
        return std::unexpected(query.error());
    }
    return query->next() ? query->value(0).toString() : fallback;
}

std::expected<void, Error> WorkspaceSettingsRepository::setValue(const QString &key, const QString &value) {
    // SQLite 3.24+ and PostgreSQL both know ON CONFLICT ... DO UPDATE.
    auto done = m_db.exec(QStringLiteral("INSERT INTO workspace_settings (key, value) VALUES (?, ?) "
                                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                          {key, value});
    if (!done) {
        return std::unexpected(done.error());
    }
    return {};
}

} // namespace cq
