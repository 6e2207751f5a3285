#pragma once

#include "storage/DatabaseConfig.h"
#include "util/Error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <expected>
#include <functional>
#include <memory>

namespace cq {

// One open connection to ClipQueue's database, for the thread that opened it (Qt Sql connections
// are per thread). Opening applies the schema migrations. SQLite runs in WAL mode with foreign
// keys on and a busy timeout, so several processes may share the file.
class Database {
public:
    static constexpr int LatestSchemaVersion = 7;

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens, configures and migrates. A schema newer than this build knows is refused.
    static std::expected<std::unique_ptr<Database>, Error> open(const DatabaseConfig &config);
    // Opens without migrating: for tests that build old schemas.
    static std::expected<std::unique_ptr<Database>, Error> openUnmigrated(const DatabaseConfig &config);

    DatabaseConfig::Backend backend() const { return m_config.backend; }
    const DatabaseConfig &config() const { return m_config; }
    QSqlDatabase connection() const;

    // Prepares, binds positional values and runs one statement.
    std::expected<QSqlQuery, Error> exec(const QString &sql, const QVariantList &values = {}) const;

    // Runs `work` in one transaction (BEGIN IMMEDIATE on SQLite, so two writers never deadlock on a
    // lock upgrade). Commits when it succeeds; rolls back and passes its error on when it fails.
    std::expected<void, Error> transaction(const std::function<std::expected<void, Error>()> &work) const;

    std::expected<int, Error> schemaVersion() const;
    // Applies the migrations after the current version up to `target`, in one transaction.
    std::expected<void, Error> migrate(int target = LatestSchemaVersion) const;

private:
    explicit Database(const DatabaseConfig &config, QString connectionName);
    std::expected<void, Error> configure() const;

    DatabaseConfig m_config;
    QString m_connectionName;
};

} // namespace cq
