#pragma once

#include "storage/DatabaseConfig.h"
#include "util/Error.h"

#include <QString>

#include <expected>

namespace cq {

// Where ClipQueue keeps its data, from QSettings with an environment variable that wins for each
// setting (docs/cli.md, "Configuration"): CLIPQUEUE_DATA_DIR, CLIPQUEUE_DATABASE_URL, CLIPQUEUE_PROFILE_NAME,
// CLIPQUEUE_ALLOW_PRIVATE_MEDIA_URLS. The data folder is created readable by its owner only.
struct AppConfig {
    QString dataDirectory;
    DatabaseConfig database;
    QString profileName; // reviewer identity; empty: the OS user name
    // Media URLs may lead to this computer or a private network (setting allowPrivateMediaUrls,
    // or CLIPQUEUE_ALLOW_PRIVATE_MEDIA_URLS=1 for tests and headless use). Off: a post file cannot
    // make ClipQueue fetch from the user's own network.
    bool allowPrivateMediaUrls = false;

    QString mediaStoreDirectory() const;
    QString actorName() const; // who history rows name: the profile name, else the OS user
    static std::expected<AppConfig, Error> load();
};

// The profile name used as reviewer identity: the given one, else the OS user name.
QString defaultActorName(const QString &profileName = {});

} // namespace cq
