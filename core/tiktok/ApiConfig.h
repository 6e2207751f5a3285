#pragma once

#include "util/Error.h"

#include <QString>
#include <QUrl>

#include <expected>

namespace cq::tiktok {

// Where ClipQueue talks to TikTok, and as which app (the user's own TikTok developer app).
// CLIPQUEUE_TIKTOK_API_BASE / CLIPQUEUE_TIKTOK_AUTH_URL point it at another server; plain http://
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

    static std::expected<ApiConfig, Error> fromEnvironment();
    // Refuses anything but https, or http to 127.0.0.0/8, ::1 or localhost.
    static std::expected<QUrl, Error> checkedUrl(const QString &text, const char *variable);
    // The photo prefix TikTok pulls from: https with a domain name (http only to this computer).
    static std::expected<QUrl, Error> checkedPhotoPublicUrl(const QString &text);
};

} // namespace cq::tiktok
