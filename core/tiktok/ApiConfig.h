#pragma once

#include "util/Error.h"
#include "util/Settings.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <expected>

namespace cq::tiktok {

// Where ClipQueue talks to TikTok, and as which app (the user's own TikTok developer app).
// The API base and authorise URL settings point it at another server; plain http://
// is accepted only for loopback hosts, so tokens never cross a network unencrypted.
struct ApiConfig {
    QUrl apiBase{QStringLiteral("https://open.tiktokapis.com")};
    QUrl authUrl{QStringLiteral("https://www.tiktok.com/v2/auth/authorize/")};
    // What ClipQueue asks the user to grant (CLIPQUEUE_TIKTOK_SCOPES, comma separated): posting
    // directly needs video.publish, sending to the inbox video.upload. A team that only sends to the
    // inbox asks for less.
    QStringList scopes{QStringLiteral("user.info.basic"), QStringLiteral("video.publish"),
                       QStringLiteral("video.upload")};
    QString clientKey;
    QString clientSecret; // never logged
    // Photo hosting: TikTok pulls photos from a URL prefix verified in the developer portal, so
    // ClipQueue PUTs them to CLIPQUEUE_PHOTO_UPLOAD_URL and hands TikTok CLIPQUEUE_PHOTO_PUBLIC_URL/NAME.
    QUrl photoUploadBase;
    QUrl photoPublicBase;
    QString photoUploadToken; // optional bearer token for the PUTs; never logged
    // An S3-compatible photo host (AWS S3, Cloudflare R2, Backblaze B2, MinIO): PUTs signed with AWS
    // Signature V4 (CLIPQUEUE_PHOTO_S3_ACCESS_KEY, _SECRET_KEY, _REGION, _BUCKET). With a bucket,
    // photos go to CLIPQUEUE_PHOTO_UPLOAD_URL/BUCKET/NAME (path style); without one, the upload URL
    // names the bucket itself (https://BUCKET.s3.REGION.amazonaws.com/).
    QString photoS3AccessKey;
    QString photoS3SecretKey; // never logged
    QString photoS3Region = QStringLiteral("us-east-1");
    QString photoS3Bucket;
    bool usesS3() const { return !photoS3AccessKey.isEmpty(); }
    // Where photos are PUT: the upload URL, with the S3 bucket when one is named.
    QUrl photoUploadTarget() const;

    QUrl endpoint(const QString &path) const;
    // `base` with `name` as its last path segment.
    static QUrl under(QUrl base, const QString &name);

    // From the settings (the environment winning; the secrets as handed to `settings`).
    static std::expected<ApiConfig, Error> fromSettings(const Settings &settings);
    // Connecting an account needs the app's client key and secret.
    std::expected<void, Error> checkCredentials() const;
    // Refuses anything but https, or http to 127.0.0.0/8, ::1 or localhost.
    static std::expected<QUrl, Error> checkedUrl(const QString &text, const char *variable);
    // The photo prefix TikTok pulls from: https with a domain name (http only to this computer).
    static std::expected<QUrl, Error> checkedPhotoPublicUrl(const QString &text);
};

} // namespace cq::tiktok
