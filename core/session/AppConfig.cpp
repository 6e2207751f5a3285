#include "session/AppConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace cq {

namespace {
QString settingOrEnvironment(const char *variable, const QString &key, const QString &fallback = {}) {
    const QString fromEnvironment = qEnvironmentVariable(variable);
    if (!fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
    return QSettings().value(key, fallback).toString();
}
} // namespace

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

std::expected<AppConfig, Error> AppConfig::load() {
    AppConfig config;
    config.dataDirectory =
        settingOrEnvironment("CLIPQUEUE_DATA_DIR", QStringLiteral("dataDirectory"),
                             QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const bool created = !config.dataDirectory.isEmpty() && !QFileInfo::exists(config.dataDirectory);
    if (config.dataDirectory.isEmpty() || !QDir().mkpath(config.dataDirectory)) {
        return std::unexpected(
            Error{ErrorCode::Io, u"Cannot create the data folder \"" + config.dataDirectory
                                     + u"\". Set CLIPQUEUE_DATA_DIR to a writable folder."});
    }
    if (created) {
        // Tokens, the database and the media are the user's own: no one else may look.
        QFile::setPermissions(config.dataDirectory,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    const QString url = settingOrEnvironment("CLIPQUEUE_DATABASE_URL", QStringLiteral("databaseUrl"));
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
    config.profileName = settingOrEnvironment("CLIPQUEUE_PROFILE_NAME", QStringLiteral("profileName"));
    const QString allowPrivate =
        settingOrEnvironment("CLIPQUEUE_ALLOW_PRIVATE_MEDIA_URLS", QStringLiteral("allowPrivateMediaUrls"));
    config.allowPrivateMediaUrls =
        allowPrivate == u"1" || allowPrivate.compare(u"true", Qt::CaseInsensitive) == 0;
    return config;
}

} // namespace cq
