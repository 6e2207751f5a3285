#pragma once

#include "storage/Database.h"

#include <expected>

namespace cq {

// Reads and writes the workspace_settings table: key/value settings shared by everyone who uses
// the database (approval, default time zone, grace period). Callers own the keys and their meaning.
class WorkspaceSettingsRepository {
public:
    explicit WorkspaceSettingsRepository(const Database &database);

    // The stored value, or `fallback` when the key was never set.
    std::expected<QString, Error> value(const QString &key, const QString &fallback) const;
    // Inserts or replaces the value in one statement, so two writers at once cannot collide.
    std::expected<void, Error> setValue(const QString &key, const QString &value);

private:
    const Database &m_db;
};

} // namespace cq
