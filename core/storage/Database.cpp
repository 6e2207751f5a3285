#include "storage/Database.h"

#include "storage/Migrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QThread>
#include <QUuid>

Q_LOGGING_CATEGORY(lcDb, "clipqueue.db", QtWarningMsg)

namespace cq {

namespace {
// A new SQLite file is created readable by its owner only (SQLite gives its -wal and -shm files the
// same mode): posts and history are the user's own.
void createOwnerOnly(const QString &path) {
    QFile file(path);
    if (!file.exists() && file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        file.close();
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
}
} // namespace

namespace {

Error databaseError(const QString &what, const QSqlError &error) {
    return Error{ErrorCode::Database, what + u": " + error.text().trimmed()};
}

} // namespace

Database::Database(const DatabaseConfig &config, QString connectionName)
    : m_config(config)
    , m_connectionName(std::move(connectionName)) {
}

Database::~Database() {
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const {
    return QSqlDatabase::database(m_connectionName, false);
}

std::expected<std::unique_ptr<Database>, Error> Database::openUnmigrated(const DatabaseConfig &config) {
    const QString name = u"clipqueue-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<Database> database(new Database(config, name));
    const bool sqlite = config.backend == DatabaseConfig::Backend::Sqlite;
    QSqlDatabase db =
        QSqlDatabase::addDatabase(sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
    if (!db.isValid()) {
        return std::unexpected(
            Error{ErrorCode::Database, (sqlite ? u"The Qt SQLite driver" : u"The Qt PostgreSQL driver")
                                           + QStringLiteral(" is not installed (Debian: %1).")
                                                 .arg(sqlite ? u"libqt6sql6-sqlite" : u"libqt6sql6-psql")});
    }
    if (sqlite) {
        QDir().mkpath(QFileInfo(config.sqlitePath).absolutePath());
        createOwnerOnly(config.sqlitePath);
        db.setDatabaseName(config.sqlitePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db.setHostName(config.host);
        db.setPort(config.port);
        db.setUserName(config.user);
        db.setPassword(config.password);
        db.setDatabaseName(config.databaseName);
        db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=clipqueue"));
    }
    if (!db.open()) {
        return std::unexpected(databaseError(u"Cannot open " + config.describe(), db.lastError()));
    }
    if (auto configured = database->configure(); !configured) {
        return std::unexpected(configured.error());
    }
    qCDebug(lcDb) << "opened" << config.describe() << "on thread" << QThread::currentThread();
    return database;
}

std::expected<std::unique_ptr<Database>, Error> Database::open(const DatabaseConfig &config) {
    auto database = openUnmigrated(config);
    if (!database) {
        return database;
    }
    if (auto migrated = (*database)->migrate(); !migrated) {
        return std::unexpected(migrated.error());
    }
    return database;
}

std::expected<void, Error> Database::configure() const {
    if (m_config.backend == DatabaseConfig::Backend::Sqlite) {
        // WAL lets readers and one writer work at once; NORMAL sync is durable in WAL mode except
        // for the last transactions on power loss, never corrupt.
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON",
                                   "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=10000"}) {
            if (auto done = exec(QString::fromLatin1(pragma)); !done) {
                return std::unexpected(done.error());
            }
        }
    } else {
        if (auto done = exec(QStringLiteral("SET TIME ZONE 'UTC'")); !done) {
            return std::unexpected(done.error());
        }
    }
    return {};
}

std::expected<QSqlQuery, Error> Database::exec(const QString &sql, const QVariantList &values) const {
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (values.isEmpty()) {
        // PostgreSQL cannot prepare utility statements (SET, CREATE ...): run them directly.
        if (!query.exec(sql)) {
            return std::unexpected(
                databaseError(QStringLiteral("A database statement failed"), query.lastError()));
        }
        return query;
    }
    if (!query.prepare(sql)) {
        return std::unexpected(
            databaseError(QStringLiteral("A database statement failed to prepare"), query.lastError()));
    }
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        return std::unexpected(
            databaseError(QStringLiteral("A database statement failed"), query.lastError()));
    }
    return query;
}

std::expected<void, Error>
Database::transaction(const std::function<std::expected<void, Error>()> &work) const {
    const bool sqlite = m_config.backend == DatabaseConfig::Backend::Sqlite;
    QSqlQuery begin(connection());
    if (!begin.exec(sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"))) {
        return std::unexpected(
            databaseError(QStringLiteral("Cannot start a transaction"), begin.lastError()));
    }
    const std::expected<void, Error> result = work();
    QSqlQuery end(connection());
    if (!result) {
        end.exec(QStringLiteral("ROLLBACK"));
        return result;
    }
    if (!end.exec(QStringLiteral("COMMIT"))) {
        const Error error = databaseError(QStringLiteral("Cannot commit"), end.lastError());
        QSqlQuery(connection()).exec(QStringLiteral("ROLLBACK"));
        return std::unexpected(error);
    }
    return {};
}

std::expected<int, Error> Database::schemaVersion() const {
    const QStringList tables = connection().tables();
    if (!tables.contains(u"schema_version")) {
        return 0;
    }
    auto query = exec(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    if (!query) {
        return std::unexpected(query.error());
    }
    return query->next() ? query->value(0).toInt() : 0;
}

std::expected<void, Error> Database::migrate(int target) const {
    return transaction([&]() -> std::expected<void, Error> {
        if (m_config.backend == DatabaseConfig::Backend::Postgres) {
            // Two apps starting at once on a team database: the second waits for the first.
            if (auto locked = exec(QStringLiteral("SELECT pg_advisory_xact_lock(735120261125)")); !locked) {
                return std::unexpected(locked.error());
            }
        }
        if (auto created =
                exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
            !created) {
            return std::unexpected(created.error());
        }
        auto current = exec(QStringLiteral("SELECT MAX(version) FROM schema_version"));
        if (!current) {
            return std::unexpected(current.error());
        }
        const int version = current->next() ? current->value(0).toInt() : 0;
        current->finish();
        if (version > LatestSchemaVersion) {
            return std::unexpected(
                Error{ErrorCode::Database,
                      QStringLiteral(
                          "%1 was written by a newer ClipQueue (schema %2; this version knows up to %3). "
                          "Update ClipQueue; the database was not changed.")
                          .arg(m_config.describe())
                          .arg(version)
                          .arg(LatestSchemaVersion)});
        }
        const bool sqlite = m_config.backend == DatabaseConfig::Backend::Sqlite;
        for (const Migration &migration : schemaMigrations()) {
            if (migration.version <= version || migration.version > target) {
                continue;
            }
            for (const QString &sql :
                 migration.common + (sqlite ? migration.sqliteOnly : migration.postgresOnly)) {
                if (auto done = exec(sql); !done) {
                    return std::unexpected(
                        Error{ErrorCode::Database, QStringLiteral("Schema migration %1 failed: %2")
                                                       .arg(migration.version)
                                                       .arg(done.error().message)});
                }
            }
            if (auto recorded = exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"),
                                     {migration.version});
                !recorded) {
                return std::unexpected(recorded.error());
            }
            qCInfo(lcDb) << "migrated" << m_config.describe() << "to schema" << migration.version;
        }
        return {};
    });
}

} // namespace cq
