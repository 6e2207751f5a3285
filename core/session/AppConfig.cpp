#include "session/AppConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace cq {

QString defaultActorName(const QString &profileName) {
    if (!profileName.isEmpty()) {
        return profileName;
    }
    QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
#ifdef Q_OS_UNIX
    if (user.isEmpty()) {
        if (const passwd *entry = ::getpwuid(::getuid())) {
            user = QString::fromLocal8Bit(entry->pw_name);
        }
    }
#endif
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

QString AppConfig::actorName() const {
    return defaultActorName(profileName);
}

QString AppConfig::mediaStoreDirectory() const {
    return QDir(dataDirectory).filePath(QStringLiteral("media"));
}

QString AppConfig::secretsDirectory() const {
    return secretsDirectoryIn(dataDirectory);
}

QString AppConfig::secretsDirectoryIn(const QString &dataDirectory) {
    return QDir(dataDirectory).filePath(QStringLiteral("secrets"));
}

QString AppConfig::dataDirectoryOf(const Settings &settings) {
    const QString set = settings.value(Setting::DataDirectory);
    return set.isEmpty() ? defaultDataDirectory() : set;
}

QString AppConfig::defaultDataDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

std::expected<AppConfig, Error> AppConfig::load(const Settings &settings) {
    AppConfig config;
    config.dataDirectory = dataDirectoryOf(settings);
    const bool created = !config.dataDirectory.isEmpty() && !QFileInfo::exists(config.dataDirectory);
    if (config.dataDirectory.isEmpty() || !QDir().mkpath(config.dataDirectory)) {
        return std::unexpected(
            Error{ErrorCode::Io,
                  u"Cannot create the data folder \"" + config.dataDirectory
                      + u"\". Choose a writable data folder in Settings (or set CLIPQUEUE_DATA_DIR)."});
    }
    if (created) {
        // Tokens, the database and the media are the user's own: no one else may look.
        QFile::setPermissions(config.dataDirectory,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    const QString url = settings.value(Setting::DatabaseUrl).trimmed();
    if (url.isEmpty()) {
        config.database =
            DatabaseConfig::sqlite(QDir(config.dataDirectory).filePath(QStringLiteral("clipqueue.sqlite")));
    } else {
        auto database = DatabaseConfig::fromUrl(url);
        if (!database) {
            return std::unexpected(database.error());
        }
        config.database = *database;
    }
    config.profileName = settings.value(Setting::ProfileName);
    config.allowPrivateMediaUrls = settings.flag(Setting::AllowPrivateMediaUrls);
    return config;
}

} // namespace cq
