#pragma once

#include "util/Error.h"

#include <QString>

#include <expected>

namespace cq {

// Which database ClipQueue uses: the embedded SQLite file under the data directory (default) or a
// shared PostgreSQL database for a team (CLIPQUEUE_DATABASE_URL=postgresql://user:pass@host:port/db).
struct DatabaseConfig {
    enum class Backend { Sqlite, Postgres };
    Backend backend = Backend::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString user;
    QString password; // never logged
    QString databaseName;

    static DatabaseConfig sqlite(const QString &path);
    static std::expected<DatabaseConfig, Error> fromUrl(const QString &url);
    // A description safe for logs and messages: no password.
    QString describe() const;
};

} // namespace cq
