#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace cq {

// Every setting of this machine that the app and clipqueue-cli read. The team's shared settings
// (approval, default time zone, grace period) live in the database instead (WorkspaceSettings).
enum class Setting {
    DataDirectory,
    DatabaseUrl,
    ProfileName,
    TikTokClientKey,
    TikTokClientSecret, // a secret: the keychain or the environment, never the settings file
    TikTokApiBase,
    TikTokAuthUrl,
    PhotoUploadUrl,
    PhotoPublicUrl,
    PhotoUploadToken, // a secret
    PublishFromThisComputer,
    StartMinimised,
    FirstStartDone,        // the welcome page was finished or skipped
    TrayExplained,         // "ClipQueue keeps publishing in the tray" was said once
    TikTokAppAudited,      // TikTok audited the developer app: public posts are possible
    AllowPrivateMediaUrls, // media URLs may lead to this computer or a private network
};

// Where a setting's value comes from, in the order that wins.
enum class SettingSource { Environment, Stored, Default };

// One layer over QSettings and the environment (docs/cli.md, "Configuration"): an environment
// variable that is set and not empty wins over the stored value, so headless machines and tests
// configure ClipQueue without touching anyone's settings. Secrets are never written to QSettings:
// SecretStore keeps them, and whoever read them hands them in with setSecret(). Not thread-safe:
// each thread makes its own (QSettings reads the same file).
class Settings {
public:
    Settings() = default;

    QString value(Setting setting) const;
    bool flag(Setting setting) const; // "true"/"1" is on; a setting's default when unset
    SettingSource source(Setting setting) const;
    bool fromEnvironment(Setting setting) const { return source(setting) == SettingSource::Environment; }

    // Writes QSettings (an empty value removes the key). Refuses secrets (use SecretStore).
    void setValue(Setting setting, const QString &value);
    void setFlag(Setting setting, bool on);
    // A secret as read from the keychain, below the environment.
    void setSecret(Setting setting, const QString &value);

    // The variable that overrides `setting`, e.g. "CLIPQUEUE_DATA_DIR"; empty when there is none.
    static QString environmentVariable(Setting setting);
    static bool isSecret(Setting setting);
    // The settings an environment variable sets now, and the names of those variables.
    static QList<Setting> inEnvironment();
    // True when the environment alone configures ClipQueue (a TikTok app, or a data folder or
    // database chosen): then there is no first-start welcome.
    static bool configuredByEnvironment();

private:
    QHash<Setting, QString> m_secrets;
};

} // namespace cq
