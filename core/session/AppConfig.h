#pragma once

#include "storage/DatabaseConfig.h"
#include "util/Error.h"
#include "util/Settings.h"

#include <QString>

#include <expected>

namespace cq {

// Where ClipQueue keeps its data, from the Settings (QSettings with an environment variable that
// wins for each setting, docs/cli.md "Configuration"): data folder, database URL, profile name,
// whether media URLs may be private. A new data folder is created readable by its owner only.
struct AppConfig {
    QString dataDirectory;
    DatabaseConfig database;
    QString profileName; // reviewer identity; empty: the OS user name
    // Media URLs may lead to this computer or a private network (setting media/allowPrivateUrls,
    // or CLIPQUEUE_ALLOW_PRIVATE_MEDIA_URLS=1 for tests and headless use). Off: a post file cannot
    // make ClipQueue fetch from the user's own network.
    bool allowPrivateMediaUrls = false;

    QString mediaStoreDirectory() const;
    QString secretsDirectory() const; // where SecretStore keeps files when there is no keychain
    QString actorName() const;        // who history rows name: the profile name, else the OS user
    static std::expected<AppConfig, Error> load(const Settings &settings = Settings());
    // The platform's application data folder: the data folder unless one is set.
    static QString defaultDataDirectory();
    // The data folder the settings name, else the default one.
    static QString dataDirectoryOf(const Settings &settings);
    static QString secretsDirectoryIn(const QString &dataDirectory);
};

// The profile name used as reviewer identity: the given one, else the OS user name.
QString defaultActorName(const QString &profileName = {});

} // namespace cq
