#pragma once

#include "util/Error.h"
#include "util/Settings.h"

#include <QString>
#include <QUrl>

#include <expected>

namespace cq::tiktok {

// Where ClipQueue talks to TikTok, and as which app (the user's own TikTok developer app).
// The API base and authorise URL settings point it at another server; plain http://
// is accepted only for loopback hosts, so tokens never cross a network unencrypted.
struct ApiConfig {
    QUrl apiBase{QStringLiteral("https://open.tiktokapis.com")};
    QUrl authUrl{QStringLiteral("https://www.tiktok.com/v2/auth/authorize/")};
    QString clientKey;
    QString clientSecret; // never logged
    // Photo hosting: TikTok pulls photos from a URL prefix verified in the developer portal, so
    // ClipQueue PUTs them to CLIPQUEUE_PHOTO_UPLOAD_URL and hands TikTok CLIPQUEUE_PHOTO_PUBLIC_URL/NAME.
    QUrl photoUploadBase;
    QUrl photoPublicBase;
    QString photoUploadToken; // optional bearer token for the PUTs; never logged

    QUrl endpoint(const QString &path) const;

    // From the settings (the environment winning; the secrets as handed to `settings`).
    static std::expected<ApiConfig, Error> fromSettings(const Settings &settings);
    // Connecting an account needs the app's client key and secret.
    std::expected<void, Error> checkCredentials() const;
    // Refuses anything but https, or http to 127.0.0.0/8, ::1 or localhost.
    static std::expected<QUrl, Error> checkedUrl(const QString &text, const char *variable);
};

} // namespace cq::tiktok
