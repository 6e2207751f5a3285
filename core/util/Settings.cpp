#include "util/Settings.h"

#include <QSettings>

#include <array>

namespace cq {

namespace {

struct Entry {
    Setting setting;
    const char *variable; // nullptr: no environment variable
    const char *key;      // the QSettings key; nullptr for secrets
    const char *defaultValue;
};

// One row per setting: the environment variable and the QSettings key are part of ClipQueue's
// contract (docs/cli.md), so they never change.
constexpr std::array entries{
    Entry{Setting::DataDirectory, "CLIPQUEUE_DATA_DIR", "dataDirectory", ""},
    Entry{Setting::DatabaseUrl, "CLIPQUEUE_DATABASE_URL", "databaseUrl", ""},
    Entry{Setting::ProfileName, "CLIPQUEUE_PROFILE_NAME", "profileName", ""},
    Entry{Setting::TikTokClientKey, "CLIPQUEUE_TIKTOK_CLIENT_KEY", "tiktok/clientKey", ""},
    Entry{Setting::TikTokClientSecret, "CLIPQUEUE_TIKTOK_CLIENT_SECRET", nullptr, ""},
    Entry{Setting::TikTokApiBase, "CLIPQUEUE_TIKTOK_API_BASE", "tiktok/apiBase", ""},
    Entry{Setting::TikTokAuthUrl, "CLIPQUEUE_TIKTOK_AUTH_URL", "tiktok/authUrl", ""},
    Entry{Setting::PhotoUploadUrl, "CLIPQUEUE_PHOTO_UPLOAD_URL", "photos/uploadUrl", ""},
    Entry{Setting::PhotoPublicUrl, "CLIPQUEUE_PHOTO_PUBLIC_URL", "photos/publicUrl", ""},
    Entry{Setting::PhotoUploadToken, "CLIPQUEUE_PHOTO_UPLOAD_TOKEN", nullptr, ""},
    Entry{Setting::PublishFromThisComputer, "CLIPQUEUE_PUBLISH", "window/publish", "true"},
    Entry{Setting::StartMinimised, nullptr, "window/startMinimised", "false"},
    Entry{Setting::FirstStartDone, nullptr, "window/firstStartDone", "false"},
    Entry{Setting::TrayExplained, nullptr, "window/trayExplained", "false"},
    Entry{Setting::TikTokAppAudited, "CLIPQUEUE_TIKTOK_APP_AUDITED", "tiktok/appAudited", "false"},
    Entry{Setting::AllowPrivateMediaUrls, "CLIPQUEUE_ALLOW_PRIVATE_MEDIA_URLS", "media/allowPrivateUrls",
          "false"},
};

const Entry &entryOf(Setting setting) {
    for (const Entry &entry : entries) {
        if (entry.setting == setting) {
            return entry;
        }
    }
    Q_UNREACHABLE();
}

QString environmentValue(const Entry &entry) {
    return entry.variable ? qEnvironmentVariable(entry.variable) : QString();
}

bool isOn(const QString &value) {
    return value == u"true" || value == u"1" || value == u"yes" || value == u"on";
}

} // namespace

QString Settings::value(Setting setting) const {
    const Entry &entry = entryOf(setting);
    if (const QString fromEnvironment = environmentValue(entry); !fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
    if (!entry.key) {
        return m_secrets.value(setting);
    }
    return QSettings()
        .value(QString::fromLatin1(entry.key), QString::fromLatin1(entry.defaultValue))
        .toString();
}

bool Settings::flag(Setting setting) const {
    return isOn(value(setting).trimmed().toLower());
}

SettingSource Settings::source(Setting setting) const {
    const Entry &entry = entryOf(setting);
    if (!environmentValue(entry).isEmpty()) {
        return SettingSource::Environment;
    }
    const bool stored = entry.key ? QSettings().contains(QString::fromLatin1(entry.key))
                                  : !m_secrets.value(setting).isEmpty();
    return stored ? SettingSource::Stored : SettingSource::Default;
}

void Settings::setValue(Setting setting, const QString &value) {
    const Entry &entry = entryOf(setting);
    Q_ASSERT_X(entry.key, "Settings::setValue", "secrets go to SecretStore");
    if (!entry.key) {
        return;
    }
    QSettings settings;
    if (value.isEmpty()) {
        settings.remove(QString::fromLatin1(entry.key));
    } else {
        settings.setValue(QString::fromLatin1(entry.key), value);
    }
}

void Settings::setFlag(Setting setting, bool on) {
    setValue(setting, on ? QStringLiteral("true") : QStringLiteral("false"));
}

void Settings::setSecret(Setting setting, const QString &value) {
    m_secrets.insert(setting, value);
}

QString Settings::environmentVariable(Setting setting) {
    const char *variable = entryOf(setting).variable;
    return variable ? QString::fromLatin1(variable) : QString();
}

bool Settings::isSecret(Setting setting) {
    return entryOf(setting).key == nullptr;
}

QList<Setting> Settings::inEnvironment() {
    QList<Setting> set;
    for (const Entry &entry : entries) {
        if (!environmentValue(entry).isEmpty()) {
            set << entry.setting;
        }
    }
    return set;
}

bool Settings::configuredByEnvironment() {
    const QList<Setting> set = inEnvironment();
    return set.contains(Setting::TikTokClientKey) || set.contains(Setting::DataDirectory)
           || set.contains(Setting::DatabaseUrl);
}

} // namespace cq
