#include "storage/DatabaseConfig.h"

#include <QUrl>

namespace cq {

DatabaseConfig DatabaseConfig::sqlite(const QString &path) {
    DatabaseConfig config;
    config.sqlitePath = path;
    return config;
}

std::expected<DatabaseConfig, Error> DatabaseConfig::fromUrl(const QString &url) {
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme();
    if (!parsed.isValid() || (scheme != u"postgresql" && scheme != u"postgres")) {
        return std::unexpected(
            Error{ErrorCode::Usage, QStringLiteral("The database URL must look like "
                                                   "postgresql://user:password@host:5432/database.")});
    }
    DatabaseConfig config;
    config.backend = Backend::Postgres;
    config.host = parsed.host().isEmpty() ? QStringLiteral("localhost") : parsed.host();
    config.port = parsed.port(5432);
    config.user = parsed.userName(QUrl::FullyDecoded);
    config.password = parsed.password(QUrl::FullyDecoded);
    config.databaseName = parsed.path().mid(1);
    if (config.databaseName.isEmpty()) {
        return std::unexpected(
            Error{ErrorCode::Usage, QStringLiteral("The database URL names no database: add "
                                                   "/DATABASE after the host.")});
    }
    return config;
}

QString DatabaseConfig::describe() const {
    if (backend == Backend::Sqlite) {
        return u"SQLite " + sqlitePath;
    }
    return u"PostgreSQL " + user + u'@' + host + u':' + QString::number(port) + u'/' + databaseName;
}

} // namespace cq
